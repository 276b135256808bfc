"""Last year's targets beside this year's results, as a reader sees them: the table, the
one-sentence summary, and the chart of the per-cent targets (bars: results; ticks: targets).
"""

from __future__ import annotations

from ..checks.targets import OUTCOMES, counts


def frame(rows: list[dict], lang: str = "zh"):
    """The targets as a reader's table: subject, target, result, outcome, the sentence."""
    import pandas as pd

    from .i18n import t
    en = lang == "en"
    order = {o: i for i, o in enumerate(OUTCOMES)}
    return pd.DataFrame([{t("col_subject", lang): r["subject_en"] if en else r["subject_zh"],
                          t("col_target", lang): r["target_surface"], t("col_result", lang): r.get("result_surface") or "–",
                          t("col_outcome", lang): r["outcome_en"] if en else r["outcome_zh"],
                          t("col_finding", lang): r["sentence_en"] if en else r["sentence_zh"]}
                         for r in sorted(rows, key=lambda r: (order[r["outcome"]], r["target_start"]))])


def summary(rows: list[dict], year, lang: str = "zh") -> str:
    from .i18n import t
    return t("targets_summary", lang, year=year, total=len(rows), **counts(rows))


def figure(rows: list[dict], meta: dict, base_year: int, year: int, lang: str = "zh", width: int | None = None):
    """Results as bars and targets as ticks, for the targets measured in per cent that have
    a result (one scale, one unit); None when fewer than two such targets."""
    import pandas as pd

    from .charts.style import PALETTE, WIDTH, label_limit, wrap_label
    from .charts.figures import Figure, source_line
    from .charts.furniture import furnish
    en = lang == "en"
    width = width or WIDTH
    shown = [r for r in rows if r.get("result_id") and r["target_unit"] == "%" and r.get("result_unit") == "%"]
    if len(shown) < 2:
        return None
    sign = lambda r, k: -1 if (r["direction"] == "at_most" and "下降" in (r["target"] if k == "t" else r.get("result", ""))) else 1  # noqa: E731
    table = pd.DataFrame([{"claim_id": r["result_id"], "target_id": r["target_id"],
                           "label": (r["subject_en"] if en else r["subject_zh"]) or r["target_surface"],
                           "value": float(r["result_value"]) * sign(r, "r"), "target": float(r["target_value"]) * sign(r, "t"),
                           "unit": "%", "text": r.get("result") if not en else r.get("result_surface"),
                           "outcome": r["outcome_en"] if en else r["outcome_zh"]} for r in shown])
    ry = meta.get("reviewed_year", year)
    title = (f"The {ry} targets and the {ry} results" if en else f"{ry}年目标与实绩")
    met = sum(r["outcome"] == "met" for r in shown)
    subtitle = (f"{met} of {len(shown)} targets in per cent were met" if en
                else f"以百分比计的{len(shown)}项目标中{met}项已完成")
    notes = ("Bars: the result this report states; ticks: the target the previous report set. "
             "“About” targets are read as ±10%." if en else "柱：本报告给出的实际数；刻度线：上一年报告定下的目标。“左右”按±10%计。")
    alt = (f"{subtitle}. " + "; ".join(f"{x['label']}: target {x['target']:g}%, result {x['value']:g}% ({x['outcome']})"
                                       for x in table.to_dict("records")) if en else
           f"{subtitle}。" + "；".join(f"{x['label']}：目标{x['target']:g}%，实际{x['value']:g}%（{x['outcome']}）"
                                     for x in table.to_dict("records")))
    source = source_line(meta, ry, [], lang)
    limit = label_limit(lang, width)
    table["label"] = [wrap_label(lb, limit, 2 if width >= WIDTH else 3) for lb in table["label"]]
    values = table.to_dict("records")
    colours = {k: v for k, v in {("met" if en else "已完成"): PALETTE[2],
                                 ("missed" if en else "未完成"): PALETTE[5]}.items() if k in set(table["outcome"])}
    body = {"data": {"values": values}, "width": width, "height": {"step": 30},
            "encoding": {"y": {"field": "label", "type": "nominal", "title": None, "sort": None,
                               "axis": {"labelLimit": limit, "labelExpr": "split(datum.label, '\\n')"}}},
            "layer": [
                {"mark": {"type": "bar", "height": 18},
                 "encoding": {"x": {"field": "value", "type": "quantitative", "title": "%" if en else "百分比（%）"},
                              "color": {"field": "outcome", "type": "nominal", "title": None, "legend": {"orient": "top"},
                                        "scale": {"domain": list(colours), "range": list(colours.values())}}}},
                {"mark": {"type": "tick", "thickness": 3, "size": 26, "color": "#1a1a1a"},
                 "encoding": {"x": {"field": "target", "type": "quantitative"}}},
                {"mark": {"type": "text", "align": "left", "dx": 4, "color": "#1a1a1a"},
                 "encoding": {"x": {"field": "value", "type": "quantitative"}, "text": {"field": "text"}}}]}
    spec = furnish(body, title, subtitle, notes, source, alt, width)
    fid = f"targets_{base_year}_{year}"
    spec["usermeta"] = {"reportfigures": {"figure": fid, "type": "targets", "theme": "compare", "lang": lang,
                                          "title": title, "subtitle": subtitle, "notes": notes, "source": source,
                                          "claims": list(table["claim_id"]), "alt": alt, "table": f"{fid}.csv",
                                          "year": year, "narrow": width < WIDTH}}
    return Figure(fid, "compare", "targets", lang, title, subtitle, alt, notes, source, list(table["claim_id"]),
                         table, spec)
