"""Hostile and broken documents, built on demand: what each must produce, in one place.

Used by tests/test_hostile_documents.py (message and exit code of each) and by
benchmarks/hostile_documents.py (peak memory of each, in a child process).
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SLIP = "中华人民共合国"
SENTENCE = f"{SLIP}成立以来，各项事业取得历史性成就。"
GIGABYTE = 1 << 30


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], Path]  # writes the case into a folder, returns what to check
    message: str  # the line on stderr, after "termcheck: <path>: " (or the whole of it for folders)
    exit_code: int


def plain_docx() -> dict[str, bytes]:
    """The parts of a one-paragraph .docx whose paragraph reads PLACEHOLDER."""
    import docx

    document = docx.Document()
    document.add_paragraph("PLACEHOLDER")
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        return {name: package.read(name) for name in package.namelist()}


def write_docx_bytes(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return buffer.getvalue()


def write_docx(path: Path, document_xml: str) -> Path:
    path.write_bytes(write_docx_bytes({**plain_docx(), "word/document.xml": document_xml.encode("utf-8")}))
    return path


def _document_xml() -> str:
    return plain_docx()["word/document.xml"].decode("utf-8")


def _with_doctype(subset: str, body: str) -> str:
    xml = _document_xml().replace("<w:document", f"<!DOCTYPE w:document [{subset}]><w:document", 1)
    return xml.replace("PLACEHOLDER", body)


def xxe_docx(folder: Path) -> Path:
    subset = '<!ENTITY e SYSTEM "file:///etc/hostname">'
    return write_docx(folder / "xxe.docx", _with_doctype(subset, f"{SLIP}&e;成立以来"))


def billion_laughs_docx(folder: Path) -> Path:
    subset = '<!ENTITY lol0 "lol">' + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    return write_docx(folder / "laughs.docx", _with_doctype(subset, f"{SLIP}&lol9;"))


def zip_bomb_docx(folder: Path, inflated: int = 2 * GIGABYTE) -> Path:
    """A 2 MB .docx whose document.xml inflates to 2 GB of spaces inside one paragraph."""
    parts = plain_docx()
    head, tail = parts.pop("word/document.xml").decode("utf-8").split("PLACEHOLDER")
    path = folder / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            part.write((head + SLIP).encode("utf-8"))
            block = b" " * (1 << 24)
            for _ in range(inflated // len(block)):
                part.write(block)
            part.write(tail.encode("utf-8"))
    return path


def truncated_docx(folder: Path) -> Path:
    whole = write_docx(folder / "whole.docx", _document_xml().replace("PLACEHOLDER", SENTENCE)).read_bytes()
    path = folder / "truncated.docx"
    path.write_bytes(whole[: len(whole) // 2])
    return path


def deep_docx(folder: Path) -> Path:
    depth = 100_000
    nested = "<w:sdt><w:sdtContent>" * depth + "</w:sdtContent></w:sdt>" * depth
    body = f"{SENTENCE}</w:t></w:r></w:p>{nested}<w:p><w:r><w:t>"
    return write_docx(folder / "deep.docx", _document_xml().replace("PLACEHOLDER", body))


def text_box_docx(folder: Path) -> Path:
    box = (
        '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice><mc:Fallback><w:pict>'
        f"<v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>{SENTENCE}</w:t></w:r></w:p></w:txbxContent>"
        "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    xml = re.sub(r"<w:p>.*?</w:p>", box, _document_xml(), count=1, flags=re.DOTALL)
    return write_docx(folder / "textbox.docx", xml)


def nested_html(folder: Path) -> Path:
    path = folder / "nested.html"
    depth = 100_000
    path.write_text(f"<html><body>{'<div>' * depth}{SENTENCE}{'</div>' * depth}</body></html>", encoding="utf-8")
    return path


def script_only_html(folder: Path) -> Path:
    path = folder / "app.html"
    script = "window.__STATE__ = {};" * 400
    path.write_text(f'<html><head><script>{script}</script></head><body><div id="app"></div></body></html>', encoding="utf-8")
    return path


def binary_txt(folder: Path) -> Path:
    path = folder / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16)
    return path


def gigabyte_line_txt(folder: Path, size: int = GIGABYTE) -> Path:
    path = folder / "one-line.txt"
    block = b"x" * (1 << 24)
    with path.open("wb") as handle:
        handle.write(SENTENCE.encode("utf-8"))
        for _ in range(size // len(block)):
            handle.write(block)
    return path


def scanned_pdf(folder: Path) -> Path:
    from .site_fixture import pdf_with_text

    path = folder / "scan.pdf"
    path.write_bytes(pdf_with_text([]))
    return path


def truncated_pdf(folder: Path) -> Path:
    from .site_fixture import pdf_with_text

    whole = pdf_with_text([SENTENCE])
    path = folder / "cut.pdf"
    path.write_bytes(whole[: len(whole) // 2])
    return path


def folder_with_traps(folder: Path) -> Path:
    """A checked folder with a symlink loop, a link back to its parent and a file name with a newline."""
    root = folder / "site"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (root / "line\nbreak.txt").write_text(SENTENCE, encoding="utf-8")
    os.symlink("loop.txt", root / "loop.txt")
    os.symlink("..", root / "sub" / "up")
    return root


CASES = (
    Case("xxe.docx", xxe_docx, "DTD or entity declarations are not allowed in .docx (word/document.xml), not checked", 2),
    Case("billion laughs", billion_laughs_docx, "DTD or entity declarations are not allowed in .docx (word/document.xml), not checked", 2),
    Case("zip bomb", zip_bomb_docx, "over the size limit after decompression (its XML inflates past 32 MB), not checked", 2),
    Case("truncated zip", truncated_docx, "not a .docx: bad zip (no zip directory: truncated, or not a zip package)", 2),
    Case("100,000 nested elements in .docx", deep_docx, "damaged .docx file (elements nested deeper than 256 levels)", 2),
    Case(
        "text in a text box only", text_box_docx,
        "no paragraph text termcheck can read (its text is in text boxes, fields or tracked changes only), not checked", 2,
    ),
    Case("100,000 nested HTML elements", nested_html, "", 1),  # checked: the slip is found
    Case("page built by script", script_only_html, "no visible text in {size:,} bytes of HTML (a page built by script?), not checked", 2),
    Case("binary .txt", binary_txt, "binary file (contains NUL bytes), not checked", 2),
    Case("1 GB single line", gigabyte_line_txt, "line 1 is longer than 4,000,000 characters: not a text document, not checked", 2),
    Case("PDF without a text layer", scanned_pdf, "no text layer in 1 page(s) (a scanned PDF?), not checked", 2),
    Case("truncated PDF", truncated_pdf, "damaged PDF (Stream has ended unexpectedly)", 2),
    Case("symlink loop and newline in a folder", folder_with_traps, "loop.txt: cannot read: Too many levels of symbolic links", 2),
)
