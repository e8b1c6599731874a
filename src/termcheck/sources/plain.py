"""Plain text: checked as it is decoded, so every offset is the file's own."""

from __future__ import annotations

from ..text.decode import decode_text_document
from .base import Document, Format


def read_plain(data: bytes, name: str) -> Document:
    return Document(decode_text_document(data, name))


TEXT = Format("text", (".txt", ".text", ""), read_plain, walked=("*.txt",), streamable=True, fixable=True)
# Exports and logs are text too, but machine-read: checked, never rewritten by --fix.
DATA = Format("data", (".log", ".csv"), read_plain, streamable=True)
# Any other suffix is read as plain text when a file is named on its own.
OTHER = Format("other", (), read_plain)
