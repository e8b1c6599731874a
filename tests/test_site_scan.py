"""The site scan against a real HTTP server on loopback (tests/site_fixture.py): 200+ pages in
UTF-8 and GBK, a sitemap index, robots.txt, a redirect loop, a 404, a 500 that passes on retry,
.docx and .pdf attachments, shared navigation, planted slips; state in a real SQLite file."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from termcheck import Checker
from termcheck.scan.crawl import ScanOptions, blank_shared_lines, scan, scan_folder
from termcheck.scan.page import charset_of, page_from_bytes
from termcheck.scan.site_report import render_site_report

from .site_fixture import NAV_SLIP, PLANTED, PRIVATE_SLIP, LoopbackSite, generate_site
from .test_html_report_browser import chromium, png_size

FAST = ScanOptions(delay=0.0, backoff=0.01, concurrency=4, timeout=5.0)


@pytest.fixture(scope="module")
def checker():
    return Checker()


def _by_page(result, base):
    return {r.path.replace(base, ""): r for r in result.reports}


@pytest.fixture(scope="module")
def first_scan(checker, tmp_path_factory):
    state = tmp_path_factory.mktemp("scan") / "state.sqlite"
    site = generate_site(200)
    with LoopbackSite(site) as server:
        result = scan(checker, [server.base + "/"], state, FAST)
        yield server, state, result


def test_every_planted_slip_is_reported_on_its_page(first_scan):
    server, _, result = first_scan
    pages = _by_page(result, server.base)
    assert len(pages) >= 200
    for path, (slip, right) in PLANTED.items():
        findings = pages[path].findings
        assert any(f.text == slip for f in findings), (path, [f.text for f in findings])
    # each planted slip is found once, on its page, and nothing else is found on the articles
    article_findings = [(p, f.text) for p, r in pages.items() if p.endswith(".html") or p == "/" for f in r.findings]
    assert sorted(article_findings) == sorted(
        [(p, slip) for p, (slip, _) in PLANTED.items() if p.endswith(".html")] + [("/", NAV_SLIP)]
    )


def test_shared_navigation_is_checked_once(first_scan):
    server, _, result = first_scan
    hits = [r.path for r in result.reports for f in r.findings if f.text == NAV_SLIP]
    assert hits == [server.base + "/"]


def test_robots_txt_is_respected_and_nothing_private_is_fetched(first_scan):
    server, _, result = first_scan
    assert server.fetched(PRIVATE_SLIP[0]) == 0
    assert server.fetched("/robots.txt") == 1
    assert not any("/private/" in r.path for r in result.reports)


def test_sitemap_index_reaches_a_page_no_link_reaches(first_scan):
    server, _, result = first_scan
    assert server.fetched("/sitemap_index.xml") == 1 and server.fetched("/sitemap2.xml") == 1
    assert server.base + "/orphan.html" in {r.path for r in result.reports}


def test_loops_dead_links_and_retries(first_scan):
    server, _, result = first_scan
    pages = _by_page(result, server.base)
    assert pages["/loop/a.html"].error.endswith("/loop/b.html -> " + server.base + "/loop/a.html)")
    assert "redirect loop" in pages["/loop/a.html"].error
    assert pages["/missing.html"].error == server.base + "/missing.html: HTTP 404"
    assert server.fetched("/missing.html") == 1  # a 4xx is not retried
    assert pages["/flaky.html"].error is None and server.fetched("/flaky.html") == 2  # 500, then 200
    assert not any("gov.cn" in r.path for r in result.reports)  # another host is not visited


def test_gbk_pages_by_header_and_by_meta_tag(first_scan):
    server, _, result = first_scan
    pages = _by_page(result, server.base)
    assert [f.text for f in pages["/zcjd/art0010.html"].findings] == ["截止目前"]  # charset in the header
    assert [f.text for f in pages["/zcjd/art0042.html"].findings] == ["迫不急待"]  # charset in <meta> only
    assert charset_of("text/html", b'<meta charset="GB2312">') == "gb18030"
    assert charset_of("text/html; charset=utf-8", b'<meta charset="gbk">') == "utf-8"


def test_attachments_and_page_metadata(first_scan):
    server, state, result = first_scan
    pages = _by_page(result, server.base)
    docx_finding = pages["/files/notice.docx"].findings[0]
    assert docx_finding.location.part == "body" and docx_finding.location.paragraph == 1
    pdf_finding = pages["/files/report.pdf"].findings[0]
    assert pdf_finding.location.part == "page" and pdf_finding.location.paragraph == 1
    article = pages["/xxgk/art0003.html"]
    assert article.as_of.isoformat() == "2026-11-20" and article.as_of_source == "html-meta"
    assert result.pages[server.base + "/xxgk/art0003.html"]["column"] == "信息公开"
    finding = article.findings[0]
    html = server.site["/xxgk/art0003.html"].body.decode("utf-8")
    assert html[finding.location.source_offset : finding.location.source_end] == finding.text
    with sqlite3.connect(state) as db:
        assert db.execute("SELECT COUNT(*) FROM pages").fetchone()[0] >= 200


def test_second_run_fetches_conditionally_and_reports_new_and_fixed(checker, tmp_path):
    state = tmp_path / "state.sqlite"
    site = generate_site(200)
    with LoopbackSite(site) as server:
        scan(checker, [server.base + "/"], state, FAST)
        fixed_path, new_path = "/xxgk/art0003.html", "/zwdt/art0005.html"
        site[fixed_path].body = site[fixed_path].body.decode("utf-8").replace("中华人民共合国", "中华人民共和国").encode("utf-8")
        site[new_path].body = site[new_path].body.decode("utf-8").replace("本文编号", "各单位要按步就班推进。本文编号").encode("utf-8")
        server.requests.clear()
        second = scan(checker, [server.base + "/"], state, FAST)
    assert second.previous_run == 1 and second.run == 2
    assert [(u.replace(server.base, ""), f["text"]) for u, f in second.fixed] == [(fixed_path, "中华人民共合国")]
    assert [(u.replace(server.base, ""), f["text"]) for u, f in second.new] == [(new_path, "按步就班")]
    assert second.still_open == sum(len(r.findings) for r in second.reports) - 1
    conditional = {path for method, path, etag in server.requests if etag}
    assert "/xxgk/art0007.html" in conditional and "/files/report.pdf" in conditional
    assert {fixed_path, new_path} <= conditional  # asked conditionally, answered in full (changed)
    unchanged = _by_page(second, server.base)["/zcjd/art0010.html"]
    assert [f.text for f in unchanged.findings] == ["截止目前"]  # a 304 keeps its findings


def _cli_scan(base, state, tmp_path, *extra):
    command = [sys.executable, "-m", "termcheck", "scan", base + "/", "--state", str(state), "--delay", "0", *extra]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)


def test_a_killed_run_resumes_to_the_same_report(tmp_path):
    site = generate_site(200)
    with LoopbackSite(site) as server:
        whole = tmp_path / "whole.sqlite"
        out, err = _cli_scan(server.base, whole, tmp_path, "--report-json", str(tmp_path / "whole.json")).communicate(timeout=600)
        killed = tmp_path / "killed.sqlite"
        process = _cli_scan(server.base, killed, tmp_path, "--delay", "0.02", "--concurrency", "1")
        deadline = time.time() + 300
        done = 0
        while time.time() < deadline and done < 60:
            time.sleep(0.2)
            try:
                with sqlite3.connect(killed, timeout=1) as db:
                    done = db.execute("SELECT COUNT(*) FROM queue WHERE done = 1").fetchone()[0]
            except sqlite3.Error:
                continue
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert 60 <= done < 200, done
        resumed = _cli_scan(server.base, killed, tmp_path, "--report-json", str(tmp_path / "resumed.json"))
        _, resumed_err = resumed.communicate(timeout=600)
    assert "(resumed)" in resumed_err
    whole_report = json.loads((tmp_path / "whole.json").read_text(encoding="utf-8"))
    resumed_report = json.loads((tmp_path / "resumed.json").read_text(encoding="utf-8"))
    assert resumed_report["pages"] == whole_report["pages"]
    assert resumed_report["run"] == 1


def test_cli_scan_exit_code_stderr_and_reports(tmp_path):
    site = generate_site(40)
    with LoopbackSite(site) as server:
        html, data = tmp_path / "site.html", tmp_path / "site.json"
        process = _cli_scan(server.base, tmp_path / "s.sqlite", tmp_path, "--report-html", str(html), "--report-json", str(data), "--format", "json")
        out, err = process.communicate(timeout=600)
    assert process.returncode == 2  # a dead link and a loop are pages that could not be read
    assert f"termcheck: {server.base}/missing.html: HTTP 404" in err.splitlines()
    assert "Traceback" not in err
    assert json.loads(out)["files"]
    summary = json.loads(data.read_text(encoding="utf-8"))
    assert {p["url"] for p in summary["pages"]} >= {server.base + "/files/report.pdf"}
    assert "读网报告" in html.read_text(encoding="utf-8")


def test_site_report_in_a_real_browser(first_scan, tmp_path):
    server, _, result = first_scan
    page = tmp_path / "site.html"
    page.write_text(render_site_report(result), encoding="utf-8")
    shot = tmp_path / "site.png"
    done = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,1600", page.as_uri())
    assert shot.exists(), done.stderr
    width, height = png_size(shot)
    assert (width, height) == (1280, 1600)
    dom = chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    assert "信息公开" in dom and "中华人民共合国" in dom and "<mark>" in dom
    assert dom.count('<section class="page">') == len([r for r in result.reports if r.findings and not r.error])


def test_blank_shared_lines_keeps_offsets():
    owners = {"各单位要认真贯彻落实。": "http://x/a"}
    text = "标题\n各单位要认真贯彻落实。\n本页正文内容有误。"
    blanked, own = blank_shared_lines(text, owners.get, "http://x/b")
    assert len(blanked) == len(text) and blanked.split("\n")[1].strip() == ""
    assert own == ["本页正文内容有误。"]
    assert blank_shared_lines(text, owners.get, "http://x/a")[0] == text  # its own page keeps it


def test_a_script_page_and_a_binary_are_lines_not_silence():
    from termcheck.errors import InputError

    with pytest.raises(InputError, match="no visible text"):
        page_from_bytes("http://x/app.html", b"<html><script>" + b"x" * 4000 + b"</script></html>", "text/html")
    with pytest.raises(InputError, match="binary file"):
        page_from_bytes("http://x/b.html", b"\x89PNG\x00\x00" * 100, "text/html")


def test_a_mirror_folder_is_scanned_like_the_site(checker, tmp_path):
    site = generate_site(20)
    root = tmp_path / "mirror"
    for path, resource in site.items():
        if path.endswith((".html", ".docx", ".pdf")) and not resource.location:
            target = root / path.lstrip("/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(resource.body)
    result = scan_folder(checker, root, tmp_path / "mirror.sqlite", FAST)
    found = {(r.path.replace(str(root), ""), f.text) for r in result.reports for f in r.findings}
    assert ("/xxgk/art0003.html", "中华人民共合国") in found
    assert ("/files/report.pdf", "中华人民共合国") in found
    assert sum(1 for _, text in found if text == NAV_SLIP) == 1
    again = scan_folder(checker, root, tmp_path / "mirror.sqlite", FAST)
    assert again.new == [] and again.fixed == [] and again.still_open == len(found)


def test_an_endless_calendar_and_the_page_limit_stop_with_a_note(checker, tmp_path):
    site = generate_site(8)
    site["/index.html"].body = site["/index.html"].body.replace(b"</ul>", b'<li><a href="/calendar.html">\xe6\xb4\xbb\xe5\x8a\xa8</a></li></ul>', 1)
    with LoopbackSite(site) as server:
        deep = ScanOptions(delay=0, backoff=0.01, max_depth=500)  # so that the per-path limit is what stops it
        result = scan(checker, [server.base + "/"], tmp_path / "cal.sqlite", deep)
        calendar = server.fetched("/calendar.html")
        limited = scan(checker, [server.base + "/index.html"], tmp_path / "few.sqlite", ScanOptions(delay=0, backoff=0.01, max_pages=10))
    assert calendar == 50
    assert any("differ only in their query" in note and "/calendar.html" in note for note in result.notes)
    assert len(limited.reports) <= 10
    assert any(note.startswith("page limit reached (10)") for note in limited.notes)


def test_an_oversized_page_a_binary_and_a_slow_drip_are_lines_and_do_not_stall(checker, tmp_path):
    from .site_fixture import Resource

    site = generate_site(4)
    site["/big.html"] = Resource(b"<html><body>" + "正文内容。".encode("utf-8") * 20_000 + b"</body></html>")
    site["/photo.html"] = Resource(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    options = ScanOptions(delay=0, backoff=0.01, retries=0, max_bytes=100_000, deadline=1.5, follow_links=False)
    with LoopbackSite(site) as server:
        started = time.monotonic()
        seeds = [server.base + p for p in ("/big.html", "/photo.html", "/drip.html", "/xxgk/art0003.html")]
        result = scan(checker, seeds, tmp_path / "limits.sqlite", options)
        seconds = time.monotonic() - started
    errors = {r.path.replace(server.base, ""): r.error for r in result.reports}
    assert errors["/big.html"] == f"{server.base}/big.html: larger than the page limit (100,000 bytes), not checked"
    assert errors["/photo.html"] == f"{server.base}/photo.html: binary file (contains NUL bytes), not checked"
    assert errors["/drip.html"] == f"{server.base}/drip.html: too slow: still sending after 1.5 s, not checked"
    assert errors["/xxgk/art0003.html"] is None
    assert seconds < 30


def test_a_changed_checker_checks_unchanged_pages_again(checker, tmp_path):
    site = generate_site(12)
    state = tmp_path / "state.sqlite"
    with LoopbackSite(site) as server:
        scan(Checker(ignore=["typo"]), [server.base + "/"], state, FAST)
        server.requests.clear()
        again = scan(checker, [server.base + "/"], state, FAST)
        conditional = [path for _, path, etag in server.requests if etag]
    assert conditional == []  # new lexicons or settings: nothing is taken as already checked
    assert (server.base + "/", NAV_SLIP) in {(url, f["text"]) for url, f in again.new}
    assert Checker(ignore=["typo"]).fingerprint() != checker.fingerprint()
