import datetime as dt
import pickle
from concurrent.futures import ThreadPoolExecutor

import pydantic
import pytest

import termcheck
from termcheck import Category, Checker, Finding, Severity

from .conftest import AS_OF, CORE_LEXICON, rules

DRAFT = "截止目前，全市已完成投资12亿元。\n各单位要再接再励，依据《中华人民共合国政府信息公开条例》做好公开工作。\n"


def test_check_uses_bundled_lexicons_and_reports_corrections():
    findings = termcheck.check(DRAFT, as_of=AS_OF)
    by_text = {f.text: f for f in findings}
    assert by_text["截止目前"].suggestions[0] == "截至目前"
    assert by_text["再接再励"].suggestions[0] == "再接再厉"
    (state,) = [f for f in findings if "中华人民共合国" in f.text]
    assert "中华人民共和国" in state.suggestions[0]
    for finding in findings:
        assert DRAFT[finding.start : finding.end] == finding.text


def test_default_checker_is_compiled_once():
    assert termcheck.default_checker() is termcheck.default_checker()


def test_finding_fields_and_position(core_checker):
    text = "第一行。\n截止目前已完成。"
    (finding,) = core_checker.check(text, as_of=AS_OF)
    assert isinstance(finding, Finding)
    assert finding.rule == "TTYPO-0001"
    assert finding.category is Category.typo
    assert finding.severity is Severity.error
    assert (finding.start, finding.end, finding.line, finding.column) == (5, 9, 2, 1)
    assert finding.text == "截止目前"
    assert finding.message and "截至目前" in finding.message
    assert list(finding.suggestions) == ["截至目前"]


def test_finding_is_frozen(core_checker):
    (finding,) = core_checker.check("截止目前", as_of=AS_OF)
    with pytest.raises(pydantic.ValidationError):
        finding.start = 3


def test_json_dump_is_public_schema(core_checker):
    (finding,) = core_checker.check("截止目前", as_of=AS_OF)
    dumped = finding.model_dump(mode="json")
    assert dumped["category"] == "typo" and dumped["severity"] == "error"
    assert dumped["suggestions"] == ["截至目前"]


def test_clean_text_has_no_findings(core_checker):
    assert core_checker.check("报名截止日期为5月31日，各单位要认真组织。", as_of=AS_OF) == []


def test_offsets_point_into_original_text_under_folding(core_checker):
    text = "会上，习 进 平同志强调，反对台＊独分裂活动。"
    findings = core_checker.check(text, as_of=AS_OF)
    assert {f.text for f in findings} == {"习 进 平", "台＊独"}
    for finding in findings:
        assert text[finding.start : finding.end] == finding.text


def test_select_ignore_allow_and_severity_override():
    text = "截止目前，反对台独分裂活动。"
    only_typos = Checker([CORE_LEXICON], bundled=False, select=["typo"])
    assert rules(only_typos.check(text, as_of=AS_OF)) == ["TTYPO-0001"]
    no_sensitive = Checker([CORE_LEXICON], bundled=False, ignore=["TSENS"])
    assert rules(no_sensitive.check(text, as_of=AS_OF)) == ["TTYPO-0001"]
    allowed = Checker([CORE_LEXICON], bundled=False, allow=["反对台独"])
    assert rules(allowed.check(text, as_of=AS_OF)) == ["TTYPO-0001"]
    softer = Checker([CORE_LEXICON], bundled=False, severity_overrides={"typo": "info"})
    assert {f.rule: f.severity for f in softer.check(text, as_of=AS_OF)}["TTYPO-0001"] is Severity.info


def test_checker_is_thread_safe(core_checker):
    texts = [f"第{i}条：截止目前，反对台独分裂活动。该平台独立运营。" for i in range(200)]
    expected = [rules(core_checker.check(t, as_of=AS_OF)) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda t: rules(core_checker.check(t, as_of=AS_OF)), texts))
    assert results == expected
    assert all(r == ["TTYPO-0001", "TSENS-0001"] for r in results)


def test_checker_pickles_with_compiled_lexicons(core_checker):
    clone = pickle.loads(pickle.dumps(core_checker))
    assert rules(clone.check("截止目前", as_of=AS_OF)) == ["TTYPO-0001"]


def test_check_file_reads_gb18030(tmp_path, core_checker):
    path = tmp_path / "gbk.txt"
    path.write_bytes("截止目前，工作进展顺利。".encode("gb18030"))
    report = core_checker.check_file(path, as_of=AS_OF)
    assert rules(report.findings) == ["TTYPO-0001"]
    assert report.as_of == AS_OF and report.as_of_source == "option"


def test_check_file_reports_signature_date(tmp_path, core_checker):
    path = tmp_path / "notice.txt"
    path.write_text("关于做好工作的通知\n截止目前进展顺利。\n\n某某市人民政府办公室\n2021年12月28日\n", encoding="utf-8")
    report = core_checker.check_file(path)
    assert report.as_of == dt.date(2021, 12, 28) and report.as_of_source == "signature"
