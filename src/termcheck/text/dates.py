"""The document's own date: the last full date in its signature block (落款), else today."""

from __future__ import annotations

import datetime as _dt
import re

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


def document_date(text: str) -> tuple[_dt.date, str]:
    """The date a text is judged on when none is given, and why: ``document`` or ``today``."""
    found = signature_date(text)
    if found:
        return found, "document"
    return _dt.date.today(), "today"


def signature_date(text: str) -> _dt.date | None:
    """The last full date standing on a short line among the last lines of the document."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    for line in reversed(lines[-SIGNATURE_LINES:]):
        if len(line) > 30:
            continue
        dates = _dates(line)
        if dates:
            return dates[-1][1]
    return None


_YEAR = re.compile(r"(19[4-9]\d|20\d\d)\s*年")


def sentence_year(text: str, position: int) -> int | None:
    """The last year written in the sentence before ``position`` (在2019年…), if any."""
    start, _ = sentence_bounds(text, position)
    years = _YEAR.findall(text, start, position)
    return int(years[-1]) if years else None
