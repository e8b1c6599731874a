"""Every finding on the sample, the clean corpus and the CSC sets, written to a folder to diff.

A change that must not change behaviour (a refactoring) is checked by writing a snapshot
before and after it and comparing the two folders byte for byte:

    python benchmarks/findings_snapshot.py /tmp/before
    ... change ...
    python benchmarks/findings_snapshot.py /tmp/after
    diff -r /tmp/before /tmp/after && echo identical

Files written:
- ``sample.<format>``: ``termcheck check`` on samples/draft.txt in every output format;
- ``clean.json``: ``termcheck check --format json`` on ../shared/data/clean/, the paths made
  relative so that two checkouts compare equal;
- ``<set>.jsonl``: for each CSC set (the ``*_test.tsv`` files and csc_hard_news_paper), one
  line per sentence with its findings, each sentence checked alone as of 2026-01-01.

The parts that read ../shared/data are left out when it is absent.
"""

from __future__ import annotations

import datetime as _dt
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
FORMATS = ("text", "json", "jsonl", "sarif", "html")
CSC_SETS = sorted(p.stem for p in DATA.glob("*_test.tsv")) + ["csc_hard_news_paper"]
AS_OF = _dt.date(2026, 1, 1)


def _cli(*arguments: str, cwd: Path) -> str:
    done = subprocess.run(
        [str(Path(sys.executable).with_name("termcheck")), "check", *arguments],
        cwd=cwd, capture_output=True, text=True, encoding="utf-8",
    )
    if done.returncode not in (0, 1):
        raise SystemExit(f"termcheck check {' '.join(arguments)} exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def write_snapshot(out: Path) -> None:
    import termcheck

    out.mkdir(parents=True, exist_ok=True)
    for output_format in FORMATS:
        rendered = _cli("--format", output_format, "samples/draft.txt", cwd=ROOT)
        (out / f"sample.{output_format}").write_text(rendered, encoding="utf-8")
    if not DATA.is_dir():
        print(f"{DATA} is absent: only the sample was written", file=sys.stderr)
        return
    (out / "clean.json").write_text(_cli("--format", "json", "--jobs", "1", "clean", cwd=DATA), encoding="utf-8")
    checker = termcheck.default_checker()
    for name in CSC_SETS:
        lines = []
        for row in (DATA / f"{name}.tsv").read_text(encoding="utf-8").splitlines():
            fields = row.split("\t")
            if len(fields) < 2:
                continue
            findings = checker.check(fields[1], as_of=AS_OF)
            record = {"id": fields[0], "findings": [f.model_dump(mode="json") for f in findings]}
            lines.append(json.dumps(record, ensure_ascii=False))
        (out / f"{name}.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        print(f"{name}: {len(lines)} sentences", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python benchmarks/findings_snapshot.py OUT_DIR")
    write_snapshot(Path(sys.argv[1]))
