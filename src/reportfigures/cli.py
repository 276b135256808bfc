"""The `reportfigures` command: a thin shell over the package's functions."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import ReportError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


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


@cli.command()
@click.argument("path", type=click.Path(dir_okay=True))
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
def extract(path: str, fmt: str) -> None:
    """Print every number mention of a text file, one row each.

    Example:

    \b
        reportfigures extract data/raw/2024/report.txt --format json
    """
    from .files import csv_text, json_text
    from .numbers import COLUMNS, extract as run_extract
    from .source import read_text

    src = read_text(path)
    rows = [m.row() for m in run_extract(src.text)]
    out = csv_text(rows, COLUMNS) if fmt == "csv" else json_text([{k: r[k] for k in COLUMNS} for r in rows])
    click.echo(out, nl=False)


@cli.command()
@click.option("--year", type=int, default=2024, show_default=True)
@click.pass_context
def verify(ctx: click.Context, year: int) -> None:
    """Check that the archived report is byte-identical to what was archived."""
    from .source import verify_archive

    src = verify_archive(_root(ctx), year)
    click.echo(f"data/raw/{year}/report.txt: SHA-256 {src.sha256} verified ({len(src.text)} characters)")


@cli.command()
@click.option("--year", type=int, default=2024, show_default=True)
@click.option("--force", is_flag=True, help="Rebuild even when nothing changed.")
@click.pass_context
def build(ctx: click.Context, year: int, force: bool) -> None:
    """Build the edition of a year into outputs/<year>/ (replaced only on success).

    Example:

    \b
        reportfigures build --year 2024
    """
    from .edition import build as run_build

    root = _root(ctx)
    click.echo(f"building edition {year} in {root / 'outputs' / str(year)}")
    final = run_build(root, year, log=click.echo, force=force)
    click.echo(f"edition {year} in {final}")


@cli.command()
@click.option("--year", type=int, default=2024, show_default=True)
@click.pass_context
def check(ctx: click.Context, year: int) -> None:
    """Run both suites on an edition and summarise the findings.

    Exits 0 when claims integrity holds, 1 when it does not, 2 on bad input.

    Example:

    \b
        reportfigures check --year 2024
    """
    from .edition import compute, load_inputs

    inputs = load_inputs(_root(ctx), year)
    res = compute(inputs)  # raises IntegrityError (exit 1) when integrity fails
    for v in res.validation:
        ok = sum(r["success"] for r in v["results"])
        click.echo(f"{v['suite']}: {ok}/{len(v['results'])} expectations met")
    counts: dict[str, int] = {}
    for f in res.findings:
        counts[f["verdict"]] = counts.get(f["verdict"], 0) + 1
    click.echo("findings: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    for f in res.findings:
        if f["verdict"] == "inconsistent":
            click.echo(f"  inconsistent  {f['rule']:<22} {f['numbers']}  {f['note'][:70]}")


@cli.command()
@click.option("--write", is_flag=True, help="Write the suites as JSON into expectations/.")
@click.pass_context
def suites(ctx: click.Context, write: bool) -> None:
    """List the Great Expectations suites, or (re)write them from the package."""
    from .suites import build_suites, write_suites

    if write:
        for p in write_suites(_root(ctx)):
            click.echo(f"wrote {p}")
    else:
        for name, s in build_suites().items():
            click.echo(f"{name}: {len(s.expectations)} expectations")


@cli.command("new-edition")
@click.option("--year", type=int, required=True)
@click.option("--text", "text_path", type=click.Path(), required=True, help="The new year's report (any encoding).")
@click.option("--base-year", type=int, default=None, help="Edition to compare with (default: the latest earlier one).")
@click.pass_context
def new_edition_cmd(ctx: click.Context, year: int, text_path: str, base_year: int | None) -> None:
    """Start a year's edition: archive its text and draft its claims for review.

    Exits 0 when every claim was found and no number is left over, 1 while the draft
    (data/editions/<year>/claims.draft.csv) needs a decision, 2 on bad input.

    \b
        reportfigures new-edition --year 2025 --text ~/Downloads/report-2025.txt
    """
    from .draft import checklist, new_edition

    d = new_edition(_root(ctx), year, Path(text_path), base_year=base_year)
    click.echo(checklist(d))
    if d.needs_decision:
        ctx.exit(1)


@cli.command()
@click.option("--year", type=int, required=True)
@click.pass_context
def accept(ctx: click.Context, year: int) -> None:
    """Accept the reviewed draft: found values signed off, missing claims absent this year,
    uncovered numbers acknowledged. Ambiguous claims must be fixed in the catalog first."""
    from .draft import accept as run_accept

    res = run_accept(_root(ctx), year)
    click.echo(f"accepted {year}: {res['reviewed']} reviewed values, {res['absent']} claims absent, "
               f"{res['unclaimed']} numbers not claimed; now: reportfigures build --year {year}")


@cli.command()
@click.argument("old_year", type=int)
@click.argument("new_year", type=int)
@click.option("--csv", "csv_out", type=click.Path(dir_okay=False), default=None, help="Also write the claims diff as CSV.")
@click.pass_context
def diff(ctx: click.Context, old_year: int, new_year: int, csv_out: str | None) -> None:
    """Compare two built editions claim by claim.

    Exit codes: 0 identical, 1 an edition could not be loaded, 2 same claims with
    different values or qualifiers, 3 different sets of claims.

    \b
        reportfigures diff 2024 2025
    """
    from .compare import DIFF_COLUMNS, diff_editions, summary
    from .files import atomic_write_text, csv_text
    from .paths import outputs_dir

    d = diff_editions(outputs_dir(_root(ctx), old_year).parent, old_year, new_year)
    click.echo(summary(d))
    if csv_out:
        atomic_write_text(csv_out, csv_text(d.claims, DIFF_COLUMNS))
    ctx.exit(d.exit_code)


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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
