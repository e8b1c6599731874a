"""Word boundaries from a private jieba tokenizer, run on small windows only.

The tokenizer is created on first use, so a text without candidates never loads jieba's
dictionary. It is private so that words we add never leak into a host application's jieba.

jieba's dictionary, with our words added, is kept in termcheck's cache as a WordTable, which
loads in milliseconds where jieba's own cache takes most of a second. Word frequencies and the
best segmentation (jieba's dynamic programme over its prefix dictionary, done here) come from
that table without importing jieba; only a cut into tokens needs jieba itself.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Iterable, Mapping

from .word_table import WordTable

WINDOW = 8
DOMAIN_WORD_FREQUENCY = 1000  # the least frequency a domain word gets, so windows keep it whole

_lock = threading.RLock()
_tokenizer = None
_dictionary: WordTable | None = None  # jieba's FREQ; its dict is the tokenizer's once that exists
_dictionary_total = 0
_dictionary_words: frozenset[str] = frozenset()  # the domain words already in _dictionary
_extra_words: set[str] = set()


def _new_tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba.Tokenizer()


def _add_to(tokenizer, words: Iterable[str]) -> None:
    for word in sorted(words):
        tokenizer.add_word(word, freq=max(tokenizer.suggest_freq(word), DOMAIN_WORD_FREQUENCY))


def _built_dictionary(words: frozenset[str]) -> tuple[WordTable, int]:
    tokenizer = _new_tokenizer()
    tokenizer.initialize()
    _add_to(tokenizer, words)
    return WordTable(tokenizer.FREQ), tokenizer.total


def _dictionary_key(words: frozenset[str]) -> bytes:
    from importlib.metadata import version

    return "\0".join(["jieba", version("jieba"), *sorted(words)]).encode()


def _get_dictionary() -> WordTable:
    global _dictionary, _dictionary_total, _dictionary_words
    if _dictionary is None:
        with _lock:
            if _dictionary is None:
                from ..cache import cached

                words = frozenset(_extra_words)
                table, total = cached("jieba-dictionary", _dictionary_key(words), lambda: _built_dictionary(words), keep=2)
                _dictionary_total, _dictionary_words = total, words
                _dictionary = table
    return _dictionary


def _get_tokenizer():
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                frequencies = _get_dictionary().as_dict()
                tokenizer = _new_tokenizer()
                tokenizer.FREQ, tokenizer.total, tokenizer.initialized = frequencies, _dictionary_total, True
                _add_to(tokenizer, _extra_words - _dictionary_words)
                _tokenizer = tokenizer
    return _tokenizer


def add_words(words: Iterable[str]) -> None:
    """Teach the tokenizer domain words (names, bodies) so windows segment them whole."""
    new = set(words) - _extra_words
    if not new:
        return
    with _lock:
        _extra_words.update(new)
        if _tokenizer is not None:
            _add_to(_tokenizer, new)
        elif _dictionary is not None:
            _get_tokenizer()  # adds the words the cached dictionary lacks


def tokens(text: str) -> list[str]:
    return list(_get_tokenizer().cut(text, HMM=False))


def boundaries(text: str) -> set[int]:
    """Offsets in ``text`` where a word starts or ends."""
    edges = {0}
    position = 0
    for token in tokens(text):
        position += len(token)
        edges.add(position)
    return edges


def window(text: str, start: int, end: int, size: int = WINDOW) -> tuple[str, int]:
    """The text around ``[start, end)`` cut at line breaks, and the offset it starts at."""
    left = max(0, start - size)
    newline = text.rfind("\n", left, start)
    if newline != -1:
        left = newline + 1
    right = min(len(text), end + size)
    newline = text.find("\n", end, right)
    if newline != -1:
        right = newline
    return text[left:right], left


def on_word_boundaries(text: str, start: int, end: int) -> bool:
    """True when ``[start, end)`` cuts no word of the segmentation of its window."""
    piece, offset = window(text, start, end)
    edges = boundaries(piece)
    return (start - offset) in edges and (end - offset) in edges


# jieba lists some slips glued to a particle (沉缅于), so the slip is never a token of its own.
TRAILING_PARTICLES = frozenset("于了着过的地得")


def stands_as_word(text: str, start: int, end: int) -> bool:
    """True when ``[start, end)`` is a word of its window's segmentation, or a token but for
    one trailing particle that jieba glued to it."""
    piece, offset = window(text, start, end)
    edges = boundaries(piece)
    if (start - offset) in edges and (end - offset) in edges:
        return True
    return (
        (start - offset) in edges
        and end < len(text)
        and text[end] in TRAILING_PARTICLES
        and (end + 1 - offset) in edges
        and not any(start - offset < edge < end + 1 - offset for edge in edges)
    )


def word_frequency(word: str) -> int:
    return _get_dictionary().get(word, 0)


def _total() -> int:
    """The sum of all frequencies, which jieba's add_word keeps up to date."""
    _get_dictionary()
    return _tokenizer.total if _tokenizer is not None else _dictionary_total


def log_probability(words: Iterable[str]) -> float:
    """Unigram log-probability of a segmentation, from jieba's frequencies."""
    frequency = frequencies()
    total = math.log(_total())
    return sum(math.log(frequency.get(word) or 1) - total for word in words)


def best_log_probability(text: str) -> float:
    """Log-probability of jieba's best segmentation of ``text`` (its own dynamic programme)."""
    return best_segmentation(text)[0]


def best_segmentation(text: str) -> tuple[float, list[tuple[int, int]]]:
    """jieba's best segmentation of ``text`` (``cut(HMM=False)``'s route through the words its
    dictionary knows): its log-probability and the token spans. The same sums in the same order
    as jieba's, so that scores and ties come out identical."""
    frequency = frequencies()
    log_total = math.log(_total())
    length = len(text)
    route: dict[int, tuple[float, int]] = {length: (0, 0)}
    for start in range(length - 1, -1, -1):
        ends = []
        end = start
        piece = text[start]
        while end < length and (count := frequency.get(piece)) is not None:
            if count:
                ends.append(end)
            end += 1
            piece = text[start : end + 1]
        route[start] = max(
            (math.log(frequency.get(text[start : last + 1]) or 1) - log_total + route[last + 1][0], last)
            for last in ends or [start]
        )
    spans = []
    position = 0
    while position < len(text):
        end = route[position][1] + 1
        spans.append((position, end))
        position = end
    return route[0][0], spans


def frequencies() -> Mapping[str, int]:
    """jieba's word frequencies, every prefix of a word with 0 (read only)."""
    return _get_dictionary().mapping()
