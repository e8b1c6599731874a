"""Privacy checks (to be written)."""

from __future__ import annotations


class PrivacyDetector:
    name = "privacy"

    def detect(self, scan):
        return []
