"""The scan's memory, in one SQLite file: what is queued, what each page said, what it says now.

A run is a numbered pass over the site. Its queue holds every URL it will visit, in the order
found; a URL is marked done in the same transaction that stores its page and findings, so a run
killed at any moment resumes from its queue with nothing lost and nothing twice. Each run stores
the findings of every page it visited (an unchanged page's are carried over), so comparing a run
with the one before says what is new, fixed and still open.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..models import FileReport, Finding

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY, started TEXT, finished TEXT, seeds TEXT);
CREATE TABLE IF NOT EXISTS queue (
    run INTEGER, seq INTEGER, url TEXT, depth INTEGER, kind TEXT, done INTEGER DEFAULT 0,
    PRIMARY KEY (run, url));
CREATE INDEX IF NOT EXISTS queue_pending ON queue (run, done, seq);
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, content_hash TEXT, title TEXT, column_name TEXT,
    published TEXT, links TEXT, checker TEXT);
CREATE TABLE IF NOT EXISTS visits (
    run INTEGER, url TEXT, report TEXT, fetched TEXT, PRIMARY KEY (run, url));
CREATE TABLE IF NOT EXISTS seen_lines (hash TEXT PRIMARY KEY, url TEXT);
CREATE TABLE IF NOT EXISTS notes (run INTEGER, note TEXT, PRIMARY KEY (run, note));
"""


@dataclass(frozen=True)
class Queued:
    url: str
    depth: int
    kind: str  # page | attachment | sitemap


@dataclass(frozen=True)
class Known:
    etag: str | None
    last_modified: str | None
    content_hash: str | None
    checker: str | None  # the fingerprint of the checker that checked it


def finding_key(finding: Finding) -> str:
    """What identifies a finding across runs: an edit elsewhere on the page moves its offsets."""
    return f"{finding.rule}\t{finding.text}\t{finding.context}"


def line_hash(line: str) -> str:
    return hashlib.sha1(line.encode("utf-8")).hexdigest()


class State:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    # -- runs -------------------------------------------------------------------------
    def start(self, seeds: list[Queued], now: str) -> tuple[int, bool]:
        """``(run, resumed)``: the unfinished run for these seeds, or a new one with them queued."""
        key = json.dumps([s.url for s in seeds])
        row = self.db.execute("SELECT id, seeds, finished FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        if row and row[2] is None and row[1] == key:
            return row[0], True
        with self.db:
            self.db.execute("BEGIN")
            run = self.db.execute("INSERT INTO runs (started, seeds) VALUES (?, ?)", (now, key)).lastrowid
            self._enqueue(run, seeds)
        return run, False

    def finish(self, run: int, now: str) -> None:
        self.db.execute("UPDATE runs SET finished = ? WHERE id = ?", (now, run))

    def previous_run(self, run: int) -> int | None:
        row = self.db.execute(
            "SELECT id FROM runs WHERE id < ? AND finished IS NOT NULL ORDER BY id DESC LIMIT 1", (run,)
        ).fetchone()
        return row[0] if row else None

    # -- queue ------------------------------------------------------------------------
    def _enqueue(self, run: int, items: Iterable[Queued]) -> None:
        seq = self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM queue WHERE run = ?", (run,)).fetchone()[0]
        for item in items:
            seq += 1
            self.db.execute(
                "INSERT OR IGNORE INTO queue (run, seq, url, depth, kind) VALUES (?, ?, ?, ?, ?)",
                (run, seq, item.url, item.depth, item.kind),
            )

    def enqueue(self, run: int, items: Iterable[Queued]) -> None:
        with self.db:
            self.db.execute("BEGIN")
            self._enqueue(run, items)

    def queued_urls(self, run: int) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT url FROM queue WHERE run = ?", (run,))]

    def pending(self, run: int, limit: int) -> list[Queued]:
        rows = self.db.execute(
            "SELECT url, depth, kind FROM queue WHERE run = ? AND done = 0 ORDER BY seq LIMIT ?", (run, limit)
        ).fetchall()
        return [Queued(*row) for row in rows]

    def done_count(self, run: int) -> int:
        return self.db.execute("SELECT COUNT(*) FROM queue WHERE run = ? AND done = 1", (run,)).fetchone()[0]

    # -- pages ------------------------------------------------------------------------
    def known(self, url: str) -> Known | None:
        row = self.db.execute("SELECT etag, last_modified, content_hash, checker FROM pages WHERE url = ?", (url,)).fetchone()
        return Known(*row) if row else None

    def links(self, url: str) -> list[str]:
        """The links the page had when it was last read in full."""
        row = self.db.execute("SELECT links FROM pages WHERE url = ?", (url,)).fetchone()
        return json.loads(row[0]) if row and row[0] else []

    def last_report(self, url: str, before_run: int) -> FileReport | None:
        row = self.db.execute(
            "SELECT report FROM visits WHERE url = ? AND run < ? ORDER BY run DESC LIMIT 1", (url, before_run)
        ).fetchone()
        return FileReport.model_validate_json(row[0]) if row else None

    def line_owner(self, line: str) -> str | None:
        row = self.db.execute("SELECT url FROM seen_lines WHERE hash = ?", (line_hash(line),)).fetchone()
        return row[0] if row else None

    def record(
        self,
        run: int,
        item: Queued,
        report: FileReport,
        *,
        fetched: str,
        page: dict | None = None,
        lines: Iterable[str] = (),
        discovered: Iterable[Queued] = (),
        notes: Iterable[str] = (),
    ) -> None:
        """One visited URL, all at once: its report, what it taught about the site, and its place in the queue."""
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute(
                "INSERT OR REPLACE INTO visits (run, url, report, fetched) VALUES (?, ?, ?, ?)",
                (run, item.url, report.model_dump_json(), fetched),
            )
            if page is not None:
                self.db.execute(
                    "INSERT OR REPLACE INTO pages (url, etag, last_modified, content_hash, title, column_name, published, links, checker)"
                    " VALUES (:url, :etag, :last_modified, :content_hash, :title, :column, :published, :links, :checker)",
                    {"url": item.url, **page},
                )
            for line in lines:
                self.db.execute("INSERT OR IGNORE INTO seen_lines (hash, url) VALUES (?, ?)", (line_hash(line), item.url))
            for note in notes:
                self.db.execute("INSERT OR IGNORE INTO notes (run, note) VALUES (?, ?)", (run, note))
            self._enqueue(run, discovered)
            self.db.execute("UPDATE queue SET done = 1 WHERE run = ? AND url = ?", (run, item.url))

    # -- results ----------------------------------------------------------------------
    def reports(self, run: int) -> list[FileReport]:
        """The run's page and attachment reports, in queue order (sitemaps are a means, not a result)."""
        rows = self.db.execute(
            "SELECT v.report FROM visits v JOIN queue q ON q.run = v.run AND q.url = v.url"
            " WHERE v.run = ? AND q.kind != 'sitemap' ORDER BY q.seq",
            (run,),
        ).fetchall()
        return [FileReport.model_validate_json(row[0]) for row in rows]

    def page_info(self, url: str) -> dict:
        row = self.db.execute("SELECT title, column_name, published FROM pages WHERE url = ?", (url,)).fetchone()
        return {"title": row[0], "column": row[1], "published": row[2]} if row else {}

    def notes(self, run: int) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT note FROM notes WHERE run = ? ORDER BY rowid", (run,))]
