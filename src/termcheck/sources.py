"""Read a file into text, with a way to put each finding back in its source."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .models import Finding
from .text.decode import decode

MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Document:
    text: str

    def locate(self, findings: list[Finding]) -> list[Finding]:
        return findings


def read_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InputError(f"{path}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, not checked")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None


def read_document(path: Path) -> Document:
    return Document(decode(read_bytes(path), str(path)))
