"""One self-contained HTML page: each draft with its findings marked in place, a table of
findings, counts, and a severity/category filter (inline CSS and JS, no external assets).

The page needs each draft's text. It is taken from ``texts`` when given, else read again
with `termcheck.sources.read_document` (the same text the findings were made on). When no
text can be had (standard input, a file since removed) the page lists the findings with
their context instead. Every piece of user text is escaped.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from pathlib import Path

from ..models import FileReport, Finding
from ..text.dates import DATE_SOURCES
from .labels import CATEGORY_LABELS, SEVERITY_LABELS
from .summary import summarize

_SEVERITY_ORDER = ("error", "warning", "info")

_STYLE = """
:root{--error:#c62828;--warning:#b26a00;--info:#1565c0;--error-bg:#ffd9d6;--warning-bg:#ffeab0;--info-bg:#d6e8ff}
*{box-sizing:border-box}
body{margin:0;font:15px/1.6 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;color:#222;background:#f6f6f3}
header{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid #ddd;padding:10px 24px}
h1{font-size:20px;margin:0 0 4px}
h2{font-size:16px;margin:0 0 6px;word-break:break-all}
.summary{margin:0 0 6px;color:#444}
form{display:flex;flex-wrap:wrap;gap:8px 24px;margin:0}
fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 12px;align-items:center}
legend{float:left;font-weight:bold;margin-right:6px}
label{white-space:nowrap;cursor:pointer}
.count{color:#666;font-size:13px}
main{padding:16px 24px;max-width:1200px}
section.file{background:#fff;border:1px solid #ddd;border-radius:6px;padding:14px 18px;margin-bottom:18px}
.meta{color:#666;font-size:13px;margin:0 0 8px}
.error-note{color:var(--error)}
pre.draft{white-space:pre-wrap;word-break:break-word;font:inherit;line-height:1.9;margin:0 0 12px;padding:10px 12px;background:#fcfcfa;border:1px solid #eee}
mark.f{background:none;color:inherit;border-radius:2px}
mark.f.on{cursor:help}
mark.f[data-level=error]{background:var(--error-bg);box-shadow:inset 0 -2px var(--error)}
mark.f[data-level=warning]{background:var(--warning-bg);box-shadow:inset 0 -2px var(--warning)}
mark.f[data-level=info]{background:var(--info-bg);box-shadow:inset 0 -2px var(--info)}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border-top:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
th{white-space:nowrap;color:#555;font-weight:normal;background:#fafafa}
.sev{font-weight:bold;white-space:nowrap}
.sev.error{color:var(--error)}.sev.warning{color:var(--warning)}.sev.info{color:var(--info)}
.rule{color:#777;font-size:12px;white-space:nowrap}
td.flagged{white-space:nowrap}
tr.finding:target{outline:2px solid #888}
"""

_SCRIPT = """
(function () {
  var form = document.getElementById("filters");
  var rank = {error: 3, warning: 2, info: 1};
  function checked(name) {
    var on = {};
    form.querySelectorAll("input[name=" + name + "]").forEach(function (box) { if (box.checked) on[box.value] = true; });
    return on;
  }
  function apply() {
    var severity = checked("severity"), category = checked("category"), visible = {}, shown = 0;
    document.querySelectorAll("tr.finding").forEach(function (row) {
      var on = severity[row.dataset.severity] && category[row.dataset.category];
      row.hidden = !on;
      if (on) { visible[row.dataset.id] = row.dataset.severity; shown++; }
    });
    document.querySelectorAll("mark.f").forEach(function (mark) {
      var level = "";
      mark.dataset.ids.split(" ").forEach(function (id) {
        var s = visible[id];
        if (s && (!level || rank[s] > rank[level])) level = s;
      });
      mark.classList.toggle("on", !!level);
      if (level) mark.dataset.level = level; else delete mark.dataset.level;
    });
    document.getElementById("shown-count").textContent = shown;
  }
  // #hide=typo,info unticks those boxes, so a link can open the page pre-filtered.
  var hide = /(?:^#|&)hide=([^&]*)/.exec(location.hash);
  if (hide) decodeURIComponent(hide[1]).split(",").forEach(function (value) {
    form.querySelectorAll("input").forEach(function (box) { if (box.value === value) box.checked = false; });
  });
  form.addEventListener("change", apply);
  apply();
})();
"""


def _text_of(report: FileReport, texts: Mapping[str, str] | None) -> str | None:
    if texts is not None and report.path in texts:
        return texts[report.path]
    if report.error or report.path == "<stdin>":
        return None
    from ..errors import InputError
    from ..sources import read_document

    try:
        return read_document(Path(report.path)).text
    except InputError:
        return None


def _title(finding: Finding) -> str:
    line = f"[{SEVERITY_LABELS[finding.severity.value]}] {finding.message}"
    if finding.suggestions:
        line += " → " + "；".join(finding.suggestions)
    return line


def _highlighted(text: str, findings: list[tuple[str, Finding]]) -> str:
    """The draft with each stretch covered by one or more findings wrapped in one <mark>."""
    placed = [(fid, f) for fid, f in findings if text[f.start : f.end] == f.text and f.end > f.start]
    cuts = sorted({0, len(text)} | {f.start for _, f in placed} | {f.end for _, f in placed})
    first_mark = {}
    out: list[str] = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [(fid, f) for fid, f in placed if f.start <= start and end <= f.end]
        piece = escape(text[start:end])
        if not covering:
            out.append(piece)
            continue
        level = max((f.severity.value for _, f in covering), key=_SEVERITY_ORDER[::-1].index)
        anchor = ""
        for fid, _ in covering:
            if fid not in first_mark:
                first_mark[fid] = True
                anchor = anchor or f' id="m-{fid}"'
        out.append(
            f'<mark class="f on"{anchor} data-ids="{" ".join(fid for fid, _ in covering)}" data-level="{level}"'
            f' title="{escape(chr(10).join(_title(f) for _, f in covering))}">{piece}</mark>'
        )
    return "".join(out)


def _where(finding: Finding) -> str:
    where = finding.location
    if where is None:
        return f"{finding.line}:{finding.column}"
    if where.paragraph is not None:
        part = {"body": "正文", "table": "表格", "header": "页眉", "footer": "页脚"}.get(where.part or "", where.part)
        return f"{part}第{where.paragraph}段"
    return f"{finding.line}:{finding.column}（源码偏移 {where.source_offset}）"


def _row(fid: str, finding: Finding, linked: bool, with_context: bool) -> str:
    severity = finding.severity.value
    where = escape(_where(finding))
    if linked:
        where = f'<a href="#m-{fid}">{where}</a>'
    flagged = f'<mark class="f on" data-ids="{fid}" data-level="{severity}">{escape(finding.text)}</mark>'
    if with_context and finding.context:
        at = finding.context.find(finding.text)
        if at != -1:
            flagged = escape(finding.context[:at]) + flagged + escape(finding.context[at + len(finding.text) :])
    return (
        f'<tr class="finding" id="f-{fid}" data-id="{fid}" data-severity="{severity}" data-category="{finding.category.value}">'
        f"<td>{where}</td>"
        f'<td class="sev {severity}">{SEVERITY_LABELS[severity]}</td>'
        f"<td>{escape(CATEGORY_LABELS.get(finding.category.value, finding.category.value))}</td>"
        f'<td class="flagged">{flagged}</td>'
        f"<td>{escape(finding.message)}</td>"
        f"<td>{escape('；'.join(finding.suggestions))}</td>"
        f'<td class="rule">{escape(finding.rule)}</td></tr>'
    )


def _file_section(index: int, report: FileReport, text: str | None) -> str:
    ids = [(f"{index}-{n}", f) for n, f in enumerate(report.findings)]
    as_of = DATE_SOURCES.get(report.as_of_source, report.as_of_source)
    day = f"{report.as_of.year}年" if report.as_of_year_only else report.as_of.isoformat()
    parts = [f'<section class="file" id="file-{index}"><h2>{escape(report.path)}</h2>']
    meta = f"核对日期 {day}（{escape(as_of)}） · {len(report.findings)} 处"
    parts.append(f'<p class="meta">{meta}</p>')
    if report.error:
        parts.append(f'<p class="error-note">未能检查：{escape(report.error)}</p>')
    linked = text is not None
    if text is not None:
        parts.append(f'<pre class="draft">{_highlighted(text, ids)}</pre>')
    elif report.findings:
        parts.append('<p class="meta">原文无法再次读取，下表列出各处及其上下文。</p>')
    if ids:
        parts.append(
            "<table><thead><tr><th>位置</th><th>程度</th><th>类别</th><th>原文</th><th>说明</th><th>建议</th><th>规则</th>"
            "</tr></thead><tbody>"
        )
        parts.extend(_row(fid, f, linked, not linked) for fid, f in ids)
        parts.append("</tbody></table>")
    parts.append("</section>")
    return "".join(parts)


def _filters(summary: dict) -> str:
    boxes = ['<form id="filters" autocomplete="off"><fieldset><legend>程度</legend>']
    for severity in _SEVERITY_ORDER:
        n = summary["by_severity"].get(severity, 0)
        boxes.append(
            f'<label><input type="checkbox" name="severity" value="{severity}" checked> {SEVERITY_LABELS[severity]}'
            f' <span class="count">{n}</span></label>'
        )
    boxes.append("</fieldset><fieldset><legend>类别</legend>")
    for category, label in CATEGORY_LABELS.items():
        n = summary["by_category"].get(category, 0)
        if n:
            boxes.append(
                f'<label><input type="checkbox" name="category" value="{category}" checked> {escape(label)}'
                f' <span class="count">{n}</span></label>'
            )
    boxes.append("</fieldset></form>")
    return "".join(boxes)


def render(reports: list[FileReport], texts: Mapping[str, str] | None = None) -> str:
    summary = summarize(reports)
    severities = "，".join(f"{SEVERITY_LABELS[s]} {summary['by_severity'][s]}" for s in _SEVERITY_ORDER if s in summary["by_severity"])
    head = (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>termcheck 校对报告</title><style>{_STYLE}</style></head><body>"
        "<header><h1>termcheck 校对报告</h1>"
        f'<p class="summary">{summary["files"]} 个文件，共 {summary["findings"]} 处'
        + (f"：{severities}" if severities else "")
        + (f"；{summary['files_with_errors']} 个文件未能检查" if summary["files_with_errors"] else "")
        + f'。当前显示 <b id="shown-count">{summary["findings"]}</b> 处。</p>'
        + _filters(summary)
        + "</header><main>"
    )
    sections = [_file_section(i, r, _text_of(r, texts)) for i, r in enumerate(reports)]
    return head + "".join(sections) + f"</main><script>{_SCRIPT}</script></body></html>\n"
