"""What the notebooks call: an edition's tables, a theme's claims and charts, findings, display.

The notebooks stay thin: every number they show comes from here, and here from the claims
that the build extracted from the report. In a build, the tables are already in `out_dir`
(written before the notebooks run); a reviewer who runs a notebook by hand on an edition
that is not built gets them computed in memory. Every table and heading follows the
notebook's `lang` parameter (zh or en).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from .charts.style import LANGS, NARROW_WIDTH, WIDTH
from .charts.figures import Figure, drawable, fill, load_figures, section_label, value_index
from .charts.make import make_figure
from .charts.render import chart_dir, render_svg, save_figure
from ..checks import ratings
from ..checks.run import claim_ratings
from ..formats import quantity, quantity_en
from .auto_figures import AUTO
from .i18n import summary_sentence, t

THEMES_FILE = "data/charts/themes.yml"
DEFAULT_FIGURES = "data/charts/figures.yml"


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
    themes: list[dict]
    report: str = "chongqing-cppcc"
    targets: list[dict] | None = None  # last year's targets beside this year's results (targets.py)


def figure_defs(root: Path, params: dict, out_dir: Path) -> list[dict]:
    """An edition's figure definitions: figures.yml, or (figures: auto) the ones the build
    chose from the claims and wrote beside the tables (figures.json)."""
    spec = params.get("figures") or DEFAULT_FIGURES
    if spec == AUTO:
        path = Path(out_dir) / "figures.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
    return load_figures(Path(root) / spec)


def theme_defs(root: Path, params: dict, out_dir: Path) -> list[dict]:
    """The themes' headings: data/charts/themes.yml, or the parts of a report without one."""
    if params.get("figures") == AUTO:
        path = Path(out_dir) / "themes.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
    return load_themes(root)


def open_edition(root: str | Path, year: int, out_dir: str | Path, figures: str | None = None,
                 report: str | None = None) -> Edition:
    """The edition's tables from out_dir, or computed from the archived report when absent."""
    from ..yearly.params import load_params
    from ..paths import check_report
    from ..source.archive import load_meta

    root, out = Path(root), Path(out_dir)
    report = check_report(report)
    if not out.is_absolute() and not out.exists():
        out = root / out
    # a reader's table shows whole ids, subjects and every row (pandas cuts at 50 chars, 60 rows)
    pd.set_option("display.max_colwidth", 300)
    pd.set_option("display.max_rows", 1000)
    params = load_params(root, year, report)
    if figures:
        params = params | {"figures": figures}
    targets = None
    if (out / "claims.json").exists():
        tables = {n: json.loads((out / f"{n}.json").read_text(encoding="utf-8"))
                  for n in ("claims", "derived", "findings", "validation")}
        meta = load_meta(root, year, report)
        if (out / "targets.json").exists():
            targets = json.loads((out / "targets.json").read_text(encoding="utf-8"))
    else:
        from ..tables.compute import compute
        from ..tables.inputs import load_inputs
        inputs = load_inputs(root, year, report=report)
        res = compute(inputs)
        tables = {"claims": res.claims, "derived": res.derived, "findings": res.findings,
                  "validation": res.validation}
        meta = inputs.meta
        targets = res.targets
    return Edition(year, root, out, meta, tables["claims"], tables["derived"], tables["findings"],
                   tables["validation"], figure_defs(root, params, out), theme_defs(root, params, out), report,
                   targets)


def load_themes(root: Path) -> list[dict]:
    path = Path(root) / THEMES_FILE
    if not path.exists():
        return []
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("themes") or []


def theme_order(themes: list[dict], present: set[str]) -> list[str]:
    """The themes the claims have, in themes.yml's order, unknown ones after, `other` last."""
    known = [t["id"] for t in themes if t["id"] in present and t["id"] != "other"]
    rest = sorted(present - set(known) - {"other"})
    return known + rest + (["other"] if "other" in present else [])


def theme_heading(ed: Edition, theme: str, lang: str = "zh") -> str:
    """The theme's title and what it covers, as Markdown (a theme not in themes.yml gets a
    heading from its id)."""
    d = next((x for x in ed.themes if x["id"] == theme), None)
    en = lang == "en"
    if d is None:
        return f"# {theme.replace('_', ' ').title()}\n\n{t('theme_unknown', lang)}"
    return f"# {d['title_en'] if en else d['title']}\n\n{d['intro_en'] if en else d['intro']}"


def theme_claims(ed: Edition, theme: str | list[str], lang: str = "zh") -> pd.DataFrame:
    """The theme's claims, catalog and automatic, as a reader's table: formatted value, the
    rating, where it stands."""
    themes = [theme] if isinstance(theme, str) else theme
    rated = claim_ratings(ed.findings)
    en = lang == "en"
    rows = []
    for c in ed.claims:
        if c.get("theme") not in themes:
            continue
        r = rated.get(c["id"], "cannot_check")
        rows.append({t("col_claim", lang): c["id"],
                     t("col_subject", lang): (c.get("subject_en") if en else c.get("subject_zh")) or "",
                     t("col_value", lang): quantity_en(c["value"], c["unit"], c["qualifier"]) if en
                     else quantity(c["value"], c["unit"], c["qualifier"]),
                     t("col_kind", lang): t(f"kind_{c['kind']}", lang),
                     t("col_origin", lang): t(f"origin_{c.get('origin', 'catalog')}", lang),
                     t("col_rating", lang): ratings.label(r, lang),
                     t("col_where", lang): f"{section_label(c['section'], lang)} · {c['start']}–{c['end']}"})
    return pd.DataFrame(rows)


def theme_figures(ed: Edition, theme: str, *, langs: tuple[str, ...] = LANGS, width: int = WIDTH,
                  only: list[str] | None = None, show_lang: str = "zh") -> list[Figure]:
    """The theme's figures, drawn in every language and saved to out_dir/charts; returns
    them in `show_lang` for display."""
    index = value_index(ed.claims, ed.derived, ed.findings, ed.year)
    wanted = [d for d in ed.figures if d["theme"] == theme and drawable(d, index)
              and (not only or d["id"] in only)]
    shown = []
    for d in wanted:
        for lang in langs:
            fig = make_figure(d, ed.claims, ed.derived, ed.findings, ed.meta, ed.year, lang, width)
            narrow = make_figure(d, ed.claims, ed.derived, ed.findings, ed.meta, ed.year, lang,
                                        NARROW_WIDTH)  # the page shows it on phones
            save_figure(fig, ed.out_dir / "charts", narrow=narrow)
            if lang == show_lang:
                shown.append(fig)
    return shown


def findings_frame(ed: Edition, which: tuple[str, ...] = ratings.FAULTS, lang: str = "zh",
                   theme: str | None = None) -> pd.DataFrame:
    """Findings of the given ratings, each with its sentence, worst first."""
    ids = {c["id"] for c in ed.claims if theme is None or c.get("theme") == theme}
    en = lang == "en"
    rows = [{t("col_rating", lang): f["rating_en"] if en else f["rating_zh"],
             t("col_finding", lang): f["sentence_en"] if en else f["sentence_zh"],
             t("col_check", lang): f["check_id"], t("col_origin", lang): t(f"origin_{f.get('origin', 'auto')}", lang)}
            for f in sorted(ed.findings, key=lambda f: ratings.ORDER.index(f["rating"]))
            if f["rating"] in which and (theme is None or set(str(f["claims"]).split(";")) & ids)]
    return pd.DataFrame(rows, columns=[t(k, lang) for k in ("col_rating", "col_finding", "col_check", "col_origin")])


def summary(ed: Edition, lang: str = "zh") -> str:
    """What a reader must know first, as Markdown: how many findings of each kind, then
    each finding's sentence."""
    counts = {r: sum(f["rating"] == r for f in ed.findings) for r in ratings.ORDER}
    lines = [summary_sentence(counts, lang)]
    for f in sorted(ed.findings, key=lambda f: ratings.ORDER.index(f["rating"])):
        if f["rating"] in ratings.FAULTS:
            lines.append(f"- **{f['rating_en'] if lang == 'en' else f['rating_zh']}** — "
                         f"{f['sentence_en'] if lang == 'en' else f['sentence_zh']}")
    return "\n".join(lines)


def suites_frame(ed: Edition, lang: str = "zh") -> pd.DataFrame:
    return pd.DataFrame([{t("col_suite", lang): r["suite"], t("col_expectation", lang): x["expectation"],
                          t("col_about", lang): x.get("meta", {}).get("rule") or x.get("kwargs", {}).get("column", ""),
                          t("col_met", lang): x["success"]} for r in ed.validation for x in r["results"]])


def headlines(ed: Edition, lang: str = "zh") -> pd.DataFrame:
    """One finding sentence per figure: the edition's headline figures."""
    index = value_index(ed.claims, ed.derived, ed.findings, ed.year)
    en = lang == "en"
    return pd.DataFrame([{t("col_finding", lang): fill(d["finding_en"] if en else d["finding"], index, english=en)}
                         for d in ed.figures if drawable(d, index) and d["type"] != "findings"])


def show(fig: Figure, out_dir: str | Path | None = None) -> None:
    """The figure as a reader sees it: title, finding, the chart with its alt text, notes,
    source (an <img> with alt text, so the exported notebook is accessible too)."""
    import base64
    import html

    from IPython.display import HTML, Markdown, display
    saved = chart_dir(Path(out_dir) / "charts", fig.lang) / f"{fig.id}.svg" if out_dir else None
    svg = saved.read_text(encoding="utf-8") if saved and saved.exists() else render_svg(fig.spec)
    lang = fig.lang
    src = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
    display(Markdown(f"**{fig.title}** — {fig.subtitle}"))
    display(HTML(f'<img src="{src}" alt="{html.escape(fig.alt)}" style="max-width:100%;height:auto">'))
    display(Markdown(f"*{t('notes', lang)}:* {fig.notes}  \n"
                     f"*{t('data', lang)}:* `charts/{'' if lang == 'zh' else lang + '/'}{fig.id}.csv`"))


def comparison(root: str | Path, base_year: int, year: int, out_dir: str | Path, lang: str = "zh",
               report: str | None = None):
    """The diff of this edition (out_dir) against the built base edition, saved beside it:
    compare/diff.csv, derived.csv, findings.csv, changes.csv and the chart of headline changes."""
    from ..yearly import compare
    from .charts.changes import changes_figure
    from ..files import atomic_write_text, csv_text
    from ..paths import outputs_dir
    from ..source.archive import load_meta
    root, out = Path(root), Path(out_dir)
    if not out.is_absolute() and not out.exists():
        out = root / out
    d = compare.diff_editions(outputs_dir(root, 0, report).parent, base_year, year, new_dir=out)
    dest = out / "compare"
    atomic_write_text(dest / "diff.csv", csv_text(d.claims, compare.DIFF_COLUMNS))
    atomic_write_text(dest / "derived.csv", csv_text(d.derived, ["id", "old", "new", "unit", "old_qualifier", "new_qualifier"]))
    atomic_write_text(dest / "findings.csv", csv_text(d.findings, ["change", "check_id", "rating", "numbers"]))
    atomic_write_text(dest / "changes.csv", csv_text(d.changes, compare.CHANGE_COLUMNS))
    meta = load_meta(root, year, report)
    figs = [changes_figure(d, meta, lang) for lang in LANGS]
    for fig in figs:
        save_figure(fig, out / "charts")
    return d, next(f for f in figs if f.lang == lang)


def rating_scale(lang: str = "zh") -> pd.DataFrame:
    """The documented scale, as a table for the validation notebook."""
    en = lang == "en"
    return pd.DataFrame([{t("col_rating", lang): r["en"] if en else r["zh"],
                          t("col_finding", lang): r["definition_en"] if en else r["definition_zh"]}
                         for r in ratings.scale_table()])


def targets(ed: Edition, base_year: int, lang: str = "zh"):
    """Last year's targets beside this year's results, as the comparison notebook shows them
    first: (summary, table, chart or None); the chart is saved in both languages."""
    from .targets_view import figure, frame, summary
    rows = ed.targets or []
    year = ed.meta.get("reviewed_year", ed.year)
    shown = None
    for lg in LANGS:
        fig = figure(rows, ed.meta, base_year, ed.year, lg)
        if fig is not None:
            narrow = figure(rows, ed.meta, base_year, ed.year, lg, NARROW_WIDTH)
            save_figure(fig, ed.out_dir / "charts", narrow=narrow)
            shown = fig if lg == lang else shown
    return summary(rows, year, lang), frame(rows, lang), shown
