import pytest

from termcheck import Checker, LexiconError
from termcheck.lexicon.loader import load_lexicon

HEADER = "lexicon: t\ncategory: typo\nsource: s\nentries:\n"


def load(tmp_path, body, header=HEADER):
    path = tmp_path / "t.yaml"
    path.write_text(header + body, encoding="utf-8")
    return path, lambda: load_lexicon(path)


@pytest.mark.parametrize(
    "body, line, entry, field",
    [
        ("  - {id: T-0001, kind: substitution, wrong: a}\n", 5, "T-0001", "right"),
        ("  - {id: T-0001, kind: term, terms: [x]}\n  - {id: bad id, kind: term, terms: [y]}\n", 6, "bad id", "id"),
        ("  - {id: T-0001, kind: spelling, wrong: a}\n", 5, "T-0001", "kind"),
        ("  - {id: T-0001, kind: leader, name: 张三, titles: [{title: 市长, from: 2020-02-30}]}\n", 5, "T-0001", "titles.0.from"),
        ("  - {id: T-0001, kind: term, terms: [x], unverified: true}\n", 5, "T-0001", "(entry)"),
        ("  - {id: T-0001, kind: term, terms: [x], colour: red}\n", 5, "T-0001", "colour"),
        ("  - {id: T-0001, kind: substitution, wrong: '', right: 政府}\n", 5, "T-0001", "wrong.0"),
        ("  - {id: T-0001, kind: substitution, wrong: 攻府, right: [政府, '']}\n", 5, "T-0001", "right.1"),
    ],
)
def test_schema_errors_name_file_line_entry_and_field(tmp_path, body, line, entry, field):
    path, loader = load(tmp_path, body)
    with pytest.raises(LexiconError) as caught:
        loader()
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: entry {entry}, field '{field}'"), message
    assert "\n" not in message


def test_entry_without_any_source(tmp_path):
    path, loader = load(tmp_path, "  - {id: T-0001, kind: term, terms: [x]}\n", header="lexicon: t\ncategory: typo\nentries:\n")
    with pytest.raises(LexiconError, match=r"t.yaml:4: entry T-0001, field 'source'"):
        loader()


def test_invalid_yaml_names_its_line(tmp_path):
    path, loader = load(tmp_path, "  - {id: T-0001, kind: term, terms: [x]\n  - oops: [\n")
    with pytest.raises(LexiconError, match=r"t.yaml:\d+: invalid YAML"):
        loader()


def test_duplicate_ids_across_files(tmp_path):
    one = tmp_path / "one.yaml"
    two = tmp_path / "two.yaml"
    for path in (one, two):
        path.write_text(HEADER + "  - {id: D-0001, kind: substitution, wrong: 再接再励, right: 再接再厉}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="duplicate id"):
        Checker([one, two], bundled=False, use_cache=False)


def test_failing_example_of_a_user_lexicon_refuses_to_load(tmp_path):
    path = tmp_path / "spec.yaml"
    path.write_text(
        HEADER + "  - id: S-0001\n    kind: substitution\n    wrong: 登陆网站\n    right: 登录网站\n"
        "    examples:\n      - {text: 请登录网站办理, expect: [S-0001]}\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError, match=r"spec.yaml:5: entry S-0001, examples\[0\]"):
        Checker([path], bundled=False)


def test_compiled_lexicons_are_cached_on_disk(tmp_path, monkeypatch):
    from termcheck.lexicon import compile as compile_module

    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "c.yaml"
    path.write_text(HEADER + "  - {id: C-0001, kind: substitution, wrong: 再接再励, right: 再接再厉}\n", encoding="utf-8")
    Checker([path], bundled=False)
    assert list((tmp_path / "cache").glob("compiled-*.pickle"))

    def no_rebuild(*args, **kwargs):
        raise AssertionError("rebuilt although cached")

    monkeypatch.setattr(compile_module._Builder, "build", no_rebuild)
    checker = Checker([path], bundled=False)
    assert [f.rule for f in checker.check("再接再励")] == ["C-0001"]


# -- a broken lexicon or config never yields a checker that silently checks less ------------------

GOOD = HEADER + "  - {id: G-0001, kind: substitution, wrong: 再接再励, right: 再接再厉}\n"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "{path}: a lexicon must be a mapping with 'lexicon', 'category' and 'entries'"),
        (b"- just\n- a list\n", "{path}: a lexicon must be a mapping with 'lexicon', 'category' and 'entries'"),
        (b"lexicon: t\ncategory: typo\nsource: s\n", "{path}: file, field 'entries': Field required"),
        ("lexicon: t\ncategory: typo\nsource: s\nentries:\n  - {id: B-0001, kind: term, terms: [测试]}\n".encode("gb18030"),
         "{path}: lexicon is not valid UTF-8 (byte 82)"),
        ((HEADER + "  - just text\n").encode(), "{path}:5: entry #1, field '(entry)'"),
        (b"lexicon: t\ncategory: colour\nsource: s\nentries: []\n", "{path}: file, field 'category'"),
    ],
)
def test_broken_lexicon_among_good_ones_loads_nothing(tmp_path, content, expected):
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_bytes(content)
    with pytest.raises(LexiconError) as caught:
        Checker([good, broken], bundled=False, use_cache=False)
    assert str(caught.value).startswith(expected.format(path=broken)), str(caught.value)
    assert "\n" not in str(caught.value)


def test_cli_with_a_broken_lexicon_checks_nothing(tmp_path):
    from click.testing import CliRunner

    from termcheck.frontends.cli import main

    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text(HEADER + "  - {id: B-0001, kind: substitution, wrong: 办工室, right: 办公室, severity: fatal}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--lexicon", str(good), "--lexicon", str(broken), "-"], input="各部门要再接再励。")
    assert result.exit_code == 2
    assert result.stdout == ""  # nothing was checked with the lexicons that did load
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"termcheck: {broken}:5: entry B-0001, field 'severity'"), result.stderr


def test_config_naming_a_broken_lexicon_checks_nothing(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from termcheck.frontends.cli import main

    (tmp_path / "city.yaml").write_text(HEADER + "  - {id: C-0001, kind: substitution, wrong: 办工室}\n", encoding="utf-8")
    (tmp_path / "termcheck.toml").write_text('lexicons = ["city.yaml"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "-"], input="截止目前，请向县政府办工室报送。")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"termcheck: {tmp_path / 'city.yaml'}:5: entry C-0001, field 'right': Field required\n"


def test_config_that_is_not_utf8_is_one_line(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from termcheck.frontends.cli import main

    (tmp_path / "termcheck.toml").write_bytes("as-of = 2025-01-01 # 注释\n".encode("gb18030"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "-"], input="截止目前")
    assert result.exit_code == 2 and result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.startswith(f"termcheck: {tmp_path / 'termcheck.toml'}: ")
