"""Real document inputs: encodings, Markdown, HTML (source offsets), .docx (paragraph locations)."""

import codecs
import html as html_lib
import zipfile

import pytest

from termcheck.errors import InputError
from termcheck.models import Location
from termcheck.sources import read_document

from .conftest import AS_OF

NOTICE = "关于做好政府信息公开工作的通知\n截止目前，各单位要再接再励，严格依据中华人民共合国有关法律开展工作。\n"


def check(checker, path):
    report = checker.check_file(path, as_of=AS_OF)
    return {f.text: f for f in report.findings}, report


# -- plain text in every encoding a government site's editors send ---------------------------


@pytest.mark.parametrize(
    "encoding, prefix",
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("gb18030", b""),
        ("gbk", b""),
    ],
)
def test_plain_text_encodings_give_the_same_findings(core_checker, tmp_path, encoding, prefix):
    path = tmp_path / "notice.txt"
    path.write_bytes(prefix + NOTICE.encode(encoding))
    document = read_document(path)
    assert document.text == NOTICE
    found, report = check(core_checker, path)
    assert set(found) == {"截止目前", "再接再励", "中华人民共合国"}
    for f in report.findings:
        assert NOTICE[f.start : f.end] == f.text
        assert f.location is None
    assert found["截止目前"].line == 2 and found["截止目前"].column == 1


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfd broken", "utf-8"),
        (b"\x81\x30", "cannot decode"),  # a truncated four-byte GB18030 sequence
    ],
)
def test_binary_and_undecodable_text_raise_one_line_input_error(tmp_path, data, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert message in str(caught.value).lower()
    assert "\n" not in str(caught.value)


# -- Markdown ------------------------------------------------------------------------------------

MARKDOWN = (
    "# 2025年政府信息公开工作年度报告\n\n"
    "截止目前，全市主动公开政府信息1.2万条。\n\n"
    "```text\n截止目前 这是示例代码，不应检查\n```\n\n"
    "> 各单位要再接再励。\n"
)


def test_markdown_keeps_file_offsets_and_skips_fenced_code(core_checker, tmp_path):
    path = tmp_path / "report.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    document = read_document(path)
    assert len(document.text) == len(MARKDOWN)
    assert document.text.count("\n") == MARKDOWN.count("\n")
    assert "示例代码" not in document.text
    _, report = check(core_checker, path)
    starts = [f.start for f in report.findings if f.text == "截止目前"]
    assert starts == [MARKDOWN.index("截止目前")], "the one in the code block must not be reported"
    for f in report.findings:
        assert MARKDOWN[f.start : f.end] == f.text
    (relay,) = [f for f in report.findings if f.text == "再接再励"]
    assert relay.line == 9


def test_markdown_without_code_is_checked_as_is(core_checker, tmp_path):
    path = tmp_path / "plain.md"
    path.write_text("截止目前，各项工作进展顺利。\n", encoding="utf-8")
    assert read_document(path).text == "截止目前，各项工作进展顺利。\n"


# -- HTML ----------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>截止目前 标题不检查</title>
<style>.notice::before { content: "再接再励"; }</style>
<script>var banner = "截止目前";</script></head>
<body>
<!-- 编辑备注：截止目前 待核 -->
<h1>关于做好政府信息公开工作的通知</h1>
<div class="content">
  <p>截止目前，各单位要再接&shy;再励。</p>
  <p>严格依据中华人民共合国有关法律&nbsp;开展工作&mdash;&mdash;坚决反对台独&#12290;</p>
  <table><tr><td>责任单位</td><td>市政府办公室&amp;市政务服务数据管理局</td></tr></table>
</div>
</body></html>
"""


def test_html_reports_body_text_with_exact_source_offsets(core_checker, tmp_path):
    path = tmp_path / "notice.html"
    path.write_text(PAGE, encoding="utf-8")
    document = read_document(path)
    assert document.kind == "html"
    assert "标题不检查" not in document.text and "banner" not in document.text and "待核" not in document.text
    assert "市政府办公室&市政务服务数据管理局" in document.text
    assert "开展工作——坚决反对台独。" in document.text

    report = core_checker.check_file(path, as_of=AS_OF)
    texts = [f.text for f in report.findings]
    assert texts.count("截止目前") == 1, "script, style, title and comment text must be skipped"
    assert {"截止目前", "中华人民共合国", "台独"} <= set(texts)
    for f in report.findings:
        assert document.text[f.start : f.end] == f.text
        assert isinstance(f.location, Location) and f.location.source_offset is not None
        assert html_lib.unescape(PAGE[f.location.source_offset : f.location.source_end]) == f.text, f.text
    (first,) = [f for f in report.findings if f.text == "截止目前"]
    assert first.location.source_offset == PAGE.index("<p>截止目前") + 3


def test_html_entities_map_back_to_their_source(tmp_path):
    source = "<p>一&nbsp;二&amp;三&#x4E60;四&#20064;五&copy 六&unknown;七</p>"
    path = tmp_path / "entities.htm"
    path.write_text(source, encoding="utf-8")
    document = read_document(path)
    assert document.text == html_lib.unescape("一&nbsp;二&amp;三&#x4E60;四&#20064;五&copy 六&unknown;七") + "\n"
    offset = document.source_map.source_offset
    for ch in "一二三四五六七":
        assert offset(document.text.index(ch)) == source.index(ch)
    for before, entity in (("一", "&nbsp;"), ("二", "&amp;"), ("三", "&#x4E60;"), ("四", "&#20064;"), ("五", "&copy")):
        assert offset(document.text.index(before) + 1) == source.index(before + entity) + 1
    assert document.text.endswith("六&unknown;七\n"), "an unknown entity stays as written"
    assert offset(document.text.index("&unknown;") + 3) == source.index("&unknown;") + 3


def test_html_white_space_collapses_but_pre_keeps_it(tmp_path):
    path = tmp_path / "spaces.html"
    path.write_text("<body><p>截至\n    目前</p><pre>第一行\n    第二行</pre></body>", encoding="utf-8")
    assert read_document(path).text == "截至 目前\n第一行\n    第二行\n"


def test_html_in_gbk_is_decoded(core_checker, tmp_path):
    path = tmp_path / "gbk.html"
    path.write_bytes('<html><head><meta charset="gbk"></head><body><p>截止目前，工作进展顺利。</p></body></html>'.encode("gbk"))
    found, _ = check(core_checker, path)
    assert "截止目前" in found


# -- .docx ---------------------------------------------------------------------------------------


def make_notice_docx(path):
    import docx

    document = docx.Document()
    document.add_heading("关于做好政府信息公开工作的通知", level=1)
    paragraph = document.add_paragraph("截止目前，")
    paragraph.add_run("各单位要再接").bold = True
    paragraph.add_run("再励。")
    document.add_paragraph("严格依据中华人民共合国有关法律开展工作。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "事项"
    table.cell(0, 1).text = "责任单位"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "坚决反对台独分裂活动"
    document.add_paragraph("")
    document.add_paragraph("某某市人民政府办公室")
    document.sections[0].header.paragraphs[0].text = "截止目前 政务公开专栏"
    document.sections[0].footer.paragraphs[0].text = "中华人民共合国 第1页"
    document.save(path)
    return path


def test_docx_paragraphs_tables_headers_and_footers_with_locations(core_checker, tmp_path):
    path = make_notice_docx(tmp_path / "notice.docx")
    document = read_document(path)
    assert document.kind == "docx"
    lines = document.text.split("\n")
    assert lines[:3] == ["关于做好政府信息公开工作的通知", "截止目前，各单位要再接再励。", "严格依据中华人民共合国有关法律开展工作。"]
    assert document.text.count("坚决反对台独分裂活动") == 1, "a merged cell is read once"

    report = core_checker.check_file(path, as_of=AS_OF)
    where = {(f.text, f.location.part, f.location.paragraph) for f in report.findings}
    assert ("截止目前", "body", 2) in where
    assert ("再接再励", "body", 2) in where
    assert ("中华人民共合国", "body", 3) in where
    assert ("台独", "table", 3) in where
    assert ("截止目前", "header", 1) in where
    assert ("中华人民共合国", "footer", 1) in where
    for f in report.findings:
        assert document.text[f.start : f.end] == f.text


def test_docx_without_findings_has_no_locations(core_checker, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("各单位要认真贯彻落实会议精神，确保各项工作落到实处。")
    path = tmp_path / "clean.docx"
    document.save(path)
    assert core_checker.check_file(path, as_of=AS_OF).findings == ()


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64), "not a .docx"),  # an old .doc
        (lambda p: p.write_text("截止目前", encoding="utf-8"), "not a .docx"),
        (lambda p: zipfile.ZipFile(p, "w").writestr("hello.txt", "not word"), "not a readable .docx"),
    ],
)
def test_broken_docx_raises_one_line_input_error(tmp_path, make, message):
    path = tmp_path / "broken.docx"
    make(path)
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


def test_damaged_document_xml_is_an_input_error(tmp_path):
    good = make_notice_docx(tmp_path / "good.docx")
    damaged = tmp_path / "damaged.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    with pytest.raises(InputError, match="damaged.docx"):
        read_document(damaged)


def test_cli_skips_a_broken_file_and_exits_2(tmp_path):
    from click.testing import CliRunner

    from termcheck.frontends.cli import main

    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 truncated")
    good = tmp_path / "good.txt"
    good.write_text("截止目前，工作进展顺利。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", str(broken), str(good)])
    assert result.exit_code == 2
    assert "broken.docx" in result.stderr and "Traceback" not in result.output + result.stderr
