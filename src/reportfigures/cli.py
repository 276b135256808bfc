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
@click.pass_context
def build(ctx: click.Context, year: int) -> None:
    """Build the edition of a year into outputs/<year>/ (replaced only on success).

    Example:

    \b
        reportfigures build --year 2024
    """
    from .edition import build as run_build

    root = _root(ctx)
    click.echo(f"building edition {year} in {root / 'outputs' / str(year)}")
    final = run_build(root, year, log=click.echo)
    click.echo(f"edition {year} written to {final}")


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


def main(argv: list[str] | None = None) -> int:
    """Entry point: domain errors become one line on stderr and a non-zero exit."""
    try:
        cli.main(args=argv, prog_name="reportfigures", standalone_mode=False)
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
