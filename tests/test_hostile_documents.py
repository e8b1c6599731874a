"""Hostile and broken documents: each gives its text or one clear line, never silence.

Every case of tests/hostile_cases.py runs through the real command line in a child process
(``python -m termcheck check``), with its exact message on stderr and its exit code; the peak
memory of each is measured by benchmarks/hostile_documents.py.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termcheck.errors import InputError
from termcheck.sources import docx as docx_source
from termcheck.sources import html as html_source

from . import hostile_cases
from .hostile_cases import CASES, SENTENCE, SLIP


def _check(target, tmp_path):
    command = [sys.executable, "-m", "termcheck", "check", str(target)]
    return subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=600)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_hostile_document_gets_its_line_and_exit_code(case, tmp_path):
    target = case.build(tmp_path)
    result = _check(target, tmp_path)
    size = target.stat().st_size if target.is_file() else 0
    if size > 100 * 1024 * 1024:
        target.unlink()  # pytest keeps the last runs' folders; a gigabyte each is too much
    assert result.returncode == case.exit_code, result.stderr
    assert "Traceback" not in result.stderr
    if case.exit_code == 1:  # read and checked: the slip is found
        assert SLIP in result.stdout and result.stderr == ""
        return
    lines = [line for line in result.stderr.splitlines() if line.startswith("termcheck: ")]
    message = case.message.format(size=size)
    if size:
        assert lines == [f"termcheck: {target}: {message}"]
    else:
        assert any(line.endswith(message) for line in lines), result.stderr


def test_a_folder_with_traps_checks_the_rest_and_names_each_file_on_one_line(tmp_path):
    root = hostile_cases.folder_with_traps(tmp_path)
    result = _check(root, tmp_path)
    assert result.returncode == 2
    # The link back to the parent is not followed (each file once); the loop is one line.
    assert result.stdout.count("error NAME-0004") == 2, result.stdout
    assert f"{root}/line\\nbreak.txt:1:1: error NAME-0004" in result.stdout
    assert f"{root}/a.txt:1:1: error NAME-0004" in result.stdout
    assert result.stderr.splitlines()[0] == f"termcheck: {root}/loop.txt: cannot read: Too many levels of symbolic links"


def test_one_line_escapes_control_characters_only():
    from termcheck.errors import one_line

    assert one_line("通知\n附件\t1\r.txt") == "通知\\n附件\\t1\\r.txt"
    assert one_line("a\x1b[31mb\u2028c") == "a\\x1b[31mb\\u2028c"
    assert one_line("关于印发《实施方案》的通知 (2).docx") == "关于印发《实施方案》的通知 (2).docx"


def test_a_real_docx_is_not_refused_by_the_package_checks(tmp_path):
    xml = hostile_cases.plain_docx()["word/document.xml"].decode("utf-8").replace("PLACEHOLDER", SENTENCE)
    path = hostile_cases.write_docx(tmp_path / "notice.docx", xml)
    document = docx_source.docx_document(path.read_bytes(), str(path))
    assert document.text == SENTENCE + "\n"


def test_a_pdf_is_checked_page_by_page(tmp_path):
    from .site_fixture import pdf_with_text

    path = tmp_path / "report.pdf"
    path.write_bytes(pdf_with_text(["各单位要认真贯彻落实。", SENTENCE]))
    result = _check(path, tmp_path)
    assert result.returncode == 1 and result.stderr == ""
    assert f"{path}:2:1: error NAME-0004" in result.stdout


def test_an_empty_docx_is_empty_not_an_error(tmp_path):
    xml = hostile_cases.plain_docx()["word/document.xml"].decode("utf-8").replace("PLACEHOLDER", "")
    path = hostile_cases.write_docx(tmp_path / "blank.docx", xml)
    assert docx_source.docx_document(path.read_bytes(), str(path)).text.strip() == ""


def test_a_small_empty_page_is_empty_not_an_error():
    assert html_source.read_html(b"<html><body><p></p></body></html>", "blank.html").text.strip() == ""


def test_the_size_limits_count_inflated_bytes_not_declared_ones(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_source, "MAX_XML_BYTES", 64 * 1024)
    xml = hostile_cases.plain_docx()["word/document.xml"].decode("utf-8").replace("PLACEHOLDER", "。" * 40_000)
    path = hostile_cases.write_docx(tmp_path / "long.docx", xml)
    with pytest.raises(InputError, match="over the size limit after decompression"):
        docx_source.docx_document(path.read_bytes(), str(path))


# -- generated damage: text or one clear error, never an exception, never silence ----------------

_GOOD_PARTS = None


def _good_docx_bytes() -> bytes:
    global _GOOD_PARTS
    if _GOOD_PARTS is None:
        xml = hostile_cases.plain_docx()["word/document.xml"].decode("utf-8").replace("PLACEHOLDER", SENTENCE)
        _GOOD_PARTS = {**hostile_cases.plain_docx(), "word/document.xml": xml.encode("utf-8")}
    return hostile_cases.write_docx_bytes(_GOOD_PARTS)


def _text_or_one_clear_error(read, data: bytes, name: str) -> str | None:
    try:
        return read(data, name).text
    except InputError as exc:
        message = str(exc)
        assert message.startswith(f"{name}: ") and "\n" not in message and len(message) < 300
        return None


_FLIPS = st.lists(st.tuples(st.floats(0.0, 0.999), st.integers(1, 255)), min_size=1, max_size=6)


@settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    damage=st.one_of(
        st.tuples(st.just("truncate"), st.floats(0.0, 0.999)),
        st.tuples(st.just("flip the package"), _FLIPS),
        st.tuples(st.just("flip document.xml"), _FLIPS),  # a sound zip around broken XML
    )
)
def test_damaged_docx_bytes(damage):
    kind, how = damage
    if kind == "flip document.xml":
        _good_docx_bytes()
        xml = bytearray(_GOOD_PARTS["word/document.xml"])
        for where, xor in how:
            xml[int(len(xml) * where)] ^= xor
        data = bytearray(hostile_cases.write_docx_bytes({**_GOOD_PARTS, "word/document.xml": bytes(xml)}))
    else:
        data = bytearray(_good_docx_bytes())
    if kind == "truncate":
        data = data[: int(len(data) * how)]
    elif kind == "flip the package":
        for where, xor in how:
            data[int(len(data) * where)] ^= xor
    text = _text_or_one_clear_error(docx_source.docx_document, bytes(data), "damaged.docx")
    if text is not None:
        assert text.strip(), "a damaged .docx read as empty"


def test_one_flipped_bit_anywhere_in_document_xml():
    """Every third byte of document.xml in turn: text or one clear error, and both occur, so the
    property cannot pass vacuously. (A flip in the namespace of ``w`` once gave an AttributeError.)"""
    outcomes = set()
    xml = _good_docx_bytes() and _GOOD_PARTS["word/document.xml"]
    for position in range(0, len(xml), 3):
        damaged = bytearray(xml)
        damaged[position] ^= 0x20
        data = hostile_cases.write_docx_bytes({**_GOOD_PARTS, "word/document.xml": bytes(damaged)})
        outcomes.add(_text_or_one_clear_error(docx_source.docx_document, data, "damaged.docx") is None)
    assert outcomes == {True, False}


@settings(max_examples=80, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    xml=st.one_of(
        st.binary(max_size=400),
        st.text(max_size=200).map(lambda t: t.encode("utf-8")),
        st.sampled_from(["gb2312", "utf-16", "ascii", "iso-8859-1", "no-such-codec"]).map(
            lambda codec: f"<?xml version='1.0' encoding='{codec}'?><w:document><w:body><w:p><w:r><w:t>{SENTENCE}</w:t></w:r></w:p></w:body></w:document>".encode("utf-8")
        ),
    )
)
def test_invalid_document_xml(xml):
    data = hostile_cases.write_docx_bytes({**hostile_cases.plain_docx(), "word/document.xml": xml})
    _text_or_one_clear_error(docx_source.docx_document, data, "broken.docx")


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    charset=st.sampled_from(["gbk", "utf-8", "big5", "shift_jis", "utf-16", "bogus"]),
    encoding=st.sampled_from(["utf-8", "gb18030", "utf-16"]),
    cut=st.floats(0.0, 1.0),
    noise=st.binary(max_size=64),
)
def test_html_with_wrong_declared_encodings_and_damage(charset, encoding, cut, noise):
    page = f'<html><head><meta charset="{charset}"></head><body><div><p>{SENTENCE}</p></div></body></html>'
    data = page.encode(encoding)
    data = data[: int(len(data) * cut)] + noise
    text = _text_or_one_clear_error(html_source.read_html, data, "page.html")
    if text is not None and len(data) > html_source.VISIBLE_TEXT_EXPECTED_BYTES:
        assert text.strip()
