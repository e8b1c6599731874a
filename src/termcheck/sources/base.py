"""What every reader returns and shares: the `Document`, its map back to the source, the `Format`.

Plain text and Markdown are checked as they are (offsets are those of the file). HTML and
.docx are turned into text first; their `Document` carries the map from a finding's offset in
that text back to the source (an HTML source offset, a .docx paragraph).
"""

from __future__ import annotations

import bisect
import datetime as _dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..models import Finding, Location
from ..text.decode import reading

MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class SourceMap:
    """Offsets of the extracted text mapped to offsets of the source, piece by piece.

    Piece i starts at ``text_starts[i]`` in the text and ``source_starts[i]`` in the source.
    A verbatim piece maps character for character; any other piece (an entity such as
    ``&nbsp;``, a collapsed run of white space, a line break put in for a block element)
    maps every one of its characters to the start of its source.
    """

    text_starts: tuple[int, ...]
    source_starts: tuple[int, ...]
    verbatim: tuple[bool, ...]
    source_ends: tuple[int, ...] = ()  # where each piece's source ends (an entity's ;)

    def source_offset(self, text_offset: int) -> int:
        i = bisect.bisect_right(self.text_starts, text_offset) - 1
        if i < 0:
            return 0
        if self.verbatim[i]:
            return self.source_starts[i] + text_offset - self.text_starts[i]
        return self.source_starts[i]

    def source_end(self, text_end: int) -> int:
        """Source offset just after the text character before ``text_end``."""
        i = bisect.bisect_right(self.text_starts, text_end - 1) - 1
        if i < 0:
            return 0
        if self.verbatim[i] or not self.source_ends:
            return self.source_starts[i] + text_end - self.text_starts[i]
        return self.source_ends[i]


@dataclass(frozen=True)
class ParagraphSpan:
    """One paragraph of a .docx: where it sits in the extracted text and in the document."""

    start: int
    end: int
    part: str
    index: int


@dataclass(frozen=True)
class Document:
    text: str
    kind: str = "text"
    source_map: SourceMap | None = None
    paragraphs: tuple[ParagraphSpan, ...] = field(default=())
    dated: tuple[_dt.date, str] | None = None  # a date the file carries outside its text, and its source

    def locate(self, findings: list[Finding]) -> list[Finding]:
        if self.source_map is not None:
            return [
                f.model_copy(
                    update={
                        "location": Location(
                            source_offset=self.source_map.source_offset(f.start),
                            source_end=self.source_map.source_end(f.end),
                        )
                    }
                )
                for f in findings
            ]
        if self.paragraphs:
            starts = [p.start for p in self.paragraphs]
            located = []
            for f in findings:
                paragraph = self.paragraphs[max(0, bisect.bisect_right(starts, f.start) - 1)]
                location = Location(paragraph=paragraph.index, part=paragraph.part)
                located.append(f.model_copy(update={"location": location}))
            return located
        return findings


def paragraph_document(paragraphs: Iterable[tuple[str, str, int]], kind: str) -> Document:
    """Paragraphs ``(text, part, index)`` one a line, each finding located by its part and index."""
    pieces: list[str] = []
    spans: list[ParagraphSpan] = []
    offset = 0
    for text, part, index in paragraphs:
        spans.append(ParagraphSpan(offset, offset + len(text), part, index))
        pieces.append(text + "\n")
        offset += len(text) + 1
    return Document("".join(pieces), kind=kind, paragraphs=tuple(spans))


def read_bytes(path: Path) -> bytes:
    with reading(path):
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InputError(f"{path}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, not checked")
        return path.read_bytes()


@dataclass(frozen=True)
class Format:
    """One kind of input: the suffixes it is known by, its reader, and what else may be done with it."""

    name: str
    suffixes: tuple[str, ...]  # lower case, with the dot; "" for a file without one
    read: Callable[[bytes, str], Document]  # (the file's bytes, its name for messages)
    walked: tuple[str, ...] = ()  # globs a directory walk takes by default
    streamable: bool = False  # a large file may be checked in windows as it is decoded
    fixable: bool = False  # the checked text is the file's own text, so --fix may rewrite it
    directives: bool = True  # the file is text an editor can put inline directives in
