"""The document's own date from every signal it carries, their precedence, and the year-only rule."""

import datetime as dt
import io
import json

import docx
import pytest
from click.testing import CliRunner

import termcheck
from termcheck.frontends.cli import main
from termcheck.text.dates import document_date

TODAY = dt.date.today()
HEAD = "国务院关于同意某某市开展试点工作的批复\n"
BODY = "某某省人民政府：\n你省《关于开展试点工作的请示》收悉。现批复如下：\n一、同意开展试点工作。\n"


def judged(text, **kwargs):
    date = document_date(text, **kwargs)
    return date.day, date.source, date.year


@pytest.mark.parametrize(
    "text, expected",
    [
        (HEAD + "国函〔2018〕159号\n" + BODY + "国务院\n2018年12月25日\n", (dt.date(2018, 12, 25), "signature", None)),
        (HEAD + "（2018年1月2日）\n" + BODY, (dt.date(2018, 1, 2), "issued-line", None)),
        (HEAD + "成文日期：2019年03月05日\n" + BODY, (dt.date(2019, 3, 5), "issued-line", None)),
        (HEAD + "国函〔2018〕159号\n" + BODY, (dt.date(2018, 12, 31), "wenhao", 2018)),
        (HEAD + "发文字号：国办发〔2005〕12号\n" + BODY, (dt.date(2005, 12, 31), "wenhao", 2005)),
        (HEAD + BODY, (TODAY, "today", None)),
    ],
)
def test_each_signal_in_the_text(text, expected):
    assert judged(text) == expected


def test_a_quoted_older_wenhao_in_the_body_is_another_documents():
    text = HEAD + BODY + "根据《国务院办公厅关于深化产教融合的若干意见》（国办发〔2017〕95号）要求，做好有关工作。\n"
    assert judged(text) == (TODAY, "today", None)
    own = HEAD + "国函〔2020〕3号\n" + text
    assert judged(own) == (dt.date(2020, 12, 31), "wenhao", 2020)


def test_two_different_wenhao_years_at_the_top_are_no_answer():
    text = "某某市人民政府办公室转发省政府办公厅通知的通知\n某政办发〔2019〕8号\n某政办〔2018〕30号\n" + BODY
    assert judged(text)[1] == "today"


def test_precedence():
    signed = HEAD + "国函〔2018〕159号\n" + BODY + "国务院\n2019年1月4日\n"
    assert judged(signed, given=dt.date(2024, 6, 1)) == (dt.date(2024, 6, 1), "option", None)
    meta = (dt.date(2020, 5, 1), "html-meta")
    assert judged(signed, carried=meta)[1] == "signature"
    assert judged(HEAD + "（2018年1月2日）\n" + BODY, carried=meta)[1] == "issued-line"
    assert judged(HEAD + BODY, carried=meta) == (dt.date(2020, 5, 1), "html-meta", None)
    # a page published, or a file saved, after the year of the document's own 文号 yields to it
    assert judged(HEAD + "国函〔2018〕159号\n" + BODY, carried=meta) == (dt.date(2018, 12, 31), "wenhao", 2018)
    assert judged(HEAD + "国函〔2020〕159号\n" + BODY, carried=meta) == (dt.date(2020, 5, 1), "html-meta", None)


def test_a_year_alone_accepts_a_title_held_at_any_time_in_it():
    # 孙春兰 was 国务院副总理 from 2018-03-19 to 2023-03-12
    text = "国务院关于印发某方案的通知\n国发〔{}〕5号\n各省、自治区、直辖市人民政府：\n会议由国务院副总理孙春兰主持。\n"
    assert termcheck.check(text.format(2018)) == []
    assert termcheck.check(text.format(2023)) == []
    (finding,) = termcheck.check(text.format(2024))
    assert finding.rule.endswith("/title") and "2024年（文号年份）" in finding.message


def test_a_year_alone_makes_a_formulation_outdated_only_once_its_year_is_over():
    # 决胜全面建成小康社会 was superseded on 2021-07-01
    text = "国务院关于某项工作的意见\n国发〔{}〕7号\n各地区各部门要为决胜全面建成小康社会作出新贡献。\n"
    assert termcheck.check(text.format(2019)) == []
    assert [f.rule.split("/")[-1] for f in termcheck.check(text.format(2021))] == ["outdated"]


def test_a_web_pages_pubdate_is_its_date(tmp_path):
    page = tmp_path / "article.html"
    page.write_text(
        '<html><head><meta name="PubDate" content="2019-04-02 10:00"></head>'
        "<body><p>会议由国务院副总理孙春兰主持。</p></body></html>",
        encoding="utf-8",
    )
    report = termcheck.default_checker().check_file(page)
    assert (report.as_of, report.as_of_source, report.findings) == (dt.date(2019, 4, 2), "html-meta", ())


def test_a_docx_core_properties_date_is_its_date(tmp_path):
    document = docx.Document()
    document.add_paragraph("会议由国务院副总理孙春兰主持。")
    document.core_properties.modified = dt.datetime(2019, 4, 2, 9, 30)
    document.core_properties.created = dt.datetime(2016, 1, 1)
    path = tmp_path / "draft.docx"
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    report = termcheck.default_checker().check_file(path)
    assert (report.as_of, report.as_of_source, report.findings) == (dt.date(2019, 4, 2), "docx-properties", ())


def test_every_output_says_where_the_date_came_from(tmp_path):
    path = tmp_path / "pifu.txt"
    path.write_text(HEAD + "国函〔2024〕5号\n" + "会议由国务院副总理孙春兰主持。\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["check", "--format", "json", str(path)])
    record = json.loads(run.output)["files"][0]
    assert (record["as_of"], record["as_of_source"], record["as_of_year_only"]) == ("2024-12-31", "wenhao", True)
    lines = CliRunner().invoke(main, ["check", "--format", "jsonl", str(path)]).output.splitlines()
    assert json.loads(lines[0])["as_of_source"] == "wenhao"
    sarif = json.loads(CliRunner().invoke(main, ["check", "--format", "sarif", str(path)]).output)
    assert sarif["runs"][0]["results"][0]["properties"]["asOfSource"] == "wenhao"
    text = CliRunner().invoke(main, ["check", str(path)]).output
    assert f"{path}: dated checks as of 2024 (year only), from wenhao" in text
