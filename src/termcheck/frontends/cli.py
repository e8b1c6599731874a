"""Command line: arguments -> Checker -> renderer -> exit code. Nothing else lives here."""

from __future__ import annotations

import datetime as _dt
import json
import sys
from pathlib import Path

import click

from ..errors import TermcheckError, one_line
from ..models import FileReport
from ..report import RENDERERS
from ..sources import DEFAULT_INCLUDE
from .common import build_checker as _build_checker
from .common import exit_code
from .common import fail as _fail
from .common import make_checker as _make_checker
from .common import parse_date as _parse_date


def _config_rebuild(config_path, lexicons):
    """For the server's reload: read the config file and every lexicon again; errors are raised."""

    def rebuild():
        from ..config import resolve_config

        settings = resolve_config(config_path)
        return _make_checker(lexicons, settings=settings), settings.as_of

    return rebuild


def _load_settings(config_path):
    from ..config import resolve_config

    try:
        return resolve_config(config_path)
    except TermcheckError as exc:
        _fail(str(exc))


class _Progress:
    """A progress bar on stderr when it is a terminal; one-line messages either way."""

    def __init__(self, total: int):
        self.bar = None
        if total > 1 and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="file", file=sys.stderr, leave=False, dynamic_ncols=True)

    def say(self, line: str) -> None:
        line = one_line(line)
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            click.echo(line, err=True)

    def done(self, outcome) -> None:
        if outcome.report.error:
            self.say(f"termcheck: {outcome.report.error}")
        for note in outcome.notes:
            self.say(f"termcheck: {note}")
        for change in outcome.changes:
            self.say(change)
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _batch_summary(reports, seconds: float, changes: int) -> str:
    from ..report.summary import summarize

    summary = summarize(reports)
    rate = summary["files"] / seconds if seconds > 0 else 0.0
    line = f"checked {summary['files']} file(s) in {seconds:.1f} s ({rate:.0f} files/s): {summary['findings']} finding(s)"
    if summary["by_severity"]:
        line += " by severity " + ", ".join(f"{k} {v}" for k, v in summary["by_severity"].items())
    if summary["by_category"]:
        line += "; by category " + ", ".join(f"{k} {v}" for k, v in summary["by_category"].items())
    if changes:
        line += f"; {changes} fix(es) applied"
    if summary["files_with_errors"]:
        line += f"; {summary['files_with_errors']} file(s) skipped"
    return line


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="termcheck")
def main():
    """Proofread Chinese government web content before it is published."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--format", "output_format", type=click.Choice(list(RENDERERS)), default="text")
@click.option(
    "--annotate-docx",
    "annotate_dir",
    type=click.Path(file_okay=False, path_type=str),
    help="Write a copy of each checked .docx into this folder with a Word comment on every finding.",
)
@click.option("--as-of", callback=_parse_date, help="Check titles and wording as of this date (YYYY-MM-DD).")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(path_type=str), help="Extra lexicon file.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default=None,
    help="Lowest severity that makes the exit code 1 [default: config, else error].",
)
@click.option("--select", multiple=True, help="Only these rules or categories.")
@click.option("--ignore", multiple=True, help="Skip these rules or categories.")
@click.option("--config", "config_path", type=click.Path(path_type=str), help="Config file (default: nearest termcheck.toml or pyproject.toml).")
@click.option("--include", multiple=True, help=f"Glob of file names to check inside directories [default: config, else {' '.join(DEFAULT_INCLUDE)}].")
@click.option("--exclude", multiple=True, help="Glob of paths or names to skip inside directories.")
@click.option(
    "--typo-sensitivity",
    type=click.Choice(["default", "high"]),
    default=None,
    help="How readily unlisted typos are warned about; high finds more, with more false alarms [default: config, else default].",
)
@click.option(
    "--matcher",
    type=click.Choice(["auto", "pyahocorasick", "ahocorasick_rs"]),
    default=None,
    help="Matcher backend [default: $TERMCHECK_MATCHER, else pyahocorasick for a few small files, else the fastest installed].",
)
@click.option("--fix", is_flag=True, help="Apply safe single-suggestion corrections to .txt/.md files in place.")
@click.option("--jobs", "-j", type=int, default=0, help="Worker processes; 0 = all cores for large runs, 1 = none.")
def check(paths, **options):
    """Check files, directories (recursively) or - for standard input, and report findings."""
    run = _CheckRun(paths or ("-",), options)
    reports = run.check_stdin() + run.check_files()
    run.render(reports)
    run.annotate(reports)
    sys.exit(run.exit_code(reports))


class _CheckRun:
    """One ``termcheck check``: its settings resolved once, then each step of the run."""

    def __init__(self, paths: tuple[str, ...], options: dict):
        self.options = options
        self.settings = _load_settings(options["config_path"])
        self.as_of = options["as_of"] or self.settings.as_of
        self.fail_on = options["fail_on"] or self.settings.fail_on or "error"
        self.paths = paths
        if options["fix"] and "-" in paths:
            _fail("--fix rewrites files in place; it cannot fix standard input")
        matcher = _matcher_for(paths, options["matcher"])
        self.checker = _build_checker(
            options["lexicons"], options["select"], options["ignore"], self.settings, options["typo_sensitivity"], matcher
        )
        self.input_error = False
        self.files: list[Path] = []

    def check_stdin(self) -> list[FileReport]:
        if "-" not in self.paths:
            return []
        from ..errors import InputError
        from ..suppress import apply_directives
        from ..text.decode import decode

        try:
            text = decode(sys.stdin.buffer.read(), "<stdin>")
            report = self.checker.check_report(text, path="<stdin>", as_of=self.as_of)
            return [report.model_copy(update={"findings": tuple(apply_directives(report.findings, text))})]
        except InputError as exc:
            click.echo(f"termcheck: {one_line(str(exc))}", err=True)
            self.input_error = True
            return [FileReport(path="<stdin>", as_of=self.as_of or _dt.date.today(), findings=(), error=str(exc))]

    def check_files(self) -> list[FileReport]:
        import time

        from .batch import collect_files, run

        options = self.options
        named = [p for p in self.paths if p != "-"]
        self.files = collect_files(named, options["include"] or self.settings.include, options["exclude"] or self.settings.exclude)
        progress = _Progress(len(self.files))
        started = time.perf_counter()
        reports, self.changes = [], 0
        try:
            for outcome in run(self.checker, self.files, as_of=self.as_of, fix=options["fix"], jobs=options["jobs"], on_done=progress.done):
                reports.append(outcome.report)
                self.input_error = self.input_error or outcome.report.error is not None
                self.changes += len(outcome.changes)
        finally:
            progress.close()
        self.elapsed = time.perf_counter() - started
        return reports

    def render(self, reports: list[FileReport]) -> None:
        from ..report import get_renderer

        output_format = self.options["output_format"]
        color = output_format == "text" and sys.stdout.isatty()
        click.echo(get_renderer(output_format, color=color)(reports), nl=False)
        named = [p for p in self.paths if p != "-"]
        if output_format == "text" and (len(self.files) > 1 or any(Path(p).is_dir() for p in named)):
            click.echo(_batch_summary(reports, self.elapsed, self.changes), err=True)

    def annotate(self, reports: list[FileReport]) -> None:
        if not self.options["annotate_dir"]:
            return
        from ..edit.annotate_docx import annotate_reports
        from ..errors import InputError

        for _, outcome in annotate_reports(reports, self.options["annotate_dir"]):
            if isinstance(outcome, InputError):
                click.echo(f"termcheck: {one_line(str(outcome))}", err=True)
                self.input_error = True
            else:
                unanchored = f", {len(outcome.skipped)} not anchored (header, footer or changed text)" if outcome.skipped else ""
                click.echo(f"termcheck: wrote {outcome.out_path} ({outcome.comments} comment(s){unanchored})", err=True)

    def exit_code(self, reports: list[FileReport]) -> int:
        return exit_code(reports, self.fail_on, self.input_error)


@main.command()
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(path_type=str), help="Extra lexicon file.")
def lexicons(output_format, lexicons):
    """List the loaded lexicons and their entry counts."""
    from ..lexicon.stats import lexicon_stats

    stats = lexicon_stats(_build_checker(lexicons).compiled)
    if output_format == "json":
        click.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    for lexicon in stats["lexicons"]:
        kinds = ", ".join(f"{kind} {n}" for kind, n in lexicon["kinds"].items())
        origin = "bundled" if lexicon["bundled"] else "extra"
        click.echo(f"{lexicon['name']:<28} {lexicon['category']:<12} {lexicon['entries']:>6} entries ({kinds}) [{origin}] {lexicon['path']}")
    click.echo("counts: " + ", ".join(f"{c} {n}" for c, n in stats["counts"].items()))
    people = stats["people"]
    click.echo(f"people: {people['people']}, dated posts {people['dated_posts']} ({people['unverified_posts']} unverified)")


# ahocorasick_rs cannot be pickled, so each new process rebuilds its million-pattern variant
# automaton (about 2 s); pyahocorasick loads its own from the cache in 0.1 s. One short run is
# quicker on pyahocorasick, a batch on ahocorasick_rs.
SMALL_RUN_BYTES = 2_000_000


def _matcher_for(paths, requested: str | None) -> str | None:
    """The backend for this run: as asked, else pyahocorasick when the input is a few small files."""
    import os

    from ..matcher import ENVIRONMENT_VARIABLE, PYAHOCORASICK

    if requested or os.environ.get(ENVIRONMENT_VARIABLE, "").strip():
        return requested
    total = 0
    for path in paths:
        if path == "-":
            continue
        if not os.path.isfile(path):
            return None  # a directory: a batch
        total += os.path.getsize(path)
    return PYAHOCORASICK if total <= SMALL_RUN_BYTES else None


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8080, type=click.IntRange(0, 65535), show_default=True)
@click.option("--max-body-bytes", default=1_000_000, type=click.IntRange(1), show_default=True, help="Larger requests get 413.")
@click.option("--config", "config_path", type=click.Path(path_type=str), help="Config file (default: nearest termcheck.toml or pyproject.toml).")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(path_type=str), help="Extra lexicon file.")
def serve(host, port, max_body_bytes, config_path, lexicons):
    """Serve the HTTP API (POST /v1/check, GET /healthz, docs at /docs)."""
    try:
        from .server import serve as run_server
    except ImportError as exc:
        _fail(f"the HTTP API needs its extra: pip install 'termcheck[serve]' ({exc})")
    settings = _load_settings(config_path)
    checker = _build_checker(lexicons, settings=settings)
    run_server(
        checker,
        host=host,
        port=port,
        max_body_bytes=max_body_bytes,
        default_as_of=settings.as_of,
        rebuild=_config_rebuild(config_path, lexicons),
    )


def _register_scan() -> None:
    from .scan_command import scan

    main.add_command(scan)


_register_scan()


if __name__ == "__main__":  # pragma: no cover
    main()
