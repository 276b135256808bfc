"""Building an edition: outputs/<year>/ is replaced only when every step succeeded.

Each step has the OWID shape: load (verified inputs) → process (package functions) →
save (into a staging folder). The staging folder replaces the edition in one rename at the
end; a failure anywhere leaves the previous edition untouched and the staging folder gone.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from . import __version__
from .checks import DERIVED_COLUMNS, FINDING_COLUMNS, load_relations, run_checks
from .claims import CLAIM_COLUMNS, bind_all, claim_rows, claimable, compare_reviewed, load_catalog, load_reviewed
from .errors import InputError, IntegrityError
from .files import csv_text, json_text
from .numbers import COLUMNS, extract
from .paths import outputs_dir
from .source import SourceText, load_meta, verify_archive
from .suites import INTEGRITY_COLUMNS, load_suite, run_suite
from .text import Document
from .validation import render_page


@dataclass
class EditionInputs:
    root: Path
    year: int
    params: dict
    source: SourceText
    meta: dict
    doc: Document


def load_params(root: Path, year: int) -> dict:
    """data/editions/<year>/edition.yml: the one small file that parameterises a year."""
    path = Path(root) / "data" / "editions" / str(year) / "edition.yml"
    if not path.exists():
        raise InputError(f"no edition parameters for {year}: run `reportfigures new-edition --year {year} --text PATH`", path)
    params = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for key in ("year", "text", "catalog", "relations", "reviewed"):
        if key not in params:
            raise InputError(f"missing field '{key}'", path)
    if int(params["year"]) != year:
        raise InputError(f"says year {params['year']}, expected {year}", path)
    return params


def load_inputs(root: Path, year: int) -> EditionInputs:
    """The archived text, verified against its hash, with its metadata and text model."""
    root = Path(root)
    params = load_params(root, year)
    src = verify_archive(root, year)
    return EditionInputs(root, year, params, src, load_meta(root, year), Document(src.text))


@dataclass
class EditionResults:
    mentions: list
    claims: list[dict]
    findings: list[dict]
    derived: list[dict]
    validation: list[dict]


def compute(inputs: EditionInputs) -> EditionResults:
    """Everything an edition publishes, computed in memory; raises on any integrity failure."""
    root, p = inputs.root, inputs.params
    mentions = extract(inputs.doc)
    catalog = load_catalog(root / p["catalog"])
    located = bind_all(catalog, inputs.doc, mentions, p["catalog"])
    claims = claim_rows(located, inputs.source.sha256)
    compare_reviewed(claims, load_reviewed(root / p["reviewed"]), p["reviewed"])
    integrity = run_suite(load_suite(root, "claims_integrity"), integrity_frame(inputs, located, mentions))
    if not integrity["success"]:
        failed = [r["expectation"] for r in integrity["results"] if not r["success"]]
        raise IntegrityError(f"claims_integrity failed: {', '.join(failed)}", "expectations/claims_integrity")
    relations = load_relations(root / p["relations"], {c["id"] for c in claims})
    findings, derived = run_checks(claims, relations, inputs.doc)
    f_rows = [f.row() for f in findings]
    consistency = run_suite(load_suite(root, "report_consistency"), pd.DataFrame(f_rows, columns=FINDING_COLUMNS))
    return EditionResults(mentions, claims, f_rows, [d.row() for d in derived], [integrity, consistency])


def integrity_frame(inputs: EditionInputs, located, mentions) -> pd.DataFrame:
    """Every claimable mention with the claim bound to it (none when uncovered) and the
    quote its offsets give in the archived text, for the integrity suite."""
    by_start = {loc.mention.start: loc.claim.id for loc in located if loc.mention is not None}
    text = inputs.source.text
    rows = [{"id": by_start.get(m.start), "value": float(m.value), "unit": m.unit, "qualifier": m.qualifier,
             "kind": m.kind, "start": m.start, "end": m.end, "surface": m.surface,
             "source_quote": text[m.start:m.end], "source_sha256": inputs.source.sha256,
             "archived_sha256": inputs.meta["sha256"]} for m in claimable(mentions)]
    return pd.DataFrame(rows, columns=INTEGRITY_COLUMNS)


def save(results: EditionResults, inputs: EditionInputs, dest: Path) -> dict:
    """Write the edition's tables and pages into a (staging) folder."""
    sha = inputs.source.sha256
    rows = [m.row() | {"source_sha256": sha} for m in results.mentions]
    cols = COLUMNS + ["rule", "listed", "listed_open", "source_sha256"]
    (dest / "numbers.csv").write_text(csv_text(rows, cols), encoding="utf-8")
    (dest / "numbers.json").write_text(json_text(rows), encoding="utf-8")
    ccols = CLAIM_COLUMNS + ["listed", "listed_open"]
    (dest / "claims.csv").write_text(csv_text(results.claims, ccols), encoding="utf-8")
    (dest / "claims.json").write_text(json_text(results.claims), encoding="utf-8")
    pd.DataFrame(results.claims, columns=ccols).to_parquet(dest / "claims.parquet", index=False)
    (dest / "findings.csv").write_text(csv_text(results.findings, FINDING_COLUMNS), encoding="utf-8")
    (dest / "derived.csv").write_text(csv_text(results.derived, DERIVED_COLUMNS), encoding="utf-8")
    (dest / "validation.json").write_text(json_text(results.validation), encoding="utf-8")
    (dest / "validation.html").write_text(render_page(inputs.year, results.validation, results.findings, sha),
                                          encoding="utf-8")
    verdicts: dict[str, int] = {}
    for f in results.findings:
        verdicts[f["verdict"]] = verdicts.get(f["verdict"], 0) + 1
    return {"numbers": len(rows), "claims": len(results.claims), "findings": verdicts,
            "derived": len(results.derived)}


def build(root: Path, year: int, *, log=print) -> Path:
    """Build outputs/<year>/ from the archived report; atomic at the folder level."""
    root = Path(root)
    final = outputs_dir(root, year)
    inputs = load_inputs(root, year)
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{year}.staging.", dir=final.parent))
    try:
        summary = {"year": year, "package_version": __version__,
                   "source_sha256": inputs.source.sha256, "params": inputs.params}
        results = compute(inputs)
        summary["outputs"] = save(results, inputs, staging)
        log(f"  {summary['outputs']}")
        (staging / "edition.json").write_text(json_text(summary), encoding="utf-8")
        _swap(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return final


def _swap(staging: Path, final: Path) -> None:
    """Replace the edition folder by the staging folder, keeping the old one until the end."""
    old = None
    if final.exists():
        old = final.with_name(f".{final.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        final.rename(old)
    try:
        staging.rename(final)
    except BaseException:
        if old is not None:
            old.rename(final)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)

