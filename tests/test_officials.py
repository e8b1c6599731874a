"""No real official is reported: every name of lexicons/people/officials.tsv, in its title context."""

import csv
import datetime as dt
from pathlib import Path

import pytest

import termcheck

TSV = Path(__file__).resolve().parents[1] / "lexicons" / "people" / "officials.tsv"


def posts():
    with TSV.open(encoding="utf-8") as handle:
        rows = [row for row in csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")]
    return [row for row in rows if len(row) >= 7 and row[0]]


def held_on(start: str, end: str) -> dt.date:
    """A day inside the post: its first day (the 15th of a month known only by month)."""
    if len(start) == 7:
        start += "-15"
    day = dt.date.fromisoformat(start) if start else dt.date(2024, 6, 1)
    if end and len(end) >= 7 and dt.date.fromisoformat(end if len(end) == 10 else end + "-01") <= day:
        day = dt.date.fromisoformat(end if len(end) == 10 else end + "-01")
    return day


def test_the_list_is_large_enough():
    # Issue #19 asks for at least 300 real names in title contexts.
    people = {row[0] for row in posts()}
    assert len(people) >= 300, f"{len(people)} officials"


@pytest.mark.parametrize("row", posts(), ids=lambda row: f"{row[0]}-{row[1]}")
def test_an_official_in_a_title_context_is_not_reported(row):
    name, post, _short, start, end = row[:5]
    text = f"{post}{name}出席会议并讲话。"
    findings = termcheck.check(text, as_of=held_on(start, end))
    spelled = [f for f in findings if f.rule.endswith("/near-miss") or f.category.value == "typo"]
    assert spelled == [], [(f.rule, f.text, f.message) for f in spelled]
