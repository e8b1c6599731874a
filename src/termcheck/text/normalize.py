"""Fold a text for matching, keeping a map from every folded character back to the original.

Folding undoes the usual ways a term is disguised or mistyped without changing its meaning:
full-width Latin and digits, traditional characters, and separators put between Chinese
characters (法*轮*功, 习 近 平). Line breaks are never removed, so matches stay on one line.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

# Characters dropped when they stand between two Chinese characters.
# Zero-width characters (U+200B-U+200D, U+2060, U+FEFF) and the soft hyphen are invisible in a
# browser, so they are the cheapest way to hide a term from a plain matcher.
SEPARATORS = frozenset(" \t*·•・_~#|/\\-—.+^\u200b\u200c\u200d\u2060\ufeff\u00ad")  # after width folding


def is_han(char: str) -> bool:
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF


@lru_cache(maxsize=1)
def traditional_to_simplified() -> dict[str, str]:
    """Characters that exist only in traditional form, mapped to their simplified form.

    Built from OpenCC's t2s conversion of every CJK unified ideograph; a character that
    t2s produces for some other character is a valid simplified character and is kept.
    """
    import opencc

    chars = "".join(chr(code) for code in range(0x4E00, 0xA000))
    converted = opencc.OpenCC("t2s").convert(chars)
    if len(converted) != len(chars):  # pragma: no cover - OpenCC t2s is character-aligned
        return {}
    simplified = set(converted)
    return {t: s for t, s in zip(chars, converted) if t != s and t not in simplified}


@lru_cache(maxsize=1)
def _translation() -> dict[int, str]:
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
    table[0x3000] = " "
    table.update((ord(t), s) for t, s in traditional_to_simplified().items())
    return table


@lru_cache(maxsize=1)
def _foldable_run() -> re.Pattern:
    # Most drafts are simplified Chinese with a few full-width characters: translating only
    # the runs that need it is several times faster than str.translate over the whole text.
    return re.compile("[" + re.escape("".join(sorted(map(chr, _translation())))) + "]+")


def _translate_run(match: re.Match) -> str:
    return match.group().translate(_translation())


_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SEPARATOR_RUN = re.compile(
    "(?<=[" + _HAN + "])[" + re.escape("".join(sorted(SEPARATORS))) + "]+(?=[" + _HAN + "])"
)


@dataclass(frozen=True)
class Folded:
    """``text`` is the folded copy; ``origin[i]`` is the original index of ``text[i]``."""

    text: str
    origin: Sequence[int]
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span covering folded ``[start, end)``."""
        if end <= start:
            position = self.origin[start] if start < len(self.origin) else self.original_length
            return position, position
        return self.origin[start], self.origin[end - 1] + 1


class _Origin(Sequence):
    """``origin[i]`` without a list of one int per character: kept pieces and where they began.

    A list would cost about 36 bytes per character of a long document.
    """

    def __init__(self, folded_starts: list[int], original_starts: list[int], length: int):
        self._folded_starts = folded_starts
        self._original_starts = original_starts
        self._length = length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("folded index out of range")
        piece = bisect.bisect_right(self._folded_starts, index) - 1
        return self._original_starts[piece] + index - self._folded_starts[piece]


def fold(text: str) -> Folded:
    """Fold width and traditional forms character for character, then drop separators."""
    folded = _foldable_run().sub(_translate_run, text)
    runs = list(_SEPARATOR_RUN.finditer(folded))
    if not runs:
        return Folded(folded, range(len(text)), len(text))
    pieces: list[str] = []
    folded_starts: list[int] = []
    original_starts: list[int] = []
    position = length = 0
    for run in runs:
        folded_starts.append(length)
        original_starts.append(position)
        pieces.append(folded[position : run.start()])
        length += run.start() - position
        position = run.end()
    folded_starts.append(length)
    original_starts.append(position)
    pieces.append(folded[position:])
    length += len(folded) - position
    return Folded("".join(pieces), _Origin(folded_starts, original_starts, length), len(text))
