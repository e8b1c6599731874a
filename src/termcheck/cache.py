"""The on-disk cache of compiled artifacts, keyed by a hash of the code and the inputs."""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

PACKAGE_DIR = Path(__file__).resolve().parent
T = TypeVar("T")


def cache_dir() -> Path:
    if os.environ.get("TERMCHECK_CACHE_DIR"):
        return Path(os.environ["TERMCHECK_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "termcheck"


@lru_cache(maxsize=1)
def code_fingerprint() -> bytes:
    """Changes whenever code or data that shapes a compiled artifact changes (read once per process)."""
    from .datafiles import DATA_DIR

    digest = hashlib.sha256()
    for folder in (PACKAGE_DIR / "lexicon", PACKAGE_DIR / "detect", PACKAGE_DIR / "text", DATA_DIR):
        for path in sorted(folder.glob("*")):
            if path.is_file() and path.suffix in {".py", ".tsv", ".txt", ".gz"}:
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    digest.update((PACKAGE_DIR / "matcher.py").read_bytes())  # how a cached matcher pickles
    digest.update((PACKAGE_DIR / "datafiles.py").read_bytes())  # how the data lists are read
    return digest.digest()


def cached(kind: str, key: bytes, build: Callable[[], T], *, keep: int, use_cache: bool = True) -> T:
    """``build()``'s result, from ``<cache>/<kind>-<hash>.pickle`` when an earlier run left it.

    ``key`` must name everything the result depends on besides the code, including the
    matcher backend of any automaton inside it.

    Only the ``keep`` most recently used files of a kind stay; a cache that cannot be read or
    written only costs a rebuild.
    """
    if not use_cache:
        return build()
    digest = hashlib.sha256(code_fingerprint() + b"\0" + key).hexdigest()[:32]
    path = cache_dir() / f"{kind}-{digest}.pickle"
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    result = build()
    _write_atomically(path, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    _prune(path.parent, f"{kind}-*.pickle", keep)
    return result


def _prune(folder: Path, pattern: str, keep: int) -> None:
    try:
        files = sorted(folder.glob(pattern), key=lambda p: p.stat().st_atime, reverse=True)
        for stale in files[keep:]:
            stale.unlink()
    except OSError:
        pass


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)
