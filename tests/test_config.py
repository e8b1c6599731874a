import datetime as dt
import json
import shutil

import pytest
from click.testing import CliRunner

from termcheck.frontends.cli import main
from termcheck.config import DEFAULT_INCLUDE, ConfigError, find_config, load_config, resolve_config
from termcheck.models import Severity

from .conftest import CORE_LEXICON

NOTICE = "关于做好2024年度政府信息公开工作的通知\n截止目前，各单位要再接再励，确保工作落到实处。\n"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_termcheck_toml_full(tmp_path):
    shutil.copy(CORE_LEXICON, tmp_path / "city.yaml")
    path = write(
        tmp_path / "termcheck.toml",
        """
lexicons = ["city.yaml"]
select = ["typo", "leader"]
ignore = ["TTYPO-0002"]
allow = ["李克勤"]
fail-on = "warning"
as-of = 2024-05-01
include = ["*.txt"]
exclude = ["archive/*"]

[severity]
typo = "warning"
""",
    )
    config = load_config(path)
    assert config.lexicons == (tmp_path / "city.yaml",)
    assert config.select == ("typo", "leader")
    assert config.ignore == ("TTYPO-0002",)
    assert config.allow == ("李克勤",)
    assert config.fail_on == "warning"
    assert config.as_of == dt.date(2024, 5, 1)
    assert config.severity == {"typo": Severity.warning}
    assert config.include == ("*.txt",)
    assert config.exclude == ("archive/*",)


def test_pyproject_table_found_from_a_subfolder(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "site"\n\n[tool.termcheck]\nignore = ["sensitive"]\nas-of = "2023-01-02"\n')
    deep = tmp_path / "content" / "2024"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / "pyproject.toml"
    config = resolve_config(start=deep)
    assert config.ignore == ("sensitive",)
    assert config.as_of == dt.date(2023, 1, 2)
    assert config.include == DEFAULT_INCLUDE


def test_pyproject_without_table_is_passed_over(tmp_path):
    write(tmp_path / "termcheck.toml", 'ignore = ["typo"]\n')
    write(tmp_path / "site" / "pyproject.toml", '[project]\nname = "site"\n')
    assert find_config(tmp_path / "site") == tmp_path / "termcheck.toml"


def test_termcheck_toml_wins_over_pyproject_in_same_folder(tmp_path):
    write(tmp_path / "termcheck.toml", 'ignore = ["typo"]\n')
    write(tmp_path / "pyproject.toml", '[tool.termcheck]\nignore = ["leader"]\n')
    assert resolve_config(start=tmp_path).ignore == ("typo",)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('fail-on = "sometimes"\n', "fail-on"),
        ('selectt = ["typo"]\n', "selectt"),
        ('fail_on = "error"\n', "fail_on"),
        ("as-of = 2024-02-30\n", None),  # not even TOML: Feb 30th
        ('as-of = "2024-02-30"\n', "as-of"),
        ('ignore = "typo"\n', "ignore"),
        ('[severity]\ntypo = "fatal"\n', "severity.typo"),
    ],
)
def test_bad_config_names_file_and_key(tmp_path, text, key):
    path = write(tmp_path / "termcheck.toml", text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert str(path) in message and "\n" not in message
    if key:
        assert f"key '{key}'" in message


def test_bad_config_is_one_line_exit_2(tmp_path):
    write(tmp_path / "termcheck.toml", 'fail-on = "sometimes"\n')
    draft = write(tmp_path / "notice.txt", NOTICE)
    result = CliRunner().invoke(main, ["check", "--config", str(tmp_path / "termcheck.toml"), str(draft)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "fail-on" in result.stderr
    assert result.stdout == ""


def test_missing_explicit_config_is_exit_2(tmp_path):
    result = CliRunner().invoke(main, ["check", "--config", str(tmp_path / "nope.toml"), "-"], input=NOTICE)
    assert result.exit_code == 2
    assert "no such config file" in result.stderr


def test_config_applies_and_flags_override(tmp_path, monkeypatch):
    draft = write(tmp_path / "notice.txt", NOTICE)
    write(tmp_path / "termcheck.toml", '[severity]\ntypo = "warning"\n')
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    # typo findings are warnings now, and the default fail-on (error) lets them pass
    result = runner.invoke(main, ["check", "--format", "json", str(draft)])
    assert result.exit_code == 0, result.output
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert {f["text"] for f in findings} >= {"截止目前", "再接再励"}
    assert {f["severity"] for f in findings if f["category"] == "typo"} == {"warning"}
    # the flag overrides config
    assert runner.invoke(main, ["check", "--fail-on", "warning", str(draft)]).exit_code == 1
    # config fail-on is used when no flag is given
    write(tmp_path / "termcheck.toml", 'fail-on = "warning"\n[severity]\ntypo = "warning"\n')
    assert runner.invoke(main, ["check", str(draft)]).exit_code == 1
    assert runner.invoke(main, ["check", "--fail-on", "never", str(draft)]).exit_code == 0


def test_config_ignore_and_allow_and_as_of(tmp_path, monkeypatch):
    draft = write(tmp_path / "notice.txt", NOTICE)
    write(tmp_path / "termcheck.toml", 'ignore = ["typo"]\nas-of = 2024-05-01\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--format", "json", str(draft)])
    document = json.loads(result.stdout)
    assert document["files"][0]["as_of"] == "2024-05-01"
    assert not [f for f in document["files"][0]["findings"] if f["category"] == "typo"]
    # --ignore on the command line replaces the config list
    result = CliRunner().invoke(main, ["check", "--format", "json", "--ignore", "sensitive", str(draft)])
    texts = {f["text"] for f in json.loads(result.stdout)["files"][0]["findings"]}
    assert "截止目前" in texts


def test_config_lexicon_path_is_relative_to_config(tmp_path, monkeypatch):
    project = tmp_path / "site"
    (project / "rules").mkdir(parents=True)
    write(
        project / "rules" / "city.yaml",
        """lexicon: city
category: typo
source: 某某市政府办公室编辑规范
entries:
  - id: CITY-0001
    kind: substitution
    wrong: 某某市政府办
    right: 某某市人民政府办公室
    examples:
      - {text: 某某市政府办印发通知, expect: [CITY-0001]}
""",
    )
    write(project / "termcheck.toml", 'lexicons = ["rules/city.yaml"]\n')
    draft = write(tmp_path / "elsewhere" / "notice.txt", "某某市政府办印发通知。\n")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["check", "--format", "json", str(draft)])
    rules = [f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]]
    assert "CITY-0001" in rules
