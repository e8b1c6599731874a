"""The package's own data files (src/termcheck/data): one reader for every list kept there."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_lines(name: str) -> list[str]:
    """The non-empty, non-comment lines of ``data/<name>``, stripped; none when the file is absent."""
    path = DATA_DIR / name
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]
