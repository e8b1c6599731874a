import pytest

from termcheck import Checker

from .conftest import AS_OF, rules


def test_term_inside_another_word_is_not_flagged(core_checker):
    assert core_checker.check("该平台独立运营，服务全省企业。", as_of=AS_OF) == []


def test_term_as_a_word_is_flagged(core_checker):
    assert rules(core_checker.check("坚决反对台独分裂活动。", as_of=AS_OF)) == ["TSENS-0001"]


def test_boundary_comes_from_a_window_not_the_whole_document(core_checker, monkeypatch):
    from termcheck.text import segment

    seen = []
    original = segment.tokens

    def spy(text):
        seen.append(text)
        return original(text)

    monkeypatch.setattr(segment, "tokens", spy)
    long_text = "各地区各部门认真贯彻落实。" * 200 + "坚决反对台独分裂活动。"
    assert rules(core_checker.check(long_text, as_of=AS_OF)) == ["TSENS-0001"]
    assert seen and max(len(s) for s in seen) <= 20


def test_text_without_candidates_never_loads_jieba(tmp_path):
    import subprocess
    import sys

    code = (
        "import sys, datetime; from termcheck import Checker; "
        f"c = Checker(lexicons=[{str(tmp_path / 'x.yaml')!r}], bundled=False); "
        "c.check('各单位要认真组织实施。', as_of=datetime.date(2026, 1, 1)); "
        "print('jieba' in sys.modules)"
    )
    (tmp_path / "x.yaml").write_text(
        "lexicon: x\ncategory: typo\nsource: test\nentries:\n"
        "  - {id: X-0001, kind: substitution, wrong: 再接再励, right: 再接再厉}\n",
        encoding="utf-8",
    )
    # Compile once so the cached form is used, as in a real second start.
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    result = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert result.stdout.strip() == "False"


@pytest.fixture(scope="module")
def bundled_checker():
    return Checker()


def test_slip_that_jieba_glues_to_a_particle_is_still_a_word(bundled_checker):
    # jieba lists 沉缅于 as one token, so 沉缅 alone never stands on word boundaries.
    found = bundled_checker.check("个别干部沉缅于网络游戏，荒废了本职工作。", as_of=AS_OF)
    assert [(f.rule, f.suggestions[0]) for f in found] == [("TYPO-0410", "沉湎")]
    assert bundled_checker.check("个别干部长期沉湎于网络游戏，荒废了本职工作。", as_of=AS_OF) == []


def test_editors_slip_made_of_words_is_found_only_as_a_word(bundled_checker):
    # 按装 is two words by chance in 按装修标准, and a slip of 安装 where it stands alone.
    found = bundled_checker.check("各小区要按装烟感报警器，筑牢安全防线。", as_of=AS_OF)
    assert [f.suggestions[0] for f in found] == ["安装"]
    assert bundled_checker.check("施工单位要按装修标准组织验收。", as_of=AS_OF) == []
