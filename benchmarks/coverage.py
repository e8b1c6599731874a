"""The figures of coverage work (issue #19) in one run: what is protected, what is found, what it costs.

- vocabulary: protected idioms and fixed phrases, official phrases (and those with an offensive
  reading), wrong→right pairs, collocation rules, leader names;
- officials: every row of lexicons/people/officials.tsv in its title context
  (`{post}{name}出席会议并讲话。`) must give no near-miss or typo finding;
- real published errors: the project's own public set (benchmarks/real_errors_public.tsv,
  measured only) and the development set, by category;
- guard rails: ecspell_odw_test detection precision at default, false alarms on clean/ after
  review (both measured, never tuned on), peak RSS of a CLI run on the sample.

    python benchmarks/coverage.py [--quick]     # --quick: vocabulary and officials only
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import os
import sys
from collections import Counter
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
ROOT = BENCHMARKS.parent
OFFICIALS = ROOT / "lexicons" / "people" / "officials.tsv"


def vocabulary() -> dict[str, int]:
    from termcheck.lexicon.compile import bundled_lexicon_paths
    from termcheck.lexicon.loader import load_lexicon

    counts: Counter[str] = Counter()
    for path in bundled_lexicon_paths():
        lexicon = load_lexicon(path, bundled=True)
        folder = path.parent.name
        for entry in lexicon.data.entries:
            if entry.kind == "phrases":
                label = "official phrases" if lexicon.data.lexicon == "official-phrases" else "idioms and fixed phrases"
                counts[label] += len(entry.phrases)
                if entry.offensive_reading:
                    counts["official phrases with an offensive reading"] += len(entry.phrases)
            elif entry.kind == "substitution" and folder == "typos":
                counts["wrong→right pairs"] += len(entry.wrong)
            elif entry.kind == "collocation":
                counts["collocation rules"] += 1
            elif entry.kind == "leader" and entry.near_miss:
                counts["leader names (shape, 五笔 and sound variants)"] += 1
            elif entry.kind == "leader":
                counts["officials' posts checked on the document's date"] += len(entry.titles)
    return dict(counts)


def official_rows() -> list[list[str]]:
    if not OFFICIALS.exists():
        return []
    with OFFICIALS.open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [row for row in rows if len(row) >= 7 and row[0]]


def first_day(start: str) -> dt.date:
    """A day in office: the first (the 15th of a month known only by month)."""
    if len(start) == 7:
        start += "-15"
    return dt.date.fromisoformat(start) if start else dt.date(2024, 6, 1)


def officials_reported() -> tuple[int, int, list[str]]:
    import termcheck

    rows = official_rows()
    reported = []
    for name, post, _short, start, *_ in rows:
        findings = termcheck.check(f"{post}{name}出席会议并讲话。", as_of=first_day(start))
        if any(f.rule.endswith("/near-miss") or f.category.value == "typo" for f in findings):
            reported.append(f"{post}{name}")
    return len({row[0] for row in rows}), len(rows), reported


def _captured(function, *args) -> str:
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        function(*args)
    return output.getvalue().rstrip()


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(BENCHMARKS))
    print("## Vocabulary")
    for label, n in vocabulary().items():
        print(f"  {label:<48}{n:>8,}")
    people, rows, reported = officials_reported()
    print(f"\n## Officials in title contexts\n  {people} people, {rows} posts; reported: {len(reported)}")
    for line in reported:
        print(f"    {line}")
    if "--quick" in argv:
        return 0

    import clean_false_alarms
    import csc_sets
    import real_errors
    from run import _peak_rss_mb, _termcheck_command

    for name in ("public", "dev"):
        print(f"\n## Real published errors: {name} ({real_errors.SETS[name].name})")
        print(_captured(real_errors.main, name))
    print("\n## Guard rails")
    odw = csc_sets.evaluate("ecspell_odw_test")
    if odw is not None:
        print(f"  ecspell_odw_test detection precision at default: {odw.detection_precision:.3f} (recall {odw.detection_recall:.3f})")
    clean = _captured(clean_false_alarms.main, [])
    print("  clean/: " + next((line for line in clean.splitlines() if line.startswith("after review")), clean))
    command = [*_termcheck_command(), "check", str(ROOT / "samples" / "draft.txt")]
    _peak_rss_mb(command, dict(os.environ))  # warms the cache: a compile after a lexicon edit costs more
    rss = _peak_rss_mb(command, dict(os.environ))
    print(f"  peak RSS, CLI run on samples/draft.txt (cached lexicons): {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
