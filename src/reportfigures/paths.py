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
