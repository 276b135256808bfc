"""data/editions/<year>/edition.yml: the one small file that parameterises a year.

Kept apart from edition.py (which needs pandas): reading a year's parameters is light.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import InputError
from .paths import DEFAULT_REPORT, check_report, check_year, edition_dir, label, report_option


def load_params(root: Path, year: int, report: str | None = None) -> dict:
    """data/editions/[<report>/]<year>/edition.yml: the one small file that parameterises a year."""
    check_year(year)
    report = check_report(report)
    path = edition_dir(root, year, report) / "edition.yml"
    if not path.exists():
        raise InputError(f"no edition parameters for {label(year, report)}: run "
                         f"`reportfigures new-edition{report_option(report)} --year {year} --text PATH`", path)
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
    if params.get("report", DEFAULT_REPORT) != report:
        raise InputError(f"says report {params.get('report', DEFAULT_REPORT)}, expected {report}", path)
    return params | {"report": report}
