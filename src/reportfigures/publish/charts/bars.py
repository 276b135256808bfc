"""The chart types: bars (one unit), panels (one scale per unit), plan (a target as a mark),
findings by rating. In comes a figure's table; out comes the body of a Vega-Lite spec.
"""

from __future__ import annotations

import pandas as pd

from ...errors import InputError
from ...formats import axis_expr, axis_expr_en
from .style import PALETTE, RATING_COLOURS, TEXT, WIDTH, _unit_title, label_limit, wrap_label
from .figures import records


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
    return _bar_layer(records(table), lang, width, x_title=_unit_title(units[0], lang) if units else "", whole=whole)


def build_panels(table: pd.DataFrame, lang: str = "zh", width: int = WIDTH, whole: bool = True) -> dict:
    """One panel per unit: claims of the same unit share one scale, different units never do."""
    recs = records(table)
    units = list(dict.fromkeys(r["unit"] for r in recs))
    panels = [_bar_layer([r for r in recs if r["unit"] == u], lang, width, x_title=_unit_title(u, lang), whole=whole)
              for u in units]
    return {"vconcat": panels, "spacing": 14, "resolve": {"scale": {"x": "independent", "color": "independent"}}}


def build_plan(table: pd.DataFrame, lang: str = "zh", width: int = WIDTH) -> dict:
    """The actual as a bar and the plan as a reference mark on the same scale, never stacked."""
    recs = records(table)
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
    recs = records(table)
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


BUILDERS = {"bars": build_bars, "panels": build_panels, "plan": build_plan, "findings": build_findings}
