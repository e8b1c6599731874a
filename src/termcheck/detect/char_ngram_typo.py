"""Single-character slips judged by their neighbours: 监都检查 for 监督, 多式联云 for 联运.

The confusable-typo detector only knows variants of frequent words. This one looks at each
character that makes no common two-character word with a neighbour and forms a pair never
seen in correct text, and asks whether a confusable character (same pinyin, similar shape, a
slip seen in training) would make the three character trigrams through it far more likely
under a trigram model of correct sentences (text.char_ngrams). A suggestion is kept as a
classic non-word slip: the character as written forms no dictionary word with its neighbours,
and the replacement forms a common one, in seen pairs with both neighbours. It is also kept
when jieba's word model finds the window far likelier with the replacement, even where the
written character forms a word (中意药局: 中意 is China-Italy, 中医药局 is meant). These screens
are dictionary and substring tests, so the model's slower lookups run for few characters per
sentence, and jieba is consulted only for the few candidates the model favours. Real-word
slips in common words (防空 for 防控) are left alone by design: they never become suspects.

A second, separate pass checks every occurrence of the few characters that the training
corrections show written for another again and again (门 for 们, 理 for 里), with lower gains.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from itertools import compress, pairwise

from ..models import Category, Severity
from ..text import char_ngrams, confusion, person_names, segment
from ..text.normalize import is_han
from .base import Scan
from .confusable_typo import LABEL, TypoGuesser, gain_confidence, load_index, window_word_gain

# Log-probability gain over the trigrams through the character needed for a warning, by kind of
# slip and sensitivity, chosen on training sentences held out from the model (docs/typos.md).
WARNING_GAIN = {
    "default": {"homophone": 14.0, "observed": 14.0, "shape": 16.0},
    "high": {"homophone": 13.0, "observed": 13.0, "shape": 15.0},
}
MODEL_GAIN = 10.0  # the character model alone must favour the replacement this much
INFO_SCORE = 12.0  # model gain plus word bonus needed for an info
# At high sensitivity the written character may form a word with its neighbours, if the word the
# replacement forms is this many times more frequent in jieba's dictionary (刚要 3 for 纲要 385,
# 照开 3 for 召开 9,138). jieba lists many slips, and some real words, with a frequency of 3-50.
RARER_WORD_RATIO = {"default": math.inf, "high": 100.0}
REPLACEMENT_WORD_FREQUENCY = 100  # the replacement must form a jieba word at least this frequent
WORD_BONUS = 1.5  # added to the gain per tenfold of that word's frequency above the minimum
# A warning also when jieba's word model finds the window this much likelier (log gain) with the
# replacement, whether or not the written character forms a word: 主台医师 for 主治医师, 中意药局.
AGREEING_WORD_GAIN = 8.0
# Characters written for another at least this often in the training corrections (门 for 们, 理 for
# 里, 再 for 在) are checked at every occurrence, with these lower gains (docs/typos.md).
OFTEN_CONFUSED_COUNT = 20
OFTEN_CONFUSED_CHAR_GAIN = 6.0
OFTEN_CONFUSED_WORD_GAIN = 2.0
CONTEXT = 2  # characters shown on each side in the message
# Confidence grows with the model gain from 0.3: the gain floor (10) reads 0.55, a default warning
# (14) 0.65 (see confusable_typo.gain_confidence).
GAIN_CONFIDENCE = (0.3, 40.0)
SOURCE = "训练语料字三元组频率与同音、形近字表"


class CharNgramTypoDetector(TypoGuesser):
    name = "char-ngram-typo"

    def detect(self, scan: Scan):
        model = char_ngrams.load()
        if not len(model):
            return
        index = load_index(scan.compiled.automaton.backend)
        found = set()
        for candidate in self._non_word_slips(scan, model, index):
            found.add(candidate.start)
            yield candidate
        for candidate in self._often_confused(scan, model, index.frequent):
            if candidate.start not in found:
                yield candidate

    def _non_word_slips(self, scan: Scan, model: char_ngrams.CharNgrams, index):
        table, frequent, completing = index.table, index.frequent, index.completing
        text = scan.folded.text
        warning_gain = WARNING_GAIN[self.sensitivity]
        rarer_word_ratio = RARER_WORD_RATIO[self.sensitivity]
        for position in _suspects(text, model, frequent):
            char = text[position]
            options = table.get(char, {})
            near = index.near_pinyin.get(char, "")
            if not options and not near:
                continue
            # A cheap screen of the non-word rule below, before the model is asked: a replacement
            # must make a common two- or three-character word with its neighbours.
            fillers = "".join(completing.get(key, "") for key in _gapped(text, position))
            wordy = [other for other in options if other in fillers] + [other for other in near if other in fillers]
            if not wordy:
                continue
            before = model.around(text, position)
            if before > -MODEL_GAIN:
                continue  # no replacement can gain enough
            # A replacement that itself stands in an unseen pair is no surer than what was written.
            fitting = model.fitting(text, position, wordy)
            if not fitting:
                continue
            gain, other = max((model.around(text, position, o) - before, o) for o in fitting)
            if gain < MODEL_GAIN or scan.overlaps_correct_form(position, position + 1):
                continue
            if person_names.in_name_slot(text, position, position + 1):
                continue
            # A near-pinyin slip has no gain of its own in the table above: only the word model's
            # agreement makes it a warning.
            kind = options.get(other, confusion.NEAR_PINYIN)
            word_frequency = _non_word_slip(text, position, other, rarer_word_ratio)
            if word_frequency:
                # A replacement that makes a very common word is surer: 医完→医院 beats 一坊→一场.
                gain += WORD_BONUS * max(0.0, math.log10(word_frequency / REPLACEMENT_WORD_FREQUENCY))
            sure_non_word = word_frequency and gain >= warning_gain.get(kind, math.inf)
            if sure_non_word or window_word_gain(text, position, position + 1, other) >= AGREEING_WORD_GAIN:
                severity = Severity.warning
            elif word_frequency and gain >= INFO_SCORE:
                severity = Severity.info
            else:
                continue
            yield self._candidate(text, position, other, kind, severity, gain)

    def _often_confused(self, scan: Scan, model: char_ngrams.CharNgrams, frequent: dict[str, int]):
        """Every occurrence of a character often written for another (我门 for 我们, 这理 for 这里),
        suspect or not, where the meant character makes a common word with a neighbour, the
        written one makes none, and both models favour the meant one. How often the slip was seen
        stands in for part of the gain."""
        meant = confusion.often_confused(OFTEN_CONFUSED_COUNT)
        if not meant:
            return
        text = scan.folded.text
        for match in _often_confused_pattern(OFTEN_CONFUSED_COUNT).finditer(text):
            position, char = match.start(), match.group()
            left = text[position - 1] if position else ""
            right = text[position + 1 : position + 2]
            if left + char in frequent or char + right in frequent:
                continue  # a cheap first screen: 应为 (should be) is a word as much as 因为 (because)
            options = [o for o in meant[char] if left + o in frequent or o + right in frequent]
            if not options:
                continue
            gain, other = max((model.replacement_gain(text, position, o), o) for o in options)
            if gain < OFTEN_CONFUSED_CHAR_GAIN or scan.overlaps_correct_form(position, position + 1):
                continue
            if person_names.in_name_slot(text, position, position + 1):
                continue
            # Where the written character forms a word too (哪种 beside 那种), only grammar could tell.
            if _word_through(text, position):
                continue
            if window_word_gain(text, position, position + 1, other) < OFTEN_CONFUSED_WORD_GAIN:
                continue
            yield self._candidate(text, position, other, confusion.OBSERVED, Severity.warning, gain)

    def _candidate(self, text: str, position: int, other: str, kind: str, severity: Severity, gain: float):
        shown = text[max(0, position - CONTEXT) : position + CONTEXT + 1].strip("，。；：！？、“”（） \n")
        message = f"“{shown}”中的“{text[position]}”疑为“{other}”之误（{LABEL.get(kind, '错字')}）"
        return self.candidate(
            position, position + 1, "typo/char-ngram", Category.typo, severity, message,
            suggestions=(other,), confidence=gain_confidence(gain, *GAIN_CONFIDENCE), source=SOURCE,
        )


@lru_cache(maxsize=4)
def _often_confused_pattern(min_count: int) -> re.Pattern:
    return re.compile("[" + "".join(map(re.escape, confusion.often_confused(min_count))) + "]")


def _suspects(text: str, model: char_ngrams.CharNgrams, frequent: dict[str, int]):
    """Positions of Chinese characters that make no common two-character word with either
    neighbour (the non-word rule would drop them anyway; this rules out four in five
    characters of ordinary prose) and stand next to a pair never seen in correct text."""
    in_word = [first + second in frequent for first, second in pairwise(text)]  # pair (i, i+1)
    in_word.append(False)
    free = [not (left or right) for left, right in zip([False, *in_word], in_word)]
    seen = model.seen_pair
    last = len(text) - 1
    for position in compress(range(len(text)), free):
        char = text[position]
        if is_han(char) and (
            (position > 0 and not seen(text[position - 1], char))
            or (position < last and not seen(char, text[position + 1]))
        ):
            yield position


def _gapped(text: str, position: int) -> list[str]:
    """The two- and three-character windows through ``position``, with "_" in its place."""
    lo = max(0, position - 2)
    local, at = text[lo : position + 3], position - lo
    local = local[:at] + "_" + local[at + 1 :]
    return [
        local[start:end]
        for start in range(max(0, at - 2), at + 1)
        for end in (start + 2, start + 3)
        if at < end <= len(local)
    ]


def _non_word_slip(text: str, position: int, replacement: str, rarer_word_ratio: float = math.inf) -> int:
    """When ``replacement`` forms a common word with the neighbours and the character as written
    forms none (or only words ``rarer_word_ratio`` times rarer), the jieba frequency of the most
    frequent such word; otherwise 0."""
    found = _word_through(text, position, replacement)
    if found < REPLACEMENT_WORD_FREQUENCY:
        return 0
    written = _word_through(text, position)
    return 0 if written and written * rarer_word_ratio > found else found


def _word_through(text: str, position: int, char: str | None = None) -> int:
    """The highest jieba frequency of a 2-4 character word that covers ``position``, with ``char``
    written there if given."""
    frequency = segment.frequencies()
    lo = max(0, position - 3)
    local, at = text[lo : position + 4], position - lo
    if char is not None:
        local = local[:at] + char + local[at + 1 :]
    best = 0
    for start in range(max(0, at - 2), at + 1):
        for end in range(max(at + 1, start + 2), min(len(local), start + 4) + 1):
            best = max(best, frequency.get(local[start:end], 0))
    return best
