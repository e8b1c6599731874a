"""Check one very large plain-text file: peak memory and time.

    python benchmarks/large_file.py [--mb 100] [--encoding utf-8|gb18030]

Writes a file of ``--mb`` megabytes (block by block, never held whole) of work-report prose
with a typo planted in every 200th paragraph, then checks it with ``termcheck check`` in a
child process, which streams it in overlapping windows. Reports the child's peak RSS (target:
under 500 MB for 100 MB), wall time, throughput, and whether every planted typo was found
exactly once at its place.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARAGRAPHS = [
    "过去一年，全县上下坚持稳中求进工作总基调，经济运行总体平稳，民生保障持续改善。",
    "我们着力扩大有效投资，新开工重点项目四十二个，政务服务事项全部实现网上可办。",
    "各级行政机关要认真贯彻落实政府信息公开条例，依法依规做好主动公开和依申请公开工作。",
    "新增城镇就业三千六百人，改造老旧小区十八个，新建幼儿园四所，县人民医院新院区投入使用。",
    "经济回升的基础还不牢固，部分企业生产经营困难，公共服务还有不少短板。",
]
PLANTED = "截止目前，各项工作进展顺利。"  # one typo: 截止目前 -> 截至目前
EVERY = 200


def write_file(path: Path, megabytes: int, encoding: str) -> int:
    """Write the file in blocks; return how many typos were planted."""
    target = megabytes * 1024 * 1024
    written = planted = paragraph = 0
    with open(path, "wb") as out:
        while written < target:
            lines = []
            for _ in range(1000):
                paragraph += 1
                if paragraph % EVERY == 0:
                    lines.append(PLANTED)
                    planted += 1
                else:
                    lines.append(PARAGRAPHS[paragraph % len(PARAGRAPHS)])
            block = ("\n".join(lines) + "\n").encode(encoding)
            out.write(block)
            written += len(block)
    return planted


CHILD = """
import json, resource, sys, time
import termcheck
checker = termcheck.Checker(select=["typo"])
started = time.perf_counter()
report = checker.check_file(sys.argv[1])
seconds = time.perf_counter() - started
texts = [f.text for f in report.findings]
with open(sys.argv[1], "rb") as handle:
    head = handle.read(4_000_000).decode(sys.argv[2], errors="ignore")
ok = all(head[f.start:f.end] == f.text for f in report.findings if f.end <= len(head) - 8)
print(json.dumps({"seconds": seconds, "findings": len(texts), "typos": texts.count("截止目前"),
                  "offsets_ok_in_first_4mb": ok, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(megabytes: int = 100, encoding: str = "utf-8") -> dict:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "archive.txt"
        started = time.perf_counter()
        planted = write_file(path, megabytes, encoding)
        written = time.perf_counter() - started
        size = path.stat().st_size
        result = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), encoding], check=False, capture_output=True, text=True, env=os.environ.copy()
        )
        if result.returncode != 0:
            raise SystemExit(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "check failed")
        figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures.update(
        {"megabytes": round(size / 2**20, 1), "encoding": encoding, "planted": planted, "write_seconds": round(written, 1),
         "mb_per_second": round(size / 2**20 / figures["seconds"], 2)}
    )
    figures["seconds"] = round(figures["seconds"], 1)
    figures["peak_rss_mb"] = round(figures["peak_rss_mb"], 1)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=100)
    parser.add_argument("--encoding", default="utf-8", choices=["utf-8", "gb18030"])
    args = parser.parse_args()
    f = run(args.mb, args.encoding)
    found_all = f["typos"] == f["planted"]
    print(
        f"large file: {f['megabytes']} MB {f['encoding']} checked in {f['seconds']} s ({f['mb_per_second']} MB/s); "
        f"peak RSS {f['peak_rss_mb']} MB (target < 500); planted {f['planted']} typos, found {f['typos']} "
        f"({'all, once each' if found_all else 'MISMATCH'}); offsets checked in the first 4 MB: {f['offsets_ok_in_first_4mb']}"
    )
    return 0 if found_all and f["peak_rss_mb"] < 500 and f["offsets_ok_in_first_4mb"] else 1


if __name__ == "__main__":
    sys.exit(main())
