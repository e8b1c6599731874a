"""Human-readable lines: ``file:line:col: severity rule message -> suggestion`` plus context."""

from __future__ import annotations

from ..errors import one_line
from ..models import FileReport, Finding
from ..text.dates import is_date_dependent
from .summary import summarize

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET = "\033[0m"
_BOLD = "\033[1m"


def _finding_lines(path: str, finding: Finding, color: bool) -> list[str]:
    severity = finding.severity.value
    if color:
        severity = f"{_COLORS[severity]}{severity}{_RESET}"
    head = f"{one_line(path)}:{finding.line}:{finding.column}: {severity} {finding.rule} {finding.message}"
    if finding.suggestions:
        head += " -> " + " | ".join(finding.suggestions)
    context = finding.context
    marked_at = context.find(finding.text)
    if marked_at == -1:
        return [head]
    flagged = f"{_BOLD}{finding.text}{_RESET}" if color else finding.text
    caret = "".join("　" if ord(ch) > 0x2E7F else " " for ch in context[:marked_at])
    marks = "".join("＾" if ord(ch) > 0x2E7F else "^" for ch in finding.text)
    return [head, f"    {context[:marked_at]}{flagged}{context[marked_at + len(finding.text):]}", f"    {caret}{marks}"]


def _date_line(report: FileReport) -> str:
    day = f"{report.as_of.year} (year only)" if report.as_of_year_only else report.as_of.isoformat()
    return f"{one_line(report.path)}: dated checks as of {day}, from {report.as_of_source}"


def render(reports: list[FileReport], *, color: bool = False) -> str:
    lines: list[str] = []
    for report in reports:
        for finding in report.findings:
            lines.extend(_finding_lines(report.path, finding, color))
        if any(is_date_dependent(f.rule) for f in report.findings):
            lines.append(_date_line(report))
    summary = summarize(reports)
    if summary["findings"] or len(reports) > 1:
        parts = [f"{n} {name}" for name, n in summary["by_severity"].items()]
        categories = ", ".join(f"{name} {n}" for name, n in summary["by_category"].items())
        lines.append(
            f"{summary['findings']} finding(s) in {summary['files']} file(s)"
            + (f": {', '.join(parts)}" if parts else "")
            + (f" ({categories})" if categories else "")
        )
    return "".join(line + "\n" for line in lines)
