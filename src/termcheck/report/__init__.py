"""Renderers: each turns the same list of FileReports into one output format."""

from __future__ import annotations

from collections.abc import Callable

from ..models import FileReport

Renderer = Callable[[list[FileReport]], str]


def get_renderer(name: str, *, color: bool = False) -> Renderer:
    if name == "text":
        from .text import render

        return lambda reports: render(reports, color=color)
    if name == "json":
        from .json import render
    elif name == "jsonl":
        from .json import render_lines as render
    elif name == "sarif":
        from .sarif import render
    elif name == "html":
        from .html import render
    else:
        raise ValueError(f"unknown format {name!r}")
    return render
