import json
import os
import socket
import subprocess
import sys
import time
from collections import Counter

import httpx
import pytest
from fastapi.testclient import TestClient

from termcheck.report.json import render
from termcheck.frontends.server import REQUEST_PATH, create_app

NOTICE = "关于做好2024年度政府信息公开工作的通知\n截止目前，各单位要再接再励，确保工作落到实处。\n"


@pytest.fixture(scope="module")
def client(core_checker):
    with TestClient(create_app(core_checker, max_body_bytes=4096)) as client:
        yield client


def test_check_returns_the_cli_json_document(client, core_checker):
    import datetime as dt

    from termcheck.models import FileReport

    response = client.post("/v1/check", json={"text": NOTICE, "as_of": "2024-06-01"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    document = response.json()
    assert document["schema_version"] == "1"
    (report,) = document["files"]
    assert report["path"] == REQUEST_PATH and report["as_of"] == "2024-06-01" and report["as_of_source"] == "option"
    assert [(f["text"], f["suggestions"]) for f in report["findings"]] == [("截止目前", ["截至目前"]), ("再接再励", ["再接再厉"])]
    for f in report["findings"]:
        assert NOTICE[f["start"] : f["end"]] == f["text"]
    expected = FileReport(
        path=REQUEST_PATH, as_of=dt.date(2024, 6, 1), as_of_source="option",
        findings=tuple(core_checker.check(NOTICE, as_of=dt.date(2024, 6, 1))),
    )
    assert response.text == render([expected])


def test_clean_text_and_directives(client):
    response = client.post("/v1/check", json={"text": "各单位要认真贯彻落实会议精神。"})
    assert response.status_code == 200 and response.json()["files"][0]["findings"] == []
    response = client.post("/v1/check", json={"text": "截止目前，工作进展顺利。 termcheck: ignore"})
    assert response.json()["files"][0]["findings"] == []


def test_other_existing_format(client):
    response = client.post("/v1/check", json={"text": NOTICE, "as_of": "2024-06-01", "format": "jsonl"})
    assert response.status_code == 200
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert [line["text"] for line in lines] == ["截止目前", "再接再励"]


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({}, "text: Field required"),
        ({"text": 42}, "text:"),
        ({"text": "截止目前", "as_of": "2024-13-40"}, "as_of: '2024-13-40' is not a date"),
        ({"text": "截止目前", "as_of": 20240101}, "as_of:"),
        ({"text": "截止目前", "format": "pdf"}, "format: unknown format 'pdf'"),
        ({"text": "截止目前", "colour": "red"}, "colour:"),
    ],
)
def test_bad_input_is_a_clear_422(client, body, where):
    response = client.post("/v1/check", json=body)
    assert response.status_code == 422
    assert where in response.json()["error"]


def test_malformed_json_is_422(client):
    response = client.post("/v1/check", content=b'{"text": ', headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["error"] == "body: not valid JSON"


def test_body_over_the_limit_is_413_by_length_and_by_stream(client):
    big = json.dumps({"text": "截止目前" * 2000}, ensure_ascii=False).encode()
    response = client.post("/v1/check", content=big, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json() == {"error": "request body larger than 4096 bytes", "limit": 4096}
    assert response.headers["connection"] == "close"  # the unread body makes the connection unusable

    def chunks():  # no Content-Length: the middleware counts what it reads
        for _ in range(10):
            yield b" " * 1000

    response = client.post("/v1/check", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    # just under the limit is fine
    small = json.dumps({"text": "截止目前" + " " * 3900}).encode()
    assert len(small) < 4096
    assert client.post("/v1/check", content=small, headers={"content-type": "application/json"}).status_code == 200


def test_health_and_docs(client):
    assert client.get("/healthz").json()["status"] == "ok"
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    assert "/v1/check" in spec["paths"] and "/healthz" in spec["paths"]


def test_one_checker_shared_across_requests(core_checker):
    app = create_app(core_checker)
    with TestClient(app) as client:
        for _ in range(3):
            client.post("/v1/check", json={"text": NOTICE})
        assert app.state.checker is core_checker


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_real_server_on_loopback(tmp_path):
    port = _free_port()
    # the server reads its config from the working directory: keep it to the test's folder
    (tmp_path / "termcheck.toml").write_text("as-of = 2024-06-01\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "termcheck.frontends.cli", "serve", "--host", "127.0.0.1", "--port", str(port), "--max-body-bytes", "20000"],
        cwd=tmp_path,
        env=os.environ.copy(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, process.stdout.read().decode(errors="replace")
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "server did not start in time"
            time.sleep(0.3)
        response = httpx.post(f"{base}/v1/check", json={"text": NOTICE}, timeout=30)
        assert response.status_code == 200
        (report,) = response.json()["files"]
        assert report["as_of"] == "2024-06-01"  # default as-of from the config
        assert {"截止目前", "再接再励"} <= {f["text"] for f in report["findings"]}
        too_big = httpx.post(f"{base}/v1/check", json={"text": "截" * 30000}, timeout=30)
        assert too_big.status_code == 413
        assert "server" not in {k.lower() for k in response.headers}
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
    assert process.returncode is not None


def test_factory_builds_the_checker_at_startup(core_checker, monkeypatch):
    """`uvicorn --factory termcheck.frontends.server:create_app`: the checker comes from the config at startup."""
    import datetime as dt

    from termcheck.frontends import server

    built = []
    monkeypatch.setattr(server, "_configured_checker", lambda: built.append(1) or (core_checker, dt.date(2023, 3, 1)))
    monkeypatch.setenv("TERMCHECK_MAX_BODY_BYTES", "100")
    app = create_app()
    assert app.state.checker is None and built == []
    with TestClient(app) as client:
        assert built == [1]
        report = client.post("/v1/check", json={"text": "截止目前"}).json()["files"][0]
        assert report["as_of"] == "2023-03-01" and report["findings"][0]["suggestions"] == ["截至目前"]
        assert client.post("/v1/check", json={"text": "截" * 100}).status_code == 413


# -- lexicon reload -------------------------------------------------------------------------------

CITY_HEADER = "lexicon: city\ncategory: typo\nsource: 某某市政务公开办公室\nentries:\n"
CITY_ONE = CITY_HEADER + "  - {id: CITY-0001, kind: substitution, wrong: 某某市政府办工室, right: 某某市政府办公室}\n"
CITY_TWO = CITY_ONE + "  - {id: CITY-0002, kind: substitution, wrong: 政务公开专栏目, right: 政务公开专栏}\n"
CITY_BROKEN = CITY_ONE + "  - {id: CITY-0003, kind: substitution, wrong: 信息公开指南目}\n"
DRAFT = "请各单位登录政务公开专栏目，向某某市政府办工室报送材料。"


def _flagged(response) -> list[str]:
    return [f["rule"] for f in response.json()["files"][0]["findings"]]


def test_reload_swaps_in_edited_lexicons_and_keeps_the_old_on_error(tmp_path, caplog):
    import logging

    from termcheck import Checker

    city = tmp_path / "city.yaml"
    city.write_text(CITY_ONE, encoding="utf-8")
    checker = Checker([city], bundled=False, ignore=["typography"])
    app = create_app(checker)
    with TestClient(app) as client:
        assert _flagged(client.post("/v1/check", json={"text": DRAFT})) == ["CITY-0001"]
        city.write_text(CITY_TWO, encoding="utf-8")
        response = client.post("/v1/reload")
        assert response.status_code == 200, response.text
        assert response.json()["status"] == "reloaded" and response.json()["generation"] == 2
        assert response.json()["entries"] == 2
        assert _flagged(client.post("/v1/check", json={"text": DRAFT})) == ["CITY-0002", "CITY-0001"]
        assert app.state.checker.ignore == ("typography",)  # settings carried over, only lexicons re-read

        city.write_text(CITY_BROKEN, encoding="utf-8")
        serving = app.state.checker
        with caplog.at_level(logging.INFO, logger="uvicorn.error"):
            response = client.post("/v1/reload")
        assert response.status_code == 409
        error = response.json()["error"]
        assert response.json()["status"] == "kept" and response.json()["generation"] == 2
        assert str(city) in error and "entry CITY-0003" in error and "'right'" in error, error
        assert app.state.checker is serving
        assert _flagged(client.post("/v1/check", json={"text": DRAFT})) == ["CITY-0002", "CITY-0001"]
        assert client.get("/healthz").json()["generation"] == 2
    logged = [r.getMessage() for r in caplog.records if "reload" in r.getMessage()]
    assert any("failed, previous lexicons keep serving" in line and str(city) in line for line in logged), logged


def test_reload_in_factory_mode_reads_the_config_again(tmp_path, monkeypatch):
    city = tmp_path / "city.yaml"
    city.write_text(CITY_ONE, encoding="utf-8")
    config = tmp_path / "termcheck.toml"
    config.write_text('lexicons = ["city.yaml"]\nselect = ["CITY"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    app = create_app()
    with TestClient(app) as client:
        assert _flagged(client.post("/v1/check", json={"text": DRAFT})) == ["CITY-0001"]
        (tmp_path / "more.yaml").write_text(CITY_HEADER.replace("city", "more") + "  - {id: MORE-0001, kind: substitution, wrong: 政务公开专栏目, right: 政务公开专栏}\n", encoding="utf-8")
        config.write_text('lexicons = ["city.yaml", "more.yaml"]\nselect = ["CITY", "MORE"]\n', encoding="utf-8")
        assert client.post("/v1/reload").status_code == 200
        assert _flagged(client.post("/v1/check", json={"text": DRAFT})) == ["MORE-0001", "CITY-0001"]
        config.write_text('lexicons = ["missing.yaml"]\n', encoding="utf-8")
        response = client.post("/v1/reload")
        assert response.status_code == 409 and "missing.yaml" in response.json()["error"]
        assert _flagged(client.post("/v1/check", json={"text": DRAFT})) == ["MORE-0001", "CITY-0001"]


# -- the real server under load, and reloads while it serves ---------------------------------------

def _load_module():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "server_load.py"
    spec = importlib.util.spec_from_file_location("server_load", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    load = _load_module()
    folder = tmp_path_factory.mktemp("live")
    (folder / "city.yaml").write_text(CITY_ONE, encoding="utf-8")
    (folder / "termcheck.toml").write_text('lexicons = ["city.yaml"]\n', encoding="utf-8")
    with load.running_server(folder) as (base, process, log):
        yield load, base, process, log, folder


def test_real_server_holds_concurrent_load_with_stable_memory(live_server):
    load, base, process, _, _ = live_server
    figures = load.load_with_memory(base, process.pid, clients=50, requests=5000, warmup=500)
    assert figures["transport_errors"] == {} and figures["unexpected"] == [], figures
    status = figures["status"]
    assert not [code for code in status if code >= 500], figures
    expected = Counter(code for _, _, code in load.MIX)
    per_round = len(load.MIX)
    assert status == {code: count * 5000 // per_round for code, count in expected.items()}, figures
    assert status[413] >= 250 and status[422] >= 500
    growth = figures["rss_after_load_mb"] - figures["rss_after_warmup_mb"]
    assert growth < 64, figures  # the same 5,000 requests again leave memory where warm-up put it


def test_reloads_under_load_drop_no_request(live_server):
    import signal
    import threading

    load, base, process, log, folder = live_server
    generation = httpx.get(f"{base}/healthz").json()["generation"]
    result = {}
    sender = threading.Thread(target=lambda: result.update(load.send_load(base, 20, 1500)))
    sender.start()
    time.sleep(0.5)
    (folder / "city.yaml").write_text(CITY_TWO, encoding="utf-8")
    assert httpx.post(f"{base}/v1/reload", timeout=120).status_code == 200
    process.send_signal(signal.SIGHUP)
    sender.join(timeout=120)
    assert result["transport_errors"] == {} and result["unexpected"] == [], result
    assert sum(result["status"].values()) == 1500
    deadline = time.monotonic() + 60
    while httpx.get(f"{base}/healthz").json()["generation"] < generation + 2:
        assert time.monotonic() < deadline, log.read_text(errors="replace")[-2000:]
        time.sleep(0.2)
    text = "请登录政务公开专栏目查询。"
    flagged = httpx.post(f"{base}/v1/check", json={"text": text}).json()["files"][0]["findings"]
    assert "CITY-0002" in [f["rule"] for f in flagged]
    assert "reload (SIGHUP): " in log.read_text(errors="replace")


def test_broken_lexicon_on_sighup_keeps_the_old_one_serving(live_server):
    import signal

    _, base, process, log, folder = live_server
    generation = httpx.get(f"{base}/healthz").json()["generation"]
    (folder / "city.yaml").write_text(CITY_BROKEN, encoding="utf-8")
    process.send_signal(signal.SIGHUP)
    deadline = time.monotonic() + 60
    while "reload (SIGHUP) failed" not in log.read_text(errors="replace"):
        assert time.monotonic() < deadline, log.read_text(errors="replace")[-2000:]
        time.sleep(0.2)
    line = [l for l in log.read_text(errors="replace").splitlines() if "reload (SIGHUP) failed" in l][-1]
    assert "city.yaml" in line and "entry CITY-0003" in line, line
    assert httpx.get(f"{base}/healthz").json()["generation"] == generation
    response = httpx.post(f"{base}/v1/check", json={"text": "向某某市政府办工室报送。"})
    assert response.status_code == 200 and "CITY-0001" in [f["rule"] for f in response.json()["files"][0]["findings"]]
    assert process.poll() is None


def test_serve_reload_reads_the_config_file_and_its_lexicons_again(tmp_path, monkeypatch):
    from termcheck.frontends.cli import _config_rebuild
    from termcheck.errors import TermcheckError

    monkeypatch.chdir(tmp_path)
    city = tmp_path / "city.yaml"
    city.write_text(
        "lexicon: city\ncategory: typo\nsource: 市政府办公室\nentries:\n"
        "  - {id: CITY-0001, kind: substitution, wrong: 政务服务中新, right: 政务服务中心}\n",
        encoding="utf-8",
    )
    (tmp_path / "termcheck.toml").write_text('as-of = 2025-01-01\n', encoding="utf-8")
    rebuild = _config_rebuild(None, ())
    checker, as_of = rebuild()
    text = "请到市政务服务中新办理。"
    assert as_of.isoformat() == "2025-01-01" and "CITY-0001" not in {f.rule for f in checker.check(text)}
    (tmp_path / "termcheck.toml").write_text('as-of = 2025-06-01\nlexicons = ["city.yaml"]\n', encoding="utf-8")
    checker, as_of = rebuild()
    assert as_of.isoformat() == "2025-06-01" and "CITY-0001" in {f.rule for f in checker.check(text)}
    city.write_text("lexicon: city\ncategory: typo\nentries:\n  - {id: CITY-0001, kind: substitution}\n", encoding="utf-8")
    with pytest.raises(TermcheckError, match="city.yaml"):
        rebuild()  # raised, so the server answers 409 and keeps the old checker
