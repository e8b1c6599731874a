"""Polite HTTP fetching for the site scan: GET only, one host's requests spaced, bounded in size and time.

httpx gives connection pooling and timeouts. Redirects are followed here, not by httpx, so
that each hop is checked against the hosts being scanned and a loop is named as one. A 5xx
answer or a timeout is retried with exponential back-off; a 4xx is final. A body is read in
pieces and abandoned past ``max_bytes``, and a server that drips its answer is abandoned when
the whole request has taken ``deadline`` seconds, whatever the per-read timeout says.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

USER_AGENT = "termcheck-scan (+https://github.com/; read-only proofreading of government sites)"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


class FetchError(Exception):
    """A URL that cannot be had; its message is one line for the report."""


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 when the page is unchanged since the validators given
    content: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


class Fetcher:
    def __init__(
        self,
        *,
        hosts: set[str],
        delay: float = 1.0,
        per_host: int = 2,
        timeout: float = 10.0,
        deadline: float = 60.0,
        retries: int = 3,
        backoff: float = 1.0,
        max_bytes: int = 10 * 1024 * 1024,
        max_redirects: int = 5,
        sleep: Callable[[float], None] = time.sleep,
    ):
        import httpx

        self.hosts = {h.lower() for h in hosts}
        self.delay, self.retries, self.backoff = delay, retries, backoff
        self.deadline, self.max_bytes, self.max_redirects = deadline, max_bytes, max_redirects
        self.sleep = sleep
        self._httpx = httpx
        limits = httpx.Limits(max_connections=max(4, per_host * 4), max_keepalive_connections=max(2, per_host * 2))
        self.client = httpx.Client(
            timeout=httpx.Timeout(timeout), limits=limits, headers={"User-Agent": USER_AGENT}, follow_redirects=False
        )
        self._lock = threading.Lock()
        self._next_start: dict[str, float] = {}
        self._slots: dict[str, threading.Semaphore] = {}
        self._per_host = per_host

    def close(self) -> None:
        self.client.close()

    def _wait_turn(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_start.get(host, now))
            self._next_start[host] = start + self.delay
        if start > now:
            self.sleep(start - now)

    def _slot(self, host: str) -> threading.Semaphore:
        with self._lock:
            return self._slots.setdefault(host, threading.Semaphore(self._per_host))

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        seen = [url]
        current = url
        for _ in range(self.max_redirects + 1):
            response = self._get_with_retries(current, etag, last_modified)
            if isinstance(response, Response):
                return response
            target = urljoin(current, response)
            if host_of(target) not in self.hosts:
                raise FetchError(f"redirected off the site, to {target}")
            if target in seen:
                raise FetchError(f"redirect loop ({' -> '.join([*seen, target])})")
            seen.append(target)
            current = target
        raise FetchError(f"more than {self.max_redirects} redirects")

    def _get_with_retries(self, url: str, etag, last_modified) -> Response | str:
        """The response, or the Location of a redirect."""
        httpx = self._httpx
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        host = host_of(url)
        problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            with self._slot(host):
                self._wait_turn(host)
                try:
                    result = self._request(url, headers)
                except httpx.TimeoutException:
                    problem = "timed out"
                    continue
                except httpx.TransportError as exc:
                    problem = f"cannot connect ({type(exc).__name__})"
                    continue
            if isinstance(result, (Response, str)):
                return result
            problem = f"HTTP {result}"  # a 5xx, worth another try
        raise FetchError(f"{problem} after {self.retries + 1} attempts")

    def _request(self, url: str, headers: dict[str, str]) -> Response | str | int:
        started = time.monotonic()
        with self.client.stream("GET", url, headers=headers) as answer:
            status = answer.status_code
            if status in _REDIRECTS and answer.headers.get("location"):
                return answer.headers["location"]
            if status >= 500:
                return status
            if status == 304:
                return Response(url, 304, etag=answer.headers.get("etag"), last_modified=answer.headers.get("last-modified"))
            if status >= 400:
                raise FetchError(f"HTTP {status}")
            too_large = FetchError(f"larger than the page limit ({_size(self.max_bytes)}), not checked")
            declared = answer.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.max_bytes:
                raise too_large
            body = bytearray()
            for piece in answer.iter_bytes():
                body += piece
                if len(body) > self.max_bytes:
                    raise too_large
                if time.monotonic() - started > self.deadline:
                    raise FetchError(f"too slow: still sending after {self.deadline:g} s, not checked")
            return Response(
                str(answer.url),
                status,
                bytes(body),
                answer.headers.get("content-type", ""),
                answer.headers.get("etag"),
                answer.headers.get("last-modified"),
            )


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit % (1024 * 1024) == 0 else f"{limit:,} bytes"
