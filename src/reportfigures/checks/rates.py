"""Rates: a printed rate reproduced from the counts it may rest on; ratios the report implies.
"""

from __future__ import annotations

import math

from .findings import Derived, Finding, _as_list, _subject, _sum_bounds, decimals, divide, q, q_en, qualifier_of, say


def check_stated_rate(rel: dict, claims: dict) -> tuple[list[Finding], list[Derived]]:
    """statcheck-style: some integer numerator over a base must round to the printed rate."""
    rate = claims[rel["rate"]]
    r, d = float(rate["value"]), decimals(rate["surface"])
    half = 0.5 * 10 ** -d
    tried, exact_bases = [], []
    for base_id in rel["bases"]:
        base = claims[base_id]
        if base["qualifier"] != "exact":
            tried.append(f"{base['surface']}: not exact")
            continue
        exact_bases.append(base_id)
        n = int(base["value"])
        if n <= 0:
            continue
        lo_k = math.ceil(n * (r - half) / 100 - 1e-9)
        hi_k = math.floor(n * (r + half) / 100 + 1e-9)
        hits = [k for k in range(max(lo_k, 0), min(hi_k, n) + 1) if round(100 * k / n, d) == round(r, d)]
        if hits:
            k = min(hits, key=lambda x: abs(x - n * r / 100))  # the count the rate most plainly says
            zh, en = say("stated_rate", "consistent", rate=q(rate), base=q(base), base_en=q_en(base), k=k,
                         k_over_n=f"{k}/{n} = {100 * k / n:.{d + 2}f}%", rate_subject_en=_subject(rate, True))
            return [Finding(rel["id"], "stated_rate", "consistent", [rel["rate"], base_id], [],
                            f"{rate['surface']} over {base['surface']}", zh, en,
                            computed=f"{k}/{n} = {100 * k / n:.{d + 2}f}%",
                            formula=f"∃k: round(100k/{n}, {d}) = {r}", evidence=rate["sentence"],
                            origin=rel.get("origin", "declared"))], []
        near = [k for k in (lo_k - 1, lo_k, hi_k, hi_k + 1) if 0 < k <= n]
        tried.append(f"{n}: " + ", ".join(f"{k}/{n}={100 * k / n:.{d + 2}f}%" for k in sorted(set(near))))
    bases = [claims[b] for b in rel["bases"]]
    rating = "not_reproducible" if exact_bases else "cannot_check"
    zh, en = say("stated_rate", rating, rate=q(rate), bases="或".join(q(b) for b in bases),
                 bases_en=" or ".join(q_en(b) for b in bases), rate_subject_en=_subject(rate, True))
    return [Finding(rel["id"], "stated_rate", rating, [rel["rate"], *rel["bases"]],
                    [rel["rate"]] if rating == "not_reproducible" else [],
                    f"{rate['surface']} over " + " or ".join(b["surface"] for b in bases), zh, en,
                    computed="; ".join(tried), formula=f"∃k: round(100k/n, {d}) = {r}",
                    evidence=rate["sentence"], origin=rel.get("origin", "declared"),
                    note="no integer numerator over any candidate base gives the printed rate"
                    if exact_bases else "the candidate bases are not exact")], []


def derive_ratio(rel: dict, claims: dict) -> tuple[list[Finding], list[Derived]]:
    """A ratio the report implies but does not print (problems solved per event …)."""
    num, den = _as_list(rel["numerator"]), _as_list(rel["denominator"])
    r = divide(_sum_bounds(claims, num), _sum_bounds(claims, den), float(rel.get("scale", 1)))
    value = r[0] if math.isfinite(r[0]) and r[0] > 0 else r[1]
    return [], [Derived(rel["id"], f"({' + '.join(num)}) / ({' + '.join(den)})", value, r[0], r[1],
                        qualifier_of(*r), rel.get("unit", ""), num + den, rel.get("en", ""))]
