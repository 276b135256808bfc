"""A figure made: its definition and the edition's tables in, a finished Figure out.

definition → table (figures.py) → chart body by type (bars.py) → furniture (title, notes,
source, alt text: furniture.py) → Figure with its Vega-Lite spec, linted when saved.
"""

from __future__ import annotations

from ...errors import InputError
from .bars import BUILDERS
from .figures import (Figure, claims_table, figure_claims, fill, findings_table, same_measure, source_line,
                      value_index)
from .furniture import furnish
from .style import BOUND_KEY, WIDTH


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
    body = (BUILDERS[defn["type"]](table, lang, width, whole=whole) if defn["type"] in ("bars", "panels")
            else BUILDERS[defn["type"]](table, lang, width))
    key = BOUND_KEY[lang] if "bound" in table.columns and bool(table["bound"].any()) else ""
    spec = furnish(body, title, subtitle, notes, source, alt_text, width, key=key)
    spec["usermeta"] = {"reportfigures": {
        "figure": defn["id"], "type": defn["type"], "theme": defn["theme"], "lang": lang, "title": title,
        "subtitle": subtitle, "notes": notes, "source": source, "claims": ids, "alt": alt_text,
        "table": f"{defn['id']}.csv", "year": year, "same_measure": defn["type"] == "plan",
        "narrow": width < WIDTH}}
    return Figure(defn["id"], defn["theme"], defn["type"], lang, title, subtitle, alt_text, notes, source,
                  ids, table, spec)
