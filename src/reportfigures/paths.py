"""Where things live in a project checkout: data/, expectations/, outputs/, notebooks/.

A project holds editions of several reports. An edition is addressed by its report and its
year. The project's own report (the CPPCC report the catalog was written for) keeps the top
level: data/raw/<year>/, data/editions/<year>/, outputs/<year>/. Every other report lives
one folder down, under its id: data/raw/<report>/<year>/, data/editions/<report>/<year>/,
outputs/<report>/<year>/. This module is the one place that knows the layout.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

DEFAULT_REPORT = "chongqing-cppcc"  # the report the catalog in data/claims/ was written for
_REPORT_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def project_root(start: Path | str | None = None) -> Path:
    """The checkout holding data/raw: $REPORTFIGURES_ROOT, else the nearest parent of cwd."""
    env = os.environ.get("REPORTFIGURES_ROOT")
    if env:
        return Path(env).resolve()
    here = Path(start or Path.cwd()).resolve()
    for p in (here, *here.parents):
        if (p / "data" / "raw").is_dir() and (p / "pyproject.toml").exists():
            return p
    return here


def check_report(report: str | None) -> str:
    """A report id: lowercase words joined by hyphens (chongqing-gov); None is the default."""
    from .errors import InputError

    if report is None or report == "":
        return DEFAULT_REPORT
    if not isinstance(report, str) or not _REPORT_ID.match(report) or report.isdigit():
        raise InputError(f"report id '{report}' must be lowercase words joined by hyphens (e.g. chongqing-gov)")
    return report


def _under(report: str | None) -> tuple[str, ...]:
    r = check_report(report)
    return () if r == DEFAULT_REPORT else (r,)


def raw_dir(root: Path, year: int, report: str | None = None) -> Path:
    """The archived text of an edition and its metadata."""
    return Path(root).joinpath("data", "raw", *_under(report), str(year))


def edition_dir(root: Path, year: int, report: str | None = None) -> Path:
    """An edition's parameters, draft, review and decisions."""
    return Path(root).joinpath("data", "editions", *_under(report), str(year))


def outputs_dir(root: Path, year: int, report: str | None = None) -> Path:
    """Where the built edition is published."""
    return Path(root).joinpath("outputs", *_under(report), str(year))


def rel(root: Path, path: Path) -> str:
    """A path inside the project as edition.yml records it (POSIX, relative to the root)."""
    return Path(path).relative_to(Path(root)).as_posix()


FIRST_YEAR = 1950  # the CPPCC's and the People's Republic's first work reports


def check_year(year: int) -> int:
    """A report's year: four digits, not before 1950, not after next year."""
    from datetime import date

    from .errors import InputError
    last = date.today().year + 1
    if not isinstance(year, int) or not FIRST_YEAR <= year <= last:
        raise InputError(f"year {year} is not a report year (expected {FIRST_YEAR}–{last})")
    return year


def edition_years(root: Path, report: str | None = None) -> list[int]:
    """Years of a report with edition parameters (…/<year>/edition.yml); stray folders
    (2025.bak, notes) are not years."""
    base = edition_dir(root, 0, report).parent
    if not base.is_dir():
        return []
    return sorted(int(p.name) for p in base.iterdir()
                  if p.is_dir() and p.name.isdigit() and len(p.name) == 4 and (p / "edition.yml").exists())


def reports(root: Path) -> list[str]:
    """Every report with at least one edition: the default first, the others by id."""
    base = Path(root) / "data" / "editions"
    others = sorted(p.name for p in base.iterdir() if p.is_dir() and _REPORT_ID.match(p.name)
                    and not p.name.isdigit() and edition_years(root, p.name)) if base.is_dir() else []
    return ([DEFAULT_REPORT] if edition_years(root) else []) + others


def built(root: Path) -> list[tuple[str, int]]:
    """(report, year) of every edition built in outputs/ (its edition.json written last)."""
    out = Path(root) / "outputs"
    found = []
    for report in [DEFAULT_REPORT] + sorted(p.name for p in out.iterdir() if p.is_dir() and _REPORT_ID.match(p.name)
                                            and not p.name.isdigit()) if out.is_dir() else []:
        base = outputs_dir(root, 0, report).parent
        for d in sorted(base.glob("[0-9][0-9][0-9][0-9]")):
            if (d / "edition.json").exists():
                found.append((report, int(d.name)))
    return found


def label(year: int, report: str | None = None) -> str:
    """How messages name an edition: 2024, or chongqing-gov 2025."""
    r = check_report(report)
    return str(year) if r == DEFAULT_REPORT else f"{r} {year}"


def report_option(report: str | None) -> str:
    """The CLI option that names a report, for messages (empty for the default)."""
    r = check_report(report)
    return "" if r == DEFAULT_REPORT else f" --report {r}"


RENDER_CACHE_ENV = "REPORTFIGURES_RENDER_CACHE"


def render_cache(root: Path, year: int, report: str | None = None) -> Path:
    """Drawings by content, shared by the kernel, the drawing-ahead process and later builds."""
    return Path(root) / "outputs" / ".render-cache"
