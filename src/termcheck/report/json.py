"""JSON (one document) and JSON Lines (one finding a line) renderings."""

from __future__ import annotations

import json

from ..models import SCHEMA_VERSION, FileReport
from .summary import summarize


def report_document(reports: list[FileReport]) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "files": [
            {
                "path": r.path,
                "as_of": r.as_of.isoformat(),
                "as_of_source": r.as_of_source,
                "as_of_year_only": r.as_of_year_only,
                "error": r.error,
                "findings": [f.model_dump(mode="json") for f in r.findings],
            }
            for r in reports
        ],
        "summary": summarize(reports),
    }


def render(reports: list[FileReport]) -> str:
    return json.dumps(report_document(reports), ensure_ascii=False, indent=2) + "\n"


def render_lines(reports: list[FileReport]) -> str:
    lines = []
    for report in reports:
        for finding in report.findings:
            record = {
                "schema_version": SCHEMA_VERSION, "path": report.path,
                "as_of": report.as_of.isoformat(), "as_of_source": report.as_of_source,
            }
            record.update(finding.model_dump(mode="json"))
            lines.append(json.dumps(record, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)
