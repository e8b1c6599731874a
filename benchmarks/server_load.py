"""Concurrent load on the real HTTP server: latency, throughput, status codes, memory.

    python benchmarks/server_load.py [--clients 50] [--requests 5000]

Starts ``uvicorn --factory termcheck.frontends.server:create_app`` on a free loopback port (one process,
no access log, body limit 64 KB), warms it up, then sends the requests from ``clients``
concurrent connections. The mix (``MIX``): short notices, 1 KB and 6 KB reports, bodies over
the limit (413) and malformed requests (422). ``run()`` returns the figures; tests/test_server.py uses
the same functions to assert zero 5xx, correct 413/422 and stable memory.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

MAX_BODY_BYTES = 65_536
NOTICE = "关于做好政府信息公开工作的通知\n截止目前，各单位要再接再励，确保工作落到实处。\n"
# About 1,000 characters of a county work report: ordinary prose, two typos.
REPORT = """某某县人民政府2024年工作报告（摘要）
过去一年，全县上下坚持稳中求进工作总基调，经济运行总体平稳，民生保障持续改善。
全年地区生产总值增长百分之五点八，一般公共预算收入增长百分之六点二，城乡居民人均可支配收入分别增长百分之五点一和百分之七点三。
我们着力扩大有效投资，新开工重点项目四十二个，完成投资一百二十六亿元；着力优化营商环境，新增市场主体五千三百余户，政务服务事项全部实现网上可办。
我们坚持把保障和改善民生作为工作的出发点和落脚点，新增城镇就业三千六百人，改造老旧小区十八个，新建幼儿园四所，县人民医院新院区投入使用。
我们持续推进政务公开，主动公开政府信息一千二百余条，办理依申请公开事项八十六件，全部按期答复。
同时也要清醒看到，经济回升的基础还不牢固，部分企业生产经营困难，公共服务还有不少短板。对此，我们将采取有力措施认真加以解决。
今年工作的总体要求是：坚持以人民为中心的发展思想，完整、准确、全面贯彻新发展理念，统筹发展和安全，扎实推进高质量发展。
截止目前，各项重点工作已全面部署。各部门要再接再励，确保全年目标任务圆满完成。
"""


def _body(text: str, **extra) -> bytes:
    return json.dumps({"text": text, **extra}, ensure_ascii=False).encode("utf-8")


# (kind, body, expected status); taken round-robin, so every run has the same mix:
# per 20 requests 9 small, 4 of 1 KB, 1 of 6 KB, 2 over the limit, 4 malformed.
MIX: list[tuple[str, bytes, int]] = [
    ("small", _body(NOTICE), 200),
    ("1 KB", _body(REPORT), 200),
    ("small", _body("截止目前，全市已主动公开政府信息1200余条。", as_of="2024-06-01"), 200),
    ("malformed", '{"text": "截止目前'.encode(), 422),
    ("small", _body(NOTICE, format="jsonl"), 200),
    ("oversized", _body(REPORT * 50), 413),
    ("small", _body("各单位要认真贯彻落实会议精神。"), 200),
    ("1 KB", _body(REPORT, as_of="2024-12-31"), 200),
    ("malformed", _body(NOTICE, as_of="2024-13-40"), 422),
    ("small", _body("深入学习习近乎同志重要讲话精神。"), 200),
    ("6 KB", _body(REPORT * 6), 200),
    ("small", _body("《中华人民共合国政府信息公开条例》规定。"), 200),
    ("malformed", json.dumps({"text": 42}).encode(), 422),
    ("1 KB", _body(REPORT, format="sarif"), 200),
    ("small", _body(NOTICE + "termcheck: ignore"), 200),
    ("oversized", _body("政" * 70_000), 413),
    ("small", _body("请于2024年6月30日前报送。"), 200),
    ("malformed", _body(NOTICE, colour="red"), 422),
    ("1 KB", _body(REPORT, format="text"), 200),
    ("small", _body("联系电话：0000-1234567。"), 200),
]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(base: str, process: subprocess.Popen, log: Path, timeout: float = 180) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text(errors='replace')[-2000:]}")
        with contextlib.suppress(httpx.TransportError):
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        if time.monotonic() > deadline:
            raise RuntimeError("server did not start in time")
        time.sleep(0.3)


@contextlib.contextmanager
def running_server(workdir: Path, *, max_body_bytes: int = MAX_BODY_BYTES, command: list[str] | None = None):
    """A server process on loopback; yields ``(base_url, process, log_path)``; stopped on exit."""
    port = free_port()
    command = command or [
        sys.executable, "-m", "uvicorn", "--factory", "termcheck.frontends.server:create_app",
        "--host", "127.0.0.1", "--port", "{port}", "--no-access-log", "--log-level", "info",
    ]
    command = [part.replace("{port}", str(port)) for part in command]
    env = {**os.environ, "TERMCHECK_MAX_BODY_BYTES": str(max_body_bytes)}
    log = workdir / "server.log"
    with open(log, "wb") as out:  # a file, not a pipe: a full pipe would stall the server
        process = subprocess.Popen(command, cwd=workdir, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base, process, log)
        yield base, process, log
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def rss_bytes(pid: int) -> int:
    import psutil

    return psutil.Process(pid).memory_info().rss


async def _load(base: str, clients: int, requests: int) -> dict:
    import httpx

    statuses: Counter = Counter()
    wrong: list[str] = []
    latencies: list[float] = []
    errors: Counter = Counter()
    next_index = iter(range(requests))

    async def client(http: httpx.AsyncClient) -> None:
        for i in next_index:
            kind, body, expected = MIX[i % len(MIX)]
            started = time.perf_counter()
            try:
                response = await http.post(f"{base}/v1/check", content=body, headers={"content-type": "application/json"})
            except httpx.TransportError as exc:
                errors[type(exc).__name__] += 1
                continue
            latencies.append(time.perf_counter() - started)
            statuses[response.status_code] += 1
            if response.status_code != expected and len(wrong) < 10:
                wrong.append(f"{kind}: {response.status_code} (expected {expected}) {response.text[:200]}")

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    started = time.perf_counter()
    async with httpx.AsyncClient(limits=limits, timeout=120) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "clients": clients,
        "requests": requests,
        "seconds": round(elapsed, 2),
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
        "p99_ms": round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000, 1) if latencies else None,
        "status": dict(sorted(statuses.items())),
        "unexpected": wrong,
        "transport_errors": dict(errors),
    }


def send_load(base: str, clients: int = 50, requests: int = 5000) -> dict:
    return asyncio.run(_load(base, clients, requests))


def load_with_memory(base: str, pid: int, clients: int, requests: int, warmup: int) -> dict:
    """Warm up, note the server's RSS, send the load, note it again."""
    send_load(base, clients, warmup)
    rss_warm = rss_bytes(pid)
    figures = send_load(base, clients, requests)
    figures["rss_after_warmup_mb"] = round(rss_warm / 2**20, 1)
    figures["rss_after_load_mb"] = round(rss_bytes(pid) / 2**20, 1)
    return figures


def run(clients: int = 50, requests: int = 5000) -> dict:
    """Start a server, load it, stop it; print and return the figures."""
    with tempfile.TemporaryDirectory() as folder, running_server(Path(folder)) as (base, process, _):
        figures = load_with_memory(base, process.pid, clients, requests, warmup=max(200, requests // 10))
    print(
        f"server load: {figures['clients']} clients, {figures['requests']} requests in {figures['seconds']} s "
        f"({figures['rps']} req/s); p50 {figures['p50_ms']} ms, p99 {figures['p99_ms']} ms; status {figures['status']}; "
        f"RSS {figures['rss_after_warmup_mb']} MB after warm-up, {figures['rss_after_load_mb']} MB after load"
    )
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=5000)
    args = parser.parse_args()
    figures = run(args.clients, args.requests)
    return 0 if not figures["unexpected"] and not figures["transport_errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
