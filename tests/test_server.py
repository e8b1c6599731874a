import json
import os
import socket
import subprocess
import sys
import time

import httpx
import pytest
from fastapi.testclient import TestClient

from termcheck.report.json import render
from termcheck.server import REQUEST_PATH, create_app

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
    assert report["path"] == REQUEST_PATH and report["as_of"] == "2024-06-01" and report["as_of_source"] == "given"
    assert [(f["text"], f["suggestions"]) for f in report["findings"]] == [("截止目前", ["截至目前"]), ("再接再励", ["再接再厉"])]
    for f in report["findings"]:
        assert NOTICE[f["start"] : f["end"]] == f["text"]
    expected = FileReport(
        path=REQUEST_PATH, as_of=dt.date(2024, 6, 1), as_of_source="given",
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
        [sys.executable, "-m", "termcheck.cli", "serve", "--host", "127.0.0.1", "--port", str(port), "--max-body-bytes", "20000"],
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
    """`uvicorn --factory termcheck.server:create_app`: the checker comes from the config at startup."""
    import datetime as dt

    from termcheck import server

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
