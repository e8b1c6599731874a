"""Classification and internal-use marks that must never reach a public website.

A mark is reported where it is used as a marking: a GB/T 9704 classification mark
(机密★5年), a 密级 field, a line that consists of markings only (内部资料　注意保密),
or a bracketed marking (【内部资料】). Prose that talks about secrecy (涉密信息不上网,
保密审查, 商业秘密, 国家秘密, 机密文件管理制度) has none of these shapes and stays clean.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..models import Category, Severity
from .base import Candidate, Detector, Scan

_LEVEL = "绝密|机密|秘密"
_PERIOD = r"(?:[ \u3000]*(?:\d+|[一二三四五六七八九十]+)[ \u3000]*(?:年|个月|月)|[ \u3000]*长期)?"
# 机密★5年, 秘密★, 绝密★长期 (★ or a look-alike star).
_STARRED = re.compile(f"(?:{_LEVEL})[ \u3000]*[★☆✩✭✮＊*]" + _PERIOD)
# 密级：机密 / 密级: 秘密（1年）
_LEVEL_FIELD = re.compile(f"密级[ \u3000]*[:：][ \u3000]*(?:{_LEVEL}|内部|非密|核心商密|普通商密)")

# Markings of internal documents and classification levels when they stand on their own.
_MARKINGS = (
    "绝密",
    "机密",
    "秘密",
    "内部资料",
    "内部文件",
    "内部明电",
    "内部材料",
    "内部刊物",
    "内部参考",
    "内部使用",
    "内部发行",
    "注意保密",
    "严禁外传",
    "不得外传",
    "请勿外传",
    "仅供内部参考",
    "仅供内部使用",
)
_MARKING = "|".join(sorted(_MARKINGS, key=len, reverse=True))
# Header words that share a line with the marks in a document head: urgency and copy number.
# A copy number must end where its digits end: otherwise a long run of digits can be cut into
# 3-6 digit pieces in exponentially many ways before the line fails to match.
_HEAD_WORD = r"特急|加急|平急|特提|急件|\d{3,6}(?!\d)"
_SEPARATOR = r"[\s\u3000，,、；;：:·★]*"
_MARKING_LINE = re.compile(
    f"^{_SEPARATOR}(?:(?:[【\\[（(〔]?(?:{_MARKING})[】\\]）)〕]?|{_HEAD_WORD}){_SEPARATOR})+$"
)
_BRACKETED = re.compile(f"[【\\[（(〔](?:{_MARKING})[】\\]）)〕]")
_MARKING_WORD = re.compile(_MARKING)


def _candidate(start: int, end: int, name: str, message: str) -> Candidate:
    return SecrecyDetector.candidate(
        start, end, f"secrecy/{name}", Category.secrecy, Severity.error, message, on_original=True
    )


def _quoted(text: str, start: int, end: int) -> bool:
    """A mark inside quotes is being talked about (标注“机密★”字样), not used."""
    return text[start - 1 : start] in "“「‘\"" and start > 0 and text[end : end + 1] in "”」’\"" and end < len(text)


def _classification_marks(text: str) -> Iterator[tuple[int, int, str, str]]:
    for match in _STARRED.finditer(text):
        if not _quoted(text, match.start(), match.end()):
            yield match.start(), match.end(), "classification-mark", "文中带有国家秘密密级标志，涉密内容严禁在互联网发布"
    for match in _LEVEL_FIELD.finditer(text):
        yield match.start(), match.end(), "classification-mark", "文中带有密级标注，涉密内容严禁在互联网发布"


def _internal_marks(text: str) -> Iterator[tuple[int, int, str, str]]:
    position = 0
    for line in text.split("\n"):
        if _MARKING_LINE.match(line):
            for match in _MARKING_WORD.finditer(line):
                yield (
                    position + match.start(),
                    position + match.end(),
                    "marking",
                    f"“{match.group()}”作为文件标志单独成行，带此类标志的文件不应公开发布",
                )
        position += len(line) + 1
    for match in _BRACKETED.finditer(text):
        yield match.start(), match.end(), "marking", f"文中带有“{match.group()[1:-1]}”标志，带此类标志的文件不应公开发布"


class SecrecyDetector(Detector):
    name = "secrecy"

    def detect(self, scan: Scan) -> list[Candidate]:
        found: dict[tuple[int, int], Candidate] = {}
        for start, end, name, message in [*_classification_marks(scan.text), *_internal_marks(scan.text)]:
            if not any(s <= start and end <= e for s, e in found):
                found[(start, end)] = _candidate(start, end, name, message)
        return list(found.values())
