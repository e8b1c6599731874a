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


# -- titles on a date (issue #20) --------------------------------------------------------------


def test_every_post_has_a_source_and_ends_after_it_starts():
    for row in posts():
        name, post, _short, start, end, _unverified, source = row[:7]
        assert source.strip(), f"{name} {post}: no source"
        if start and end:
            assert start[: len(end)] <= end[: len(start)], f"{name} {post}: ends {end} before it starts {start}"


def ended_posts(count: int):
    """``count`` verified posts with full dates that ended, of people not holding that title again."""
    rows = posts()
    chosen = []
    for row in sorted(rows):
        name, post, _short, start, end, unverified = row[:6]
        if unverified.strip() == "1" or len(start) != 10 or len(end) != 10:
            continue
        again = [r for r in rows if r[0] == name and r[1] == post and r is not row]
        if again or name in {c[0] for c in chosen}:
            continue
        chosen.append(row)
    return chosen[:count]


@pytest.mark.parametrize("row", ended_posts(20), ids=lambda row: f"{row[0]}-{row[1]}")
def test_a_title_is_clean_inside_the_post_and_reported_after_it(row):
    name, post, _short, start, end = row[:5]
    text = f"{post}{name}出席会议并讲话。"
    inside = dt.date.fromisoformat(start) + (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)) / 2
    assert [f.rule for f in termcheck.check(text, as_of=inside) if f.rule.endswith("/title")] == []
    after = dt.date.fromisoformat(end) + dt.timedelta(days=60)
    (finding,) = [f for f in termcheck.check(text, as_of=after) if f.rule.endswith("/title")]
    assert finding.severity.value == "error" and post in finding.message


def test_ministers_who_left_office_are_caught():
    text = "外交部部长秦刚出席会议并讲话。"
    assert termcheck.check(text, as_of=dt.date(2023, 3, 1)) == []
    assert [f.rule.split("/")[-1] for f in termcheck.check(text, as_of=dt.date(2024, 1, 1))] == ["title"]
    later = "工业和信息化部部长金壮龙出席会议并讲话。"
    assert termcheck.check(later, as_of=dt.date(2024, 1, 1)) == []
    (finding,) = termcheck.check(later, as_of=dt.date(2025, 9, 1))
    assert finding.severity.value == "error"
    # 唐仁健 was removed by the NPC Standing Committee on 2024-09-13 (verified): an error after it
    removed = "农业农村部部长唐仁健出席会议并讲话。"
    assert termcheck.check(removed, as_of=dt.date(2023, 1, 1)) == []
    (finding,) = termcheck.check(removed, as_of=dt.date(2025, 9, 1))
    assert finding.severity.value == "error"
    # 费东斌 was put under investigation on 2025-06-12; the day his post ended is not verified
    unsure = "国家铁路局局长费东斌出席会议并讲话。"
    assert termcheck.check(unsure, as_of=dt.date(2023, 1, 1)) == []
    (finding,) = termcheck.check(unsure, as_of=dt.date(2025, 9, 1))
    assert finding.severity.value == "warning"


def test_a_leaders_post_on_record_completes_the_leader_entry():
    # 唐登杰's leader entry lacks 福建省省长 (2018-01-02 to 2020-07-02); officials.tsv has it
    for text in ("福建省省长唐登杰出席会议。", "省长唐登杰出席会议。", "唐登杰省长出席会议。"):
        assert termcheck.check(text, as_of=dt.date(2019, 5, 1)) == [], text
    assert [f.rule.split("/")[-1] for f in termcheck.check("唐登杰总经理出席会议。", as_of=dt.date(2019, 5, 1))] == ["title"]


def test_a_post_not_on_record_is_no_error():
    # the record holds posts, not careers: a bare 部长 or a post it lacks is not judged
    assert termcheck.check("部长秦刚出席会议并讲话。", as_of=dt.date(2024, 1, 1)) == []
    assert termcheck.check("某某集团董事长李干杰出席会议。", as_of=dt.date(2024, 1, 1)) == []


def test_lexicons_json_counts_people_and_dated_posts():
    import json

    from click.testing import CliRunner

    from termcheck.frontends.cli import main

    people = json.loads(CliRunner().invoke(main, ["lexicons", "--format", "json"]).output)["people"]
    assert people["people"] >= 300 and people["dated_posts"] >= 400
