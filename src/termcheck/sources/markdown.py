"""Markdown is checked as plain text, less its fenced code blocks.

A code block is blanked with spaces of the same length (line breaks kept), so every offset,
line and column of the result is that of the file.
"""

from __future__ import annotations

import re

from ..text.decode import decode_text_document
from .base import Document, Format

# markdown-it counts lines the way CommonMark does: \r\n, \r and \n each end one.
_LINE_END = re.compile(r"\r\n?|\n")


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _LINE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def blank_code_blocks(text: str) -> str:
    from markdown_it import MarkdownIt

    fences = [t.map for t in MarkdownIt("commonmark").parse(text) if t.type == "fence" and t.map]
    if not fences:
        return text
    lines = _line_spans(text)
    chars = list(text)
    for first, last in fences:
        for start, end in lines[first:last]:
            chars[start:end] = " " * (end - start)
    return "".join(chars)


def read_markdown(data: bytes, name: str) -> Document:
    return Document(blank_code_blocks(decode_text_document(data, name)), kind="markdown")


FORMAT = Format("markdown", (".md", ".markdown"), read_markdown, walked=("*.md",), fixable=True)
