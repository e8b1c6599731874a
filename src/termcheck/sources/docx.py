"""A .docx to text: body paragraphs, table cells, headers and footers, one paragraph a line.

Each paragraph is counted within its part: ``body`` (paragraphs of the main text),
``table`` (paragraphs in table cells, nested tables included, in reading order), ``header``
and ``footer``. A finding's location names that part and the 1-based count, which is also how
`termcheck.edit.annotate_docx` finds the paragraph again.

Known limit: text that python-docx does not count as paragraph text (tracked insertions,
content controls, text boxes, footnotes) is not checked.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from ..errors import InputError
from .base import Document, Format, ParagraphSpan


def open_docx(data: bytes, name: str):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(f"{name}: not a .docx file (not a zip package)")
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise InputError(f"{name}: not a readable .docx file ({type(exc).__name__})") from None
    except Exception as exc:  # lxml syntax errors and other damage inside the package
        raise InputError(f"{name}: damaged .docx file ({type(exc).__name__}: {str(exc).splitlines()[0][:120]})") from None


def _blocks(container, in_table: bool) -> Iterator[tuple[bool, object]]:
    """Paragraphs of a block container in reading order, descending into table cells."""
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            yield in_table, block
        elif isinstance(block, Table):
            for tr in block._tbl.tr_lst:
                # Each w:tc once: row.cells repeats a merged cell for every grid column it spans.
                for tc in tr.tc_lst:
                    yield from _blocks(_Cell(tc, block), True)


def _headers_and_footers(document) -> Iterator[tuple[str, object]]:
    seen = set()
    for section in document.sections:
        for part, items in (
            ("header", (section.header, section.first_page_header, section.even_page_header)),
            ("footer", (section.footer, section.first_page_footer, section.even_page_footer)),
        ):
            for item in items:
                # A linked header has no definition of its own; reading it would invent one.
                if item.is_linked_to_previous or id(item.part) in seen:
                    continue
                seen.add(id(item.part))
                yield part, item


def iter_paragraphs(document) -> Iterator[tuple[str, int, object]]:
    """(part, 1-based index within that part, Paragraph), in the order the text is laid out."""
    counts = {"body": 0, "table": 0, "header": 0, "footer": 0}
    for in_table, paragraph in _blocks(document, False):
        part = "table" if in_table else "body"
        counts[part] += 1
        yield part, counts[part], paragraph
    for part, container in _headers_and_footers(document):
        for _, paragraph in _blocks(container, False):
            counts[part] += 1
            yield part, counts[part], paragraph


def docx_document(data: bytes, name: str) -> Document:
    document = open_docx(data, name)
    pieces: list[str] = []
    spans: list[ParagraphSpan] = []
    offset = 0
    for part, index, paragraph in iter_paragraphs(document):
        text = paragraph.text
        spans.append(ParagraphSpan(offset, offset + len(text), part, index))
        pieces.append(text + "\n")
        offset += len(text) + 1
    return Document("".join(pieces), kind="docx", paragraphs=tuple(spans))


# Inline directives are not read from a .docx: it is a zip package, not text an editor writes in.
FORMAT = Format("docx", (".docx",), docx_document, walked=("*.docx",), directives=False)
