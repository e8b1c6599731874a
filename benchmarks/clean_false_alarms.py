"""False alarms on clean official texts (../shared/data/clean/): measured, never tuned on.

Every error or warning on these published State Council documents counts as a false alarm
(date-dependent rules use each file's signature date, else the year in its file name, else
2019-12-31, the end of the crawl period). Prints the rate per 10,000 characters, by category and rule,
then the rate after review: findings that benchmarks/clean_reviewed_findings.tsv records as real
slips of the published text (read by hand) are left out.

    python benchmarks/clean_false_alarms.py [--show] [--categories leader,name,...] [--typo-sensitivity high]
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

from clean_review import reviewed_slips

import termcheck
from termcheck.text.dates import document_date, is_date_dependent

CLEAN = Path(__file__).resolve().parents[2] / "shared" / "data" / "clean"
CRAWL_END = dt.date(2019, 12, 31)


def _document_day(path: Path, text: str) -> dt.date:
    """The date the text carries, else 31 December of the year in the file name, else the crawl end."""
    date = document_date(text)
    if date.source != "today":
        return date.day
    year = re.search(r"(19|20)\d\d", path.name)
    return dt.date(int(year.group(0)), 12, 31) if year else CRAWL_END


def dated_checks_on_own_dates(checker, files: list[Path]) -> None:
    """Error/warning findings of dated checks when each file is judged on the date its text
    carries (no file name, no crawl period): issue #20 wants none."""
    sources: Counter[str] = Counter()
    dated = []
    for path in files:
        report = checker.check_report(path.read_text(encoding="utf-8"), path=path.name)
        sources[report.as_of_source] += 1
        dated += [
            (path.name, f) for f in report.findings
            if f.severity.value != "info" and is_date_dependent(f.rule)
        ]
    print("dates the texts carry:", ", ".join(f"{source} {n}" for source, n in sources.most_common()))
    print(f"dated checks reported on each document's own date: {len(dated)}")
    for name, f in dated:
        print(f"  {name}:{f.line}: {f.rule} {f.text!r} {f.message}")


def main(argv: list[str]) -> int:
    if not CLEAN.exists():
        print(f"{CLEAN} not found; nothing to measure")
        return 0
    show = "--show" in argv
    wanted = None
    if "--categories" in argv:
        wanted = set(argv[argv.index("--categories") + 1].split(","))
    checker = termcheck.default_checker()
    if "--typo-sensitivity" in argv:
        checker = termcheck.Checker(typo_sensitivity=argv[argv.index("--typo-sensitivity") + 1])
    characters = 0
    by_rule: Counter[str] = Counter()
    by_category: Counter[str] = Counter()
    slips = reviewed_slips()
    real_slips = 0
    files = sorted(p for p in CLEAN.rglob("*.txt") if p.is_file())
    for path in files:
        text = path.read_text(encoding="utf-8")
        characters += sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
        findings = checker.check(text, as_of=_document_day(path, text))
        for f in findings:
            if f.severity.value == "info" or (wanted and f.category.value not in wanted):
                continue
            by_rule[f.rule.split("/")[0] if f.category.value == "typography" else f.rule] += 1
            by_category[f.category.value] += 1
            real_slips += (path.relative_to(CLEAN).as_posix(), f.line, f.rule) in slips
            if show:
                print(f"{path.name}:{f.line}:{f.column}: {f.severity.value} {f.rule} {f.text!r} {f.message}")
    total = sum(by_category.values())
    per_10k = total / characters * 10_000 if characters else 0.0
    print(f"{len(files)} files, {characters} Chinese characters")
    print(f"error+warning findings: {total} = {per_10k:.2f} per 10,000 characters")
    for category, n in by_category.most_common():
        print(f"  {category:<12} {n:>4}  {n / characters * 10_000:.2f}/10k")
    print("top rules:", ", ".join(f"{rule} {n}" for rule, n in by_rule.most_common(15)))
    alarms = total - real_slips
    print(
        f"after review: {real_slips} are real slips of the published text; "
        f"false alarms {alarms} = {alarms / characters * 10_000 if characters else 0.0:.2f} per 10,000 characters"
    )
    dated_checks_on_own_dates(checker, files)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
