"""Inputs: one registry of formats (suffix -> reader), and the reading of a file into a `Document`.

A new input format is one module beside these that defines its `Format`, and one line in
`FORMATS`. Everything that depends on a file's kind (directory walks, streaming, ``--fix``,
inline directives) asks `format_for` rather than keeping its own list of suffixes.
"""

from __future__ import annotations

from pathlib import Path

from . import docx, html, markdown, pdf, plain
from .base import Document, Format, ParagraphSpan, SourceMap, read_bytes

FORMATS: tuple[Format, ...] = (
    plain.TEXT,
    markdown.FORMAT,
    html.FORMAT,
    docx.FORMAT,
    pdf.FORMAT,
    plain.DATA,
)
_BY_SUFFIX = {suffix: form for form in FORMATS for suffix in form.suffixes}
# The globs a directory walk takes when neither the config nor --include names others.
DEFAULT_INCLUDE: tuple[str, ...] = tuple(glob for form in FORMATS for glob in form.walked)

__all__ = ["DEFAULT_INCLUDE", "FORMATS", "Document", "Format", "ParagraphSpan", "SourceMap", "format_for", "read_bytes", "read_document"]


def format_for(path: str | Path) -> Format:
    """The format a file is read as, by its suffix; an unknown suffix is read as plain text."""
    return _BY_SUFFIX.get(Path(path).suffix.lower(), plain.OTHER)


def read_document(path: Path) -> Document:
    path = Path(path)
    return format_for(path).read(read_bytes(path), str(path))
