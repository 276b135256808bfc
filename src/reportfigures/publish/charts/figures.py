"""A figure from its definition (data/charts/figures.yml or auto_figures) and the tables.

In come a definition and an edition's claims, derived figures and findings; out comes a
Figure: its title, finding, alt text and notes filled in by the one formatter (never a typed
number), its table of exact values, and its Vega-Lite spec.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
import pandas as pd

from ...errors import CatalogError, InputError
from ...files import load_yaml_list
from ...formats import quantity, quantity_en
from .style import VALUE_KIND


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
        from ...checks.list_counts import clean_items
        c, items = self._listed[key]
        self[key] = {"value": len(clean_items(items, str(c.get("noun") or ""))[0]), "unit": c["unit"],
                     "qualifier": "exact"}
        return self[key]


def value_index(claims: list[dict], derived: list[dict], findings: list[dict], year: int) -> dict[str, dict]:
    """Everything a template may name: claims, how many items a list count lists, derived
    figures, findings counts by rating, the years."""
    from ...extract.mention import LIST_SEP
    from ...checks.ratings import ORDER

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
    from ...checks.findings import round_half

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
    from ...text.document import small_cn_int

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
    from ...checks.ratings import ORDER, label
    counts: dict[str, int] = {}
    for f in findings:
        counts[f["rating"]] = counts.get(f["rating"], 0) + 1
    rows = [{"order": i, "rating": r, "label": label(r, lang), "value": float(counts[r]),
             "text": f"{counts[r]}" if lang == "en" else f"{counts[r]}项"}
            for i, r in enumerate(ORDER) if r in counts]
    return pd.DataFrame(rows, columns=["order", "rating", "label", "value", "text"])


def records(table: pd.DataFrame) -> list[dict]:
    return [{k: (v.item() if hasattr(v, "item") else v) for k, v in r.items()} for r in table.to_dict("records")]
