"""SARIF 2.1.0: one run, one rule per rule id, one result per finding.

Columns count Unicode code points (``columnKind: unicodeCodePoints``), as `Finding` does.
Where a finding was made on text taken out of a richer source, the region points into that
source as far as the finding knows it: an HTML source offset, or for a .docx a logical
location naming the part and paragraph (a region in a zip package would mean nothing).
"""

from __future__ import annotations

import json
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path, PurePath
from urllib.parse import quote

from ..models import FileReport, Finding

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _tool_version() -> str:
    try:
        return version("termcheck")
    except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
        return "0"


def artifact_uri(path: str) -> str:
    """A file URI for an absolute path, else a relative reference (``<stdin>`` included)."""
    if PurePath(path).is_absolute():
        return Path(path).as_uri()
    return quote(path.replace("\\", "/"), safe="/:._-~")


def _text_region(finding: Finding) -> dict:
    lines = finding.text.split("\n")
    end_line = finding.line + len(lines) - 1
    end_column = (finding.column if len(lines) == 1 else 1) + len(lines[-1])
    return {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": finding.start,
        "charLength": finding.end - finding.start,
        "snippet": {"text": finding.text},
    }


def _location(path: str, finding: Finding) -> dict:
    physical: dict = {"artifactLocation": {"uri": artifact_uri(path)}}
    location: dict = {"physicalLocation": physical}
    where = finding.location
    if where is None:
        physical["region"] = _text_region(finding)
    elif where.source_offset is not None:
        region = {"charOffset": where.source_offset}
        if where.source_end is not None:
            region["charLength"] = where.source_end - where.source_offset
        if region.get("charLength") == len(finding.text):  # no entity inside: source and text agree
            region["snippet"] = {"text": finding.text}
        physical["region"] = region
    elif where.paragraph is not None:
        name = f"{where.part or 'body'} paragraph {where.paragraph}"
        location["logicalLocations"] = [
            {"name": name, "fullyQualifiedName": f"{where.part or 'body'}/paragraph[{where.paragraph}]", "kind": "element"}
        ]
        location["message"] = {"text": name}
    return location


def _fixes(path: str, finding: Finding) -> list[dict]:
    if finding.location is not None:
        return []  # a replacement is only meaningful where the region is exact
    region = {k: v for k, v in _text_region(finding).items() if k != "snippet"}
    return [
        {
            "description": {"text": f"改为“{suggestion}”"},
            "artifactChanges": [
                {
                    "artifactLocation": {"uri": artifact_uri(path)},
                    "replacements": [{"deletedRegion": region, "insertedContent": {"text": suggestion}}],
                }
            ],
        }
        for suggestion in finding.suggestions
    ]


def _message(finding: Finding) -> str:
    if finding.suggestions:
        return f"{finding.message}（建议：{'；'.join(finding.suggestions)}）"
    return finding.message


def sarif_log(reports: list[FileReport]) -> dict:
    rules: list[dict] = []
    rule_index: dict[str, int] = {}
    results: list[dict] = []
    artifacts: list[dict] = []
    notifications: list[dict] = []
    for report in reports:
        artifacts.append({"location": {"uri": artifact_uri(report.path)}})
        if report.error:
            where = [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(report.path)}}}]
            notifications.append({"level": "error", "message": {"text": report.error}, "locations": where})
        for finding in report.findings:
            if finding.rule not in rule_index:
                rule_index[finding.rule] = len(rules)
                rules.append(_rule(finding))
            results.append(_result(report, finding, rule_index[finding.rule]))
    run: dict = {
        "tool": {
            "driver": {
                "name": "termcheck",
                "version": _tool_version(),
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": results,
    }
    run["invocations"] = [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}]
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def _rule(finding: Finding) -> dict:
    """A rule as its first finding describes it."""
    return {
        "id": finding.rule,
        "name": finding.rule.replace("/", "-"),
        "shortDescription": {"text": f"{finding.category.value}: {finding.message}"},
        "defaultConfiguration": {"level": _LEVELS[finding.severity.value]},
        "properties": {"category": finding.category.value, "tags": [finding.category.value]},
    }


def _result(report: FileReport, finding: Finding, rule_index: int) -> dict:
    result: dict = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity.value],
        "message": {"text": _message(finding)},
        "locations": [_location(report.path, finding)],
        "properties": {
            "category": finding.category.value,
            "suggestions": list(finding.suggestions),
            "fixSafe": finding.fix_safe,
            "detector": finding.detector,
            "asOf": report.as_of.isoformat(),
            "asOfSource": report.as_of_source,
        },
    }
    if finding.confidence is not None:
        result["properties"]["confidence"] = finding.confidence
    if finding.source:
        result["properties"]["source"] = finding.source
    fixes = _fixes(report.path, finding)
    if fixes:
        result["fixes"] = fixes
    return result


def render(reports: list[FileReport]) -> str:
    return json.dumps(sarif_log(reports), ensure_ascii=False, indent=2) + "\n"
