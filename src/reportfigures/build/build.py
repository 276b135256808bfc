"""Building an edition: outputs/[<report>/]<year>/ is replaced only when every step succeeded.

Each step has the OWID shape: load (verified inputs) → process (package functions) →
save (into a staging folder). The staging folder replaces the edition in one rename at the
end; a failure anywhere leaves the previous edition untouched and the staging folder gone.
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import datetime, timezone
from pathlib import Path

from .. import __version__
from . import cache
from . import staging
from ..files import digest, json_text
from ..extract.extraction import extract
from ..yearly.params import load_params
from ..paths import DEFAULT_REPORT, RENDER_CACHE_ENV, check_report, outputs_dir, render_cache
from ..tables.inputs import EditionInputs, load_inputs
from ..tables.compute import EditionResults, compute, save
from .published import published_figures, write_editions_index, write_front_pages
from ..publish.auto_figures import write_figure_defs
from ..publish.validation import write_validation_pages
from ..publish.workbook import workbook_key, write_workbook


DEFAULT_FIGURES = "data/charts/figures.yml"


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
                write_figure_defs(inputs, results.claims, stage)
                write_validation_pages(stage, inputs.year, results.validation, results.findings, inputs.source.sha256)
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
            from ..tables import datapackage  # validated again only when the tables are new
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
            from ..tables import database
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
    from ..publish.present import figure_defs, theme_defs, theme_order
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
    return {"base": {f: digest({f: base / f}) for f in ("claims.json", "derived.json", "findings.json")},
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
