"""Offsets hold for any input: random and adversarial Unicode, through the text, HTML and .docx paths.

Documents are built from noise (mixed scripts, combining marks, emoji, astral characters,
zero-width characters, ``\\r\\n``) with real wrong forms and protected terms of the bundled
lexicons spliced in, often disguised (traditional, full width, separators or zero-width
characters inside them), so that findings do occur; each test also asserts that they did.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
from collections import Counter
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import termcheck
from termcheck.lexicon.patterns import CORRECT, HIT, NEAR
from termcheck.sources import read_document

# hypothesis caches data in ./.hypothesis unless told otherwise; keep the checkout clean
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", os.path.join(tempfile.gettempdir(), "termcheck-hypothesis"))

AS_OF = dt.date(2025, 6, 1)
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True, database=None)

PROSE = "关于做好政府信息公开工作的通知各级行政机关要认真贯彻落实条例精神依法依规推进政务公开，。、；：“”《》（）！？"
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
COMBINING = ["\u0301", "\u0308", "\u20dd", "\u3099", "\ufe0f"]
EMOJI = ["😀", "👍🏽", "🇨🇳", "👨‍👩‍👧", "🏛️"]
ASTRAL = ["𠀀", "𪚥", "𫟼", "𝔸", "🀄"]
OTHER_SCRIPTS = ["Ω", "ж", "ا", "ह", "한", "か", "ก", "é", "ß", "İ"]
FULL_WIDTH = ["Ａ", "１", "２", "０", "（", "）", "　", "％", "＊"]
SEPARATORS = [" ", "*", "·", "-", "_", "/", "\u3000", "\t"]
BREAKS = ["\n", "\r\n", "\r", "\u2028", "\x0b"]


@lru_cache(maxsize=1)
def lexicon_forms() -> dict[str, list[str]]:
    """Wrong forms, generated near misses and correct protected forms of the bundled lexicons."""
    compiled = termcheck.default_checker().compiled
    patterns = compiled.automaton.patterns()
    forms: dict[str, list[str]] = {HIT: [], NEAR: [], CORRECT: []}
    for index, refs in enumerate(compiled.refs):
        for role in {r.role for r in refs} & forms.keys():
            forms[role].append(patterns[index])
    return {role: sorted(set(found)) for role, found in forms.items()}


@lru_cache(maxsize=1)
def _to_traditional():
    import opencc

    return opencc.OpenCC("s2t").convert


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@st.composite
def disguised_terms(draw) -> str:
    role = draw(st.sampled_from([HIT, HIT, NEAR, CORRECT]))
    term = draw(st.sampled_from(lexicon_forms()[role]))
    how = draw(st.sampled_from(["plain", "plain", "traditional", "full-width", "inserted"]))
    if how == "traditional":
        return _to_traditional()(term)
    if how == "full-width":
        return _full_width(term)
    if how == "inserted" and len(term) > 1:
        at = draw(st.integers(1, len(term) - 1))
        inside = draw(st.sampled_from(ZERO_WIDTH + COMBINING + SEPARATORS + BREAKS + ["  ", "\u200b\u200b"]))
        return term[:at] + inside + term[at:]
    return term


SPECIAL = st.sampled_from(ZERO_WIDTH + COMBINING + EMOJI + ASTRAL + OTHER_SCRIPTS + FULL_WIDTH + SEPARATORS + BREAKS)
NOISE = st.lists(
    st.one_of(st.sampled_from(PROSE), SPECIAL, st.characters(exclude_categories=("Cs",))), max_size=25
).map("".join)


@st.composite
def documents(draw) -> str:
    pieces = draw(st.lists(st.one_of(NOISE, disguised_terms(), st.sampled_from(lexicon_forms()[HIT])), max_size=12))
    return "".join(pieces)


@lru_cache(maxsize=1)
def all_patterns() -> frozenset[str]:
    return frozenset(termcheck.default_checker().compiled.automaton.patterns())


def assert_offsets(text: str, findings) -> None:
    from termcheck.text.normalize import fold

    for f in findings:
        assert 0 <= f.start < f.end <= len(text), f
        assert text[f.start : f.end] == f.text, f
        if f.detector == "exact":  # the span, folded on its own, is exactly a form the lexicon lists
            assert fold(f.text).text in all_patterns(), f
        line_start = text.rfind("\n", 0, f.start) + 1
        assert f.line == text.count("\n", 0, f.start) + 1, f
        assert f.column == f.start - line_start + 1, f
        if "\n" not in f.text:
            assert f.text in f.context, f


def test_offsets_hold_on_random_and_adversarial_text():
    seen = Counter()

    @SETTINGS
    @given(documents())
    def offsets_hold(text):
        findings = termcheck.check(text, as_of=AS_OF)
        assert_offsets(text, findings)
        seen["documents"] += 1
        seen["with findings"] += bool(findings)

    offsets_hold()
    assert seen["with findings"] >= seen["documents"] // 4, seen


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("会议强调，要深入学习习近乎同志重要讲话精神。", "习近乎"),
        ("根据《中华人民共合国政府信息公开条例》规定。", "中华人民共合国"),
        ("截止目前，各单位要再接再励。\r\n", "截止目前"),
        ("截止目前\u0301，各单位要再接再厉。", "截止目前"),
        ("👨‍👩‍👧𠀀截止目前🇨🇳，工作进展顺利。", "截止目前"),
        ("截止目前，ＡＢＣ１２３各单位要再接再厉。", "截止目前"),
        ("截止目前，" + "政" * 200_000 + "再接再励", "截止目前"),  # one very long line
    ],
)
def test_adversarial_examples_are_found_at_their_place(text, expected):
    findings = termcheck.check(text, as_of=AS_OF)
    assert_offsets(text, findings)
    assert any(expected in f.text for f in findings), findings


@pytest.mark.parametrize(
    "text",
    [
        "深入学习习\u200b近平新时代中国特色社会主义思想。",
        "《中华人民共和\u200d国宪法》规定，国家尊重和保障人权。",
        "習近平總書記強調，要堅持以人民為中心。",
        "习 近 平总书记主持召开会议。",
        "中华人民共和国\r\n国务院办公厅\r\n",
    ],
)
def test_protected_terms_with_disguises_keep_offsets(text):
    assert_offsets(text, termcheck.check(text, as_of=AS_OF))


def test_very_long_lines_with_terms_spliced_in():
    seen = Counter()

    @settings(max_examples=6, deadline=None, derandomize=True, database=None)
    @given(st.lists(st.tuples(st.integers(0, 300_000), disguised_terms()), min_size=1, max_size=8))
    def offsets_hold(splices):
        text = ("各级行政机关要依法依规做好政务公开工作" * 16_000)[:300_000]
        for position, term in sorted(splices, reverse=True):
            text = text[:position] + term + text[position:]
        findings = termcheck.check(text, as_of=AS_OF)
        assert_offsets(text, findings)
        seen["findings"] += len(findings)

    offsets_hold()
    assert seen["findings"] > 0


# -- HTML: offsets into the extracted text, and every character of a finding traced to its source --

TAGS = ["<p>", "</p>", "<b>", "</b>", "<br>", "<div class=\"x\">", "</div>", "<pre>", "</pre>", "<!-- 注释 -->",
        "<script>var a = '截止目前';</script>", "&nbsp;", "&amp;", "&#x4e60;", "&#27490;", "&lt;", "\n", "\r\n", "  "]


@st.composite
def html_pages(draw) -> str:
    pieces = draw(st.lists(st.one_of(documents(), st.sampled_from(TAGS)), min_size=1, max_size=10))
    return "<html><head><title>截止目前</title></head><body>" + "".join(pieces) + "</body></html>"


def assert_html_offsets(source: str, text: str, findings, source_map) -> None:
    assert_offsets(text, findings)
    for f in findings:
        assert f.location.source_offset == source_map.source_offset(f.start)
        for i in range(f.start, f.end):
            at = source_map.source_offset(i)
            assert 0 <= at < len(source)
            piece = max(0, __import__("bisect").bisect_right(source_map.text_starts, i) - 1)
            if source_map.verbatim[piece]:
                assert source[at] == text[i], (f, i)
            else:  # an entity, a collapsed run of white space or a line break put in for a tag
                assert source[at] in "&<" or source[at].isspace(), (f, i, source[at])


def test_html_offsets_point_into_the_source(tmp_path):
    checker = termcheck.default_checker()
    seen = Counter()
    path = tmp_path / "page.html"

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True, database=None)
    @given(html_pages())
    def offsets_hold(source):
        path.write_bytes(source.encode("utf-8"))
        report = checker.check_file(path, as_of=AS_OF)
        document = read_document(path)
        assert_html_offsets(source, document.text, report.findings, document.source_map)
        seen["with findings"] += bool(report.findings)

    offsets_hold()
    assert seen["with findings"] >= 10, seen


def test_html_entity_inside_a_term_maps_back():
    from termcheck.sources.html import html_document

    source = "<p>通知：截&#27490;目前，&nbsp;各单位要再接再励。</p>"
    document = html_document(source)
    findings = document.locate(termcheck.check(document.text, as_of=AS_OF))
    assert_html_offsets(source, document.text, findings, document.source_map)
    assert [(f.text, source[f.location.source_offset : f.location.source_offset + 1]) for f in findings] == [
        ("截止目前", "截"),
        ("再接再励", "再"),
    ]


# -- .docx: offsets into the paragraph text --------------------------------------------------------

def _xml_safe(text: str) -> str:
    # python-docx (lxml) refuses control characters other than tab and line breaks
    return "".join(c for c in text if c in "\t\n" or (ord(c) >= 0x20 and c not in "\ufffe\uffff" and not 0xD800 <= ord(c) < 0xE000))


def _docx_bytes(body: list[str], cells: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for text in body:
        document.add_paragraph(_xml_safe(text))
    if cells:
        table = document.add_table(rows=1, cols=len(cells))
        for cell, text in zip(table.rows[0].cells, cells):
            cell.text = _xml_safe(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def assert_docx_offsets(data: bytes, document, findings) -> None:
    from termcheck.sources.docx import iter_paragraphs, open_docx

    paragraphs = {(part, index): p.text for part, index, p in iter_paragraphs(open_docx(data, "t.docx"))}
    spans = {(s.part, s.index): s for s in document.paragraphs}
    assert_offsets(document.text, findings)
    for f in findings:
        key = (f.location.part, f.location.paragraph)
        span = spans[key]
        inside = f.start - span.start
        assert 0 <= inside and f.end <= span.end, f
        assert paragraphs[key][inside : inside + len(f.text)] == f.text, f


def test_docx_offsets_point_into_the_paragraph(tmp_path):
    checker = termcheck.default_checker()
    seen = Counter()
    path = tmp_path / "notice.docx"

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True, database=None)
    @given(st.lists(documents(), min_size=1, max_size=5), st.lists(documents(), max_size=3))
    def offsets_hold(body, cells):
        data = _docx_bytes(body, cells)
        path.write_bytes(data)
        report = checker.check_file(path, as_of=AS_OF)
        assert_docx_offsets(data, read_document(path), report.findings)
        seen["with findings"] += bool(report.findings)

    offsets_hold()
    assert seen["with findings"] >= 5, seen


def test_docx_table_and_body_findings_name_their_paragraph(tmp_path):
    data = _docx_bytes(["关于做好政务公开工作的通知", "截止目前，各单位要再接再励。"], ["中华人民共合国", "正常内容"])
    path = tmp_path / "notice.docx"
    path.write_bytes(data)
    report = termcheck.default_checker().check_file(path, as_of=AS_OF)
    assert_docx_offsets(data, read_document(path), report.findings)
    located = [(f.text, f.location.part, f.location.paragraph) for f in report.findings]
    assert ("截止目前", "body", 2) in located and ("中华人民共合国", "table", 1) in located
