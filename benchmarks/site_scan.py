"""Pages per second and peak memory of `termcheck scan` on a generated loopback site.

    python benchmarks/site_scan.py                 # 10,000 article pages (about 10 minutes on 2 cores)
    python benchmarks/site_scan.py --pages 2000

The site of tests/site_fixture.py is served from this process on 127.0.0.1; the scan runs as
the CLI in a child process (no delay between requests, 4 fetching threads), once from an empty
state and once more against the unchanged site, where every page is asked for conditionally.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import _termcheck_command

from tests.site_fixture import LoopbackSite, generate_site

PROBE = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def _timed(command: list[str]) -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", PROBE, *command], capture_output=True, text=True, check=True, env=dict(os.environ))
    seconds, rss = out.stdout.split()[-2:]
    return float(seconds), int(rss) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    args = parser.parse_args()
    site = generate_site(args.pages)
    command = _termcheck_command()
    with tempfile.TemporaryDirectory() as folder, LoopbackSite(site) as server:
        state = Path(folder) / "state.sqlite"
        scan = [*command, "scan", server.base + "/", "--state", str(state), "--delay", "0", "--max-pages", str(args.pages + 100)]
        first_seconds, first_rss = _timed(scan)
        pages = len({path for _, path, _ in server.requests})
        server.requests.clear()
        second_seconds, second_rss = _timed(scan)
        conditional = sum(1 for _, _, etag in server.requests if etag)
    print(f"site: {len(site):,} resources ({args.pages:,} articles), served on loopback")
    print(f"first run: {pages:,} URLs in {first_seconds:.1f} s = {pages / first_seconds:.1f} pages/s, peak RSS {first_rss:.0f} MB")
    print(
        f"second run, site unchanged: {second_seconds:.1f} s = {pages / second_seconds:.1f} pages/s, "
        f"{conditional:,} conditional requests, peak RSS {second_rss:.0f} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
