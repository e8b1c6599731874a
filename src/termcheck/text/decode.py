"""Bytes to text: BOMs, UTF-8, then GB18030 (which covers GBK and GB2312)."""

from __future__ import annotations

import codecs

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
