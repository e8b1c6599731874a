"""Check a large corpus of pages on a Dask cluster.

The compiled ``Checker`` is sent to every worker once (``client.scatter(..., broadcast=True)``);
tasks then carry only batches of file paths, and each returns the batch's ``FileReport``s.
Workers never recompile lexicons: a ``Checker`` pickles with its compiled automaton.

Run on this machine (a LocalCluster)::

    python examples/dask_scale_out.py site-archive/ --workers 2 --out findings.jsonl

or against a running cluster whose workers can read the same paths::

    python examples/dask_scale_out.py /mnt/archive --scheduler tcp://scheduler:8786

Needs ``pip install 'dask[distributed]'``. See docs/scale-out.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from termcheck import Checker, FileReport
from termcheck.frontends.batch import check_path, collect_files
from termcheck.report.summary import summarize

DEFAULT_BATCH = 200


def batches(paths: list[Path], size: int) -> Iterator[list[str]]:
    for start in range(0, len(paths), size):
        yield [str(p) for p in paths[start : start + size]]


def check_batch(checker: Checker, paths: list[str], as_of: dt.date | None = None) -> list[FileReport]:
    """One task: the same per-file step as ``termcheck check`` (directives honoured, bad files reported)."""
    return [check_path(checker, path, as_of=as_of).report for path in paths]


def check_corpus(
    client, checker: Checker, paths: list[Path], *, as_of: dt.date | None = None, batch_size: int = DEFAULT_BATCH
) -> Iterator[FileReport]:
    """Reports for ``paths`` as batches finish (not in input order)."""
    from distributed import as_completed

    shared = client.scatter(checker, broadcast=True)
    futures = [client.submit(check_batch, shared, batch, as_of, pure=False) for batch in batches(paths, batch_size)]
    for _, reports in as_completed(futures, with_results=True):
        yield from reports


def write_jsonl(reports: Iterable[FileReport], out) -> list[FileReport]:
    kept = []
    for report in reports:
        kept.append(report)
        for finding in report.findings:
            record = {"path": report.path, "as_of": report.as_of.isoformat(), **finding.model_dump(mode="json")}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        if report.error:
            out.write(json.dumps({"path": report.path, "error": report.error}, ensure_ascii=False) + "\n")
    return kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="+", help="files or directories")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (default: a LocalCluster)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", action="store_true", help="LocalCluster of threads in this process")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH)
    parser.add_argument("--as-of", type=dt.date.fromisoformat)
    parser.add_argument("--lexicon", action="append", default=[])
    parser.add_argument("--out", type=argparse.FileType("w", encoding="utf-8"), default=sys.stdout)
    args = parser.parse_args(argv)

    from distributed import Client, LocalCluster

    checker = Checker(lexicons=args.lexicon)
    paths = collect_files(args.corpus)
    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=not args.threads)
        client = Client(cluster)
    try:
        reports = write_jsonl(check_corpus(client, checker, paths, as_of=args.as_of, batch_size=args.batch_size), args.out)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    summary = summarize(reports)
    print(json.dumps(summary, ensure_ascii=False), file=sys.stderr)
    return 2 if summary["files_with_errors"] else (1 if summary["findings"] else 0)


if __name__ == "__main__":
    sys.exit(main())
