"""Misspellings of common words that no lexicon lists: 攻府 for 政府, 申议 for 审议.

At build time every frequent jieba word of 2-4 characters gets its one-character variants
with a confusable character (same pinyin, similar shape, a slip seen in the training sets).
A variant is kept only if it is not a word (or a word far rarer than the original), not part
of a word or of a present-day government word, unlikely to arise from two neighbouring words
(工负 in 分工负责), and not seen in correct training text. The kept variants form one
Aho-Corasick automaton over the whole text.

At scan time a hit is scored on a small window by two models: how much more likely jieba's
unigram word model finds the window with the intended word, plus a capped share of how much
more likely the character trigram model of correct sentences (text.char_ngrams) finds it.
The first knows words, the second their neighbours. A large score is a warning, a moderate
one an info. The index depends only on jieba's dictionary and the confusion data, so it is
cached on disk apart from the lexicons.
"""

from __future__ import annotations

import math
import threading
from collections import Counter

from ..models import Category, Severity
from ..text import char_ngrams, confusion, person_names, segment
from ..text.sentences import bounded_span
from .base import Detector, DetectorSettings, Scan

VARIANT_BASE_FREQUENCY = {2: 100, 3: 300, 4: 300}
COMMON_CHARS = 4500
RARE_WORD_RATIO = 500  # a variant that is itself a word must be this many times rarer
# Words at least this frequent, and the present-day government words, make the pieces of longer
# words a variant must not be (工负 in 分工负责).
WORD_PART_FREQUENCY = 20
# The log-probability of a piece that is no word: far below any real word's, without being -inf.
NO_WORD_LOG_PROBABILITY = -99.0
CROSS_MARGIN = 8.0  # log-gain a variant must have over being two neighbouring words
# Score (log-probability gains: word model + CHAR_MODEL_WEIGHT x character model) needed for a
# warning, by kind of slip and sensitivity. Shape slips need more: on the training sets' correct
# sentences they misfire more often (宋律 for 定律). Chosen on training sentences held out from
# both models; docs/typos.md has the figures.
WARNING_SCORE = {
    "default": {"homophone": 13.0, "observed": 13.0, "shape": 14.0},
    "high": {"homophone": 11.5, "observed": 11.5, "shape": 12.5},
}
SENSITIVITIES = tuple(WARNING_SCORE)
INFO_SCORE = 8.0  # any kind, for an info
# The character model's share is weighted and capped: on documents unlike its training
# sentences (names, places, new words) an uncapped share made false alarms six times as common.
CHAR_MODEL_WEIGHT = 0.3
CHAR_MODEL_CAP = 6.0
# A warning also when the character model alone is sure of a sound-alike correction and the word
# model agrees: the capped share holds back slips such as 产业提系 or 服务能例, whose trigrams become
# far likelier corrected. Shape slips are left out: on the held-out medical file they added half as
# many false alarms again (docs/typos.md).
SURE_CHAR_GAIN = 10.0
AGREEING_WORD_GAIN = 6.0
WINDOW = 5
# Confidence grows with the score from 0.4: the info floor (8) reads 0.67, the default warning
# score (13) 0.83. It is a ranking aid for readers, not a probability.
SCORE_CONFIDENCE = (0.4, 30.0)
CONFIDENCE_CAP = 0.95
SOURCE = "jieba 词频、训练语料字三元组频率与同音、形近字表"
BREAKS = frozenset("，。；：！？、“”‘’《》（）()\n \t,.;:!?")
LABEL = {
    confusion.HOMOPHONE: "同音字",
    confusion.NEAR_PINYIN: "近音字",
    confusion.SHAPE: "形近字",
    confusion.OBSERVED: "常见误用字",
}

_indexes: dict[str, "VariantIndex"] = {}  # by matcher backend
_lock = threading.Lock()


class VariantIndex:
    def __init__(
        self, automaton, table: dict[str, dict[str, str]], frequent: dict[str, int], near_pinyin: dict[str, str]
    ):
        self.automaton = automaton
        self.table = table  # char -> {confusable char: kind}
        # char -> common characters of a near pinyin (发张 for 发展: zhang/zhan), not in the table:
        # too many for variants, but the char-ngram detector weighs them when the word model agrees.
        self.near_pinyin = near_pinyin
        # Words of 2-4 characters frequent enough to be corrections, with their frequency: hits are
        # screened with these before jieba has to be loaded.
        self.frequent = frequent
        # The same two- and three-character words as the characters that complete them, keyed by
        # the rest of the word with "_" for the gap (政_ -> 府策…, 人_政 -> 民…), so that "does this
        # replacement make a word with its neighbours" is a substring test.
        completing: dict[str, list[str]] = {}
        for word in frequent:
            if len(word) in (2, 3):
                for gap in range(len(word)):
                    completing.setdefault(word[:gap] + "_" + word[gap + 1 :], []).append(word[gap])
        self.completing = {key: "".join(chars) for key, chars in completing.items()}


def build_index(backend: str | None = None, exclude_seen: bool = True) -> VariantIndex:
    """``exclude_seen=False`` keeps variants seen in correct text (used to mine that list)."""
    from ..matcher import Matcher

    frequencies = confusion.dictionary()
    common = set(confusion.common_chars()[:COMMON_CHARS])
    table, near_pinyin = _confusion_tables(common)
    seen_correct = confusion.variants_seen_correct() if exclude_seen else frozenset()
    inside_words = _pieces_of_longer_words(frequencies)
    neighbours = _neighbour_reading(frequencies)
    total = sum(frequencies.values())
    variants: dict[str, None] = {}  # insertion-ordered set
    for word, frequency in frequencies.items():
        if not 2 <= len(word) <= 4 or frequency < VARIANT_BASE_FREQUENCY[len(word)]:
            continue
        if not all(c in common for c in word):
            continue
        weight = math.log(frequency / total)
        for index, char in enumerate(word):
            for other in table[char]:
                variant = word[:index] + other + word[index + 1 :]
                if variant in variants or variant in seen_correct:
                    continue
                if variant in frequencies:
                    # A real word is kept only when it is far rarer than the word it imitates.
                    if frequencies[variant] * RARE_WORD_RATIO <= frequency:
                        variants[variant] = None
                    continue
                if variant not in inside_words and weight - neighbours(variant) >= CROSS_MARGIN:
                    variants[variant] = None
    frequent = {w: f for w, f in frequencies.items() if 2 <= len(w) <= 4 and f >= min(VARIANT_BASE_FREQUENCY.values())}
    return VariantIndex(Matcher(list(variants), backend), table, frequent, near_pinyin)


def _confusion_tables(common: set[str]) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """Per common character: its confusables by kind (slips seen in training both ways), and,
    apart, its near-pinyin characters that are in no other kind."""
    table: dict[str, dict[str, str]] = {}
    near_pinyin: dict[str, str] = {}
    for char in sorted(common):
        found = {o: kind for o, kind in confusion.confusables(char, living_only=True).items() if o in common}
        table[char] = {other: kind for other, kind in found.items() if kind != confusion.NEAR_PINYIN}
        near_pinyin[char] = "".join(other for other, kind in found.items() if kind == confusion.NEAR_PINYIN)
    for wrong, right in confusion.observed_slips():
        if right in table:  # both ways: variants are made from table[right], corrections read table[wrong]
            table[right].setdefault(wrong, confusion.OBSERVED)
            table.setdefault(wrong, {}).setdefault(right, confusion.OBSERVED)
    near_pinyin = {c: "".join(o for o in near if o not in table[c]) for c, near in near_pinyin.items()}
    return table, near_pinyin


def _pieces_of_longer_words(frequencies: dict[str, int]) -> set[str]:
    """Two- and three-character pieces of frequent longer words and of present-day government words."""
    pieces: set[str] = set()
    longer = [w for w, f in frequencies.items() if f >= WORD_PART_FREQUENCY and len(w) >= 3]
    for word in longer + list(confusion.domain_vocabulary()):
        for size in (2, 3):
            pieces.update(word[i : i + size] for i in range(len(word) - size + 1))
    return pieces


def _neighbour_reading(frequencies: dict[str, int]):
    """The log-probability of a variant read as two neighbouring words (工负 in 分工|负责), at its best cut."""
    total = sum(frequencies.values())
    starts: Counter[str] = Counter()
    ends: Counter[str] = Counter()
    for word, frequency in frequencies.items():
        starts[word[0]] += frequency
        ends[word[-1]] += frequency

    def piece(text: str, at_end: bool) -> float:
        if text in frequencies:
            return math.log(frequencies[text] / total)
        if len(text) == 1:
            return math.log(((ends if at_end else starts)[text] + 1) / total)
        return NO_WORD_LOG_PROBABILITY

    def neighbours(variant: str) -> float:
        return max(piece(variant[:k], True) + piece(variant[k:], False) for k in range(1, len(variant)))

    return neighbours


def load_index(backend: str | None = None) -> VariantIndex:
    """The variant index for a matcher backend, from the disk cache, built on first use."""
    from ..matcher import resolve_backend

    backend = resolve_backend(backend)
    if backend not in _indexes:
        with _lock:
            if backend not in _indexes:
                from ..cache import cached

                _indexes[backend] = cached("variants", backend.encode(), lambda: _build_for(backend), keep=2)
    return _indexes[backend]


def _build_for(backend: str) -> VariantIndex:
    from ..matcher import Matcher

    for other in _indexes.values():  # same variants, other backend: skip the dictionary work
        return VariantIndex(
            Matcher(other.automaton.patterns(), backend), other.table, other.frequent, other.near_pinyin
        )
    return build_index(backend)


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    return bounded_span(text, start, end, BREAKS, WINDOW)


def window_word_gain(text: str, start: int, end: int, replacement: str) -> float:
    """How much more likely jieba's word model finds the window round ``start:end`` with ``replacement`` there."""
    left, right = _window(text, start, end)
    corrected = text[left:start] + replacement + text[end:right]
    return segment.best_log_probability(corrected) - segment.best_log_probability(text[left:right])


def gain_confidence(gain: float, at_zero: float, gain_per_point: float) -> float:
    """The confidence reported for a gain: ``at_zero`` at no gain, one more for every
    ``gain_per_point`` of gain, never above CONFIDENCE_CAP."""
    return round(min(CONFIDENCE_CAP, at_zero + gain / gain_per_point), 2)


def validated_sensitivity(sensitivity: str) -> str:
    if sensitivity not in SENSITIVITIES:
        raise ValueError(f"typo sensitivity must be one of {', '.join(SENSITIVITIES)}, not {sensitivity!r}")
    return sensitivity


class TypoGuesser(Detector):
    """A detector of typos no lexicon lists: a fallback, as ready to warn as its sensitivity says."""

    fallback = True

    def __init__(self, sensitivity: str = "default"):
        self.sensitivity = validated_sensitivity(sensitivity)

    @classmethod
    def from_settings(cls, settings: DetectorSettings) -> TypoGuesser:
        return cls(settings.typo_sensitivity)


class ConfusableTypoDetector(TypoGuesser):
    name = "confusable-typo"

    def detect(self, scan: Scan):
        index = load_index(scan.compiled.automaton.backend)
        text = scan.folded.text
        if not len(index.automaton):
            return
        frequency = None  # jieba loads only once a hit needs it
        table, frequent = index.table, index.frequent
        model = char_ngrams.load()
        warning_score = WARNING_SCORE[self.sensitivity]
        for _, start, end in index.automaton.find(text):
            if _across_two_words(text, start, end, frequent):
                continue
            variant = text[start:end]
            corrections = []
            for position, char in enumerate(variant):
                for other, kind in table.get(char, {}).items():
                    word = variant[:position] + other + variant[position + 1 :]
                    if frequent.get(word, 0) >= VARIANT_BASE_FREQUENCY[len(word)]:
                        corrections.append((word, kind, start + position, other))
            if not corrections or scan.overlaps_correct_form(start, end) or person_names.in_name_slot(text, start, end):
                continue
            if frequency is None:
                frequency = segment.frequencies().get
            left, right = _window(text, start, end)
            before, spans = segment.best_segmentation(text[left:right])
            if _inside_a_word(text, left, spans, start, end, frequency):
                continue
            scored = []
            for w, k, at, other in corrections:
                word_gain = segment.best_log_probability(text[left:start] + w + text[end:right]) - before
                char_gain = model.replacement_gain(text, at, other)
                score = word_gain + min(CHAR_MODEL_WEIGHT * char_gain, CHAR_MODEL_CAP)
                scored.append((score, w, k, word_gain, char_gain))
            score, word, kind, word_gain, char_gain = max(scored)
            if score < INFO_SCORE:
                continue
            sure = score >= warning_score.get(kind, math.inf) or (
                kind != confusion.SHAPE and char_gain >= SURE_CHAR_GAIN and word_gain >= AGREEING_WORD_GAIN
            )
            yield self.candidate(
                start, end, "typo/confusable", Category.typo, Severity.warning if sure else Severity.info,
                f"“{variant}”疑为“{word}”之误（{LABEL.get(kind, '错字')}）",
                suggestions=(word,), confidence=gain_confidence(score, *SCORE_CONFIDENCE), source=SOURCE,
            )


def _across_two_words(text: str, start: int, end: int, frequent: dict[str, int]) -> bool:
    """True when the hit is the end of one frequent word and the start of the next (答复|申请)."""
    for cut in range(start + 1, end):
        left = any(text[a:cut] in frequent for a in range(max(0, cut - 4), min(start, cut - 2) + 1))
        if left and any(text[cut:b] in frequent for b in range(max(end, cut + 2), min(len(text), cut + 4) + 1)):
            return True
    return False


def _inside_a_word(text: str, left: int, spans, start: int, end: int, frequency) -> bool:
    """True when the window's best segmentation reads the hit as part of a longer real word."""
    for token_start, token_end in spans:
        a, b = left + token_start, left + token_end
        if b - a > end - start and a <= start and end <= b and (frequency(text[a:b]) or 0) > 0:
            return True
    return False
