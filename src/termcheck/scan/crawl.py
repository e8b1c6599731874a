"""The site scan: fetch every page of the given hosts, check its main text, remember what changed.

Order is the queue's (breadth first, in the order links were found), and every page is stored
before the next is looked at, so a run killed and resumed ends exactly as an uninterrupted one.
Pages are fetched a batch at a time by a few threads (the `Fetcher` spaces one host's requests);
they are checked one by one in queue order on the calling thread.

Main text: a line of a page's text (a menu, a footer, a sidebar) that an earlier page of the
site already had is blanked before the check, so navigation repeated on 10,000 pages is checked
once, on the first page that has it. Blanking keeps every offset, so findings still map to the
page's HTML source.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import re
import urllib.robotparser
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from ..errors import InputError
from ..models import FileReport
from .fetch import USER_AGENT, Fetcher, FetchError, Response, host_of
from .page import page_from_bytes
from .sitemap import SitemapError, parse_sitemap
from .state import Known, Queued, State, finding_key

ATTACHMENT_SUFFIXES = (".docx", ".pdf")
_NOT_PAGES = re.compile(r"\.(?:jpe?g|png|gif|bmp|webp|svg|ico|css|js|mp[34]|avi|mov|wmv|flv|zip|rar|7z|gz|tar|exe|apk|doc|xls|xlsx|ppt|pptx|wps|et|swf)$", re.IGNORECASE)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")
# A repeated line shorter than this is too plain to be worth skipping (一、 二、 ……).
MIN_SHARED_LINE = 6


@dataclass(frozen=True)
class ScanOptions:
    max_pages: int = 10_000
    max_depth: int = 30
    max_per_path: int = 50  # URLs sharing one path that differ only in their query: a calendar
    delay: float = 1.0
    per_host: int = 2
    concurrency: int = 4
    timeout: float = 10.0
    deadline: float = 60.0
    retries: int = 3
    backoff: float = 1.0
    max_bytes: int = 10 * 1024 * 1024
    follow_links: bool = True
    as_of: _dt.date | None = None


@dataclass
class ScanResult:
    run: int
    resumed: bool
    reports: list[FileReport]
    new: list[tuple[str, dict]] = field(default_factory=list)  # (url, finding as JSON)
    fixed: list[tuple[str, dict]] = field(default_factory=list)
    still_open: int = 0
    previous_run: int | None = None
    notes: list[str] = field(default_factory=list)
    pages: dict[str, dict] = field(default_factory=dict)  # url -> title, column, published


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def seed_item(url: str) -> Queued:
    path = urlsplit(url).path.lower()
    kind = "sitemap" if path.endswith((".xml", ".xml.gz")) else "attachment" if path.endswith(ATTACHMENT_SUFFIXES) else "page"
    return Queued(url, 0, kind)


def blank_shared_lines(text: str, owner_of: Callable[[str], str | None], url: str) -> tuple[str, list[str]]:
    """The text with lines another page already had blanked (same length), and this page's own lines."""
    pieces, own = [], []
    for line in text.split("\n"):
        key = line.strip()
        if len(key) >= MIN_SHARED_LINE:
            owner = owner_of(key)
            if owner is not None and owner != url:
                pieces.append(" " * len(line))
                continue
            own.append(key)
        pieces.append(line)
    return "\n".join(pieces), own


class _Robots:
    def __init__(self, fetcher: Fetcher):
        self.fetcher = fetcher
        self.parsers: dict[str, urllib.robotparser.RobotFileParser] = {}
        self.sitemaps: list[str] = []

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self.parsers:
            parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
            try:
                answer = self.fetcher.get(origin + "/robots.txt")
                parser.parse(answer.content.decode("utf-8", "replace").splitlines())
                self.sitemaps.extend(parser.site_maps() or [])
            except FetchError:
                parser.parse([])  # no robots.txt: everything is allowed
            self.parsers[origin] = parser
        return self.parsers[origin].can_fetch(USER_AGENT, url)


class SiteScan:
    def __init__(self, checker, state: State, options: ScanOptions, hosts: set[str], fetcher: Fetcher | None = None):
        self.checker, self.state, self.options = checker, state, options
        self.hosts = hosts
        self.fetcher = fetcher or Fetcher(
            hosts=hosts, delay=options.delay, per_host=options.per_host, timeout=options.timeout,
            deadline=options.deadline, retries=options.retries, backoff=options.backoff, max_bytes=options.max_bytes,
        )
        self.robots = _Robots(self.fetcher)
        # A page unchanged since a check by another checker (new lexicons, other settings) is checked again.
        self.checker_id = checker.fingerprint()
        self.queued: set[str] = set()  # this run's queue, in memory: asked for every link found
        self.per_path: Counter[str] = Counter()
        self._pending_notes: list[str] = []

    # -- the run ----------------------------------------------------------------------
    def run(self, seeds: list[str], on_page: Callable[[FileReport, int, int], None] | None = None) -> ScanResult:
        state = self.state
        items = [seed_item(url) for url in seeds]
        run, resumed = state.start(items, _now())
        for url in state.queued_urls(run):
            self._count(url)
        done = state.done_count(run)
        if not resumed and self.options.follow_links:
            for url in seeds:
                self.robots.allowed(url)  # reads robots.txt, and the sitemaps it names
            sitemaps = [Queued(u, 0, "sitemap") for u in self.robots.sitemaps if host_of(u) in self.hosts and u not in self.queued]
            for queued in sitemaps:
                self._count(queued.url)
            state.enqueue(run, sitemaps)
        batch_size = max(1, self.options.concurrency) * 4
        with ThreadPoolExecutor(max(1, self.options.concurrency)) as pool:
            while True:
                batch = state.pending(run, batch_size)
                if not batch:
                    break
                priors = [self._prior(run, item) for item in batch]
                fetched = pool.map(self._fetch, batch, [_validators(*prior) for prior in priors])
                for item, prior, answer in zip(batch, priors, fetched):
                    report = self._visit(run, item, answer, *prior)
                    done += 1
                    if on_page and report is not None:
                        on_page(report, done, len(self.queued))
        state.finish(run, _now())
        return self._result(run, resumed)

    def _prior(self, run: int, item: Queued) -> tuple[Known | None, FileReport | None]:
        """What an earlier run learnt of this URL, if this checker's verdict on it still holds."""
        if item.kind == "sitemap":
            return None, None
        known = self.state.known(item.url)
        if known is None or known.checker != self.checker_id:
            return known, None  # new lexicons or settings: nothing is taken as already checked
        return known, self.state.last_report(item.url, run)

    def _fetch(self, item: Queued, validators: dict) -> Response | Exception:
        """Runs on a fetching thread: no state here, only the network."""
        try:
            return self.fetcher.get(item.url, **validators)
        except FetchError as exc:
            return exc

    # -- one URL ----------------------------------------------------------------------
    def _visit(
        self, run: int, item: Queued, answer: Response | Exception, known: Known | None, previous: FileReport | None
    ) -> FileReport | None:
        fetched = _now()
        if isinstance(answer, Exception):
            report = self._failed(item.url, f"{item.url}: {answer}")
            self.state.record(run, item, report, fetched=fetched)
            return None if item.kind == "sitemap" else report
        if item.kind == "sitemap":
            found = self._from_sitemap(run, item, answer)
            self.state.record(run, item, self._failed(item.url, None), fetched=fetched, discovered=found, notes=self._take_notes())
            return None
        if answer.not_modified and previous is not None:
            found = self._discovered(run, item, self.state.links(item.url))
            self.state.record(run, item, previous, fetched=fetched, discovered=found, notes=self._take_notes())
            return previous
        digest = hashlib.sha256(answer.content).hexdigest()
        page_row = {"etag": answer.etag, "last_modified": answer.last_modified, "content_hash": digest,
                    "title": "", "column": "", "published": None, "links": None, "checker": self.checker_id}
        try:
            unchanged = previous if known is not None and known.content_hash == digest else None
            report, links, lines, info = self._check(item, answer, unchanged)
        except (InputError, FetchError) as exc:
            report, links, lines, info = self._failed(item.url, str(exc)), [], [], {}
        page_row.update(info)
        found = self._discovered(run, item, links)
        self.state.record(
            run, item, report, fetched=fetched, page=page_row, lines=lines, discovered=found, notes=self._take_notes()
        )
        return report

    def _take_notes(self) -> list[str]:
        notes, self._pending_notes = self._pending_notes, []
        return notes

    def _check(self, item: Queued, answer: Response, unchanged: FileReport | None):
        url = item.url
        path = urlsplit(answer.url).path.lower()
        content_type = answer.content_type.split(";")[0].strip().lower()
        if item.kind == "attachment" or path.endswith(ATTACHMENT_SUFFIXES) or content_type in _ATTACHMENT_TYPES:
            suffix = PurePosixPath(path).suffix
            suffix = suffix if suffix in ATTACHMENT_SUFFIXES else _ATTACHMENT_TYPES.get(content_type, ".pdf")
            return unchanged or self._check_attachment(url, answer.content, suffix), [], [], {}
        if content_type not in _HTML_TYPES:
            raise InputError(f"{url}: not a page ({content_type}), not checked")
        page = page_from_bytes(url, answer.content, answer.content_type)
        info = {"title": page.title, "column": page.column, "published": page.published.isoformat() if page.published else None,
                "links": json.dumps(list(page.links), ensure_ascii=False)}
        if unchanged is not None:
            return unchanged, page.links, [], info
        text, own_lines = blank_shared_lines(page.document.text, self.state.line_owner, url)
        report = self.checker.check_report(text, path=url, as_of=self.options.as_of, carried=page.document.dated)
        located = page.document.locate(list(report.findings))
        return report.model_copy(update={"findings": tuple(located)}), page.links, own_lines, info

    def _check_attachment(self, url: str, content: bytes, suffix: str) -> FileReport:
        from ..sources import format_for

        document = format_for("attachment" + suffix).read(content, url)
        report = self.checker.check_report(document.text, path=url, as_of=self.options.as_of, carried=document.dated)
        return report.model_copy(update={"findings": tuple(document.locate(list(report.findings)))})

    def _from_sitemap(self, run: int, item: Queued, answer: Response) -> list[Queued]:
        try:
            pages, children = parse_sitemap(answer.content)
        except SitemapError as exc:
            self._pending_notes.append(f"{item.url}: {exc}")
            return []
        found = [Queued(u, item.depth, "sitemap") for u in children]
        found += [Queued(u, item.depth, seed_item(u).kind) for u in pages]
        kept = []
        for queued in found:
            if queued.url in self.queued:
                continue
            if host_of(queued.url) in self.hosts and self.robots.allowed(queued.url) and self._room(queued.url):
                kept.append(queued)
                self._count(queued.url)
        return kept

    def _discovered(self, run: int, item: Queued, links: Iterable[str]) -> list[Queued]:
        if not self.options.follow_links or item.kind != "page":
            return []
        found = []
        for url in links:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or host_of(url) not in self.hosts:
                continue
            if _NOT_PAGES.search(parts.path):
                continue
            kind = "attachment" if parts.path.lower().endswith(ATTACHMENT_SUFFIXES) else "page"
            if kind == "page" and item.depth + 1 > self.options.max_depth:
                continue
            if url in self.queued or not self.robots.allowed(url) or not self._room(url):
                continue
            found.append(Queued(url, item.depth + 1, kind))
            self._count(url)
        return found

    def _count(self, url: str) -> None:
        self.queued.add(url)
        self.per_path[_path_key(url)] += 1

    def _room(self, url: str) -> bool:
        if len(self.queued) >= self.options.max_pages:
            self._note(f"page limit reached ({self.options.max_pages:,}): the rest of the site was not visited")
            return False
        if self.per_path[_path_key(url)] >= self.options.max_per_path:
            self._note(f"more than {self.options.max_per_path} URLs differ only in their query at {_path_key(url)}: the rest were not visited")
            return False
        return True

    def _note(self, note: str) -> None:
        if note not in self._pending_notes:
            self._pending_notes.append(note)

    @staticmethod
    def _failed(url: str, message: str | None) -> FileReport:
        return FileReport(path=url, as_of=_dt.date.today(), findings=(), error=message)

    # -- the outcome ------------------------------------------------------------------
    def _result(self, run: int, resumed: bool) -> ScanResult:
        state = self.state
        reports = state.reports(run)
        result = ScanResult(run, resumed, reports, notes=state.notes(run))
        result.pages = {r.path: state.page_info(r.path) for r in reports}
        previous = state.previous_run(run)
        result.previous_run = previous
        if previous is None:
            return result
        before = {r.path: r for r in state.reports(previous)}
        for report in reports:
            now = {finding_key(f): f for f in report.findings}
            old_report = before.get(report.path)
            old = {finding_key(f): f for f in old_report.findings} if old_report else {}
            result.new += [(report.path, f.model_dump(mode="json")) for k, f in now.items() if k not in old]
            if report.error is None:  # a page that could not be read now has fixed nothing
                result.fixed += [(report.path, f.model_dump(mode="json")) for k, f in old.items() if k not in now]
            result.still_open += sum(1 for k in now if k in old)
        return result


_ATTACHMENT_TYPES = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}


def _validators(known: Known | None, previous: FileReport | None) -> dict[str, str | None]:
    """ETag and Last-Modified of a page this checker already checked, for a conditional request."""
    if known is None or previous is None:
        return {}
    return {"etag": known.etag, "last_modified": known.last_modified}


def _path_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.netloc}{parts.path}"


def scan(
    checker,
    seeds: list[str],
    state_path: Path,
    options: ScanOptions = ScanOptions(),
    on_page: Callable[[FileReport, int, int], None] | None = None,
) -> ScanResult:
    hosts = {host_of(url) for url in seeds}
    state = State(state_path)
    scanner = SiteScan(checker, state, options, hosts)
    try:
        return scanner.run(seeds, on_page)
    finally:
        scanner.fetcher.close()
        state.close()


def scan_folder(checker, folder: Path, state_path: Path, options: ScanOptions = ScanOptions(), on_page=None) -> ScanResult:
    """A local mirror (as ``wget --mirror`` leaves it): every .html/.htm, .docx and .pdf file in it,
    read as the site would serve it, through the same state, main-text rule and report."""
    files = sorted(
        p for p in Path(folder).rglob("*") if p.is_file() and not p.is_symlink() and p.suffix.lower() in (".html", ".htm", *ATTACHMENT_SUFFIXES)
    )
    served = {str(p): p for p in files}
    state = State(state_path)
    scanner = SiteScan(checker, state, replace(options, follow_links=False), {""}, fetcher=_FolderFetcher(served))
    try:
        return scanner.run(list(served), on_page)
    finally:
        state.close()


class _FolderFetcher:
    """Answers like a web server, from the files of a mirror folder."""

    def __init__(self, files: dict[str, Path]):
        self.files = files

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        path = self.files[url]
        try:
            stamp = str(os.stat(path).st_mtime_ns)
            if etag == stamp:
                return Response(url, 304, etag=stamp)
            content = path.read_bytes()
        except OSError as exc:
            raise FetchError(f"cannot read: {exc.strerror}") from None
        content_type = "text/html" if path.suffix.lower() in (".html", ".htm") else ""
        return Response(url, 200, content, content_type, etag=stamp)

    def close(self) -> None:
        pass
