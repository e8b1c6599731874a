"""False alarms of the typography, privacy and secrecy detectors on clean government text.

Reads the government texts (*.txt) under ../shared/data/clean/; SOURCES.md, an English
provenance note, is not one of them. Prints two rates per 10,000 characters:

- raw: every finding counts as a false alarm, as if the published texts had no slips;
- after review: findings that benchmarks/clean_reviewed_findings.tsv records as real slips
  of the published text (read by hand: half-width parentheses in Chinese prose, ○ for 〇) are
  left out. A finding not on that list counts as a false alarm until someone reads it.

This script measures only; do not tune the detectors on the sentences it finds.

    python benchmarks/clean_false_alarms_rule_detectors.py [CLEAN_DIR] [--show N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import Counter
from pathlib import Path

from clean_review import reviewed_slips

from termcheck import Checker, InputError
from termcheck.detect.privacy import PrivacyDetector
from termcheck.detect.secrecy import SecrecyDetector
from termcheck.detect.typography import TypographyDetector
from termcheck.sources import read_document

DEFAULT_CLEAN = Path(__file__).resolve().parents[2] / "shared" / "data" / "clean"
CATEGORIES = {"typography", "privacy", "secrecy"}
TARGET_PER_10K = 0.3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clean_dir", nargs="?", type=Path, default=DEFAULT_CLEAN)
    parser.add_argument("--show", type=int, default=0, help="print the first N findings (for bug hunting)")
    args = parser.parse_args(argv)

    files = sorted(args.clean_dir.rglob("*.txt")) if args.clean_dir.is_dir() else []
    slips = reviewed_slips()
    if not files:
        print(f"no clean data at {args.clean_dir}; nothing measured")
        return 0

    checker = Checker(bundled=False, detectors=[TypographyDetector(), PrivacyDetector(), SecrecyDetector()])
    by_rule: Counter[str] = Counter()
    unreviewed: Counter[str] = Counter()
    characters = 0
    shown = 0
    began = time.perf_counter()
    for path in files:
        try:
            text = read_document(path).text
        except InputError as error:
            print(f"skipped {path}: {error}", file=sys.stderr)
            continue
        characters += len(text)
        for finding in checker.check(text, as_of=dt.date.today()):
            if finding.category.value not in CATEGORIES:
                continue
            by_rule[finding.rule] += 1
            if (path.relative_to(args.clean_dir).as_posix(), finding.line, finding.rule) not in slips:
                unreviewed[finding.rule] += 1
            if shown < args.show:
                shown += 1
                print(f"  {path.name}:{finding.line}: {finding.rule} {finding.text!r} … {finding.context}")
    elapsed = time.perf_counter() - began

    total = sum(by_rule.values())
    rate = total / characters * 10_000 if characters else 0.0
    print(f"files: {len(files)}  characters: {characters:,}  time: {elapsed:.2f}s")
    print(f"raw: {total} findings, {rate:.3f} per 10,000 characters (target <= {TARGET_PER_10K})")
    for rule, count in sorted(by_rule.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {rule:45s} {count:5d}  {count / characters * 10_000:.3f}")
    alarms = sum(unreviewed.values())
    print(
        f"after review: {total - alarms} are real slips of the published text; false alarms {alarms}, "
        f"{alarms / characters * 10_000 if characters else 0.0:.3f} per 10,000 characters (target <= {TARGET_PER_10K})"
    )
    for rule, count in sorted(unreviewed.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {rule:45s} {count:5d}")
    return 0



if __name__ == "__main__":
    sys.exit(main())
