"""Correct government prose written for these tests: no detector may raise an alarm on it."""

from pathlib import Path

import termcheck

FIXTURES = Path(__file__).parent / "fixtures"


def test_clean_notice_gets_no_error_or_warning():
    text = (FIXTURES / "clean_prose.txt").read_text(encoding="utf-8")
    report = termcheck.default_checker().check_file(FIXTURES / "clean_prose.txt")
    assert report.as_of_source == "signature"
    alarms = [(f.rule, f.text) for f in report.findings if f.severity.value != "info"]
    assert alarms == []
    assert len(text) > 900
