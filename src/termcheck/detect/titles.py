"""Leaders' titles on the document's date, and the order of Standing Committee members.

A title written next to a leader's name (国务院总理李强, 李强总理, chains joined by 、) is
checked against the dated titles in the leader lexicon:
- a title the person held, but not on the date: 国务院总理李克强 in 2025;
- a title the person never held: 李鹏总经理.
A sentence that names its own year (2019年，国务院总理李克强…) is checked against that year,
and 原/时任/前 mark a deliberate past title.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

from ..lexicon.patterns import CORRECT
from ..lexicon.schema import LeaderEntry, Title
from ..models import Category, Severity
from ..text.dates import DATE_SOURCES, sentence_year
from .base import Candidate, Detector, Scan

JOB_TITLES = (
    "总经理", "董事长", "总裁", "经理", "局长", "处长", "科长", "厅长", "县长", "镇长", "乡长", "村长",
    "区长", "司长", "院长", "校长", "行长", "社长", "秘书长", "部长", "主任", "省长", "市长", "州长",
)
NOT_TITLES = frozenset({"同志", "代表", "领导", "首长", "委员"})
PAST_MARKERS = ("原", "时任", "前", "已故", "老")
LIST_SEPARATORS = "、，,和与及 "
# First plenary session of each Central Committee: the day its Standing Committee took office.
CENTRAL_COMMITTEES = (
    (13, _dt.date(1987, 11, 2)),
    (14, _dt.date(1992, 10, 19)),
    (15, _dt.date(1997, 9, 19)),
    (16, _dt.date(2002, 11, 15)),
    (17, _dt.date(2007, 10, 22)),
    (18, _dt.date(2012, 11, 15)),
    (19, _dt.date(2017, 10, 25)),
    (20, _dt.date(2022, 10, 23)),
)
ORDER_SOURCE = "各届中央委员会第一次全体会议公报（新华社）"
_LOCAL = re.compile("[省市县区州乡镇村]|书记")


def document_day(scan: Scan) -> str:
    """The document's date as a message gives it: 2018年（文号年份）, 2025-03-01（落款日期）."""
    day = f"{scan.as_of_year}年" if scan.as_of_year else str(scan.as_of)
    return f"{day}（{DATE_SOURCES.get(scan.as_of_source, scan.as_of_source)}）"


def central_committee_on(day: _dt.date) -> int | None:
    current = None
    for number, start in CENTRAL_COMMITTEES:
        if day >= start:
            current = number
    return current


# Where the titles on record are not a whole career, a bare 部长 or 书记 may name a post not on
# record: only a title that names its body (外交部部长, 中组部部长) is judged.
PARTIAL_RECORD_SHORTEST = 4


def _title_matches(title: Title, written: str, complete: bool = True) -> bool:
    if not complete:
        return written == title.title or (written in title.short and len(written) >= PARTIAL_RECORD_SHORTEST)
    if written == title.title or written in title.short:
        return True
    if "副" in title.title and "副" not in written:
        return False
    return len(written) >= 2 and title.title.endswith(written)


def _held(title: Title, day: _dt.date, year: int | None) -> bool:
    if year is None:
        return title.held_on(day)
    return title.held_on(_dt.date(year, 12, 31)) or title.held_on(_dt.date(year, 1, 1)) or (
        bool(title.start) and title.start.year == year
    )


class TitleDetector(Detector):
    name = "titles"

    def detect(self, scan: Scan) -> Iterator[Candidate]:
        vocabulary = (scan.compiled.titles - NOT_TITLES) | set(JOB_TITLES)
        longest = max((len(t) for t in vocabulary), default=0)
        text = scan.folded.text
        names = []
        seen = set()
        for start, end, ref in scan.hits:
            entry = scan.compiled.entries.get(ref.rule_id)
            if ref.role != CORRECT or not isinstance(entry, LeaderEntry) or ref.target[0] != entry.name:
                continue
            if (start, end, entry.name) in seen:
                continue  # a leader with posts on record in officials.yaml too: judged once, on all of them
            seen.add((start, end, entry.name))
            entries = scan.compiled.leader_entries(entry.name)
            rule_id, entry = entries[0]
            names.append((start, end, rule_id, entry))
            for t_start, t_end, written in _adjacent_titles(text, start, end, vocabulary, longest):
                finding = self._judge(scan, entries, written, min(t_start, start), max(t_end, end))
                if finding:
                    yield finding
        yield from self._order(scan, names)

    def _judge(self, scan, entries, written, start, end) -> Candidate | None:
        rule_id, entry = entries[0]
        rule = scan.compiled.rules[rule_id]
        sentence = sentence_year(scan.folded.text, start)
        year = sentence or scan.as_of_year
        matched = [t for _, e in entries for t in e.titles if _title_matches(t, written, e.titles_complete)]
        if matched:
            if any(_held(t, scan.as_of, year) for t in matched):
                return None
            title = matched[0]
            period = f"{title.start or '?'}至{title.end or '今'}"
            when = f"{sentence}年" if sentence else document_day(scan)
            ended = title.end and (year or scan.as_of.year) >= title.end.year
            message = f"{entry.name}任“{title.title}”的时间为{period}，{when}不在任期内"
            suggestions = (f"原{written}{entry.name}",) if ended else ()
            severity = Severity.warning if all(t.unverified for t in matched) else Severity.error
        elif not entry.titles_complete or any(
            _title_matches(t, written) for _, e in entries if not e.titles_complete for t in e.titles
        ):
            return None  # the record lacks a whole career, or a post on record may be the one meant (省长)
        else:
            message = f"词库记载的{entry.name}职务中没有“{written}”，姓名与职务搭配有误"
            suggestions = tuple(
                dict.fromkeys(t.title + entry.name for _, e in entries for t in e.titles if t.held_on(scan.as_of))
            )
            severity = Severity.warning if _LOCAL.search(written) else Severity.error
        # Its confidence is below a spelling slip's of the same name, which is the likelier fault.
        return self.candidate(
            start, end, f"{rule_id}/title", Category.leader, severity, message,
            suggestions=suggestions, confidence=0.75, source=rule.source,
        )

    def _order(self, scan: Scan, names) -> Iterator[Candidate]:
        """Standing Committee members listed together must follow the official order of the date."""
        text = scan.folded.text
        names.sort()
        groups: list[list] = []
        for item in names:
            if groups and _joined(text, groups[-1][-1][1], item[0]):
                groups[-1].append(item)
            else:
                groups.append([item])
        for group in groups:
            if len(group) < 2:
                continue
            year = sentence_year(text, group[0][0])
            day = _dt.date(year, 12, 31) if year else scan.as_of
            committee = central_committee_on(day)
            ranked = [(g, g[3].pbsc_rank.get(committee)) for g in group]
            if committee is None or any(rank is None for _, rank in ranked):
                continue
            for (first, first_rank), (second, second_rank) in zip(ranked, ranked[1:]):
                if first_rank > second_rank:
                    in_order = "、".join(g[3].name for g, _ in sorted(ranked, key=lambda pair: pair[1]))
                    message = f"第{committee}届中央政治局常委排序应为：{in_order}（{first[3].name}排在{second[3].name}之后）"
                    yield self.candidate(
                        first[0], second[1], "leader/order", Category.leader, Severity.error, message,
                        suggestions=(in_order,), confidence=0.8, source=ORDER_SOURCE,
                    )
                    break


def _joined(text: str, end: int, start: int) -> bool:
    between = text[end:start]
    return 0 < len(between) <= 4 and all(c in LIST_SEPARATORS or c in "同志" for c in between)


def _adjacent_titles(text: str, start: int, end: int, vocabulary, longest) -> Iterator[tuple[int, int, str]]:
    """Titles written right before the name (a chain joined by 、) or right after it."""
    position = start
    while True:
        found = None
        for size in range(min(longest, position), 1, -1):
            if text[position - size : position] in vocabulary:
                found = size
                break
        if not found:
            break
        t_start = position - found
        if any(text[max(0, t_start - len(m)) : t_start] == m for m in PAST_MARKERS):
            return
        written = text[t_start:position]
        if written.startswith(("原", "前任")):  # 国家林业和草原局局长 is no past title
            return
        yield t_start, position, written
        if t_start > 0 and text[t_start - 1] == "、":
            position = t_start - 1
        else:
            break
    for size in range(min(longest, len(text) - end), 1, -1):
        written = text[end : end + size]
        if written in vocabulary:
            yield end, end + size, written
            break
