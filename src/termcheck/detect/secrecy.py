"""Secrecy checks (to be written)."""

from __future__ import annotations


class SecrecyDetector:
    name = "secrecy"

    def detect(self, scan):
        return []
