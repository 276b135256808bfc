"""When a rebuild may reuse the previous edition: a key over every input of a build.

The key covers what Quarto's `freeze` and Observable's loader cache each miss part of:
the notebooks' code, the edition's parameters and every file they name (report text,
catalog, relations, reviewed values, figures), the package's own code and rules, the
committed GX suites, the package version and the lock file. Any change re-executes.
"""

from __future__ import annotations

import json
from pathlib import Path

from .. import __version__
from ..files import digest

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # the whole package: its code is an input of every edition
PARAM_FILES = ("text", "catalog", "relations", "reviewed", "figures")
# package files that only present the tables (charts, pages, notebooks): the tables do not depend on them
PRESENTATION = ("publish/charts/", "publish/site/", "publish/present.py", "publish/i18n.py", "publish/targets_view.py",
                "build/notebooks.py", "build/prerender.py", "build/staging.py", "yearly/compare.py", "cli.py",
                "rules/strings.yml")


def cache_inputs(root: Path, year: int, params: dict) -> dict[str, Path | str]:
    """Name → file (or literal) of everything a build of `year` reads."""
    from ..paths import edition_dir, outputs_dir, raw_dir
    root = Path(root)
    report = params.get("report")
    items: dict[str, Path | str] = {
        "params": edition_dir(root, year, report) / "edition.yml",
        "lock": root / "requirements.lock",
        "package_version": __version__,
        "archive_meta": raw_dir(root, year, report) / "report.meta.yml",
    }
    for key in PARAM_FILES:
        value = params.get(key) or ("data/charts/figures.yml" if key == "figures" else None)
        if value and value != "auto":
            items[f"param:{key}"] = root / value
    items["themes"] = root / "data" / "charts" / "themes.yml"
    base = params.get("base_year")
    if base:  # the change checks read the base year's review and text, the comparison its edition
        items["base:text"] = raw_dir(root, base, report) / "report.txt"
        items["base:meta"] = raw_dir(root, base, report) / "report.meta.yml"
        items["base:reviewed"] = edition_dir(root, base, report) / "claims.reviewed.csv"
        for name in ("claims.json", "derived.json", "findings.json"):
            items[f"base:{name}"] = outputs_dir(root, base, report) / name
    from ..checks import crosscheck
    from ..paths import check_report
    items |= crosscheck.inputs(root, check_report(report))  # the other reports a pairing binds
    from .notebooks import NOTEBOOKS
    for name in NOTEBOOKS:  # the notebooks an edition runs (not the corpus notebook)
        items[f"notebook:{name}.py"] = root / "notebooks" / f"{name}.py"
    for p in sorted((root / "expectations" / "gx" / "expectations").glob("*.json")):
        items[f"suite:{p.name}"] = p
    for p in sorted(PACKAGE_DIR.rglob("*")):
        if p.is_file() and p.suffix in (".py", ".yml", ".html", ".css", ".js"):
            items[f"package:{p.relative_to(PACKAGE_DIR)}"] = p
    return items


def cache_key(root: Path, year: int, params: dict) -> str:
    return digest(cache_inputs(root, year, params))


def is_current(edition_dir: Path, key: str) -> bool:
    """The edition exists, finished (edition.json is written last) and has this key."""
    record = Path(edition_dir) / "edition.json"
    if not record.exists() or not (Path(edition_dir) / "index.html").exists():
        return False
    try:
        return json.loads(record.read_text(encoding="utf-8")).get("cache_key") == key
    except ValueError:
        return False


# --- finer keys: what each step of a build reads -------------------------------------------------

TABLE_FILES = ("numbers.csv", "numbers.json", "claims.csv", "claims.json", "claims.parquet", "findings.csv",
               "findings.json", "derived.csv", "derived.json", "validation.json", "validation.html", "en/validation.html")
# written with the tables when the edition has them: last year's targets, charts chosen from the claims
OPTIONAL_TABLE_FILES = ("targets.csv", "targets.json", "figures.json", "themes.json")


def tables_key(root: Path, year: int, params: dict) -> str:
    """What the tables (claims, findings, derived, numbers, validation) are computed from: not
    the notebooks, the figures or the theme headings, so a chart's wording keeps them."""
    skip = ("notebook:", "param:figures", "themes", "base:claims.json", "base:derived.json", "base:findings.json")
    items = {k: v for k, v in cache_inputs(root, year, params).items()
             if not k.startswith(skip) and not k.removeprefix("package:").startswith(PRESENTATION)}
    items["params"] = json.dumps({k: v for k, v in params.items() if k not in ("figures", "publish_url", "lang")},
                                 sort_keys=True, default=str)
    return digest(items)


def code_key() -> str:
    """The package's code and rules, its version and the renderer's: any change re-runs."""
    import vl_convert as vlc
    items: dict[str, Path | str] = {"package_version": __version__, "vl_convert": vlc.__version__}
    for p in sorted(PACKAGE_DIR.rglob("*")):
        if p.is_file() and p.suffix in (".py", ".yml", ".html", ".css", ".js"):
            items[f"package:{p.relative_to(PACKAGE_DIR)}"] = p
    return digest(items)


def notebook_key(source: Path, params: dict, tables: str, reads: object, code: str, lock: Path) -> str:
    """One notebook run: its source, parameters, the tables, the data it reads beyond them
    (its figures' definitions, its theme's heading, the base edition …), the code, the lock."""
    return digest({"source": source, "params": json.dumps(params, sort_keys=True, default=str), "tables": tables,
                    "reads": json.dumps(reads, sort_keys=True, ensure_ascii=False, default=str), "code": code,
                    "lock": lock})
