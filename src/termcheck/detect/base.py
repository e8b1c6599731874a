"""The protocol every detector follows and the scan state they share."""

from __future__ import annotations

import bisect
import datetime as _dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable

from ..lexicon.compile import Compiled
from ..lexicon.patterns import CORRECT, PatternRef
from ..models import Category, Severity
from ..text import segment
from ..text.normalize import Folded

# Findings of these categories compete for the same span; the longest, then the first listed, wins.
LEXICAL_PRIORITY = (Category.leader, Category.name, Category.formulation, Category.sensitive, Category.typo)


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a finding says, wherever it stands: the `Finding` fields that are not about its place."""

    rule: str
    category: Category
    severity: Severity
    message: str
    detector: str = ""
    source: str | None = None
    suggestions: tuple[str, ...] = ()
    fix_safe: bool = False
    confidence: float | None = None

    def fields(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A finding before offsets are turned into lines and suppressions are applied.

    ``start``/``end`` index the folded text; the engine maps them back to the original, unless
    ``original_span`` says where the finding stands in the original text already.
    """

    start: int
    end: int
    verdict: Verdict
    original_span: tuple[int, int] | None = None


@dataclass
class Scan:
    """One text being checked: original, folded copy, automaton hits, date."""

    text: str
    folded: Folded
    compiled: Compiled
    as_of: _dt.date
    hits: list[tuple[int, int, PatternRef]] = field(default_factory=list)
    as_of_source: str = "option"
    as_of_year: int | None = None  # only this year is known (a 文号): as_of is its last day

    @cached_property
    def correct_spans(self) -> list[tuple[int, int, str]]:
        """Folded spans of correct protected forms, with their rule id."""
        return [(s, e, ref.rule_id) for s, e, ref in self.hits if ref.role == CORRECT]

    @cached_property
    def present_rules(self) -> set[str]:
        return {rule_id for _, _, rule_id in self.correct_spans}

    def inside_correct_form(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in self.correct_spans)

    @cached_property
    def _correct_starts(self) -> tuple[list[tuple[int, int]], int]:
        spans = sorted((s, e) for s, e, _ in self.correct_spans)
        return spans, max((e - s for s, e in spans), default=0)

    def overlaps_correct_form(self, start: int, end: int, part_of: str = "") -> bool:
        """True when a correct form overlaps the span, other than a piece of ``part_of`` inside it."""
        spans, longest = self._correct_starts
        if not spans:
            return False
        text = self.folded.text
        first = bisect.bisect_left(spans, (start - longest, -1))
        for s, e in spans[first : bisect.bisect_left(spans, (end, -1))]:
            if start < e and not (start <= s and e <= end and e - s < len(part_of) and text[s:e] in part_of):
                return True
        return False

    def on_word_boundaries(self, start: int, end: int) -> bool:
        return segment.on_word_boundaries(self.folded.text, start, end)

    def stands_as_word(self, start: int, end: int) -> bool:
        return segment.stands_as_word(self.folded.text, start, end)

    def within_context(self, start: int, end: int, contexts: Iterable[str]) -> bool:
        """True when ``[start, end)`` lies inside an occurrence of one of ``contexts``."""
        text = self.folded.text
        for context in contexts:
            lo = max(0, end - len(context))
            position = text.find(context, lo, start + len(context))
            while position != -1 and position <= start:
                if position + len(context) >= end:
                    return True
                position = text.find(context, position + 1, start + len(context))
        return False


class Detector:
    """Base of the detectors: ``detect`` yields the candidates of one scan.

    ``fallback`` marks a detector that guesses without a lexicon entry: its candidates yield
    to any lexicon finding on the same text. ``from_settings`` builds the detector from the
    checker's settings; most detectors have none.
    """

    name = ""
    fallback = False

    @classmethod
    def from_settings(cls, settings: DetectorSettings) -> Detector:
        return cls()

    def detect(self, scan: Scan) -> Iterable[Candidate]:
        raise NotImplementedError

    @classmethod
    def candidate(
        cls, start: int, end: int, rule: str, category: Category, severity: Severity, message: str,
        *, on_original: bool = False, **details,
    ) -> Candidate:
        """A candidate of this detector; ``on_original`` when start/end index the original text."""
        verdict = Verdict(rule, category, severity, message, detector=cls.name, **details)
        return Candidate(start, end, verdict, (start, end) if on_original else None)


@dataclass(frozen=True)
class DetectorSettings:
    """What a checker's settings say to its detectors."""

    typo_sensitivity: str = "default"
