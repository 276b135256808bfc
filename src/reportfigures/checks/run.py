"""Every check over one edition: relations' rules, list counts, the text, what stands alone.

In come the claims, the relations (declared and proposed), the text and last year's claims;
out come the findings on the rating scale and the derived figures, and each claim's own
rating (only the number at fault is marked).
"""

from __future__ import annotations

from . import ratings
from ..text.document import Document
from .findings import Derived, Finding, _subject, q, q_en, say
from .changes import check_change, compare_target
from .list_counts import check_list_count
from .sums import check_part_whole, check_sum
from .rates import check_stated_rate, derive_ratio
from .misprints import find_duplications, find_unbalanced_quotes


RULES = {"part_whole": check_part_whole, "stated_rate": check_stated_rate, "ratio": derive_ratio,
         "sum": check_sum, "target_vs_actual": compare_target}


def run_checks(claims: list[dict], relations: list[dict], doc: Document, *,
               base: dict[str, dict] | None = None, year: int | None = None,
               printed: bool = True) -> tuple[list[Finding], list[Derived]]:
    """Every rule over the claims and the text; `base` is last year's claims by id (None
    when there is no earlier edition). Claims no rule bears on cannot be checked."""
    by_id = {c["id"]: c for c in claims}
    findings: list[Finding] = []
    derived: list[Derived] = []
    for rel in relations:
        if rel["type"] == "change_vs_base":
            f, d = check_change(rel, by_id, base)
        else:
            if rel["type"] == "target_vs_actual" and year is not None:
                rel = rel | {"year": year}
            f, d = RULES[rel["type"]](rel, by_id)
        findings += f
        derived += d
    for c in claims:
        if c["kind"] == "list_count":
            findings.append(check_list_count(c))
    for f in findings:  # a finding marks the place of the number at fault (or of its first claim)
        anchor = by_id.get((f.at_fault or f.claims or [None])[0])
        if anchor is not None and f.start is None:
            f.start, f.end = anchor["start"], anchor["end"]
    named = {cid for f in findings for cid in f.claims}
    for c in claims:
        if c["id"] not in named:
            zh, en = say("standalone", "cannot_check", subject=_subject(c), value=q(c), value_en=q_en(c),
                         subject_en=_subject(c, True))
            findings.append(Finding(f"{c['id']}.standalone", "standalone", "cannot_check", [c["id"]], [], c["surface"],
                                    zh, en, evidence=c["sentence"], start=c["start"], end=c["end"],
                                    note="no other number in the report bears on this claim"))
    findings += find_duplications(doc, printed) + find_unbalanced_quotes(doc)
    return findings, derived


def claim_ratings(findings: list[dict]) -> dict[str, str]:
    """Each claim's own rating: the worst rating of a finding where it is the number at
    fault; else consistent where a check confirms it; else cannot be checked. A claim that
    is only evidence of another number's problem is not marked."""
    fault: dict[str, list[str]] = {}
    seen: dict[str, list[str]] = {}
    for f in findings:
        for cid in filter(None, str(f.get("at_fault") or "").split(";")):
            fault.setdefault(cid, []).append(f["rating"])
        for cid in filter(None, str(f.get("claims") or "").split(";")):
            seen.setdefault(cid, []).append(f["rating"])
    out = {}
    for cid, rs in seen.items():
        if cid in fault:
            out[cid] = ratings.worst(fault[cid])
        elif "consistent" in rs:
            out[cid] = "consistent"
        else:
            out[cid] = "cannot_check"
    return out
