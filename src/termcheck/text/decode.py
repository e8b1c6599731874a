"""Bytes to text: BOMs, UTF-8, then GB18030 (which covers GBK and GB2312)."""

from __future__ import annotations

import codecs
from contextlib import contextmanager

from ..errors import InputError

# Byte-order marks and the codec that reads what follows them (UTF-32 before UTF-16:
# the UTF-32-LE mark starts with the UTF-16-LE one).
BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def detect_and_decode(data: bytes, name: str = "<input>") -> tuple[str, bytes, str]:
    """``(text, bom, encoding)``: how the bytes were read, so they can be written back alike."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), bom, encoding
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}: invalid {encoding} after its byte-order mark (byte {exc.start + len(bom)})"
                ) from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (contains NUL bytes), not checked")
    try:
        return data.decode("utf-8"), b"", "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030"), b"", "gb18030"
        except UnicodeDecodeError:
            raise InputError(
                f"{name}: cannot decode as UTF-8 (byte {utf8_error.start}) or GB18030; save it as UTF-8"
            ) from None


def decode(data: bytes, name: str = "<input>") -> str:
    return detect_and_decode(data, name)[0]


# Prose has paragraphs. A line this long is a dump, a minified export or an attack, and checking it
# would only take minutes to say so (a 1 GB line is refused after its first 4 M characters).
MAX_LINE_CHARS = 4_000_000


class OverlongLine(InputError):
    """A line longer than MAX_LINE_CHARS: the file decodes, but it is no text document."""


class LineLengthGuard:
    """Refuses text with a line longer than MAX_LINE_CHARS; fed piece by piece, it holds no text."""

    def __init__(self, name: str, limit: int = MAX_LINE_CHARS):
        self.name, self.limit = name, limit
        self.line, self.length = 1, 0

    def feed(self, text: str) -> None:
        if self.length + len(text) <= self.limit:
            breaks = text.count("\n")
            if breaks:
                self.line += breaks
                self.length = len(text) - text.rfind("\n") - 1
            else:
                self.length += len(text)
            return
        position = 0
        while True:
            newline = text.find("\n", position)
            end = len(text) if newline == -1 else newline
            self.length += end - position
            if self.length > self.limit:
                raise OverlongLine(
                    f"{self.name}: line {self.line:,} is longer than {self.limit:,} characters: "
                    "not a text document, not checked"
                )
            if newline == -1:
                return
            self.line, self.length, position = self.line + 1, 0, newline + 1


def decode_text_document(data: bytes, name: str = "<input>") -> str:
    """`decode`, for a file that is prose as written (plain text, Markdown): overlong lines refused."""
    text = decode(data, name)
    LineLengthGuard(name).feed(text)
    return text


# -- streaming: the same rules, for files too large to hold as bytes and text at once ----------

STREAM_BLOCK_BYTES = 1 << 20
_SNIFF_BYTES = 8192


@contextmanager
def reading(name):
    """Turns the operating system's refusals to read ``name`` into one-line input errors."""
    try:
        yield
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror}") from None


def _open(path, name: str):
    with reading(name):
        return open(path, "rb")


def read_blocks(path, name: str, skip: int = 0, block_bytes: int = STREAM_BLOCK_BYTES):
    """The file's bytes after the first ``skip``, ``block_bytes`` at a time; read errors as one line."""
    with _open(path, name) as handle:
        handle.seek(skip)
        while True:
            try:
                data = handle.read(block_bytes)
            except OSError as exc:
                raise InputError(f"{name}: cannot read: {exc.strerror}") from None
            if not data:
                return
            yield data


def iter_decoded(path, encoding: str, skip: int = 0, name: str = "<input>", block_bytes: int = STREAM_BLOCK_BYTES):
    """The file's text piece by piece, decoded incrementally after its first ``skip`` bytes (the BOM)."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    consumed = skip
    for data in read_blocks(path, name, skip, block_bytes):
        try:
            text = decoder.decode(data)
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: invalid {encoding} (byte {consumed + exc.start})") from None
        consumed += len(data)
        if text:
            yield text
    try:
        rest = decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise InputError(f"{name}: invalid {encoding}: the file ends inside a character") from None
    if rest:
        yield rest


TAIL_CHARS = 4096


def _decodes(path, encoding: str, skip: int, name: str, block_bytes: int) -> tuple[InputError | None, str]:
    """Decode the whole file, keeping only its last TAIL_CHARS characters; the error if it fails."""
    tail = ""
    lines = LineLengthGuard(name)
    try:
        for text in iter_decoded(path, encoding, skip, name, block_bytes):
            lines.feed(text)
            tail = (tail + text)[-TAIL_CHARS:]
    except OverlongLine:
        raise
    except InputError as exc:
        return exc, ""
    return None, tail


def stream_encoding(path, name: str = "<input>", block_bytes: int = STREAM_BLOCK_BYTES) -> tuple[bytes, str, str]:
    """``(bom, encoding, tail)`` of a file, decided as `detect_and_decode` decides, reading it in blocks.

    The whole file is decoded once here and only its last characters (``tail``, where a
    signature date sits) are kept, so an undecodable file is refused before any of it is checked.
    """
    with _open(path, name) as handle:
        head = handle.read(_SNIFF_BYTES)
    for bom, encoding in BOMS:
        if head.startswith(bom):
            error, tail = _decodes(path, encoding, len(bom), name, block_bytes)
            if error is not None:
                raise InputError(f"{error} after its byte-order mark") from None
            return bom, encoding, tail
    if b"\x00" in head:
        raise InputError(f"{name}: binary file (contains NUL bytes), not checked")
    utf8_error, tail = _decodes(path, "utf-8", 0, name, block_bytes)
    if utf8_error is None:
        return b"", "utf-8", tail
    gb_error, tail = _decodes(path, "gb18030", 0, name, block_bytes)
    if gb_error is None:
        return b"", "gb18030", tail
    position = str(utf8_error).rpartition("(byte ")[2].rstrip(")")
    where = f" (byte {position})" if position.isdigit() else ""
    raise InputError(f"{name}: cannot decode as UTF-8{where} or GB18030; save it as UTF-8") from None
