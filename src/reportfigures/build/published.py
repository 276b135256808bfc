"""What an edition publishes once its notebooks ran: the figures they drew, the front pages,
the index of every edition.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import IntegrityError
from ..paths import outputs_dir
from ..tables.inputs import EditionInputs
from ..tables.compute import EditionResults


def write_editions_index(root: Path) -> None:
    """outputs/index.html: every built edition of every report and the comparisons between them."""
    from ..publish.site.page import render_editions
    from ..files import atomic_write_text
    from ..paths import built
    out = Path(root) / "outputs"
    editions = []
    for report, year in built(root):
        d = outputs_dir(root, year, report)
        rec = json.loads((d / "edition.json").read_text(encoding="utf-8"))
        editions.append({"year": year, "report": report, "href": d.relative_to(out).as_posix() + "/index.html",
                         "base_year": rec["params"].get("base_year"), "title": rec.get("title", ""),
                         "compared": (d / "compare" / "diff.csv").exists(), "figures": len(rec.get("figures", [])),
                         "targets": (rec.get("outputs") or {}).get("targets")})
    atomic_write_text(out / "index.html", render_editions(editions))


def published_figures(inputs: EditionInputs, dest: Path) -> dict[str, list]:
    """The charts the notebooks drew, read back from their Vega-Lite usermeta, in each
    language; every drawable figure of figures.yml must be there (a notebook that forgot
    one fails the build)."""
    from ..publish.charts.style import LANGS
    from ..publish.charts.render import chart_dir
    from ..publish.charts.figures import drawable, value_index
    from ..publish.present import figure_defs
    tables = {n: json.loads((dest / f"{n}.json").read_text(encoding="utf-8")) for n in ("claims", "derived", "findings")}
    index = value_index(tables["claims"], tables["derived"], tables["findings"], inputs.year)
    wanted = [d["id"] for d in figure_defs(inputs.root, inputs.params, dest) if drawable(d, index)]
    out: dict[str, list] = {}
    for lang in LANGS:
        folder = chart_dir(dest / "charts", lang)
        out[lang] = []
        for fid in wanted:
            path = folder / f"{fid}.vl.json"
            if not path.exists():
                raise IntegrityError(f"figure {fid} ({lang}) was not drawn by any notebook", "data/charts/figures.yml")
            out[lang].append(PublishedFigure.from_spec(json.loads(path.read_text(encoding="utf-8")), folder))
        for path in sorted([*folder.glob("targets_*.vl.json"), *folder.glob("changes_*.vl.json")]):  # the comparison
            out[lang].append(PublishedFigure.from_spec(json.loads(path.read_text(encoding="utf-8")), folder))
    return out


@dataclass
class PublishedFigure:
    id: str
    type: str
    lang: str
    title: str
    subtitle: str
    alt: str
    notes: str
    source: str
    claim_ids: list
    width: int = 0  # of the drawn SVG: the page reserves its space before the image loads
    height: int = 0
    narrow: bool = False  # <id>.narrow.svg was drawn: the page shows it on phones

    @classmethod
    def from_spec(cls, spec: dict, folder: Path | None = None) -> "PublishedFigure":
        m = spec["usermeta"]["reportfigures"]
        w = h = 0
        svg = folder / f"{m['figure']}.svg" if folder is not None else None
        if svg is not None and svg.exists():
            head = svg.read_text(encoding="utf-8")[:2000]
            mw, mh = re.search(r'<svg[^>]*\swidth="([\d.]+)"', head), re.search(r'<svg[^>]*\sheight="([\d.]+)"', head)
            w, h = (round(float(mw.group(1))), round(float(mh.group(1)))) if mw and mh else (0, 0)
        narrow = folder is not None and (folder / f"{m['figure']}.narrow.svg").exists()
        return cls(m["figure"], m.get("type", ""), m.get("lang", "zh"), m["title"], m["subtitle"], m["alt"], m["notes"],
                   m["source"], m["claims"], w, h, narrow)


def write_front_pages(inputs: EditionInputs, results: EditionResults, dest: Path, runs, figures: dict,
                      summary: dict) -> None:
    """index.html in Chinese and en/index.html in English, and annotations.json."""
    from ..publish.site.context import PageContext
    from ..publish.site.page import render_index, write_page
    from ..publish.site.annotations import annotations, write_annotations
    notebooks = [{"name": r.name, "title": r.title, "lang": "en" if r.name.startswith("en/") else "zh",
                  "html": f"notebooks/{r.name}.html", "ipynb": f"notebooks/{r.name}.ipynb"} for r in runs]
    compare = (dest / "compare" / "diff.csv").exists()
    ctx = PageContext(year=inputs.year, meta=inputs.meta, text=inputs.source.text, sha256=inputs.source.sha256,
                           mentions=results.mentions, claims=results.claims, findings=results.findings,
                           derived=results.derived, notebooks=notebooks, validation=results.validation,
                           built_at=summary["built_at"], version=summary["package_version"],
                           base_year=inputs.params.get("base_year") if compare else None,
                           publish_url=inputs.params.get("publish_url", ""), targets=results.targets,
                           targets_base=inputs.params.get("base_year"), catalog=inputs.has_catalog)
    for lang in ("zh", "en"):
        write_page(dest, render_index(ctx, figures[lang], lang), lang)
    write_annotations(dest, annotations(inputs.source.text, inputs.source.sha256, results.claims,
                                                  results.findings))
