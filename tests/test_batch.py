import json

from click.testing import CliRunner

from termcheck.frontends import batch
from termcheck.frontends.batch import collect_files, run, worker_count
from termcheck.frontends.cli import main

from .conftest import AS_OF

NOTICE = "关于做好政府信息公开工作的通知\n截止目前，全市已主动公开政府信息1200余条。\n"
REPORT = "2024年政府工作报告\n各部门要再接再励，推动经济持续回升向好。\n"
CLEAN = "各单位要认真贯彻落实会议精神，确保各项工作落到实处。\n"


def site(tmp_path):
    root = tmp_path / "site"
    files = {
        "index.html": "<html><body><p>" + CLEAN + "</p></body></html>",
        "news/2024/notice.txt": NOTICE,
        "news/2024/report.md": REPORT,
        "news/2024/data.csv": "截止目前,1200\n",
        "archive/old.txt": NOTICE,
        ".git/HEAD.txt": NOTICE,
        "clean.txt": CLEAN,
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def relative(root, paths):
    return [p.relative_to(root).as_posix() for p in paths]


def test_collect_walks_directories_with_default_globs(tmp_path):
    root = site(tmp_path)
    assert relative(root, collect_files([root])) == [
        "clean.txt",
        "index.html",
        "archive/old.txt",
        "news/2024/notice.txt",
        "news/2024/report.md",
    ]


def test_collect_include_and_exclude(tmp_path):
    root = site(tmp_path)
    assert relative(root, collect_files([root], include=["*.txt"], exclude=["archive"])) == [
        "clean.txt",
        "news/2024/notice.txt",
    ]
    assert relative(root, collect_files([root], exclude=["news/*/*.md", "*.html"])) == [
        "clean.txt",
        "archive/old.txt",
        "news/2024/notice.txt",
    ]
    # a file named on the command line is checked whatever the globs say
    csv = root / "news/2024/data.csv"
    assert collect_files([csv], include=["*.txt"]) == [csv]


def test_run_serial_and_parallel_give_the_same_reports(tmp_path, core_checker):
    root = site(tmp_path)
    files = collect_files([root]) * 3
    serial = [o.report for o in run(core_checker, files, as_of=AS_OF, jobs=1)]
    seen = []
    parallel = [o.report for o in run(core_checker, files, as_of=AS_OF, jobs=2, on_done=seen.append)]
    assert parallel == serial
    assert len(seen) == len(files)
    flagged = {r.path: [f.text for f in r.findings] for r in serial}
    assert flagged[str(root / "news/2024/notice.txt")] == ["截止目前"]
    assert flagged[str(root / "news/2024/report.md")] == ["再接再励"]
    assert flagged[str(root / "clean.txt")] == []


def test_worker_count():
    assert worker_count(3, 0) == 1  # too few files to pay for starting processes
    assert worker_count(batch.PARALLEL_MIN_FILES, 0) >= 1
    assert worker_count(3, 8) == 3
    assert worker_count(100, 1) == 1


def test_broken_file_is_skipped_others_checked_exit_2(tmp_path):
    root = site(tmp_path)
    (root / "broken.txt").write_bytes(b"\x00\x01\x02 binary \xff\xfe")
    (root / "gbk.txt").write_bytes(NOTICE.encode("gb18030"))
    result = CliRunner().invoke(main, ["check", "--format", "json", str(root)])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("termcheck: ")]
    assert errors == [f"termcheck: {root / 'broken.txt'}: binary file (contains NUL bytes), not checked"]
    document = json.loads(result.stdout)
    by_path = {f["path"]: f for f in document["files"]}
    assert by_path[str(root / "broken.txt")]["error"]
    assert [f["text"] for f in by_path[str(root / "gbk.txt")]["findings"]] == ["截止目前"]
    summary = document["summary"]
    assert summary["files"] == 7 and summary["files_with_errors"] == 1
    assert summary["by_category"]["typo"] == 4
    assert summary["by_severity"]["error"] >= 4


def test_text_summary_goes_to_stderr(tmp_path):
    root = site(tmp_path)
    result = CliRunner().invoke(main, ["check", str(root)])
    assert result.exit_code == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("checked 5 file(s) in ")
    assert "by severity error 3" in last and "typo 3" in last
    assert "checked 5 file(s)" not in result.stdout
    # no progress bar when stderr is not a terminal
    assert "\r" not in result.stderr


def test_progress_bar_only_on_a_terminal(monkeypatch):
    import io

    from termcheck.frontends import cli

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr(cli.sys, "stderr", terminal)
    progress = cli._Progress(3)
    assert progress.bar is not None
    progress.close()
    monkeypatch.setattr(cli.sys, "stderr", io.StringIO())
    assert cli._Progress(3).bar is None


def test_pre_commit_hook_definition(tmp_path):
    import shlex
    from pathlib import Path

    import yaml

    hooks = {h["id"]: h for h in yaml.safe_load((Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml").read_text("utf-8"))}
    hook = hooks["termcheck"]
    assert hook["entry"] == "termcheck check" and hook["language"] == "python"
    assert hook["types_or"] == ["text", "markdown", "html"]
    # pre-commit appends the staged file names to the entry
    root = site(tmp_path)
    staged = [str(root / "news/2024/notice.txt"), str(root / "clean.txt")]
    result = CliRunner().invoke(main, shlex.split(hook["entry"])[1:] + staged)
    assert result.exit_code == 1 and "截止目前" in result.stdout
    result = CliRunner().invoke(main, shlex.split(hook["entry"])[1:] + staged[1:])
    assert result.exit_code == 0


def test_each_bad_file_is_one_line_and_the_rest_of_the_batch_finishes(tmp_path, monkeypatch):
    import os
    import pathlib

    root = tmp_path / "drafts"
    root.mkdir()
    (root / "a_notice.txt").write_text(NOTICE, encoding="utf-8")
    (root / "b_empty.txt").write_bytes(b"")
    (root / "c_binary.txt").write_bytes(b"PK\x03\x04\x00\x00binary")
    (root / "d_undecodable.txt").write_bytes("政务公开".encode() + b"\xff\xfe\xfd\x80\x80")
    locked = root / "e_locked.txt"
    locked.write_text(NOTICE, encoding="utf-8")
    os.chmod(locked, 0)
    (root / "f_report.md").write_text(REPORT, encoding="utf-8")
    real_read = pathlib.Path.read_bytes

    def read_bytes(self):  # root reads a mode-0 file anyway: make it refuse as it would for anyone else
        if self == locked:
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    try:
        result = CliRunner().invoke(main, ["check", "--format", "json", str(root)])
    finally:
        os.chmod(locked, 0o600)
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("termcheck: ")]
    assert lines == [
        f"termcheck: {root / 'b_empty.txt'}: empty file, nothing to check",
        f"termcheck: {root / 'c_binary.txt'}: binary file (contains NUL bytes), not checked",
        f"termcheck: {root / 'd_undecodable.txt'}: cannot decode as UTF-8 (byte 12) or GB18030; save it as UTF-8",
        f"termcheck: {locked}: cannot read: Permission denied",
    ]
    found = {f["path"]: [x["text"] for x in f["findings"]] for f in json.loads(result.stdout)["files"]}
    assert found[str(root / "a_notice.txt")] == ["截止目前"]
    assert found[str(root / "f_report.md")] == ["再接再励"]


def test_a_large_file_in_a_batch_is_streamed_and_its_directives_noted(tmp_path, core_checker, monkeypatch):
    from termcheck.sources import stream

    monkeypatch.setattr(stream, "STREAM_THRESHOLD_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text(CLEAN * 40 + NOTICE + CLEAN * 40, encoding="utf-8")
    marked = tmp_path / "marked.txt"
    marked.write_text(CLEAN * 40 + "截止目前，进展顺利。 termcheck: ignore\n", encoding="utf-8")
    outcomes = list(run(core_checker, [big, marked], as_of=AS_OF, jobs=1))
    assert [f.text for f in outcomes[0].report.findings] == ["截止目前"]
    assert outcomes[0].notes == ()
    assert [f.text for f in outcomes[1].report.findings] == ["截止目前"]
    assert outcomes[1].notes == (f"{marked}: inline directives are not read in files this large; all findings reported",)
