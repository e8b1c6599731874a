"""Official phrases (lexicons/phrases/official.yaml): slips of the fixed phrases of laws, reports
and everyday official prose are found, the offensive ones as errors, and right prose stays quiet."""

import re

import pytest

import termcheck

from .conftest import AS_OF


@pytest.fixture(scope="module")
def checker():
    return termcheck.Checker()


def official(checker, text):
    return [
        (f.text, f.suggestions[0], f.severity.value)
        for f in checker.check(text, as_of=AS_OF)
        if f.rule.startswith("PHRASE-OFFICIAL-")
    ]


@pytest.mark.parametrize(
    "text, slip, phrase, severity",
    [
        ("全市干部群众沉痛到念在抗洪抢险中牺牲的同志。", "沉痛到念", "沉痛悼念", "error"),
        ("全市各界深切缅坏为抗疫献出生命的医务人员。", "深切缅坏", "深切缅怀", "error"),
        ("坚持和加强中国共产挡领导，是做好一切工作的根本保证。", "中国共产挡领导", "中国共产党领导", "error"),
        ("我国是工人阶级领导的、以工农联盟为基础的人民民主专正的社会主义国家。", "人民民主专正", "人民民主专政", "error"),
        ("要依法保护英雄列士的姓名、肖像、名誉和荣誉。", "英雄列士", "英雄烈士", "error"),
        ("扎实推进党风廉政建没，持续深化作风建设。", "党风廉政建没", "党风廉政建设", "warning"),
        ("各单位要狠抓落室，确保各项任务按期完成。", "狠抓落室", "狠抓落实", "warning"),
    ],
)
def test_slips_of_official_phrases_are_found(checker, text, slip, phrase, severity):
    assert (slip, phrase, severity) in official(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "全市干部群众沉痛悼念在抗洪抢险中牺牲的同志。",
        "清明节前夕，师生代表来到烈士陵园深切缅怀革命先烈。",
        "坚持和加强党的全面领导，坚持中国特色社会主义制度。",
        "我国是工人阶级领导的、以工农联盟为基础的人民民主专政的社会主义国家。",
        "县级以上人民政府文化主管部门负责本行政区域内的文物保护工作。",
        "各单位要狠抓落实，确保各项任务按期完成。",
        "他从小就痛到哭也不肯掉一滴眼泪。",  # 痛到 is not a slip of 沉痛悼念 without the phrase around it
    ],
)
def test_right_official_prose_is_quiet(checker, text):
    assert official(checker, text) == []


def test_official_phrases_are_many_and_each_names_its_dated_document():
    from termcheck.lexicon.compile import bundled_lexicon_dir
    from termcheck.lexicon.loader import load_lexicon

    lexicon = load_lexicon(bundled_lexicon_dir() / "phrases" / "official.yaml")
    phrases = [p for entry in lexicon.data.entries for p in entry.phrases]
    assert len(phrases) >= 3000
    assert all(re.search(r"（\d{4}-\d{2}-\d{2}）", entry.source) for entry in lexicon.data.entries)
    flagged = [entry for entry in lexicon.data.entries if entry.offensive_reading]
    assert flagged and all(any(e.expect for e in entry.examples) for entry in flagged)
