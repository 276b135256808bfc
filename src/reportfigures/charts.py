"""The charts of an edition: Altair specs from claims, with newsroom furniture.

Which claims a chart shows and the sentence it publishes are data (data/charts/figures.yml);
every number in a title, subtitle or alt text is filled in from the claims by the one
formatter (reportfigures.formats). Each chart is saved as Vega-Lite JSON (diffable), SVG
(with role="img", <title> and <desc>), PNG, offline HTML and the CSV of its exact values.

Drawing rules: a bound (800余) is drawn as a bound (dashed outline, lighter fill, label
"至少800篇"), never as an exact bar; colour is never the only difference (every bar is
labelled); mixed units never share an axis; no log scales (vl-convert draws them empty).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import CatalogError, InputError
from .files import csv_text, json_text, load_yaml_list
from .formats import QUALIFIER_EN, axis_expr, number_en, quantity

FONT = "Noto Sans CJK SC"
WIDTH = 520
# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
VERDICT_COLOURS = {"inconsistent": "#D55E00", "consistent": "#009E73", "unverifiable": "#999999"}
VERDICT_ZH = {"inconsistent": "不一致", "consistent": "一致", "unverifiable": "无法核查"}
VALUE_KIND_ZH = {True: "下限或约数（虚线框）", False: "确数"}
FIGURE_TYPES = ("bars", "panels", "plan", "findings")
_TOKEN = re.compile(r"\{([a-z0-9_.]+)\}")


@dataclass
class Figure:
    id: str
    theme: str
    type: str
    title: str
    subtitle: str
    alt: str
    notes: str
    source: str
    claim_ids: list[str]
    table: pd.DataFrame
    spec: dict = field(repr=False)

    @property
    def chart(self):
        """The Altair chart, for display in a notebook."""
        import altair as alt
        return alt.Chart.from_dict(self.spec) if "vconcat" not in self.spec else alt.VConcatChart.from_dict(self.spec)


# --- definitions -------------------------------------------------------------------------

def load_figures(path: Path | str) -> list[dict]:
    """figures.yml, checked: one-line errors name the file, the line and the field."""
    rows = load_yaml_list(path, "figures", "figures")
    seen = set()
    for line, f in rows:
        for key in ("id", "theme", "type", "title", "finding", "alt"):
            if not f.get(key):
                raise CatalogError(f"line {line}: figure without '{key}'", path)
        if f["type"] not in FIGURE_TYPES:
            raise CatalogError(f"line {line}: figure {f['id']}: unknown type '{f['type']}'", path)
        if f["type"] == "plan" and not (f.get("actual") and f.get("target")):
            raise CatalogError(f"line {line}: figure {f['id']}: a plan needs 'actual' and 'target'", path)
        if f["type"] in ("bars", "panels") and not f.get("claims"):
            raise CatalogError(f"line {line}: figure {f['id']}: no claims", path)
        if f["id"] in seen:
            raise CatalogError(f"line {line}: figure id {f['id']} twice", path)
        seen.add(f["id"])
    return [f for _, f in rows]


def figure_claims(defn: dict) -> list[str]:
    return list(defn.get("claims") or []) + list(defn.get("actual") or []) + list(defn.get("target") or [])


def value_index(claims: list[dict], derived: list[dict], findings: list[dict], year: int) -> dict[str, dict]:
    """Everything a template may name: claims, derived figures, findings counts, the years."""
    idx = {"year": {"value": year, "unit": "年", "qualifier": "exact"},
           "next_year": {"value": year + 1, "unit": "年", "qualifier": "exact"}}
    idx |= {c["id"]: {"value": c["value"], "unit": c["unit"], "qualifier": c["qualifier"]} for c in claims}
    for d in derived:
        idx.setdefault(d["id"], {"value": d["value"], "unit": d["unit"], "qualifier": d["qualifier"]})
    for verdict in VERDICT_ZH:
        idx[f"findings.{verdict}"] = {"value": sum(f["verdict"] == verdict for f in findings),
                                      "unit": "", "qualifier": "exact"}
    return idx


def fill(template: str, index: dict[str, dict], *, english: bool = False, where: str = "figures.yml") -> str:
    """Replace {id} by the formatted value: a published sentence never carries a typed number."""
    def one(m: re.Match) -> str:
        key = m.group(1)
        if key not in index:
            raise InputError(f"'{{{key}}}' names no claim, derived figure or findings count", where)
        v = index[key]
        if english:
            return QUALIFIER_EN.get(v["qualifier"], "") + number_en(v["value"], v["unit"])
        return quantity(v["value"], v["unit"], v["qualifier"])
    return _TOKEN.sub(one, template)


def drawable(defn: dict, index: dict[str, dict]) -> bool:
    """A figure is drawn only when the year's report has every claim and figure it names
    (a claim absent next year drops its chart rather than drawing a gap as a zero)."""
    names = set(figure_claims(defn)) | set(_TOKEN.findall(defn["finding"] + defn["alt"]))
    return all(n in index for n in names)


def source_line(meta: dict, year: int, claim_ids: list[str]) -> str:
    ids = "、".join(claim_ids) if claim_ids else "findings.csv"
    return f"来源：{meta.get('title', '')}（回顾{year}年）；声明：{ids}"


# --- building ----------------------------------------------------------------------------

def make_figure(defn: dict, claims: list[dict], derived: list[dict], findings: list[dict],
                meta: dict, year: int) -> Figure:
    """One figure from its definition and the edition's tables."""
    by_id = {c["id"]: c for c in claims}
    ids = figure_claims(defn)
    missing = [i for i in ids if i not in by_id]
    if missing:
        raise InputError(f"figure {defn['id']} names unknown claims: {', '.join(missing)}", "figures.yml")
    index = value_index(claims, derived, findings, year)
    subtitle = fill(defn["finding"], index)
    alt_text = fill(defn["alt"], index, english=True)
    notes = defn.get("notes", "")
    source = source_line(meta, year, ids)
    if defn["type"] == "findings":
        table = findings_table(findings)
    else:
        table = claims_table(defn, by_id)
    body = _BUILDERS[defn["type"]](table)
    spec = _furnish(body, defn["title"], subtitle, notes, source, alt_text)
    spec["usermeta"] = {"reportfigures": {
        "figure": defn["id"], "type": defn["type"], "theme": defn["theme"], "title": defn["title"], "subtitle": subtitle, "notes": notes,
        "source": source, "claims": ids, "alt": alt_text, "table": f"{defn['id']}.csv", "year": year}}
    return Figure(defn["id"], defn["theme"], defn["type"], defn["title"], subtitle, alt_text, notes, source,
                  ids, table, spec)


def claims_table(defn: dict, by_id: dict) -> pd.DataFrame:
    """The exact values a chart draws, one row per claim, with the formatted label."""
    rows = []
    groups = ([("", i) for i in defn.get("claims") or []]
              + [("actual", i) for i in defn.get("actual") or []]
              + [("target", i) for i in defn.get("target") or []])
    for order, (group, cid) in enumerate(groups):
        c = by_id[cid]
        bound = c["qualifier"] != "exact"
        rows.append({"order": order, "claim_id": cid, "group": group, "label": c["subject_zh"],
                     "value": float(c["value"]), "unit": c["unit"], "qualifier": c["qualifier"],
                     "bound": bound, "value_kind": VALUE_KIND_ZH[bound],
                     "text": quantity(c["value"], c["unit"], c["qualifier"]), "surface": c["surface"],
                     "start": c["start"], "end": c["end"]})
    return pd.DataFrame(rows)


def findings_table(findings: list[dict]) -> pd.DataFrame:
    counts: dict[tuple[str, str], int] = {}
    for f in findings:
        counts[(f["rule"], f["verdict"])] = counts.get((f["rule"], f["verdict"]), 0) + 1
    rows = [{"order": i, "rule": r, "verdict": v, "verdict_zh": VERDICT_ZH.get(v, v), "value": float(n),
             "text": f"{VERDICT_ZH.get(v, v)} {n}"} for i, ((r, v), n) in enumerate(sorted(counts.items()))]
    return pd.DataFrame(rows, columns=["order", "rule", "verdict", "verdict_zh", "value", "text"])


def _records(table: pd.DataFrame) -> list[dict]:
    return [{k: (v.item() if hasattr(v, "item") else v) for k, v in r.items()} for r in table.to_dict("records")]


def _bar_layer(values: list[dict], y_field: str = "label", *, x_title: str = "", colour=None) -> dict:
    """Horizontal bars with their label; bounds dashed and lighter."""
    x = {"field": "value", "type": "quantitative", "title": x_title,
         "axis": {"labelExpr": axis_expr(), "grid": True, "tickCount": 4}, "scale": {"zero": True, "type": "linear"}}
    y = {"field": y_field, "type": "nominal", "sort": [v[y_field] for v in sorted(values, key=lambda v: v["order"])],
         "title": None,
         "axis": {"labelLimit": 220}}
    fill = colour or {"field": "value_kind", "type": "nominal", "title": None,
                      "scale": {"domain": list(VALUE_KIND_ZH.values())[::-1], "range": [PALETTE[0], PALETTE[1]]},
                      "legend": {"orient": "top", "direction": "horizontal"}}
    return {"data": {"values": values}, "width": WIDTH, "encoding": {"y": y}, "layer": [
        {"mark": {"type": "bar", "strokeWidth": 1.5, "height": {"band": 0.7}},
         "encoding": {"x": x, "color": fill,
                      "strokeDash": {"condition": {"test": "datum.bound", "value": [4, 3]}, "value": [1, 0]},
                      "stroke": {"condition": {"test": "datum.bound", "value": "#333333"}, "value": None},
                      "fillOpacity": {"condition": {"test": "datum.bound", "value": 0.45}, "value": 1},
                      "tooltip": [{"field": "label", "title": "声明"}, {"field": "text", "title": "数值"}]}},
        {"mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 12},
         "encoding": {"x": {"field": "value", "type": "quantitative"}, "text": {"field": "text"}}}]}


def build_bars(table: pd.DataFrame) -> dict:
    units = sorted(set(table["unit"]))
    if len(units) > 1:
        raise InputError(f"bars need one unit, got {', '.join(units)}: use type panels", "figures.yml")
    spec = _bar_layer(_records(table), x_title=units[0] if units else "")
    spec["height"] = {"step": 34}
    return spec


def build_panels(table: pd.DataFrame) -> dict:
    panels = []
    for rec in _records(table):
        p = _bar_layer([rec], x_title=rec["unit"])
        p["height"] = {"step": 34}
        panels.append(p)
    return {"vconcat": panels, "spacing": 8, "resolve": {"scale": {"x": "independent", "color": "shared"}}}


def build_plan(table: pd.DataFrame) -> dict:
    """This year's actual against next year's target(s); several targets stack in one bar."""
    recs = _records(table)
    labels = {"actual": "回顾年度 实际", "target": "下一年度 目标"}
    for r in recs:
        r["row"] = labels[r["group"]]
        r["segment"] = r["label"]
    colour = {"field": "segment", "type": "nominal", "title": None, "sort": {"field": "order"},
              "scale": {"range": PALETTE}, "legend": {"orient": "bottom", "columns": 2, "labelLimit": 260}}
    x = {"field": "value", "type": "quantitative", "title": recs[0]["unit"] if recs else "", "stack": "zero",
         "axis": {"labelExpr": axis_expr(), "tickCount": 4}, "scale": {"type": "linear", "zero": True}}
    return {"data": {"values": recs}, "width": WIDTH, "height": {"step": 44},
            "encoding": {"y": {"field": "row", "type": "nominal", "title": None, "sort": ["回顾年度 实际", "下一年度 目标"]}},
            "layer": [
                {"mark": {"type": "bar", "strokeWidth": 1.5, "stroke": "white"},
                 "encoding": {"x": x, "color": colour, "order": {"field": "order"},
                              "strokeDash": {"condition": {"test": "datum.bound", "value": [4, 3]}, "value": [1, 0]},
                              "fillOpacity": {"condition": {"test": "datum.bound", "value": 0.45}, "value": 1},
                              "tooltip": [{"field": "label", "title": "声明"}, {"field": "text", "title": "数值"}]}},
                {"mark": {"type": "text", "align": "right", "dx": -4, "color": "white", "fontWeight": "bold"},
                 "encoding": {"x": {"field": "value", "type": "quantitative", "stack": "zero"},
                              "order": {"field": "order"}, "text": {"field": "text"}}}]}


def build_findings(table: pd.DataFrame) -> dict:
    recs = _records(table)
    colour = {"field": "verdict_zh", "type": "nominal", "title": None,
              "scale": {"domain": [VERDICT_ZH[v] for v in VERDICT_COLOURS], "range": list(VERDICT_COLOURS.values())},
              "legend": {"orient": "bottom"}}
    return {"data": {"values": recs}, "width": WIDTH,
            "encoding": {"y": {"field": "rule", "type": "nominal", "title": "核查规则"},
                         "yOffset": {"field": "verdict_zh"}},
            "height": {"step": 16},
            "layer": [
                {"mark": {"type": "bar"},
                 "encoding": {"x": {"field": "value", "type": "quantitative", "title": "项",
                                    "axis": {"labelExpr": axis_expr(), "tickMinStep": 1}},
                              "color": colour,
                              "tooltip": [{"field": "rule"}, {"field": "text", "title": "结果"}]}},
                {"mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 11},
                 "encoding": {"x": {"field": "value", "type": "quantitative"}, "text": {"field": "text"}}}]}


_BUILDERS = {"bars": build_bars, "panels": build_panels, "plan": build_plan, "findings": build_findings}


def _furnish(body: dict, title: str, subtitle: str, notes: str, source: str, alt_text: str) -> dict:
    """Title, finding as subtitle, then notes and the source line under the chart."""
    footer = [line for line in (f"注：{notes}" if notes else "", *source.split("；")) if line]
    footer_chart = {"data": {"values": [{"i": i, "line": t} for i, t in enumerate(footer)]}, "width": WIDTH,
                    "height": 16 * len(footer),
                    "mark": {"type": "text", "align": "left", "baseline": "top", "fontSize": 10, "color": "#555555",
                             "limit": WIDTH + 200},
                    "encoding": {"x": {"value": -200}, "y": {"field": "i", "type": "ordinal", "axis": None},
                                 "text": {"field": "line"}}}
    if "vconcat" in body:
        panels = body["vconcat"]
        top = {"vconcat": panels + [footer_chart], "spacing": body.get("spacing", 10),
               "resolve": body.get("resolve", {})}
    else:
        top = {"vconcat": [body, footer_chart], "spacing": 12}
    top.update({
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": alt_text,
        "title": {"text": title, "subtitle": subtitle, "anchor": "start", "fontSize": 16, "subtitleFontSize": 12,
                  "subtitleColor": "#333333", "offset": 12},
        "config": {"font": FONT, "view": {"stroke": None}, "axis": {"labelFont": FONT, "titleFont": FONT},
                   "legend": {"labelFont": FONT, "titleFont": FONT}, "title": {"font": FONT, "subtitleFont": FONT},
                   "text": {"font": FONT}},
    })
    return top


# --- saving ------------------------------------------------------------------------------

def glyphs_differ(a: str, b: str, font: str = FONT) -> bool:
    """Whether two characters rasterise differently: False means both are drawn as the same
    missing-glyph box (no CJK font on this machine; run scripts/install-system-deps)."""
    import vl_convert as vlc

    def pixels(ch: str) -> bytes:
        spec = {"data": {"values": [{"t": ch}]}, "mark": {"type": "text", "fontSize": 40, "font": font},
                "encoding": {"text": {"field": "t"}}, "width": 60, "height": 60, "config": {"view": {"stroke": None}}}
        return _png_pixels(vlc.vegalite_to_png(spec))
    return pixels(a) != pixels(b)


def _png_pixels(png: bytes) -> bytes:
    """Decoded image data of a PNG (files may differ in metadata only)."""
    import struct
    import zlib
    pos, idat = 8, b""
    while pos < len(png):
        n, kind = struct.unpack(">I4s", png[pos:pos + 8])
        if kind == b"IDAT":
            idat += png[pos + 8:pos + 8 + n]
        pos += 12 + n
    return zlib.decompress(idat)


def accessible_svg(svg: str, title: str, description: str) -> str:
    """role="img" with its own <title> and <desc>, so a screen reader announces the finding."""
    t, d = html.escape(title), html.escape(description)
    head_end = svg.index(">", svg.index("<svg")) + 1
    head = svg[:head_end]
    head = re.sub(r'\s(role|aria-labelledby|aria-roledescription|aria-label)="[^"]*"', "", head)
    head = head[:-1] + ' role="img" aria-labelledby="chart-title chart-desc">'
    return f'{head}<title id="chart-title">{t}</title><desc id="chart-desc">{d}</desc>{svg[head_end:]}'


def render_svg(spec: dict) -> str:
    import vl_convert as vlc
    return vlc.vegalite_to_svg(spec)


def save_figure(fig: Figure, dest: Path) -> dict[str, str]:
    """Write every format of a figure into dest/ (charts folder of an edition)."""
    import vl_convert as vlc
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    paths = {}
    out = {"json": dest / f"{fig.id}.vl.json", "svg": dest / f"{fig.id}.svg", "png": dest / f"{fig.id}.png",
           "html": dest / f"{fig.id}.html", "csv": dest / f"{fig.id}.csv"}
    out["json"].write_text(json_text(fig.spec), encoding="utf-8")
    svg = render_svg(fig.spec)
    out["svg"].write_text(accessible_svg(svg, fig.title, fig.alt), encoding="utf-8")
    out["png"].write_bytes(vlc.svg_to_png(svg, scale=2))  # the same drawing, without running Vega twice
    out["html"].write_text(offline_html(fig), encoding="utf-8")
    out["csv"].write_text(csv_text(_records(fig.table), list(fig.table.columns)), encoding="utf-8")
    for k, p in out.items():
        paths[k] = p.name
    return paths


def offline_html(fig: Figure) -> str:
    """The interactive chart with Vega inlined: opens without a network."""
    import vl_convert as vlc
    page = vlc.vegalite_to_html(fig.spec, bundle=True)
    note = (f'<p class="alt">{html.escape(fig.alt)}</p>'
            f'<p><a href="{html.escape(fig.id)}.csv">数据表 / data table ({html.escape(fig.id)}.csv)</a></p>')
    page = page.replace("<head>", f'<head><title>{html.escape(fig.title)}</title>', 1)
    return page.replace("</body>", note + "</body>", 1)
