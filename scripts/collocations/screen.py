"""Screen collocation rules against sentences known to be right, and against known slips.

Every *_train.tsv of ../shared/data/ (and real_errors_dev.tsv) gives pairs of a sentence as
written and as corrected. A collocation rule that fires on a corrected sentence is a false
alarm; one that fires on a written sentence where the corrected one differs at that spot is a
catch. Test sets and clean/ are not read: rules are never tuned on them.

    python scripts/collocations/screen.py lexicons/collocations/*.yaml
    python scripts/collocations/screen.py --bundled lexicons/phrases/official.yaml

``--bundled`` checks with every bundled lexicon (a lexicon that is bundled already, whose rules
lean on the others' guards) and reports the given files' rules only. ``--pfr`` also reads the
19,484 lines of the 1998 人民日报 corpus (edited prose, so every finding there is a false alarm
or an old spelling), fetched as ``scripts/typos/build_char_ngrams.py`` does.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
AS_OF = dt.date(2026, 11, 26)


def pairs():
    for path in sorted(DATA.glob("*_train*.tsv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                if len(row) >= 3:
                    yield path.stem, row[1], row[2]
    dev = DATA / "real_errors_dev.tsv"
    if dev.exists():
        with dev.open(encoding="utf-8") as handle:
            for row in list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]:
                if len(row) >= 2:
                    yield "real_errors_dev", row[0], row[1]


def main(paths: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    import termcheck

    from termcheck.lexicon.loader import load_lexicon

    with_pfr = "--pfr" in paths
    paths = [p for p in paths if p != "--pfr"]
    bundled = paths[:1] == ["--bundled"]
    paths = paths[1:] if bundled else paths
    checker = termcheck.Checker() if bundled else termcheck.Checker(lexicons=[Path(p) for p in paths], bundled=False)
    ids = {entry.id for p in paths for entry in load_lexicon(Path(p)).data.entries}

    def collocations(text):
        return [f for f in checker.check(text, as_of=AS_OF) if f.rule.split("/")[0] in ids]

    false_alarms, catches = Counter(), Counter()
    for name, written, corrected in pairs():
        for finding in collocations(corrected):
            false_alarms[finding.rule] += 1
            print(f"FALSE ALARM\t{finding.rule}\t{finding.text}\t{name}\t{corrected}")
        if written != corrected:
            for finding in collocations(written):
                changed = written[finding.start:finding.end] != corrected[finding.start:finding.end]
                if changed:
                    catches[finding.rule] += 1
                print(f"{'CATCH' if changed else 'UNCHANGED'}\t{finding.rule}\t{finding.text}\t{name}\t{written}")
    if with_pfr:
        sys.path.insert(0, str(ROOT / "scripts" / "typos"))
        from build_char_ngrams import pfr_sentences

        for line in pfr_sentences(Path.home() / ".cache" / "termcheck-build"):
            for finding in collocations(line):
                false_alarms[finding.rule] += 1
                print(f"FALSE ALARM\t{finding.rule}\t{finding.text}\tpfr1998\t{line}")
    print(f"# {sum(false_alarms.values())} false alarms from {len(false_alarms)} rules, "
          f"{sum(catches.values())} catches from {len(catches)} rules", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
