"""Near misses of protected names and formulations, on the bundled lexicons."""

import datetime as dt

import pytest

import termcheck
from termcheck import Checker, Severity

D2017 = dt.date(2017, 3, 16)
D2024 = dt.date(2024, 6, 1)


def near(text, as_of=D2024):
    return [f for f in termcheck.check(text, as_of=as_of) if f.rule.endswith("/near-miss")]


@pytest.mark.parametrize(
    "text, wrong, meant",
    [
        ("国家主席习进平在京会见外宾。", "习进平", "习近平"),  # homophone
        ("国务院总理温家室出席会议。", "温家室", "温家宝"),  # similar shape
        ("习近乎总书记发表重要讲话。", "习近乎", "习近平"),
        ("特首感谢国家主席习平近的重要批示。", "习平近", "习近平"),  # swapped
        ("依据中华人民共和图宪法开展工作。", "中华人民共和图宪法", "中华人民共和国宪法"),  # any change, long name
        ("经全国人民代表大会常务委会审议通过。", "全国人民代表大会常务委会", "全国人民代表大会常务委员会"),  # dropped
        ("全市开展扫黑险恶专项斗争。", "扫黑险恶专项斗争", "扫黑除恶专项斗争"),
        ("新加坡总书记在会上发表重要讲话。", "新加坡", "习近平"),  # pinyin initials xjp
    ],
)
def test_each_edit_type_is_found(text, wrong, meant):
    findings = near(text, as_of=dt.date(2010, 1, 1) if "温家" in text else D2024)
    assert [(f.text, f.suggestions[0]) for f in findings] == [(wrong, meant)]
    assert findings[0].confidence and 0 < findings[0].confidence <= 1


def test_truncated_name_next_to_a_title():
    (finding,) = near("国务院总理李克参加广西代表团审议。", as_of=D2017)
    assert (finding.text, finding.suggestions, finding.severity) == ("李克", ("李克强",), Severity.error)


def test_truncation_without_a_title_is_not_reported():
    assert near("李克在会上作了发言。") == []


def test_dropped_first_character_of_a_title():
    (finding,) = near("家主席江泽民今天在人民大会堂会见来访的外国元首。", as_of=dt.date(2000, 5, 1))
    assert finding.text == "家主席江泽民" and finding.suggestions == ("国家主席江泽民",)


@pytest.mark.parametrize(
    "text",
    [
        "国家主席习进平出席会议。",
        "国务院总理李墙主持召开国务院常务会议。",
        "全国人大常委会委员长赵乐记主持会议。",
        "全国政协主席王护宁出席开幕会。",
        "中央书记处书记蔡齐出席会议。",
        "国务院副总理丁雪祥出席论坛。",
        "中央纪委书记李西出席会议。",
    ],
)
def test_homophone_of_every_standing_committee_member(text):
    findings = near(text)
    assert len(findings) == 1 and findings[0].category.value == "leader"
    assert findings[0].severity is Severity.error


@pytest.mark.parametrize(
    "text",
    [
        "节日期间，街道两旁彩旗飘扬。",
        "李克勤在香港举办演唱会。",
        "中国共产党是中国工人阶级的先锋队。",
        "坚决维护国家安全和社会稳定。",
        "人力资源社会保障部、住房城乡建设部联合印发通知。",
        "该平台独立运营，服务全省企业。",
        "推进精准扶贫、精准脱贫，坚持中国特色的社会主义道路。",
        "汪洋大海中航行的船只。",
    ],
)
def test_real_words_and_style_variants_are_not_flagged(text):
    assert near(text) == []


def test_context_raises_a_leader_near_miss_to_error():
    alone = near("会议传达了习进平的讲话。")
    titled = near("会议传达了习进平总书记的讲话。")
    assert [f.severity for f in alone] == [Severity.warning]
    assert [f.severity for f in titled] == [Severity.error]
    elsewhere = near("习近平总书记指出，习进平的讲话很重要。")
    assert [f.severity for f in elsewhere] == [Severity.error]


def test_offsets_map_back_through_separators_and_width():
    text = "国家主席习 进 平在京会见外宾。"
    (finding,) = near(text)
    assert finding.text == "习 进 平" == text[finding.start : finding.end]
    traditional = "國家主席習進平在京會見外賓。"
    (finding,) = near(traditional)
    assert traditional[finding.start : finding.end] == "習進平"


def test_custom_lexicon_protected_terms_get_near_miss_checks(tmp_path):
    lexicon = tmp_path / "city.yaml"
    lexicon.write_text(
        "lexicon: city\ncategory: name\nsource: 市政府网站机构设置页（2025-01-01）\nentries:\n"
        "  - {id: CITY-0001, kind: protected, term: 临江市数据资源管理局}\n",
        encoding="utf-8",
    )
    checker = Checker([lexicon])
    findings = checker.check("临江市数据资源管里局发布通知。", as_of=D2024)
    assert [(f.rule, f.suggestions) for f in findings] == [("CITY-0001/near-miss", ("临江市数据资源管理局",))]
    assert checker.check("临江市数据资源管理局发布通知。", as_of=D2024) == []


def test_anchor_prefilter_never_rules_out_a_single_edit():
    from termcheck.detect.near_miss import _edit_possible_next_to_anchor

    for form in ("国家统计局", "中华人民共和国政府信息公开条例", "全国人民代表大会常务委员会"):
        n = len(form)
        edits = {form[:i] + "某" + form[i + 1 :] for i in range(n)}
        edits |= {form[:i] + "某" + form[i:] for i in range(1, n)}
        edits |= {form[:i] + form[i + 1 :] for i in range(1, n - 1)}
        edits |= {form[:i] + form[i + 1] + form[i] + form[i + 2 :] for i in range(n - 1)}
        for edited in edits:
            text = "根据" + edited + "的规定"
            start, end = 2, 2 + len(edited)
            half = n // 2
            if edited[:half] == form[:half]:
                assert _edit_possible_next_to_anchor(text, start, start + half, form, True, True), edited
            if edited[-half:] == form[-half:]:
                assert _edit_possible_next_to_anchor(text, end - half, end, form, False, True), edited
    # A common word that starts many forms is ruled out at once (国家 + 发展, not 国家统计局).
    assert not _edit_possible_next_to_anchor("推动国家发展战略", 2, 4, "国家统计局", True, False)


@pytest.mark.parametrize(
    "text, as_of, wrong, meant",
    [
        ("国家主席江泽氏出席大会并发表讲话。", dt.date(1998, 5, 1), "江泽氏", "江泽民"),  # 民/氏: one 五笔 key
        ("国务院总理李犟主持召开国务院常务会议。", D2024, "李犟", "李强"),  # 强/犟
    ],
)
def test_wubi_neighbours_of_a_leader_name_next_to_a_title(text, as_of, wrong, meant):
    assert [(f.text, f.suggestions[0], f.severity) for f in near(text, as_of=as_of)] == [(wrong, meant, Severity.error)]


@pytest.mark.parametrize(
    "text",
    [
        "他性格要强，工作认真负责，多次被评为先进个人。",  # 要强: 李→要 is one key, but a common word
        "村民王三宁反映了灌溉渠年久失修的问题。",  # a villager's name, no leader title
    ],
)
def test_wubi_neighbours_without_a_title_are_not_reported(text):
    assert near(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "市工业和信息化局召开全市工业经济运行调度会。",
        "省人力资源和社会保障厅发布2024年度职业技能等级认定公告。",
        "省退役军人事务厅开展“八一”走访慰问活动。",
        "县文化和旅游局组织开展文化惠民演出。",
        "推动统一战线工作向商会组织有效覆盖。",
        "各乡镇市场监督管理所开展食品安全专项检查。",
        "院检察委员会审议了该起案件。",
    ],
)
def test_another_body_or_the_next_word_is_no_slip_of_a_name(text):
    # a ministry's name with a local body's last character (厅, 局) names that local body
    assert near(text) == []


@pytest.mark.parametrize(
    "text, meant",
    [
        ("省发展与改革委员会负责同志介绍了重大项目推进情况。", "发展和改革委员会"),
        ("市人力资源与社会保障局发布招聘公告。", "人力资源和社会保障局"),
        ("省住房与城乡建设厅印发通知，部署安全生产检查。", "住房和城乡建设厅"),
        ("工业和信息化布印发通知，部署有关工作。", "工业和信息化部"),
    ],
)
def test_slips_of_local_and_national_body_names_are_found(text, meant):
    assert [f.suggestions[0] for f in near(text)] == [meant]


@pytest.mark.parametrize(
    "text",
    [
        "阿拉伯内政部长理事会将于今年4月举行会议。",  # 理事会 has no pinyin initials of 任振鹤
        "中国科学院院长路甬祥对此作出了明确指示。",
        "省人大常委会主任张国光当选辽宁省省长。",  # a longer name, not 张国清 cut short
        "站党委书记王宝林把全站干部组织起来。",
        "这项工作由副部长刘杰负责。",  # 刘捷's posts are 省长, not 副部长
        "何长工领导地质工作长达十年。",
    ],
)
def test_other_peoples_names_are_no_slips_of_a_leaders(text):
    assert near(text) == []


@pytest.mark.parametrize(
    "text, meant",
    [
        ("国务院总理李克在会上指出，要稳定经济大盘。", "李克强"),
        ("新加坡总书记出席会议并发表重要讲话。", "习近平"),
    ],
)
def test_a_leaders_name_cut_short_or_as_initials_beside_a_title_is_found(text, meant):
    assert [f.suggestions[0] for f in near(text, as_of=dt.date(2022, 6, 1))] == [meant]
