import codecs
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from termcheck.frontends.cli import main
from termcheck.errors import InputError
from termcheck.edit.fix import FixRefused, applicable, apply, fix_file
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


MIXED = [
    "关于进一步做好政务公开工作的通知\r\n",
    "各乡镇人民政府、县政府各部门：\n",
    "\t截止目前，全县已主动公开政府信息１２００余条😀𠀀。\r\n",
    "　　各单位要再接再励，确保工作落到实处。\r",
    "联系电话：0000-1234567\r\n",
    "某某县人民政府办公室",  # no line break at the end
]


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [(b"", "utf-8"), (codecs.BOM_UTF8, "utf-8"), (b"", "gb18030"), (codecs.BOM_UTF16_LE, "utf-16-le")],
)
def test_fix_changes_only_the_fixed_bytes(tmp_path, core_checker, bom, encoding):
    """Byte-wise diff: everything outside the two fixed spans, line endings included, is unchanged."""
    import difflib

    text = "".join(MIXED)
    path = tmp_path / "notice.txt"
    before = bom + text.encode(encoding)
    path.write_bytes(before)
    report = core_checker.check_file(path, as_of=AS_OF)
    changes = fix_file(path, list(report.findings))
    assert [(c.before, c.after) for c in changes] == [("截止目前", "截至目前"), ("再接再励", "再接再厉")]
    after = path.read_bytes()
    first, second = text.index("截止目前"), text.index("再接再励")
    expected = (
        bom
        + text[:first].encode(encoding) + "截至目前".encode(encoding)
        + text[first + 4 : second].encode(encoding) + "再接再厉".encode(encoding)
        + text[second + 4 :].encode(encoding)
    )
    assert after == expected
    replaced = [op for op in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes() if op[0] != "equal"]
    for _, i1, i2, j1, j2 in replaced:  # every changed byte lies inside a fixed word
        assert before[i1:i2] in "截止目前再接再励".encode(encoding) and after[j1:j2] in "截至目前再接再厉".encode(encoding)
    assert after.count(b"\r\n" if encoding != "utf-16-le" else "\r\n".encode(encoding)) == before.count(
        b"\r\n" if encoding != "utf-16-le" else "\r\n".encode(encoding)
    )


def test_fix_writes_a_temporary_file_beside_and_renames_it(tmp_path, core_checker, monkeypatch):
    path = tmp_path / "notice.txt"
    path.write_text(DRAFT, encoding="utf-8")
    report = core_checker.check_file(path, as_of=AS_OF)
    renames = []
    real_replace = os.replace

    def replace(source, target):
        renames.append((os.path.dirname(source), os.path.basename(source), os.fspath(target)))
        assert Path(source).read_text(encoding="utf-8") == FIXED  # complete before it takes the file's name
        assert path.read_text(encoding="utf-8") == DRAFT  # and the original untouched until then
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    fix_file(path, list(report.findings))
    ((folder, name, target),) = renames
    assert folder == str(tmp_path) and name.startswith(".notice.txt.") and target == str(path)
    assert path.read_text(encoding="utf-8") == FIXED


def test_failed_write_leaves_the_file_and_no_temporary(tmp_path, core_checker, monkeypatch):
    path = tmp_path / "notice.txt"
    path.write_text(DRAFT, encoding="utf-8")
    report = core_checker.check_file(path, as_of=AS_OF)

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(InputError) as caught:
        fix_file(path, list(report.findings))
    assert str(caught.value) == f"{path}: cannot write the fixes: No space left on device; file not changed"
    assert path.read_text(encoding="utf-8") == DRAFT
    assert [p.name for p in tmp_path.iterdir()] == ["notice.txt"]
    # in a batch run it is one line for that file, and the run goes on
    from termcheck.frontends.batch import check_path

    outcome = check_path(core_checker, path, as_of=AS_OF, fix=True)
    assert outcome.report.error == f"{path}: cannot write the fixes: No space left on device; file not changed"
    assert [f.text for f in outcome.report.findings] == ["截止目前", "再接再励"]
