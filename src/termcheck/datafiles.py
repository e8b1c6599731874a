"""The package's own data files (src/termcheck/data): one reader for every list kept there.

``TERMCHECK_DATA_DIR`` replaces the folder, so a measurement can run the detectors on data
built without the sentences it measures on (benchmarks/typo_held_out.py).
"""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR = Path(os.environ.get("TERMCHECK_DATA_DIR") or Path(__file__).resolve().parent / "data")


def data_lines(name: str) -> list[str]:
    """The non-empty, non-comment lines of ``data/<name>``, stripped; none when the file is absent."""
    path = DATA_DIR / name
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]
