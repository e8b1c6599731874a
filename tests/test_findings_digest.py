"""Every finding on fixed texts, as one digest: a change meant to keep behaviour (a speed-up, a
refactoring) must leave it as it is. A change meant to alter findings regenerates it on purpose:

    TERMCHECK_WRITE_DIGESTS=1 python -m pytest tests/test_findings_digest.py

and the diff of tests/fixtures/findings_digests.json then shows which texts moved. For the
finding-by-finding diff, use benchmarks/findings_snapshot.py before and after.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from termcheck import Checker

from .conftest import AS_OF, SHARED_DATA

ROOT = Path(__file__).resolve().parents[1]
DIGESTS = Path(__file__).parent / "fixtures" / "findings_digests.json"
CLEAN = SHARED_DATA / "clean"


@pytest.fixture(scope="module")
def checker():
    return Checker()


def _digest(checker, texts: list[tuple[str, str]]) -> str:
    digest = hashlib.sha256()
    for name, text in texts:
        for f in checker.check(text, as_of=AS_OF):
            line = [name, f.rule, f.severity.value, f.start, f.end, f.text, list(f.suggestions)]
            digest.update(json.dumps(line, ensure_ascii=False).encode("utf-8") + b"\n")
    return digest.hexdigest()


def _compare(key: str, value: str) -> None:
    stored = json.loads(DIGESTS.read_text(encoding="utf-8")) if DIGESTS.exists() else {}
    if os.environ.get("TERMCHECK_WRITE_DIGESTS"):
        stored[key] = value
        DIGESTS.write_text(json.dumps(stored, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        return
    assert stored.get(key) == value, f"findings on {key} changed; regenerate on purpose (see this module's docstring)"


def test_findings_on_the_bundled_sample(checker):
    sample = ROOT / "samples" / "draft.txt"
    _compare("samples/draft.txt", _digest(checker, [("draft.txt", sample.read_text(encoding="utf-8"))]))


@pytest.mark.skipif(not CLEAN.is_dir(), reason="../shared/data/clean is not here (data-driven part only)")
def test_findings_on_the_clean_corpus(checker):
    texts = [(str(p.relative_to(CLEAN)), p.read_text(encoding="utf-8")) for p in sorted(CLEAN.rglob("*.txt"))]
    assert len(texts) >= 50
    _compare("shared/data/clean", _digest(checker, texts))
