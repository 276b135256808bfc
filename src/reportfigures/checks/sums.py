"""Sums: a part is no larger than its whole, parts add up to a stated total.
"""

from __future__ import annotations

import math

from .findings import Derived, Finding, _as_list, _exact, _listing, _subject, _sum_bounds, _surfaces, claim_bounds, divide, q, q_en, qualifier_of, say, span_text, span_text_en


def check_part_whole(rel: dict, claims: dict) -> tuple[list[Finding], list[Derived]]:
    """A part cannot exceed its whole; with several parts (其中A、B), their sum cannot."""
    part_ids, whole = _as_list(rel["part"]), claims[rel["whole"]]
    p, w = _sum_bounds(claims, part_ids), claim_bounds(whole)
    several = len(part_ids) > 1
    if p[0] > w[1]:
        rating = "contradiction"  # even the smallest the part can be exceeds the largest whole
    elif p[1] <= w[0]:
        rating = "consistent"
    else:
        rating = "cannot_check"  # qualifiers leave both readings open
    share = divide(p, w, 100.0)
    ids = part_ids + [rel["whole"]]
    rule = "parts_within" if several else "part_whole"
    values = {"part": _listing(claims, part_ids), "whole": q(whole), "share": span_text(*share, "%"),
              "part_en": _listing(claims, part_ids, True), "whole_en": q_en(whole), "share_en": span_text_en(*share, "%"),
              "total_en": span_text_en(*p, whole["unit"]),
              "part_subject": _subject(claims[part_ids[0]]), "whole_subject": _subject(whole),
              "part_subject_en": _subject(claims[part_ids[0]], True), "whole_subject_en": _subject(whole, True),
              "parts": _listing(claims, part_ids), "parts_en": _listing(claims, part_ids, True),
              "total": span_text(*p, whole["unit"])}
    zh, en = say(rule, rating, **values)
    f = Finding(rel["id"], rule, rating, ids, part_ids if rating == "contradiction" else [],
                f"{_surfaces(claims, part_ids)} of {whole['surface']}", zh, en,
                computed=span_text(*share, "%"), formula=f"{' + '.join(part_ids)} ≤ {rel['whole']}",
                evidence=whole["sentence"], origin=rel.get("origin", "declared"))
    derived = []
    if rel.get("rate") and not several:
        r = rel["rate"]
        value = share[0] if share[0] == share[1] else (share[1] if math.isfinite(share[1]) else share[0])
        derived.append(Derived(r["id"], f"100 × {part_ids[0]} / {rel['whole']}", value, share[0], share[1],
                               qualifier_of(*share), "%", ids, r.get("en", "")))
    return [f], derived


def check_sum(rel: dict, claims: dict) -> tuple[list[Finding], list[Derived]]:
    """Parts add up to a total; where the text gives the whole too, they must agree."""
    parts = _as_list(rel["parts"])
    lo, hi = _sum_bounds(claims, parts)
    unit = claims[parts[0]]["unit"]
    derived = [Derived(rel["id"], " + ".join(parts), lo, lo, hi, qualifier_of(lo, hi), unit, parts, rel.get("en", ""))]
    if not rel.get("whole"):
        return [], derived
    whole = claims[rel["whole"]]
    w = claim_bounds(whole)
    overlap = lo <= w[1] and w[0] <= hi
    if not overlap:
        rating = "contradiction"
    elif _exact(whole, *[claims[p] for p in parts]):
        rating = "consistent"
    else:
        rating = "cannot_check" if (math.isinf(hi) or math.isinf(w[1])) else "consistent"
    values = {"parts": _listing(claims, parts), "parts_en": _listing(claims, parts, True),
              "total": span_text(lo, hi, unit), "whole": q(whole), "total_en": span_text_en(lo, hi, unit),
              "whole_en": q_en(whole)}
    zh, en = say("sum", rating, **values)
    return [Finding(rel["id"], "sum", rating, parts + [rel["whole"]],
                    [rel["whole"]] if rating == "contradiction" else [],
                    f"{_surfaces(claims, parts)} vs {whole['surface']}", zh, en,
                    computed=span_text(lo, hi, unit), formula=f"Σ parts = {rel['whole']}",
                    evidence=whole["sentence"], origin=rel.get("origin", "declared"))], derived
