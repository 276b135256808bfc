"""The report against itself: derived figures, consistency rules, text quality, last year.

Each rule is a small pure function from claims (and the text) to findings. A finding has a
rating on the scale of reportfigures.ratings (contradiction, not reproducible, misprint,
worth a look, consistent, cannot be checked), names only the numbers at fault (`at_fault`)
apart from those it rests on, and says in one Chinese and one English sentence what is wrong
and what would settle it (wording in rules/findings.yml, numbers by the one formatter).
Qualifiers carry through as bounds: 800余 is [800, ∞), so a rate over it is an upper bound.
Relations come from data/claims/relations.yml (declared) and from the text (relations.py).
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from . import ratings
from .errors import CatalogError
from .files import load_yaml_list
from .formats import quantity, quantity_en
from .numbers import LIST_SEP
from .rules import load_rules
from .text import Document

APPROX_TOLERANCE = 0.10  # 约/近/左右: ±10 %, the usual reading of "about" in this genre
RELATION_TYPES = ("part_whole", "stated_rate", "ratio", "sum", "target_vs_actual", "change_vs_base")
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


# --- bounds ----------------------------------------------------------------------------------

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


# --- relations (declared as data) ---------------------------------------------------------------

def load_relations(path: Path | str, claim_ids: set[str]) -> list[dict]:
    """Relations between claims; an unknown claim or type names the file and line."""
    path = Path(path)
    entries = load_yaml_list(path, "relations", "relations")
    seen = set()
    for line, rel in entries:
        rid = rel.get("id") if isinstance(rel, dict) else None
        if not rid:
            raise CatalogError(f"line {line}: a relation needs an 'id'", path)
        if rid in seen:
            raise CatalogError(f"line {line}: duplicate relation id '{rid}'", path)
        seen.add(rid)
        if rel.get("type") not in RELATION_TYPES:
            raise CatalogError(f"line {line}: relation '{rid}' has type '{rel.get('type')}', expected one of {', '.join(RELATION_TYPES)}", path)
        for ref in claim_refs(rel):
            if ref not in claim_ids:
                raise CatalogError(f"line {line}: relation '{rid}' names unknown claim '{ref}'", path)
        rel["line"] = line
        rel["origin"] = "declared"
    return [rel for _, rel in entries]


_REF_KEYS = ("part", "whole", "rate", "bases", "numerator", "denominator", "parts", "target", "actual", "claim", "change")


def claim_refs(rel: dict) -> list[str]:
    out = []
    for k in _REF_KEYS:
        v = rel.get(k)
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, list):
            out.extend(v)
    return out


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


# --- rules -----------------------------------------------------------------------------------

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


def compare_target(rel: dict, claims: dict) -> tuple[list[Finding], list[Derived]]:
    """Next year's target against this year's actual, declared only where the report says
    they measure the same thing: compared, but a plan cannot be checked."""
    t_ids, a_ids = _as_list(rel["target"]), _as_list(rel["actual"])
    t, a = _sum_bounds(claims, t_ids), _sum_bounds(claims, a_ids)
    change = t[0] - a[0]
    unit = claims[t_ids[0]]["unit"]
    d = Derived(rel["id"], f"({' + '.join(t_ids)}) − ({' + '.join(a_ids)})", change, t[0] - a[1], t[1] - a[0],
                qualifier_of(t[0] - a[1], t[1] - a[0]), unit, t_ids + a_ids, rel.get("en", ""))
    year = rel.get("year", "")
    zh, en = say("target_vs_actual", "cannot_check", target=_listing(claims, t_ids), actual=_listing(claims, a_ids),
                 target_en=_listing(claims, t_ids, True), actual_en=_listing(claims, a_ids, True),
                 year=year, next_year=(year + 1) if isinstance(year, int) else "")
    f = Finding(rel["id"], "target_vs_actual", "cannot_check", t_ids + a_ids, [],
                f"{_surfaces(claims, t_ids)} (target) vs {_surfaces(claims, a_ids)} (actual)", zh, en,
                computed=f"{change:+g} {unit}", formula="target − actual", evidence=claims[t_ids[0]]["sentence"],
                origin=rel.get("origin", "declared"))
    return [f], [d]


_MULTIPLIERS = (("万亿", 10 ** 12), ("亿", 10 ** 8), ("万", 10 ** 4), ("千", 10 ** 3))
# units of statistics (money, output, areas …): last year's printed figure is often revised
# since; counts of what a body did (件, 个, 项 …) are not
_COUNTED = ("件", "篇", "条", "项", "个", "次", "场", "人次", "名", "位", "家", "批")


def printed_half(c: dict) -> float:
    """Half a unit of the last digit a figure is printed to (1.66万亿元 → 0.005万亿 = 5e9):
    the printed number stands for anything that rounds to it."""
    surface = str(c.get("surface") or "")
    m = re.search(r"[0-9０-９]+(?:[.．]([0-9０-９]+))?", surface)
    if not m:
        return 0.0
    places = len(m.group(1) or "")
    scale = next((v for w, v in _MULTIPLIERS if w in surface[m.end():m.end() + 2]), 1)
    if scale == 1 and places == 0:
        return 0.0  # a whole count as printed: exact
    return 0.5 * 10 ** -places * scale


def _revisable(c: dict) -> bool:
    """A statistic (a standard indicator, an amount of money, output …), whose figure for last
    year is often revised after last year's report printed it; not a count of what a body did."""
    from .measures import indicator
    from .numbers import vocabulary
    return (vocabulary().unit_class.get(c["unit"]) in ("money", "measure")
            or indicator(str(c["id"]).split(".")[0]) is not None)


def check_change(rel: dict, claims: dict, base: dict[str, dict] | None) -> tuple[list[Finding], list[Derived]]:
    """A change the text states against last year (较上年增加67件) against the base edition's
    value of the same claim, at the printed precision of all three numbers.

    The rating says what the numbers allow: a count that cannot have changed by what is
    said is a contradiction; a statistic (money, output …) whose printed figures disagree
    with the stated change is worth a look (last year's figure is often revised, or the
    change is counted on another basis); a growth at comparable prices (地区生产总值, 增加值)
    cannot be checked against nominal figures; an open bound (800余篇) settles nothing."""
    cur, chg = claims[rel["claim"]], claims[rel["change"]]
    mode, sign = rel.get("mode", "abs"), int(rel.get("sign", 1))
    ids = [rel["change"], rel["claim"]]
    word = "增加" if sign > 0 else "减少"
    unit = "个百分点" if mode == "pp" else "%" if mode == "pct" else cur["unit"]
    common = {"stated": q(chg), "stated_en": q_en(chg), "subject": _subject(cur),
              "subject_en": _subject(cur, True) or cur["surface"]}
    old = (base or {}).get(rel["claim"])

    def cannot(reason: str, reason_en: str, note: str) -> tuple[list[Finding], list[Derived]]:
        zh, en = say("change_vs_base", "cannot_check", reason=reason, reason_en=reason_en, **common)
        return [Finding(rel["id"], "change_vs_base", "cannot_check", ids, [], f"{chg['surface']} vs last year", zh, en,
                        formula=f"{rel['claim']} − last year's {rel['claim']}", evidence=chg["sentence"],
                        origin=rel.get("origin", "auto"), note=note)], []

    if base is None or old is None:
        return cannot("没有上一版报告可比" if base is None else f"上一版报告中没有“{_subject(cur)}”这一数字",
                      "There is no earlier edition to compare with" if base is None
                      else f"Last year's report has no figure for {common['subject_en']}", "no base value")
    if old["unit"] != cur["unit"]:
        return cannot("上年与今年的数字单位不同", "Last year's and this year's figures are in different units",
                      f"units {old['unit']} and {cur['unit']}")
    if mode == "pct" and rel.get("real"):
        return cannot("这一增长按可比价格计算，两年的名义数字不能复算它",
                      "The growth is at comparable prices, which the two years' nominal figures cannot reproduce",
                      "real growth")
    n_lo, n_hi = claim_bounds(cur)
    o_lo, o_hi = claim_bounds(old)
    n_lo, n_hi = n_lo - printed_half(cur), n_hi + printed_half(cur)
    o_lo, o_hi = o_lo - printed_half(old), o_hi + printed_half(old)
    if not all(math.isfinite(x) for x in (n_lo, n_hi, o_lo, o_hi)) or (mode == "pct" and o_lo <= 0):
        return cannot("上年或今年的数字只是下限或约数", "Last year's or this year's figure is only a bound",
                      "an open bound settles nothing")
    if mode == "pct":
        lo, hi = 100 * (n_lo - o_hi) / o_hi, 100 * (n_hi - o_lo) / o_lo
    else:
        lo, hi = n_lo - o_hi, n_hi - o_lo
    s_lo, s_hi = claim_bounds(chg)
    if not (math.isfinite(s_lo) and math.isfinite(s_hi)):
        return cannot("所说的变化只是下限或约数", "The stated change is only a bound", "open stated change")
    s_lo, s_hi = (s_lo, s_hi) if sign > 0 else (-s_hi, -s_lo)
    half = 0.5 * 10 ** -decimals(chg["surface"]) if mode == "pct" or decimals(chg["surface"]) else 0.0
    fits = lo <= s_hi + half + 1e-9 and s_lo - half - 1e-9 <= hi
    exact = lo == hi
    counted = _exact(cur, old, chg) and not _revisable(cur)
    if fits:
        rating = "consistent"
    elif counted:
        rating = "contradiction"
    else:
        rating = "worth_a_look"
    mid = (lo + hi) / 2
    comp = span_text(abs(lo), abs(hi), unit) if exact else (
        quantity(round_half(abs(mid)), unit) if mode == "pct" else span_text(lo, hi, unit))
    comp_en = (("+" if lo >= 0 else "−") + span_text_en(abs(lo), abs(hi), unit)) if exact else (
        ("+" if mid >= 0 else "−") + quantity_en(round_half(abs(mid)), unit) if mode == "pct" else span_text_en(lo, hi, unit))
    zh, en = say("change_vs_base", rating, old=q(old), new=q(cur), computed=comp,
                 direction="增加" if (lo if exact else mid) >= 0 else "减少",
                 old_en=q_en(old), new_en=q_en(cur), computed_en=comp_en, **common)
    return [Finding(rel["id"], "change_vs_base", rating, ids,
                    [rel["change"]] if rating in ("contradiction", "worth_a_look") else [],
                    f"{chg['surface']} vs {old['surface']} → {cur['surface']}", zh, en, computed=comp,
                    formula=f"{rel['claim']} − last year's {rel['claim']}" + (" (%)" if mode == "pct" else ""),
                    evidence=chg["sentence"], origin=rel.get("origin", "auto"),
                    note=f"stated {word} {chg['surface']}")], []


RULES = {"part_whole": check_part_whole, "stated_rate": check_stated_rate, "ratio": derive_ratio,
         "sum": check_sum, "target_vs_actual": compare_target}


# --- list counts ------------------------------------------------------------------------------

_ITEM_OK = re.compile(r"^[\u4e00-\u9fff“”·\-A-Za-z0-9（）()]{1,16}$")
_HEADING_ITEM = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_NUMERAL_IN = re.compile(r"[0-9０-９一二两三四五六七八九十]+(?:个|项|名|家|省市|市|地|级|类|条)")


def clean_items(items: list[str], head: str = "") -> tuple[list[str], bool]:
    """The items of an enumeration, and whether they are really the things counted.

    The verbs that lead the first item are not part of it (围绕制定开发区条例 → 开发区条例);
    an item after the count is cut at the counted noun (…机制改革架起了… → …机制改革). The
    items are sound when each is a short name: a phrase that opens with a verb or an adverb
    of action (加大品牌推广力度) summarises, a phrase with a number of its own is a clause,
    and then the rule cannot tell whether the count and the list disagree."""
    from .subjects import is_action, strip_leading_verbs

    if not items:
        return [], False
    if all(_HEADING_ITEM.match(i) for i in items):
        return items, True  # 以下六个方面 followed by the (一)…(六) headings
    out = list(items)
    if head and len(head) >= 2 and all(head[-2:] in i for i in out):
        out = [i[:i.index(head[-2:]) + 2] for i in out]
    out[0] = strip_leading_verbs(out[0], out[1:]) or out[0]
    sound = all(_ITEM_OK.match(i) and not is_action(i) and not _NUMERAL_IN.search(i) for i in out)
    if sound:
        lens = sorted(len(i) for i in out)
        sound = lens[-1] <= max(8, 3 * lens[0])
    return (out, True) if sound else (items, False)


_COUNT_IN_ITEM = re.compile(r"[0-9０-９一二两三四五六七八九十百千万]+(?:大|个|项|条|类|种|家|所|座|级|批)")


@lru_cache(maxsize=4096)
def _has_verb(phrase: str) -> bool:
    """Whether a phrase holds a verb of action (广州、深圳援助梅州建设4个小镇: the last 'item'
    runs into the clause that counts something else)."""
    import jieba.posseg as pseg

    from .subjects import vocab
    if _CLAUSE_VERBS.search(phrase):
        return True
    nominal = vocab().nominal
    return any(flag.startswith("v") and len(w) > 1 and w not in nominal for w, flag in pseg.cut(phrase, HMM=False))


# verbs the segmenter does not know as such, which carry a list's last 'item' into a clause
_CLAUSE_VERBS = re.compile(r"(连跨|跨上|迈上|跨越|突破|达到|实现|完成|建成|新增|援助|支持|带动|提出|获评|入选)")


def name_like(items: list[str], places: str = "") -> bool:
    """The items are names of the counted things, right before or after the count: two
    characters or more (or the one-character abbreviations of places: 川渝两地), short, of
    like length, no count of their own, and the last one does not run into a clause."""
    lens = [len(i) for i in items]
    if items and places and all(len(i) == 1 and i in places for i in items):
        return True
    return (bool(items) and min(lens) >= 2 and max(lens) <= 12 and max(lens) <= max(6, 3 * min(lens))
            and not any(_COUNT_IN_ITEM.search(i) or "“" in i or "”" in i for i in items) and _ends_clean(items))


def _ends_clean(items: list[str]) -> bool:
    """The last item is an item, not the start of the clause that counts something else
    (广州、深圳援助梅州建设4个小镇; 人民币存款、贷款余额连跨4个万亿元台阶)."""
    if len(items) < 2:
        return True
    last, longest = len(items[-1]), max(len(i) for i in items[:-1])
    return last <= longest + 2 and not (last > longest and _has_verb(items[-1]))


def _readings(items: list[str], sentence: str) -> set[int]:
    """How many items a list may have: 航空航天与低空经济 may be one item or two."""
    out = {len(items)}
    if len(items) >= 2 and re.search(re.escape(items[-2]) + r"(和|与|及|以及)" + re.escape(items[-1]), sentence):
        out.add(len(items) - 1)
    return out


def check_list_count(claim: dict) -> Finding:
    """A stated count against the items listed beside it (等 makes the list a lower bound).
    Only items that are really the enumeration's, named right beside a count of listed
    things (个, 项, 方面 …), can contradict the count; phrases that may summarise them are
    worth a look; anything looser cannot be checked."""
    from .numbers import vocabulary

    raw = [i for i in str(claim.get("listed") or "").split(LIST_SEP) if i]
    items, sound = clean_items(raw, str(claim.get("noun") or ""))
    n, m = float(claim["value"]), len(items)
    open_ = str(claim.get("listed_open")).lower() == "true"
    readings = _readings(items, str(claim.get("sentence") or ""))
    agree = any((k <= n) if open_ else (k == n) for k in readings)
    countable = claim["unit"] in vocabulary().list_units and claim.get("qualifier") in ("exact", None, "")
    headings = bool(items) and all(_HEADING_ITEM.match(i) for i in items)
    near = abs(n - m) <= max(2, m / 2)  # 56个 beside two names lists examples, not the 56
    places = vocabulary().places if claim["unit"] in vocabulary().place_units else ""
    if not items or not countable:
        rating = "cannot_check"
    elif sound and (headings or name_like(items, places)) and (agree or near):
        rating = "consistent" if agree else "contradiction"
    # phrases of action (提升国际旅游吸引力, not 改造提升) may summarise what is counted: worth a look
    elif not agree and min(len(i) for i in items) >= 2 and max(len(i) for i in items) <= 16 \
            and not any(_COUNT_IN_ITEM.search(i) or "“" in i or "”" in i for i in items) \
            and all(is_action_phrase(i) and len(i) >= 6 for i in items) \
            and not (claim["unit"] in vocabulary().place_units and max(len(i) for i in items) > 2):
        rating = "worth_a_look"
    else:
        rating = "cannot_check"
    shown = "、".join(items)
    key = "consistent_open" if rating == "consistent" and open_ and m < n else rating
    zh, en = say("list_count", key, count=f"“{claim['surface']}”", count_en=f"“{claim['surface']}” ({q_en(claim)})",
                 listed=m, items=shown or "—")
    note = (f"{m} listed with 等: at least {m}" if open_ else f"{m} listed, list closed") + (
        "" if sound else "; the listed phrases may not be the counted items")
    return Finding(f"{claim['id']}.list", "list_count", rating, [claim["id"]],
                   [claim["id"]] if rating in ("contradiction", "worth_a_look") else [],
                   f"{claim['surface']} vs {m} listed", zh, en, computed=str(m),
                   formula="listed == stated (≤ with 等)", evidence=claim["sentence"], note=note, origin="auto")


def is_action_phrase(item: str) -> bool:
    from .subjects import is_action
    return is_action(item)


# --- text quality ----------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.ERROR)
    jieba.dt.check_initialized()
    return jieba


_CJK = "\u4e00-\u9fff"
_NUMERAL = set("〇零一二两三四五六七八九十百千万亿")


def find_duplications(doc: Document, printed: bool = True) -> list[Finding]:
    """Duplicated-character misprints in the content of the text.

    A word printed twice (完善完善, 会议会议: the segmenter reads the same word twice running)
    is a misprint in any text. A single character printed twice (市委委确定) is told from a
    reduplication (殷殷, 熠熠) or two words sharing a character (水平|平安) only by the
    segmenter's dictionary, which does not know the names and terms of every report (安全|
    全链条, 陕煤|煤炭, 超超临界): measured on the provincial reports it was wrong every time.
    It is therefore looked for only in a text set from print (`printed`: report.meta.yml's
    medium), where type damage of this kind happens and where it was measured right."""
    rules = load_rules("quality")
    redup = set(rules["reduplications"])
    min_freq = rules["junction_min_freq"]
    jb = _jieba()
    freq = jb.dt.FREQ
    text = doc.text
    out: list[Finding] = []
    taken: set[int] = set()
    for p in doc.paragraphs:
        for s, e in p.pieces:
            seg = text[s:e]
            for m in re.finditer(rf"([{_CJK}]{{2,3}})\1", seg):
                word = m.group(1)
                if m.group() in redup or word * 2 in redup or set(word) <= _NUMERAL or word.startswith("一"):
                    continue  # 一项一项, 一家一家: a distributive repetition, not a misprint
                if not _read_twice(jb, seg, m.start(), word):
                    continue  # 博士|博士后, 之战|连战连胜: the repetition straddles other words
                a = s + m.start()
                out.append(_dup_finding(doc, a, a + len(m.group()), word, f"“{word}” printed twice"))
                taken.update(range(a, a + len(m.group())))
            if not printed:
                continue
            for m in re.finditer(rf"([{_CJK}])\1", seg):
                a = s + m.start()
                ch = m.group(1)
                if a in taken or ch in _NUMERAL or _in_redup(seg, m.start(), redup):
                    continue
                left, right = _word_at(jb, seg, m.start(), m.start() + 1)
                if left is not None and right is not None:
                    lw, rw = left, right
                    if freq.get(lw, 0) >= min_freq:
                        continue  # 督办|办法, 政协|协商: two words sharing a character
                    note = f"“{lw}|{rw}”: the left word is rare (frequency {freq.get(lw, 0)}), likely a doubled “{ch}”"
                else:
                    note = f"the second “{ch}” belongs to no word: a doubled character"
                out.append(_dup_finding(doc, a, a + 2, ch, note))
    return out


def _read_twice(jb, seg: str, i: int, word: str) -> bool:
    """Whether the segmenter reads `word` twice running at i (…二中全会|全会|精神 counts: the
    first reading may end a longer word)."""
    lo = max(0, i - 6)
    pos, prev = lo, None
    for w in jb.cut(seg[lo:i + 2 * len(word) + 6], HMM=False):
        end = pos + len(w)
        # the second copy is the word itself, or opens a compound of it and another word
        # (全会|精神 → 全会精神), never a longer word of its own (博士 → 博士后)
        second = w == word or w.startswith(word) and len(w) - len(word) >= 2
        if second and prev is not None and prev[1] == pos and prev[0].endswith(word) and pos == i + len(word):
            return True
        prev = (w, end)
        pos = end
    return False


def _in_redup(seg: str, i: int, redup: set[str]) -> bool:
    return any(w in seg[max(0, i - len(w) + 2):i + len(w)] for w in redup if seg[i] in w)


def _word_at(jb, seg: str, i: int, j: int) -> tuple[str | None, str | None]:
    """The segmentation words containing positions i and j, if both are multi-character
    words and differ (the doubled character is shared across a word boundary)."""
    lo, hi = max(0, i - 6), min(len(seg), j + 7)
    pos = lo
    left = right = None
    for w in jb.cut(seg[lo:hi], HMM=False):
        a, b = pos, pos + len(w)
        if a <= i < b:
            left = w if len(w) > 1 and b == i + 1 else None
        if a <= j < b:
            right = w if len(w) > 1 and a == j else None
        pos = b
    return left, right


def _context(doc: Document, a: int, b: int, width: int = 3) -> str:
    """A few characters either side of a span, inside its paragraph."""
    p = doc.paragraph_at(a)
    lo = max(p.start if p else 0, a - width)
    hi = min(p.end if p else len(doc.text), b + width)
    return re.sub(r"\s+", "", doc.text[lo:hi]).strip("“”\"，,。；;、：:")


def _dup_finding(doc: Document, a: int, b: int, repeated: str, note: str) -> Finding:
    sent = doc.sentence_at(a)
    surface = doc.text[a:b]
    ctx = _context(doc, a, b)
    fixed = ctx.replace(surface, repeated, 1)
    zh, en = say("duplicated_characters", "misprint", context=ctx, repeated=repeated, fixed=fixed)
    return Finding(f"text.duplication.{a}", "duplicated_characters", "misprint", [], [], surface, zh, en,
                   formula="no character sequence printed twice", evidence=sent.text if sent else surface,
                   start=a, end=b, note=note)


def find_unbalanced_quotes(doc: Document) -> list[Finding]:
    """Printing damage: a paragraph whose quotation marks do not pair up. A quotation a line
    break splits (“双向 | 揭榜 | 挂帅”, in texts copied from the web) is read across the break."""
    out = []
    carried = False  # the paragraph before left a quotation open at its very end
    for p in doc.paragraphs:
        depth, bad_at, opened = (1 if carried else 0), None, -1
        for s, e in p.pieces:
            for i in range(s, e):
                c = doc.text[i]
                if c == "“":
                    if depth:
                        bad_at = bad_at if bad_at is not None else i
                    depth, opened = 1, i
                elif c == "”":
                    if not depth:
                        bad_at = bad_at if bad_at is not None else i
                    depth = 0
        # a quotation opened at the very end of a line, or a short line inside it, goes on in the next
        carried = bool(depth) and bad_at is None and (p.end - opened <= 10 or carried and p.end - p.start <= 10)
        if carried:
            continue
        if bad_at is not None:
            sent = doc.sentence_at(bad_at)
            ctx = _context(doc, bad_at, bad_at + 1, 6)
            zh, en = say("unbalanced_quotes", "misprint", context=ctx)
            out.append(Finding(f"text.quotes.{bad_at}", "unbalanced_quotes", "misprint", [], [],
                               doc.text[max(p.start, bad_at - 6):bad_at + 6], zh, en, formula="“ and ” alternate",
                               evidence=sent.text if sent else "", start=bad_at, end=bad_at + 1,
                               note="a quotation mark without its partner"))
    return out


# --- all checks ------------------------------------------------------------------------------

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
