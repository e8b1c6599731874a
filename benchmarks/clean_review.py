"""Findings on ../shared/data/clean/ that were read by hand and found to be real slips.

The list is benchmarks/clean_reviewed_findings.tsv; a finding not on it counts as a false
alarm until someone reads it. Reviewing changes no detector.
"""

from __future__ import annotations

from pathlib import Path

REVIEWED = Path(__file__).resolve().with_name("clean_reviewed_findings.tsv")


def reviewed_slips() -> set[tuple[str, int, str]]:
    """(file path under clean/, line, rule) of findings that are real slips of the published text."""
    slips = set()
    for row in REVIEWED.read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            path, line, rule, verdict, _reason = row.split("\t")
            if verdict == "slip":
                slips.add((path, int(line), rule))
    return slips
