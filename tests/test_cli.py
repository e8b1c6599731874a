import json

import pytest
from click.testing import CliRunner

from termcheck.frontends.cli import main

from .conftest import CORE_LEXICON

ERRORS = "截止目前，各单位要再接再励。\n依据中华人民共合国有关法律开展工作。\n"
CLEAN = "各单位要认真贯彻落实会议精神，确保各项工作落到实处。\n"


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(ERRORS, encoding="utf-8")
    return path


def test_findings_exit_1_with_corrections_in_text_format(draft):
    result = run("check", str(draft))
    assert result.exit_code == 1
    out = result.output
    assert f"{draft}:1:1: error " in out
    assert "截止目前" in out and "-> 截至目前" in out
    assert "-> 再接再厉" in out
    assert "中华人民共和国" in out


def test_clean_file_exits_0(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 0, result.output
    assert result.output == ""


def test_stdin_and_json_format():
    result = run("check", "--format", "json", "-", input=ERRORS)
    assert result.exit_code == 1
    document = json.loads(result.output)
    assert document["schema_version"] == "1"
    (report,) = document["files"]
    assert report["path"] == "<stdin>"
    texts = {f["text"]: f for f in report["findings"]}
    assert texts["截止目前"]["suggestions"] == ["截至目前"]
    assert {"rule", "category", "severity", "start", "end", "line", "column", "message"} <= set(texts["截止目前"])


def test_jsonl_one_finding_per_line():
    result = run("check", "--format", "jsonl", "-", input=ERRORS)
    lines = result.output.splitlines()
    assert len(lines) >= 3
    assert all(json.loads(line)["path"] == "<stdin>" for line in lines)


@pytest.mark.parametrize(
    "fail_on, expected",
    [("error", 1), ("never", 0)],
)
def test_fail_on(draft, fail_on, expected):
    assert run("check", "--fail-on", fail_on, str(draft)).exit_code == expected


def test_fail_on_warning_counts_warnings_only_at_or_above(tmp_path):
    lexicon = tmp_path / "house.yaml"
    lexicon.write_text(
        "lexicon: house\ncategory: typo\nsource: house style\nentries:\n"
        "  - {id: HOUSE-0001, kind: substitution, severity: warning, wrong: 登陆网站, right: 登录网站}\n",
        encoding="utf-8",
    )
    text = "请登陆网站办理。\n"
    assert run("check", "--lexicon", str(lexicon), "-", input=text).exit_code == 0
    assert run("check", "--lexicon", str(lexicon), "--fail-on", "warning", "-", input=text).exit_code == 1


def test_extra_lexicon_and_as_of(tmp_path):
    result = run("check", "--lexicon", str(CORE_LEXICON), "--as-of", "2021-12-28", "--format", "json", "-",
                 input="国务院总理李克强主持会议。")
    document = json.loads(result.output)
    assert document["files"][0]["as_of"] == "2021-12-28"


def test_bad_date_is_a_usage_error():
    result = run("check", "--as-of", "2021-13-01", "-", input="x")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_missing_file_is_an_input_error_on_one_line(tmp_path):
    result = run("check", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "no such file" in result.output


def test_undecodable_and_binary_files_are_input_errors(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa\x80\x81 not text \x81")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR")
    good = tmp_path / "good.txt"
    good.write_text(ERRORS, encoding="utf-8")
    result = run("check", str(bad), str(binary), str(good))
    assert result.exit_code == 2
    assert "binary file" in result.output
    assert "截至目前" in result.output  # the good file was still checked


def test_broken_lexicon_is_one_line_with_file_line_field(tmp_path):
    lexicon = tmp_path / "broken.yaml"
    lexicon.write_text(
        "lexicon: broken\ncategory: typo\nsource: s\nentries:\n"
        "  - id: B-0001\n    kind: substitution\n    wrong: 某错\n",
        encoding="utf-8",
    )
    result = run("check", "--lexicon", str(lexicon), "-", input="x")
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1
    assert f"{lexicon}:5" in lines[0] and "B-0001" in lines[0] and "'right'" in lines[0]


def test_lexicons_command_json_counts():
    result = run("lexicons", "--format", "json")
    assert result.exit_code == 0
    stats = json.loads(result.output)
    assert set(stats["counts"]) == {"leader", "name", "formulation", "sensitive", "typo", "typography", "privacy", "secrecy"}
    assert stats["lexicons"] and all("path" in lexicon for lexicon in stats["lexicons"])
