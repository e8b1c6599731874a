"""Renderers: each turns the same list of FileReports into one output format.

`RENDERERS` is the registry, from which the command line's ``--format`` choices and the HTTP
API's formats and media types are derived: a new format is one module beside these with a
``render(reports) -> str`` function, and one line here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..models import FileReport
from . import html, json, sarif, text

Renderer = Callable[[list[FileReport]], str]


@dataclass(frozen=True)
class OutputFormat:
    name: str
    render: Callable[..., str]
    media_type: str
    colors: bool = False  # render takes color=True on a terminal


RENDERERS: dict[str, OutputFormat] = {
    output.name: output
    for output in (
        OutputFormat("text", text.render, "text/plain; charset=utf-8", colors=True),
        OutputFormat("json", json.render, "application/json"),
        OutputFormat("jsonl", json.render_lines, "application/x-ndjson"),
        OutputFormat("sarif", sarif.render, "application/sarif+json"),
        OutputFormat("html", html.render, "text/html; charset=utf-8"),
    )
}


def get_renderer(name: str, *, color: bool = False) -> Renderer:
    if name not in RENDERERS:
        raise ValueError(f"unknown format {name!r}")
    output = RENDERERS[name]
    if output.colors:
        return lambda reports: output.render(reports, color=color)
    return output.render
