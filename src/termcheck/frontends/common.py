"""What the commands share: exit codes, the one-line exit-2 failure, and a Checker built from config and flags."""

from __future__ import annotations

import datetime as _dt
import sys

import click

from ..errors import TermcheckError, one_line
from ..models import Severity

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT_ERROR = 0, 1, 2
FAIL_ON = {"error": Severity.error, "warning": Severity.warning, "info": Severity.info}


def exit_code(reports, fail_on: str, input_error: bool) -> int:
    """2 if an input could not be read, else 1 if a finding is at ``fail_on`` or above, else 0."""
    if input_error:
        return EXIT_INPUT_ERROR
    if fail_on != "never":
        threshold = FAIL_ON[fail_on].rank
        if any(f.severity.rank >= threshold for r in reports for f in r.findings):
            return EXIT_FINDINGS
    return EXIT_CLEAN


def fail(message: str) -> None:
    click.echo(f"termcheck: {one_line(message)}", err=True)
    sys.exit(EXIT_INPUT_ERROR)


def make_checker(lexicons, select=(), ignore=(), settings=None, typo_sensitivity=None, matcher=None):
    """A Checker from config settings overridden by flags: --lexicon adds, --select/--ignore replace."""
    from ..config import Config
    from ..engine import Checker

    options = {"select": select, "ignore": ignore, "typo_sensitivity": typo_sensitivity, "matcher": matcher}
    return Checker.from_config(settings or Config(), lexicons=lexicons, **options)


def build_checker(*args, **kwargs):
    """``make_checker``, with a broken lexicon or setting as the one-line exit-2 error."""
    try:
        return make_checker(*args, **kwargs)
    except TermcheckError as exc:
        fail(str(exc))


def parse_date(ctx, param, value):
    """A click callback: ``--as-of YYYY-MM-DD`` as a date."""
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None
