"""The page comparing every report of a corpus: last year's targets against this year's results.

One page in Chinese (index.html) and one in English (en/index.html): the totals in one
sentence, a chart of each report's outcomes (met, missed, not reported), a table with one row
per report linking to its editions, and under each report every target beside its result,
each number linked to its place in the text it was printed in. targets.csv holds every row
with its report; summary.csv every edition's counts.
"""

from __future__ import annotations

import csv
import html
from pathlib import Path

from ..files import csv_text
from ..publish.charts.style import NARROW_WIDTH

OUTCOMES = ("met", "missed", "not_reported")
WORDS = {
    "zh": {"title": "上年目标与今年实绩：{n}份报告", "deck": "每份报告上一年定下的数字目标，对照下一年报告给出的实际数字；每个数字都链接到它在原文中的位置。",
           "report": "报告", "targets": "目标", "met": "已完成", "missed": "未完成", "not_reported": "未报告",
           "findings": "核查问题", "editions": "各版", "subject": "内容", "target": "目标", "result": "实际", "outcome": "完成情况",
           "lede": "{reports}份报告共{total}项数字目标有下一年的报告可对照：{met}项已完成，{missed}项未完成，{not_reported}项下一年报告没有给出对应数字。",
           "how": "目标与实绩按同一标准指标（如地区生产总值增长）或相同的所计名词与分句配对；“左右”按±10%计；只有本年实际数字算作实绩（不含五年合计与新一年目标）。",
           "built": "{n}份报告、{e}个版次，用{jobs}个进程在{s:.0f}秒内生成（每版{per:.2f}秒）。", "data": "数据",
           "all_targets": "全部目标与实绩（CSV）", "summary": "各版计数（CSV）", "chart_title": "各报告上年目标的完成情况",
           "chart_sub": "每份报告：已完成、未完成、未报告的目标数", "chart_alt": "{lede}", "other": "English"},
    "en": {"title": "Last year's targets against this year's results: {n} reports",
           "deck": "Each report's numeric targets for a year, against the figures the next year's report gives; every number links to its place in the text.",
           "report": "report", "targets": "targets", "met": "met", "missed": "missed", "not_reported": "not reported",
           "findings": "findings", "editions": "editions", "subject": "subject", "target": "target", "result": "result",
           "outcome": "outcome",
           "lede": "{reports} reports set {total} numeric targets that the next year's report can be checked against: {met} met, {missed} missed, and {not_reported} with no figure in the next report.",
           "how": "A target and a result are paired by the same standard indicator (GDP growth …) or the same counted noun and clause; “about” is read as ±10%; only a figure of the year counts as a result (not a five-year total, not the next year's target).",
           "built": "{n} reports, {e} editions, built on {jobs} processes in {s:.0f} s ({per:.2f} s an edition).", "data": "Data",
           "all_targets": "every target and result (CSV)", "summary": "every edition's counts (CSV)",
           "chart_title": "Last year's targets, report by report", "chart_sub": "targets met, missed and not reported in each report",
           "chart_alt": "{lede}", "other": "中文"},
}
TARGET_ROW = ["report", "base_year", "year", "target_id", "outcome", "subject_zh", "subject_en", "target_surface",
              "target_start", "result_surface", "result_start", "sentence_zh", "sentence_en"]


def _e(s) -> str:
    return html.escape(str(s if s is not None else ""), quote=True)


def names_zh(folders: list[Path]) -> dict[str, str]:
    """A report's Chinese name, from a folder's manifest.csv (province) when it has one."""
    out: dict[str, str] = {}
    for folder in folders:
        manifest = Path(folder) / "manifest.csv"
        if manifest.is_file():
            with open(manifest, encoding="utf-8", newline="") as f:
                for r in csv.DictReader(f):
                    if r.get("province") and r.get("file"):
                        out[Path(r["file"]).stem.split("-", 1)[-1]] = r["province"]
    return out


def rows(done: list[dict]) -> list[dict]:
    """Every target of every report, with its report and years."""
    out = []
    for r in done:
        for y in r["years"]:
            for t in y["targets"] or []:
                out.append({"report": r["name"], "year": y["year"], **t})
    return out


def totals(done: list[dict]) -> dict:
    rs = rows(done)
    return {"reports": sum(1 for r in done if any(y["targets"] is not None for y in r["years"])), "total": len(rs),
            **{o: sum(t["outcome"] == o for t in rs) for o in OUTCOMES}}


def chart(done: list[dict], zh_names: dict[str, str], lang: str, width: int | None = None) -> tuple[str, str]:
    """Stacked bars of outcomes per report (one scale: a count of targets): SVG and alt text.
    `width`: the drawing's width (a phone gets a narrow drawing, not the wide one shrunk)."""
    from ..publish.charts.style import PALETTE, WIDTH
    from ..publish.charts.furniture import furnish
    from ..publish.charts.render import accessible_svg, render
    w = WORDS[lang]
    values = []
    for r in done:
        for y in r["years"]:
            if y["targets"] is None:
                continue
            label = zh_names.get(r["name"], r["name"]) if lang == "zh" else r["name"].replace("-", " ").title()
            for o in OUTCOMES:
                values.append({"label": label, "outcome": w[o], "n": sum(t["outcome"] == o for t in y["targets"]),
                               "order": OUTCOMES.index(o)})
    colours = [PALETTE[2], PALETTE[5], "#8c8c8c"]
    body = {"data": {"values": values}, "width": width or WIDTH, "height": {"step": 18},
            "mark": {"type": "bar"},
            "encoding": {"y": {"field": "label", "type": "nominal", "title": None, "sort": None},
                         "x": {"field": "n", "type": "quantitative", "stack": "zero", "title": w["targets"]},
                         "order": {"field": "order"},
                         "color": {"field": "outcome", "type": "nominal", "title": None, "legend": {"orient": "top"},
                                   "scale": {"domain": [w[o] for o in OUTCOMES], "range": colours}}}}
    lede = w["lede"].format(**totals(done))
    years = "、".join(str(y) for y in sorted({y["year"] for r in done for y in r["years"]}))
    source = (f"来源：{len(done)}份政府工作报告（{years}年），目标取自前一年的报告，实绩取自后一年的报告" if lang == "zh" else
              f"Source: {len(done)} government work reports ({years.replace('、', ', ')}); targets from each year's report, "
              "results from the next")
    spec = furnish(body, w["chart_title"], w["chart_sub"], w["how"], source, lede, width or WIDTH)
    svg, _ = render(spec, png=False)
    return accessible_svg(svg, w["chart_title"], lede, lang), lede


def page(done: list[dict], zh_names: dict[str, str], lang: str, svg_name: str, meta: dict) -> str:
    """The comparison page in one language."""
    from ..publish.site.style import STYLE
    w = WORDS[lang]
    up = "" if lang == "zh" else "../"
    tot = totals(done)
    head = "".join(f"<th>{_e(w[k])}</th>" for k in ("report", "targets", "met", "missed", "not_reported", "findings",
                                                    "editions"))
    trs, details = [], []
    for r in done:
        name = zh_names.get(r["name"], r["name"]) if lang == "zh" else r["name"].replace("-", " ").title()
        links = " · ".join(f'<a href="{up}{_e(r["name"])}/{y["year"]}/{"" if lang == "zh" else "en/"}index.html">{y["year"]}</a>'
                           for y in r["years"])
        for y in r["years"]:
            if y["targets"] is None:
                continue
            c = {o: sum(t["outcome"] == o for t in y["targets"]) for o in OUTCOMES}
            faults = sum(v for k, v in y["counts"]["findings"].items() if k in ("contradiction", "not_reproducible",
                                                                            "misprint", "worth_a_look"))
            trs.append(f'<tr><td><a href="#r-{_e(r["name"])}">{_e(name)}</a></td><td class="n">{len(y["targets"])}</td>'
                       f'<td class="n">{c["met"]}</td><td class="n">{c["missed"]}</td><td class="n">{c["not_reported"]}</td>'
                       f'<td class="n">{faults}</td><td class="n">{links}</td></tr>')
            base = y["year"] - 1
            items = []
            order = {o: i for i, o in enumerate(("missed", "met", "not_reported"))}
            for t in sorted(y["targets"], key=lambda t: (order[t["outcome"]], t["target_start"])):
                base_href = f'{up}{_e(r["name"])}/{base}/{"" if lang == "zh" else "en/"}index.html#m-{t["target_start"]}'
                res = (f'<a href="{up}{_e(r["name"])}/{y["year"]}/{"" if lang == "zh" else "en/"}index.html#m-{t["result_start"]}">'
                       f'{_e(t["result_surface"])}</a>' if t.get("result_id") else "–")
                items.append(f'<tr><td class="subject">{_e(t["subject_en"] if lang == "en" else t["subject_zh"])}</td>'
                             f'<td class="num" data-label="{_e(w["target"])}"><a href="{base_href}">{_e(t["target_surface"])}</a></td>'
                             f'<td class="num" data-label="{_e(w["result"])}">{res}</td>'
                             f'<td data-label="{_e(w["outcome"])}"><span class="outcome o-{t["outcome"]}">{_e(w[t["outcome"]])}</span></td>'
                             f'<td>{_e(t["sentence_en"] if lang == "en" else t["sentence_zh"])}</td></tr>')
            ihead = "".join(f"<th>{_e(w[k])}</th>" for k in ("subject", "target", "result", "outcome"))
            details.append(f'<details id="r-{_e(r["name"])}" class="more"><summary><strong>{_e(name)}</strong> '
                           f'{base} → {y["year"]}: {c["met"]} {_e(w["met"])}, {c["missed"]} {_e(w["missed"])}, '
                           f'{c["not_reported"]} {_e(w["not_reported"])}</summary><div class="table-wrap" tabindex="0">'
                           f'<table class="targets"><thead><tr>{ihead}<th></th></tr></thead><tbody>{"".join(items)}</tbody></table>'
                           f'</div></details>')
    other = ('<a href="en/index.html" hreflang="en" lang="en">English</a>' if lang == "zh"
             else '<a href="../index.html" hreflang="zh-Hans" lang="zh-Hans">中文</a>')
    n_eds = sum(len(r["years"]) for r in done)
    built = w["built"].format(n=len(done), e=n_eds, jobs=meta.get("jobs", 1), s=meta.get("seconds", 0),
                              per=meta.get("seconds", 0) / max(n_eds, 1))
    return f"""<!doctype html>
<html lang="{'zh-Hans' if lang == 'zh' else 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{_e(w['title'].format(n=len(done)))} · reportfigures</title><style>{STYLE}</style></head>
<body><header><p class="kicker">reportfigures · {other}</p><h1>{_e(w['title'].format(n=len(done)))}</h1>
<p class="deck">{_e(w['deck'])}</p></header><main>
<section id="targets"><p class="lede">{_e(w['lede'].format(**tot))}</p><p>{_e(w['how'])}</p>
<figure><picture><source media="(max-width: 640px)" srcset="{svg_name.replace('.svg', '.narrow.svg')}">
<img src="{svg_name}" alt="{_e(w['lede'].format(**tot))}" style="max-width:100%;height:auto"></picture></figure>
<div class="table-wrap" tabindex="0" role="region" aria-label="{_e(w['report'])}"><table><thead><tr>{head}</tr></thead>
<tbody>{''.join(trs)}</tbody></table></div>
{''.join(details)}</section>
<section id="data"><h2>{_e(w['data'])}</h2><ul><li><a href="{up}targets.csv">{_e(w['all_targets'])}</a></li>
<li><a href="{up}summary.csv">{_e(w['summary'])}</a></li></ul><p>{_e(built)}</p></section>
</main></body></html>
"""


def write_comparison(dest: Path, done: list[dict], folders: list[Path], *, seconds: float = 0.0, jobs: int = 1) -> None:
    """index.html, en/index.html, the chart in both languages, targets.csv and summary.csv."""
    dest = Path(dest)
    zh_names = names_zh(folders)
    (dest / "targets.csv").write_text(csv_text([t | {"base_year": t["year"] - 1} for t in rows(done)], TARGET_ROW),
                                      encoding="utf-8")
    summary = [{"report": r["name"], "year": y["year"], "reviewed_year": y["reviewed_year"], "title": y["title"],
                **{k: v for k, v in y["counts"].items() if k != "findings"},
                **{f"findings_{k}": v for k, v in y["counts"]["findings"].items()}}
               for r in done for y in r["years"]]
    cols = list(dict.fromkeys(k for s in summary for k in s))
    (dest / "summary.csv").write_text(csv_text(summary, cols), encoding="utf-8")
    meta = {"seconds": seconds, "jobs": jobs}
    for lang in ("zh", "en"):
        folder = dest if lang == "zh" else dest / "en"
        folder.mkdir(parents=True, exist_ok=True)
        svg, _ = chart(done, zh_names, lang)
        (folder / "targets.svg").write_text(svg, encoding="utf-8")
        narrow, _ = chart(done, zh_names, lang, NARROW_WIDTH)  # chosen by the page under 640 px
        (folder / "targets.narrow.svg").write_text(narrow, encoding="utf-8")
        (folder / "index.html").write_text(page(done, zh_names, lang, "targets.svg", meta), encoding="utf-8")
