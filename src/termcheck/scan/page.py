"""One fetched web page: its charset, text, links and the metadata of the 政府网站发展指引.

The charset comes from the Content-Type header, else the page's ``<meta charset>`` or
``http-equiv`` tag, else the usual guess (UTF-8, then GB18030); many county sites are GBK.
The text is what `termcheck.sources.html` extracts, with every offset mapped back to the
source. Metadata: ``PubDate`` (and the other date tags sites use) for the dated checks,
``ColumnName`` for the 栏目 of the report, the title for the page list.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import html
import re
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin

from ..sources.base import Document
from ..sources.html import TextExtractor, html_document, require_visible_text
from ..text.decode import decode

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def charset_of(content_type: str | None, head: bytes) -> str | None:
    """The declared charset, header first; None when neither declares a known one."""
    for found in (_HEADER_CHARSET.search(content_type or ""), _META_CHARSET.search(head[:4096])):
        if not found:
            continue
        name = found.group(1).decode("ascii", "replace") if isinstance(found.group(1), bytes) else found.group(1)
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            continue
        # GB2312 and GBK pages routinely hold characters only GB18030 has; it reads both.
        return "gb18030" if codec in ("gb2312", "gbk", "gb18030") else codec
    return None


def decode_page(data: bytes, content_type: str | None, name: str) -> str:
    charset = charset_of(content_type, data)
    if charset:
        try:
            return data.decode(charset)
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration is common; fall back to the usual guess
    return decode(data, name)


class _PageReader(TextExtractor):
    """The page's text, and in the same pass its links, meta tags and title."""

    def __init__(self, source: str):
        super().__init__(source)
        self.links: list[str] = []
        self.title = ""
        self._in_title = False

    def _collect(self, tag, attrs):
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag in ("a", "area") and values.get("href"):
            self.links.append(values["href"])
        elif tag in ("iframe", "frame") and values.get("src"):
            self.links.append(values["src"])
        elif tag == "title":
            self._in_title = True

    def handle_starttag(self, tag, attrs):
        self._collect(tag, attrs)
        super().handle_starttag(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._collect(tag, attrs)
        super().handle_startendtag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        super().handle_endtag(tag)

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        super().handle_data(data)

    def handle_entityref(self, name):
        if self._in_title:
            self.title += html.unescape(f"&{name};")
        super().handle_entityref(name)

    def handle_charref(self, name):
        if self._in_title:
            self.title += html.unescape(f"&#{name};")
        super().handle_charref(name)


@dataclass(frozen=True)
class Page:
    url: str
    document: Document
    links: tuple[str, ...] = ()
    title: str = ""
    column: str = ""
    published: _dt.date | None = None
    meta: dict[str, str] = field(default_factory=dict)


def parse_page(url: str, source: str) -> Page:
    reader = _PageReader(source)
    document = html_document(source, reader)
    links = []
    for href in reader.links:
        href = href.strip()
        if href.lower().startswith(("javascript:", "mailto:", "tel:", "data:", "#")):
            continue
        links.append(urldefrag(urljoin(url, href))[0])
    meta = reader.meta
    return Page(
        url=url,
        document=document,
        links=tuple(dict.fromkeys(links)),
        title=" ".join(reader.title.split()),
        column=meta.get("columnname", ""),
        published=document.dated[0] if document.dated else None,
        meta=meta,
    )


def page_from_bytes(url: str, data: bytes, content_type: str | None) -> Page:
    source = decode_page(data, content_type, url)
    page = parse_page(url, source)
    require_visible_text(page.document, len(data), url)
    return page
