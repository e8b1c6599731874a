"""What the commands share: the one-line exit-2 failure, and a Checker built from config and flags."""

from __future__ import annotations

import datetime as _dt
import sys

import click

from ..errors import TermcheckError, one_line

EXIT_INPUT_ERROR = 2


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
