#!/usr/bin/env python3
"""Count the character 1-, 2- and 3-grams of correct training sentences for the char-ngram typo detector.

Reads the target (correct) column of ../shared/data/*_train*.tsv. Each sentence counts once,
and a training sentence that also occurs in a *_test.tsv file or in clean/ is left out, so
that neither measurement is helped by a sentence it contains (the data README warns that
46 odw-train sentences are in clean/). Nothing else is read from those files.

Writes src/termcheck/data/char_ngrams.tsv.gz: ``ngram<TAB>count`` lines, sorted, gzip
without a timestamp, so reruns give identical bytes. No sentence is stored, only counts.

    python scripts/typos/build_char_ngrams.py [--data DIR] [--skip NAME] [--half even|odd]

``--skip``/``--half`` leave training rows out so they can be used for measurement.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "src" / "termcheck" / "data" / "char_ngrams.tsv.gz"


def held_out_text(data_dir: Path) -> str:
    """All sentences of the test sets and all clean/ texts, joined, to recognise overlaps."""
    pieces = []
    for path in sorted(data_dir.glob("*_test.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            pieces.extend(line.split("\t")[1:3])
    pieces.extend(path.read_text(encoding="utf-8") for path in sorted((data_dir / "clean").rglob("*.txt")))
    return "\n".join(pieces)


def training_sentences(data_dir: Path, skip: str | None, half: str | None) -> list[str]:
    files = sorted(data_dir.glob("*_train*.tsv"))
    if not files:
        sys.exit(f"no *_train.tsv files in {data_dir}")
    sentences: dict[str, None] = {}
    for path in files:
        if skip and skip in path.name:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if half and number % 2 != (half == "odd"):
                continue
            parts = line.split("\t")
            if len(parts) == 3 and parts[2].strip():
                sentences[parts[2].strip()] = None
    return list(sentences)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--skip", help="leave out training files whose name contains this")
    parser.add_argument("--half", choices=("even", "odd"), help="count one half of the rows only")
    parser.add_argument("--out", type=Path, default=OUTPUT, help="file to write (default: the package data)")
    args = parser.parse_args()
    held_out = held_out_text(args.data)
    sentences = training_sentences(args.data, args.skip, args.half)
    kept = [s for s in sentences if s not in held_out]
    counts: Counter[str] = Counter()
    for sentence in kept:
        for size in (1, 2, 3):
            counts.update(sentence[i : i + size] for i in range(len(sentence) - size + 1))
    lines = [f"{gram}\t{count}" for gram, count in sorted(counts.items()) if "\t" not in gram and "\n" not in gram]
    body = ("\n".join(lines) + "\n").encode("utf-8")
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
        out.write(body)
    print(
        f"{len(kept)} sentences ({len(sentences) - len(kept)} left out as held-out overlaps), "
        f"{sum(len(s) for s in kept)} characters, {len(lines)} n-grams, {args.out.stat().st_size} bytes"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
