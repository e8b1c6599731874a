"""Write a copy of a .docx with one Word comment per finding, anchored at the flagged text.

Runs are split so that each comment covers exactly the flagged characters. The original is
only read; the copy is written to a temporary file beside ``out_path`` and moved into place.
Word keeps comments in the main document only, so findings in headers and footers are
returned as skipped rather than anchored.
"""

from __future__ import annotations

import bisect
import copy
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..models import Finding
from ..report.labels import SEVERITY_LABELS
from ..sources import docx as docx_source

AUTHOR = "termcheck"
INITIALS = "TC"


@dataclass(frozen=True)
class AnnotateResult:
    out_path: Path
    comments: int
    skipped: tuple[tuple[Finding, str], ...]


def comment_text(finding: Finding) -> str:
    text = f"【{SEVERITY_LABELS.get(finding.severity.value, finding.severity.value)}】{finding.message}"
    if finding.suggestions:
        text += "\n建议：" + "；".join(finding.suggestions)
    return text + f"\n（{finding.rule}）"


def _w(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(f"w:{tag}")


def _text_children_lengths(r) -> list[tuple[object, int]]:
    """Each content child of a w:r with the length it adds to ``Run.text`` (python-docx's rule)."""
    counted = {_w(t) for t in ("t", "tab", "br", "cr", "noBreakHyphen", "ptab")}
    return [(child, len(str(child)) if child.tag in counted else 0) for child in r if child.tag != _w("rPr")]


def _keep_range(r, lo: int, hi: int, total: int) -> None:
    """Cut a w:r down to the characters [lo, hi) of its text."""
    position = 0
    for child, length in _text_children_lengths(r):
        if length == 0:
            keep = lo <= position and (position < hi or hi == total)
        else:
            start, end = max(position, lo), min(position + length, hi)
            keep = start < end
            if keep and (start, end) != (position, position + length):
                child.text = str(child)[start - position : end - position]  # only a w:t is longer than 1
                child.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        if not keep:
            r.remove(child)
        position += length


def _runs(paragraph):
    from docx.text.hyperlink import Hyperlink

    for item in paragraph.iter_inner_content():
        if isinstance(item, Hyperlink):
            yield from item.runs
        else:
            yield item


def _boundary(paragraph, offset: int) -> None:
    """Make sure a run starts or ends at ``offset`` of the paragraph text."""
    position = 0
    for run in _runs(paragraph):
        length = len(run.text)
        if position < offset < position + length:
            r = run._r
            second = copy.deepcopy(r)
            _keep_range(r, 0, offset - position, length)
            _keep_range(second, offset - position, length, length)
            r.addnext(second)
            return
        position += length


def _covering_runs(paragraph, start: int, end: int) -> list:
    _boundary(paragraph, start)
    _boundary(paragraph, end)
    covering, position = [], 0
    for run in _runs(paragraph):
        length = len(run.text)
        if length and start <= position and position + length <= end:
            covering.append(run)
        position += length
    return covering


def annotate(
    path: str | Path, findings: Iterable[Finding], out_path: str | Path, *, author: str = AUTHOR, initials: str = INITIALS
) -> AnnotateResult:
    """Copy ``path`` to ``out_path`` with a comment on each finding of ``Checker.check_file(path)``."""
    from ..sources import read_bytes

    path, out_path = Path(path), Path(out_path)
    if out_path.resolve() == path.resolve():
        raise InputError(f"{path}: the annotated copy must not replace the original")
    document = docx_source.open_docx(read_bytes(path), str(path))

    paragraphs, starts, offset = [], [], 0
    for part, _index, paragraph in docx_source.iter_paragraphs(document):
        text = paragraph.text
        paragraphs.append((part, paragraph, text))
        starts.append(offset)
        offset += len(text) + 1

    comments = 0
    skipped: list[tuple[Finding, str]] = []
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        i = bisect.bisect_right(starts, finding.start) - 1
        if i < 0 or finding.end <= finding.start:
            skipped.append((finding, "empty span"))
            continue
        part, paragraph, text = paragraphs[i]
        start, end = finding.start - starts[i], finding.end - starts[i]
        if text[start:end] != finding.text:
            skipped.append((finding, "text does not match this document"))
            continue
        if part in ("header", "footer"):
            skipped.append((finding, f"in a {part}, where Word keeps no comments"))
            continue
        runs = _covering_runs(paragraph, start, end)
        if not runs:
            skipped.append((finding, "no run holds this text"))
            continue
        document.add_comment(runs, text=comment_text(finding), author=author, initials=initials)
        comments += 1

    out_path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".tmp", dir=out_path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            document.save(stream)
        os.replace(temporary, out_path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    return AnnotateResult(out_path, comments, tuple(skipped))


def annotate_reports(reports, out_dir: str | Path):
    """Annotate every checked .docx of ``reports`` into ``out_dir`` as ``<stem>.annotated.docx``.

    Yields ``(report path, AnnotateResult or InputError)``; nothing is printed.
    """
    out_dir = Path(out_dir)
    used: set[Path] = set()
    for report in reports:
        if report.error or Path(report.path).suffix.lower() not in docx_source.FORMAT.suffixes:
            continue
        stem, n = Path(report.path).stem, 1
        target = out_dir / f"{stem}.annotated.docx"
        while target in used:
            n += 1
            target = out_dir / f"{stem}-{n}.annotated.docx"
        used.add(target)
        try:
            yield report.path, annotate(report.path, report.findings, target)
        except InputError as exc:
            yield report.path, exc
        except OSError as exc:
            yield report.path, InputError(f"{target}: cannot write: {exc.strerror or exc}")
