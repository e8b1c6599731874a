"""Check a large plain-text file in bounded memory: overlapping windows, findings made global.

The file is decoded incrementally and cut into windows of about ``chunk_chars`` characters,
at a line break where one is near. Consecutive windows overlap by ``longest + 2 * margin``
characters, where ``longest`` is the longest pattern of the compiled lexicons and ``margin``
is the context a detector may look at around a match (a sentence, the report context).
Each window owns the findings that *start* in its share of the text; the shares meet in the
middle of each overlap, so a finding near a cut is reported once, by a window that holds it
whole with its full context on both sides, exactly as a check of the whole text would.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..models import CONTEXT_CHARS, FileReport, Finding
from ..text.dates import document_date
from ..text.decode import STREAM_BLOCK_BYTES, iter_decoded, stream_encoding
from ..text.sentences import MAX_REACH
from . import format_for

STREAM_THRESHOLD_BYTES = 16 * 1024 * 1024
CHUNK_CHARS = 1_000_000


def should_stream(path: Path, threshold: int | None = None) -> bool:
    """Whether a file is large enough to check in windows, and of a format checked as it is written."""
    threshold = STREAM_THRESHOLD_BYTES if threshold is None else threshold
    if not format_for(path).streamable:  # markup needs the whole document to be read
        return False
    try:
        return path.is_file() and path.stat().st_size > threshold
    except OSError:
        return False  # the ordinary reader reports it


def longest_pattern(compiled) -> int:
    """Length of the longest surface form the automaton can match."""
    return max((len(p) for p in compiled.automaton.patterns()), default=1)


def context_margin(longest: int) -> int:
    return longest + MAX_REACH + CONTEXT_CHARS


@dataclass(frozen=True)
class Window:
    """A piece of the text: ``text`` starts at global offset ``start``, on line ``line``.

    It owns findings that start in ``[keep_from, keep_to)`` (global offsets);
    ``line_start`` is the global offset where line ``line`` begins.
    """

    start: int
    text: str
    keep_from: int
    keep_to: int | None
    line: int
    line_start: int


def windows(pieces: Iterable[str], *, chunk_chars: int, margin: int, longest: int) -> Iterator[Window]:
    """Overlapping windows over text that arrives in ``pieces`` of any size."""
    overlap = longest + 2 * margin
    chunk_chars = max(chunk_chars, 4 * overlap)
    buffer = ""
    buffer_start = 0
    keep_from = 0
    line, line_start = 1, 0
    source = iter(pieces)
    exhausted = False
    while True:
        while not exhausted and len(buffer) < chunk_chars:
            piece = next(source, None)
            if piece is None:
                exhausted = True
            else:
                buffer += piece
        if exhausted and len(buffer) <= chunk_chars:
            yield Window(buffer_start, buffer, keep_from, None, line, line_start)
            return
        newline = buffer.rfind("\n", chunk_chars // 2, chunk_chars)
        cut = newline + 1 if newline != -1 else chunk_chars
        nominal = cut - overlap
        keep_to = buffer_start + nominal + margin
        yield Window(buffer_start, buffer[:cut], keep_from, keep_to, line, line_start)
        # The next window starts at the beginning of its line when that is close, for whole-line context.
        line_break = buffer.rfind("\n", nominal - margin, nominal)
        next_start = line_break + 1 if line_break != -1 else nominal
        skipped = buffer[:next_start]
        breaks = skipped.count("\n")
        if breaks:
            line += breaks
            line_start = buffer_start + skipped.rfind("\n") + 1
        buffer = buffer[next_start:]
        buffer_start += next_start
        keep_from = keep_to


def globalize(finding: Finding, window: Window) -> Finding:
    start = finding.start + window.start
    update = {"start": start, "end": finding.end + window.start, "line": finding.line + window.line - 1}
    if finding.line == 1:
        update["column"] = start - window.line_start + 1
    return finding.model_copy(update=update)


def check_windows(checker, windows_: Iterable[Window], as_of: _dt.date) -> Iterator[Finding]:
    """Findings of every window, each reported once, with offsets and lines of the whole text."""
    for window in windows_:
        for finding in checker.check(window.text, as_of=as_of):
            start = finding.start + window.start
            if start < window.keep_from or (window.keep_to is not None and start >= window.keep_to):
                continue
            yield globalize(finding, window)


def check_text_stream(
    checker,
    pieces: Iterable[str],
    *,
    as_of: _dt.date,
    chunk_chars: int = CHUNK_CHARS,
) -> list[Finding]:
    longest = longest_pattern(checker.compiled)
    parts = windows(pieces, chunk_chars=chunk_chars, margin=context_margin(longest), longest=longest)
    return list(check_windows(checker, parts, as_of))


def check_stream(
    checker,
    path: Path,
    *,
    as_of: _dt.date | None = None,
    chunk_chars: int | None = None,
    block_bytes: int | None = None,
) -> FileReport:
    """A report on a large plain-text file, read and checked piece by piece."""
    name = str(path)
    block_bytes = block_bytes or STREAM_BLOCK_BYTES
    bom, encoding, tail = stream_encoding(path, name, block_bytes)
    date = document_date(tail, given=as_of)
    pieces = iter_decoded(path, encoding, len(bom), name, block_bytes)
    # Every window is judged on the file's date, which its tail (the signature) gives.
    findings = check_text_stream(checker, pieces, as_of=date.day, chunk_chars=chunk_chars or CHUNK_CHARS)
    return FileReport(path=name, as_of=date.day, as_of_source=date.source, as_of_year_only=date.year is not None, findings=tuple(findings))
