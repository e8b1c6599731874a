"""Generic spelling-check figures on the public CSC sets in ../shared/data (report only).

termcheck is built for government wording, not for learner essays, so these sets measure its
generic typo detection, not its purpose. Nothing is tuned on the *_test files.
For each set: sentence-level detection precision and recall (a sentence with an error counts
as found when an error/warning finding overlaps a changed character), and the false-alarm
rate on the sentences without errors, with and without the typography detector.

    python benchmarks/csc_sets.py [name ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

import termcheck

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SETS = ("ecspell_odw_test", "ecspell_law_test", "sighan15_test", "csc_hard_news_paper")


def measure(name: str, skip: frozenset[str] = frozenset()) -> str:
    path = DATA / f"{name}.tsv"
    if not path.exists():
        return f"{name}: not found"
    checker = termcheck.default_checker()
    flagged = correct_flags = with_error = found = clean = clean_flagged = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        source, target = parts[1], parts[2]
        changed = {i for i, (a, b) in enumerate(zip(source, target)) if a != b}
        findings = [
            f for f in checker.check(source) if f.severity.value != "info" and f.category.value not in skip
        ]
        hit = any(any(f.start <= i < f.end for i in changed) for f in findings)
        if findings:
            flagged += 1
            correct_flags += hit
        if changed:
            with_error += 1
            found += hit
        else:
            clean += 1
            clean_flagged += bool(findings)
    precision = correct_flags / flagged if flagged else 0.0
    recall = found / with_error if with_error else 0.0
    alarms = clean_flagged / clean if clean else 0.0
    label = f"{name} (without {', '.join(sorted(skip))})" if skip else name
    return (
        f"{label}: precision {precision:.1%} ({correct_flags}/{flagged} flagged sentences), "
        f"recall {recall:.1%} ({found}/{with_error}), clean sentences flagged {alarms:.1%} ({clean_flagged}/{clean})"
    )


def main(names: list[str]) -> int:
    # The sets' own punctuation is often half-width (?, :), which typography rightly reports;
    # the second line shows the spelling detectors alone.
    for name in names or SETS:
        print(measure(name))
        print(measure(name, frozenset({"typography"})))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
