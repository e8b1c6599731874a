"""The confusable-typo detector: unlisted misspellings of common words, judged on a small window."""

from __future__ import annotations

import datetime
import math

import pytest

import termcheck
from termcheck.detect import confusable_typo

DAY = datetime.date(2025, 6, 1)


@pytest.fixture(scope="module")
def default():
    return termcheck.Checker(select=["typo/confusable"])


@pytest.fixture(scope="module")
def high():
    return termcheck.Checker(select=["typo/confusable"], typo_sensitivity="high")


def _typos(checker, text, severities=("warning", "error")):
    return [(f.text, f.suggestions, f.severity.value) for f in checker.check(text, as_of=DAY) if f.severity.value in severities]


@pytest.mark.parametrize(
    "text, wrong, right",
    [
        ("各部门要进一步提高政务服务效律，压缩办理时限。", "效律", "效率"),
        ("切实做好安全生产工做，坚决遏制重特大事故发生。", "工做", "工作"),
        ("深入推进放管服改革，持续优化营商环竟。", "环竟", "环境"),
    ],
)
def test_default_sensitivity_warns_about_a_clear_typo(default, text, wrong, right):
    assert _typos(default, text) == [(wrong, (right,), "warning")]


@pytest.mark.parametrize(
    "text, wrong, right",
    [
        ("组织开展消防安全演炼。", "演炼", "演练"),
    ],
)
def test_high_sensitivity_warns_where_default_only_informs(default, high, text, wrong, right):
    assert _typos(default, text) == []
    assert [(f.text, f.suggestions) for f in default.check(text, as_of=DAY)] == [(wrong, (right,))]
    assert _typos(high, text) == [(wrong, (right,), "warning")]


@pytest.mark.parametrize(
    "text",
    [
        "在见面会上，区长回答了记者提问。",  # 在见 is not 再见: 见面 is a word
        "他们再接再厉，取得了新的成绩。",
        "严格落实疫情防控要求，做好抗疫物资保障。",  # 抗疫 is a word jieba's dictionary lacks
        "坚持房住不炒，因城施策，促进房地产市场平稳健康发展。",
        "发挥投贷联动作用，支持科技型中小企业融资。",
        "全力做好防汛抗旱各项工作，确保安全度汛。",
        "本通知自印发之日起施行，请各县区于每月5日前报送工作进展情况。",
    ],
)
def test_window_guard_rejects_real_words(high, text):
    assert _typos(high, text, ("info", "warning", "error")) == []


def test_an_ignored_lexicon_rule_does_not_hide_an_overlapping_typo():
    # 持旭 is a mined pair (TYPO-M-…); ignoring that rule leaves the detector's own finding.
    text = "各有关部门要年内持旭推进，确保按期完成。"
    checker = termcheck.Checker(ignore=["TYPO-M"], typo_sensitivity="high")
    assert [(f.text, f.rule) for f in checker.check(text, as_of=DAY) if f.category.value == "typo"] == [
        ("持旭", "typo/confusable")
    ]
    assert [f.rule for f in termcheck.Checker().check(text, as_of=DAY)][0].startswith("TYPO-M-")


def test_unknown_sensitivity_is_refused():
    with pytest.raises(ValueError, match="typo sensitivity"):
        confusable_typo.ConfusableTypoDetector("maximum")


def test_observed_slips_and_seen_variants_shape_the_index():
    from termcheck.text import confusion

    slips = confusion.observed_slips()
    assert len(slips) > 1000 and all(len(w) == 1 and len(r) == 1 and w != r for w, r in slips)
    index = confusable_typo.load_index()
    seen = sorted(confusion.variants_seen_correct())
    assert len(seen) > 1000
    for variant in seen[:300]:
        assert (0, len(variant)) not in {(start, end) for _, start, end in index.automaton.find(variant)}


def test_sensitivity_from_config_file_and_command_line(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from termcheck.frontends.cli import main

    draft = tmp_path / "draft.txt"
    draft.write_text("组织开展消防安全演炼。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    quiet = runner.invoke(main, ["check", "--fail-on", "warning", "--format", "json", str(draft)])
    assert quiet.exit_code == 0, quiet.output
    loud = runner.invoke(main, ["check", "--fail-on", "warning", "--typo-sensitivity", "high", str(draft)])
    assert loud.exit_code == 1 and "演炼" in loud.output
    (tmp_path / "termcheck.toml").write_text('typo-sensitivity = "high"\n', encoding="utf-8")
    configured = runner.invoke(main, ["check", "--fail-on", "warning", str(draft)])
    assert configured.exit_code == 1 and "演炼" in configured.output
    (tmp_path / "termcheck.toml").write_text('typo-sensitivity = "loud"\n', encoding="utf-8")
    broken = runner.invoke(main, ["check", str(draft)])
    assert broken.exit_code == 2 and "typo-sensitivity" in broken.output


def test_a_hit_across_two_frequent_words_is_dropped_before_jieba_loads():
    import subprocess
    import sys

    # 复申 (a variant of 复审) sits across 答复|申请; 作出|答复 and 依|申请 likewise.
    code = (
        "import sys, datetime, termcheck\n"
        "from termcheck.detect import confusable_typo\n"
        "from termcheck.text import segment\n"
        "c = termcheck.Checker(select=['typo/confusable'])\n"
        "text = '行政机关应当在规定期限内作出答复申请人的书面决定。'\n"
        "hits = confusable_typo.load_index().automaton.find(text)\n"
        "found = c.check(text, as_of=datetime.date(2025, 6, 1))\n"
        "print(len(hits), len(found), segment._tokenizer is None)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    hits, found, jieba_idle = result.stdout.split()
    assert int(hits) >= 1 and found == "0" and jieba_idle == "True", result.stdout


def test_the_character_model_tips_a_typo_into_a_warning(monkeypatch):
    # jieba's word model alone rates 工做 only an info; its neighbours in correct text settle it.
    text = "切实做好安全生产工做，坚决遏制重特大事故发生。"
    checker = termcheck.Checker(select=["typo/confusable"])
    assert _typos(checker, text) == [("工做", ("工作",), "warning")]
    monkeypatch.setattr(confusable_typo, "CHAR_MODEL_WEIGHT", 0.0)
    monkeypatch.setattr(confusable_typo, "SURE_CHAR_GAIN", math.inf)
    assert _typos(checker, text) == []
    assert _typos(checker, text, ("info",)) == [("工做", ("工作",), "info")]


@pytest.mark.parametrize(
    "text, wrong, right",
    [
        ("加快建设现代化产业提系。", "提系", "体系"),
        ("加强基层医疗卫生服务体系建设，提高服务能例。", "能例", "能力"),
        ("各地要切实加强组织领导，确保各项政策落实到位，防止出现新的风显。", "风显", "风险"),
    ],
)
def test_a_sure_character_model_and_an_agreeing_word_model_make_a_warning(default, text, wrong, right, monkeypatch):
    # The capped share alone leaves these at info; the uncapped character gain is ≥ 10 and the
    # word model's gain ≥ 6.
    assert _typos(default, text) == [(wrong, (right,), "warning")]
    monkeypatch.setattr(confusable_typo, "SURE_CHAR_GAIN", math.inf)
    assert _typos(default, text) == []
    assert _typos(default, text, ("info",)) == [(wrong, (right,), "info")]


def test_archaic_readings_make_no_homophones_for_the_typo_table():
    from termcheck.text import confusion

    assert {"dan", "jie"} <= confusion.readings("担") and confusion.living_readings("担") == {"dan"}
    assert confusion.living_readings("绿") == {"lv", "lu"}  # 绿色, 绿林: both living, ü spelt v
    assert "担" not in confusion.confusables("结", living_only=True)
    assert "担" in confusion.confusables("结")  # near-miss still checks protected names against every reading
    table = confusable_typo.load_index().table
    assert "结" not in table["担"] and "胆" in table["担"]
