"""Inline directives that silence findings where an editor has decided the text is right.

Blocks, for HTML and Markdown (as comments) and for plain text (on a line of their own)::

    <!-- termcheck-disable -->              everything until termcheck-enable or the end
    <!-- termcheck-disable TYPO-0001,sensitive -->
    <!-- termcheck-enable -->               re-enables everything
    <!-- termcheck-enable TYPO-0001 -->     re-enables only these

Lines, for any text::

    ……截止目前…… termcheck: ignore                 every finding on this line
    ……截止目前…… termcheck: ignore[TYPO-0001]      only these
    termcheck-disable-next-line [RULE,RULE]        the line below

A RULE is a rule id, an id prefix (``TYPO``, ``LEADER-0031``) or a category (``typo``),
matched as ``select``/``ignore`` are. Findings inside a directive's own text are dropped too.
Directives are read from the source as written; a finding that carries a source offset (HTML)
is placed by it, any other by its offset into the checked text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .models import Finding, selector_matches

_RULES = r"[A-Za-z0-9][\w/\-]*(?:\s*,\s*[A-Za-z0-9][\w/\-]*)*"
_LINE = re.compile(r"termcheck:\s*ignore(?:\[(?P<rules>[^\]\n]*)\])?")
_NEXT_LINE = re.compile(rf"termcheck-disable-next-line(?:[ \t]+(?P<rules>{_RULES}))?")
_BLOCK = re.compile(rf"termcheck-(?P<verb>disable|enable)(?!-next-line)(?:[ \t]+(?P<rules>{_RULES}))?")
_MARKER = "termcheck"


@dataclass(frozen=True)
class Region:
    """Source offsets [start, end) in which findings of ``rules`` (None: every rule) are silenced."""

    start: int
    end: int
    rules: tuple[str, ...] | None

    def silences(self, position: int, finding: Finding) -> bool:
        if not self.start <= position < self.end:
            return False
        return self.rules is None or any(selector_matches(r, finding.rule, finding.category) for r in self.rules)


def _rule_list(raw: str | None) -> tuple[str, ...] | None:
    if raw is None:
        return None
    rules = tuple(part.strip().rstrip("-") for part in raw.split(",") if part.strip().rstrip("-"))
    return rules or None


def directive_regions(source: str) -> list[Region]:
    """Every silenced region the directives in ``source`` describe."""
    if _MARKER not in source:
        return []
    line_starts = [0] + [i + 1 for i, ch in enumerate(source) if ch == "\n"]

    def line_span(index: int) -> tuple[int, int]:
        if index >= len(line_starts):
            return len(source), len(source)
        end = source.find("\n", line_starts[index])
        return line_starts[index], len(source) if end == -1 else end

    regions: list[Region] = []
    for match in _LINE.finditer(source):
        line = bisect.bisect_right(line_starts, match.start()) - 1
        start, end = line_span(line)
        regions.append(Region(start, end, _rule_list(match.group("rules"))))
    next_line_spans = []
    for match in _NEXT_LINE.finditer(source):
        next_line_spans.append((match.start(), match.end()))
        line = bisect.bisect_right(line_starts, match.start()) - 1
        start, end = line_span(line + 1)
        regions.append(Region(start, end, _rule_list(match.group("rules"))))
    regions.extend(_block_regions(source))
    # The directives' own text (ASCII words and punctuation in a Chinese page) is never reported.
    for pattern in (_LINE, _NEXT_LINE, _BLOCK):
        for match in pattern.finditer(source):
            regions.append(Region(match.start(), match.end(), None))
    return regions


def _block_regions(source: str) -> list[Region]:
    regions = []
    all_since: int | None = None
    rules_since: dict[str, int] = {}
    for match in _BLOCK.finditer(source):
        rules = _rule_list(match.group("rules"))
        if match.group("verb") == "disable":
            if rules is None:
                if all_since is None:
                    all_since = match.end()
            else:
                for rule in rules:
                    rules_since.setdefault(rule, match.end())
            continue
        if rules is None:
            if all_since is not None:
                regions.append(Region(all_since, match.start(), None))
                all_since = None
            for rule, since in rules_since.items():
                regions.append(Region(since, match.start(), (rule,)))
            rules_since.clear()
        else:
            for rule in rules:
                if rule in rules_since:
                    regions.append(Region(rules_since.pop(rule), match.start(), (rule,)))
    end = len(source)
    if all_since is not None:
        regions.append(Region(all_since, end, None))
    regions.extend(Region(since, end, (rule,)) for rule, since in rules_since.items())
    return regions


def _position(finding: Finding) -> int:
    if finding.location is not None and finding.location.source_offset is not None:
        return finding.location.source_offset
    return finding.start


def apply_directives(findings: Iterable[Finding], source: str) -> list[Finding]:
    """The findings no directive in ``source`` silences, in their original order."""
    findings = list(findings)
    regions = directive_regions(source)
    if not regions:
        return findings
    return [f for f in findings if not any(r.silences(_position(f), f) for r in regions)]
