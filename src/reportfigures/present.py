"""What the notebooks call: an edition's tables, a theme's claims and figures, display.

The notebooks stay thin: every number they show comes from here, and here from the claims
that the build extracted from the report. In a build, the tables are already in `out_dir`
(written before the notebooks run); a reviewer who runs a notebook by hand with other
parameters gets them computed in memory from the given text and catalog instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from . import charts
from .formats import quantity
from .site import claim_verdicts, verdict_of


@dataclass
class Edition:
    year: int
    root: Path
    out_dir: Path
    meta: dict
    claims: list[dict]
    derived: list[dict]
    findings: list[dict]
    validation: list[dict]
    figures: list[dict]


def open_edition(root: str | Path, year: int, out_dir: str | Path, text: str | None = None,
                 catalog: str | None = None, figures: str = "data/charts/figures.yml") -> Edition:
    """The edition's tables from out_dir, or computed from `text` and `catalog` when absent."""
    root, out = Path(root), Path(out_dir)
    if not out.is_absolute():
        out = root / out
    from .edition import load_inputs, compute
    if (out / "claims.json").exists():
        claims = json.loads((out / "claims.json").read_text(encoding="utf-8"))
        derived = json.loads((out / "derived.json").read_text(encoding="utf-8"))
        findings = json.loads((out / "findings.json").read_text(encoding="utf-8"))
        validation = json.loads((out / "validation.json").read_text(encoding="utf-8"))
        meta = yaml.safe_load((root / "data" / "raw" / str(year) / "report.meta.yml").read_text(encoding="utf-8"))
    else:
        inputs = load_inputs(root, year, text=text, catalog=catalog)
        res = compute(inputs)
        claims, derived, findings, validation, meta = res.claims, res.derived, res.findings, res.validation, inputs.meta
    if text is not None and claims and not _same_source(root, text, claims):
        raise ValueError(f"{out} was built from another text than {text}")
    return Edition(year, root, out, meta, claims, derived, findings, validation,
                   charts.load_figures(root / figures))


def _same_source(root: Path, text: str, claims: list[dict]) -> bool:
    import hashlib
    path = Path(text) if Path(text).is_absolute() else root / text
    return hashlib.sha256(path.read_bytes()).hexdigest() == claims[0].get("source_sha256")


def theme_claims(ed: Edition, themes: list[str]) -> pd.DataFrame:
    """The theme's claims as a reader's table: formatted value, verdict, where it stands."""
    verdicts = claim_verdicts(ed.findings)
    rows = [{"claim": c["id"], "subject": c.get("subject_zh", ""), "value": quantity(c["value"], c["unit"], c["qualifier"]),
             "kind": c["kind"], "verdict": verdict_of(verdicts.get(c["id"], [])), "section": c["section"],
             "offsets": f"{c['start']}–{c['end']}", "surface": c["surface"]}
            for c in ed.claims if c.get("theme") in themes]
    return pd.DataFrame(rows)


def theme_figures(ed: Edition, theme: str) -> list[charts.Figure]:
    """The theme's figures, drawn and saved to out_dir/charts."""
    index = charts.value_index(ed.claims, ed.derived, ed.findings, ed.year)
    figs = [charts.make_figure(d, ed.claims, ed.derived, ed.findings, ed.meta, ed.year)
            for d in ed.figures if d["theme"] == theme and charts.drawable(d, index)]
    for f in figs:
        charts.save_figure(f, ed.out_dir / "charts")
    return figs


def findings_frame(ed: Edition, verdicts: tuple[str, ...] = ("inconsistent",)) -> pd.DataFrame:
    cols = ["check_id", "rule", "verdict", "numbers", "computed", "note"]
    return pd.DataFrame([{k: f.get(k, "") for k in cols} for f in ed.findings if f["verdict"] in verdicts],
                        columns=cols)


def suites_frame(ed: Edition) -> pd.DataFrame:
    return pd.DataFrame([{"suite": r["suite"], "expectation": x["expectation"], "column": x.get("kwargs", {}).get("column", ""),
                          "met": x["success"]} for r in ed.validation for x in r["results"]])


def headlines(ed: Edition) -> pd.DataFrame:
    """One finding sentence per figure: the edition's headline figures."""
    index = charts.value_index(ed.claims, ed.derived, ed.findings, ed.year)
    return pd.DataFrame([{"figure": d["id"], "theme": d["theme"], "finding": charts.fill(d["finding"], index)}
                         for d in ed.figures if charts.drawable(d, index)])


def show(fig: charts.Figure, out_dir: str | Path | None = None) -> None:
    """The figure as a reader sees it: title, finding, the SVG, notes, alt text, source."""
    from IPython.display import SVG, Markdown, display
    saved = Path(out_dir) / "charts" / f"{fig.id}.svg" if out_dir else None
    svg = saved.read_text(encoding="utf-8") if saved and saved.exists() else charts.render_svg(fig.spec)
    display(Markdown(f"**{fig.title}** — {fig.subtitle}"))
    display(SVG(data=svg))
    display(Markdown(f"*Alt text:* {fig.alt}  \n*Notes:* {fig.notes}  \n*Data:* `charts/{fig.id}.csv`"))


def comparison(root: str | Path, base_year: int, year: int, out_dir: str | Path):
    """The diff of this edition (out_dir) against the built base edition, saved beside it:
    compare/diff.csv, derived.csv, findings.csv and the chart of headline changes."""
    from . import compare
    from .files import atomic_write_text, csv_text
    root, out = Path(root), Path(out_dir)
    d = compare.diff_editions(root / "outputs", base_year, year, new_dir=out)
    dest = out / "compare"
    atomic_write_text(dest / "diff.csv", csv_text(d.claims, compare.DIFF_COLUMNS))
    atomic_write_text(dest / "derived.csv", csv_text(d.derived, ["id", "old", "new", "unit", "old_qualifier", "new_qualifier"]))
    atomic_write_text(dest / "findings.csv", csv_text(d.findings, ["change", "check_id", "verdict", "numbers"]))
    meta = yaml.safe_load((root / "data" / "raw" / str(year) / "report.meta.yml").read_text(encoding="utf-8"))
    fig = compare.changes_figure(d, meta)
    charts.save_figure(fig, out / "charts")
    return d, fig
