"""Enumerations, long formulations, titles on a date, outdated wording, leader order."""

import datetime as dt
import json

from click.testing import CliRunner

import termcheck
from termcheck.frontends.cli import main

D2024 = dt.date(2024, 6, 1)


def found(text, as_of=D2024):
    return [(f.rule.split("/")[-1] if "/" in f.rule else f.rule, f.text) for f in termcheck.check(text, as_of=as_of)]


def rules(text, as_of=D2024):
    return [f.rule for f in termcheck.check(text, as_of=as_of)]


CORE_VALUES = "富强、民主、文明、和谐、自由、平等、公正、法治、爱国、敬业、诚信、友善"


def test_canonical_enumerations_are_clean():
    assert termcheck.check(f"大力弘扬{CORE_VALUES}的社会主义核心价值观。", as_of=D2024) == []
    assert termcheck.check("坚定道路自信、理论自信、制度自信、文化自信。", as_of=D2024) == []
    assert termcheck.check("坚持不敢腐、不能腐、不想腐一体推进。", as_of=D2024) == []
    # one-character items are no slips of one-character members (真、实、亲、诚) unless they sound
    # or look alike: 农、林、牧、副、渔 is another list
    assert termcheck.check("实行农、林、牧、副、渔各业并举，促进农村经济全面发展。", as_of=D2024) == []


def test_wrong_member_is_pointed_at_with_the_right_one():
    findings = termcheck.check(f"大力弘扬{CORE_VALUES.replace('法治', '法制')}。", as_of=D2024)
    assert findings and all(f.text in ("法制", "公正、法制") for f in findings)
    assert any("法治" in s for f in findings for s in f.suggestions)


def test_wrong_order_suggests_the_canonical_sequence():
    (finding,) = termcheck.check("要坚定理论自信、道路自信、制度自信、文化自信。", as_of=D2024)
    assert finding.rule.endswith("/order")
    assert finding.text == "理论自信、道路自信"
    assert finding.suggestions == ("道路自信、理论自信、制度自信、文化自信",)


def test_missing_and_extra_members():
    missing = termcheck.check(f"大力弘扬{CORE_VALUES[:-3]}。", as_of=D2024)
    assert [f.rule.split("/")[-1] for f in missing] == ["missing"]
    assert "友善" in missing[0].message
    extra = termcheck.check("坚定道路自信、理论自信、历史自信、制度自信、文化自信。", as_of=D2024)
    assert [(f.rule.split("/")[-1], f.text) for f in extra] == [("extra", "历史自信")]


def test_shortened_members_of_a_list():
    findings = found("做到“不敢、不能、不想”一体推进。")
    assert [text for _, text in findings] == ["不敢", "不能", "不想"]


def test_long_fixed_formulations_words_dropped_added_or_changed():
    assert found("坚决维护党中央权威和集中领导。") == [("near-miss", "坚决维护党中央权威和集中领导")]
    assert found("各级党组织要不忘初心、忘记使命。") == [("near-miss", "不忘初心、忘记使命")]
    assert found("历史证明，有共产党就没有新中国。") == [("near-miss", "有共产党就没有新中国")]
    (variant,) = termcheck.check("深刻领悟两个确定的决定性意义。", as_of=D2024)
    assert (variant.text, variant.suggestions) == ("两个确定", ("两个确立",))
    assert found("深刻领悟“两个确立”的决定性意义，坚决维护党中央权威和集中统一领导。") == []


def test_allowed_abbreviation_is_not_flagged(tmp_path):
    lexicon = tmp_path / "form.yaml"
    lexicon.write_text(
        "lexicon: house\ncategory: formulation\nsource: 本市公文规范（2024）\nentries:\n"
        "  - {id: HOUSE-0001, kind: formulation, term: 临江市优化营商环境攻坚行动, allowed: [临江市优化营商环境行动]}\n",
        encoding="utf-8",
    )
    checker = termcheck.Checker([lexicon])
    assert checker.check("深入实施临江市优化营商环境行动。", as_of=D2024) == []
    assert [f.rule for f in checker.check("深入实施临江市优化营商环境攻艰行动。", as_of=D2024)] == [
        "HOUSE-0001/near-miss"
    ]


def test_title_held_on_the_date():
    text = "国务院总理李克强主持召开国务院常务会议。"
    assert rules(text, dt.date(2021, 12, 28)) == []
    (finding,) = termcheck.check(text, as_of=dt.date(2025, 1, 1))
    assert finding.rule == "LEADER-0002/title" and finding.severity.value == "error"
    assert finding.text == "国务院总理李克强"


def test_wrong_title_for_the_person_on_any_date():
    for day in (dt.date(1990, 1, 1), D2024):
        assert "LEADER-0029/title" in rules("李鹏总经理出席了会议。", day)


def test_titles_in_both_orders_and_chains():
    assert rules("国务院总理李强主持会议。", D2024) == []
    assert rules("李强总理主持会议。", D2024) == []
    assert any(r.endswith("/title") for r in rules("国务院总理李强主持会议。", dt.date(2020, 6, 1)))
    assert any(r.endswith("/title") for r in rules("李强总理主持会议。", dt.date(2020, 6, 1)))
    chain = "中共中央总书记、国家主席、中央军委主席习近平出席。"
    assert rules(chain, D2024) == []
    assert any(r.endswith("/title") for r in rules(chain, dt.date(2011, 6, 1)))


def test_past_titles_and_dated_sentences_are_not_flagged():
    assert rules("原国务院总理李克强同志的遗体在京火化。", D2024) == []
    assert rules("2021年，国务院总理李克强主持召开会议。", D2024) == []


def test_outdated_formulations_are_warnings_after_their_date():
    text = "全镇掀起学习贯彻党的十九大精神热潮。"
    assert rules(text, dt.date(2021, 5, 1)) == []
    (finding,) = termcheck.check(text, as_of=dt.date(2023, 5, 1))
    assert finding.severity.value == "warning" and finding.suggestions == ("学习贯彻党的二十大精神",)
    assert rules("在2019年，全镇掀起学习贯彻党的十九大精神热潮。", dt.date(2023, 5, 1)) == []
    covid = termcheck.check("做好新型冠状病毒肺炎患者救治工作。", as_of=dt.date(2023, 1, 5))
    assert [f.suggestions for f in covid] == [("新型冠状病毒感染",)]
    assert termcheck.check("做好新型冠状病毒肺炎患者救治工作。", as_of=dt.date(2022, 12, 1)) == []


def test_standing_committee_order_on_the_date():
    assert rules("习近平、李强、赵乐际、王沪宁出席会议。", D2024) == []
    (finding,) = termcheck.check("李强、习近平、赵乐际出席会议。", as_of=D2024)
    assert finding.rule == "leader/order" and finding.suggestions == ("习近平、李强、赵乐际",)
    assert rules("习近平、李克强、张德江出席会议。", dt.date(2015, 3, 5)) == []


def test_document_date_from_the_signature(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text(
        "关于召开全市工作会议的通知\n国务院总理李克强主持召开国务院常务会议。\n\n某某市人民政府办公室\n2021年12月28日\n",
        encoding="utf-8",
    )
    report = termcheck.default_checker().check_file(path)
    assert report.as_of == dt.date(2021, 12, 28) and report.as_of_source == "signature"
    assert report.findings == ()
    result = CliRunner().invoke(main, ["check", "--format", "json", str(path)])
    assert json.loads(result.output)["files"][0]["as_of"] == "2021-12-28"
    later = CliRunner().invoke(main, ["check", "--format", "json", "--as-of", "2025-01-01", str(path)])
    document = json.loads(later.output)
    assert document["files"][0]["as_of_source"] == "option"
    assert [f["rule"] for f in document["files"][0]["findings"]] == ["LEADER-0002/title"]


def test_check_without_as_of_uses_the_signature_date():
    text = "国务院总理李克强主持召开国务院常务会议。\n\n某某市人民政府办公室\n2021年12月28日\n"
    assert termcheck.check(text) == []
    assert rules(text.replace("2021年12月28日", "2025年1月1日"), None) == ["LEADER-0002/title"]


def test_session_names_follow_the_official_order():
    for wrong, right in (
        ("全国十四届人大三次会议在人民大会堂隆重开幕。", "十四届全国人大三次会议"),
        ("全国人大十四届二次会议审议了政府工作报告。", "十四届全国人大二次会议"),
        ("十四届全国政协三次会议今天下午闭幕。", "全国政协十四届三次会议"),
    ):
        (finding,) = termcheck.check(wrong, as_of=D2024)
        assert finding.rule == "formulation/session-name" and finding.suggestions == (right,)
    for text in (
        "十四届全国人大三次会议在人民大会堂隆重开幕。",
        "全国政协十四届三次会议今天下午闭幕，与会委员表示将认真贯彻会议精神。",
        "中国人民政治协商会议第十四届全国委员会第三次会议在京闭幕。",
        "第十四届全国人民代表大会第三次会议审议通过了政府工作报告。",
        "十四届全国人大常委会第十次会议在北京举行。",
        "1979年召开的第五届全国政协第二次会议通过了有关决议。",
    ):
        assert rules(text) == [], text


def test_a_title_put_after_the_leaders_name_in_a_formulation():
    assert found("各级党组织要深入学习贯彻习近平总书记新时代中国特色社会主义思想。") == [
        ("FORM-0001", "习近平总书记新时代中国特色社会主义思想")
    ]
    assert found("要深入学习贯彻习近平同志法治思想，推进全面依法治国。") == [("FORM-0078", "习近平同志法治思想")]
    # a title before another phrase is right
    assert found("深入学习贯彻习近平总书记关于全面依法治国的重要论述。") == []
