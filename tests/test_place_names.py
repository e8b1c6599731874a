"""Place names against the 统计用区划代码: one-character slips, a dropped character, a city under
the wrong province, an autonomous area's peoples out of order."""

import pytest

import termcheck
from termcheck.datafiles import data_lines
from termcheck.text.places import places

from .conftest import AS_OF


def place_findings(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    findings = termcheck.check(text, as_of=AS_OF)
    return [(f.rule, text[f.start : f.end], f.suggestions) for f in findings if f.detector == "place-names"]


@pytest.mark.parametrize(
    ("text", "rule", "flagged", "suggestion"),
    [
        ("荷泽市牡丹产业带动数万农户增收。", "name/place", "荷泽市", "菏泽市"),  # homophone jieba lists as a word
        ("市政府与福建蒲田市签署文旅合作协议。", "name/place", "蒲田市", "莆田市"),
        ("毫州市着力打造世界中医药之都。", "name/place", "毫州市", "亳州市"),  # similar shape
        ("齐齐哈市各级政府网站要进一步加强信息发布审核。", "name/place", "齐齐哈市", "齐齐哈尔市"),  # dropped
        ("经研究，同意在呼和浩市设立综合保税区。", "name/place", "呼和浩市", "呼和浩特市"),
        ("甘肃银川新增本土确诊病例一例。", "name/place-province", "甘肃银川", "宁夏银川"),
        ("代表团赴江苏台州考察民营经济发展。", "name/place-province", "江苏台州", "浙江台州"),
        ("黔东南侗族苗族自治州文化旅游产业发展势头良好。", "name/place-order", "黔东南侗族苗族自治州", "黔东南苗族侗族自治州"),
        ("双江拉祜族布朗族傣族佤族自治县的古茶园入选名录。", "name/place-order", "双江拉祜族布朗族傣族佤族自治县", "双江拉祜族佤族布朗族傣族自治县"),
    ],
)
def test_slips_are_reported_with_the_name(text, rule, flagged, suggestion):
    assert place_findings(text) == [(rule, flagged, (suggestion,))]


@pytest.mark.parametrize(
    "text",
    [
        "要加快中心城区更新改造，提升老城区和新城区的公共服务水平。",  # 心城区 inside 中心城区
        "山区农田水利建设要因地制宜，资金向山区倾斜。",  # 的山区, 向山区: a character and a word
        "志愿者在三小区开展垃圾分类宣传。",
        "在北方采暖城市，要因地制宜推进清洁取暖。",
        "团市委、区委宣传部联合开展志愿服务活动。",
        "会议资料已分送到17个地州市。",
        "他和县领导一起走访了困难群众，全县六城区同步开展检查。",
        "国际标准舞大赛日前在北京朝阳体育馆落下帷幕。",  # a municipality's district, not 辽宁朝阳市
        "黑龙江吉林辽宁三省联合开展边境旅游推介。",
        "湖南省宁乡县、天津市武清县负责同志分别发言。",  # old names of today's 宁乡市 and 武清区
        "天祝县指挥部第一时间组织救灾。",  # 天祝藏族自治县 for short
        "部门和地区统筹推进，形成工作合力。",
        "宁夏银川、甘肃兰州、吉林长春三地签署合作协议。",
        "黔东南苗族侗族自治州、湘西土家族苗族自治州代表参会。",
    ],
)
def test_ordinary_prose_and_real_names_pass(text):
    assert place_findings(text) == []


def test_no_real_prefecture_or_county_name_is_reported():
    names = [line.split("\t")[0] for line in data_lines("place_names.tsv") if line.split("\t")[1] in ("prefecture", "county")]
    assert len(names) > 3000
    text = "\n".join(f"{name}各级政府网站要加强信息发布审核。" for name in names)
    assert [flagged for _, flagged, _ in place_findings(text)] == []


def test_the_data_is_the_2023_code_table():
    data = places()
    assert {"菏泽市", "亳州市", "齐齐哈尔市", "黔东南苗族侗族自治州", "喀什地区"} <= data.names
    assert data.province_of["银川市"] == "宁夏回族自治区"
    assert data.misordered["黔东南侗族苗族自治州"] == "黔东南苗族侗族自治州"
