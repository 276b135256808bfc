"""The charts of a report nobody wrote a figures.yml for, chosen from its claims.

The CPPCC report's charts are written by hand in data/charts/figures.yml. A report without a
catalog (any provincial government work report) gets its charts from its claims, grouped
by the part of the report they stand in (the review of the year, the five-year plan, the
coming year's targets), one scale per unit:

- `<part>_growth`: the standard indicators' growth rates of the part (bars, all in %, the
  scale running to the largest rather than to 100);
- `<part>_rates`: the standard indicators that are rates or shares (bars, in %, to 100).
  Levels (地区生产总值 in 元 beside 人均地区生产总值 in 元) share a unit but not a meaning:
  they are not drawn side by side;
- `<part>_figures`, only for a part that names no standard indicator: the first figures
  of its commonest unit (bars).

Every published sentence is a template over claim ids ({gdp.growth}), filled by the one
number formatter like figures.yml's: no number is typed. In come an edition's claims and
metadata; out come figure definitions in figures.yml's shape.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..files import json_text
from ..text.parts import part_heading

AUTO = "auto"  # edition.yml `figures: auto`: charts chosen from the claims
MAX_BARS = 10
PART_NAMES = {
    "review": ("{reviewed_year}年工作回顾", "Review of {reviewed_year}"),
    "plan": ("“十五五”时期目标", "Goals for the five-year plan"),
    "tasks": ("{task_year}年目标任务", "Targets for {task_year}"),
    "other": ("其他", "Other figures"),
}


def _named(c: dict) -> bool:
    """A claim of a standard indicator (measures.py): its id is the indicator's, not `.auto.`."""
    return ".auto." not in c["id"] and "." in c["id"] and c.get("origin") != "catalog"


def _aspect(c: dict) -> str:
    parts = c["id"].split(".")
    return parts[1].split("_")[0] if len(parts) > 1 else ""


def part_name(theme: str, meta: dict, lang: str = "zh") -> str:
    zh, en = PART_NAMES.get(theme, (theme, theme))
    years = {"reviewed_year": meta.get("reviewed_year", ""), "task_year": meta.get("task_year", "")}
    return (en if lang == "en" else zh).format(**years)


def _sentence(claims: list[dict], en: bool) -> str:
    sep = "; " if en else "，"
    return sep.join(f"{c.get('subject_en') if en else c.get('subject_zh')} {{{c['id']}}}" if en
                    else f"{c.get('subject_zh')}{{{c['id']}}}" for c in claims)


def _distinct(claims: list[dict]) -> list[dict]:
    """One bar per label: two claims named alike (two 增长 of the same noun, in different
    sentences) would be stacked on one row, and the chart linter refuses that."""
    seen: set[str] = set()
    out = []
    for c in claims:
        keys = {("zh", c.get("subject_zh") or c["id"]), ("en", c.get("subject_en") or c["id"])}
        if any(f"{k}:{v}" in seen for k, v in keys):
            continue
        seen.update(f"{k}:{v}" for k, v in keys)
        out.append(c)
    return out


def _figure(fid: str, theme: str, kind: str, claims: list[dict], title: tuple[str, str], meta: dict,
            percent_scale: str = "whole") -> dict:
    zh, en = _sentence(claims, False), _sentence(claims, True)
    src_zh = f"数字均取自《{meta.get('title', '')}》原文，图中每个数字都可在报告全文中点击查看出处。"
    src_en = "Every figure is printed in the report; click it in the report's text below to see where it stands."
    return {"id": fid, "theme": theme, "type": kind, "claims": [c["id"] for c in claims],
            "title": title[0], "title_en": title[1], "finding": zh, "finding_en": en,
            "alt": f"{title[0]}：{zh}。", "alt_en": f"{title[1]}: {en}.", "notes": src_zh, "notes_en": src_en,
            "percent_scale": percent_scale, "auto": True}


def figures(claims: list[dict], meta: dict) -> list[dict]:
    """The figure definitions of an edition without figures.yml, in part order."""
    out = []
    for theme in ("review", "plan", "tasks", "other"):
        mine = [c for c in claims if c.get("theme") == theme and c["kind"] != "list_count"]
        if not mine:
            continue
        name_zh, name_en = part_name(theme, meta, "zh"), part_name(theme, meta, "en")
        named = [c for c in mine if _named(c) and not c["id"].rsplit("_", 1)[-1].isdigit()
                 and ".period" not in c["id"]]  # a five-year figure is not drawn beside the year's
        growth = _distinct([c for c in named if _aspect(c) == "growth" and c["unit"] == "%"])[:MAX_BARS]
        rates = _distinct([c for c in named if _aspect(c) in ("rate", "share") and c["unit"] == "%"])[:MAX_BARS]
        if len(growth) >= 2:
            out.append(_figure(f"{theme}_growth", theme, "bars", growth,
                               (f"{name_zh}：主要指标增速", f"{name_en}: growth of the main indicators"), meta, "free"))
        if len(rates) >= 2:
            out.append(_figure(f"{theme}_rates", theme, "bars", rates,
                               (f"{name_zh}：比率与占比", f"{name_en}: rates and shares"), meta))
        if not growth and not rates:
            units = Counter(c["unit"] for c in mine if c["unit"])
            if units:
                unit = units.most_common(1)[0][0]
                first = _distinct([c for c in mine if c["unit"] == unit and c["qualifier"] != "range"])[:MAX_BARS]
                if len(first) >= 2:
                    out.append(_figure(f"{theme}_figures", theme, "bars", first,
                                       (f"{name_zh}：报告中的数字", f"{name_en}: figures the report states"), meta))
    return out


def themes(meta: dict, headings: dict[str, str]) -> list[dict]:
    """Theme headings for the notebooks and pages: the part's name and the report's own heading."""
    out = []
    for theme in ("review", "plan", "tasks", "other"):
        name_zh, name_en = part_name(theme, meta, "zh"), part_name(theme, meta, "en")
        h = headings.get(theme, "")
        out.append({"id": theme, "title": name_zh, "title_en": name_en,
                    "intro": f"报告中这一部分（{h}）的数字。" if h else "报告中这一部分的数字。",
                    "intro_en": f"The figures of this part of the report ({h})." if h
                    else "The figures of this part of the report."})
    return out


def write_figure_defs(inputs, claims: list[dict], dest: Path) -> None:
    """For an edition without figures.yml (figures: auto): the charts chosen from its claims
    and the themes (its parts), beside the tables, for the notebooks and the pages."""
    if inputs.params.get("figures") != AUTO:
        return
    (dest / "figures.json").write_text(json_text(figures(claims, inputs.meta)), encoding="utf-8")
    headings = {t: part_heading(inputs.doc, t) for t in ("review", "plan", "tasks", "other")}
    (dest / "themes.json").write_text(json_text(themes(inputs.meta, headings)), encoding="utf-8")
