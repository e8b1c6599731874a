"""Names in name slots are not typos: 副市长贾强调研 is a person, 要贾强管理 a slip for 加强."""

from __future__ import annotations

import datetime

import pytest

import termcheck
from termcheck.text.person_names import in_name_slot

DAY = datetime.date(2025, 6, 1)


@pytest.fixture(scope="module")
def checker():
    return termcheck.Checker(select=["typo/confusable", "typo/char-ngram"], typo_sensitivity="high")


def _warnings(checker, text):
    return [(f.text, f.suggestions) for f in checker.check(text, as_of=DAY) if f.severity.value != "info"]


@pytest.mark.parametrize(
    "text",
    [
        "副县长贺平出席会议并讲话。",  # 贺平 reads as 和平
        "经研究，决定任命廖宁为县应急管理局局长。",  # 廖宁 as 辽宁
        "会议由覃桂琳、孙云娜共同主持。",  # 桂琳 as 桂林, 云娜 as 云南
        "免去郭智辉同志的县人民政府副县长职务。",  # 智辉 as 智慧
        "联系人：雷婷，电话：0571-87654321。",  # 雷婷 as 雷霆
        "刘春杰、王勇宇、宋萍静等同志参加检查。",  # 春杰, 勇宇, 萍静 as 春节, 勇于, 平静
        "副市长黎鹏超出席活动并讲话。",  # 黎鹏 as 李鹏
        "会议由韦芳、王秀成共同主持。",  # 由韦 as 由于
        "此次评审由专家组成员贾强、刘春杰等完成。",  # a list after a cue and closed by 等
        "获奖名单：贾强、刘春杰、廖宁等。",
    ],
)
def test_names_in_name_slots_are_not_typos(checker, text):
    assert _warnings(checker, text) == []


@pytest.mark.parametrize(
    "text, wrong, right",
    [
        ("各单位要贾强安全生产监督管理。", "贾强", "加强"),
        ("确保春杰期间市场供应充足。", "春杰", "春节"),
        ("全面提升城市智辉管理水平。", "智辉", "智慧"),
        ("坚持公开公正，龚平竞争。", "龚平", "公平"),
        ("市场监管总局党祖书记、副局长出席会议。", "祖", "组"),  # a title after it, but 局党 opens no name
    ],
)
def test_slips_that_only_look_like_names_are_still_found(checker, text, wrong, right):
    assert _warnings(checker, text) == [(wrong, (right,))]


def test_name_slot_spans_and_lists():
    text = "会议由唐勇、谢勇宇共同主持。"
    assert in_name_slot(text, text.index("勇宇"), text.index("勇宇") + 2)  # the list's cue is at its end
    assert in_name_slot(text, text.index("唐勇"), text.index("唐勇") + 2)
    assert not in_name_slot(text, text.index("主持"), text.index("主持") + 2)
    assert in_name_slot("联系人：欧阳晓峰", 5, 7)  # compound surname after a cue and a colon
    assert not in_name_slot("要贾强管理", 1, 3)
