"""Where things live in a project checkout: data/, expectations/, outputs/, notebooks/."""

from __future__ import annotations

import os
from pathlib import Path


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


def outputs_dir(root: Path, year: int) -> Path:
    return Path(root) / "outputs" / str(year)


FIRST_YEAR = 1950  # the CPPCC's and the People's Republic's first work reports


def check_year(year: int) -> int:
    """A report's reviewed year: four digits, not before 1950, not after next year."""
    from datetime import date

    from .errors import InputError
    last = date.today().year + 1
    if not isinstance(year, int) or not FIRST_YEAR <= year <= last:
        raise InputError(f"year {year} is not a report year (expected {FIRST_YEAR}–{last})")
    return year


def edition_years(root: Path) -> list[int]:
    """Years with edition parameters (data/editions/<year>/edition.yml); stray folders
    (2025.bak, notes) are not years."""
    base = Path(root) / "data" / "editions"
    if not base.is_dir():
        return []
    return sorted(int(p.name) for p in base.iterdir()
                  if p.is_dir() and p.name.isdigit() and len(p.name) == 4 and (p / "edition.yml").exists())


RENDER_CACHE_ENV = "REPORTFIGURES_RENDER_CACHE"


def render_cache(root: Path, year: int) -> Path:
    """Drawings by content, shared by the kernel, the drawing-ahead process and later builds."""
    return outputs_dir(root, year).parent / ".render-cache"
