"""The document's own date, from the strongest signal it carries.

Precedence (docs/dates.md says why):
1. ``option``: the date the caller gives;
2. ``signature``: the last full date of the signature block (落款);
3. ``issued-line``: a 成文日期 / 印发日期 / 发布日期 line, or a date standing alone under the title
   (（2018年1月2日）);
4. ``html-meta`` / ``docx-properties``: a date the file carries outside its text (a page's
   PubDate, a .docx's core properties), unless the document's own 文号 names an earlier year:
   such a date is when it was published or saved, the 文号 when it was written;
5. ``wenhao``: the year of the document's own 文号 (国函〔2018〕144号 on a line of its own near the
   top). A year alone bounds the date: see `DocumentDate.year`. A 文号 quoted in the body
   (（教职成〔2018〕8号）) is another document's, and two different years at the top are no answer;
6. ``today``.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from .sentences import sentence_bounds

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ARABIC = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_CHINESE = re.compile(r"([〇○零O一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
SIGNATURE_LINES = 6


def _chinese_number(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS[text[1]]
    if "十" in text:
        tens, _, units = text.partition("十")
        return _CN_DIGITS[tens] * 10 + (_CN_DIGITS[units] if units else 0)
    return _CN_DIGITS[text]


def _dates(text: str) -> list[tuple[int, _dt.date]]:
    found = []
    for match in _ARABIC.finditer(text):
        year, month, day = (int(g) for g in match.groups())
        found.append((match.start(), year, month, day))
    for match in _CHINESE.finditer(text):
        year = int("".join(str(_CN_DIGITS[c]) for c in match.group(1)))
        found.append((match.start(), year, _chinese_number(match.group(2)), _chinese_number(match.group(3))))
    dates = []
    for position, year, month, day in found:
        try:
            dates.append((position, _dt.date(year, month, day)))
        except ValueError:
            continue
    return sorted(dates)


# How messages and reports name the date a document was judged on, by where the date came from.
DATE_SOURCES = {
    "signature": "落款日期",
    "issued-line": "成文日期",
    "html-meta": "网页发布日期",
    "docx-properties": "文档属性中的日期",
    "wenhao": "文号年份",
    "option": "指定的检查日期",
    "today": "今天；文中未见成文日期",
}


# Rules whose verdict depends on the date a document is judged on.
DATE_DEPENDENT_RULES = ("/title", "/outdated", "leader/order")


def is_date_dependent(rule: str) -> bool:
    return any(marker in rule for marker in DATE_DEPENDENT_RULES)


TITLE_LINES = 2
HEAD_LINES = 8  # where a 文号 or a date under the title stands
_WENHAO = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[［【(（]((?:19|20)\d\d)[〕\]］】)）]第?\s*\d{1,5}\s*号")
_ISSUED_LABEL = re.compile(r"^(?:成文日期|印发日期|发文日期|发布日期|签发日期|日期)\s*[:：]")
# A line of the head that is a date, perhaps in brackets and followed by what happened then
# (（2018年3月11日第十三届全国人民代表大会第一次会议通过）).
_DATE_LINE = re.compile(r"^[（(]?\s*(?:\d{4}\s*年|[〇○零O一二三四五六七八九]{4}年)")
DATE_LINE_MAX = 80


@dataclass(frozen=True)
class DocumentDate:
    """The date a document is judged on. With ``year`` set only that year is known: ``day`` is its
    last day, a title is right if held at any time in it, and a formulation is outdated only if
    it was already outdated by the end of it."""

    day: _dt.date
    source: str
    year: int | None = None


def document_date(text: str, *, given: _dt.date | None = None, carried: tuple[_dt.date, str] | None = None) -> DocumentDate:
    """The date ``text`` is judged on and where it comes from; ``carried`` is a date its file
    carries outside the text, with its source (``html-meta``, ``docx-properties``)."""
    if given:
        return DocumentDate(given, "option")
    lines = _lines(text)
    for found, source in ((_signature(lines), "signature"), (_issued(lines[:HEAD_LINES]), "issued-line")):
        if found:
            return DocumentDate(found, source)
    year = wenhao_year(text)
    if carried and not (year and carried[0].year > year):
        return DocumentDate(carried[0], carried[1])
    if year:
        return DocumentDate(_dt.date(year, 12, 31), "wenhao", year)
    return DocumentDate(_dt.date.today(), "today")


def _issued(head: list[str]) -> _dt.date | None:
    """A labelled issue date in the head, else a date line under the title."""
    for line in head:
        if _ISSUED_LABEL.match(line) and _dates(line):
            return _dates(line)[0][1]
    for line in head[1:]:
        if len(line) <= DATE_LINE_MAX and _DATE_LINE.match(line):
            dates = _dates(line)
            if dates and dates[0][0] <= 2:  # the date opens the line, perhaps after a bracket
                return dates[0][1]
    return None


def wenhao_year(text: str) -> int | None:
    """The year of the document's own 文号: one standing alone on a line of the head, or labelled
    发文字号 / 文号. None when there is none, or when such lines name different years."""
    years = set()
    for line in _lines(text)[:HEAD_LINES]:
        bare = re.sub(r"^(?:发文字号|文号)\s*[:：]\s*", "", line)
        match = _WENHAO.fullmatch(bare.replace(" ", ""))
        if match:
            years.add(int(match.group(1)))
    return years.pop() if len(years) == 1 else None


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _signature(lines: list[str]) -> _dt.date | None:
    """The last full date standing on a short line among the last lines, but not the title or the
    line under it (a short text's date under its title is its issue line)."""
    for line in reversed(lines[max(TITLE_LINES, len(lines) - SIGNATURE_LINES) :]):
        if len(line) <= 30 and _dates(line):
            return _dates(line)[-1][1]
    return None


_YEAR = re.compile(r"(19[4-9]\d|20\d\d)\s*年")


def sentence_year(text: str, position: int) -> int | None:
    """The last year written in the sentence before ``position`` (在2019年…), if any."""
    start, _ = sentence_bounds(text, position)
    years = _YEAR.findall(text, start, position)
    return int(years[-1]) if years else None
