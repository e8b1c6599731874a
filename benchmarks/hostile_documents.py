"""Peak memory and time of the CLI on each hostile or broken document of tests/hostile_cases.py.

    python benchmarks/hostile_documents.py

Each case is built in a temporary folder and checked by ``termcheck check`` in a child process
(lexicons compiled and cached first, as on a real machine). Printed per case: exit code, peak
RSS, seconds and the line on stderr. The budget is the CLI's 250 MB: a refused document must
cost no more than the imports that refuse it; a document that is read and checked costs what
any check costs (docs/benchmarks.md), which is reported beside it, not counted against it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import _peak_rss_mb, _termcheck_command

from tests.hostile_cases import CASES, SENTENCE

BUDGET_MB = 250


def main() -> int:
    command = _termcheck_command()
    env = dict(os.environ)
    over = 0
    with tempfile.TemporaryDirectory() as folder:
        warm = Path(folder) / "warm.txt"
        warm.write_text(SENTENCE + "\n", encoding="utf-8")
        ordinary = _peak_rss_mb([*command, "check", str(warm)], env)  # also compiles the cache
        ordinary = _peak_rss_mb([*command, "check", str(warm)], env)
        print(f"ordinary check of the cases' sentence as a .txt: peak RSS {ordinary:.0f} MB\n")
        print(f"{'case':<40} {'exit':>4} {'peak RSS':>9} {'seconds':>8}  line")
        for number, case in enumerate(CASES):
            where = Path(folder) / str(number)
            where.mkdir()
            target = case.build(where)
            started = time.perf_counter()
            result = subprocess.run([*command, "check", str(target)], env=env, capture_output=True, text=True, check=False)
            seconds = time.perf_counter() - started
            rss = _peak_rss_mb([*command, "check", str(target)], env)
            refused = result.returncode == 2 and target.is_file()
            if refused and rss > BUDGET_MB:
                over += 1
            line = next((l for l in result.stderr.splitlines() if l.startswith("termcheck: ")), "(read and checked)")
            if not refused:
                line = f"(read and checked: {rss - ordinary:+.0f} MB against the .txt) {line if target.is_dir() else ''}"
            mark = "" if not refused or rss <= BUDGET_MB else "  OVER BUDGET"
            print(f"{case.name:<40} {result.returncode:>4} {rss:>6.0f} MB {seconds:>8.2f}  {line[:110]}{mark}")
            for path in where.rglob("*"):
                if path.is_file() and not path.is_symlink():
                    path.unlink()
    print(f"\nrefused documents over the {BUDGET_MB} MB budget: {over}")
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
