"""Word boundaries from a private jieba tokenizer, run on small windows only.

The tokenizer is created on first use, so a text without candidates never loads jieba's
dictionary. It is private so that words we add never leak into a host application's jieba.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Iterable

WINDOW = 8

_lock = threading.Lock()
_tokenizer = None
_extra_words: set[str] = set()


def _get_tokenizer():
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                tokenizer.initialize()
                for word in sorted(_extra_words):
                    tokenizer.add_word(word, freq=max(tokenizer.suggest_freq(word), 1000))
                _tokenizer = tokenizer
    return _tokenizer


def add_words(words: Iterable[str]) -> None:
    """Teach the tokenizer domain words (names, bodies) so windows segment them whole."""
    new = set(words) - _extra_words
    if not new:
        return
    with _lock:
        _extra_words.update(new)
        tokenizer = _tokenizer
    if tokenizer is not None:
        for word in sorted(new):
            tokenizer.add_word(word, freq=max(tokenizer.suggest_freq(word), 1000))


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
    return _get_tokenizer().FREQ.get(word, 0)


def log_probability(words: Iterable[str]) -> float:
    """Unigram log-probability of a segmentation, from jieba's frequencies."""
    tokenizer = _get_tokenizer()
    total = math.log(tokenizer.total)
    return sum(math.log(tokenizer.FREQ.get(word) or 1) - total for word in words)


def best_log_probability(text: str) -> float:
    """Log-probability of jieba's best segmentation of ``text`` (its own dynamic programme)."""
    return best_segmentation(text)[0]


def best_segmentation(text: str) -> tuple[float, list[tuple[int, int]]]:
    """jieba's best segmentation of ``text``: its log-probability and the token spans."""
    tokenizer = _get_tokenizer()
    route: dict = {}
    tokenizer.calc(text, tokenizer.get_DAG(text), route)
    spans = []
    position = 0
    while position < len(text):
        end = route[position][1] + 1
        spans.append((position, end))
        position = end
    return route[0][0], spans


def frequencies() -> dict[str, int]:
    """jieba's word frequencies (read only)."""
    return _get_tokenizer().FREQ
