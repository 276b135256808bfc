"""data/editions/[<report>/]<year>/edition.yml: the one small file that parameterises a year,
and the decisions taken about it (signed, reopened, logged in decisions.log).
"""

from __future__ import annotations

from pathlib import Path
import yaml

from ..errors import InputError
from ..paths import DEFAULT_REPORT, check_report, check_year, label, report_option
from ..files import atomic_write_text
from ..paths import edition_years
from ..paths import edition_dir as _edition_dir


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


def edition_dir(root: Path, year: int, report: str | None = None) -> Path:
    return _edition_dir(root, year, report)


def params_path(root: Path, year: int, report: str | None = None) -> Path:
    return edition_dir(root, year, report) / "edition.yml"


def is_signed(root: Path, year: int, params: dict | None = None, report: str | None = None) -> bool:
    """Signed off by accept (or, for editions before the status field, a review exists)."""
    if params is None:
        path = params_path(root, year, report)
        if not path.exists():
            return False
        params = read_params(root, year, report)
    status = params.get("status")
    if status is not None:
        return status == "signed"
    return (Path(root) / str(params.get("reviewed", f"data/editions/{year}/claims.reviewed.csv"))).exists()


def log_decision(root: Path, year: int, what: str, report: str | None = None) -> None:
    """One line per decision about a year: when, who, what."""
    import getpass
    from datetime import datetime, timezone
    try:
        who = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on some containers
        who = "unknown"
    stamp = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    path = edition_dir(root, year, report) / "decisions.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"{stamp}\t{who}\t{what}\n")


def _require_open(root: Path, year: int, params: dict, action: str, report: str | None = None) -> None:
    if is_signed(root, year, params, report):
        raise InputError(f"edition {label(year, report)} is signed off; {action} changes it only after "
                         f"`reportfigures new-edition{report_option(report)} --year {year} --text PATH --reopen \"why\"`",
                         params_path(root, year, report))


def read_params(root: Path, year: int, report: str | None = None) -> dict:
    check_year(year)
    path = params_path(root, year, report)
    if not path.exists():
        raise InputError(f"no edition parameters for {label(year, report)}: run "
                         f"`reportfigures new-edition{report_option(report)} --year {year} --text PATH`", path)
    try:
        params = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise InputError(f"is not valid YAML ({str(e).splitlines()[0]})", path) from None
    if not isinstance(params, dict):
        raise InputError("must be a mapping of parameters", path)
    return params


def write_params(path: Path, params: dict) -> None:
    params = {k: v for k, v in params.items() if not (k == "report" and v == DEFAULT_REPORT)}
    atomic_write_text(path, f"# Parameters of the {label(params['year'], params.get('report'))} edition "
                      "(reportfigures new-edition; decisions by accept, bind and promote).\n"
                      + yaml.safe_dump(params, allow_unicode=True, sort_keys=False))


def _latest_year(root: Path, before: int, report: str | None = None) -> int | None:
    years = [y for y in edition_years(root, report) if y < before]
    return max(years) if years else None
