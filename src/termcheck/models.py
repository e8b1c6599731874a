"""The frozen data every output renders from."""

from __future__ import annotations

import datetime as _dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"
# Characters of the line shown on each side of a finding in its `Finding.context`.
CONTEXT_CHARS = 20


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.info: 1, Severity.warning: 2, Severity.error: 3}


class Category(str, Enum):
    leader = "leader"
    name = "name"
    formulation = "formulation"
    sensitive = "sensitive"
    typo = "typo"
    typography = "typography"
    privacy = "privacy"
    secrecy = "secrecy"


def selector_matches(selector: str, rule: str, category: Category) -> bool:
    """Whether a selector of select/ignore/severity/directives names this rule: its category, the
    rule id, or an id prefix (``SENS`` for ``SENS-SEP-0001``, ``LEADER-0031`` for ``LEADER-0031/title``)."""
    return (
        selector == category.value
        or selector == rule
        or rule.startswith(selector + "/")
        or rule.startswith(selector + "-")
    )


class Location(BaseModel):
    """Where a finding sits in a non-plain source (HTML offset, .docx paragraph)."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    source_offset: int | None = None
    source_end: int | None = None  # just after the finding in the source (HTML)
    paragraph: int | None = None
    part: str | None = None


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    rule: str
    category: Category
    severity: Severity
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    text: str
    message: str
    suggestions: tuple[str, ...] = ()
    confidence: float | None = None
    fix_safe: bool = False
    detector: str = ""
    source: str | None = None
    context: str = ""
    location: Location | None = None


class FileReport(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    path: str
    as_of: _dt.date
    # signature, issued-line, html-meta, docx-properties, wenhao, option or today (text/dates.py)
    as_of_source: str = "today"
    as_of_year_only: bool = False  # only the year of as_of is known (a 文号)
    findings: tuple[Finding, ...] = ()
    error: str | None = None
