"""Both matcher backends find the same matches, and a Checker on either reports the same findings."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from termcheck import Checker, TermcheckError
from termcheck.matcher import AHOCORASICK_RS, BACKENDS, PYAHOCORASICK, Matcher, resolve_backend

from .conftest import AS_OF, CORE_LEXICON, SHARED_DATA

ROOT = Path(__file__).resolve().parents[1]
CLEAN = SHARED_DATA / "clean"

# Drafts with the errors termcheck exists for, plus folding cases: traditional and
# full-width forms, spaced-out names, characters outside the BMP (𠮷, 𡈼) before and after hits.
PROSE = [
    (
        "关于做好2025年政府信息公开工作的通知\n各乡镇人民政府、县直各单位：\n"
        "截止目前，全县已主动公开政府信息3200余条。各单位要再接再励，认真贯彻《中华人民共合国政府信息公开条例》，"
        "坚决维护以习近乎同志为核心的党中央权威，扎实推进扫黑险恶常态化。\n某某县人民政府办公室\n2025年3月12日"
    ),
    (
        "2024年政府工作报告\n过去一年，县攻府坚持以人民为中心，不忘初心、忘记使命，申议通过了《关于加强基层治理的意见》。"
        "𠮷祥村、𡈼田村率先完成改厕任务，习 近 平总书记的重要讲话精神得到全面落实。人民检查院依法履职。"
    ),
    (
        "政府信息公开申请答复书\n申请人：张某，身份证号码110101199003071234，联系电话13800138000。\n"
        "經審查，你申請公開的信息屬於國家秘密，依法不予公開。ＡＢＣ公司的材料已转交有关部门办理。"
    ),
    (
        "各位代表：今年以来，我们坚持稳中求进工作总基调，经济运行总体平稳、稳中有进，"
        "城镇新增就业1.2万人，居民人均可支配收入增长6.1%。𠀀𠀁"
    ),
]


def corpus() -> list[str]:
    texts = list(PROSE)
    texts.append((ROOT / "samples" / "draft.txt").read_text(encoding="utf-8"))
    texts.extend(p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures").glob("*.txt")))
    return texts


@pytest.fixture(scope="module")
def checkers():
    return {backend: Checker(matcher=backend) for backend in BACKENDS}


def test_each_checker_runs_the_backend_it_was_asked_for(checkers):
    for backend, checker in checkers.items():
        assert checker.compiled.automaton.backend == backend


def test_both_backends_report_identical_findings_on_drafts(checkers):
    texts = corpus()
    by_backend = {b: [c.check(t, as_of=AS_OF) for t in texts] for b, c in checkers.items()}
    assert by_backend[PYAHOCORASICK] == by_backend[AHOCORASICK_RS]
    found = [f for findings in by_backend[AHOCORASICK_RS] for f in findings]
    rules = {f.rule.split("/")[0] for f in found}
    # The corpus really exercises the lexicon automaton and the variant index.
    assert len(found) >= 15
    assert "typo/confusable" in {f.rule for f in found}
    assert len(rules) >= 5
    for text, findings in zip(texts, by_backend[AHOCORASICK_RS]):
        for finding in findings:
            assert text[finding.start : finding.end] == finding.text


def test_offsets_after_characters_outside_the_bmp(checkers):
    text = "𠮷𠮷各单位要再接再励。"
    for checker in checkers.values():
        findings = checker.check(text, as_of=AS_OF)
        hit = next(f for f in findings if f.text == "再接再励")
        assert (hit.start, hit.end) == (6, 10)


@pytest.mark.skipif(not CLEAN.is_dir(), reason="../shared/data/clean/ is not present")
def test_both_backends_report_identical_findings_on_clean_texts(checkers):
    texts = [p.read_text(encoding="utf-8") for p in sorted(CLEAN.rglob("*.txt"))]
    assert texts
    for text in texts:
        assert checkers[PYAHOCORASICK].check(text, as_of=AS_OF) == checkers[AHOCORASICK_RS].check(text, as_of=AS_OF)


PATTERNS = ["政府", "人民政府", "人民", "民政", "政府信息", "𠮷祥", "祥村", "公开", "信息公开"]


@pytest.mark.parametrize("text", ["县人民政府信息公开", "𠮷祥村人民政府", "", "没有任何匹配的句子", "人民人民政府政府"])
def test_matchers_agree_on_every_overlapping_match(text):
    found = {b: Matcher(PATTERNS, b).find(text) for b in BACKENDS}
    assert found[PYAHOCORASICK] == found[AHOCORASICK_RS]
    for index, start, end in found[AHOCORASICK_RS]:
        assert text[start:end] == PATTERNS[index]
    expected = {(i, s) for i, p in enumerate(PATTERNS) for s in range(len(text)) if text.startswith(p, s)}
    assert {(i, s) for i, s, _ in found[AHOCORASICK_RS]} == expected


def test_matches_come_by_end_then_longest_first():
    found = Matcher(PATTERNS, PYAHOCORASICK).find("县人民政府信息公开")
    assert [PATTERNS[i] for i, _, _ in found] == ["人民", "民政", "人民政府", "政府", "政府信息", "信息公开", "公开"]
    assert Matcher(PATTERNS, AHOCORASICK_RS).find("县人民政府信息公开") == found


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_matcher_survives_pickling(backend):
    matcher = Matcher(PATTERNS, backend)
    copy = pickle.loads(pickle.dumps(matcher))
    assert copy.backend == backend and len(copy) == len(PATTERNS)
    assert copy.patterns() == PATTERNS
    assert copy.find("𠮷祥村人民政府") == matcher.find("𠮷祥村人民政府") != []


@pytest.mark.parametrize("backend", BACKENDS)
def test_empty_and_duplicate_patterns(backend):
    assert Matcher([], backend).find("人民政府") == []
    with pytest.raises(ValueError):
        Matcher(["政府", ""], backend)
    with pytest.raises(ValueError):
        Matcher(["政府", "政府"], backend)


def test_backend_choice(monkeypatch):
    monkeypatch.delenv("TERMCHECK_MATCHER", raising=False)
    assert resolve_backend() == AHOCORASICK_RS  # installed with the test extra: the fast one wins
    monkeypatch.setenv("TERMCHECK_MATCHER", "pyahocorasick")
    assert resolve_backend() == PYAHOCORASICK
    assert resolve_backend("ahocorasick-rs") == AHOCORASICK_RS  # an explicit choice beats the variable
    monkeypatch.setenv("TERMCHECK_MATCHER", "hyperscan")
    with pytest.raises(TermcheckError, match="unknown matcher 'hyperscan'"):
        resolve_backend()


def test_a_pickled_checker_keeps_its_backend(checkers):
    copy = pickle.loads(pickle.dumps(checkers[AHOCORASICK_RS]))
    assert copy.compiled.automaton.backend == AHOCORASICK_RS
    text = PROSE[0]
    assert copy.check(text, as_of=AS_OF) == checkers[AHOCORASICK_RS].check(text, as_of=AS_OF) != []


def test_the_compiled_cache_is_kept_per_backend(tmp_path, monkeypatch):
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path))
    for backend in BACKENDS:
        Checker(lexicons=[CORE_LEXICON], bundled=False, matcher=backend)
    assert len(list(tmp_path.glob("compiled-*.pickle"))) == 2
    for backend in BACKENDS:  # from the cache now, still on the backend asked for
        again = Checker(lexicons=[CORE_LEXICON], bundled=False, matcher=backend)
        assert again.compiled.automaton.backend == backend
    assert len(list(tmp_path.glob("compiled-*.pickle"))) == 2


def test_folding_by_runs_equals_translating_the_whole_text():
    from termcheck.text.normalize import _SEPARATOR_RUN, _translation, fold

    texts = [
        "經審查，你申請公開的信息屬於國家秘密。",  # traditional throughout
        "ＡＢＣ公司２０２５年度報告　第一章",  # full-width letters, digits and space
        "县人民政府关于做好政府信息公开工作的通知",  # nothing to fold
        "習近平同志在中央經濟工作會議上發表重要講話，ＧＤＰ增長５．２％。",
    ]
    for text in texts:
        folded = fold(text)
        assert folded.text == _SEPARATOR_RUN.sub("", text.translate(_translation()))
        assert len(folded.origin) == len(folded.text)
    assert fold(texts[0]).text == "经审查,你申请公开的信息属于国家秘密。"  # full-width comma folds too
    assert fold(texts[1]).text == "ABC公司2025年度报告第一章"


def test_fold_origin_maps_every_folded_character_back():
    import bisect

    from termcheck.text.normalize import fold

    text = "要学习习 近 平总书记讲话，抵制法*轮*功，ＡＢＣ公司\n經濟·社会"
    folded = fold(text)
    assert folded.text == "要学习习近平总书记讲话,抵制法轮功,ABC公司\n经济社会"
    origin = list(folded.origin)
    assert len(origin) == len(folded.origin) == len(folded.text)
    assert origin == sorted(set(origin))
    for index, position in enumerate(origin):
        assert fold(text[position]).text == folded.text[index]
        assert folded.origin[index - len(origin)] == position  # negative indexes too
    start = folded.text.index("习近平")
    assert text[slice(*folded.span(start, start + 3))] == "习 近 平"
    assert bisect.bisect_left(folded.origin, text.index("功")) == folded.text.index("功")


def test_cli_uses_pyahocorasick_for_a_few_small_files_and_auto_for_batches(tmp_path, monkeypatch):
    from termcheck.frontends.cli import SMALL_RUN_BYTES, _matcher_for

    monkeypatch.delenv("TERMCHECK_MATCHER", raising=False)
    small = tmp_path / "notice.txt"
    small.write_text("各单位要认真落实。\n", encoding="utf-8")
    assert _matcher_for([str(small)], None) == "pyahocorasick"
    assert _matcher_for(["-"], None) == "pyahocorasick"
    assert _matcher_for([str(tmp_path)], None) is None  # a directory is a batch
    large = tmp_path / "archive.txt"
    large.write_bytes(b"a" * (SMALL_RUN_BYTES + 1))
    assert _matcher_for([str(small), str(large)], None) is None
    assert _matcher_for([str(small)], "ahocorasick_rs") == "ahocorasick_rs"
    monkeypatch.setenv("TERMCHECK_MATCHER", "ahocorasick_rs")
    assert _matcher_for([str(small)], None) is None  # the environment decides
