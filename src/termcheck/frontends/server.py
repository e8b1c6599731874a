"""HTTP API for CMS plugins: ``POST /v1/check``, ``GET /healthz``, OpenAPI docs at ``/docs``.

One ``Checker`` is built when the app starts and shared by every request (it is thread-safe;
checks run in the server's thread pool, not on the event loop). Request bodies are limited
before any parsing: a request whose Content-Length or streamed body exceeds the limit gets a
413 JSON error and is never read further. Run it with ``termcheck serve`` or, for several
worker processes, ``uvicorn --factory termcheck.frontends.server:create_app --workers 4`` (settings then
come from termcheck.toml in the working directory and ``TERMCHECK_MAX_BODY_BYTES``).

Lexicons reload on ``POST /v1/reload`` or SIGHUP: a new ``Checker`` is built in full beside the
serving one and only then swapped in by one assignment, so a request runs on the old checker or
the new one, never on a mix, and none is dropped. If the new lexicons do not load, the old
checker keeps serving and the error is answered and logged.
"""

from __future__ import annotations

import asyncio
import datetime as _dt
import json
import logging
import os
import signal
import time
from collections.abc import Callable
from contextlib import asynccontextmanager
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, StrictStr, field_validator

from .. import __version__
from ..errors import InputError, TermcheckError, one_line
from ..report import RENDERERS, get_renderer

DEFAULT_MAX_BODY_BYTES = 1_000_000
# uvicorn configures this logger, so reload lines land in the server's log with its own.
log = logging.getLogger("uvicorn.error")
REQUEST_PATH = "<request>"


class CheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: StrictStr = Field(description="The draft to check, as plain text or Markdown.")
    as_of: _dt.date | None = Field(
        default=None, description="Check titles and wording as of this date (YYYY-MM-DD); default: the document's own date, else today."
    )
    format: StrictStr = Field(default="json", description="Output format: json, or any other renderer termcheck has.")

    @field_validator("as_of", mode="before")
    @classmethod
    def _iso_date(cls, value):
        if value is None:
            return None
        if not isinstance(value, str):
            raise ValueError("as_of must be a string in YYYY-MM-DD form")
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a date in YYYY-MM-DD form") from None

    @field_validator("format")
    @classmethod
    def _known_format(cls, value):
        if value not in RENDERERS:
            raise ValueError(f"unknown format {value!r}")
        return value


class BodyLimit:
    """Pure ASGI middleware: refuse bodies over ``limit`` bytes before the app parses them."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.limit
            except ValueError:
                await _send_json(send, 400, {"error": "invalid Content-Length header"})
                return
            if too_big:
                await self._refuse(send)
                return
        # Without a trustworthy length (chunked upload), read at most limit + 1 bytes first.
        messages = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.limit:
                await self._refuse(send)
                return
            if not message.get("more_body", False):
                break

        async def replay():
            if messages:
                return messages.pop(0)
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send):
        # The rest of the body stays unread, so the connection cannot carry another request:
        # saying so keeps a client from reusing it just as the server closes it.
        error = {"error": f"request body larger than {self.limit} bytes", "limit": self.limit}
        await _send_json(send, 413, error, close=True)


async def _send_json(send, status: int, payload: dict, close: bool = False) -> None:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _describe(errors) -> str:
    parts = []
    for error in errors:
        if error.get("type") == "json_invalid":
            parts.append("body: not valid JSON")
            continue
        loc = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "body"
        message = error.get("msg", "invalid")
        if message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        parts.append(f"{loc}: {message}")
    return "; ".join(parts)


def create_app(
    checker=None,
    *,
    max_body_bytes: int | None = None,
    default_as_of: _dt.date | None = None,
    rebuild: Callable[[], tuple[object, _dt.date | None]] | None = None,
) -> FastAPI:
    """The ASGI app; without a checker, one is built at startup from the working directory's config.

    ``rebuild`` makes a fresh ``(checker, default as_of)`` for a reload; by default the factory
    reads the configuration again, and a given checker re-reads the lexicon files it was built from.
    """
    limit = max_body_bytes or int(os.environ.get("TERMCHECK_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES))
    app = FastAPI(
        title="termcheck",
        version=__version__,
        description="Proofread Chinese government web content before it is published.",
        lifespan=_lifespan,
    )
    app.state.checker = checker
    app.state.default_as_of = default_as_of
    app.state.given_as_of = default_as_of
    app.state.max_body_bytes = limit
    app.state.rebuild = rebuild or (_configured_checker if checker is None else _same_sources(checker, default_as_of))
    app.state.reload_lock = asyncio.Lock()
    app.state.generation = 1
    app.add_middleware(BodyLimit, limit=limit)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    _add_routes(app)
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI):
    if getattr(app.state, "checker", None) is None:
        app.state.checker, configured_as_of = _configured_checker()
        app.state.default_as_of = app.state.default_as_of or configured_as_of
    hangup = _on_sighup(app)
    yield
    if hangup:
        asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)


async def _invalid_request(request: Request, exc: RequestValidationError):
    errors = exc.errors()
    detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in errors]
    return JSONResponse(status_code=422, content={"error": _describe(errors), "detail": detail})


def _add_routes(app: FastAPI) -> None:
    @app.get("/healthz", summary="Liveness and readiness")
    def healthz(request: Request) -> dict:
        ready = request.app.state.checker is not None
        return {"status": "ok" if ready else "starting", "version": __version__, "generation": request.app.state.generation}

    @app.post(
        "/v1/reload",
        summary="Reload the lexicons",
        response_description="The lexicons now serving; on 409 the previous ones still serve and `error` says why.",
        responses={409: {"description": "The new lexicons did not load; the previous ones keep serving"}},
    )
    async def reload(request: Request) -> JSONResponse:
        status, payload = await reload_lexicons(request.app, trigger="POST /v1/reload")
        return JSONResponse(status_code=status, content=payload)

    @app.post(
        "/v1/check",
        summary="Check a text",
        response_description="The same JSON document `termcheck check --format json` prints, for one file named <request>.",
        responses={413: {"description": "Body larger than the limit"}, 422: {"description": "Invalid request"}},
    )
    def check(body: CheckRequest, request: Request) -> Response:
        from ..suppress import apply_directives

        checker = request.app.state.checker
        given = body.as_of or request.app.state.default_as_of
        report = checker.check_report(body.text, path=REQUEST_PATH, as_of=given)
        report = report.model_copy(update={"findings": tuple(apply_directives(report.findings, body.text))})
        rendered = get_renderer(body.format)([report])
        return Response(content=rendered, media_type=RENDERERS[body.format].media_type)

    _add_editor_routes(app)


# -- the editor page (docs/editor.md): plain files of the package, no outside origin ----------------

WEB_DIR = Path(__file__).resolve().parents[1] / "web"
_STATIC = {"editor.js": "text/javascript; charset=utf-8", "editor.css": "text/css; charset=utf-8"}
# No inline script or style, nothing from another origin, no plugin, no framing.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
_PAGE_HEADERS = {"Content-Security-Policy": CONTENT_SECURITY_POLICY, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@lru_cache(maxsize=None)
def _web_file(name: str) -> bytes:
    return (WEB_DIR / name).read_bytes()


def _upload_error(message: str) -> JSONResponse:
    return JSONResponse(status_code=422, content={"error": one_line(message)})


def _read_upload(name: str, data: bytes):
    """The text of an uploaded file, read as `termcheck check` reads a file of that name."""
    from ..sources import format_for

    if not data:
        raise InputError(f"{name}: empty file, nothing to check")
    return format_for(name).read(data, name)


def _add_editor_routes(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def editor_page() -> Response:
        return Response(_web_file("editor.html"), media_type="text/html; charset=utf-8", headers=_PAGE_HEADERS)

    @app.get("/static/{name}", include_in_schema=False)
    def editor_static(name: str) -> Response:
        if name not in _STATIC:
            return Response(status_code=404)
        return Response(_web_file(name), media_type=_STATIC[name], headers=_PAGE_HEADERS)

    @app.post(
        "/v1/document",
        summary="Read an uploaded file",
        description="The body is the file's bytes; `name` gives its suffix (.txt, .md, .html, .docx, .pdf).",
        responses={413: {"description": "Body larger than the limit"}, 422: {"description": "Unreadable file"}},
    )
    async def read_document_upload(request: Request, name: str) -> JSONResponse:
        try:
            document = _read_upload(name, await request.body())
        except TermcheckError as exc:
            return _upload_error(str(exc))
        return JSONResponse({"name": name, "kind": document.kind, "text": document.text})

    @app.post(
        "/v1/annotate-docx",
        summary="A copy of an uploaded .docx with a Word comment on each finding",
        responses={413: {"description": "Body larger than the limit"}, 422: {"description": "Not a readable .docx"}},
    )
    async def annotate_upload(request: Request, name: str = "draft.docx", as_of: str | None = None, ignore: str = "") -> Response:
        import tempfile

        from ..edit.annotate_docx import annotate
        from ..models import selector_matches

        data = await request.body()
        try:
            day = _dt.date.fromisoformat(as_of) if as_of else request.app.state.default_as_of
        except ValueError:
            return _upload_error(f"{as_of!r} is not a date in YYYY-MM-DD form")
        ignored = [rule for rule in ignore.split(",") if rule]
        with tempfile.TemporaryDirectory() as folder:
            source, target = Path(folder) / "in.docx", Path(folder) / "out.docx"
            source.write_bytes(data)
            try:
                report = request.app.state.checker.check_file(source, as_of=day)
                findings = [f for f in report.findings if not any(selector_matches(r, f.rule, f.category) for r in ignored)]
                annotate(source, findings, target)
            except TermcheckError as exc:
                return _upload_error(str(exc).replace(str(source), name))
            stem = Path(name).stem or "draft"
            headers = {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(stem)}.annotated.docx"}
            return Response(target.read_bytes(), media_type=DOCX_MEDIA_TYPE, headers=headers)



async def reload_lexicons(app: FastAPI, trigger: str) -> tuple[int, dict]:
    """Build a new checker off the event loop, then swap it in; on failure keep the old one."""
    async with app.state.reload_lock:
        started = time.perf_counter()
        try:
            checker, as_of = await asyncio.to_thread(app.state.rebuild)
        except Exception as exc:  # a broken lexicon or config, whatever its kind: the old checker serves on
            error = str(exc) if isinstance(exc, TermcheckError) else f"{type(exc).__name__}: {exc}"
            error = error.splitlines()[0] if error else type(exc).__name__
            log.error("termcheck: reload (%s) failed, previous lexicons keep serving: %s", trigger, error)
            return 409, {"status": "kept", "generation": app.state.generation, "error": error}
        app.state.checker = checker  # the one swap; requests in flight finish on the checker they took
        app.state.default_as_of = app.state.given_as_of or as_of
        app.state.generation += 1
        lexicons = checker.compiled.lexicons
        payload = {
            "status": "reloaded",
            "generation": app.state.generation,
            "lexicons": len(lexicons),
            "entries": sum(entry["entries"] for entry in lexicons),
            "seconds": round(time.perf_counter() - started, 3),
        }
        log.info("termcheck: reload (%s): %d lexicons, %d entries, generation %d", trigger,
                 payload["lexicons"], payload["entries"], payload["generation"])
        return 200, payload


def _on_sighup(app: FastAPI) -> bool:
    """Reload on SIGHUP where the platform and the running loop allow a handler."""
    if not hasattr(signal, "SIGHUP"):
        return False
    loop = asyncio.get_running_loop()
    running: set[asyncio.Task] = set()  # the loop keeps only weak references to its tasks

    def hangup() -> None:
        task = loop.create_task(reload_lexicons(app, trigger="SIGHUP"))
        running.add(task)
        task.add_done_callback(running.discard)

    try:
        loop.add_signal_handler(signal.SIGHUP, hangup)
    except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no signals here
        return False
    return True


def _same_sources(checker, default_as_of: _dt.date | None):
    """A rebuild that reads the same lexicon files again and keeps every other setting of ``checker``."""

    def rebuild():
        import copy

        from ..engine import Checker

        lexicons = checker.compiled.lexicons
        fresh = Checker(
            lexicons=[entry["path"] for entry in lexicons if not entry["bundled"]],
            bundled=any(entry["bundled"] for entry in lexicons),
            matcher=checker.compiled.automaton.backend,
        )
        new = copy.copy(checker)
        new.compiled = fresh.compiled
        return new, default_as_of

    return rebuild


def _configured_checker():
    from ..config import resolve_config
    from ..engine import Checker

    config = resolve_config()
    return Checker.from_config(config), config.as_of


def serve(
    checker,
    *,
    host: str = "127.0.0.1",
    port: int = 8080,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    default_as_of: _dt.date | None = None,
    rebuild: Callable[[], tuple[object, _dt.date | None]] | None = None,
) -> None:
    """Run the API with uvicorn in this process until interrupted."""
    import uvicorn

    app = create_app(checker, max_body_bytes=max_body_bytes, default_as_of=default_as_of, rebuild=rebuild)
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=True, server_header=False)
