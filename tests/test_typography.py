import pytest

from termcheck import Category, Checker, Severity
from termcheck.detect.privacy import PrivacyDetector
from termcheck.detect.secrecy import SecrecyDetector
from termcheck.detect.typography import TypographyDetector

from .conftest import AS_OF, FIXTURES


@pytest.fixture(scope="module")
def checker():
    return Checker(bundled=False, detectors=[TypographyDetector(), PrivacyDetector(), SecrecyDetector()])


def found(checker, text):
    findings = checker.check(text, as_of=AS_OF)
    for f in findings:
        assert text[f.start : f.end] == f.text
        assert f.category is Category.typography or f.category in (Category.privacy, Category.secrecy)
    return [(f.rule, f.text, f.suggestions) for f in findings]


# --- repeated words ---


@pytest.mark.parametrize(
    "text, span, fix",
    [
        ("各地区各部门要进一步进一步加强安全生产监管。", "进一步进一步", "进一步"),
        ("各单位要认真认真落实主体责任。", "认真认真", "认真"),
        ("切实做好我们的的本职工作。", "的的", "的"),
    ],
)
def test_repeated_word_is_reported_with_the_single_form(checker, text, span, fix):
    assert found(checker, text) == [("typography/repeated-word", span, (fix,))]


@pytest.mark.parametrize(
    "text",
    [
        "基层干部常常深入群众，到田间地头看看。",
        "人人参与、人人尽力、人人享有。",
        "这个问题请分管领导研究研究再定。",
        "一步一步推进改革，认认真真落实。",
        "推动经济发展和和平稳定，对对方提出的意见认真研究。",
        "发展全过程人民民主，转变工作作风。",
        "王丽丽同志任办公室副主任。",
    ],
)
def test_legitimate_reduplication_and_chance_repeats_are_clean(checker, text):
    assert found(checker, text) == []


# --- conjunctions ---


@pytest.mark.parametrize(
    "text, span",
    [
        ("鼓励企业和及社会组织参与养老服务。", "和及"),
        ("加强学校以及和家庭的协同育人。", "以及和"),
        ("推动政府与和社会资本合作。", "与和"),
    ],
)
def test_redundant_conjunctions(checker, text, span):
    [(rule, text_, _)] = found(checker, text)
    assert (rule, text_) == ("typography/redundant-conjunction", span)


def test_conjunction_followed_by_a_word_starting_with_a_conjunction_is_clean(checker):
    assert found(checker, "加强监督和及时整改，维护发展与和平，积极参与和支持。") == []


@pytest.mark.parametrize(
    "text",
    [
        "加强与省直部门以及与周边城市的协作。",
        "完善统计制度以及和国际标准相衔接的核算方法。",
    ],
)
def test_a_preposition_after_a_conjunction_is_not_redundant(checker, text):
    assert found(checker, text) == []


# --- half-width punctuation ---


def test_half_width_comma_in_chinese_prose_gets_the_full_width_form(checker):
    findings = checker.check("完善工作机制,提升服务水平;确保按期完成。", as_of=AS_OF)
    assert [(f.text, f.suggestions, f.fix_safe) for f in findings] == [(",", ("，",), True), (";", ("；",), True)]


def test_half_width_parentheses_around_chinese_are_reported(checker):
    result = found(checker, "国务院办公厅(以下简称国办)印发通知。")
    assert result == [
        ("typography/half-width-punctuation", "(", ("（",)),
        ("typography/half-width-punctuation", ")", ("）",)),
    ]


def test_enumeration_with_a_half_width_point_suggests_the_enumeration_comma(checker):
    assert found(checker, "一.总体要求") == [("typography/half-width-punctuation", ".", ("、",))]


@pytest.mark.parametrize(
    "text",
    [
        "地区生产总值增长3.5%，财政收入1,280亿元。",
        "会议于上午9:30开始，比例为1:2。",
        "详见 http://www.gov.cn/zhengce/content/2021-03/12/content_5592671.htm 。",
        "联系邮箱：xxgk@beijing.gov.cn。",
        "引用英文原文 \"Open, transparent and accountable.\" 作说明。",
        "1) 落实责任",
    ],
)
def test_numbers_english_and_urls_keep_half_width_punctuation(checker, text):
    assert found(checker, text) == []


# --- doubled punctuation and spaces ---


def test_doubled_punctuation_is_a_safe_fix(checker):
    findings = checker.check("各项任务全部完成。。下一步，，要继续努力。", as_of=AS_OF)
    assert [(f.rule, f.text, f.suggestions, f.fix_safe) for f in findings] == [
        ("typography/doubled-punctuation", "。。", ("。",), True),
        ("typography/doubled-punctuation", "，，", ("，",), True),
    ]


def test_ellipsis_and_dash_are_not_doubled_punctuation(checker):
    assert found(checker, "教育、医疗、养老……各项民生支出——特别是基本民生——持续增加。") == []


def test_space_inside_a_word_is_reported(checker):
    assert found(checker, "进一步完善工 作机制，提升服务水平。") == [("typography/stray-space", "工 作", ("工作",))]


@pytest.mark.parametrize(
    "text",
    [
        "\u3000\u3000各区县人民政府，市政府各部门：",
        "    各区县人民政府，市政府各部门：",
        "第一条 为了规范政府信息公开工作，制定本办法。",
        "                              某某市人民政府办公室\n                              2022年1月20日",
        "主任：王　芳    副主任：李建国",
        "通 知",
        "国 务 院 办 公 厅",
        "出席会议的有：张三 李四 王五",
        "近日，中共中央办公厅 国务院办公厅印发《关于加强基层治理的意见》。",
        "中共中央 国务院关于全面推进乡村振兴加快农业农村现代化的意见，教育部 财政部联合印发。",
    ],
)
def test_indentation_alignment_and_article_headings_are_not_stray_spaces(checker, text):
    assert found(checker, text) == []


# --- paired marks ---


@pytest.mark.parametrize(
    "text, mark",
    [
        ("认真学习《中华人民共和国政府信息公开条例，做好公开工作。", "《"),
        ("坚持“放管服改革，优化营商环境。", "“"),
        ("严格执行有关规定）。", "）"),
        ("印发【通知的要求。", "【"),
    ],
)
def test_unbalanced_marks_are_reported_at_the_unmatched_mark(checker, text, mark):
    findings = checker.check(text, as_of=AS_OF)
    assert [(f.rule, f.text) for f in findings] == [("typography/unbalanced-mark", mark)]
    assert findings[0].start == text.index(mark)


def test_balanced_marks_and_multi_paragraph_quotations_are_clean(checker):
    text = (
        "根据《条例》（2019年修订）和“十四五”规划，按照【急】件办理。\n"
        "会议指出：“要坚持以人民为中心。\n"
        "“要持续深化放管服改革。”"
    )
    assert found(checker, text) == []


def test_a_pair_split_by_one_line_break_is_balanced(checker):
    text = "国务院办公厅关于印发《全国深化“放管服”改革着力培育和激发市场主体活力\n电视电话会议重点任务分工方案》的通知"
    assert found(checker, text) == []


def test_enumerators_with_only_a_closing_parenthesis_are_clean(checker):
    assert found(checker, "1）加强组织领导。\n2）强化督促检查。\n一）总体要求") == []


def test_a_quotation_left_open_at_the_end_of_a_paragraph_is_reported(checker):
    text = "会议指出：“要坚持以人民为中心。\n各单位要抓好落实。"
    assert [r[:2] for r in found(checker, text)] == [("typography/unbalanced-mark", "“")]


# --- year numerals ---


@pytest.mark.parametrize(
    "text, span, fix",
    [
        ("二0二0年十二月三十一日", "二0二0年", "二〇二〇年"),
        ("二○二一年三月五日", "二○二一年", "二〇二一年"),
        ("二零二二年工作要点", "二零二二年", "二〇二二年"),
    ],
)
def test_wrong_zero_in_a_chinese_numeral_year(checker, text, span, fix):
    findings = checker.check(text, as_of=AS_OF)
    assert [(f.rule, f.text, f.suggestions, f.fix_safe) for f in findings] == [
        ("typography/year-zero", span, (fix,), True)
    ]


def test_one_year_in_both_numeral_styles_reports_the_minority_style(checker):
    text = "2021年全市经济运行稳中向好，2021年财政收入增长。二〇二一年是“十四五”开局之年。"
    assert found(checker, text) == [("typography/mixed-year-numerals", "二〇二一年", ("2021年",))]


def test_dating_line_of_a_regulation_is_the_old_standard_not_a_slip(checker):
    text = "某某省政府信息公开规定\n（二〇〇四年四月二十九日省人民政府令第12号公布）\n第一条 为了推进2004年政务公开工作，制定本规定。"
    assert found(checker, text) == []


def test_signature_date_in_chinese_numerals_is_the_old_standard_not_a_slip(checker):
    text = "2021年全市经济运行稳中向好。\n\n          某某市人民政府\n          二〇二一年十二月三十一日"
    assert found(checker, text) == []


# --- traditional characters ---


def test_traditional_characters_get_the_simplified_form(checker):
    assert found(checker, "根据國務院有关规定，做好信息公开工作。") == [
        ("typography/traditional", "國務", ("国务",))
    ]


def test_characters_that_are_simplified_in_some_words_are_clean(checker):
    assert found(checker, "乾隆年间修建的古建筑，扭转乾坤，著名景点，瞭望塔。") == []


def test_a_traditional_script_edition_is_not_reported_character_by_character(checker):
    text = "國務院辦公廳關於進一步優化營商環境更好服務市場主體的實施意見。" * 5
    assert found(checker, text) == []


# --- technical terms ---


def test_term_casing_is_information_only(checker):
    findings = checker.check("推进IPV6规模部署，公共场所wifi全覆盖。", as_of=AS_OF)
    assert [(f.text, f.suggestions, f.severity) for f in findings] == [
        ("IPV6", ("IPv6",), Severity.info),
        ("wifi", ("Wi-Fi",), Severity.info),
    ]


def test_accepted_spellings_and_urls_are_clean(checker):
    assert found(checker, "推进IPv6部署，政务APP与WiFi服务，详见 www.ipv6.gov.cn 。") == []


# --- the realistic report ---


def test_report_with_three_planted_slips_gets_exactly_those_three(checker):
    text = (FIXTURES / "report_2000.txt").read_text(encoding="utf-8")
    assert 1900 <= len(text) <= 2400
    findings = checker.check(text, as_of=AS_OF)
    assert [(f.rule, f.text) for f in findings] == [
        ("typography/repeated-word", "进一步进一步"),
        ("typography/half-width-punctuation", ","),
        ("typography/doubled-punctuation", "。。"),
    ]
    assert all(text[f.start : f.end] == f.text for f in findings)
    assert findings[0].line == 7 and findings[1].text == text[text.index("完善工作机制,") + 6]


def test_offsets_are_those_of_the_original_text_when_folding_drops_characters(checker):
    text = "习 近 平总书记强调，完善工作机制,提升服务水平。"
    [finding] = checker.check(text, as_of=AS_OF)
    assert finding.start == text.index(",") and finding.text == ","


def test_plain_prose_never_loads_jieba(tmp_path):
    import subprocess
    import sys

    code = (
        "import sys, datetime; from termcheck import Checker; "
        "c = Checker(bundled=False); "
        "c.check('各单位要认真组织实施，做好2021年度政府信息公开工作。', as_of=datetime.date(2026, 1, 1)); "
        "print('jieba' in sys.modules)"
    )
    # The first run may have to build the cached variant index, which reads jieba's dictionary.
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    result = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert result.stdout.strip() == "False"
