"""Character 1-3-gram counts of correct sentences, and the log-probabilities they give.

The counts come from ``data/char_ngrams.tsv.gz`` (scripts/typos/build_char_ngrams.py).
Bigrams and trigrams live in two flat arrays searched by bisection rather than a dict of
strings: a tenth of the memory a dict would take, and lookups happen only around suspects.
"""

from __future__ import annotations

import gzip
import math
import threading
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import pairwise

from ..datafiles import DATA_DIR

FILE = "char_ngrams.tsv.gz"
RECENT_LIMIT = 100_000  # remembered lookups (a few MB) before the memory starts afresh
BACKOFF = math.log(0.4)  # "stupid backoff" (Brants et al. 2007): an unseen n-gram costs its shorter context this much

_model: CharNgrams | None = None
_lock = threading.Lock()


def _code(gram: str) -> int:
    code = 0
    for char in gram:  # +1 so that no trigram code can equal a bigram code
        code = code << 21 | (ord(char) + 1)
    return code


class CharNgrams:
    def __init__(self, counts: Iterable[tuple[str, int]]):
        unigrams: dict[str, int] = {}
        keys, values = array("Q"), array("I")
        followers: defaultdict[str, set[str]] = defaultdict(set)
        preceders: defaultdict[str, set[str]] = defaultdict(set)
        for gram, count in counts:
            if len(gram) == 1:
                unigrams[gram] = count
            elif len(gram) in (2, 3):
                keys.append(_code(gram))
                values.append(count)
                if len(gram) == 2:
                    followers[gram[0]].add(gram[1])
                    preceders[gram[1]].add(gram[0])
        if any(earlier >= later for earlier, later in pairwise(keys)):
            order = sorted(range(len(keys)), key=keys.__getitem__)
            keys, values = array("Q", (keys[i] for i in order)), array("I", (values[i] for i in order))
        self._keys, self._counts = keys, values
        self._unigrams = unigrams
        # Neighbours as strings, not sets: a third of the size, and unpickled ten times faster.
        self._followers = {char: "".join(sorted(after)) for char, after in followers.items()}
        self._preceders = {char: "".join(sorted(before)) for char, before in preceders.items()}
        self._unigram_denominator = sum(unigrams.values()) + len(unigrams) + 1
        self._recent: dict[str, int] = {}  # counts looked up lately: a bisection costs 20 dict lookups

    def __len__(self) -> int:
        return len(self._unigrams) + len(self._keys)

    def __getstate__(self) -> dict:
        return {name: value for name, value in self.__dict__.items() if name != "_recent"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._recent = {}

    def count(self, gram: str) -> int:
        if len(gram) == 1:
            return self._unigrams.get(gram, 0)
        found = self._recent.get(gram)
        if found is None:
            if len(self._recent) >= RECENT_LIMIT:
                self._recent = {}
            key = _code(gram)
            at = bisect_left(self._keys, key)
            found = self._recent[gram] = self._counts[at] if at < len(self._keys) and self._keys[at] == key else 0
        return found

    def seen_pair(self, first: str, second: str) -> bool:
        return second in self._followers.get(first, "")

    def fitting(self, text: str, position: int, candidates: Iterable[str]) -> list[str]:
        """The candidates for ``text[position]`` that form a seen pair with each neighbour it has."""
        after = self._followers.get(text[position - 1], "") if position > 0 else None
        before = self._preceders.get(text[position + 1], "") if position + 1 < len(text) else None
        return [c for c in candidates if (after is None or c in after) and (before is None or c in before)]

    def log_probability(self, text: str, position: int) -> float:
        """log P(text[position] | the up to two characters before it), with stupid backoff."""
        char = text[position]
        if position >= 2:
            trigram = self.count(text[position - 2 : position + 1])
            if trigram:
                return math.log(trigram / self.count(text[position - 2 : position]))
        penalty = BACKOFF if position >= 2 else 0.0
        if position >= 1:
            bigram = self.count(text[position - 1 : position + 1])
            if bigram:
                return penalty + math.log(bigram / self._unigrams[text[position - 1]])
            penalty += BACKOFF
        return penalty + math.log((self._unigrams.get(char, 0) + 1) / self._unigram_denominator)

    def span_log_probability(self, text: str, start: int, end: int) -> float:
        """Sum of log_probability over the positions start..end-1 that exist in ``text``."""
        return sum(self.log_probability(text, position) for position in range(max(start, 0), min(end, len(text))))

    def around(self, text: str, position: int, char: str | None = None) -> float:
        """Log-probability of the three trigrams through ``position``, with ``char`` there if given."""
        lo = max(0, position - 2)
        at = position - lo
        local = text[lo : position + 3]
        if char is not None:
            local = local[:at] + char + local[at + 1 :]
        return self.span_log_probability(local, at, at + 3)

    def replacement_gain(self, text: str, position: int, char: str) -> float:
        """How much more likely the trigrams through ``position`` become with ``char`` in place."""
        return self.around(text, position, char) - self.around(text, position)


def read_counts(path=DATA_DIR / FILE) -> Iterator[tuple[str, int]]:
    """The file's (n-gram, count) rows, streamed: the bundled file has over a million."""
    if not path.exists():
        return
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            gram, count = line.rstrip("\n").split("\t")
            yield gram, int(count)


def load() -> CharNgrams:
    """The bundled model, from the disk cache, built on first use."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                from ..cache import cached

                _model = cached("char-ngrams", b"", lambda: CharNgrams(read_counts()), keep=1)
    return _model
