"""Run the coverage-guided fuzz target of ``termcheck.check`` for a bounded number of inputs."""

import subprocess
import sys
from pathlib import Path

import pytest

TARGET = Path(__file__).with_name("fuzz_check.py")
RUNS = 4000
SEEDS = {
    "notice": "关于做好2024年度政府信息公开工作的通知\n截止目前，各单位要再接再励，确保工作落到实处。\n",
    "report": "深入学习习近乎新时代中国特色社会主义思想，坚持不忘初心、忘记使命。\r\n",
    "names": "《中华人民共合国政府信息公开条例》第十条规定，人民检查院依法履行职责。",
    "disguised": "習近平總書記強調，截 止 目 前，ＡＢＣ１２３。😀𠀀\u200b",
    "recipe": "\x01\x05政务\x00\x10\x01\x02\x07公开",
}

# atheris ships wheels for Linux only, and for the Python versions the test extra names.
atheris_expected = sys.platform == "linux" and (3, 11) <= sys.version_info[:2] < (3, 14)


@pytest.mark.skipif(not atheris_expected, reason="atheris has no wheel for this platform or Python")
def test_fuzz_check_for_a_bounded_number_of_runs(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in SEEDS.items():
        (corpus / name).write_bytes(text.encode("utf-8"))
    result = subprocess.run(
        [sys.executable, str(TARGET), f"-atheris_runs={RUNS}", "-max_len=1024", "-timeout=60", "-rss_limit_mb=2048",
         str(corpus)],
        check=False,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    log = result.stdout + result.stderr
    crashes = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("crash-", "timeout-", "oom-")))
    assert result.returncode == 0 and not crashes, log[-4000:]
    assert f"Done {RUNS} in" in log, log[-4000:]


@pytest.mark.skipif(not atheris_expected, reason="atheris has no wheel for this platform or Python")
def test_fuzz_target_rejects_broken_offsets(monkeypatch):
    """The target's own check fails on a finding that does not point at its text."""
    sys.path.insert(0, str(TARGET.parent))
    try:
        import fuzz_check
    finally:
        sys.path.remove(str(TARGET.parent))
    import termcheck

    text = "截止目前，各单位要再接再励。"
    good = termcheck.check(text)
    monkeypatch.setattr(fuzz_check, "PATTERNS", frozenset(termcheck.default_checker().compiled.automaton.patterns()))
    fuzz_check.check_one(text)
    shifted = [f.model_copy(update={"start": f.start + 1}) for f in good]
    monkeypatch.setattr(fuzz_check.termcheck, "check", lambda *a, **k: shifted)
    with pytest.raises(fuzz_check.BrokenOffsets):
        fuzz_check.check_one(text)
