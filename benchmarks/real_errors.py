"""Recall on real published errors, by category.

Two sets, each row `wrong sentence<TAB>correct sentence or phrase<TAB>category<TAB>source URL`:
- ``dev``: ../shared/data/real_errors_dev.tsv, the development split;
- ``public``: benchmarks/real_errors_public.tsv, collected by this project from public
  reports of published errors (see benchmarks/real_errors_public.md). It is measured only:
  its figure is written down before and after each change, and nothing is tuned on it.

A row counts as found when a finding of severity error or warning overlaps the part of the
wrong sentence that differs from the correct one. Where the second column is the corrected
phrase only, the corrected sentence is the wrong one with that phrase written in. The correct
sentence is checked too: a finding there at the same place is a false alarm.

    python benchmarks/real_errors.py [dev|public] [--verbose]
"""

from __future__ import annotations

import csv
import difflib
import sys
from collections import defaultdict
from pathlib import Path

import termcheck
from termcheck.text.dates import is_date_dependent

SETS = {
    "dev": Path(__file__).resolve().parents[2] / "shared" / "data" / "real_errors_dev.tsv",
    "public": Path(__file__).resolve().parent / "real_errors_public.tsv",
}
KEY_CATEGORIES = ("leader_name", "state_name", "formulation")


def corrected_sentence(wrong: str, correct: str) -> str:
    """The correct sentence: the second column itself, or, when it is a phrase, the wrong sentence
    with that phrase put where the most similar stretch of it stands."""
    if len(correct) >= len(wrong) - 2:
        return correct  # a whole sentence
    if correct in wrong:
        return wrong  # nothing to correct: the row is skipped
    best, where = 0.0, (0, 0)
    for length in range(max(1, len(correct) - 2), len(correct) + 3):
        for start in range(0, len(wrong) - length + 1):
            ratio = difflib.SequenceMatcher(None, wrong[start : start + length], correct, autojunk=False).ratio()
            if ratio > best:
                best, where = ratio, (start, start + length)
    return wrong[: where[0]] + correct + wrong[where[1] :]


def changed_span(wrong: str, right: str) -> tuple[int, int]:
    opcodes = [op for op in difflib.SequenceMatcher(None, wrong, right, autojunk=False).get_opcodes() if op[0] != "equal"]
    start = opcodes[0][1]
    end = opcodes[-1][2]
    if end == start:  # something missing in the wrong sentence: look at both sides of the gap
        return max(0, start - 1), min(len(wrong), end + 1)
    return start, end


def overlaps(findings, span, *, skip_dated: bool = False, with_info: bool = False) -> bool:
    start, end = span
    return any(
        f.start < end
        and start < f.end
        and (with_info or f.severity.value != "info")
        and not (skip_dated and is_date_dependent(f.rule))
        for f in findings
    )


def main(name: str = "dev", verbose: bool = False) -> int:
    data = SETS[name]
    if not data.exists():
        print(f"{data} not found; nothing to measure")
        return 0
    with data.open(encoding="utf-8") as handle:
        rows = [row for row in csv.reader(handle, delimiter="\t") if len(row) >= 4][1:]
    found = defaultdict(int)
    total = defaultdict(int)
    false_alarms = 0
    hinted = 0
    for wrong, right, category, _url in (row[:4] for row in rows):
        right = corrected_sentence(wrong, right)
        if right == wrong:
            continue
        span = changed_span(wrong, right)
        findings = termcheck.check(wrong)
        hit = overlaps(findings, span)
        hinted += overlaps(findings, span, with_info=True)
        total[category] += 1
        found[category] += hit
        right_span = changed_span(right, wrong)
        # The rows carry no date; a title that was right when written is wrong today.
        alarm = overlaps(termcheck.check(right), right_span, skip_dated=True)
        false_alarms += alarm
        if verbose:
            print(f"{'FOUND' if hit else 'miss '} {'FA' if alarm else '  '} {category:<12} {wrong}")
    print(f"{'category':<14}{'found':>7}{'rows':>6}{'recall':>9}")
    for category in sorted(total):
        print(f"{category:<14}{found[category]:>7}{total[category]:>6}{found[category] / total[category]:>9.1%}")
    key_found = sum(found[c] for c in KEY_CATEGORIES)
    key_total = sum(total[c] for c in KEY_CATEGORIES)
    all_found, all_total = sum(found.values()), sum(total.values())
    print(f"leader_name+state_name+formulation: {key_found}/{key_total} = {key_found / key_total:.1%}")
    print(f"all rows: {all_found}/{all_total} = {all_found / all_total:.1%}")
    print(f"all rows, info findings counted too: {hinted}/{all_total} = {hinted / all_total:.1%}")
    print(f"false alarms at the same place in the corrected sentences (date-dependent rules aside): {false_alarms}/{all_total}")
    return 0


if __name__ == "__main__":
    names = [a for a in sys.argv[1:] if not a.startswith("-")] or ["dev"]
    raise SystemExit(max(main(name, "--verbose" in sys.argv) for name in names))
