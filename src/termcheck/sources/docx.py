"""A .docx to text: body paragraphs, table cells, headers and footers, one paragraph a line.

Each paragraph is counted within its part: ``body`` (paragraphs of the main text),
``table`` (paragraphs in table cells, nested tables included, in reading order), ``header``
and ``footer``. A finding's location names that part and the 1-based count, which is also how
`termcheck.edit.annotate_docx` finds the paragraph again.

Known limit: text that python-docx does not count as paragraph text (tracked insertions,
content controls, text boxes, footnotes) is not checked. A document whose only text is there is
refused as unreadable rather than passed as clean.

Before python-docx opens the package, every part is inflated once in bounded pieces: a package
of more parts, or more bytes once inflated, than any real document has (a zip bomb) is refused,
and so is any part with a DTD (``<!DOCTYPE``, ``<!ENTITY``: external entities, billion laughs),
which Word never writes. python-docx's own lxml parser (``resolve_entities=False``, no network,
``huge_tree`` off, so no element deeper than 256 levels) is the second wall, see docs/reliability.md.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import io
import zipfile
import zlib
from collections.abc import Iterator

from ..errors import InputError
from .base import Document, Format, paragraph_document

MAX_PARTS = 10_000
MAX_UNPACKED_BYTES = 128 * 1024 * 1024  # all parts together, media included
MAX_XML_BYTES = 32 * 1024 * 1024  # the XML parts together: python-docx holds them as lxml trees
_READ_BYTES = 1 << 20
_DTD_MARKS = tuple(
    mark.encode(encoding) for mark in ("<!DOCTYPE", "<!ENTITY") for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_LONGEST_MARK = max(map(len, _DTD_MARKS))


def _inspect_package(data: bytes, name: str) -> None:
    """Refuse a package that is no real .docx before a parser holds any of it in memory."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
            if len(parts) > MAX_PARTS:
                raise InputError(f"{name}: not a .docx: {len(parts):,} parts in the package (at most {MAX_PARTS:,})")
            unpacked = xml = 0
            for part in parts:
                is_xml = part.filename.endswith((".xml", ".rels"))
                previous = b""
                with package.open(part) as stream:
                    while chunk := stream.read(_READ_BYTES):
                        unpacked += len(chunk)
                        xml += len(chunk) if is_xml else 0
                        if unpacked > MAX_UNPACKED_BYTES or xml > MAX_XML_BYTES:
                            limit = MAX_XML_BYTES if xml > MAX_XML_BYTES else MAX_UNPACKED_BYTES
                            what = "its XML" if xml > MAX_XML_BYTES else "the package"
                            raise InputError(
                                f"{name}: over the size limit after decompression ({what} inflates past "
                                f"{limit // (1024 * 1024)} MB), not checked"
                            )
                        if is_xml and any(mark in previous + chunk for mark in _DTD_MARKS):
                            raise InputError(
                                f"{name}: DTD or entity declarations are not allowed in .docx ({part.filename}), not checked"
                            )
                        previous = chunk[-_LONGEST_MARK:]
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise InputError(f"{name}: not a .docx: bad zip ({str(exc).splitlines()[0][:120] or type(exc).__name__})") from None
    except (NotImplementedError, RuntimeError) as exc:  # an unknown compression method, an encrypted part
        raise InputError(f"{name}: not a .docx: {str(exc).splitlines()[0][:120]}") from None


def open_docx(data: bytes, name: str):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(f"{name}: not a .docx: bad zip (no zip directory: truncated, or not a zip package)")
    _inspect_package(data, name)
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise InputError(f"{name}: not a readable .docx file ({type(exc).__name__})") from None
    except Exception as exc:  # lxml syntax errors and other damage inside the package
        raise _damaged(name, exc) from None


def _damaged(name: str, exc: Exception) -> InputError:
    reason = str(exc).splitlines()[0] if str(exc) else ""
    if reason.startswith("Excessive depth in document"):  # lxml's limit while huge_tree is off
        return InputError(f"{name}: damaged .docx file (elements nested deeper than 256 levels)")
    return InputError(f"{name}: damaged .docx file ({type(exc).__name__}: {reason[:120]})")


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
    try:
        return _read_text(document, name)
    except InputError:
        raise
    except Exception as exc:  # parts that parse but are not what Word writes (a root of another name)
        raise _damaged(name, exc) from None


def _read_text(document, name: str) -> Document:
    read = paragraph_document(((p.text, part, index) for part, index, p in iter_paragraphs(document)), "docx")
    if not read.text.strip() and _has_unread_text(document):
        raise InputError(
            f"{name}: no paragraph text termcheck can read (its text is in text boxes, fields or tracked "
            "changes only), not checked"
        )
    day = _saved_on(document)
    return dataclasses.replace(read, dated=(day, "docx-properties")) if day else read


EARLIEST_PROPERTY_DATE = _dt.date(1990, 1, 1)


def _saved_on(document) -> _dt.date | None:
    """The day the core properties say the file was last saved, else created; none that is
    impossible (Word's placeholder years, a clock in the future)."""
    properties = document.core_properties
    for stamp in (properties.modified, properties.created):
        if stamp is not None and EARLIEST_PROPERTY_DATE <= stamp.date() <= _dt.date.today():
            return stamp.date()
    return None


def _has_unread_text(document) -> bool:
    return any(t.strip() for t in document.element.xpath("//w:t/text() | //w:delText/text()"))


# Inline directives are not read from a .docx: it is a zip package, not text an editor writes in.
FORMAT = Format("docx", (".docx",), docx_document, walked=("*.docx",), directives=False)
