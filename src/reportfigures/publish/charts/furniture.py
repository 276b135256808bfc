"""Title, subtitle, notes, source and alt text around a chart's body, lined up with its labels.
"""

from __future__ import annotations


from .style import FONT, LABEL_LIMIT, LABEL_SIZE, MUTED, TEXT, WIDTH, _text_width, wrap


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


def furnish(body: dict, title: str, subtitle: str, notes: str, source: str, alt_text: str,
             width: int = WIDTH, key: str = "") -> dict:
    """Title, finding as subtitle, then the key to what is drawn, notes and the source line."""
    labels = _label_column(body)
    left = round(labels) + 8 if labels else 0  # labels, tick and padding
    footer = [part for line in (key, notes, source) if line for part in wrap(line, width + left - 20)]
    # title and finding on as many lines as they need: a long finding (the automatic charts
    # name every bar in it) must not widen the chart beyond its drawing
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
