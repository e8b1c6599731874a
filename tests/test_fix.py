import codecs
import os

import pytest
from click.testing import CliRunner

from termcheck.cli import main
from termcheck.fix import FixRefused, applicable, apply, fix_file
from termcheck.models import Category, Finding, Severity

from .conftest import AS_OF

DRAFT = "关于进一步做好政务公开工作的通知\n截止目前，各单位要再接再励，确保工作落到实处。\n"
FIXED = "关于进一步做好政务公开工作的通知\n截至目前，各单位要再接再厉，确保工作落到实处。\n"


def finding(start, text, suggestions, fix_safe=True, rule="TTYPO-9"):
    return Finding(
        rule=rule, category=Category.typo, severity=Severity.error, start=start, end=start + len(text),
        line=1, column=start + 1, text=text, message="m", suggestions=tuple(suggestions), fix_safe=fix_safe,
    )


def test_only_safe_single_suggestion_non_overlapping_fixes_apply():
    text = "甲乙丙丁戊己庚辛"
    fixes = [
        finding(0, "甲乙", ["AB"]),
        finding(2, "丙", ["C"], fix_safe=False),
        finding(3, "丁", ["D1", "D2"]),
        finding(4, "戊己", ["EF"]),
        finding(5, "己庚", ["FG"]),  # overlaps 戊己: neither is applied
        finding(7, "辛", ["H"], rule="X"),
        finding(7, "辛", ["H"], rule="Y"),  # the same replacement twice is one fix
    ]
    chosen = applicable(fixes)
    assert [(f.text, f.rule) for f in chosen] == [("甲乙", "TTYPO-9"), ("辛", "X")]
    fixed, applied = apply(text, chosen)
    assert fixed == "AB丙丁戊己庚H"
    assert applied == chosen


def test_stale_finding_is_not_written():
    fixed, applied = apply("截至目前", [finding(0, "截止目前", ["截至目前"])])
    assert fixed == "截至目前" and applied == []


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [(b"", "utf-8"), (codecs.BOM_UTF8, "utf-8"), (b"", "gb18030"), (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF16_LE, "utf-16-le")],
)
def test_fix_file_keeps_encoding_bom_and_line_endings(tmp_path, core_checker, bom, encoding):
    path = tmp_path / "notice.txt"
    path.write_bytes(bom + DRAFT.replace("\n", "\r\n").encode(encoding))
    os.chmod(path, 0o640)
    report = core_checker.check_file(path, as_of=AS_OF)
    changes = fix_file(path, list(report.findings))
    assert [c.describe() for c in changes] == [
        f"{path}:2:1: fixed TTYPO-0001 截止目前 -> 截至目前",
        f"{path}:2:10: fixed TTYPO-0002 再接再励 -> 再接再厉",
    ]
    assert path.read_bytes() == bom + FIXED.replace("\n", "\r\n").encode(encoding)
    assert oct(path.stat().st_mode & 0o777) == oct(0o640)
    assert [p.name for p in tmp_path.iterdir()] == ["notice.txt"]  # no temporary file left behind
    assert core_checker.check_file(path, as_of=AS_OF).findings == ()


def test_fix_refuses_html_and_docx(tmp_path, core_checker):
    page = tmp_path / "index.html"
    page.write_text("<p>截止目前</p>", encoding="utf-8")
    with pytest.raises(FixRefused, match="only plain text and Markdown"):
        fix_file(page, [finding(3, "截止目前", ["截至目前"])])
    assert page.read_text(encoding="utf-8") == "<p>截止目前</p>"


def test_nothing_to_fix_writes_nothing(tmp_path, core_checker):
    path = tmp_path / "clean.md"
    path.write_text("各单位要认真贯彻落实。\n", encoding="utf-8")
    before = path.stat().st_mtime_ns
    assert fix_file(path, [finding(0, "各单位", ["各部门"], fix_safe=False)]) == []
    assert path.stat().st_mtime_ns == before


def test_cli_fix_reports_changes_and_remaining_findings(tmp_path):
    draft = tmp_path / "notice.md"
    draft.write_text(DRAFT + "坚持以人民为中心，不忘初心、忘记使命。\n", encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text("<p>截止目前，工作进展顺利。</p>", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--fix", str(draft), str(page)])
    assert f"{draft}:2:1: fixed TYPO-0001 截止目前 -> 截至目前" in result.stderr
    assert "再接再励 -> 再接再厉" in result.stderr
    assert f"{page}: --fix rewrites only plain text and Markdown files; not changed" in result.stderr
    assert page.read_text(encoding="utf-8") == "<p>截止目前，工作进展顺利。</p>"
    text = draft.read_text(encoding="utf-8")
    assert text.startswith(FIXED)
    assert "忘记使命" in text  # not a safe single fix: reported, left for the editor
    assert "忘记使命" in result.stdout and "截止目前" not in result.stdout.split(str(page))[0]
    assert result.exit_code == 1


def test_check_without_fix_never_touches_files(tmp_path):
    draft = tmp_path / "notice.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    before = draft.stat().st_mtime_ns
    result = CliRunner().invoke(main, ["check", str(draft)])
    assert result.exit_code == 1
    assert draft.read_text(encoding="utf-8") == DRAFT and draft.stat().st_mtime_ns == before


def test_fix_of_stdin_is_refused():
    result = CliRunner().invoke(main, ["check", "--fix", "-"], input=DRAFT)
    assert result.exit_code == 2
    assert "cannot fix standard input" in result.stderr
