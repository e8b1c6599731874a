"""Checker: compiles lexicons once, then checks texts and files; safe to share between threads."""

from __future__ import annotations

import bisect
import datetime as _dt
import hashlib
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from .detect.base import LEXICAL_PRIORITY, Candidate, DetectorSettings, Scan
from .errors import LexiconError
from .lexicon.compile import Compiled, bundled_lexicon_paths, compile_lexicons
from .models import CONTEXT_CHARS, FileReport, Finding, Severity, selector_matches
from .text import segment
from .text.dates import DocumentDate, document_date
from .text.normalize import fold

_NEWLINE = re.compile("\n")


class Checker:
    """Checks drafts against the bundled lexicons plus any extra lexicon files.

    ``select``/``ignore`` take rule ids, id prefixes (``SENS``) or category names;
    ``allow`` is an allow-list of strings that are never reported (nor anything inside them);
    ``severity_overrides`` maps a selector to a severity; ``typo_sensitivity`` ("default" or
    "high") sets how readily the two unlisted-typo detectors (confusable-typo, char-ngram-typo)
    warn.
    """

    def __init__(
        self,
        lexicons: Iterable[str | Path] = (),
        *,
        bundled: bool = True,
        allow: Iterable[str] = (),
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        severity_overrides: Mapping[str, Severity | str] | None = None,
        detectors: list | None = None,
        use_cache: bool = True,
        matcher: str | None = None,
        typo_sensitivity: str = "default",
    ):
        extra = [Path(p) for p in lexicons]
        paths = [(p, True) for p in bundled_lexicon_paths()] if bundled else []
        paths += [(p, False) for p in extra]
        # matcher: "pyahocorasick" or "ahocorasick_rs"; by default $TERMCHECK_MATCHER, else the fastest installed.
        self.compiled: Compiled = compile_lexicons(paths, use_cache=use_cache, matcher=matcher)
        segment.add_words(self.compiled.domain_words)
        if detectors is None:
            from .detect.registry import default_detectors

            detectors = default_detectors(DetectorSettings(typo_sensitivity))
        self.detectors = detectors
        # Detectors that guess without a lexicon entry yield to any lexicon finding on the same text.
        self.fallback_detectors = frozenset(d.name for d in detectors if getattr(d, "fallback", False))
        self.allow, self.select, self.ignore, self.severity_overrides = (), (), (), {}
        if extra:
            # A user's lexicon loads only if its own examples hold, as prh runs its specs;
            # they are judged before this checker's allow-list and rule selection apply.
            from .lexicon.examples import verify_examples

            failures = verify_examples(self, extra)
            if failures:
                raise LexiconError(failures[0])
        self.allow = tuple(fold(a).text for a in allow if a)
        self.select = tuple(select)
        self.ignore = tuple(ignore)
        self.severity_overrides = {k: Severity(v) for k, v in (severity_overrides or {}).items()}

    @classmethod
    def from_config(
        cls,
        config,
        *,
        lexicons: Iterable[str | Path] = (),
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        typo_sensitivity: str | None = None,
        matcher: str | None = None,
    ) -> Checker:
        """A checker from resolved settings (`termcheck.config.Config`), with a front end's own
        options on top: ``lexicons`` are added, ``select``/``ignore``/``typo_sensitivity`` replace."""
        return cls(
            lexicons=[*config.lexicons, *lexicons],
            select=tuple(select) or config.select,
            ignore=tuple(ignore) or config.ignore,
            allow=config.allow,
            severity_overrides=config.severity,
            typo_sensitivity=typo_sensitivity or config.typo_sensitivity,
            matcher=matcher,
        )

    def fingerprint(self) -> str:
        """Changes whenever a check could come out differently: the code and data of the detectors,
        the lexicon files, the settings. The site scan re-checks an unchanged page when it changes."""
        from .cache import code_fingerprint

        digest = hashlib.sha256(code_fingerprint())
        digest.update(self.compiled.source_key.encode())
        settings = (
            self.allow, self.select, self.ignore, sorted((k, v.value) for k, v in self.severity_overrides.items()),
            [(type(d).__name__, getattr(d, "sensitivity", None)) for d in self.detectors],
        )
        digest.update(repr(settings).encode())
        return digest.hexdigest()

    # A pickled checker carries its compiled lexicons, so worker processes never recompile;
    # the private tokenizer of the new process still has to learn the domain words.
    def __setstate__(self, state):
        self.__dict__.update(state)
        segment.add_words(self.compiled.domain_words)

    def check(self, text: str, *, as_of: _dt.date | None = None) -> list[Finding]:
        """Findings in ``text`` as of ``as_of``, else the date the text carries (`text.dates`)."""
        return self._check(text, document_date(text, given=as_of))

    def check_report(
        self, text: str, *, path: str = "<text>", as_of: _dt.date | None = None, carried: tuple[_dt.date, str] | None = None
    ) -> FileReport:
        """A report on ``text`` that also says which date it was judged on, and why; ``carried`` is
        a date its file carries outside the text (a page's PubDate), with its source."""
        date = document_date(text, given=as_of, carried=carried)
        return FileReport(
            path=path, as_of=date.day, as_of_source=date.source, as_of_year_only=date.year is not None,
            findings=tuple(self._check(text, date)),
        )

    def check_file(self, path: str | Path, *, as_of: _dt.date | None = None) -> FileReport:
        from .sources import read_document, stream

        if stream.should_stream(Path(path)):  # large plain text: checked in overlapping windows, bounded memory
            return stream.check_stream(self, Path(path), as_of=as_of)
        document = read_document(Path(path))
        report = self.check_report(document.text, path=str(path), as_of=as_of, carried=document.dated)
        return report.model_copy(update={"findings": tuple(document.locate(list(report.findings)))})

    def _check(self, text: str, date: DocumentDate) -> list[Finding]:
        folded = fold(text)
        scan = Scan(text, folded, self.compiled, date.day, list(self.compiled.hits(folded.text)), date.source, date.year)
        candidates: list[Candidate] = []
        for detector in self.detectors:
            candidates.extend(detector.detect(scan))
        return self._finish(scan, candidates)

    def _finish(self, scan: Scan, candidates: list[Candidate]) -> list[Finding]:
        # Deselected rules go before overlaps are resolved, so they hide nothing they overlap.
        kept = self._resolve_overlaps([c for c in candidates if self._selected(c)])
        if not kept:
            return []
        line_starts = [0] + [m.end() for m in _NEWLINE.finditer(scan.text)]
        findings = []
        for candidate in kept:
            start, end = candidate.original_span or scan.folded.span(candidate.start, candidate.end)
            if self.allow and self._allowed(scan, candidate, start, end):
                continue
            line_index = bisect.bisect_right(line_starts, start) - 1
            line_start = line_starts[line_index]
            line_end = scan.text.find("\n", start)
            line_end = len(scan.text) if line_end == -1 else line_end
            context = scan.text[max(line_start, start - CONTEXT_CHARS) : min(line_end, end + CONTEXT_CHARS)]
            where = {"start": start, "end": end, "line": line_index + 1, "column": start - line_start + 1}
            fields = {**candidate.verdict.fields(), "severity": self._severity(candidate)}
            findings.append(Finding(**fields, **where, text=scan.text[start:end], context=context))
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        return findings

    def _resolve_overlaps(self, candidates: list[Candidate]) -> list[Candidate]:
        """Among lexical findings the longest span wins (the whole name it belongs to), then the surest."""
        rules = self.compiled.rules

        def bundled(candidate: Candidate) -> bool:
            rule = rules.get(candidate.verdict.rule.split("/")[0])
            return rule.bundled if rule else True

        lexical = [c for c in candidates if c.verdict.category in LEXICAL_PRIORITY]
        others = [c for c in candidates if c.verdict.category not in LEXICAL_PRIORITY]
        # Between the two typo fallbacks the surer finding wins, so that an info from one (本育→体育)
        # does not hide a warning from the other on the same character.
        fallback = self.fallback_detectors

        def precedence(c: Candidate) -> tuple:
            guessed = c.verdict.detector in fallback
            surer = -c.verdict.severity.rank if guessed else 0
            longer, confidence = c.start - c.end, -(c.verdict.confidence or 0)
            return (guessed, surer, longer, confidence, bundled(c), LEXICAL_PRIORITY.index(c.verdict.category), c.start)

        lexical.sort(key=precedence)
        kept: list[Candidate] = []
        for candidate in lexical:
            if not any(k.start < candidate.end and candidate.start < k.end for k in kept):
                kept.append(candidate)
        seen = set()
        unique = []
        for candidate in others:
            key = (candidate.start, candidate.end, candidate.verdict.rule)
            if key not in seen:
                seen.add(key)
                unique.append(candidate)
        return kept + unique

    def _allowed(self, scan: Scan, candidate: Candidate, start: int, end: int) -> bool:
        if candidate.original_span is None:
            return scan.within_context(candidate.start, candidate.end, self.allow)
        # Detectors on the original text: compare against the folded form of the same span.
        folded_start = bisect.bisect_left(scan.folded.origin, start)
        folded_end = bisect.bisect_left(scan.folded.origin, end)
        return scan.within_context(folded_start, max(folded_end, folded_start + 1), self.allow)

    def _selected(self, candidate: Candidate) -> bool:
        rule, category = candidate.verdict.rule, candidate.verdict.category
        if self.select and not any(selector_matches(s, rule, category) for s in self.select):
            return False
        return not any(selector_matches(s, rule, category) for s in self.ignore)

    def _severity(self, candidate: Candidate) -> Severity:
        for selector, severity in self.severity_overrides.items():
            if selector_matches(selector, candidate.verdict.rule, candidate.verdict.category):
                return severity
        return candidate.verdict.severity

