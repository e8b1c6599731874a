"""Slips of protected phrases: idioms, fixed phrases, compounds (lexicons/phrases/)."""

import pytest

import termcheck
from termcheck.detect import phrase_slips
from termcheck.detect.phrase_slips import PhraseSlipDetector
from termcheck.lexicon.phrases import PhraseIndex
from termcheck.text.sound_keys import fuzzy_syllable, sound_keys

from .conftest import AS_OF


@pytest.fixture(scope="module")
def phrase_checker():
    """The bundled lexicons with the phrase-slip detector alone, so listed typo pairs do not answer first."""
    return termcheck.Checker(detectors=[PhraseSlipDetector()])


def slips(checker, text):
    return [(f.text, f.suggestions[0]) for f in checker.check(text, as_of=AS_OF) if f.rule.startswith("PHRASE")]


@pytest.mark.parametrize(
    "text, slip, phrase",
    [
        ("各地各部门要按部旧班推进各项改革任务。", "按部旧班", "按部就班"),  # homophone, inner character
        ("革命先烈永垂不休，我们要继承他们的遗志。", "永垂不休", "永垂不朽"),  # homophone, last character
        ("全体党员干部要全心全义为人民服务。", "全心全义", "全心全意"),
        ("各级干部要单精竭虑为群众办实事。", "单精竭虑", "殚精竭虑"),
        ("要发扬艰苦奋斗、自力更声的精神。", "自力更声", "自力更生"),
        ("干部要廉洁自律，不能假公济私、以权谋思。", "以权谋思", "以权谋私"),
        ("做到件件有着落、事事有回音，决不能敷衍塞则。", "敷衍塞则", "敷衍塞责"),
        ("要坚持标本兼制，推进综合治理。", "标本兼制", "标本兼治"),  # a fixed phrase (jieba l)
        ("要发扬锲而不舍的精神，持之以痕推进作风建设。", "持之以痕", "持之以恒"),
        ("这项工作取得了立竿见颖的效果。", "立竿见颖", "立竿见影"),
        # a rare inner character written as its familiar lookalike: neither anchor survives
        ("检查组发现，个别单位整改工作蜻蜒点水，没有触及根本。", "蜻蜒点水", "蜻蜓点水"),
        ("安全生产责任重于泰山，任何时候都不能麻痛大意。", "麻痛大意", "麻痹大意"),
        ("要把中央精神宣传到村到户，做到妇蠕皆知。", "妇蠕皆知", "妇孺皆知"),
        ("有的文件照搬照抄、味同爵蜡，群众不愿看。", "味同爵蜡", "味同嚼蜡"),
    ],
)
def test_slips_of_idioms_are_found(phrase_checker, text, slip, phrase):
    assert (slip, phrase) in slips(phrase_checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "各地各部门要按部就班推进各项改革任务。",
        "通过合理划分中央与地方在基本公共服务提供方面的任务和职责。",  # 提供|方面, not 提供方便
        "情节严重的，给予开除党籍处分。",  # 党籍 is a word of its own: not 党纪处分
        "上一年度党政主要负责人履行推进法治建设第一责任人职责。",  # not 法制建设
        "城市管理重心向社区下移，是市委、市政府的一项重要部署。",  # not 管理中心
        "外交部部长王毅会见了来访的客人。",  # a doubled 部 that leaves two words
        "工商银行总行确定了一批重点支持的企业。",  # 商银行总行 is cut out of 工商银行
        "会议指出，一部分认为不妥的意见也要认真听取。",  # 一部分人 would read 一部分/人为
        "春节期间，广大干部群众欢度佳节。",  # the right form, beside jieba's 欢渡佳节
        "各地要雷励风行抓好整改落实。",  # listed in typos/common.yaml: its entry reports it
        "你现在每星期放假三天，加上周末就是五天能自己安排。",  # 五天 is a word: not 不能自己
        "应当组织落实上一级政府提出的监管要求，并向上一级政府报告落实情况。",
        "检查组发现，个别单位整改工作蜻蜓点水，没有触及根本。",
        "安全生产责任重于泰山，任何时候都不能麻痹大意。",
        "春季是蜻蜓、蝴蝶等昆虫繁殖的季节。",
    ],
)
def test_real_words_and_other_phrases_are_left_alone(phrase_checker, text):
    assert slips(phrase_checker, text) == []


def test_jiebas_misspelt_idioms_are_not_protected():
    # jieba lists 悬梁刺骨 and 竭泽而鱼; THUOCL's idiom list judged them misspellings
    index = termcheck.default_checker().compiled.phrases
    assert {"悬梁刺股", "竭泽而渔", "洁白无瑕"} <= index.vocabulary
    assert not {"悬梁刺骨", "竭泽而鱼", "洁白无暇"} & index.vocabulary
    findings = termcheck.check("发展经济不能竭泽而鱼，必须坚持生态优先。", as_of=AS_OF)
    assert [(f.text, f.suggestions[0]) for f in findings] == [("竭泽而鱼", "竭泽而渔")]


def test_a_slip_is_a_warning_with_the_phrase_as_its_suggestion(phrase_checker):
    (finding,) = phrase_checker.check("各地各部门要按部旧班推进各项改革任务。", as_of=AS_OF)
    assert finding.rule == "PHRASE-IDIOM/near-miss"
    assert finding.severity.value == "warning"
    assert finding.suggestions == ("按部就班",)
    assert "同音字" in finding.message


def test_the_full_checker_reports_a_phrase_slip_once():
    findings = termcheck.check("各地各部门要按部旧班推进各项改革任务。", as_of=AS_OF)
    assert [(f.rule, f.text) for f in findings] == [("PHRASE-IDIOM/near-miss", "按部旧班")]


def test_sound_keys_merge_the_input_method_fuzzy_pairs():
    assert fuzzy_syllable("zhang") == fuzzy_syllable("zan") == "zan"
    assert fuzzy_syllable("ling") == fuzzy_syllable("nin")
    keys = sound_keys()
    assert keys.of("迫不急待") == keys.of("迫不及待")
    assert keys.of("迫不急待") != keys.of("迫不及时")


def test_a_phrase_read_otherwise_than_its_characters_has_its_own_key():
    # 省 alone is sheng; in 发人深省 it is xing, the reading of 醒.
    index = PhraseIndex([("发人深省", "PHRASE-TEST")])
    keyed = index.keyed("这番话发人深醒。")
    assert [(start, end) for _, start, end in index.key_matcher.find(keyed)] == [(3, 7)]


def candidate_slips(text: str, phrase: str):
    """The candidate slips of ``phrase`` in ``text``, before any guard."""
    import datetime

    from termcheck.detect.base import Scan
    from termcheck.text.normalize import fold

    checker = termcheck.default_checker()
    folded = fold(text)
    scan = Scan(text, folded, checker.compiled, datetime.date(2026, 1, 1), list(checker.compiled.hits(folded.text)))
    return [slip for slip in phrase_slips.candidate_slips(scan, checker.compiled.phrases) if slip.phrase == phrase]


@pytest.mark.parametrize(
    "guard, text, phrase",
    [
        ("_changed_word_is_a_word", "城市管理重心向社区下移。", "管理中心"),
        ("_cuts_a_word_outside", "工商银行总行确定了一批重点支持的企业。", "商业银行总行"),
        ("_listed_already", "各地要雷励风行抓好整改落实。", "雷厉风行"),
        ("_changed_word_is_a_word", "情节严重的，给予开除党籍处分。", "党纪处分"),
        ("_added_or_dropped_character_leaves_two_words", "外交部部长会见了来访的客人。", "外交部长"),
        ("_rare_phrase_reads_as_two_words", "全国海关加大依法治税、综合治税的力度。", "以法治税"),
    ],
)
def test_each_guard_answers_its_example(guard, text, phrase):
    candidates = candidate_slips(text, phrase)
    assert candidates, f"no candidate slip of {phrase} in {text}"
    assert all(getattr(phrase_slips, guard)(slip) for slip in candidates)


def test_the_bundled_vocabulary_is_large_and_holds_no_listed_wrong_form():
    # (that no phrase is a listed wrong form is tests/test_lexicon_hygiene.py's check)
    index = termcheck.default_checker().compiled.phrases
    assert len(index) >= 25_000
    assert "按步就班" not in index.vocabulary and "欢渡佳节" not in index.vocabulary
    assert {"按部就班", "全心全意", "墨守成规", "勠力同心"} <= index.vocabulary
