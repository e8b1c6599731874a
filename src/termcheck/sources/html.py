"""HTML to the text a reader sees, with every character's offset in the HTML source.

The standard library's tokenizer is used because it reports where each token starts; the
tree builders (lxml, selectolax) give a line at best, and the requirement here is an exact
source offset. With ``convert_charrefs=False`` entities arrive as their own events, so each
decoded character maps back to its ``&...;`` in the source.

Kept: the body text. Skipped: head (and title), script, style, template, noscript, svg,
comments, declarations. Runs of ASCII white space collapse to one space, as a browser shows
them (except inside pre and textarea); block elements end a line.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
from html.parser import HTMLParser

from ..errors import InputError
from ..text.decode import decode
from .base import Document, Format, SourceMap

_SKIPPED = frozenset({"head", "title", "script", "style", "template", "noscript", "svg", "math"})
_BLOCKS = frozenset(
    """address article aside blockquote br caption dd details div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot
    th thead tr ul""".split()
)
_VERBATIM_SPACE = frozenset({"pre", "textarea", "listing", "plaintext"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
_ASCII_SPACE = re.compile(r"[ \t\n\r\f]+")


class TextExtractor(HTMLParser):
    """The tokenizer's events into text and source map; a subclass may collect more in the same pass."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.parts: list[str] = []
        self.length = 0
        self.text_starts: list[int] = []
        self.source_starts: list[int] = []
        self.verbatim: list[bool] = []
        self.source_ends: list[int] = []
        self.skip_depth: dict[str, int] = {}
        self.pre_depth = 0
        self.meta: dict[str, str] = {}

    def _meta(self, tag, attrs) -> None:
        if tag == "meta":
            values = {k.lower(): (v or "") for k, v in attrs}
            key = (values.get("name") or values.get("property") or values.get("http-equiv") or "").lower()
            if key and "content" in values:
                self.meta.setdefault(key, values["content"].strip())

    # -- positions -------------------------------------------------------------------
    def _here(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _emit(self, text: str, source_start: int, verbatim: bool, source_end: int | None = None) -> None:
        if not text:
            return
        self.text_starts.append(self.length)
        self.source_starts.append(source_start)
        self.verbatim.append(verbatim)
        self.source_ends.append(source_end if source_end is not None else source_start + (len(text) if verbatim else 0))
        self.parts.append(text)
        self.length += len(text)

    def _last_char(self) -> str:
        return self.parts[-1][-1] if self.parts else "\n"

    def _skipping(self) -> bool:
        return any(self.skip_depth.values())

    def _line_break(self) -> None:
        if self._skipping():
            return
        if self._last_char() == " ":
            # A space just before a line break is not shown: turn the break into that piece's end.
            self.parts[-1] = self.parts[-1][:-1]
            self.length -= 1
            if not self.parts[-1]:
                for stack in (self.parts, self.text_starts, self.source_starts, self.verbatim, self.source_ends):
                    stack.pop()
        if self._last_char() != "\n":
            self._emit("\n", self._here(), False)

    # -- tokenizer events ------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        self._meta(tag, attrs)
        if tag in _SKIPPED:
            self.skip_depth[tag] = self.skip_depth.get(tag, 0) + 1
        elif tag in _VERBATIM_SPACE:
            self.pre_depth += 1
        if tag in _BLOCKS:
            self._line_break()

    def handle_startendtag(self, tag, attrs):
        self._meta(tag, attrs)
        if tag in _BLOCKS:
            self._line_break()

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            if self.skip_depth.get(tag):
                self.skip_depth[tag] -= 1
            return
        if tag in _VERBATIM_SPACE and self.pre_depth:
            self.pre_depth -= 1
        if tag in _BLOCKS and tag not in _VOID:
            self._line_break()

    def handle_data(self, data):
        if self._skipping():
            return
        start = self._here()
        if self.pre_depth:
            self._emit(data, start, True)
            return
        position = 0
        for match in _ASCII_SPACE.finditer(data):
            self._emit(data[position : match.start()], start + position, True)
            if self._last_char() not in " \n":
                self._emit(" ", start + match.start(), False, start + match.end())
            position = match.end()
        self._emit(data[position:], start + position, True)

    def _reference(self, prefix: str, name: str) -> None:
        if self._skipping():
            return
        start = self._here()
        end = start + len(prefix) + len(name)
        if self.source.startswith(";", end):
            end += 1
        decoded = html.unescape(self.source[start:end])
        self._emit(decoded, start, decoded == self.source[start:end], end)

    def handle_entityref(self, name):
        self._reference("&", name)

    def handle_charref(self, name):
        self._reference("&#", name)


def html_document(source: str, extractor: TextExtractor | None = None) -> Document:
    extractor = extractor or TextExtractor(source)
    extractor.feed(source)
    extractor.close()
    source_map = SourceMap(
        tuple(extractor.text_starts), tuple(extractor.source_starts), tuple(extractor.verbatim), tuple(extractor.source_ends)
    )
    published = published_date(extractor.meta)
    dated = (published, "html-meta") if published else None
    return Document("".join(extractor.parts), kind="html", source_map=source_map, dated=dated)


# Meta tags that carry a page's publication date: PubDate of the 政府网站发展指引, then common others.
DATE_TAGS = ("pubdate", "publishdate", "firstpublishedtime", "maketime", "article:published_time", "dc.date")
_META_DATE = re.compile(r"(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})")


def published_date(meta: dict[str, str]) -> _dt.date | None:
    for tag in DATE_TAGS:
        found = _META_DATE.search(meta.get(tag, ""))
        if found:
            try:
                return _dt.date(*map(int, found.groups()))
            except ValueError:
                continue
    return None


# A page this large with no text a reader would see is not an empty page but one built by script.
VISIBLE_TEXT_EXPECTED_BYTES = 2048


def require_visible_text(document: Document, size: int, name: str) -> Document:
    if not document.text.strip() and size > VISIBLE_TEXT_EXPECTED_BYTES:
        raise InputError(f"{name}: no visible text in {size:,} bytes of HTML (a page built by script?), not checked")
    return document


def read_html(data: bytes, name: str) -> Document:
    return require_visible_text(html_document(decode(data, name)), len(data), name)


FORMAT = Format("html", (".html", ".htm", ".xhtml"), read_html, walked=("*.html", "*.htm"))
