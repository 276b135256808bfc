"""data/editions/<year>/edition.yml: the one small file that parameterises a year.

Kept apart from edition.py (which needs pandas): reading a year's parameters is light.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import InputError
from .paths import check_year


def load_params(root: Path, year: int) -> dict:
    """data/editions/<year>/edition.yml: the one small file that parameterises a year."""
    check_year(year)
    path = Path(root) / "data" / "editions" / str(year) / "edition.yml"
    if not path.exists():
        raise InputError(f"no edition parameters for {year}: run `reportfigures new-edition --year {year} --text PATH`", path)
    try:
        params = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise InputError(f"is not valid YAML ({str(e).splitlines()[0]}): fix it or run new-edition again", path) from None
    if not isinstance(params, dict):
        raise InputError("must be a mapping of parameters (year, text, catalog, relations, reviewed)", path)
    for key in ("year", "text", "catalog", "relations", "reviewed"):
        if key not in params:
            raise InputError(f"missing field '{key}'", path)
    if str(params["year"]) != str(year):
        raise InputError(f"says year {params['year']}, expected {year}", path)
    return params
