"""What a check publishes: a finding on the rating scale, a derived figure, one sentence each.

A finding has a rating (reportfigures.checks.ratings), names only the numbers at fault apart
from those it rests on, and says in one Chinese and one English sentence what is wrong and
what would settle it (wording in rules/findings.yml, numbers by the one formatter).
Qualifiers carry through as bounds: 800余 is [800, ∞), so a rate over it is an upper bound.
The rule families (sums, rates, lists, changes, misprints) share these helpers.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from . import ratings
from ..formats import quantity, quantity_en
from ..rules import load_rules


APPROX_TOLERANCE = 0.10  # 约/近/左右: ±10 %, the usual reading of "about" in this genre
FINDING_COLUMNS = ["check_id", "rule", "origin", "rating", "rating_zh", "rating_en", "sentence_zh", "sentence_en",
                   "claims", "at_fault", "numbers", "computed", "formula", "evidence", "start", "end", "note"]
DERIVED_COLUMNS = ["id", "formula", "value", "low", "high", "qualifier", "unit", "text", "inputs", "note"]


@dataclass
class Finding:
    check_id: str
    rule: str
    rating: str
    claims: list[str]
    at_fault: list[str]
    numbers: str
    sentence_zh: str = ""
    sentence_en: str = ""
    computed: str = ""
    formula: str = ""
    evidence: str = ""
    start: int | None = None
    end: int | None = None
    note: str = ""
    origin: str = "auto"

    def row(self) -> dict:
        d = asdict(self)
        d["claims"] = ";".join(self.claims)
        d["at_fault"] = ";".join(self.at_fault)
        r = ratings.rating(self.rating)
        d["rating_zh"], d["rating_en"] = r.zh, r.en
        return d


@dataclass
class Derived:
    id: str
    formula: str
    value: float
    low: float
    high: float
    qualifier: str
    unit: str
    inputs: list[str] = field(default_factory=list)
    note: str = ""

    def row(self) -> dict:
        d = asdict(self)
        d["inputs"] = ";".join(self.inputs)
        d["text"] = quantity(round_half(self.value), self.unit, self.qualifier if self.qualifier != "between" else "exact")
        for k in ("value", "low", "high"):  # an open bound is empty, never "inf"
            d[k] = "" if d[k] is None or not math.isfinite(d[k]) else d[k]
        return d


def round_half(x: float, places: int = 2) -> float:
    """The value as the one formatter prints it (half up, 2 places), for every place it shows."""
    from decimal import ROUND_HALF_UP, Decimal
    return float(Decimal(str(x)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


@lru_cache(maxsize=1)
def _templates() -> dict:
    return load_rules("findings")


def say(rule: str, rating: str, **values) -> tuple[str, str]:
    """The finding's sentence in Chinese and English, from rules/findings.yml."""
    t = _templates()[rule][rating]
    return t["zh"].format(**values), t["en"].format(**values)


def bounds(value: float, qualifier: str, high: float | None = None) -> tuple[float, float]:
    """The interval a printed number allows: 800余 → [800, ∞), 约100 → [90, 110], 3—5 → [3, 5]."""
    v = float(value)
    if qualifier == "range" and high not in (None, ""):
        return v, float(high)
    if qualifier == "at_least":
        return v, math.inf
    if qualifier == "at_most":
        return 0.0, v
    if qualifier == "approx":
        return v * (1 - APPROX_TOLERANCE), v * (1 + APPROX_TOLERANCE)
    return v, v


def claim_bounds(c: dict) -> tuple[float, float]:
    return bounds(c["value"], c["qualifier"], c.get("high"))


def qualifier_of(low: float, high: float) -> str:
    if low == high:
        return "exact"
    if math.isinf(high):
        return "at_least"
    if low == 0:
        return "at_most"
    return "between"


def divide(num: tuple[float, float], den: tuple[float, float], scale: float = 1.0) -> tuple[float, float]:
    lo = num[0] / den[1] if den[1] not in (0, math.inf) else 0.0
    hi = num[1] / den[0] if den[0] else math.inf
    return lo * scale, hi * scale


def decimals(surface: str) -> int:
    m = re.search(r"[.．]([0-9０-９]+)", surface)
    return len(m.group(1)) if m else 0


def span_text(lo: float, hi: float, unit: str) -> str:
    """A derived interval in the one formatter's words: 87.94%, 至多22.13%, 至少12.33名/个."""
    q = qualifier_of(lo, hi)
    if q == "exact":
        return quantity(round_half(lo), unit)
    if q == "at_least":
        return quantity(round_half(lo), unit, "at_least")
    if q == "at_most":
        return quantity(round_half(hi), unit, "at_most")
    return f"{quantity(round_half(lo), unit)}–{quantity(round_half(hi), unit)}"


def span_text_en(lo: float, hi: float, unit: str) -> str:
    q = qualifier_of(lo, hi)
    if q in ("exact", "at_least"):
        return quantity_en(round_half(lo), unit, q)
    if q == "at_most":
        return quantity_en(round_half(hi), unit, q)
    return f"{quantity_en(round_half(lo), unit)}–{quantity_en(round_half(hi), unit)}"


def q(c: dict) -> str:
    return quantity(c["value"], c["unit"], c["qualifier"])


def q_en(c: dict) -> str:
    return quantity_en(c["value"], c["unit"], c["qualifier"])


def _exact(*cs: dict) -> bool:
    return all(c["qualifier"] == "exact" for c in cs)


def _as_list(v) -> list[str]:
    return v if isinstance(v, list) else [v]


def _sum_bounds(claims: dict, ids: list[str]) -> tuple[float, float]:
    lo = hi = 0.0
    for i in ids:
        a, b = claim_bounds(claims[i])
        lo, hi = lo + a, hi + b
    return lo, hi


def _surfaces(claims: dict, ids: list[str]) -> str:
    return " + ".join(claims[i]["surface"] for i in ids)


def _listing(claims: dict, ids: list[str], en: bool = False) -> str:
    f = q_en if en else q
    return (", " if en else "、").join(f(claims[i]) for i in ids)


def _subject(c: dict, en: bool = False) -> str:
    return (c.get("subject_en") if en else c.get("subject_zh")) or ""
