"""Command line: arguments -> Checker -> renderer -> exit code. Nothing else lives here."""

from __future__ import annotations

import datetime as _dt
import json
import sys
from pathlib import Path

import click

from .errors import TermcheckError
from .models import FileReport, Severity

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT_ERROR = 0, 1, 2
FAIL_ON = {"error": Severity.error, "warning": Severity.warning, "info": Severity.info}


def _parse_date(ctx, param, value):
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _fail(message: str) -> None:
    click.echo(f"termcheck: {message}", err=True)
    sys.exit(EXIT_INPUT_ERROR)


def _build_checker(lexicons, select=(), ignore=()):
    from .engine import Checker

    try:
        return Checker(lexicons=lexicons, select=select, ignore=ignore)
    except TermcheckError as exc:
        _fail(str(exc))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="termcheck")
def main():
    """Proofread Chinese government web content before it is published."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--format", "output_format", type=click.Choice(["text", "json", "jsonl"]), default="text")
@click.option("--as-of", callback=_parse_date, help="Check titles and wording as of this date (YYYY-MM-DD).")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(path_type=str), help="Extra lexicon file.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error", show_default=True)
@click.option("--select", multiple=True, help="Only these rules or categories.")
@click.option("--ignore", multiple=True, help="Skip these rules or categories.")
def check(paths, output_format, as_of, lexicons, fail_on, select, ignore):
    """Check files (or - for standard input) and report findings."""
    from .errors import InputError
    from .report import get_renderer
    from .text.decode import decode

    checker = _build_checker(lexicons, select, ignore)
    reports: list[FileReport] = []
    input_error = False
    for path in paths or ("-",):
        try:
            if path == "-":
                text = decode(sys.stdin.buffer.read(), "<stdin>")
                from .engine import document_date

                day, how = (as_of, "given") if as_of else document_date(text)
                report = FileReport(path="<stdin>", as_of=day, as_of_source=how, findings=tuple(checker.check(text, as_of=day)))
            else:
                report = checker.check_file(Path(path), as_of=as_of)
        except InputError as exc:
            click.echo(f"termcheck: {exc}", err=True)
            input_error = True
            report = FileReport(path=path, as_of=as_of or _dt.date.today(), findings=(), error=str(exc))
        reports.append(report)
    color = output_format == "text" and sys.stdout.isatty()
    click.echo(get_renderer(output_format, color=color)(reports), nl=False)
    if input_error:
        sys.exit(EXIT_INPUT_ERROR)
    if fail_on != "never":
        threshold = FAIL_ON[fail_on].rank
        if any(f.severity.rank >= threshold for r in reports for f in r.findings):
            sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


@main.command()
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(path_type=str), help="Extra lexicon file.")
def lexicons(output_format, lexicons):
    """List the loaded lexicons and their entry counts."""
    from .lexicon.stats import lexicon_stats

    stats = lexicon_stats(_build_checker(lexicons).compiled)
    if output_format == "json":
        click.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    for lexicon in stats["lexicons"]:
        kinds = ", ".join(f"{kind} {n}" for kind, n in lexicon["kinds"].items())
        origin = "bundled" if lexicon["bundled"] else "extra"
        click.echo(f"{lexicon['name']:<28} {lexicon['category']:<12} {lexicon['entries']:>6} entries ({kinds}) [{origin}] {lexicon['path']}")
    click.echo("counts: " + ", ".join(f"{c} {n}" for c, n in stats["counts"].items()))


if __name__ == "__main__":  # pragma: no cover
    main()
