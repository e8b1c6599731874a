"""The sentence around a position, for rules that look at their sentence."""

from __future__ import annotations

SENTENCE_ENDS = frozenset("。！？!?；;\n")
MAX_REACH = 200  # a sentence longer than this is cut; no rule needs more context


def sentence_bounds(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """``[left, right)`` of the sentence holding ``text[start:end]``, at most MAX_REACH each side."""
    return bounded_span(text, start, start if end is None else end, SENTENCE_ENDS, MAX_REACH)


def bounded_span(text: str, start: int, end: int, stops: frozenset[str], reach: int) -> tuple[int, int]:
    """``[start, end)`` widened on each side up to a character in ``stops`` or ``reach`` characters."""
    left = start
    while left > 0 and start - left < reach and text[left - 1] not in stops:
        left -= 1
    right = end
    while right < len(text) and right - end < reach and text[right] not in stops:
        right += 1
    return left, right
