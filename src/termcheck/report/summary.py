"""Counts by category and severity, shared by every renderer."""

from __future__ import annotations

from collections import Counter

from ..models import FileReport


def summarize(reports: list[FileReport]) -> dict:
    by_category: Counter[str] = Counter()
    by_severity: Counter[str] = Counter()
    for report in reports:
        for finding in report.findings:
            by_category[finding.category.value] += 1
            by_severity[finding.severity.value] += 1
    return {
        "files": len(reports),
        "files_with_errors": sum(1 for r in reports if r.error),
        "findings": sum(by_severity.values()),
        "by_category": dict(sorted(by_category.items())),
        "by_severity": dict(sorted(by_severity.items())),
    }
