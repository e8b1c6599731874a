"""Formulations over time and enumerations: outdated wording, wrong/missing/extra members, order.

- Outdated: a formulation with ``superseded`` is a warning in documents dated on or after it,
  unless its sentence names an earlier year (在2019年…, a historical mention).
- Enumerations: where members of a formulation are listed with 、, each item is compared with
  the canonical list in official order (四个自信: 道路、理论、制度、文化).
- Session names: the 两会 are named in a fixed order, 十四届全国人大三次会议 and
  全国政协十四届三次会议 (新华社 usage); the other orders (全国十四届人大三次会议,
  十四届全国政协三次会议) are warnings with the right name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from ..lexicon.patterns import CORRECT, MEMBER
from ..lexicon.schema import FormulationEntry
from ..models import Category, Severity
from ..text.dates import sentence_year
from .base import Candidate, Detector, Scan
from .near_miss import one_edit

_N = "[一二三四五六七八九十]{1,3}"
# (pattern, how the right name is written from its two numbers, what the convention is)
SESSION_NAMES = tuple(
    (re.compile(pattern), right)
    for pattern, right in (
        (rf"全国(?:第)?({_N})届人大(?:第)?({_N})次会议", "{0}届全国人大{1}次会议"),
        (rf"全国人大(?:第)?({_N})届(?:第)?({_N})次会议", "{0}届全国人大{1}次会议"),
        # 第五届全国政协第二次会议, with 第, is how older texts name older sessions: left alone
        (rf"(?<![一二三四五六七八九十第])({_N})届全国政协({_N})次会议", "全国政协{0}届{1}次会议"),
        (rf"全国(?:第)?({_N})届政协(?:第)?({_N})次会议", "全国政协{0}届{1}次会议"),
    )
)
SESSION_SOURCE = "新华社现行对全国人大、全国政协会议名称的用法（十四届全国人大三次会议，全国政协十四届三次会议）"

LIST_BREAKS = frozenset("，。；：！？,.;:!?“”\"'‘’《》()（）【】\n")
LAST_JOINERS = "和与及"


class FormulationDetector(Detector):
    name = "formulation"

    def detect(self, scan: Scan) -> Iterator[Candidate]:
        yield from self._outdated(scan)
        yield from self._enumerations(scan)
        yield from self._session_names(scan)

    def _session_names(self, scan: Scan) -> Iterator[Candidate]:
        text = scan.folded.text
        if "届" not in text:
            return
        for pattern, right in SESSION_NAMES:
            for match in pattern.finditer(text):
                name = right.format(*match.groups())
                message = f"会议名称语序有误，应为“{name}”"
                yield self.candidate(
                    match.start(), match.end(), "formulation/session-name", Category.formulation, Severity.warning,
                    message, suggestions=(name,), confidence=0.9, source=SESSION_SOURCE,
                )

    def _outdated(self, scan: Scan) -> Iterator[Candidate]:
        text = scan.folded.text
        for start, end, ref in scan.hits:
            entry = scan.compiled.entries.get(ref.rule_id)
            if ref.role != CORRECT or not isinstance(entry, FormulationEntry) or not entry.superseded:
                continue
            if text[start:end] != ref.target[0] or ref.target[0] != entry.term:
                continue
            year = sentence_year(text, start) or scan.as_of_year
            if year is not None and year < entry.superseded.year:
                continue
            if year is None and scan.as_of < entry.superseded:
                continue
            rule = scan.compiled.rules[entry.id]
            severity = rule.severity if rule.severity is not Severity.error else Severity.warning
            message = entry.message or f"“{entry.term}”自{entry.superseded}起已调整，现用“{entry.replaced_by}”"
            suggestions = (entry.replaced_by,) if entry.replaced_by else ()
            yield self.candidate(
                start, end, f"{entry.id}/outdated", rule.category, severity, message,
                suggestions=suggestions, confidence=0.8, source=rule.source,
            )

    def _enumerations(self, scan: Scan) -> Iterator[Candidate]:
        text = scan.folded.text
        by_rule: dict[str, list[int]] = defaultdict(list)
        for start, _, ref in scan.hits:
            if ref.role == MEMBER:
                by_rule[ref.rule_id].append(start)
        for rule_id, starts in by_rule.items():
            entry = scan.compiled.entries[rule_id]
            done: set[tuple[int, int]] = set()
            for position in sorted(starts):
                region = _list_region(text, position)
                if region in done or "、" not in text[region[0] : region[1]]:
                    continue
                done.add(region)
                yield from self._check_list(scan, entry, _items(text, region, entry.members))

    def _check_list(self, scan: Scan, entry: FormulationEntry, items) -> Iterator[Candidate]:
        members = entry.members
        matched = [members.index(t) if t in members else None for _, _, t in items]
        confusion = scan.compiled.confusion

        def slip_of(member: str, item: str) -> bool:
            # any other character is one edit from a one-character member (农 from 真): only a
            # character that sounds or looks like it is its slip (城 for 诚)
            if len(member) == 1:
                return len(item) == 1 and item in confusion.get(member, {})
            return bool(one_edit(member, item))

        near = sum(1 for (_, _, t), i in zip(items, matched) if i is None and any(slip_of(m, t) for m in members))
        exact = sum(i is not None for i in matched)
        needed = max(2, min(3, len(members) - 1))
        # A list whose every item is one slip from a member (不敢、不能、不想) is that list too.
        if exact < needed and not (exact + near >= needed and exact + near == len(items) >= 3):
            return
        rule = scan.compiled.rules[entry.id]
        present = {i for i in matched if i is not None}
        canonical = "、".join(members)

        def finding(start, end, suffix, severity, message, suggestions):
            return self.candidate(
                start, end, f"{entry.id}/{suffix}", Category.formulation, severity, message,
                suggestions=suggestions, confidence=0.85, source=rule.source,
            )

        for position, ((start, end, item), index) in enumerate(zip(items, matched)):
            if index is not None:
                continue
            meant = [m for i, m in enumerate(members) if i not in present and slip_of(m, item)]
            if meant:
                matched[position] = members.index(meant[0])
                present.add(matched[position])
                yield finding(
                    start, end, "member", Severity.error,
                    f"“{entry.term}”中应为“{meant[0]}”，不是“{item}”（规范顺序：{canonical}）", (meant[0],),
                )
            elif 0 < position < len(items) - 1:
                yield finding(
                    start, end, "extra", Severity.warning,
                    f"“{item}”不属于“{entry.term}”（规范表述：{canonical}）", (),
                )
        if len(members) >= 4 and len(present) == len(members) - 1 and len(items) == len(members) - 1:
            missing = next(m for i, m in enumerate(members) if i not in present)
            yield finding(
                items[0][0], items[-1][1], "missing", Severity.warning,
                f"“{entry.term}”缺少“{missing}”（规范表述：{canonical}）", (canonical,),
            )
        ordered = [(item, i) for item, i in zip(items, matched) if i is not None]
        for (first, first_index), (second, second_index) in zip(ordered, ordered[1:]):
            if first_index > second_index:
                expected = "、".join(members[i] for i in sorted(i for _, i in ordered))
                yield finding(
                    first[0], second[1], "order", Severity.error,
                    f"“{entry.term}”的规范顺序为：{canonical}，“{second[2]}”应在“{first[2]}”之前", (expected,),
                )
                break


def _list_region(text: str, position: int) -> tuple[int, int]:
    start = position
    while start > 0 and text[start - 1] not in LIST_BREAKS and position - start < 200:
        start -= 1
    end = position
    while end < len(text) and text[end] not in LIST_BREAKS and end - position < 400:
        end += 1
    return start, end


def _items(text: str, region: tuple[int, int], members: list[str]) -> list[tuple[int, int, str]]:
    """Items of a 、-list with their spans; the first and last are trimmed to a member where one fits."""
    start, end = region
    items = []
    position = start
    for piece in text[start:end].split("、"):
        items.append((position, position + len(piece), piece))
        position += len(piece) + 1
    longest = max(len(m) for m in members)
    first_start, first_end, first = items[0]
    for member in sorted(members, key=len, reverse=True):
        if first.endswith(member):
            items[0] = (first_end - len(member), first_end, member)
            break
    else:
        if len(first) > longest:
            items[0] = (first_end - longest, first_end, first[-longest:])
    last_start, last_end, last = items[-1]
    for joiner in LAST_JOINERS:
        head, sep, tail = last.partition(joiner)
        if sep and head in members and any(tail.startswith(m) for m in members):
            items[-1] = (last_start, last_start + len(head), head)
            last_start, last = last_start + len(head) + 1, tail
            items.append((last_start, last_start + len(last), last))
            break
    last_start, last_end, last = items[-1]
    for member in sorted(members, key=len, reverse=True):
        if last.startswith(member):
            items[-1] = (last_start, last_start + len(member), member)
            break
    else:
        if len(last) > longest + 1:
            items.pop()
    return [item for item in items if item[2]]
