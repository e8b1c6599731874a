"""The editor page served by `termcheck serve` at /, driven in headless Chromium by Playwright.

Needs Debian's chromium (/usr/bin/chromium), which the README's test command (and so .ci/run)
installs: these tests fail rather than skip without it.
"""

from __future__ import annotations

import socket
import threading
import time

import pytest

from termcheck import Checker
from termcheck.frontends.server import CONTENT_SECURITY_POLICY, create_app

from .conftest import AS_OF

CHROMIUM = "/usr/bin/chromium"
DRAFT = "截止目前，各单位要再接再励。\n依据中华人民共合国有关法律开展工作。\n"


@pytest.fixture(scope="module")
def server():
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(Checker(), default_as_of=AS_OF, max_body_bytes=200_000)
    instance = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.time() + 60
    while not instance.started and time.time() < deadline:
        time.sleep(0.05)
    assert instance.started
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield instance
        instance.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + "/")
    yield page
    context.close()
    assert errors == []


def _check(page, text):
    """Paste ``text``, check, and wait until the page says this check is done."""
    from playwright.sync_api import expect

    done = int(page.get_attribute("body", "data-checks") or 0)
    page.fill("#draft", text)
    page.click("#check")
    expect(page.locator("body")).to_have_attribute("data-checks", str(done + 1), timeout=60_000)


def test_paste_check_accept_ignore_and_download_the_corrected_text(page, tmp_path):
    _check(page, DRAFT)
    marks = page.locator("#view mark")
    assert marks.all_inner_texts() == ["截止目前", "再接再励", "中华人民共合国"]
    assert page.locator("#view").inner_text().strip() == DRAFT.strip()
    assert "2026-11-26" in page.inner_text("#judged")
    shot = tmp_path / "editor.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page.locator(".item", has_text="再接再励").locator("button.accept").click()
    page.locator(".item", has_text="截止目前").locator("button.ignore").click()
    assert page.locator("#view mark").all_inner_texts() == ["中华人民共合国"]  # later offsets moved with the edit
    page.locator(".item", has_text="中华人民共合国").locator("button.accept").click()
    with page.expect_download() as caught:
        page.click("#save-text")
    saved = tmp_path / "corrected.txt"
    caught.value.save_as(saved)
    expected = DRAFT.replace("再接再励", "再接再厉").replace("中华人民共合国", "中华人民共和国")
    assert saved.read_bytes() == expected.encode("utf-8")
    assert page.input_value("#draft") == expected


def test_ignore_this_rule_holds_for_the_session(page):
    _check(page, "截止目前工作进展顺利。截止目前无人反映。")
    assert page.locator("#view mark").count() == 2
    page.locator(".item").first.locator("button.ignore-rule").click()
    assert page.locator("#view mark").count() == 0
    _check(page, "截止目前工作进展顺利。")
    assert page.locator("#view mark").count() == 0


def test_keyboard_only(page):
    page.focus("#draft")
    page.keyboard.insert_text("依据中华人民共合国有关法律开展工作。")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#view mark", timeout=60_000)
    page.locator(".item button.what").first.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.tagName") == "MARK"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.className") == "what"


def test_upload_a_docx_and_download_it_with_comments(page, tmp_path):
    import docx

    draft = tmp_path / "通知.docx"
    document = docx.Document()
    document.add_paragraph("各单位要再接再励，确保各项工作落到实处。")
    document.save(draft)
    page.set_input_files("#file", str(draft))
    page.wait_for_selector("#view mark", timeout=60_000)
    assert page.locator("#view mark").all_inner_texts() == ["再接再励"]
    with page.expect_download() as caught:
        page.click("#save-docx")
    annotated = tmp_path / "annotated.docx"
    caught.value.save_as(annotated)
    assert caught.value.suggested_filename == "通知.annotated.docx"
    comments = docx.Document(annotated).comments
    assert [c.text for c in comments] and "再接再厉" in list(comments)[0].text


def test_an_upload_over_the_limit_gets_a_clear_message(page, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("各单位要认真落实。" * 20_000, encoding="utf-8")
    from playwright.sync_api import expect

    page.set_input_files("#file", str(big))
    expect(page.locator("#status")).to_contain_text("超过")
    assert "文件超过服务允许的大小" in page.inner_text("#status")


def test_a_script_in_the_draft_is_text_and_never_runs(page, server):
    import httpx

    hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">依据中华人民共合国有关法律'
    _check(page, hostile)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#view img, #view script, #list img, #list script").count() == 0
    assert "<script>window.__pwned = 1</script>" in page.inner_text("#view")
    assert page.locator("#view mark").all_inner_texts() == ["中华人民共合国"]
    answer = httpx.get(server + "/")
    assert answer.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY and "script-src 'self'" in CONTENT_SECURITY_POLICY
    assert "<script>" not in answer.text.replace('<script src="/static/editor.js" defer></script>', "")
