"""The `reportfigures` command: a thin shell over the package's functions."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import click

from . import __version__
from .errors import ReportError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}

report_option = click.option(
    "--report", default=None, metavar="ID",
    help="The report (e.g. chongqing-gov); default: the project's own report, the CPPCC's.")


def _root(ctx: click.Context) -> Path:
    from .paths import project_root

    return project_root(ctx.obj.get("root") if ctx.obj else None)


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="reportfigures")
@click.option("--root", type=click.Path(file_okay=False), default=None,
              help="Project checkout (default: nearest parent with data/raw).")
@click.pass_context
def cli(ctx: click.Context, root: str | None) -> None:
    """Rebuild, check and chart every number of a Chinese work report."""
    ctx.obj = {"root": root}


@cli.command(context_settings={"ignore_unknown_options": True, "help_option_names": []}, add_help_option=False,
             short_help="Print every number mention of a text file, one row each.")
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def extract(args: tuple[str, ...]) -> int:
    """Print every number mention of a text file, one row each (`reportfigures extract --help`).

    The options are defined once, in corpus/extract_command.py, which `reportfigures extract`
    reaches without importing click."""
    from .corpus.extract_command import main as extract_main

    return extract_main(list(args))


@cli.command()
@click.option("--year", type=int, default=2024, show_default=True)
@report_option
@click.pass_context
def verify(ctx: click.Context, year: int, report: str | None) -> None:
    """Check that the archived report is byte-identical to what was archived."""
    from .paths import raw_dir, rel
    from .source.archive import verify_archive

    root = _root(ctx)
    src = verify_archive(root, year, report)
    click.echo(f"{rel(root, raw_dir(root, year, report) / 'report.txt')}: SHA-256 {src.sha256} verified "
               f"({len(src.text)} characters)")


@cli.command()
@click.option("--year", type=int, default=2024, show_default=True)
@report_option
@click.option("--force", is_flag=True, help="Rebuild even when nothing changed.")
@click.pass_context
def build(ctx: click.Context, year: int, report: str | None, force: bool) -> None:
    """Build the edition of a year into outputs/[<report>/]<year>/ (replaced only on success).

    Example:

    \b
        reportfigures build --year 2024
        reportfigures build --report chongqing-gov --year 2026
    """
    from .build.build import build as run_build
    from .paths import label, outputs_dir

    root = _root(ctx)
    click.echo(f"building edition {label(year, report)} in {outputs_dir(root, year, report)}")
    final = run_build(root, year, log=click.echo, force=force, report=report)
    click.echo(f"edition {label(year, report)} in {final}")


@cli.command()
@click.option("--year", type=int, default=2024, show_default=True)
@report_option
@click.pass_context
def check(ctx: click.Context, year: int, report: str | None) -> None:
    """Run both suites on an edition and summarise the findings.

    Exits 0 when claims integrity holds, 1 when it does not, 2 on bad input.

    Example:

    \b
        reportfigures check --year 2024
    """
    from .tables.compute import compute
    from .tables.inputs import load_inputs

    inputs = load_inputs(_root(ctx), year, report=report)
    res = compute(inputs)  # raises IntegrityError (exit 1) when integrity fails
    for v in res.validation:
        ok = sum(r["success"] for r in v["results"])
        click.echo(f"{v['suite']}: {ok}/{len(v['results'])} expectations met")
    counts: dict[str, int] = {}
    for f in res.findings:
        counts[f["rating"]] = counts.get(f["rating"], 0) + 1
    click.echo("findings: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    from .checks.ratings import FAULTS, ORDER
    for f in sorted(res.findings, key=lambda f: ORDER.index(f["rating"])):
        if f["rating"] in FAULTS:
            click.echo(f"  {f['rating']:<17} {f['sentence_en']}")
    if res.targets is not None:
        from .checks.targets import counts
        click.echo("targets of last year: " + ", ".join(f"{k} {v}" for k, v in counts(res.targets).items()))


@cli.command()
@click.argument("figure_id")
@click.option("--year", type=int, default=2024, show_default=True)
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@report_option
@click.pass_context
def chart(ctx: click.Context, figure_id: str, year: int, lang: str, report: str | None) -> None:
    """Draw one chart of a built edition as data/charts/figures.yml says now, for a look.

    The edit-and-look loop of figures.yml: the chart goes to outputs/.preview/<year>/ (not
    into the published edition; `reportfigures build` re-runs only what the edit touched).

    \b
        reportfigures chart proposals_filing --year 2024 --lang en
    """
    from .publish.charts.make import make_figure
    from .publish.charts.render import save_figure
    from .errors import InputError
    from .paths import check_year, outputs_dir
    from .publish.present import open_edition

    from .paths import label, report_option as opt

    root = _root(ctx)
    check_year(year)
    out = outputs_dir(root, year, report)
    if not (out / "claims.json").exists():
        raise InputError(f"edition {label(year, report)} is not built: run `reportfigures build{opt(report)} --year {year}`",
                         out)
    ed = open_edition(root, year, out, report=report)
    defn = next((d for d in ed.figures if d["id"] == figure_id), None)
    if defn is None:
        raise InputError(f"no figure '{figure_id}' (figures: {', '.join(d['id'] for d in ed.figures)})",
                         root / "data" / "charts" / "figures.yml")
    fig = make_figure(defn, ed.claims, ed.derived, ed.findings, ed.meta, year, lang)
    dest = root / "outputs" / ".preview" / (report or "") / str(year)
    save_figure(fig, dest)
    folder = dest if lang == "zh" else dest / lang
    click.echo(f"{folder / (figure_id + '.png')}\n{fig.title} — {fig.subtitle}")


@cli.command()
@click.option("--write", is_flag=True, help="Write the suites as JSON into expectations/.")
@click.pass_context
def suites(ctx: click.Context, write: bool) -> None:
    """List the Great Expectations suites, or (re)write them from the package."""
    from .tables.suites import build_suites, write_suites

    if write:
        for p in write_suites(_root(ctx)):
            click.echo(f"wrote {p}")
    else:
        for name, s in build_suites().items():
            click.echo(f"{name}: {len(s.expectations)} expectations")


@cli.command("new-edition")
@click.option("--year", type=int, required=True, help="The year the report is named by (2026年重庆市政府工作报告 → 2026).")
@report_option
@click.option("--text", "text_path", type=click.Path(), required=True, help="The new year's report (any encoding).")
@click.option("--base-year", type=int, default=None, help="Edition to compare with (default: the latest earlier one).")
@click.option("--reopen", default=None, metavar="WHY",
              help="Draft a signed-off year again; the reason is logged in data/editions/<year>/decisions.log.")
@click.pass_context
def new_edition_cmd(ctx: click.Context, year: int, report: str | None, text_path: str, base_year: int | None,
                    reopen: str | None) -> None:
    """Start a year's edition: archive its text and draft its claims for review.

    Every claimable number of the text is in the draft: last year's claims bound by one
    assignment (with runner-up and margin), the rest as new automatic claims. A report other
    than the CPPCC's (`--report ID`) needs no catalog: its first year's claims are named by
    the standard indicator they measure or the noun they count, and later years carry them
    by id. Exits 0 when nothing needs a look, 1 when the draft has missing, new or close-call
    claims (review data/editions/[<report>/]<year>/claims.draft.csv, then accept), 2 on bad input.

    \b
        reportfigures new-edition --year 2025 --text ~/Downloads/report-2025.txt
        reportfigures new-edition --report chongqing-gov --year 2025 --text 2025-chongqing.txt
    """
    from .yearly.signoff import checklist
    from .yearly.draft import new_edition

    d = new_edition(_root(ctx), year, Path(text_path), base_year=base_year, reopen=reopen, report=report)
    click.echo(checklist(d))
    if d.needs_review:
        ctx.exit(1)


@cli.command()
@click.option("--year", type=int, required=True)
@report_option
@click.pass_context
def accept(ctx: click.Context, year: int, report: str | None) -> None:
    """Sign the draft off: bound and new claims reviewed, missing claims absent this year."""
    from .yearly.signoff import accept as run_accept
    from .paths import label, report_option as opt

    res = run_accept(_root(ctx), year, report=report)
    click.echo(f"accepted {label(year, report)}: {res['reviewed']} catalog claims, {res['carried']} carried from last "
               f"year, {res['new']} new automatic claims, {res['absent']} claims absent; "
               f"now: reportfigures build{opt(report)} --year {year}")


@cli.command()
@click.option("--year", type=int, required=True)
@report_option
@click.argument("claim_id")
@click.option("--to", "to", default=None, help="The number to bind: its surface as printed (1608件) or @offset.")
@click.option("--absent", is_flag=True, help="The claim is not in this year's report.")
@click.option("--clear", is_flag=True, help="Drop the override: the assignment decides again.")
@click.pass_context
def bind(ctx: click.Context, year: int, report: str | None, claim_id: str, to: str | None, absent: bool,
         clear: bool) -> None:
    """Override one binding of the draft, then draft again (no YAML to edit).

    \b
        reportfigures bind --year 2025 proposals.received --to 1608件
        reportfigures bind --year 2025 publicity.national_speeches --absent
    """
    from .yearly.signoff import checklist, override

    if sum(bool(x) for x in (to, absent, clear)) != 1:
        raise click.UsageError("give exactly one of --to, --absent or --clear")
    d = override(_root(ctx), year, claim_id, to=to, absent=absent, report=report)
    click.echo(checklist(d))


@cli.command()
@click.option("--year", type=int, required=True)
@report_option
@click.argument("auto_id")
@click.option("--id", "new_id", default=None, help="The catalog id to give it (default: keep the automatic id).")
@click.pass_context
def promote(ctx: click.Context, year: int, report: str | None, auto_id: str, new_id: str | None) -> None:
    """Write an automatic claim into the catalog as a YAML entry (and bind it there).

    \b
        reportfigures promote --year 2025 grassroots.auto.minshengwenti_jian --id grassroots.livelihood_problems
    """
    from .yearly.signoff import promote as run_promote

    entry = run_promote(_root(ctx), year, auto_id, new_id, report=report)
    click.echo(f"added {entry['id']} to the catalog (near: {', '.join(entry['near'])}); "
               f"check its subject_en: {entry['subject_en']}")


@cli.command()
@click.argument("old_year", type=int)
@click.argument("new_year", type=int)
@click.option("--csv", "csv_out", type=click.Path(dir_okay=False), default=None, help="Also write the claims diff as CSV.")
@report_option
@click.pass_context
def diff(ctx: click.Context, old_year: int, new_year: int, csv_out: str | None, report: str | None) -> None:
    """Compare two built editions claim by claim.

    Exit codes: 0 identical, 1 an edition could not be loaded, 2 same claims with
    different values or qualifiers, 3 different sets of claims.

    \b
        reportfigures diff 2024 2025
    """
    from .yearly.compare import DIFF_COLUMNS, diff_editions, summary
    from .files import atomic_write_text, csv_text
    from .paths import outputs_dir

    d = diff_editions(outputs_dir(_root(ctx), old_year, report).parent, old_year, new_year)
    click.echo(summary(d))
    if csv_out:
        atomic_write_text(csv_out, csv_text(d.claims, DIFF_COLUMNS))
    ctx.exit(d.exit_code)


@cli.command()
@click.option("--port", type=click.IntRange(1, 65535), default=8001, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (this machine only by default).")
@click.pass_context
def serve(ctx: click.Context, port: int, host: str) -> None:
    """Open every built edition's tables with Datasette (outputs/reportfigures.db).

    Facets by year, theme, kind and rating; Chinese full-text search on sentences, claims,
    findings and numbers; canned queries (claims changed between two editions, a claim
    across editions, the findings that name a claim). Runs until Ctrl-C. The database is
    rebuilt first when an edition is newer than it.

    \b
        reportfigures serve --port 8001
        curl 'http://127.0.0.1:8001/reportfigures/claims.json?year=2024&id=proposals.received&_shape=objects'
    """
    from .tables.datasette import serve as run_serve

    run_serve(_root(ctx), host=host, port=port, log=click.echo)


@cli.command()
@click.argument("folders", nargs=-1, required=True, type=click.Path(file_okay=False))
@click.option("--out", type=click.Path(file_okay=False), default=None,
              help="Default: outputs/corpus/ (one folder), outputs/corpus-editions/ (several years).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@click.option("--jobs", type=click.IntRange(min=1), default=2, show_default=True)
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.pass_context
def corpus(ctx: click.Context, folders: tuple[str, ...], out: str | None, lang: str, jobs: int, quiet: bool) -> None:
    """Many reports at once.

    One folder: the corpus notebook, every number of each report and how many metrics,
    targets and list counts each states, with a chart (outputs/corpus/).

    Several folders of the same reports in consecutive years (files named <year>-<report>.txt):
    every report's editions, each year checked against the one before, on `--jobs` processes
    with a progress bar, and one page comparing last year's targets with this year's results
    for every report (outputs/corpus-editions/index.html).

    \b
        reportfigures corpus ../shared/corpus/gov-work-reports-2026/
        reportfigures corpus ../shared/corpus/gov-work-reports-2025/ ../shared/corpus/gov-work-reports-2026/
    """
    root = _root(ctx)
    if len(folders) == 1:
        from .corpus.notebook import run

        dest = run(root, Path(folders[0]), Path(out) if out else None, lang=lang, jobs=jobs)
        click.echo(f"{dest / 'corpus.html'}\n{dest / 'counts.csv'}\n{dest / 'numbers.csv'}")
        return
    from .corpus.editions import OUT, run as run_editions

    dest = Path(out) if out else root / "outputs" / OUT
    run_editions([Path(f) for f in folders], dest, jobs=jobs, progress=not quiet, log=click.echo)
    click.echo(f"{dest / 'index.html'}\n{dest / 'targets.csv'}")


def main(argv: list[str] | None = None) -> int:
    """Entry point: domain errors become one line on stderr and a non-zero exit."""
    try:
        code = cli.main(args=argv, prog_name="reportfigures", standalone_mode=False)
        if isinstance(code, int):  # ctx.exit(n) returns n when click is not standalone
            return code
    except ReportError as e:
        click.echo(f"error: {e}", err=True)
        return e.exit_code
    except click.exceptions.Exit as e:
        return e.exit_code
    except click.ClickException as e:
        e.show()
        return e.exit_code
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return 1
    return 0


def run() -> None:
    """main(), then exit without the last garbage collection (see command.run, the entry point)."""
    code = main()
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
