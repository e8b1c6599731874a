"""Sitemaps and sitemap indexes (sitemaps.org 0.9), parsed with defusedxml: they come from the web."""

from __future__ import annotations

import gzip
import io

MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the protocol's own limit for one uncompressed sitemap


class SitemapError(Exception):
    pass


def _inflate(data: bytes) -> bytes:
    if not data.startswith(b"\x1f\x8b"):
        return data
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        inflated = stream.read(MAX_SITEMAP_BYTES + 1)
    if len(inflated) > MAX_SITEMAP_BYTES:
        raise SitemapError("sitemap over 50 MB once inflated")
    return inflated


def parse_sitemap(data: bytes) -> tuple[list[str], list[str]]:
    """``(page URLs, child sitemap URLs)`` of a sitemap or a sitemap index."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root = fromstring(_inflate(data))
    except (ParseError, DefusedXmlException, OSError, EOFError) as exc:
        raise SitemapError(f"not a readable sitemap ({type(exc).__name__})") from None
    pages, children = [], []
    kind = root.tag.rsplit("}", 1)[-1]
    for item in root:
        for child in item:
            if child.tag.rsplit("}", 1)[-1] == "loc" and child.text and child.text.strip():
                (children if kind == "sitemapindex" else pages).append(child.text.strip())
    return pages, children
