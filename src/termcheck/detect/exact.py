"""Listed wrong forms: sensitive terms, wrong→right substitutions, known formulation variants, and
words their neighbours show to be wrong (collocations: 群众反应的问题)."""

from __future__ import annotations

from collections.abc import Iterator

from ..lexicon.patterns import COLLOCATION, HIT
from ..models import Category
from ..text.sentences import sentence_bounds
from .base import Candidate, Detector, Scan

# A listed typo or sensitive term inside a correct protected name is part of that name.
SHIELDED = {Category.typo, Category.sensitive}


class ExactDetector(Detector):
    name = "exact"

    def detect(self, scan: Scan) -> Iterator[Candidate]:
        for start, end, ref in scan.hits:
            if ref.role == COLLOCATION:
                found = self._collocation(scan, start, end, ref)
                if found:
                    yield found
                continue
            if ref.role != HIT:
                continue
            rule = scan.compiled.rules[ref.rule_id]
            if not rule.applies_on(scan.as_of):
                continue
            if rule.category in SHIELDED and scan.inside_correct_form(start, end):
                continue
            if rule.allow_contexts and scan.within_context(start, end, rule.allow_contexts):
                continue

            if rule.only_with and not _sentence_has(scan.folded.text, start, end, rule.only_with):
                continue
            if rule.not_with and _sentence_has(scan.folded.text, start, end, rule.not_with):
                continue
            if rule.boundary == "word" and not scan.stands_as_word(start, end):
                continue
            message = rule.message
            if ref.detail == "variant":
                message = f"“{scan.folded.text[start:end]}”为错误提法，规范表述为“{ref.target[0]}”"
            fix_safe = len(ref.target) == 1 and rule.category in (Category.typo, Category.name)
            yield self.candidate(
                start, end, rule.id, rule.category, rule.severity, message,
                suggestions=ref.target, confidence=1.0, fix_safe=fix_safe, source=rule.source,
            )


    def _collocation(self, scan: Scan, start: int, end: int, ref) -> Candidate | None:
        """The word inside a matched neighbour+word (or word+neighbour) pattern, where it stands as a word."""
        rule = scan.compiled.rules[ref.rule_id]
        entry = scan.compiled.entries[ref.rule_id]
        word_start = start + int(ref.detail)
        word_end = word_start + len(entry.word)
        text = scan.folded.text
        if any(text.endswith(n, 0, word_start) for n in entry.not_before):
            return None
        if any(text.startswith(n, word_end) for n in entry.not_after):
            return None
        if not rule.applies_on(scan.as_of) or scan.inside_correct_form(word_start, word_end):
            return None
        if not (scan.on_word_boundaries(word_start, word_end) or scan.on_word_boundaries(start, end)):
            return None  # 携带红领巾: the 带 is part of another word; 度过难关 is one word with its neighbour
        return self.candidate(
            word_start, word_end, rule.id, rule.category, rule.severity, rule.message,
            suggestions=ref.target, confidence=0.9, source=rule.source,
        )


def _sentence_has(text: str, start: int, end: int, needles) -> bool:
    left, right = sentence_bounds(text, start, end)
    sentence = text[left:right]
    return any(needle in sentence for needle in needles)
