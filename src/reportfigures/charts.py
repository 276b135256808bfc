"""The charts of an edition: Altair/Vega-Lite specs from claims, with newsroom furniture.

Which claims a chart shows and the sentences it publishes are data (data/charts/figures.yml);
every number in a title, subtitle, note or alt text is filled in from the claims by the one
formatter (reportfigures.formats). Each chart is drawn in Chinese and in English and saved as
Vega-Lite JSON (diffable), SVG (role="img", <title>, <desc>), PNG, HTML whose width follows
its container, and the CSV of its exact values.

Drawing rules a graphics desk would hold us to, checked by `lint` on every spec:
the same unit shares one scale (panels split by unit, never by claim); a plan is drawn
against an actual only as a reference mark, and only when both measure the same thing;
nothing is stacked; a bound (800余) is drawn as a bound; no internal ids in the image;
a legend only for what is drawn; every text at a contrast of at least 4.5:1; no log scales.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import CatalogError, InputError
from .files import csv_text, json_text, load_yaml_list
from .formats import axis_expr, axis_expr_en, quantity, quantity_en
from .paths import RENDER_CACHE_ENV  # where the build keeps drawings

FONT = "Noto Sans CJK SC"
WIDTH = 520
NARROW_WIDTH = 230  # the phone version: its text stays legible on a 360-400 px screen
LANGS = ("zh", "en")
TEXT = "#1a1a1a"
MUTED = "#555555"
# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
RATING_COLOURS = {"contradiction": "#D55E00", "not_reproducible": "#E69F00", "misprint": "#CC79A7",
                  "worth_a_look": "#56B4E9", "consistent": "#009E73", "cannot_check": "#999999"}
BOUND_KEY = {"zh": "虚线框：下限或约数，标签注明“至少”“约”。",
             "en": "Dashed box: a lower bound or an approximate figure, labelled “at least” or “about”."}
VALUE_KIND = {"zh": {False: "确数", True: "下限或约数（虚线框）"},
              "en": {False: "exact figure", True: "lower bound or approximate (dashed)"}}
FIGURE_TYPES = ("bars", "panels", "plan", "findings")
REQUIRED = ("id", "theme", "type", "title", "title_en", "finding", "finding_en", "alt", "alt_en")
_TOKEN = re.compile(r"\{([a-z0-9_.]+)\}")  # {claim.id}, {claim.id.listed}, {claim.id.surface}, {year}
CLAIM_ID = re.compile(r"\b[a-z][a-z0-9_]*\.[a-z0-9_]+(?:\.[a-z0-9_]+)*\b")


@dataclass
class Figure:
    id: str
    theme: str
    type: str
    lang: str
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
        if not isinstance(f, dict):
            raise CatalogError(f"line {line}: a figure must be a mapping", path)
        for key in REQUIRED:
            if not f.get(key):
                raise CatalogError(f"line {line}: figure {f.get('id', '?')} without '{key}'", path)
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


class _Index(dict):
    """The value index; how many items a list count lists is worked out only when a template
    asks (cleaning the items needs the word segmenter, which takes a second to load)."""

    def __init__(self, *a, listed: dict | None = None, **k):
        super().__init__(*a, **k)
        self._listed = listed or {}

    def __contains__(self, key) -> bool:
        return dict.__contains__(self, key) or key in self._listed

    def __missing__(self, key):
        if key not in self._listed:
            raise KeyError(key)
        from .checks import clean_items
        c, items = self._listed[key]
        self[key] = {"value": len(clean_items(items, str(c.get("noun") or ""))[0]), "unit": c["unit"],
                     "qualifier": "exact"}
        return self[key]


def value_index(claims: list[dict], derived: list[dict], findings: list[dict], year: int) -> dict[str, dict]:
    """Everything a template may name: claims, how many items a list count lists, derived
    figures, findings counts by rating, the years."""
    from .numbers import LIST_SEP
    from .ratings import ORDER

    listed = {}
    idx = {"year": {"value": year, "unit": "", "qualifier": "exact", "plain": True},
           "next_year": {"value": year + 1, "unit": "", "qualifier": "exact", "plain": True}}
    for c in claims:
        idx[c["id"]] = {"value": c["value"], "unit": c["unit"], "qualifier": c["qualifier"]}
        idx[f"{c['id']}.surface"] = {"value": c["surface"], "unit": "", "qualifier": "exact", "plain": True}
        items = [i for i in str(c.get("listed") or "").split(LIST_SEP) if i]
        if items:
            listed[f"{c['id']}.listed"] = (c, items)
    for d in derived:
        value = d["value"]
        if value in ("", None):
            continue
        idx.setdefault(d["id"], {"value": float(value), "unit": d["unit"], "qualifier": d["qualifier"]
                                 if d["qualifier"] != "between" else "exact"})
    for rating in ORDER:
        idx[f"findings.{rating}"] = {"value": sum(f["rating"] == rating for f in findings), "unit": "",
                                     "qualifier": "exact"}
    return _Index(idx, listed=listed)


def fill(template: str, index: dict[str, dict], *, english: bool = False, where: str = "figures.yml") -> str:
    """Replace {id} by the formatted value: a published sentence never carries a typed number."""
    from .checks import round_half

    def one(m: re.Match) -> str:
        key = m.group(1)
        if key not in index:
            raise InputError(f"'{{{key}}}' names no claim, derived figure or findings count", where)
        v = index[key]
        if v.get("plain"):
            return str(v["value"])
        value = round_half(v["value"]) if isinstance(v["value"], float) else v["value"]
        if english:
            return quantity_en(value, v["unit"], v["qualifier"])
        return quantity(value, v["unit"], v["qualifier"])
    return _TOKEN.sub(one, template or "")


def drawable(defn: dict, index: dict[str, dict]) -> bool:
    """A figure is drawn only when the year's report has every claim and figure it names
    (a claim absent next year drops its chart rather than drawing a gap as a zero)."""
    texts = " ".join(str(defn.get(k) or "") for k in ("finding", "finding_en", "alt", "alt_en", "notes", "notes_en"))
    names = set(figure_claims(defn)) | set(_TOKEN.findall(texts))
    return all(n in index for n in names)


def section_label(path: str, lang: str = "zh") -> str:
    """一、/(三) → 第一部分（三）, or part 1, section 3: how a reader cites a part of the report."""
    from .text import small_cn_int

    out = []
    for i, piece in enumerate(p for p in path.split("/") if p):
        num = re.sub(r"[^一二三四五六七八九十]", "", piece)
        if lang == "en":
            out.append(f"{'part' if i == 0 else 'section'} {small_cn_int(num) if num else piece}")
        else:
            out.append(f"第{num}部分" if i == 0 else f"（{num}）" if num else piece)
    return (", " if lang == "en" else "").join(out)


def source_line(meta: dict, year: int, sections: list[str], lang: str = "zh") -> str:
    """The report, the year it reviews and the sections the numbers come from; never a claim id."""
    year = meta.get("reviewed_year") or year
    secs = [s for s in dict.fromkeys(sections) if s]
    if lang == "en":
        where = "; " + "; ".join(section_label(s, "en") for s in secs) if secs else ""
        return f"Source: {meta.get('title_en', meta.get('title', ''))} (reviewing {year}){where}"
    where = "，" + "、".join(section_label(s) for s in secs) if secs else ""
    return f"来源：《{meta.get('title', '')}》（回顾{year}年）{where}"


def same_measure(actual: dict, target: dict) -> bool:
    """A plan may be drawn against an actual only when the report counts the same thing
    in both: the same unit and the same counted noun."""
    noun = lambda c: re.sub(r"目标|计划", "", str(c.get("noun") or c.get("subject_zh") or ""))  # noqa: E731
    return actual["unit"] == target["unit"] and bool(noun(actual)) and noun(actual) == noun(target)


# --- building ----------------------------------------------------------------------------

def make_figure(defn: dict, claims: list[dict], derived: list[dict], findings: list[dict],
                meta: dict, year: int, lang: str = "zh", width: int = WIDTH) -> Figure:
    """One figure from its definition and the edition's tables, in one language."""
    by_id = {c["id"]: c for c in claims}
    ids = figure_claims(defn)
    missing = [i for i in ids if i not in by_id]
    if missing:
        raise InputError(f"figure {defn['id']} names unknown claims: {', '.join(missing)}", "figures.yml")
    index = value_index(claims, derived, findings, year)
    en = lang == "en"
    title = defn["title_en"] if en else defn["title"]
    subtitle = fill(defn["finding_en"] if en else defn["finding"], index, english=en)
    alt_text = fill(defn["alt_en"] if en else defn["alt"], index, english=en)
    notes = fill(defn.get("notes_en" if en else "notes", ""), index, english=en)
    source = source_line(meta, year, [by_id[i]["section"] for i in ids], lang)
    if defn["type"] == "findings":
        table = findings_table(findings, lang)
    else:
        table = claims_table(defn, by_id, lang)
    if defn["type"] == "plan":
        pairs = [(by_id[a], by_id[t]) for a in defn["actual"] for t in defn["target"]]
        if not all(same_measure(a, t) for a, t in pairs):
            raise InputError(f"figure {defn['id']}: the target and the actual do not measure the same thing "
                             "(different counted nouns); draw them as bars or panels", "figures.yml")
    whole = defn.get("percent_scale", "whole") == "whole"
    body = (_BUILDERS[defn["type"]](table, lang, width, whole=whole) if defn["type"] in ("bars", "panels")
            else _BUILDERS[defn["type"]](table, lang, width))
    key = BOUND_KEY[lang] if "bound" in table.columns and bool(table["bound"].any()) else ""
    spec = _furnish(body, title, subtitle, notes, source, alt_text, width, key=key)
    spec["usermeta"] = {"reportfigures": {
        "figure": defn["id"], "type": defn["type"], "theme": defn["theme"], "lang": lang, "title": title,
        "subtitle": subtitle, "notes": notes, "source": source, "claims": ids, "alt": alt_text,
        "table": f"{defn['id']}.csv", "year": year, "same_measure": defn["type"] == "plan",
        "narrow": width < WIDTH}}
    return Figure(defn["id"], defn["theme"], defn["type"], lang, title, subtitle, alt_text, notes, source,
                  ids, table, spec)


def claims_table(defn: dict, by_id: dict, lang: str = "zh") -> pd.DataFrame:
    """The exact values a chart draws, one row per claim, with the formatted label."""
    rows = []
    groups = ([("", i) for i in defn.get("claims") or []]
              + [("actual", i) for i in defn.get("actual") or []]
              + [("target", i) for i in defn.get("target") or []])
    en = lang == "en"
    for order, (group, cid) in enumerate(groups):
        c = by_id[cid]
        bound = c["qualifier"] != "exact"
        rows.append({"order": order, "claim_id": cid, "group": group,
                     "label": (c.get("subject_en") if en else c.get("subject_zh")) or c["surface"],
                     "value": float(c["value"]), "unit": c["unit"], "qualifier": c["qualifier"],
                     "bound": bound, "value_kind": VALUE_KIND[lang][bound],
                     "text": quantity_en(c["value"], c["unit"], c["qualifier"]) if en
                     else quantity(c["value"], c["unit"], c["qualifier"]),
                     "surface": c["surface"], "section": c["section"], "start": c["start"], "end": c["end"]})
    return pd.DataFrame(rows)


def findings_table(findings: list[dict], lang: str = "zh") -> pd.DataFrame:
    from .ratings import ORDER, label
    counts: dict[str, int] = {}
    for f in findings:
        counts[f["rating"]] = counts.get(f["rating"], 0) + 1
    rows = [{"order": i, "rating": r, "label": label(r, lang), "value": float(counts[r]),
             "text": f"{counts[r]}" if lang == "en" else f"{counts[r]}项"}
            for i, r in enumerate(ORDER) if r in counts]
    return pd.DataFrame(rows, columns=["order", "rating", "label", "value", "text"])


def _records(table: pd.DataFrame) -> list[dict]:
    return [{k: (v.item() if hasattr(v, "item") else v) for k, v in r.items()} for r in table.to_dict("records")]


UNIT_TITLE_EN = {"%": "per cent", "元": "yuan", "人次": "person-visits", "件": "items", "批次": "groups", "篇": "pieces",
                 "次": "times", "项": "items", "个": "items", "场": "events", "名": "people", "处": "places",
                 "条": "items", "期": "sessions", "家": "organisations", "个百分点": "percentage points"}


def _unit_title(unit: str, lang: str) -> str:
    if lang == "en":
        return UNIT_TITLE_EN.get(unit, "count")
    return unit


def _bar_layer(values: list[dict], lang: str, width: int, *, x_title: str = "", whole: bool = True) -> dict:
    """Horizontal bars, labelled at their end in dark text; bounds dashed and lighter, with a
    legend only when a bound is drawn. Per cents of a whole run to 100 (`whole`); growth rates
    (a figure's `percent_scale: free`) run to their largest value."""
    top = max((v["value"] for v in values), default=1) or 1
    percent = whole and all(v["unit"] == "%" for v in values) and top <= 100
    x = {"field": "value", "type": "quantitative", "title": x_title, "stack": None,
         "axis": {"labelExpr": axis_expr() if lang == "zh" else axis_expr_en(), "grid": True, "tickCount": 4},
         "scale": {"zero": True, "type": "linear", "domainMax": 100 if percent else top * 1.25, "nice": False}}
    # every bar is labelled (至少800篇) and the footer explains a dashed box when one is drawn:
    # no legend, and no scale a vconcat could share between panels
    opacity = {"condition": {"test": "datum.bound", "value": 0.35}, "value": 1}
    dash = {"condition": {"test": "datum.bound", "value": [4, 3]}, "value": [1, 0]}
    limit = label_limit(lang, width)
    for v in values:  # a long label on two lines, not cut off (the plan's target row follows it)
        v["label"] = wrap_label(v["label"], limit, 2 if width >= WIDTH else 3)
    y = {"field": "label", "type": "nominal", "sort": [v["label"] for v in sorted(values, key=lambda v: v["order"])],
         "title": None, "axis": {"labelLimit": limit, "labelExpr": "split(datum.label, '\\n')"}}
    tip = [{"field": "label", "title": "项目" if lang == "zh" else "item"},
           {"field": "text", "title": "数值" if lang == "zh" else "value"}]
    return {"data": {"values": values}, "width": width, "height": {"step": 34}, "encoding": {"y": y}, "layer": [
        {"mark": {"type": "bar", "color": PALETTE[0], "stroke": "#333333", "strokeWidth": 1.2, "height": {"band": 0.7}},
         "encoding": {"x": x, "fillOpacity": opacity, "strokeDash": dash, "tooltip": tip}},
        {"mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 12, "color": TEXT},
         "encoding": {"x": {"field": "value", "type": "quantitative", "stack": None}, "text": {"field": "text"}}}]}


def build_bars(table: pd.DataFrame, lang: str = "zh", width: int = WIDTH, whole: bool = True) -> dict:
    units = sorted(set(table["unit"]))
    if len(units) > 1:
        raise InputError(f"bars need one unit, got {', '.join(units)}: use type panels", "figures.yml")
    return _bar_layer(_records(table), lang, width, x_title=_unit_title(units[0], lang) if units else "", whole=whole)


def build_panels(table: pd.DataFrame, lang: str = "zh", width: int = WIDTH, whole: bool = True) -> dict:
    """One panel per unit: claims of the same unit share one scale, different units never do."""
    recs = _records(table)
    units = list(dict.fromkeys(r["unit"] for r in recs))
    panels = [_bar_layer([r for r in recs if r["unit"] == u], lang, width, x_title=_unit_title(u, lang), whole=whole)
              for u in units]
    return {"vconcat": panels, "spacing": 14, "resolve": {"scale": {"x": "independent", "color": "independent"}}}


def build_plan(table: pd.DataFrame, lang: str = "zh", width: int = WIDTH) -> dict:
    """The actual as a bar and the plan as a reference mark on the same scale, never stacked."""
    recs = _records(table)
    actual = [r for r in recs if r["group"] == "actual"]
    target = [r for r in recs if r["group"] == "target"]
    row = "实际与目标" if lang == "zh" else "actual and target"
    for r in recs:
        r["row"] = r["label"] if r["group"] == "actual" else actual[0]["label"]
    base = _bar_layer(actual, lang, width, x_title=_unit_title(recs[0]["unit"], lang))
    top = max(r["value"] for r in recs) or 1
    base["layer"][0]["encoding"]["x"]["scale"]["domainMax"] = top * 1.25
    base["encoding"]["y"]["field"] = "row"
    base["encoding"]["y"]["sort"] = None
    base["layer"].append({"data": {"values": target}, "mark": {"type": "tick", "thickness": 3, "size": 30,
                                                               "color": TEXT},
                          "encoding": {"x": {"field": "value", "type": "quantitative", "stack": None},
                                       "y": {"field": "row", "type": "nominal", "title": None},
                                       "tooltip": [{"field": "text", "title": row}]}})
    for r in target:
        r["row"] = actual[0]["label"]
    return base


def build_findings(table: pd.DataFrame, lang: str = "zh", width: int = WIDTH) -> dict:
    recs = _records(table)
    present = [r["rating"] for r in recs]
    colour = {"field": "rating", "type": "nominal", "title": None, "legend": None,
              "scale": {"domain": present, "range": [RATING_COLOURS[r] for r in present]}}
    return {"data": {"values": recs}, "width": width, "height": {"step": 30},
            "encoding": {"y": {"field": "label", "type": "nominal", "title": None,
                               "sort": [r["label"] for r in recs], "axis": {"labelLimit": label_limit("zh", width)}}},
            "layer": [
                {"mark": {"type": "bar", "height": {"band": 0.7}},
                 "encoding": {"x": {"field": "value", "type": "quantitative", "stack": None,
                                    "title": "项" if lang == "zh" else "findings",
                                    "axis": {"labelExpr": axis_expr(), "tickMinStep": 1},
                                    "scale": {"domainMax": max((r["value"] for r in recs), default=1) * 1.25,
                                              "nice": False}},
                              "color": colour, "tooltip": [{"field": "label"}, {"field": "text"}]}},
                {"mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 12, "color": TEXT},
                 "encoding": {"x": {"field": "value", "type": "quantitative", "stack": None},
                              "text": {"field": "text"}}}]}


_BUILDERS = {"bars": build_bars, "panels": build_panels, "plan": build_plan, "findings": build_findings}


def _text_width(s: str, size: float = 10) -> float:
    """About how wide a line is drawn: a CJK character takes an em, a Latin one about half."""
    return sum(size if "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" else size * 0.55 for ch in s)


def _latin(line: str, size: float = 10) -> bool:
    """Mostly Latin text: broken at spaces, not between characters."""
    return _text_width(line, size) < len(line) * size * 0.8


def wrap(line: str, limit: float, size: float = 10) -> list[str]:
    """A footer line broken to fit the chart (Vega draws one text line; it does not wrap):
    at spaces in English, between characters (never before punctuation) in Chinese; a word
    wider than the line (Chinese in an English label) breaks between its characters."""
    latin = _latin(line, size)
    glued: list[tuple[str, str]] = []  # (piece, what joins it to the piece before)
    for i, tok in enumerate(line.split(" ") if latin else list(line)):
        if latin and _text_width(tok, size) > limit:
            glued += [(ch, " " if j == 0 and i else "") for j, ch in enumerate(tok)]
        else:
            glued.append((tok, " " if latin and i else ""))
    out: list[str] = []
    cur = ""
    for tok, sep in glued:
        trial = f"{cur}{sep}{tok}" if cur else tok
        if cur and _text_width(trial, size) > limit and tok[:1] not in "，。；：、）”’,.;:)":
            out.append(cur)
            cur = tok
        else:
            cur = trial
    return out + [cur] if cur else out


LABEL_LIMIT = {"zh": 220, "en": 260}
LABEL_SIZE = 11


def label_limit(lang: str, width: int) -> int:
    """The label column: fixed on the page's width, about half the plot on a narrow one."""
    return LABEL_LIMIT[lang] if width >= WIDTH else max(100, round(width * 0.5))


def wrap_label(label: str, limit: float, lines: int = 2) -> str:
    """A bar's label in at most `lines` lines of `limit` pixels, joined by newlines (the axis
    splits them); only what still does not fit ends in an ellipsis."""
    parts = wrap(label, limit - LABEL_SIZE, LABEL_SIZE)  # room for punctuation that ends a line (、 never opens one)
    if len(parts) <= lines:
        return "\n".join(parts)
    last = (" " if _latin(label, LABEL_SIZE) else "").join(parts[lines - 1:])
    while last and _text_width(last + "…", LABEL_SIZE) > limit:
        last = last[:-1].rstrip()
    return "\n".join(parts[:lines - 1] + [last + "…"])


def _label_column(spec) -> float:
    """How far the widest bar label reaches left of the plot, so the footer lines up with
    the labels and the title rather than with a fixed offset."""
    widest = 0.0
    if isinstance(spec, dict):
        y = spec.get("encoding", {}).get("y", {}) if isinstance(spec.get("encoding"), dict) else {}
        if isinstance(y, dict) and y.get("field") == "label":
            limit = y.get("axis", {}).get("labelLimit", LABEL_LIMIT["zh"])
            for v in spec.get("data", {}).get("values", []):
                for line in str(v.get("label", "")).split("\n"):
                    widest = max(widest, min(limit, _text_width(line, LABEL_SIZE)))
        for k in ("layer", "vconcat", "hconcat"):
            for sub in spec.get(k, []):
                widest = max(widest, _label_column(sub))
    return widest


def _furnish(body: dict, title: str, subtitle: str, notes: str, source: str, alt_text: str,
             width: int = WIDTH, key: str = "") -> dict:
    """Title, finding as subtitle, then the key to what is drawn, notes and the source line."""
    labels = _label_column(body)
    left = round(labels) + 8 if labels else 0  # labels, tick and padding
    footer = [part for line in (key, notes, source) if line for part in wrap(line, width + left - 20)]
    if width < WIDTH:  # a narrow chart's title and finding on as many lines as they need
        title = wrap(title, width + left, 16) if _text_width(title, 16) > width + left else title
        subtitle = wrap(subtitle, width + left, 12) if _text_width(subtitle, 12) > width + left else subtitle
    footer_chart = {"data": {"values": [{"i": i, "line": t} for i, t in enumerate(footer)]}, "width": width,
                    "height": 16 * len(footer),
                    "mark": {"type": "text", "align": "left", "baseline": "top", "fontSize": 10, "color": MUTED,
                             "limit": width + left},
                    "encoding": {"x": {"value": -left}, "y": {"field": "i", "type": "ordinal", "axis": None},
                                 "text": {"field": "line"}}}
    if "vconcat" in body:
        top = {"vconcat": body["vconcat"] + [footer_chart], "spacing": body.get("spacing", 10),
               "resolve": body.get("resolve", {})}
    else:
        top = {"vconcat": [body, footer_chart], "spacing": 12}
    top.update({
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": alt_text,
        "background": "#ffffff",
        "title": {"text": title, "subtitle": subtitle, "anchor": "start", "fontSize": 16, "subtitleFontSize": 12,
                  "color": TEXT, "subtitleColor": "#333333", "offset": 12},
        "config": {"font": FONT, "view": {"stroke": None},
                   "axis": {"labelFont": FONT, "titleFont": FONT, "labelColor": "#333333", "titleColor": TEXT,
                            "labelFontSize": 11},
                   "legend": {"labelFont": FONT, "titleFont": FONT, "labelColor": "#333333", "titleColor": TEXT},
                   "title": {"font": FONT, "subtitleFont": FONT}, "text": {"font": FONT}},
    })
    return top


# --- the rules a misleading chart breaks ----------------------------------------------------

NAMED = {"white": "#ffffff", "black": "#000000", "gray": "#808080", "grey": "#808080"}


def _luminance(hex_colour: str) -> float:
    h = NAMED.get(str(hex_colour).lower(), str(hex_colour)).lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    rgb = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _walk(node, path=()):
    if isinstance(node, dict):
        yield path, node
        for k, v in node.items():
            yield from _walk(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _walk(v, path + (i,))


def _views(spec: dict) -> list[dict]:
    """The unit views of a spec (each with data and marks)."""
    out = []
    for _, node in _walk(spec):
        if "data" in node and ("mark" in node or "layer" in node):
            out.append(node)
    return out


def _visible_texts(spec: dict) -> list[str]:
    """Every string a reader of the image sees: titles, footers, axis and legend titles,
    labels and the values of fields drawn as text or on an axis."""
    out = []
    t = spec.get("title") or {}
    for line in [t.get("text", ""), t.get("subtitle", "")] if isinstance(t, dict) else [t]:
        out += [str(x) for x in line] if isinstance(line, list) else [str(line)]  # a title on several lines
    for view in _views(spec):
        values = (view.get("data") or {}).get("values") or []
        fields = set()
        for _, node in _walk(view):
            enc = node.get("encoding") if isinstance(node, dict) else None
            if not isinstance(enc, dict):
                continue
            for ch, e in enc.items():
                if not isinstance(e, dict):
                    continue
                if e.get("title"):
                    out.append(str(e["title"]))
                if ch in ("text", "y", "x", "color") and e.get("field") and e.get("type") in ("nominal", "ordinal", None):
                    fields.add(e["field"])
                for tip in e if ch == "tooltip" and isinstance(e, list) else []:
                    out.append(str(tip.get("title", "")))
        for v in values:
            out += [str(v[f]) for f in fields if f in v]
    return out


def _text_colours(spec: dict) -> list[tuple[str, str]]:
    """(where, colour) of every text the image draws."""
    out = []
    t = spec.get("title") or {}
    if isinstance(t, dict):
        out += [("title", t.get("color", "#000000")), ("subtitle", t.get("subtitleColor", "#000000"))]
    cfg = spec.get("config") or {}
    for k in ("axis", "legend"):
        out += [(f"{k} labels", cfg.get(k, {}).get("labelColor", "#000000")),
                (f"{k} title", cfg.get(k, {}).get("titleColor", "#000000"))]
    for path, node in _walk(spec):
        mark = node.get("mark") if isinstance(node, dict) else None
        if isinstance(mark, dict) and mark.get("type") == "text":
            out.append((f"text mark {'/'.join(map(str, path))}", mark.get("color", "#000000")))
    return out


def lint(spec: dict) -> list[str]:
    """What a graphics desk would refuse in this chart, one line each; [] when sound."""
    problems = []
    meta = (spec.get("usermeta") or {}).get("reportfigures") or {}
    background = spec.get("background", "#ffffff")
    # the same unit shares one scale
    panel_units = []
    for v in spec.get("vconcat", []):
        vals = (v.get("data") or {}).get("values") or []
        units = {x.get("unit") for x in vals if "unit" in x and "label" in x}
        if units:
            panel_units.append(tuple(sorted(units)))
    flat = [u for us in panel_units for u in us]
    dup = sorted({u for u in flat if flat.count(u) > 1})
    if dup:
        problems.append(f"same unit on separate scales: {', '.join(dup)}")
    # nothing stacked, explicitly or by two bars sharing a row
    for path, node in _walk(spec):
        if isinstance(node, dict) and node.get("stack") not in (None, False) and "field" in node:
            problems.append(f"stacked encoding at {'/'.join(map(str, path))}")
    for view in _views(spec):
        layers = view.get("layer") or [view]
        for layer in layers:
            mark = layer.get("mark")
            mtype = mark.get("type") if isinstance(mark, dict) else mark
            if mtype != "bar":
                continue
            vals = (layer.get("data") or view.get("data") or {}).get("values") or []
            yf = ((view.get("encoding") or {}).get("y") or (layer.get("encoding") or {}).get("y") or {}).get("field")
            rows = [v.get(yf) for v in vals if yf]
            if len(rows) != len(set(rows)):
                problems.append("two bars share a row: they would be stacked")
    # plan against actual only for the same measure
    if meta.get("type") == "plan" and not meta.get("same_measure"):
        problems.append("a plan drawn against an actual that measures something else")
    # no internal ids in the image
    ids = sorted({m for t in _visible_texts(spec) for m in CLAIM_ID.findall(t)})
    if ids:
        problems.append(f"internal ids in the image: {', '.join(ids[:3])}")
    # a legend only for what is drawn
    for view in _views(spec):
        vals = (view.get("data") or {}).get("values") or []
        for _, node in _walk(view):
            enc = node.get("encoding") if isinstance(node, dict) else None
            for ch in ("color", "fill", "shape", "fillOpacity", "strokeDash"):
                e = (enc or {}).get(ch) if isinstance(enc, dict) else None
                if not isinstance(e, dict) or e.get("legend", {}) is None or "field" not in e:
                    continue
                domain = (e.get("scale") or {}).get("domain") or []
                drawn = {v.get(e["field"]) for v in vals}
                extra = [d for d in domain if d not in drawn]
                if extra:
                    problems.append(f"legend for what is not drawn: {', '.join(map(str, extra))}")
    # text contrast
    for where, colour in _text_colours(spec):
        if contrast(colour, background) < 4.5:
            problems.append(f"{where}: contrast {contrast(colour, background):.1f}:1 < 4.5:1")
    for path, node in _walk(spec):
        mark = node.get("mark") if isinstance(node, dict) else None
        if isinstance(mark, dict) and mark.get("type") == "text" and mark.get("align") == "right" \
                and float(mark.get("dx", 0)) < 0 and "value < 0" not in json.dumps(node.get("transform", [])):
            problems.append("a label drawn inside its bar")
    if '"type": "log"' in json.dumps(spec) or '"type":"log"' in json.dumps(spec, separators=(",", ":")):
        problems.append("log scale (bars would be drawn empty)")
    # a bar's label is read whole: lines that fit, or an ellipsis where the rest is too long
    for _, node in _walk(spec):
        y = (node.get("encoding") or {}).get("y") if isinstance(node, dict) and isinstance(node.get("encoding"), dict) else None
        if not isinstance(y, dict) or y.get("field") != "label" or not isinstance(y.get("axis"), dict):
            continue
        limit = y["axis"].get("labelLimit", 180)  # Vega-Lite's default cuts labels at 180 px
        splits = "split(datum.label" in str(y["axis"].get("labelExpr", ""))
        for v in (node.get("data") or {}).get("values") or []:
            lines = str(v.get("label", "")).split("\n") if splits else [str(v.get("label", ""))]
            cut = [ln for ln in lines if _text_width(ln, LABEL_SIZE) > limit + 1]
            if cut:
                problems.append(f"label cut off at {limit} px: {cut[0][:24]}…")
    return problems


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


def accessible_svg(svg: str, title: str, description: str, lang: str = "zh") -> str:
    """role="img" with its own <title> and <desc>, so a screen reader announces the finding."""
    t, d = html.escape(title), html.escape(description)
    head_end = svg.index(">", svg.index("<svg")) + 1
    head = svg[:head_end]
    head = re.sub(r'\s(role|aria-labelledby|aria-roledescription|aria-label|lang)="[^"]*"', "", head)
    head = head[:-1] + f' role="img" lang="{"zh-Hans" if lang == "zh" else "en"}" aria-labelledby="chart-title chart-desc">'
    return f'{head}<title id="chart-title">{t}</title><desc id="chart-desc">{d}</desc>{svg[head_end:]}'




def render_key(spec: dict) -> str:
    """Content address of a drawing: the spec, the renderer's version and the font."""
    import hashlib

    import vl_convert as vlc
    blob = json.dumps(spec, sort_keys=True, ensure_ascii=False) + vlc.__version__ + FONT
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def render(spec: dict, png: bool = True) -> tuple[str, bytes]:
    """The SVG and PNG of a spec. Drawing costs about half a second a chart, so drawings are
    kept by content in $REPORTFIGURES_RENDER_CACHE when set (the build sets it, and draws
    ahead on the second core): an unchanged chart is never drawn twice."""
    import os

    import vl_convert as vlc
    cache = os.environ.get(RENDER_CACHE_ENV)
    if cache:
        key = render_key(spec)
        svg_path, png_path = Path(cache) / f"{key}.svg", Path(cache) / f"{key}.png"
        try:
            hit = svg_path.read_text(encoding="utf-8"), png_path.read_bytes() if png else b""
            os.utime(svg_path)  # recently used: kept when the cache is pruned
            return hit
        except OSError:
            pass
    svg = vlc.vegalite_to_svg(spec)
    image = vlc.svg_to_png(svg, scale=2) if png else b""  # the same drawing, without running Vega twice
    if cache:
        try:
            Path(cache).mkdir(parents=True, exist_ok=True)
            files = ((png_path, image),) if png else ()
            for path, data in (*files, (svg_path, svg.encode("utf-8"))):  # svg last: it marks completion
                tmp = path.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_bytes(data)
                tmp.replace(path)
        except OSError:
            pass
    return svg, image


def render_svg(spec: dict) -> str:
    return render(spec)[0]


def chart_dir(dest: Path, lang: str) -> Path:
    """charts/ for Chinese, charts/en/ for English: the same file names in both."""
    return Path(dest) if lang == "zh" else Path(dest) / lang


def save_figure(fig: Figure, dest: Path, narrow: Figure | None = None) -> dict[str, str]:
    """Write every format of a figure into dest/ (charts folder of an edition); English
    figures go into dest/en/. `narrow`: the same figure drawn at NARROW_WIDTH, written as
    <id>.narrow.svg for the page on a phone. Refuses a chart that breaks a drawing rule."""
    for f in (fig, narrow) if narrow is not None else (fig,):
        problems = lint(f.spec)
        if problems:
            raise InputError(f"figure {f.id} ({f.lang}) would mislead: {'; '.join(problems)}", "figures.yml")
    d = chart_dir(dest, fig.lang)
    d.mkdir(parents=True, exist_ok=True)
    out = {"json": d / f"{fig.id}.vl.json", "svg": d / f"{fig.id}.svg", "png": d / f"{fig.id}.png",
           "html": d / f"{fig.id}.html", "csv": d / f"{fig.id}.csv"}
    out["json"].write_text(json_text(fig.spec), encoding="utf-8")
    svg, png = render(fig.spec)
    out["svg"].write_text(accessible_svg(svg, fig.title, fig.alt, fig.lang), encoding="utf-8")
    out["png"].write_bytes(png)
    bundle = Path(dest) / "vega.js"
    if not bundle.exists():
        bundle.write_text(vega_bundle(), encoding="utf-8")
    out["html"].write_text(offline_html(fig, "vega.js" if fig.lang == "zh" else "../vega.js"), encoding="utf-8")
    out["csv"].write_text(csv_text(_records(fig.table), [c for c in fig.table.columns if c != "claim_id"]
                                   + (["claim_id"] if "claim_id" in fig.table.columns else [])), encoding="utf-8")
    if narrow is not None:
        out["narrow"] = d / f"{fig.id}.narrow.svg"
        out["narrow"].write_text(accessible_svg(render(narrow.spec, png=False)[0], narrow.title, narrow.alt, narrow.lang),
                                 encoding="utf-8")
    return {k: p.name for k, p in out.items()}


def vega_bundle() -> str:
    """Vega, Vega-Lite and vega-embed in one file, shared by every chart page (offline).
    Bundling takes seconds, so it is kept per vl-convert version in the user's cache."""
    import os

    import vl_convert as vlc
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "reportfigures"
    path = cache / f"vega-bundle-{vlc.__version__}.js"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    js = vlc.javascript_bundle()
    try:
        cache.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(js, encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only home only costs the seconds again
    return js


_HTML = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title}</title>
<style>body{{margin:0;padding:8px;font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1a1a1a}}
#chart{{width:100%;overflow:hidden}}#chart svg{{max-width:100%;height:auto}}.alt,.get{{font-size:13px;color:#333;max-width:60em}}</style></head>
<body><div id="chart" role="img" aria-label="{alt}"></div>
<p class="alt">{alt}</p><p class="get"><a href="{csv}">{data_label}</a></p>
<script src="{bundle}"></script>
<script>
(function(){{
  var spec = {spec};
  var id = {fid};
  function fit(node, w){{
    if (Array.isArray(node)) {{ node.forEach(function(n){{ fit(n, w); }}); return; }}
    if (!node || typeof node !== 'object') return;
    if (typeof node.width === 'number') node.width = w;
    if (node.axis && node.axis.labelLimit) node.axis.labelLimit = Math.min(220, Math.round(w * 0.45));
    if (node.mark && node.mark.limit) node.mark.limit = w + 200;
    Object.keys(node).forEach(function(k){{ if (k !== 'data') fit(node[k], w); }});
  }}
  function draw(){{
    var box = document.getElementById('chart').clientWidth;
    var w = Math.max(120, box - Math.min(240, Math.round(box * 0.45)) - 80);
    var s = JSON.parse(JSON.stringify(spec)); fit(s, w);
    vegaEmbed('#chart', s, {{actions: false, renderer: 'svg'}}).then(function(){{
      if (window.parent !== window) {{
        window.parent.postMessage({{reportfigures: {{id: id, height: document.body.scrollHeight}}}}, '*');
      }}
    }});
  }}
  var t; window.addEventListener('resize', function(){{ clearTimeout(t); t = setTimeout(draw, 150); }});
  draw();
}})();
</script></body></html>
"""


def offline_html(fig: Figure, bundle: str = "vega.js") -> str:
    """The interactive chart, offline (Vega from a file beside it), as wide as its container,
    telling an embedding page its height."""
    spec = json.dumps(fig.spec, ensure_ascii=False).replace("</", "<\\/")
    return _HTML.format(lang="zh-Hans" if fig.lang == "zh" else "en", title=html.escape(fig.title),
                        alt=html.escape(fig.alt), csv=html.escape(f"{fig.id}.csv"),
                        data_label="数据表（精确数值）" if fig.lang == "zh" else "Data table (exact values)",
                        bundle=bundle, spec=spec, fid=json.dumps(fig.id))


def embed_snippet(fig_id: str, year: int, title: str, alt: str, base_url: str = "", lang: str = "zh") -> str:
    """A responsive iframe of a chart's page, with the script that sets its height."""
    sub = "" if lang == "zh" else f"{lang}/"
    src = f"{base_url}{year}/charts/{sub}{fig_id}.html"
    return (f'<iframe src="{html.escape(src)}" title="{html.escape(title)}" aria-label="{html.escape(alt)}" '
            f'data-reportfigures="{html.escape(fig_id)}" style="width:100%;border:0" height="460" loading="lazy"></iframe>\n'
            "<script>window.addEventListener('message',function(e){var d=e.data&&e.data.reportfigures;if(!d)return;"
            "document.querySelectorAll('iframe[data-reportfigures=\"'+d.id+'\"]').forEach(function(f){f.height=d.height+16;});});"
            "</script>")

