"""jieba's prefix dictionary in a form that loads in milliseconds.

jieba keeps every word with its frequency, and every prefix of a word with 0, in one dict of
half a million entries; building that dict costs a quarter of a second, more than a short
draft needs. This table holds the same entries sorted, as one string and two arrays, answers
lookups by bisection, and turns into the dict itself once it has been asked often enough that
bisection would cost more than building it.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Mapping

# Lookups answered by bisection (a few microseconds each) before the table builds its dict.
LOOKUPS_BEFORE_DICT = 20_000


class WordTable:
    def __init__(self, frequencies: Mapping[str, int]):
        words = sorted(frequencies)
        self._text = "".join(words)
        self._offsets = array("I", [0])
        for word in words:
            self._offsets.append(self._offsets[-1] + len(word))
        self._counts = array("I", (frequencies[word] for word in words))
        self._dict: dict[str, int] | None = None
        self._lookups = 0

    def __getstate__(self) -> dict:
        return {"text": self._text, "offsets": self._offsets, "counts": self._counts}

    def __setstate__(self, state: dict) -> None:
        self._text, self._offsets, self._counts = state["text"], state["offsets"], state["counts"]
        self._dict, self._lookups = None, 0

    def __len__(self) -> int:
        return len(self._counts)

    def _word(self, index: int) -> str:
        return self._text[self._offsets[index] : self._offsets[index + 1]]

    def _index(self, word: str) -> int:
        """The entry of ``word``, or -1."""
        at = bisect_left(range(len(self._counts)), word, key=self._word)
        return at if at < len(self._counts) and self._word(at) == word else -1

    def mapping(self) -> Mapping[str, int]:
        """The dict once built, else the table itself: hot loops should ask this each time."""
        return self._dict if self._dict is not None else self

    def as_dict(self) -> dict[str, int]:
        """jieba's FREQ dict with the same entries: built once, then shared (jieba's add_word changes it)."""
        if self._dict is None:
            self._dict = {self._word(i): count for i, count in enumerate(self._counts)}
        return self._dict

    def get(self, word: str, default: int | None = None) -> int | None:
        if self._dict is not None:
            return self._dict.get(word, default)
        self._lookups += 1
        if self._lookups > LOOKUPS_BEFORE_DICT:
            return self.as_dict().get(word, default)
        at = self._index(word)
        return self._counts[at] if at >= 0 else default

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __getitem__(self, word: str) -> int:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found
