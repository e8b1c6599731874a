"""The char-ngram typo detector and the character trigram model behind it."""

from __future__ import annotations

import datetime
import math

import pytest

import termcheck
from termcheck.detect import char_ngram_typo
from termcheck.text.char_ngrams import CharNgrams, load

DAY = datetime.date(2025, 6, 1)


@pytest.fixture(scope="module")
def default():
    return termcheck.Checker(select=["typo/char-ngram"])


def _typos(checker, text, severities=("warning", "error")):
    return [
        (text[f.start : f.end], f.suggestions, f.severity.value)
        for f in checker.check(text, as_of=DAY)
        if f.severity.value in severities
    ]


@pytest.mark.parametrize(
    "text, wrong, right",
    [
        ("市场监管部门要加强对食品生产企业的监都检查。", "都", "督"),
        ("加强多式联云公共信息交换，提升物流效率。", "云", "运"),
    ],
)
def test_a_non_word_slip_is_a_warning_with_the_character_to_write(default, text, wrong, right):
    assert _typos(default, text) == [(wrong, (right,), "warning")]
    (finding,) = default.check(text, as_of=DAY)
    assert finding.rule == "typo/char-ngram" and f"“{wrong}”疑为“{right}”之误" in finding.message


@pytest.mark.parametrize(
    "text, wrong, right",
    [
        ("全市16个低区和部门参加评比。", "低", "地"),
        ("依法盘活集体所有键设用地。", "键", "建"),
    ],
)
def test_a_common_replacement_word_lifts_a_modest_model_gain(default, text, wrong, right, monkeypatch):
    assert _typos(default, text) == [(wrong, (right,), "warning")]
    monkeypatch.setattr(char_ngram_typo, "MODEL_GAIN", char_ngram_typo.INFO_SCORE)  # the floor before the bonus
    assert _typos(default, text, ("info", "warning", "error")) == []


@pytest.mark.parametrize(
    "text, wrong, right",
    [
        ("国家中意药局等部门负责指导。", "意", "医"),  # 中意 is a word (China-Italy)
        ("会诊由县人民医院主台医师主持。", "台", "治"),  # 主台 reads as 主|台
    ],
)
def test_a_slip_the_word_model_agrees_on_is_a_warning_even_where_the_character_forms_a_word(
    default, text, wrong, right, monkeypatch
):
    assert _typos(default, text) == [(wrong, (right,), "warning")]
    monkeypatch.setattr(char_ngram_typo, "AGREEING_WORD_GAIN", math.inf)
    assert _typos(default, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "中意两国在药品监管领域签署合作备忘录。",
        "市水务局负责全市供水保障和防汛工作。",
        "他是县人民医院主治医师，从事临床工作二十年。",
    ],
)
def test_the_word_model_path_leaves_real_words_in_their_own_sense_alone(default, text):
    assert _typos(default, text, ("info", "warning", "error")) == []


@pytest.mark.parametrize(
    "text, wrong, right",
    [
        ("我门要认真贯彻落实党中央决策部署。", "门", "们"),
        ("各级领导干部要带头深入基层，他门要多听群众意见。", "门", "们"),
        ("这理是全县最大的蔬菜基地。", "理", "里"),
    ],
)
def test_a_character_often_written_for_another_is_checked_at_every_occurrence(default, text, wrong, right, monkeypatch):
    assert _typos(default, text) == [(wrong, (right,), "warning")]
    monkeypatch.setattr(char_ngram_typo, "OFTEN_CONFUSED_COUNT", 10**9)
    assert _typos(default, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "申请人应为年满十八周岁的本市户籍居民。",  # 应为 is a word, though 因为 is the commoner slip
        "下列情形中，哪种情况可以申请行政复议？",  # 哪种 beside 那种
        "会议要求再次强调安全生产责任。",
        "一是加强组织领导，二是强化督促检查。",
        "坚持以人民为中心的发展思想。",
        "在全面建设社会主义现代化国家新征程上。",
    ],
)
def test_often_confused_characters_in_their_own_words_are_left_alone(default, text):
    assert _typos(default, text, ("info", "warning", "error")) == []


def test_often_confused_characters_come_from_the_counted_training_slips():
    from termcheck.text import confusion

    meant = confusion.often_confused(char_ngram_typo.OFTEN_CONFUSED_COUNT)
    assert "们" in meant["门"] and "在" in meant["再"]
    assert all(len(wrong) == 1 and rights for wrong, rights in meant.items())
    assert len(confusion.often_confused(1)) > len(meant)


def test_a_near_pinyin_slip_is_a_warning_only_when_the_word_model_agrees(default, monkeypatch):
    text = "加快推进城乡一体化发展，统筹区域协调发张。"  # zhang for zhan: an accent's slip
    (finding,) = default.check(text, as_of=DAY)
    assert (finding.text, finding.suggestions, finding.severity.value) == ("张", ("展",), "warning")
    assert "近音字" in finding.message
    monkeypatch.setattr(char_ngram_typo, "AGREEING_WORD_GAIN", math.inf)
    assert _typos(default, text) == []


def test_near_pinyin_characters_are_kept_apart_from_the_table():
    from termcheck.detect.confusable_typo import load_index

    index = load_index()
    assert "展" in index.near_pinyin["张"] and "展" not in index.table["张"]
    assert all(not set(near) & set(index.table.get(char, {})) for char, near in index.near_pinyin.items())


def test_a_warning_from_one_typo_detector_beats_an_overlapping_info_from_the_other():
    both = termcheck.Checker(select=["typo/confusable", "typo/char-ngram"])
    text = "组织社会本育指导员广泛开展全民健身活动。"  # typo/confusable: 本育→体育 only as an info
    assert [(f.rule, f.text, f.severity.value) for f in both.check(text, as_of=DAY)] == [
        ("typo/char-ngram", "本", "warning")
    ]


def test_offsets_point_into_the_original_text_when_matching_ran_on_a_folded_copy(default):
    text = "市场监管部门要加强对食品生产企业的監都检查。"  # traditional 監 is folded before matching
    (finding,) = [f for f in default.check(text, as_of=DAY) if f.severity.value == "warning"]
    assert text[finding.start : finding.end] == "都" and finding.suggestions == ("督",)


@pytest.mark.parametrize(
    "text",
    [
        "进一步抬高准入门槛，防止低水平重复建设。",  # 抬高 is a word: not a non-word slip
        "加强专职医师队伍建设，完善激励机制。",
        "王建国同志任市人民政府副市长。",
        "张家口市崇礼区举办冰雪旅游推介会。",
        "各级政府要认真落实党中央、国务院决策部署。",
        "区长在见面会上回答了记者提问。",
        "严格落实疫情防控要求，做好抗疫物资保障。",
        "本通知自印发之日起施行，请各县区于每月5日前报送工作进展情况。",
    ],
)
def test_correct_prose_gets_no_warning(default, text):
    assert _typos(default, text) == []


def test_high_sensitivity_is_accepted_and_unknown_refused():
    assert char_ngram_typo.CharNgramTypoDetector("high").sensitivity == "high"
    with pytest.raises(ValueError, match="typo sensitivity"):
        char_ngram_typo.CharNgramTypoDetector("maximum")


def test_the_non_word_rule_needs_a_wordless_original_and_a_common_replacement():
    assert char_ngram_typo._non_word_slip("加强监都检查", 3, "督")
    assert not char_ngram_typo._non_word_slip("进一步抬高门槛", 3, "提")  # 抬高 is a word
    assert not char_ngram_typo._non_word_slip("加强监都检查", 3, "嘟")  # 监嘟 is no word either


def test_high_sensitivity_also_takes_a_slip_that_forms_a_far_rarer_word():
    text = "国家“十四五”规划刚要全文发布。"  # jieba lists 刚要 (3) as well as 纲要 (385)
    assert _typos(termcheck.Checker(select=["typo/char-ngram"]), text, ("info", "warning", "error")) == []
    assert _typos(termcheck.Checker(select=["typo/char-ngram"], typo_sensitivity="high"), text) == [
        ("刚", ("纲",), "warning")
    ]
    assert not char_ngram_typo._non_word_slip("加强法治宣传", 3, "制", rarer_word_ratio=100)  # 法治 is not rare enough


def test_clean_text_does_not_load_jieba():
    import subprocess
    import sys

    code = (
        "import datetime, termcheck\n"
        "from termcheck.text import segment\n"
        "c = termcheck.Checker(select=['typo/char-ngram'])\n"
        "found = c.check('各级政府要认真落实党中央、国务院决策部署。', as_of=datetime.date(2025, 6, 1))\n"
        "print(len(found), segment._tokenizer is None)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert result.stdout.split() == ["0", "True"], result.stdout


def test_trigram_model_counts_and_backs_off():
    grams = {"加": 3, "强": 3, "监": 2, "督": 2, "加强": 3, "强监": 2, "监督": 2, "加强监": 2, "强监督": 2}
    model = CharNgrams(grams.items())
    assert model.count("加强") == 3 and model.count("加强监") == 2 and model.count("强加") == 0
    assert model.seen_pair("监", "督") and not model.seen_pair("督", "监")
    assert model.log_probability("加强监督", 3) == pytest.approx(math.log(2 / 2))  # P(督 | 强监)
    seen_bigram_only = model.log_probability("加监督", 2)  # 加监 unseen: back off to P(督 | 监)
    assert seen_bigram_only == pytest.approx(math.log(0.4) + math.log(2 / 2))
    unseen = model.log_probability("加强都", 2)
    assert unseen < seen_bigram_only
    # 强监督 is a seen trigram; 都 after 强监 is unseen twice over and falls back to add-one P(都) = 1/15.
    assert model.replacement_gain("加强监都", 3, "督") == pytest.approx(-(2 * math.log(0.4) + math.log(1 / 15)))


def test_no_trigram_code_equals_a_bigram_code():
    model = CharNgrams([("\x00", 1), ("a", 1), ("\x00a", 5), ("\x00\x00a", 7)])
    assert model.count("\x00a") == 5 and model.count("\x00\x00a") == 7


def test_counts_in_any_order_give_the_same_model():
    grams = [("加", 3), ("强", 3), ("加强", 3), ("强加", 1), ("加强加", 1), ("强加强", 2)]
    in_search_order = CharNgrams(sorted(grams, key=lambda row: (len(row[0]), row[0])))
    shuffled = CharNgrams(reversed(grams))
    for gram, count in grams:
        assert in_search_order.count(gram) == shuffled.count(gram) == count
    assert shuffled.count("加加") == 0


def test_the_bundled_model_is_loaded_from_the_package():
    model = load()
    assert len(model) > 100_000
    assert model.count("政府") > 100 and model.count("攻府") == 0
