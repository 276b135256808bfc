"""Building an edition: outputs/[<report>/]<year>/ is replaced only when every step succeeded.

Each step has the OWID shape: load (verified inputs) → process (package functions) →
save (into a staging folder). The staging folder replaces the edition in one rename at the
end; a failure anywhere leaves the previous edition untouched and the staging folder gone.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from datetime import datetime, timezone
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import __version__, cache, staging
from .checks import DERIVED_COLUMNS, FINDING_COLUMNS, claim_refs, load_relations, run_checks
from .claims import CLAIM_COLUMNS, claimable, claims_from_review, load_catalog, load_reviewed
from .errors import IntegrityError
from .files import csv_text, json_text
from .numbers import COLUMNS, extract
from .params import load_params
from .paths import DEFAULT_REPORT, RENDER_CACHE_ENV, check_report, outputs_dir, render_cache
from .source import SourceText, load_meta, read_text, verify_archive
from .suites import INTEGRITY_COLUMNS, SuiteRunner, findings_frame
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
    report: str = DEFAULT_REPORT

    @property
    def has_catalog(self) -> bool:
        """The project's own report binds a catalog; any other report is grouped by its parts."""
        return bool(self.params.get("catalog"))


def load_inputs(root: Path, year: int, *, text: str | None = None, catalog: str | None = None,
                report: str | None = None) -> EditionInputs:
    """The archived text, verified against its hash, with its metadata and text model.

    `text`/`catalog` override the edition's parameters (a notebook run by hand on another
    text); an overriding text is read with the same checks but is not an archive."""
    root = Path(root)
    report = check_report(report)
    params = load_params(root, year, report)
    if catalog:
        params = params | {"catalog": catalog}
    if text and Path(root / text).resolve() != Path(root / params["text"]).resolve():
        src = read_text(root / text)
        params = params | {"text": text}
    else:
        src = verify_archive(root, year, report)
    return EditionInputs(root, year, params, src, load_meta(root, year, report), Document(src.text), report)


@dataclass
class EditionResults:
    mentions: list
    claims: list[dict]
    findings: list[dict]
    derived: list[dict]
    validation: list[dict]
    targets: list[dict] | None = None  # last year's targets beside this year's results (targets.py)


def bind_claims(inputs: EditionInputs) -> tuple[list, list[dict], dict]:
    """The year's numbers and claims, as its review signed them off (claims.reviewed.csv)."""
    root, p = inputs.root, inputs.params
    mentions = extract(inputs.doc)
    catalog = {c.id: c for c in load_catalog(root / p["catalog"])} if inputs.has_catalog else {}
    unclaimed = {(int(u["start"]), u["surface"]) for u in p.get("unclaimed") or []}
    claims = claims_from_review(inputs.doc, mentions, load_reviewed(root / p["reviewed"]), catalog,
                                inputs.source.sha256, unclaimed=unclaimed, path=p["reviewed"],
                                by_part=not inputs.has_catalog)
    return mentions, claims, catalog


def base_inputs(root: Path, params: dict) -> EditionInputs | None:
    """The base year's edition inputs (same report), or None when there is no base year."""
    base = params.get("base_year")
    if not base:
        return None
    return load_inputs(root, int(base), report=params.get("report"))


def base_claims(root: Path, params: dict) -> dict[str, dict] | None:
    """Last year's claims by id, from its archive and review (no build needed), for the
    checks of changes the new text states; None when there is no base year."""
    inputs = base_inputs(root, params)
    if inputs is None:
        return None
    _, claims, _ = bind_claims(inputs)
    return {c["id"]: c for c in claims}


def compute(inputs: EditionInputs) -> EditionResults:
    """Everything an edition publishes, computed in memory; raises on any integrity failure.
    The Great Expectations suites run in a second process that imports GX meanwhile."""
    from . import relations as text_relations

    root, p = inputs.root, inputs.params
    with SuiteRunner(root) as suites:
        mentions, claims, catalog = bind_claims(inputs)
        integrity = suites.run("claims_integrity", integrity_frame(inputs, claims, mentions))
        if not integrity["success"]:
            failed = [r["expectation"] for r in integrity["results"] if not r["success"]]
            raise IntegrityError(f"claims_integrity failed: {', '.join(failed)}", "expectations/claims_integrity")
        present = {c["id"] for c in claims}
        declared = [r for r in load_relations(root / p["relations"], set(catalog) | present)
                    if set(claim_refs(r)) <= present] if p.get("relations") else []
        # (a relation with a claim absent this year cannot be checked)
        rels = text_relations.merge(declared, text_relations.propose(inputs.doc, claims))
        base = base_inputs(root, p)
        base_bound = bind_claims(base)[1] if base is not None else None
        findings, derived = run_checks(claims, rels, inputs.doc, year=inputs.year,
                                       base={c["id"]: c for c in base_bound} if base is not None else None,
                                       printed="print" in str(inputs.meta.get("medium", "")))
        from . import crosscheck
        findings += crosscheck.findings(root, inputs.report, inputs.meta, claims)  # against other reports
        f_rows = [f.row() for f in findings]
        consistency = suites.run("report_consistency", findings_frame(f_rows))
    target_rows = None
    if base is not None and not inputs.has_catalog:
        from . import targets
        target_rows = targets.compare(base.doc, base_bound, base.meta, inputs.doc, claims, inputs.meta, base.year)
    return EditionResults(mentions, claims, f_rows, [d.row() for d in derived], [integrity, consistency],
                          target_rows)


def integrity_frame(inputs: EditionInputs, claims: list[dict], mentions) -> pd.DataFrame:
    """Every claimable mention with the claim bound to it (none when uncovered) and the
    quote its offsets give in the archived text, for the integrity suite."""
    by_start = {c["start"]: c["id"] for c in claims}
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
    ccols = CLAIM_COLUMNS
    (dest / "claims.csv").write_text(csv_text(results.claims, ccols), encoding="utf-8")
    (dest / "claims.json").write_text(json_text(results.claims), encoding="utf-8")
    pd.DataFrame(results.claims, columns=ccols).to_parquet(dest / "claims.parquet", index=False)
    (dest / "findings.csv").write_text(csv_text(results.findings, FINDING_COLUMNS), encoding="utf-8")
    (dest / "findings.json").write_text(json_text(results.findings), encoding="utf-8")
    (dest / "derived.csv").write_text(csv_text(results.derived, DERIVED_COLUMNS), encoding="utf-8")
    (dest / "derived.json").write_text(json_text(results.derived), encoding="utf-8")
    (dest / "validation.json").write_text(json_text(results.validation), encoding="utf-8")
    if results.targets is not None:
        from .targets import TARGET_COLUMNS
        (dest / "targets.csv").write_text(csv_text(results.targets, TARGET_COLUMNS), encoding="utf-8")
        (dest / "targets.json").write_text(json_text(results.targets), encoding="utf-8")
    write_figure_defs(inputs, results, dest)
    for lang, path in (("zh", dest / "validation.html"), ("en", dest / "en" / "validation.html")):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_page(inputs.year, results.validation, results.findings, sha, lang), encoding="utf-8")
    rated: dict[str, int] = {}
    for f in results.findings:
        rated[f["rating"]] = rated.get(f["rating"], 0) + 1
    out = {"numbers": len(rows), "claims": len(results.claims),
           "automatic_claims": sum(c["origin"] == "auto" for c in results.claims), "findings": rated,
           "derived": len(results.derived)}
    if results.targets is not None:
        from .targets import counts
        out["targets"] = counts(results.targets)
    return out


def write_figure_defs(inputs: EditionInputs, results: EditionResults, dest: Path) -> None:
    """For an edition without figures.yml (figures: auto): the charts chosen from its claims
    and the themes (its parts), beside the tables, for the notebooks and the pages."""
    from .present import AUTO
    if inputs.params.get("figures") != AUTO:
        return
    from . import auto_figures
    from .parts import part_heading
    (dest / "figures.json").write_text(json_text(auto_figures.figures(results.claims, inputs.meta)), encoding="utf-8")
    headings = {t: part_heading(inputs.doc, t) for t in ("review", "plan", "tasks", "other")}
    (dest / "themes.json").write_text(json_text(auto_figures.themes(inputs.meta, headings)), encoding="utf-8")


def build(root: Path, year: int, *, log=print, force: bool = False, progress: bool = True,
          warm_kernel: bool = True, report: str | None = None) -> Path:
    """Build outputs/[<report>/]<year>/ from the archived report; atomic at the folder level.

    Steps: verify and compute the tables (in this process), run the notebooks with
    papermill (charts), write the pages in Chinese and English and the workbook. Nothing
    changed since the last build (same cache key) → the previous edition is kept as it is."""
    root = Path(root).resolve()  # the kernel runs elsewhere: relative paths would not hold
    report = check_report(report)
    final = outputs_dir(root, year, report)
    params = load_params(root, year, report)
    key = cache.cache_key(root, year, params)
    if not force and cache.is_current(final, key):
        log(f"  up to date (cache key {key[:12]}): nothing re-executed")
        return final
    outputs = final.parent
    try:
        outputs.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise staging.write_error(e, str(outputs)) from None
    with staging.year_lock(outputs, year, log=log):
        staging.clean_leftovers(outputs, year, log)
        if not force and cache.is_current(final, key):  # built meanwhile by the build we waited for
            log(f"  up to date (cache key {key[:12]}): nothing re-executed")
            return final
        inputs = load_inputs(root, year, report=report)
        previous = _record(final)
        tkey = cache.tables_key(root, year, inputs.params)
        try:
            stage = staging.new_staging(outputs, year)
        except OSError as e:
            raise staging.write_error(e, str(outputs)) from None
        kernel = None
        try:
            if warm_kernel:  # starts and imports on the other core while the tables are computed
                from .notebooks import build_kernel
                kernel = build_kernel(root, year, stage)
            summary = {"year": year, "report": report, "package_version": __version__, "cache_key": key,
                       "tables_key": tkey,
                       "source_sha256": inputs.source.sha256, "params": inputs.params,
                       "built_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat()}
            reused = previous.get("tables_key") == tkey and all((final / f).is_file() for f in cache.TABLE_FILES)
            if reused:
                results = reuse_tables(inputs, final, stage)  # the figures changed, not what they show
                summary["outputs"] = previous.get("outputs", {})
                log("  tables: unchanged, reused from the last edition")
            else:
                results = compute(inputs)
                summary["outputs"] = save(results, inputs, stage)
                log(f"  tables: {summary['outputs']}")
            runs = run_notebooks(inputs, results, stage, progress=progress, warm_kernel=warm_kernel,
                                 tables=tkey, previous=final if previous else None,
                                 records=previous.get("notebook_runs", {}), kernel=kernel)
            if kernel is not None:
                kernel.close()
                kernel = None
            figures = published_figures(inputs, stage)
            drop_stale_charts(stage, runs)
            summary["workbook_key"] = workbook_key(stage)
            if previous.get("workbook_key") == summary["workbook_key"] and (final / "edition.xlsx").is_file():
                shutil.copy2(final / "edition.xlsx", stage / "edition.xlsx")  # the same tables and chart data
            else:
                write_workbook(results, stage)
            write_front_pages(inputs, results, stage, runs, figures, summary)
            from . import datapackage  # validated again only when the tables are new
            datapackage.write(stage, inputs, summary, check=not (reused and (final / "datapackage.json").is_file()))
            summary["notebooks"] = [r.name for r in runs]
            summary["notebook_runs"] = {r.name: {"key": r.key, "title": r.title, "charts": list(r.charts)} for r in runs}
            summary["reused_notebooks"] = sum(r.reused for r in runs)
            summary["figures"] = [f.id for f in figures["zh"]]
            (stage / "edition.json").write_text(json_text(summary), encoding="utf-8")
            staging.publish(stage, final)
        except OSError as e:
            shutil.rmtree(stage, ignore_errors=True)
            raise staging.write_error(e, str(final)) from None
        except BaseException:
            shutil.rmtree(stage, ignore_errors=True)
            raise
        finally:
            if kernel is not None:
                kernel.close()
        try:
            write_editions_index(root)
            from . import database
            if not reused or not database.path(root, report).is_file():  # the same tables: the same rows
                database.update(root, report)
        except OSError as e:
            raise staging.write_error(e, str(outputs / "index.html")) from None
    ran = sum(not r.reused for r in runs)
    log(f"  {len(runs)} notebooks ({ran} run, {len(runs) - ran} unchanged), {len(figures['zh'])} charts in 2 languages, "
        "index.html and en/index.html")
    return final


def _record(final: Path) -> dict:
    """The last edition's build record, or {} when there is none to reuse."""
    try:
        rec = json.loads((final / "edition.json").read_text(encoding="utf-8"))
        return rec if isinstance(rec, dict) else {}
    except (OSError, ValueError):
        return {}


def reuse_tables(inputs: EditionInputs, previous: Path, dest: Path) -> EditionResults:
    """The last edition's tables, copied: no extraction of claims, no suites, no GX import."""
    for f in cache.TABLE_FILES + tuple(f for f in cache.OPTIONAL_TABLE_FILES if (previous / f).is_file()):
        (dest / f).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(previous / f, dest / f)
    load = lambda name: json.loads((dest / f"{name}.json").read_text(encoding="utf-8"))  # noqa: E731
    return EditionResults(extract(inputs.doc), load("claims"), load("findings"), load("derived"), load("validation"),
                          load("targets") if (dest / "targets.json").exists() else None)


def drop_stale_charts(dest: Path, runs) -> None:
    """Only what this build's notebooks drew (or reused) is published: a figure removed
    from figures.yml does not linger in charts/."""
    keep = {c for r in runs for c in r.charts} | {"charts/vega.js"}
    for p in sorted((dest / "charts").rglob("*")) if (dest / "charts").exists() else []:
        if p.is_file() and str(p.relative_to(dest)) not in keep:
            p.unlink()


def write_editions_index(root: Path) -> None:
    """outputs/index.html: every built edition of every report and the comparisons between them."""
    from . import site
    from .files import atomic_write_text
    from .paths import built
    out = Path(root) / "outputs"
    editions = []
    for report, year in built(root):
        d = outputs_dir(root, year, report)
        rec = json.loads((d / "edition.json").read_text(encoding="utf-8"))
        editions.append({"year": year, "report": report, "href": d.relative_to(out).as_posix() + "/index.html",
                         "base_year": rec["params"].get("base_year"), "title": rec.get("title", ""),
                         "compared": (d / "compare" / "diff.csv").exists(), "figures": len(rec.get("figures", [])),
                         "targets": (rec.get("outputs") or {}).get("targets")})
    atomic_write_text(out / "index.html", site.render_editions(editions))


def notebook_parameters(inputs: EditionInputs, out_dir: Path) -> dict:
    """Paths relative to the edition folder: the executed notebooks carry no build path and
    stay right after the staging folder becomes outputs/<year>/."""
    rel = os.path.relpath(inputs.root.resolve(), Path(out_dir).resolve())
    out = {"year": inputs.year, "root": rel, "out_dir": ".", "lang": inputs.params.get("lang", "zh")}
    if inputs.report != DEFAULT_REPORT:
        out["report"] = inputs.report
    return out


RENDER_CACHE_KEEP = 600  # drawings kept in outputs/.render-cache (two languages of many editions)


def run_notebooks(inputs: EditionInputs, results: EditionResults, dest: Path, *, progress: bool = True,
                  warm_kernel: bool = True, tables: str = "", previous: Path | None = None, records: dict | None = None,
                  kernel=None):
    """The notebooks on one kernel, with the charts they will draw drawn ahead on the other
    core into the render cache (an unchanged chart is not drawn again in the next build). A
    notebook run whose inputs did not change since the last edition is copied from it."""
    from . import prerender
    from .notebooks import plan, run_all
    from .present import figure_defs, theme_defs, theme_order
    root = inputs.root
    themes_data = theme_defs(root, inputs.params, dest)
    themes = theme_order(themes_data, {c["theme"] for c in results.claims})
    planned = plan(root, themes, comparable_base(root, inputs.params))
    params = notebook_parameters(inputs, dest)
    code = cache.code_key()
    figs = figure_defs(root, inputs.params, dest)
    for p in planned:
        p.key = cache.notebook_key(p.path, params | p.params, tables, notebook_reads(inputs, p, figs, themes_data),
                                   code, root / "requirements.lock")
    cache_dir = render_cache(root, inputs.year, inputs.report)
    before = os.environ.get(RENDER_CACHE_ENV)
    os.environ[RENDER_CACHE_ENV] = str(cache_dir)
    fresh = [p for p in planned if (records or {}).get(p.name, {}).get("key") != p.key]
    drawing = [(p.params.get("theme", "validation"), p.params.get("lang", "zh")) for p in fresh
               if p.path.stem in ("theme", "validation")]
    # drawing ahead pays: in a second process when several notebooks draw, here (while the
    # kernel starts) when only an edited chart or two are new
    specs = prerender.specs_for(root, inputs.year, dest, drawing, report=inputs.report) if drawing else []
    ahead = prerender.start(specs, cache_dir) if len(drawing) > 2 else None
    here = None
    if specs and ahead is None:
        import threading

        here = threading.Thread(target=lambda: [prerender.draw(sp) for sp in specs], daemon=True)
        here.start()
    try:
        return run_all(root, planned, params, dest, progress=progress, warm=warm_kernel, previous=previous,
                       records=records, kernel=kernel, cache=cache_dir.parent / ".notebook-cache")
    finally:
        prerender.stop(ahead)
        if here is not None:
            here.join()
        if before is None:
            os.environ.pop(RENDER_CACHE_ENV, None)
        else:
            os.environ[RENDER_CACHE_ENV] = before
        _prune(cache_dir, RENDER_CACHE_KEEP)


_SHARED = ("id", "theme", "type", "claims", "actual", "target")
_WORDS = {"zh": ("title", "finding", "alt", "notes"), "en": ("title_en", "finding_en", "alt_en", "notes_en")}


def notebook_reads(inputs: EditionInputs, p, figs: list[dict], themes: list[dict]) -> dict:
    """What a notebook run reads beyond the tables, in its language: the figures it draws
    (a theme's, with their wording), the headlines (the overview), the base edition."""
    lang = p.params.get("lang", "zh")
    words = lambda d, keys: {k: d.get(k) for k in _SHARED + keys}  # noqa: E731
    meta = {k: inputs.meta.get(k) for k in ("title", "title_en", "facts")}
    name = p.path.stem
    if name == "theme":
        theme = p.params["theme"]
        return {"figures": [words(d, _WORDS[lang]) for d in figs if d["theme"] == theme],
                "theme": [t for t in themes if t["id"] == theme], "meta": meta}
    if name == "overview":
        return {"headlines": [words(d, (_WORDS[lang][1],)) for d in figs]}
    if name == "validation":
        return {"figures": [words(d, _WORDS[lang]) for d in figs if d["theme"] == "validation"], "meta": meta}
    base = outputs_dir(inputs.root, int(p.params["base_year"]), inputs.report)
    return {"base": {f: cache._digest({f: base / f}) for f in ("claims.json", "derived.json", "findings.json")},
            "meta": meta}


def _prune(cache: Path, keep: int) -> None:
    """Keep the render cache bounded: the most recently used drawings stay."""
    files = sorted(cache.glob("*.svg"), key=lambda p: p.stat().st_mtime, reverse=True) if cache.exists() else []
    for svg in files[keep:]:
        svg.unlink(missing_ok=True)
        svg.with_suffix(".png").unlink(missing_ok=True)


def comparable_base(root: Path, params: dict) -> int | None:
    """The base year to compare with, when its edition is built."""
    base = params.get("base_year")
    if base and (outputs_dir(root, int(base), params.get("report")) / "claims.json").exists():
        return int(base)
    return None


def published_figures(inputs: EditionInputs, dest: Path) -> dict[str, list]:
    """The charts the notebooks drew, read back from their Vega-Lite usermeta, in each
    language; every drawable figure of figures.yml must be there (a notebook that forgot
    one fails the build)."""
    from .charts import LANGS, chart_dir, drawable, value_index
    from .present import figure_defs
    tables = {n: json.loads((dest / f"{n}.json").read_text(encoding="utf-8")) for n in ("claims", "derived", "findings")}
    index = value_index(tables["claims"], tables["derived"], tables["findings"], inputs.year)
    wanted = [d["id"] for d in figure_defs(inputs.root, inputs.params, dest) if drawable(d, index)]
    out: dict[str, list] = {}
    for lang in LANGS:
        folder = chart_dir(dest / "charts", lang)
        out[lang] = []
        for fid in wanted:
            path = folder / f"{fid}.vl.json"
            if not path.exists():
                raise IntegrityError(f"figure {fid} ({lang}) was not drawn by any notebook", "data/charts/figures.yml")
            out[lang].append(PublishedFigure.from_spec(json.loads(path.read_text(encoding="utf-8")), folder))
        for path in sorted([*folder.glob("targets_*.vl.json"), *folder.glob("changes_*.vl.json")]):  # the comparison
            out[lang].append(PublishedFigure.from_spec(json.loads(path.read_text(encoding="utf-8")), folder))
    return out


@dataclass
class PublishedFigure:
    id: str
    type: str
    lang: str
    title: str
    subtitle: str
    alt: str
    notes: str
    source: str
    claim_ids: list
    width: int = 0  # of the drawn SVG: the page reserves its space before the image loads
    height: int = 0
    narrow: bool = False  # <id>.narrow.svg was drawn: the page shows it on phones

    @classmethod
    def from_spec(cls, spec: dict, folder: Path | None = None) -> "PublishedFigure":
        m = spec["usermeta"]["reportfigures"]
        w = h = 0
        svg = folder / f"{m['figure']}.svg" if folder is not None else None
        if svg is not None and svg.exists():
            head = svg.read_text(encoding="utf-8")[:2000]
            mw, mh = re.search(r'<svg[^>]*\swidth="([\d.]+)"', head), re.search(r'<svg[^>]*\sheight="([\d.]+)"', head)
            w, h = (round(float(mw.group(1))), round(float(mh.group(1)))) if mw and mh else (0, 0)
        narrow = folder is not None and (folder / f"{m['figure']}.narrow.svg").exists()
        return cls(m["figure"], m.get("type", ""), m.get("lang", "zh"), m["title"], m["subtitle"], m["alt"], m["notes"],
                   m["source"], m["claims"], w, h, narrow)


def workbook_key(dest: Path) -> str:
    """What the workbook holds: the tables and every chart's data."""
    items = {f: dest / f for f in ("claims.json", "findings.json", "derived.json", "numbers.json")}
    items |= {str(p.relative_to(dest)): p for p in sorted((dest / "charts").glob("*.csv"))}
    return cache._digest(items)


def write_workbook(results: EditionResults, dest: Path) -> None:
    """edition.xlsx: every table of the edition and every chart's data, for Excel users (a
    UTF-8 CSV opened by Excel on Chinese Windows shows mojibake; a workbook does not)."""
    sheets = {"claims": pd.DataFrame(results.claims, columns=CLAIM_COLUMNS),
              "findings": pd.DataFrame(results.findings, columns=FINDING_COLUMNS),
              "derived": pd.DataFrame(results.derived, columns=DERIVED_COLUMNS),
              "numbers": pd.DataFrame([m.row() for m in results.mentions], columns=COLUMNS + ["rule", "listed"])}
    for p in sorted((dest / "charts").glob("*.csv")):
        sheets[f"chart {p.stem}"[:31]] = pd.read_csv(p, encoding="utf-8")
    with pd.ExcelWriter(dest / "edition.xlsx", engine="openpyxl") as xl:
        for name, df in sheets.items():
            df.to_excel(xl, sheet_name=name, index=False)


def write_front_pages(inputs: EditionInputs, results: EditionResults, dest: Path, runs, figures: dict,
                      summary: dict) -> None:
    """index.html in Chinese and en/index.html in English, and annotations.json."""
    from . import site
    notebooks = [{"name": r.name, "title": r.title, "lang": "en" if r.name.startswith("en/") else "zh",
                  "html": f"notebooks/{r.name}.html", "ipynb": f"notebooks/{r.name}.ipynb"} for r in runs]
    compare = (dest / "compare" / "diff.csv").exists()
    ctx = site.PageContext(year=inputs.year, meta=inputs.meta, text=inputs.source.text, sha256=inputs.source.sha256,
                           mentions=results.mentions, claims=results.claims, findings=results.findings,
                           derived=results.derived, notebooks=notebooks, validation=results.validation,
                           built_at=summary["built_at"], version=summary["package_version"],
                           base_year=inputs.params.get("base_year") if compare else None,
                           publish_url=inputs.params.get("publish_url", ""), targets=results.targets,
                           targets_base=inputs.params.get("base_year"), catalog=inputs.has_catalog)
    for lang in ("zh", "en"):
        site.write_page(dest, site.render_index(ctx, figures[lang], lang), lang)
    site.write_annotations(dest, site.annotations(inputs.source.text, inputs.source.sha256, results.claims,
                                                  results.findings))


