"""Scale-out: the checker pickles cheaply without recompiling, and the Dask example checks a corpus."""

import importlib.util
import io
import json
import pickle
from pathlib import Path

from termcheck import Checker
from termcheck.frontends.batch import collect_files, run
from termcheck.lexicon import compile as compile_module

from .conftest import AS_OF

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "dask_scale_out.py"
PAGES = [
    "关于开展2024年度政府信息公开工作年度报告编制的通知\n截止目前，全市已主动公开政府信息1200余条。\n",
    "市人民政府办公室关于做好防汛工作的通知\n各单位要再接再励，确保安全度汛。\n",
    "政府工作报告\n过去一年，全市地区生产总值增长5.2%，各项工作取得新进展。\n",
]


def load_example():
    spec = importlib.util.spec_from_file_location("dask_scale_out", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def refuse_compiling(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("lexicons were compiled again")

    monkeypatch.setattr(compile_module, "compile_lexicons", fail)
    monkeypatch.setattr(compile_module._Builder, "build", fail)


def test_checker_pickles_without_recompiling(core_checker, monkeypatch):
    refuse_compiling(monkeypatch)
    text = PAGES[0] + PAGES[1]
    payload = pickle.dumps(core_checker, protocol=pickle.HIGHEST_PROTOCOL)
    assert len(payload) < 2_000_000
    clone = pickle.loads(payload)
    assert clone.check(text, as_of=AS_OF) == core_checker.check(text, as_of=AS_OF)
    assert [f.text for f in clone.check(text, as_of=AS_OF)] == ["截止目前", "再接再励"]


def test_bundled_checker_pickle_size_and_speed(monkeypatch):
    import time

    checker = Checker()  # this may compile (or read the cache); unpickling below may not
    payload = pickle.dumps(checker, protocol=pickle.HIGHEST_PROTOCOL)
    refuse_compiling(monkeypatch)
    started = time.perf_counter()
    clone = pickle.loads(payload)
    seconds = time.perf_counter() - started
    assert len(payload) < 64 * 1024 * 1024
    assert seconds < 5
    assert [f.text for f in clone.check(PAGES[1], as_of=AS_OF)] == ["再接再励"]


def corpus(tmp_path, copies=4):
    for i in range(copies):
        for j, page in enumerate(PAGES):
            path = tmp_path / "archive" / f"{2020 + i}" / f"page{j}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page, encoding="utf-8")
    (tmp_path / "archive" / "broken.txt").write_bytes(b"\x00\x00 not text")
    return collect_files([tmp_path / "archive"])


def test_dask_local_cluster_matches_a_serial_run(tmp_path, core_checker):
    from distributed import Client, LocalCluster

    example = load_example()
    paths = corpus(tmp_path)
    serial = {o.report.path: o.report for o in run(core_checker, paths, as_of=AS_OF, jobs=1)}
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            reports = list(example.check_corpus(client, core_checker, paths, as_of=AS_OF, batch_size=4))
    assert len(reports) == len(paths) == 13
    assert {r.path: r for r in reports} == serial
    flagged = sorted(f.text for r in reports for f in r.findings if f.category.value == "typo")
    assert flagged == ["再接再励"] * 4 + ["截止目前"] * 4
    assert sum(1 for r in reports if r.error) == 1


def test_dask_worker_processes(tmp_path, core_checker):
    """Real worker processes: the checker crosses a process boundary as pickled bytes."""
    from distributed import Client, LocalCluster

    example = load_example()
    paths = corpus(tmp_path, copies=2)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            reports = list(example.check_corpus(client, core_checker, paths, as_of=AS_OF, batch_size=2))
    out = io.StringIO()
    example.write_jsonl(sorted(reports, key=lambda r: r.path), out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert sorted(r["text"] for r in records if r.get("category") == "typo") == ["再接再励", "再接再励", "截止目前", "截止目前"]
    assert [r["path"] for r in records if "error" in r] == [str(tmp_path / "archive" / "broken.txt")]
