"""The index of protected phrases (idioms, fixed and official phrases), built at compile time.

Two automata serve the phrase-slip detector:
- the **sound-key automaton**: the sound key (`termcheck.text.sound_keys`) of every phrase, and
  of its own reading where pypinyin reads a character of it otherwise than alone (发人深省:
  xing). Run over the sound keys of a text, it finds every phrase written with homophones or
  near-pinyin characters in any position, and every correct occurrence;
- the **form automaton**: anchors. A four-character phrase registers its first and its last
  three characters (for a shape slip of the character left out, or a doubled inner one); a
  longer phrase registers its two halves, since any single edit leaves one intact. An inner
  character of a four-character phrase that is rare (outside the RARE_FROM most common) registers
  the phrase written with each of its closer-shaped, more common lookalikes (饮鸠止渴 for 饮鸩止渴):
  those slips keep neither anchor, and sound keys miss them. Swaps are
  looked for in longer phrases only: in four characters they are mostly other words in their
  own right (睡过头了 beside 睡过了头, 腰背酸痛 beside 腰酸背痛).
The scan-side reading of the hits is the detector's (`termcheck.detect.phrase_slips`).
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator

from ..matcher import Matcher
from ..text import confusion
from ..text.sound_keys import sound_keys

PREFIX, SUFFIX, LEFT, RIGHT, INNER = "prefix", "suffix", "left", "right", "inner"
FORM_KINDS = (PREFIX, SUFFIX, LEFT, RIGHT, INNER)  # a form reference is phrase id * 5 + the kind's place here
ANCHORED_LENGTH = 4  # phrases of this length use prefix/suffix anchors; longer ones their halves
MIN_ANCHOR = 3
RARE_FROM = 2500  # characters outside this many of the most common get their inner shape slips registered


class PhraseIndex:
    """Protected phrases with the rule each belongs to, and the automata that find their slips."""

    def __init__(self, phrases: list[tuple[str, str]], backend: str | None = None):
        keys = sound_keys()
        self.phrases = [phrase for phrase, _ in phrases]
        self.rules = [rule_id for _, rule_id in phrases]
        self.vocabulary = frozenset(self.phrases)
        self.key_table = {code: key for code, key in keys.table.items()}
        self.usual = keys.usual
        self.readings: dict[int, tuple[str, ...]] = {}  # phrase id -> its own reading, where it differs
        by_key: dict[str, list[int]] = defaultdict(list)
        by_form: dict[str, list[int]] = defaultdict(list)
        rare_shapes = _rare_shape_slips({char for phrase in self.phrases for char in phrase[1:-1]})
        for phrase_id, phrase in enumerate(self.phrases):
            usual_key = keys.of(phrase)
            by_key[usual_key].append(phrase_id)
            own = _own_reading(phrase)
            if own and keys.of_syllables(phrase, own) != usual_key:
                self.readings[phrase_id] = tuple(own)
                by_key[keys.of_syllables(phrase, own)].append(phrase_id)
            for form, kind in _form_patterns(phrase, rare_shapes):
                if form not in self.vocabulary:
                    by_form[form].append(phrase_id * len(FORM_KINDS) + FORM_KINDS.index(kind))
        self.key_matcher = Matcher(list(by_key), backend)
        self._key_refs = IntGroups(by_key.values())
        self.form_matcher = Matcher(list(by_form), backend)
        self._form_refs = IntGroups(by_form.values())
        self.shapes = _shape_slips({char for phrase in self.phrases for char in phrase})

    def __len__(self) -> int:
        return len(self.phrases)

    def phrases_read_as(self, pattern: int) -> array:
        """Ids of the phrases whose sound key is the key matcher's pattern ``pattern``."""
        return self._key_refs[pattern]

    def anchored_at(self, pattern: int) -> Iterator[tuple[int, str]]:
        """(phrase id, kind of anchor) of the phrases that registered the form matcher's ``pattern``."""
        for ref in self._form_refs[pattern]:
            yield divmod(ref, len(FORM_KINDS))[0], FORM_KINDS[ref % len(FORM_KINDS)]

    def keyed(self, text: str) -> str:
        return text.translate(self.key_table)

    def syllable(self, phrase_id: int, index: int) -> str | None:
        """How the phrase's character at ``index`` is read in the phrase."""
        own = self.readings.get(phrase_id)
        return own[index] if own else self.usual.get(self.phrases[phrase_id][index])


class IntGroups:
    """A list of tuples of ints packed in two arrays: as 100,000 tuples it would cost 15 MB, packed about 1."""

    def __init__(self, groups: Iterable[Iterable[int]]):
        self._values, self._ends = array("q"), array("q")
        for group in groups:
            self._values.extend(group)
            self._ends.append(len(self._values))

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, number: int) -> array:
        return self._values[self._ends[number - 1] if number else 0 : self._ends[number]]


def _own_reading(phrase: str) -> list[str] | None:
    from pypinyin import Style, pinyin

    syllables = [options[0] for options in pinyin(phrase, style=Style.NORMAL)]
    return syllables if len(syllables) == len(phrase) else None


def _form_patterns(phrase: str, rare_shapes: dict[str, str]):
    """(form, kind) of the anchors a phrase registers in the form automaton."""
    n = len(phrase)
    if n == ANCHORED_LENGTH:
        yield phrase[:-1], PREFIX
        yield phrase[1:], SUFFIX
        for at in (1, 2):
            for lookalike in rare_shapes.get(phrase[at], ""):
                yield phrase[:at] + lookalike + phrase[at + 1 :], INNER
    else:
        # Halves, but none shorter than three characters: a two-character half is a common word
        # (五湖四海 is anchored, but 中国共产党 would give 中国|共产党) and would be checked all the
        # time. A five-character phrase so gets overlapping halves; a slip of its middle character
        # is left to the sound keys.
        yield phrase[: max(MIN_ANCHOR, n // 2)], LEFT
        yield phrase[n - max(MIN_ANCHOR, n - n // 2) :], RIGHT


def _rare_shape_slips(chars: set[str]) -> dict[str, str]:
    """For each rare character, its close lookalikes that are more common (鸩: 鸠 鸳 鸦): the slip
    writes the familiar character for the rare one."""
    common = set(confusion.common_chars()[:RARE_FROM])
    frequency = confusion.char_frequency()
    table = {}
    for char in chars - common:
        more_common = "".join(other for other in confusion.close_shapes(char) if frequency.get(other, 0) > frequency.get(char, 0))
        if more_common:
            table[char] = more_common
    return table


def _shape_slips(chars: set[str]) -> dict[str, dict[str, str]]:
    """For each phrase character, the characters of closest shape that may be written for it.

    Sound-alike ones are left to the sound keys; the slips seen in the training sets are left
    out, since learners' slips there (了 for 来, 一 for 大) are grammar more than spelling.
    """
    table = {char: {other: confusion.SHAPE for other in confusion.close_shapes(char)} for char in chars}
    return {char: similar for char, similar in table.items() if similar}
