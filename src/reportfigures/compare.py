"""Comparing two built editions claim by claim, with exit codes a script can use.

0 identical; 1 an edition could not be loaded; 2 the same claims with different values
(or qualifiers); 3 different sets of claims. A qualifier change is a change of kind of
bound (300余 → 近400: at_least → approx), reported apart from the value. Derived rates are
compared as recomputed in each edition, and findings that appeared or disappeared listed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ReportError
from .formats import change, quantity

IDENTICAL, UNLOADABLE, VALUES_DIFFER, CLAIMS_DIFFER = 0, 1, 2, 3
DIFF_COLUMNS = ["claim_id", "status", "subject_zh", "old", "new", "old_value", "new_value", "unit", "change",
                "pct_change", "old_qualifier", "new_qualifier", "qualifier_change"]


class EditionLoadError(ReportError):
    exit_code = UNLOADABLE


@dataclass
class EditionDiff:
    old_year: int
    new_year: int
    claims: list[dict]
    derived: list[dict]
    findings: list[dict]

    @property
    def exit_code(self) -> int:
        if any(r["status"] in ("only_old", "only_new") for r in self.claims):
            return CLAIMS_DIFFER
        if any(r["status"] != "same" for r in self.claims):
            return VALUES_DIFFER
        return IDENTICAL


def load_edition(d: Path, year: int) -> dict:
    """The tables of a built edition folder (outputs/<year>/, or a build's staging folder)."""
    d = Path(d)
    try:
        return {name: json.loads((d / f"{name}.json").read_text(encoding="utf-8"))
                for name in ("claims", "derived", "findings")}
    except FileNotFoundError as e:
        raise EditionLoadError(f"edition {year} is not built (no {Path(e.filename).name}): "
                               f"run `reportfigures build --year {year}`", d) from None
    except ValueError as e:
        raise EditionLoadError(f"edition {year} has an unreadable table ({e})", d) from None


def _pct(old, new) -> float | None:
    return None if old in (None, 0) or new is None else round((float(new) - float(old)) / float(old) * 100, 2)


def diff_claims(old: list[dict], new: list[dict]) -> list[dict]:
    a, b = {c["id"]: c for c in old}, {c["id"]: c for c in new}
    rows = []
    for cid in [*a, *[i for i in b if i not in a]]:
        o, n = a.get(cid), b.get(cid)
        c = n or o
        row = {"claim_id": cid, "subject_zh": c.get("subject_zh", ""), "unit": c["unit"],
               "old": quantity(o["value"], o["unit"], o["qualifier"]) if o else "",
               "new": quantity(n["value"], n["unit"], n["qualifier"]) if n else "",
               "old_value": o["value"] if o else None, "new_value": n["value"] if n else None,
               "old_qualifier": o["qualifier"] if o else "", "new_qualifier": n["qualifier"] if n else "",
               "change": "", "pct_change": None, "qualifier_change": ""}
        if o is None:
            row["status"] = "only_new"
        elif n is None:
            row["status"] = "only_old"
        else:
            value_changed = float(o["value"]) != float(n["value"])
            qual_changed = o["qualifier"] != n["qualifier"]
            row["status"] = ("value_changed" if value_changed else "qualifier_changed") if (
                value_changed or qual_changed) else "same"
            if value_changed:
                row["change"] = change(o["value"], n["value"], n["unit"])
                row["pct_change"] = _pct(o["value"], n["value"])
            if qual_changed:
                row["qualifier_change"] = f"{o['qualifier']} → {n['qualifier']}"
        rows.append(row)
    return rows


def diff_derived(old: list[dict], new: list[dict]) -> list[dict]:
    a, b = {d["id"]: d for d in old}, {d["id"]: d for d in new}
    return [{"id": i, "old": a[i]["value"] if i in a else None, "new": b[i]["value"] if i in b else None,
             "unit": (b.get(i) or a.get(i))["unit"],
             "old_qualifier": a[i]["qualifier"] if i in a else "", "new_qualifier": b[i]["qualifier"] if i in b else ""}
            for i in [*a, *[j for j in b if j not in a]]]


def diff_findings(old: list[dict], new: list[dict]) -> list[dict]:
    """Findings that appeared or disappeared (by check and verdict)."""
    # text checks are named by offset (text.duplication.2973), which moves with any edit
    # before it: they are matched by what they found instead
    def key(f: dict) -> tuple:
        if f["check_id"].startswith("text."):
            return re.sub(r"\.\d+$", "", f["check_id"]), f.get("numbers", ""), f["verdict"]
        return f["check_id"], "", f["verdict"]
    a, b = {key(f): f for f in old}, {key(f): f for f in new}
    row = lambda change, f: {"change": change, "check_id": f["check_id"], "verdict": f["verdict"],  # noqa: E731
                             "numbers": f.get("numbers", "")}
    return [row("disappeared", a[k]) for k in a if k not in b] + [row("appeared", b[k]) for k in b if k not in a]


def diff_editions(outputs: Path, old_year: int, new_year: int, *, new_dir: Path | None = None) -> EditionDiff:
    a = load_edition(Path(outputs) / str(old_year), old_year)
    b = load_edition(new_dir or Path(outputs) / str(new_year), new_year)
    return EditionDiff(old_year, new_year, diff_claims(a["claims"], b["claims"]),
                       diff_derived(a["derived"], b["derived"]), diff_findings(a["findings"], b["findings"]))


def summary(d: EditionDiff) -> str:
    counts: dict[str, int] = {}
    for r in d.claims:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    head = f"{d.old_year} → {d.new_year}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    lines = [head]
    for r in d.claims:
        if r["status"] != "same":
            extra = f" [{r['qualifier_change']}]" if r["qualifier_change"] else ""
            lines.append(f"  {r['status']:<17} {r['claim_id']:<42} {r['old'] or '–':>12} → {r['new'] or '–':<12} "
                         f"{r['change']}{extra}")
    for f in d.findings:
        lines.append(f"  finding {f['change']:<11} {f['check_id']} ({f['verdict']})")
    return "\n".join(lines)


def changes_figure(d: EditionDiff, meta: dict):
    """The headline changes as a chart: per cent change of every claim whose value changed;
    claims only in one edition and qualifier-only changes are listed in the notes."""
    from .charts import PALETTE, WIDTH, Figure, _furnish
    import pandas as pd
    rows = [r for r in d.claims if r["status"] == "value_changed" and r["pct_change"] is not None]
    table = pd.DataFrame([{"claim_id": r["claim_id"], "label": r["subject_zh"], "value": r["pct_change"],
                           "text": f"{r['old']} → {r['new']}", "direction": "增加" if r["pct_change"] > 0 else "减少"}
                          for r in rows], columns=["claim_id", "label", "value", "text", "direction"])
    only = [r["claim_id"] for r in d.claims if r["status"] in ("only_old", "only_new")]
    quals = [f"{r['claim_id']} {r['qualifier_change']}" for r in d.claims if r["qualifier_change"]]
    notes = "; ".join(x for x in (f"只在一版中的声明：{'、'.join(only)}" if only else "",
                                  f"限定词变化：{'、'.join(quals)}" if quals else "") if x)
    title = f"{d.old_year}年与{d.new_year}年报告：变化的数字"
    subtitle = f"{len(rows)}项声明数值变化，{len(only)}项只在一版中，{len(quals)}项限定词变化"
    alt = (f"Between the {d.old_year} and {d.new_year} reports, {len(rows)} claims changed value, {len(only)} appear in "
           f"only one edition and {len(quals)} changed qualifier.")
    body = {"data": {"values": table.to_dict("records")}, "width": WIDTH, "height": {"step": 24},
            "encoding": {"y": {"field": "label", "type": "nominal", "title": None, "sort": "-x"}}, "layer": [
                {"mark": "bar", "encoding": {"x": {"field": "value", "type": "quantitative", "title": "变化（%）"},
                                             "color": {"field": "direction", "type": "nominal", "title": None,
                                                       "scale": {"domain": ["增加", "减少"], "range": [PALETTE[0], PALETTE[5]]}}}},
                {"mark": {"type": "text", "align": "left", "dx": 4},
                 "encoding": {"x": {"field": "value", "type": "quantitative"}, "text": {"field": "text"}}}]}
    source = f"来源：{meta.get('title', '')}（回顾{d.old_year}年与{d.new_year}年）；声明：见 diff.csv"
    spec = _furnish(body, title, subtitle, notes, source, alt)
    fid = f"changes_{d.old_year}_{d.new_year}"
    spec["usermeta"] = {"reportfigures": {"figure": fid, "type": "changes", "theme": "compare", "title": title,
                                          "subtitle": subtitle, "notes": notes, "source": source,
                                          "claims": list(table["claim_id"]), "alt": alt, "table": f"{fid}.csv",
                                          "year": d.new_year}}
    return Figure(fid, "compare", "changes", title, subtitle, alt, notes, source, list(table["claim_id"]), table, spec)
