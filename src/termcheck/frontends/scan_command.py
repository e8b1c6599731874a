"""``termcheck scan``: the daily 读网 of a whole site, a list of URLs, or a local mirror folder."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import TermcheckError, one_line
from ..report import RENDERERS
from .common import build_checker, exit_code, fail, parse_date


@click.command()
@click.argument("targets", nargs=-1)
@click.option("--urls", "url_file", type=click.Path(dir_okay=False, path_type=Path), help="A file of URLs, one a line: each is checked, no link is followed.")
@click.option("--state", "state_path", type=click.Path(dir_okay=False, path_type=Path), default=Path("termcheck-scan.sqlite"), show_default=True, help="SQLite file that remembers the site between runs.")
@click.option("--report-html", type=click.Path(dir_okay=False, path_type=Path), help="Write the site report (HTML) here.")
@click.option("--report-json", type=click.Path(dir_okay=False, path_type=Path), help="Write the site report's facts (JSON) here.")
@click.option("--format", "output_format", type=click.Choice(list(RENDERERS)), default="text", help="Findings on standard output, as `check` prints them.")
@click.option("--max-pages", type=int, default=10_000, show_default=True, help="Visit at most this many URLs.")
@click.option("--depth", "max_depth", type=int, default=30, show_default=True, help="Follow links at most this many steps from a start page.")
@click.option("--delay", type=float, default=1.0, show_default=True, help="Seconds between two requests to one host.")
@click.option("--per-host", type=int, default=2, show_default=True, help="Requests to one host at a time.")
@click.option("--concurrency", type=int, default=4, show_default=True, help="Fetching threads in all.")
@click.option("--timeout", type=float, default=10.0, show_default=True, help="Seconds to wait for a server to answer or send more.")
@click.option("--retries", type=int, default=3, show_default=True, help="Further tries after a 5xx or a timeout.")
@click.option("--as-of", callback=parse_date, help="Check every page as of this date, not its PubDate (YYYY-MM-DD).")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(path_type=str), help="Extra lexicon file.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error", show_default=True)
def scan(targets, url_file, state_path, report_html, report_json, output_format, fail_on, lexicons, **limits):
    """Scan a site from its start URL or sitemap.xml, the URLs of --urls, or a mirror folder.

    Pages of the start URLs' hosts are followed (robots.txt respected); .docx and .pdf
    attachments are checked too. A second run with the same --state fetches pages
    conditionally, re-checks the changed ones and reports what is new and fixed; a run that was
    killed resumes where it stopped.
    """
    from ..scan.crawl import ScanOptions, scan_folder
    from ..scan.crawl import scan as scan_site
    from ..scan.site_report import render_site_report, site_summary_json

    seeds = list(targets)
    if url_file is not None:
        try:
            seeds += [line.strip() for line in url_file.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"{url_file}: cannot read the URL list ({exc})")
    if not seeds:
        fail("nothing to scan: give a start URL, a sitemap URL, --urls FILE or a mirror folder")
    folders = [Path(s) for s in seeds if not s.startswith(("http://", "https://"))]
    if folders and (len(folders) > 1 or len(seeds) > 1 or not folders[0].is_dir()):
        fail(f"{folders[0]}: not a URL (http:// or https://) nor a mirror folder given alone")
    as_of = limits.pop("as_of")
    options = ScanOptions(follow_links=url_file is None, as_of=as_of, **limits)
    checker = build_checker(lexicons)
    progress = _ScanProgress()
    try:
        if folders:
            result = scan_folder(checker, folders[0], state_path, options, on_page=progress.page)
        else:
            result = scan_site(checker, seeds, state_path, options, on_page=progress.page)
    except TermcheckError as exc:
        fail(str(exc))
    finally:
        progress.close()
    for report in result.reports:
        if report.error:
            click.echo(f"termcheck: {one_line(report.error)}", err=True)
    for note in result.notes:
        click.echo(f"termcheck: {one_line(note)}", err=True)
    renderer = RENDERERS[output_format]
    click.echo(renderer.render(result.reports), nl=False)
    if report_html is not None:
        _write(report_html, render_site_report(result))
    if report_json is not None:
        _write(report_json, site_summary_json(result))
    click.echo(_summary(result), err=True)
    sys.exit(exit_code(result.reports, fail_on, any(r.error for r in result.reports)))


def _write(path: Path, text: str) -> None:
    from ..edit.fix import write_atomically

    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as exc:
        fail(f"{path}: cannot write the report: {exc.strerror}")


def _summary(result) -> str:
    findings = sum(len(r.findings) for r in result.reports)
    unreadable = sum(1 for r in result.reports if r.error)
    line = f"scanned {len(result.reports)} page(s) and attachment(s){' (resumed)' if result.resumed else ''}: {findings} finding(s)"
    if result.previous_run is not None:
        line += f"; since run {result.previous_run}: {len(result.new)} new, {len(result.fixed)} fixed, {result.still_open} still open"
    if unreadable:
        line += f"; {unreadable} could not be read"
    return line


class _ScanProgress:
    """A progress bar on a terminal: pages done of pages known so far."""

    def __init__(self):
        self.bar = None
        if sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(unit="page", file=sys.stderr, leave=False, dynamic_ncols=True)

    def page(self, report, done: int, known: int) -> None:
        if self.bar is not None:
            self.bar.total = known
            self.bar.n = done
            self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
