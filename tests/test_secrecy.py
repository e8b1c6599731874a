import pytest

from termcheck import Checker, Severity
from termcheck.detect.secrecy import SecrecyDetector

from .conftest import AS_OF


@pytest.fixture(scope="module")
def checker():
    return Checker(bundled=False, detectors=[SecrecyDetector()])


def found(checker, text):
    findings = checker.check(text, as_of=AS_OF)
    assert all(text[f.start : f.end] == f.text for f in findings)
    assert all(f.severity is Severity.error for f in findings)
    return [(f.rule, f.text) for f in findings]


@pytest.mark.parametrize(
    "text, mark",
    [
        ("机密★5年\n\n某某市人民政府关于做好防汛工作的通知", "机密★5年"),
        ("000123\u3000\u3000秘密★1年\u3000\u3000特急\n\n某某市应急管理局", "秘密★1年"),
        ("绝密★长期\n关于有关事项的请示", "绝密★长期"),
        ("秘密 ★ 6个月\n会议纪要", "秘密 ★ 6个月"),
        ("会议纪要\n密级：机密\n保密期限：十年", "密级：机密"),
    ],
)
def test_classification_marks(checker, text, mark):
    assert found(checker, text) == [("secrecy/classification-mark", mark)]


@pytest.mark.parametrize(
    "text, marks",
    [
        ("内部资料\u3000注意保密\n某某县2021年第3期工作简报", ["内部资料", "注意保密"]),
        ("内部明电\n各乡镇人民政府：", ["内部明电"]),
        ("  内部文件  \n关于调整领导小组成员的通知", ["内部文件"]),
        ("某某区政务信息【内部资料】第12期", ["【内部资料】"]),
        ("特急\n内部资料，请勿外传\n关于近期工作的情况通报", ["内部资料", "请勿外传"]),
    ],
)
def test_internal_document_markings(checker, text, marks):
    assert [t for _, t in found(checker, text)] == marks
    assert all(rule == "secrecy/marking" for rule, _ in found(checker, text))


@pytest.mark.parametrize(
    "text",
    [
        "严格落实涉密信息不上网、上网信息不涉密要求，对拟公开信息进行保密审查。",
        "加强保密工作，完善机密文件管理制度，严格机密文件的传阅和归档。",
        "不予公开21件（其中属于国家秘密的2件、属于商业秘密的5件）。",
        "依法保护商业秘密和个人隐私，严守国家秘密。",
        "规范内部资料性出版物管理，加强内部资料管理。",
        "请各单位注意保密，妥善保管会议材料。",
        "文件首页左上角应标注“机密★”等密级标志。",
        "秘密级文件的保密期限一般不超过十年。",
    ],
)
def test_prose_about_secrecy_is_clean(checker, text):
    assert found(checker, text) == []


def test_a_long_run_of_digits_is_no_pathological_case(checker):
    # A copy number is 3-6 digits; a line of many digits used to be cut into such pieces in
    # exponentially many ways before failing to match (found by the fuzzer: it never returned).
    line = "0" * 200 + "\x01政务"
    assert found(checker, line) == []
    assert found(checker, "特急　000123　机密\n关于近期工作的通知") == [("secrecy/marking", "机密")]
