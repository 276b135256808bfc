"""The corpus notebook (notebooks/corpus.py): what many reports state, as tables and a chart.

It is not part of an edition (notebooks.plan runs only the edition's notebooks):
`reportfigures corpus DIR` runs it with papermill into outputs/corpus/, through a staging
folder that replaces the last run only when the notebook succeeded. The chart follows the
editions' drawing rules (charts.lint): a title that says what it shows, a finding, a
source line, one scale for one unit, no internal id.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pandas as pd

from ..publish.charts.figures import Figure
from ..publish.charts.furniture import furnish
from ..publish.charts.style import PALETTE, TEXT
from .numbers import COUNTED, counts, labels
from ..errors import NotebookError

NOTEBOOK = "notebooks/corpus.py"
FIGURE_ID = "corpus_counts"
PARAMETERS = ("root", "corpus", "year", "out_dir", "lang", "jobs")
WORDS = {
    "zh": {"metric": "指标", "target": "目标", "list_count": "列举计数", "numbers": "全部数字", "document": "报告",
           "report": "文件"},
    "en": {"metric": "metrics", "target": "targets", "list_count": "list counts", "numbers": "all numbers",
           "document": "report", "report": "file"},
}


def numbers_frame(found: list) -> pd.DataFrame:
    """Every number of every report in one table, `document` naming the report's file."""
    from ..extract.mention import COLUMNS
    rows = [{"document": Path(p).name, **{k: v for k, v in m.row().items() if k in COLUMNS}}
            for p, mentions in found for m in mentions]
    return pd.DataFrame(rows, columns=["document", *COLUMNS])


def counts_frame(found: list, folder: Path, lang: str = "zh") -> pd.DataFrame:
    """Per report, most quantities first: metrics, targets, list counts and all numbers."""
    rows = counts(found)
    names = labels(folder, [r["document"] for r in rows])
    table = pd.DataFrame([{"label": names[r["document"]][lang], **r} for r in rows])
    table["stated"] = table[list(COUNTED)].sum(axis=1)
    return table.sort_values(["stated", "label"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _panel(table: pd.DataFrame, kind: str, lang: str, width: int, top: float, first: bool) -> dict:
    values = [{"label": r["label"], "value": int(r[kind]), "text": str(int(r[kind]))} for _, r in table.iterrows()]
    order = list(table["label"])
    axis = {"labelLimit": 160} if first else {"labels": False, "ticks": False, "domain": False}
    x = {"field": "value", "type": "quantitative", "title": WORDS[lang][kind], "stack": None,
         "scale": {"domain": [0, top], "nice": False}, "axis": {"tickCount": 3, "grid": True}}
    return {"data": {"values": values}, "width": width, "height": {"step": 16},
            "encoding": {"y": {"field": "label", "type": "nominal", "sort": order, "title": None, "axis": axis}},
            "layer": [
                {"mark": {"type": "bar", "color": PALETTE[0], "height": {"band": 0.75}},
                 "encoding": {"x": x, "tooltip": [{"field": "label", "title": WORDS[lang]["document"]},
                                                  {"field": "text", "title": WORDS[lang][kind]}]}},
                {"mark": {"type": "text", "align": "left", "dx": 3, "fontSize": 10, "color": TEXT},
                 "encoding": {"x": {"field": "value", "type": "quantitative", "stack": None},
                              "text": {"field": "text"}}}]}


def figure(table: pd.DataFrame, info: dict, lang: str = "zh") -> Figure:
    """Three panels on one scale, a row per report: how many metrics, targets and list
    counts each states (the quantities a reader can check), most first."""
    n = len(table)
    top = table.iloc[0]
    mean = {k: table[k].mean() for k in COUNTED}
    most_targets = table.sort_values("target", ascending=False, kind="stable").iloc[0]
    year, kind = info.get("year", ""), info.get("kind", "")
    if lang == "en":
        title = f"What {n} reports state: metrics, targets and list counts"
        subtitle = (f"{top['label']} states the most quantities ({int(top['stated'])}); {most_targets['label']} the most "
                    f"targets ({int(most_targets['target'])}); a report states {mean['metric']:.0f} metrics and "
                    f"{mean['target']:.0f} targets on average")
        notes = ("Counted by reportfigures' extraction: metrics are quantities stated as results, targets quantities "
                 "set as goals, list counts the numbers that count listed items (两个, 三项).")
        source = (f"Source: the texts of {n} reports of {year} ({kind}), numbers extracted by reportfigures" if year
                  else f"Source: the texts of {n} reports, numbers extracted by reportfigures")
        alt = (f"Bar charts of {n} reports: {top['label']} states the most quantities, {int(top['stated'])}; on average "
               f"a report states {mean['metric']:.0f} metrics, {mean['target']:.0f} targets and "
               f"{mean['list_count']:.0f} list counts.")
    else:
        title = f"{n}份报告各陈述多少指标、目标和列举计数"
        subtitle = (f"{top['label']}陈述的数量最多（{int(top['stated'])}项），{most_targets['label']}的目标最多"
                    f"（{int(most_targets['target'])}项）；平均每份报告{mean['metric']:.0f}项指标、{mean['target']:.0f}项目标")
        notes = "按reportfigures的抽取统计：指标为陈述的实绩数量，目标为提出的目标数量，列举计数为数所列各项的数字（两个、三项）。"
        source = (f"来源：{year}年{kind}原文{n}份，数字由reportfigures抽取" if year
                  else f"来源：{n}份报告原文，数字由reportfigures抽取")
        alt = (f"{n}份报告的条形图：{top['label']}陈述的数量最多，{int(top['stated'])}项；平均每份报告"
               f"{mean['metric']:.0f}项指标、{mean['target']:.0f}项目标、{mean['list_count']:.0f}项列举计数。")
    most = float(table[list(COUNTED)].max().max()) or 1.0
    width = 150
    body = {"vconcat": [{"hconcat": [_panel(table, k, lang, width, most * 1.2, i == 0) for i, k in enumerate(COUNTED)],
                         "spacing": 8}]}
    spec = furnish(body, title, subtitle, notes, source, alt, width=3 * width + 180)
    spec["usermeta"] = {"reportfigures": {"figure": FIGURE_ID, "type": "corpus", "theme": "corpus", "lang": lang,
                                          "title": title, "subtitle": subtitle, "notes": notes, "source": source,
                                          "claims": [], "alt": alt, "table": f"{FIGURE_ID}.csv"}}
    data = table[["label", *COUNTED, "numbers"]].rename(columns={"label": WORDS[lang]["document"]})
    return Figure(FIGURE_ID, "corpus", "corpus", lang, title, subtitle, alt, notes, source, [], data, spec)


# --- running it ----------------------------------------------------------------------------------

def read(path: Path):
    """The jupytext notebook, checked for a parameters cell naming every parameter."""
    import jupytext

    from ..build.notebooks import KERNEL
    if not Path(path).is_file():
        raise NotebookError("no such notebook", path)
    nb = jupytext.read(path)
    nb.metadata["kernelspec"] = dict(KERNEL)
    cell = next((c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])), None)
    if cell is None:
        raise NotebookError("has no cell tagged `parameters`: papermill would ignore the parameters", path)
    missing = [p for p in PARAMETERS if not re.search(rf"^{p}\s*=", cell.source, re.MULTILINE)]
    if missing:
        raise NotebookError(f"parameters cell lacks {', '.join(missing)}", path)
    return nb


def run(root: Path, folder: Path, out: Path | None = None, *, lang: str = "zh", jobs: int = 2) -> Path:
    """Run the corpus notebook on a folder of reports into `out` (outputs/corpus/): the
    executed notebook (ipynb and HTML), numbers.csv, counts.csv and the chart."""
    import tempfile

    from ..build import staging
    from .numbers import documents
    from ..build.notebooks import execute, tidy, to_html

    root = Path(root)
    folder = Path(folder).resolve()
    documents([folder])  # a folder without reports: one line now, not a failed cell later
    out = Path(out) if out else root / "outputs" / "corpus"
    out.parent.mkdir(parents=True, exist_ok=True)
    nb = read(root / NOTEBOOK)
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging.", dir=out.parent))
    try:
        params = {"root": os.path.relpath(root.resolve(), out.resolve()), "corpus": os.path.relpath(folder, root.resolve()),
                  "out_dir": ".", "lang": lang, "jobs": jobs}
        ipynb = stage / "corpus.ipynb"
        execute(nb, ipynb, params, None, stage, name=Path(NOTEBOOK).name)
        tidy(ipynb, NOTEBOOK, "corpus.ipynb")
        to_html(ipynb, stage / "corpus.html")
        staging.publish(stage, out)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return out
