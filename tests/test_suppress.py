import json

from click.testing import CliRunner

from termcheck.frontends.cli import main
from termcheck.models import Location
from termcheck.suppress import apply_directives, directive_regions

from .conftest import AS_OF

LINE_1 = "截止目前，全市已公开政府信息1200余条。\n"
LINE_2 = "各单位要再接再励，做好政府信息公开工作。\n"


def texts(findings):
    return [f.text for f in findings]


def check(checker, text):
    return apply_directives(checker.check(text, as_of=AS_OF), text)


def test_no_directive_keeps_everything(core_checker):
    text = LINE_1 + LINE_2
    assert texts(check(core_checker, text)) == ["截止目前", "再接再励"]
    assert directive_regions(text) == []


def test_markdown_block_disable_all_then_enable(core_checker):
    text = "<!-- termcheck-disable -->\n" + LINE_1 + "<!-- termcheck-enable -->\n" + LINE_2 + LINE_1
    found = check(core_checker, text)
    assert texts(found) == ["再接再励", "截止目前"]
    assert all(text[f.start : f.end] == f.text for f in found)
    assert found[-1].line == 5


def test_block_disable_one_rule_by_id_category_or_prefix(core_checker):
    for selector in ("TTYPO-0001", "typo", "TTYPO"):
        text = f"<!-- termcheck-disable {selector} -->\n" + LINE_1 + LINE_2
        remaining = texts(check(core_checker, text))
        if selector == "TTYPO-0001":
            assert remaining == ["再接再励"], selector
        else:
            assert remaining == [], selector


def test_disable_several_rules_and_enable_one_back(core_checker):
    text = (
        "<!-- termcheck-disable TTYPO-0001, TTYPO-0002 -->\n"
        + LINE_1
        + LINE_2
        + "<!-- termcheck-enable TTYPO-0002 -->\n"
        + LINE_1
        + LINE_2
    )
    assert texts(check(core_checker, text)) == ["再接再励"]


def test_disable_without_enable_runs_to_the_end(core_checker):
    text = LINE_1 + "<!--termcheck-disable-->\n" + LINE_2 + LINE_1
    assert texts(check(core_checker, text)) == ["截止目前"]


def test_trailing_ignore_on_a_plain_text_line(core_checker):
    text = LINE_1.rstrip("\n") + "  termcheck: ignore\n" + LINE_2
    assert texts(check(core_checker, text)) == ["再接再励"]
    text = "截止目前，各单位要再接再励。 termcheck: ignore[TTYPO-0002]\n"
    assert texts(check(core_checker, text)) == ["截止目前"]
    # a rule that is not there silences nothing
    text = "截止目前，各单位要再接再励。 termcheck: ignore[leader]\n"
    assert texts(check(core_checker, text)) == ["截止目前", "再接再励"]


def test_disable_next_line(core_checker):
    text = "termcheck-disable-next-line\n" + LINE_1 + LINE_1
    found = check(core_checker, text)
    assert [(f.text, f.line) for f in found] == [("截止目前", 3)]
    text = "<!-- termcheck-disable-next-line typo -->\n" + LINE_2 + LINE_2
    assert [f.line for f in check(core_checker, text)] == [3]


def test_html_findings_are_placed_by_source_offset(core_checker):
    source = "<p>截止目前</p>\n<!-- termcheck-disable -->\n<p>再接再励</p>\n"
    text = "截止目前\n再接再励\n"
    findings = core_checker.check(text, as_of=AS_OF)
    located = [
        f.model_copy(update={"location": Location(source_offset=source.index(f.text))}) for f in findings
    ]
    assert texts(apply_directives(located, source)) == ["截止目前"]


def test_cli_honours_directives_in_files_and_stdin(tmp_path):
    draft = tmp_path / "notice.md"
    draft.write_text("# 通知\n\n<!-- termcheck-disable typo -->\n" + LINE_1 + "<!-- termcheck-enable -->\n" + LINE_2, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", str(draft)])
    found = json.loads(result.stdout)["files"][0]["findings"]
    assert [f["text"] for f in found if f["category"] == "typo"] == ["再接再励"]
    stdin = LINE_1.rstrip("\n") + " termcheck: ignore\n"
    result = CliRunner().invoke(main, ["check", "--format", "json", "-"], input=stdin)
    assert json.loads(result.stdout)["files"][0]["findings"] == []
    assert result.exit_code == 0
