"""Check many files: collect them from directories, spread them over processes, keep going past bad ones.

Each worker process gets the compiled ``Checker`` once, as pickled bytes through the pool's
initializer, so no worker recompiles lexicons; files then travel to workers as paths only.
Results come back in the order the files were collected, so output is the same at any
number of workers.
"""

from __future__ import annotations

import datetime as _dt
import fnmatch
import os
import pickle
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path, PurePosixPath

from ..errors import InputError
from ..models import FileReport
from ..sources import DEFAULT_INCLUDE, format_for, read_bytes, stream

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 64


@dataclass(frozen=True)
class Outcome:
    """One file's report plus what ``--fix`` did to it and any notes for the user."""

    report: FileReport
    changes: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())


def _excluded(relative: PurePosixPath, exclude: Iterable[str]) -> bool:
    text = relative.as_posix()
    return any(fnmatch.fnmatchcase(text, g) or fnmatch.fnmatchcase(relative.name, g) for g in exclude)


def collect_files(
    paths: Iterable[str | Path],
    include: Iterable[str] = DEFAULT_INCLUDE,
    exclude: Iterable[str] = (),
) -> list[Path]:
    """Files to check: named files as given, directories walked recursively in a stable order.

    Inside a directory a file is taken when its name matches an ``include`` glob and neither its
    path (relative to that directory) nor its name matches an ``exclude`` glob; hidden
    directories (``.git``, ``.venv``) and excluded directories are not entered.
    """
    include = tuple(include)
    exclude = tuple(exclude)
    files: list[Path] = []
    for given in paths:
        root = Path(given)
        if not root.is_dir():
            files.append(root)  # a named file is checked even if no glob matches it
            continue
        for folder, subfolders, names in os.walk(root):
            relative_folder = PurePosixPath(Path(folder).relative_to(root).as_posix())
            subfolders[:] = sorted(
                d for d in subfolders if not d.startswith(".") and not _excluded(relative_folder / d, exclude)
            )
            for name in sorted(names):
                relative = relative_folder / name
                if any(fnmatch.fnmatch(name, g) for g in include) and not _excluded(relative, exclude):
                    files.append(Path(folder) / name)
    return files


def _mentions_directives(path: Path) -> bool:
    """Whether a file too large to read at once contains the directive marker, read in blocks."""
    from ..text.decode import read_blocks

    previous = b""
    for block in read_blocks(path, str(path)):
        if b"termcheck" in previous[-8:] + block:
            return True
        previous = block
    return False


def _directive_source(path: Path) -> str | None:
    """The file as written, for reading inline directives; None when it cannot hold any."""
    if not format_for(path).directives:
        return None
    if stream.should_stream(path):
        if _mentions_directives(path):
            raise _DirectivesSkipped(f"{path}: inline directives are not read in files this large; all findings reported")
        return None
    from ..text.decode import decode

    data = read_bytes(path)
    if b"termcheck" not in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    return decode(data, str(path))


def check_path(checker, path: str | Path, *, as_of: _dt.date | None = None, fix: bool = False) -> Outcome:
    """Check one file, honour its inline directives, and optionally fix it; never raises for a bad file."""
    from ..suppress import apply_directives

    path = Path(path)
    notes: list[str] = []

    def checked() -> FileReport:
        report = checker.check_file(path, as_of=as_of)
        try:
            source = _directive_source(path)
        except _DirectivesSkipped as skipped:
            notes.append(str(skipped))
            source = None
        if source is None:
            return report
        return report.model_copy(update={"findings": tuple(apply_directives(report.findings, source))})

    try:
        report = checked()
    except InputError as exc:
        return Outcome(_failed(path, as_of, str(exc)))
    except Exception as exc:  # a broken file must not end a run over thousands of others
        return Outcome(_failed(path, as_of, f"{path}: cannot check: {type(exc).__name__}: {exc}"))
    if _is_empty(path):
        notes.append(f"{path}: empty file, nothing to check")
    if not fix or not report.findings:
        return Outcome(report, notes=tuple(notes))
    from ..edit.fix import FixRefused, fix_file

    try:
        changes = fix_file(path, list(report.findings))
    except FixRefused as exc:
        return Outcome(report, notes=(*notes, str(exc)))
    except InputError as exc:
        return Outcome(report.model_copy(update={"error": str(exc)}), notes=tuple(notes))
    if changes:
        report = checked()  # offsets moved; report what is left as the file now reads
    return Outcome(report, changes=tuple(c.describe() for c in changes), notes=tuple(dict.fromkeys(notes)))


class _DirectivesSkipped(Exception):
    pass


def _is_empty(path: Path) -> bool:
    try:
        return path.stat().st_size == 0
    except OSError:
        return False


def _failed(path: Path, as_of: _dt.date | None, message: str) -> FileReport:
    return FileReport(path=str(path), as_of=as_of or _dt.date.today(), findings=(), error=message)


_worker_checker = None


def _init_worker(checker_bytes: bytes) -> None:
    global _worker_checker
    _worker_checker = pickle.loads(checker_bytes)


def _work(path: str, as_of: _dt.date | None, fix: bool) -> Outcome:
    return check_path(_worker_checker, path, as_of=as_of, fix=fix)


def worker_count(files: int, jobs: int | None) -> int:
    """``jobs`` None or 0 means: all cores once there are enough files to be worth it."""
    cores = os.cpu_count() or 1
    if jobs is None or jobs <= 0:
        return cores if files >= PARALLEL_MIN_FILES else 1
    return max(1, min(jobs, files))


def run(
    checker,
    paths: list[Path],
    *,
    as_of: _dt.date | None = None,
    fix: bool = False,
    jobs: int | None = None,
    on_done: Callable[[Outcome], None] | None = None,
) -> Iterator[Outcome]:
    """Outcomes for ``paths`` in order; ``on_done`` is called as each one arrives."""
    workers = worker_count(len(paths), jobs)
    if workers <= 1:
        for path in paths:
            outcome = check_path(checker, path, as_of=as_of, fix=fix)
            if on_done:
                on_done(outcome)
            yield outcome
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn: same behaviour on every platform, and no fork of a process that may run threads.
    context = multiprocessing.get_context("spawn")
    payload = pickle.dumps(checker, protocol=pickle.HIGHEST_PROTOCOL)
    chunk = max(1, min(32, len(paths) // (workers * 8)))
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(payload,)) as pool:
        task = partial(_work, as_of=as_of, fix=fix)
        for outcome in pool.map(task, [str(p) for p in paths], chunksize=chunk):
            if on_done:
                on_done(outcome)
            yield outcome
