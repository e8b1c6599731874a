"""Typography checks (to be written)."""

from __future__ import annotations


class TypographyDetector:
    name = "typography"

    def detect(self, scan):
        return []
