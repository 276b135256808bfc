"""Building an edition: outputs/<year>/ is replaced only when every step succeeded.

Each step has the OWID shape: load (verified inputs) → process (package functions) →
save (into a staging folder). The staging folder replaces the edition in one rename at the
end; a failure anywhere leaves the previous edition untouched and the staging folder gone.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from . import __version__, cache
from .checks import DERIVED_COLUMNS, FINDING_COLUMNS, claim_refs, load_relations, run_checks
from .claims import CLAIM_COLUMNS, bind_all, claim_rows, claimable, compare_reviewed, load_catalog, load_reviewed
from .errors import InputError, IntegrityError
from .files import csv_text, json_text
from .numbers import COLUMNS, extract
from .paths import outputs_dir
from .source import SourceText, load_meta, read_text, verify_archive
from .suites import INTEGRITY_COLUMNS, load_suite, run_suite
from .text import Document
from .validation import render_page

DEFAULT_FIGURES = "data/charts/figures.yml"


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


def load_inputs(root: Path, year: int, *, text: str | None = None, catalog: str | None = None) -> EditionInputs:
    """The archived text, verified against its hash, with its metadata and text model.

    `text`/`catalog` override the edition's parameters (a notebook run by hand on another
    text); an overriding text is read with the same checks but is not an archive."""
    root = Path(root)
    params = load_params(root, year)
    if catalog:
        params = params | {"catalog": catalog}
    if text and Path(root / text).resolve() != Path(root / params["text"]).resolve():
        src = read_text(root / text)
        params = params | {"text": text}
    else:
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
    absent = set(p.get("absent_claims") or [])
    catalog = [c for c in load_catalog(root / p["catalog"]) if c.id not in absent]
    located = bind_all(catalog, inputs.doc, mentions, p["catalog"])
    claims = claim_rows(located, inputs.source.sha256)
    compare_reviewed(claims, load_reviewed(root / p["reviewed"]), p["reviewed"])
    integrity = run_suite(load_suite(root, "claims_integrity"), integrity_frame(inputs, located, mentions))
    if not integrity["success"]:
        failed = [r["expectation"] for r in integrity["results"] if not r["success"]]
        raise IntegrityError(f"claims_integrity failed: {', '.join(failed)}", "expectations/claims_integrity")
    relations = [r for r in load_relations(root / p["relations"], {c["id"] for c in claims} | absent)
                 if not set(claim_refs(r)) & absent]  # a relation with a claim absent this year cannot be checked
    findings, derived = run_checks(claims, relations, inputs.doc)
    f_rows = [f.row() for f in findings]
    consistency = run_suite(load_suite(root, "report_consistency"), pd.DataFrame(f_rows, columns=FINDING_COLUMNS))
    return EditionResults(mentions, claims, f_rows, [d.row() for d in derived], [integrity, consistency])


def integrity_frame(inputs: EditionInputs, located, mentions) -> pd.DataFrame:
    """Every claimable mention with the claim bound to it (none when uncovered) and the
    quote its offsets give in the archived text, for the integrity suite."""
    by_start = {loc.mention.start: loc.claim.id for loc in located if loc.mention is not None}
    text = inputs.source.text
    acknowledged = {(int(u["start"]), u["surface"]) for u in inputs.params.get("unclaimed") or []}
    found = {(m.start, m.surface) for m in claimable(mentions)}
    stale = acknowledged - found
    if stale:
        raise IntegrityError(f"'unclaimed' names numbers not in the text: {sorted(stale)}", "edition.yml")
    mentions = [m for m in mentions if (m.start, m.surface) not in acknowledged]
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
    (dest / "findings.json").write_text(json_text(results.findings), encoding="utf-8")
    (dest / "derived.csv").write_text(csv_text(results.derived, DERIVED_COLUMNS), encoding="utf-8")
    (dest / "derived.json").write_text(json_text(results.derived), encoding="utf-8")
    (dest / "validation.json").write_text(json_text(results.validation), encoding="utf-8")
    (dest / "validation.html").write_text(render_page(inputs.year, results.validation, results.findings, sha),
                                          encoding="utf-8")
    verdicts: dict[str, int] = {}
    for f in results.findings:
        verdicts[f["verdict"]] = verdicts.get(f["verdict"], 0) + 1
    return {"numbers": len(rows), "claims": len(results.claims), "findings": verdicts,
            "derived": len(results.derived)}


def build(root: Path, year: int, *, log=print, force: bool = False, progress: bool = True,
          warm_kernel: bool = True) -> Path:
    """Build outputs/<year>/ from the archived report; atomic at the folder level.

    Steps: verify and compute the tables (in this process), run the notebooks with
    papermill (charts), write the front page. Nothing changed since the last build
    (same cache key) → the previous edition is kept as it is."""
    root = Path(root)
    final = outputs_dir(root, year)
    params = load_params(root, year)
    key = cache.cache_key(root, year, params)
    if not force and cache.is_current(final, key):
        log(f"  up to date (cache key {key[:12]}): nothing re-executed")
        return final
    inputs = load_inputs(root, year)
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{year}.staging.", dir=final.parent))
    try:
        summary = {"year": year, "package_version": __version__, "cache_key": key,
                   "source_sha256": inputs.source.sha256, "params": inputs.params}
        results = compute(inputs)
        summary["outputs"] = save(results, inputs, staging)
        log(f"  tables: {summary['outputs']}")
        runs = run_notebooks(inputs, staging, progress=progress, warm_kernel=warm_kernel)
        figures = published_figures(inputs, staging)
        write_front_page(inputs, results, staging, runs, figures)
        summary["notebooks"] = [r.name for r in runs]
        summary["figures"] = [f.id for f in figures]
        (staging / "edition.json").write_text(json_text(summary), encoding="utf-8")
        _swap(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    write_editions_index(root)
    log(f"  {len(runs)} notebooks, {len(figures)} charts, index.html")
    return final


def write_editions_index(root: Path) -> None:
    """outputs/index.html: every built edition and the comparisons between them."""
    from . import site
    from .files import atomic_write_text
    out = Path(root) / "outputs"
    editions = []
    for d in sorted(out.glob("[0-9][0-9][0-9][0-9]")):
        record = d / "edition.json"
        if record.exists():
            rec = json.loads(record.read_text(encoding="utf-8"))
            editions.append({"year": int(d.name), "base_year": rec["params"].get("base_year"),
                             "compared": (d / "compare" / "diff.csv").exists(), "figures": len(rec.get("figures", []))})
    atomic_write_text(out / "index.html", site.render_editions(editions))


def notebook_parameters(inputs: EditionInputs, out_dir: Path) -> dict:
    p = inputs.params
    return {"year": inputs.year, "root": str(inputs.root.resolve()), "text": p["text"], "catalog": p["catalog"],
            "out_dir": str(Path(out_dir).resolve())}


def run_notebooks(inputs: EditionInputs, dest: Path, *, progress: bool = True, warm_kernel: bool = True):
    from .notebooks import list_notebooks, run_all
    paths = list_notebooks(inputs.root)
    if not paths:
        raise InputError("no notebooks (NN_name.py) to run", inputs.root / "notebooks")
    params = notebook_parameters(inputs, dest)
    base = comparable_base(inputs.root, inputs.params)
    if base is not None:
        paths.append(inputs.root / "notebooks" / "compare.py")
        params["base_year"] = base
    return run_all(inputs.root, paths, params, dest, progress=progress, warm=warm_kernel)


def comparable_base(root: Path, params: dict) -> int | None:
    """The base year to compare with, when its edition is built."""
    base = params.get("base_year")
    if base and (outputs_dir(root, int(base)) / "claims.json").exists():
        return int(base)
    return None


def published_figures(inputs: EditionInputs, dest: Path) -> list:
    """The charts the notebooks drew, read back from their Vega-Lite usermeta; every
    figure of figures.yml must be there (a notebook that forgot one fails the build)."""
    from .charts import load_figures
    from .charts import drawable, value_index
    claims = json.loads((dest / "claims.json").read_text(encoding="utf-8"))
    index = value_index(claims, json.loads((dest / "derived.json").read_text(encoding="utf-8")),
                        json.loads((dest / "findings.json").read_text(encoding="utf-8")), inputs.year)
    wanted = [d["id"] for d in load_figures(inputs.root / inputs.params.get("figures", DEFAULT_FIGURES))
              if drawable(d, index)]
    out = []
    for fid in wanted:
        path = dest / "charts" / f"{fid}.vl.json"
        if not path.exists():
            raise IntegrityError(f"figure {fid} was not drawn by any notebook", "data/charts/figures.yml")
        out.append(PublishedFigure.from_spec(json.loads(path.read_text(encoding="utf-8"))))
    for path in sorted((dest / "charts").glob("changes_*.vl.json")):  # drawn by the comparison notebook
        out.append(PublishedFigure.from_spec(json.loads(path.read_text(encoding="utf-8"))))
    return out


@dataclass
class PublishedFigure:
    id: str
    type: str
    title: str
    subtitle: str
    alt: str
    notes: str
    source: str
    claim_ids: list

    @classmethod
    def from_spec(cls, spec: dict) -> "PublishedFigure":
        m = spec["usermeta"]["reportfigures"]
        return cls(m["figure"], m.get("type", ""), m["title"], m["subtitle"], m["alt"], m["notes"], m["source"],
                   m["claims"])


def write_front_page(inputs: EditionInputs, results: EditionResults, dest: Path, runs, figures) -> None:
    from . import site
    notebooks = [{"title": r.title, "html": f"notebooks/{r.html.name}", "ipynb": f"notebooks/{r.ipynb.name}"}
                 for r in runs]
    downloads = [("claims.csv", "claims (CSV)"), ("claims.json", "claims (JSON)"), ("claims.parquet", "claims (Parquet)"),
                 ("findings.csv", "findings (CSV)"), ("derived.csv", "derived figures (CSV)"),
                 ("numbers.csv", "every number of the report (CSV)"), ("validation.html", "validation page"),
                 ("annotations.json", "W3C Web Annotations of the claims"), ("edition.json", "build record")]
    if (dest / "compare" / "diff.csv").exists():
        downloads.append(("compare/diff.csv", f"changes since {inputs.params.get('base_year')} (CSV)"))
    page = site.render_index(year=inputs.year, meta=inputs.meta, text=inputs.source.text, sha256=inputs.source.sha256,
                             mentions=results.mentions, claims=results.claims, findings=results.findings,
                             figures=figures, notebooks=notebooks, downloads=downloads, validation=results.validation,
                             extra_links=[("../index.html", "all editions")])
    site.write_index(dest, page, site.annotations(inputs.source.text, inputs.source.sha256, results.claims,
                                                  site.claim_verdicts(results.findings)))


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

