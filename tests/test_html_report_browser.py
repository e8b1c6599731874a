"""The HTML report in a real browser: it renders, and its filter script works.

Needs Debian's chromium (/usr/bin/chromium), which the README's test command (and so .ci/run)
installs; without it these tests fail rather than skip, since a skipped check is no check.
"""

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from termcheck.report import get_renderer

from .conftest import AS_OF
from .test_outputs import DRAFT, graded_checker  # noqa: F401  (fixture)

CHROMIUM = Path("/usr/bin/chromium")



def test_chromium_is_installed():
    assert CHROMIUM.exists(), "chromium is not installed: apt-get install chromium (the README's test command does)"


def chromium(tmp_path, *args, timeout=120):
    profile = tmp_path / "chromium-profile"
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *args,
    ]
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def report_page(graded_checker, tmp_path):
    draft = tmp_path / "通知.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    page = tmp_path / "report.html"
    page.write_text(get_renderer("html")([graded_checker.check_file(draft, as_of=AS_OF)]), encoding="utf-8")
    return page


def png_size(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_report_renders_to_a_non_trivial_screenshot(report_page, tmp_path):
    shot = tmp_path / "report.png"
    result = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,900", report_page.as_uri())
    assert shot.exists(), result.stderr[-2000:]
    assert png_size(shot) == (1280, 900)
    assert shot.stat().st_size > 20_000, "a blank page compresses to a few kilobytes"


def marks_after_script(dom):
    """(classes, data-level or None, text) of each mark in the draft, as the script left them."""
    draft = dom.split('<pre class="draft">', 1)[1].split("</pre>", 1)[0]
    found = []
    for attributes, text in re.findall(r"<mark ([^>]*)>([^<]*)</mark>", draft):
        classes = re.search(r'class="([^"]*)"', attributes).group(1).split()
        level = re.search(r'data-level="([^"]*)"', attributes)
        found.append((classes, level.group(1) if level else None, text))
    return found


def test_filter_script_runs_and_marks_stay_highlighted(report_page, tmp_path):
    result = chromium(tmp_path, "--dump-dom", report_page.as_uri())
    dom = result.stdout
    assert "</html>" in dom, result.stderr[-2000:]
    marks = marks_after_script(dom)
    assert [(text, level) for _, level, text in marks] == [
        ("截止目前", "error"),
        ("再接再励", "info"),
        ("中华人民共合国", "error"),
        ("台独", "warning"),
    ]
    assert all("on" in classes for classes, _, _ in marks)
    assert re.search(r'<b id="shown-count">4</b>', dom)


def test_filter_from_the_address_hides_a_category(report_page, tmp_path):
    result = chromium(tmp_path, "--dump-dom", report_page.as_uri() + "#hide=typo")
    dom = result.stdout
    assert "</html>" in dom, result.stderr[-2000:]
    marks = {text: (classes, level) for classes, level, text in marks_after_script(dom)}
    assert marks["台独"] == (["f", "on"], "warning")
    for typo in ("截止目前", "再接再励", "中华人民共合国"):
        assert marks[typo] == (["f"], None), typo
    assert re.search(r'<b id="shown-count">1</b>', dom)
    assert len(re.findall(r'<tr class="finding"[^>]*hidden=""', dom)) == 3
