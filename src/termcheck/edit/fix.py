"""``--fix``: apply the safe, unambiguous corrections to plain-text and Markdown files, atomically.

A finding is applied only if it is ``fix_safe`` and has exactly one suggestion, and only if no
other applicable finding overlaps it (two fixes that disagree about the same characters are
both left to a person). Replacements go from the end of the file backwards so earlier offsets
stay valid. The file is re-encoded exactly as it was read: same encoding, same byte-order mark.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..models import Finding
from ..sources import format_for, read_bytes


class FixRefused(InputError):
    """A file that --fix does not rewrite (markup, .docx)."""


@dataclass(frozen=True)
class Change:
    path: str
    line: int
    column: int
    rule: str
    before: str
    after: str

    def describe(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: fixed {self.rule} {self.before} -> {self.after}"


@dataclass(frozen=True)
class Encoded:
    """Text with the exact way to turn it back into the file's bytes."""

    text: str
    bom: bytes
    encoding: str

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


def read_encoded(data: bytes, name: str) -> Encoded:
    """Decode like the checker does (BOM, UTF-8, GB18030) and remember which one it was."""
    from ..text.decode import detect_and_decode

    return Encoded(*detect_and_decode(data, name))


def applicable(findings: list[Finding]) -> list[Finding]:
    """Safe single-suggestion findings that overlap no other such finding, in text order."""
    unique = {}
    for f in findings:
        if f.fix_safe and len(f.suggestions) == 1 and f.end > f.start:
            # Two rules proposing the very same replacement agree; keep one.
            unique.setdefault((_offset(f), f.text, f.suggestions[0]), f)
    candidates = sorted(unique.values(), key=lambda f: (_offset(f), -len(f.text)))
    chosen: list[Finding] = []
    group: list[Finding] = []
    group_end = -1
    for finding in candidates:
        start = _offset(finding)
        if group and start >= group_end:
            if len(group) == 1:
                chosen.extend(group)
            group = []
        group.append(finding)
        group_end = max(group_end, start + len(finding.text)) if len(group) > 1 else start + len(finding.text)
    if len(group) == 1:
        chosen.extend(group)
    return chosen


def _offset(finding: Finding) -> int:
    # Markdown or other sources may be checked as extracted text; the source offset is where to write.
    if finding.location is not None and finding.location.source_offset is not None:
        return finding.location.source_offset
    return finding.start


def apply(text: str, fixes: list[Finding]) -> tuple[str, list[Finding]]:
    """Text with the fixes applied from the end backwards, and the fixes that were applied."""
    applied = []
    for finding in sorted(fixes, key=_offset, reverse=True):
        start = _offset(finding)
        end = start + len(finding.text)
        if text[start:end] != finding.text:
            continue  # the source moved under the finding; never write a guess
        text = text[:start] + finding.suggestions[0] + text[end:]
        applied.append(finding)
    applied.reverse()
    return text, applied


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it over; keeps the mode of a file already there."""
    handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            shutil.copymode(path, handle.name)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def fix_file(path: str | Path, findings: list[Finding]) -> list[Change]:
    """Apply the applicable fixes to ``path`` and return what changed; nothing is written if nothing applies."""
    path = Path(path)
    if not format_for(path).fixable:
        raise FixRefused(f"{path}: --fix rewrites only plain text and Markdown files; not changed")
    fixes = applicable(findings)
    if not fixes:
        return []
    data = read_bytes(path)
    original = read_encoded(data, str(path))
    fixed, applied = apply(original.text, fixes)
    if not applied:
        return []
    try:
        write_atomically(path, original.encode(fixed))
    except OSError as exc:
        raise InputError(f"{path}: cannot write the fixes: {exc.strerror or exc}; file not changed") from None
    return [Change(str(path), f.line, f.column, f.rule, f.text, f.suggestions[0]) for f in applied]
