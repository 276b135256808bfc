"""Comparing two built editions claim by claim, with exit codes a script can use.

0 identical; 1 an edition could not be loaded; 2 the same claims with different values
(or qualifiers); 3 different sets of claims (a claim only in the new edition is `new`, one
only in the old is `gone`). A qualifier change is a change of kind of bound (300余 → 近400:
at_least → approx), reported apart from the value. Derived rates are compared as recomputed
in each edition, findings that appeared or disappeared are listed, and so are the changes
the new text states against last year (较上年增加67件) with the rating of their check.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReportError
from ..formats import change, quantity


IDENTICAL, UNLOADABLE, VALUES_DIFFER, CLAIMS_DIFFER = 0, 1, 2, 3
DIFF_COLUMNS = ["claim_id", "status", "origin", "subject_zh", "old", "new", "old_value", "new_value", "unit", "change",
                "pct_change", "old_qualifier", "new_qualifier", "qualifier_change"]
CHANGE_COLUMNS = ["check_id", "rating", "numbers", "computed", "sentence_zh", "sentence_en"]


class EditionLoadError(ReportError):
    exit_code = UNLOADABLE


@dataclass
class EditionDiff:
    old_year: int
    new_year: int
    claims: list[dict]
    derived: list[dict]
    findings: list[dict]
    changes: list[dict] = None  # the new edition's checks of changes stated against last year

    @property
    def exit_code(self) -> int:
        if any(r["status"] in ("gone", "new") for r in self.claims):
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
        row = {"claim_id": cid, "origin": c.get("origin", "catalog"), "subject_zh": c.get("subject_zh", ""), "unit": c["unit"],
               "old": quantity(o["value"], o["unit"], o["qualifier"]) if o else "",
               "new": quantity(n["value"], n["unit"], n["qualifier"]) if n else "",
               "old_value": o["value"] if o else None, "new_value": n["value"] if n else None,
               "old_qualifier": o["qualifier"] if o else "", "new_qualifier": n["qualifier"] if n else "",
               "change": "", "pct_change": None, "qualifier_change": ""}
        if o is None:
            row["status"] = "new"
        elif n is None:
            row["status"] = "gone"
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
    """Findings that appeared or disappeared (by check and rating)."""
    # text checks are named by offset (text.duplication.2973), which moves with any edit
    # before it: they are matched by what they found instead
    def key(f: dict) -> tuple:
        if f["check_id"].startswith("text."):
            return re.sub(r"\.\d+$", "", f["check_id"]), f.get("numbers", ""), f["rating"]
        return f["check_id"], "", f["rating"]
    a, b = {key(f): f for f in old}, {key(f): f for f in new}
    row = lambda change, f: {"change": change, "check_id": f["check_id"], "rating": f["rating"],  # noqa: E731
                             "numbers": f.get("numbers", "")}
    return [row("disappeared", a[k]) for k in a if k not in b] + [row("appeared", b[k]) for k in b if k not in a]


def stated_changes(findings: list[dict]) -> list[dict]:
    """The new text's changes against last year, as its checks rated them."""
    return [{k: f.get(k, "") for k in CHANGE_COLUMNS} for f in findings if f["rule"] == "change_vs_base"]


def diff_editions(outputs: Path, old_year: int, new_year: int, *, new_dir: Path | None = None) -> EditionDiff:
    a = load_edition(Path(outputs) / str(old_year), old_year)
    b = load_edition(new_dir or Path(outputs) / str(new_year), new_year)
    return EditionDiff(old_year, new_year, diff_claims(a["claims"], b["claims"]),
                       diff_derived(a["derived"], b["derived"]), diff_findings(a["findings"], b["findings"]),
                       stated_changes(b["findings"]))


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
    for c in d.changes or []:
        lines.append(f"  stated change  {c['rating']:<14} {c['sentence_en']}")
    for f in d.findings:
        lines.append(f"  finding {f['change']:<11} {f['check_id']} ({f['rating']})")
    return "\n".join(lines)
