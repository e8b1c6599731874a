"""The site report editors act on: one self-contained HTML page, and the same facts as JSON.

Summary by severity and by 栏目, what is new and fixed since the previous run, pages ranked by
their findings (errors first), each finding with its context and a link to the page, and the
pages that could not be read with the reason. Every piece of page text is escaped.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from html import escape

from ..models import FileReport, Finding
from ..report.labels import CATEGORY_LABELS, SEVERITY_LABELS
from .crawl import ScanResult

_SEVERITIES = ("error", "warning", "info")

_STYLE = """
body{margin:0;font:15px/1.6 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;color:#222;background:#f6f6f3}
header,main{padding:12px 24px;max-width:1200px}
header{background:#fff;border-bottom:1px solid #ddd;max-width:none}
h1{font-size:20px;margin:0 0 6px}h2{font-size:17px;margin:18px 0 8px}h3{font-size:15px;margin:0 0 6px;word-break:break-all}
.cards{display:flex;flex-wrap:wrap;gap:10px}.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:110px}
.card b{display:block;font-size:22px}.card.error b{color:#c62828}.card.warning b{color:#b26a00}.card.info b{color:#1565c0}
.card.new b{color:#c62828}.card.fixed b{color:#2e7d32}
table{border-collapse:collapse;width:100%;background:#fff;font-size:14px}th,td{border:1px solid #e5e5e5;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#fafafa;font-weight:normal;color:#555}
section.page{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px 16px;margin-bottom:14px}
.meta{color:#666;font-size:13px;margin:0 0 6px}.sev{font-weight:bold;white-space:nowrap}
.sev.error{color:#c62828}.sev.warning{color:#b26a00}.sev.info{color:#1565c0}
mark{background:#ffd9d6;box-shadow:inset 0 -2px #c62828}.rule{color:#777;font-size:12px}
.unreadable td:last-child{color:#c62828}
"""


def _rank(report: FileReport) -> tuple:
    counts = Counter(f.severity.value for f in report.findings)
    return tuple(-counts[s] for s in _SEVERITIES) + (report.path,)


def _marked(finding: Finding) -> str:
    context, text = finding.context, finding.text
    at = context.find(text)
    if at == -1:
        return escape(text)
    return f"{escape(context[:at])}<mark>{escape(text)}</mark>{escape(context[at + len(text):])}"


def _finding_rows(findings) -> str:
    rows = []
    for f in findings:
        suggestion = " | ".join(f.suggestions)
        rows.append(
            f'<tr><td class="sev {f.severity.value}">{SEVERITY_LABELS.get(f.severity.value, f.severity.value)}</td>'
            f"<td>{_marked(f)}</td><td>{escape(f.message)}<div class=\"rule\">{escape(f.rule)} · "
            f"{CATEGORY_LABELS.get(f.category.value, f.category.value)} · 第{f.line}行</div></td>"
            f"<td>{escape(suggestion)}</td></tr>"
        )
    return "".join(rows)


def _change_rows(changes: list[tuple[str, dict]]) -> str:
    return "".join(
        f'<tr><td><a href="{escape(url, quote=True)}">{escape(url)}</a></td><td class="sev {f["severity"]}">'
        f'{SEVERITY_LABELS.get(f["severity"], f["severity"])}</td><td>{escape(f["text"])}</td><td>{escape(f["message"])}</td></tr>'
        for url, f in changes
    )


def render_site_report(result: ScanResult, title: str = "termcheck 读网报告") -> str:
    reports = result.reports
    severity = Counter(f.severity.value for r in reports for f in r.findings)
    by_column: dict[str, Counter] = defaultdict(Counter)
    for report in reports:
        column = (result.pages.get(report.path) or {}).get("column") or "（未标栏目）"
        by_column[column]["pages"] += 1
        for f in report.findings:
            by_column[column][f.severity.value] += 1
    readable = [r for r in reports if r.error is None]
    unreadable = [r for r in reports if r.error is not None]
    with_findings = sorted((r for r in readable if r.findings), key=_rank)
    cards = "".join(
        f'<div class="card {s}"><b>{severity[s]}</b>{SEVERITY_LABELS.get(s, s)}</div>' for s in _SEVERITIES
    )
    cards += f'<div class="card"><b>{len(reports)}</b>页面与附件</div><div class="card"><b>{len(unreadable)}</b>无法读取</div>'
    if result.previous_run is not None:
        cards += (
            f'<div class="card new"><b>{len(result.new)}</b>新增问题</div><div class="card fixed"><b>{len(result.fixed)}</b>已修正</div>'
            f'<div class="card"><b>{result.still_open}</b>仍未修正</div>'
        )
    columns = "".join(
        f"<tr><td>{escape(name)}</td><td>{c['pages']}</td><td>{c['error']}</td><td>{c['warning']}</td><td>{c['info']}</td></tr>"
        for name, c in sorted(by_column.items(), key=lambda item: (-item[1]["error"], -item[1]["warning"], item[0]))
    )
    parts = [
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">",
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>",
        f"<header><h1>{escape(title)}</h1><p class=\"meta\">第 {result.run} 次检查"
        + (f"，与第 {result.previous_run} 次相比" if result.previous_run is not None else "")
        + f"</p><div class=\"cards\">{cards}</div></header><main>",
        "<h2>按栏目</h2><table><tr><th>栏目</th><th>页面</th><th>错误</th><th>警告</th><th>提示</th></tr>" + columns + "</table>",
    ]
    if result.previous_run is not None:
        head = "<tr><th>页面</th><th>级别</th><th>内容</th><th>说明</th></tr>"
        parts.append(f"<h2 id=\"new\">新增问题（{len(result.new)}）</h2><table>{head}{_change_rows(result.new)}</table>")
        parts.append(f"<h2 id=\"fixed\">已修正（{len(result.fixed)}）</h2><table>{head}{_change_rows(result.fixed)}</table>")
    parts.append(f"<h2>问题页面（{len(with_findings)}，按问题多少排序）</h2>")
    for report in with_findings:
        info = result.pages.get(report.path) or {}
        meta = " · ".join(x for x in (info.get("column") or "", info.get("published") or "", f"{len(report.findings)} 处") if x)
        parts.append(
            f'<section class="page"><h3><a href="{escape(report.path, quote=True)}">{escape(info.get("title") or report.path)}</a></h3>'
            f'<p class="meta">{escape(report.path)} · {escape(meta)}</p><table><tr><th>级别</th><th>原文</th><th>说明</th><th>建议</th></tr>'
            f"{_finding_rows(report.findings)}</table></section>"
        )
    if unreadable:
        rows = "".join(
            f'<tr><td><a href="{escape(r.path, quote=True)}">{escape(r.path)}</a></td><td>{escape(r.error or "")}</td></tr>' for r in unreadable
        )
        parts.append(f'<h2>无法读取（{len(unreadable)}）</h2><table class="unreadable"><tr><th>页面</th><th>原因</th></tr>{rows}</table>')
    if result.notes:
        parts.append("<h2>说明</h2><ul>" + "".join(f"<li>{escape(n)}</li>" for n in result.notes) + "</ul>")
    parts.append("</main></body></html>\n")
    return "".join(parts)


def site_summary(result: ScanResult) -> dict:
    """The report's facts as JSON: per page its findings or error, and the changes since the last run."""
    return {
        "run": result.run,
        "previous_run": result.previous_run,
        "resumed": result.resumed,
        "pages": [
            {"url": r.path, **(result.pages.get(r.path) or {}), "error": r.error, "findings": [f.model_dump(mode="json") for f in r.findings]}
            for r in result.reports
        ],
        "new": [{"url": url, **f} for url, f in result.new],
        "fixed": [{"url": url, **f} for url, f in result.fixed],
        "still_open": result.still_open,
        "notes": result.notes,
    }


def site_summary_json(result: ScanResult) -> str:
    return json.dumps(site_summary(result), ensure_ascii=False, indent=2) + "\n"
