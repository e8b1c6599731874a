"""Throughput, cold start and per-detector cost of the default checker: a quick check after a change.

    python benchmarks/throughput.py
    TERMCHECK_MATCHER=pyahocorasick python benchmarks/throughput.py

The full report with both matcher backends, memory and quality is ``benchmarks/run.py``.

Texts: ../shared/data/clean/ when present (read only, measured, not tuned on), else the
bundled sample draft repeated. Timings are wall-clock on this machine; run twice and take
the second figure after a code change so the compiled-lexicon cache is warm.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLEAN = ROOT.parent / "shared" / "data" / "clean"


def corpus() -> list[str]:
    if CLEAN.exists():
        return [p.read_text(encoding="utf-8") for p in sorted(CLEAN.rglob("*.txt"))]
    return [(ROOT / "samples" / "draft.txt").read_text(encoding="utf-8")] * 50


def cold_start() -> float:
    code = "import datetime, termcheck; termcheck.check('截止目前，各单位要再接再励。', as_of=datetime.date(2025, 1, 1))"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - started


def main() -> int:
    import termcheck

    print(f"cold start (new process, cached lexicons, first check): {cold_start():.2f} s")
    started = time.perf_counter()
    checker = termcheck.default_checker()
    print(f"Checker() in this process: {time.perf_counter() - started:.2f} s, matcher {checker.compiled.automaton.backend}")
    texts = corpus()
    checker.check(texts[0])  # load jieba and the variant index once
    size = sum(len(t.encode("utf-8")) for t in texts)
    chars = sum(len(t) for t in texts)
    per_detector: dict[str, float] = defaultdict(float)
    originals = list(checker.detectors)

    class Timed:
        def __init__(self, inner):
            self.inner, self.name = inner, inner.name

        def detect(self, scan):
            began = time.perf_counter()
            found = list(self.inner.detect(scan))
            per_detector[self.name] += time.perf_counter() - began
            return found

    checker.detectors = [Timed(d) for d in originals]
    started = time.perf_counter()
    findings = sum(len(checker.check(t)) for t in texts)
    elapsed = time.perf_counter() - started
    checker.detectors = originals
    print(f"{len(texts)} texts, {chars} characters, {size / 1e6:.2f} MB, {findings} findings")
    print(f"throughput: {size / elapsed / 1e6:.2f} MB/s, {chars / elapsed:,.0f} characters/s ({elapsed:.2f} s)")
    for name, spent in sorted(per_detector.items(), key=lambda item: -item[1]):
        print(f"  {name:<16} {spent:.2f} s")
    print(f"  scan+folding+report {elapsed - sum(per_detector.values()):.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
