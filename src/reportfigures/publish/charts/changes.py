"""The chart of headline changes between two editions.
"""

from __future__ import annotations

from ...yearly.compare import EditionDiff


def changes_figure(d: EditionDiff, meta: dict, lang: str = "zh"):
    """The headline changes as a chart: per cent change of every claim whose value changed;
    claims only in one edition and qualifier-only changes are counted in the notes."""
    from .style import PALETTE, WIDTH, label_limit, wrap_label
    from .figures import Figure, source_line
    from .furniture import furnish
    import pandas as pd
    en = lang == "en"
    rows = [r for r in d.claims if r["status"] == "value_changed" and r["pct_change"] is not None]
    up, down = ("up", "down") if en else ("增加", "减少")
    table = pd.DataFrame([{"claim_id": r["claim_id"], "label": r["subject_zh"], "value": r["pct_change"], "unit": "%",
                           "text": f"{r['old']} → {r['new']}", "direction": up if r["pct_change"] > 0 else down}
                          for r in rows], columns=["claim_id", "label", "value", "unit", "text", "direction"])
    new = sum(r["status"] == "new" for r in d.claims)
    gone = sum(r["status"] == "gone" for r in d.claims)
    quals = sum(bool(r["qualifier_change"]) for r in d.claims)
    if en:
        title = f"The {d.new_year} report against {d.old_year}: figures that changed"
        subtitle = f"{len(rows)} claims changed value; {new} new, {gone} gone, {quals} changed qualifier"
        notes = "Claims only in one edition and qualifier changes are listed in the comparison table."
        alt = (f"Between the {d.old_year} and {d.new_year} reports, {len(rows)} claims changed value, {new} are new, "
               f"{gone} are gone and {quals} changed qualifier.")
    else:
        title = f"{d.old_year}年与{d.new_year}年报告：变化的数字"
        subtitle = f"{len(rows)}项声明数值变化；新增{new}项，不再出现{gone}项，{quals}项限定词变化"
        notes = "只在一版中的声明和限定词变化见比较表。"
        alt = f"{d.old_year}年与{d.new_year}年报告相比，{len(rows)}项声明数值变化，新增{new}项，不再出现{gone}项，{quals}项限定词变化。"
    present = [x for x in (up, down) if x in set(table["direction"])]
    seen: dict[str, int] = {}
    for i, label in enumerate(table["label"]):  # one bar per row: two claims with one subject get a number
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            table.loc[i, "label"] = f"{label}（{seen[label]}）"
    limit = label_limit(lang, WIDTH)
    table["label"] = [wrap_label(lb, limit) for lb in table["label"]]  # two lines, never cut off
    lo, hi = (min(0.0, float(table["value"].min())), max(0.0, float(table["value"].max()))) if len(table) else (0.0, 1.0)
    span = (hi - lo) or 1.0
    x = {"field": "value", "type": "quantitative", "stack": None, "title": "change (%)" if en else "变化（%）",
         "scale": {"domainMin": lo - 0.45 * span if lo < 0 else 0, "domainMax": hi + 0.45 * span, "nice": False}}
    label = lambda test, align, dx: {  # noqa: E731  labels beyond the bar's end, on either side
        "transform": [{"filter": test}], "mark": {"type": "text", "align": align, "dx": dx, "color": "#1a1a1a"},
        "encoding": {"x": {"field": "value", "type": "quantitative", "stack": None}, "text": {"field": "text"}}}
    body = {"data": {"values": table.to_dict("records")}, "width": WIDTH, "height": {"step": 24},
            "encoding": {"y": {"field": "label", "type": "nominal", "title": None, "sort": "-x",
                               "axis": {"labelLimit": limit, "labelExpr": "split(datum.label, '\\n')"}}},
            "layer": [
                {"mark": "bar", "encoding": {"x": x,
                                             "color": {"field": "direction", "type": "nominal", "title": None,
                                                       "legend": {"orient": "top"},
                                                       "scale": {"domain": present,
                                                                 "range": [PALETTE[0] if x == up else PALETTE[5] for x in present]}}}},
                label("datum.value >= 0", "left", 4), label("datum.value < 0", "right", -4)]}
    source = source_line(meta, d.new_year, [], lang)
    spec = furnish(body, title, subtitle, notes, source, alt)
    fid = f"changes_{d.old_year}_{d.new_year}"
    spec["usermeta"] = {"reportfigures": {"figure": fid, "type": "changes", "theme": "compare", "lang": lang, "title": title,
                                          "subtitle": subtitle, "notes": notes, "source": source,
                                          "claims": list(table["claim_id"]), "alt": alt, "table": f"{fid}.csv",
                                          "year": d.new_year}}
    return Figure(fid, "compare", "changes", lang, title, subtitle, alt, notes, source, list(table["claim_id"]), table, spec)
