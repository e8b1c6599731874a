"""The sentence around a position, for rules that look at their sentence."""

from __future__ import annotations

SENTENCE_ENDS = frozenset("。！？!?；;\n")
MAX_REACH = 200  # a sentence longer than this is cut; no rule needs more context


def sentence_bounds(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """``[left, right)`` of the sentence holding ``text[start:end]``, at most MAX_REACH each side."""
    end = start if end is None else end
    left = start
    while left > 0 and start - left < MAX_REACH and text[left - 1] not in SENTENCE_ENDS:
        left -= 1
    right = end
    while right < len(text) and right - end < MAX_REACH and text[right] not in SENTENCE_ENDS:
        right += 1
    return left, right
