"""Sound keys: each character mapped to one stand-in character per fuzzy syllable.

Two strings whose sound keys are equal read alike to a pinyin input method: each character is
replaced by a private-use character that stands for its usual toneless syllable, with the
input-method fuzzy pairs merged (zh/z, ch/c, sh/s, n/l, -ang/-an, -eng/-en, -ing/-in). So one
Aho-Corasick pass of the keys of protected phrases over the keys of a text finds every
homophone or near-pinyin slip of them, at any position, without generating a single variant.

Built at lexicon-compile time (pypinyin runs here, never over a text); a scan only calls
``str.translate`` with the table.
"""

from __future__ import annotations

from functools import lru_cache

from . import confusion
from .normalize import is_han

FIRST_KEY = 0xE000  # the private use area: no text of a government page uses it
_FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("l", "n"))
_FUZZY_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))


def fuzzy_syllable(syllable: str) -> str:
    """The representative of a toneless syllable's fuzzy class (zhang, zang, zan -> zan)."""
    for long, short in _FUZZY_INITIALS:
        if syllable.startswith(long):
            syllable = short + syllable[len(long) :]
            break
    for long, short in _FUZZY_FINALS:
        if syllable.endswith(long):
            return syllable[: -len(long)] + short
    return syllable


def usual_syllable(char: str) -> str | None:
    from pypinyin import Style, pinyin

    reading = pinyin(char, style=Style.NORMAL)[0][0]
    return reading if reading.isalpha() and reading.isascii() else None


class SoundKeys:
    """The translation table from characters to sound keys, and the syllable of each key."""

    def __init__(self, chars):
        self.table: dict[int, str] = {}
        self.syllables: list[str] = []
        self.usual: dict[str, str] = {}  # char -> its usual toneless syllable
        index: dict[str, str] = {}
        for char in chars:
            syllable = usual_syllable(char)
            if syllable is None:
                continue
            self.usual[char] = syllable
            fuzzy = fuzzy_syllable(syllable)
            if fuzzy not in index:
                index[fuzzy] = chr(FIRST_KEY + len(self.syllables))
                self.syllables.append(fuzzy)
            self.table[ord(char)] = index[fuzzy]
        self._by_syllable = index

    def of(self, text: str) -> str:
        return text.translate(self.table)

    def of_syllables(self, text: str, syllables: list[str]) -> str:
        """The key of ``text`` read with the given syllables (a phrase's own reading of 行, 省 …)."""
        keys = []
        for char, syllable in zip(text, syllables):
            key = self._by_syllable.get(fuzzy_syllable(syllable)) if syllable.isalpha() else None
            keys.append(key or char.translate(self.table))
        return "".join(keys)


@lru_cache(maxsize=1)
def sound_keys() -> SoundKeys:
    """Keys for every character of jieba's dictionary (the characters a text can be typed with)."""
    return SoundKeys(sorted(c for c in confusion.char_frequency() if is_han(c)))
