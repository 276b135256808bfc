"""The report against itself: derived figures, consistency rules and text quality.

Each rule is a small pure function from claims (and the text) to findings. A finding has a
verdict: `consistent`, `inconsistent` (the report disagrees with itself) or `unverifiable`
(nothing in the report bears on it). Findings are results, not build failures. Qualifiers
carry through as bounds: 800余 is [800, ∞), so a rate over it is an upper bound.
Relations between claims are declared as data (`data/claims/relations.yml`); nothing about a
particular report is written into a rule.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path


from .errors import CatalogError
from .files import load_yaml_list
from .numbers import LIST_SEP
from .rules import load_rules
from .text import Document

APPROX_TOLERANCE = 0.10  # 约/近/左右: ±10 %, the usual reading of "about" in this genre
RELATION_TYPES = ("part_whole", "stated_rate", "ratio", "sum", "target_vs_actual")
FINDING_COLUMNS = ["check_id", "rule", "verdict", "claims", "numbers", "computed", "formula",
                   "evidence", "start", "end", "note"]
DERIVED_COLUMNS = ["id", "formula", "value", "low", "high", "qualifier", "unit", "inputs", "note"]


@dataclass
class Finding:
    check_id: str
    rule: str
    verdict: str
    claims: list[str]
    numbers: str
    computed: str = ""
    formula: str = ""
    evidence: str = ""
    start: int | None = None
    end: int | None = None
    note: str = ""

    def row(self) -> dict:
        d = asdict(self)
        d["claims"] = ";".join(self.claims)
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
        return d


# --- bounds ----------------------------------------------------------------------------------

def bounds(value: float, qualifier: str) -> tuple[float, float]:
    """The interval a printed number allows: 800余 → [800, ∞), 约100 → [90, 110]."""
    v = float(value)
    if qualifier == "at_least":
        return v, math.inf
    if qualifier == "at_most":
        return 0.0, v
    if qualifier == "approx":
        return v * (1 - APPROX_TOLERANCE), v * (1 + APPROX_TOLERANCE)
    return v, v


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


def fmt(x: float) -> str:
    if math.isinf(x):
        return "∞"
    return f"{x:.4g}" if abs(x) < 1000 else f"{x:.0f}"


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
    return [rel for _, rel in entries]


_REF_KEYS = ("part", "whole", "rate", "bases", "numerator", "denominator", "parts", "target", "actual")


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
        a, b = bounds(claims[i]["value"], claims[i]["qualifier"])
        lo, hi = lo + a, hi + b
    return lo, hi


def _surfaces(claims: dict, ids: list[str]) -> str:
    return " + ".join(claims[i]["surface"] for i in ids)


# --- rules -----------------------------------------------------------------------------------

def check_part_whole(rel: dict, claims: dict) -> tuple[list[Finding], list[Derived]]:
    """A part cannot exceed its whole; the share it implies is a derived figure."""
    part, whole = claims[rel["part"]], claims[rel["whole"]]
    p, w = bounds(part["value"], part["qualifier"]), bounds(whole["value"], whole["qualifier"])
    verdict = "inconsistent" if p[0] > w[1] else "consistent"
    ids = [rel["part"], rel["whole"]]
    share = divide(p, w, 100.0)
    f = Finding(rel["id"], "part_whole", verdict, ids, f"{part['surface']} of {whole['surface']}",
                computed=f"{fmt(share[0])}–{fmt(share[1])}%" if share[0] != share[1] else f"{fmt(share[0])}%",
                formula=f"{rel['part']} ≤ {rel['whole']}", evidence=whole["sentence"])
    derived = []
    if rel.get("rate"):
        r = rel["rate"]
        value = share[0] if share[0] == share[1] else (share[1] if math.isfinite(share[1]) else share[0])
        derived.append(Derived(r["id"], f"100 × {rel['part']} / {rel['whole']}", value, share[0], share[1],
                               qualifier_of(*share), "%", ids, r.get("en", "")))
    return [f], derived


def check_stated_rate(rel: dict, claims: dict) -> tuple[list[Finding], list[Derived]]:
    """statcheck-style: some integer numerator over a base must round to the printed rate."""
    rate = claims[rel["rate"]]
    r, d = float(rate["value"]), decimals(rate["surface"])
    half = 0.5 * 10 ** -d
    tried = []
    for base_id in rel["bases"]:
        base = claims[base_id]
        if base["qualifier"] != "exact":
            tried.append(f"{base['surface']}: not exact")
            continue
        n = int(base["value"])
        lo_k = math.ceil(n * (r - half) / 100 - 1e-9)
        hi_k = math.floor(n * (r + half) / 100 + 1e-9)
        hits = [k for k in range(max(lo_k, 0), min(hi_k, n) + 1) if round(100 * k / n, d) == round(r, d)]
        if hits:
            return [Finding(rel["id"], "stated_rate", "consistent", [rel["rate"], base_id],
                            f"{rate['surface']} over {base['surface']}", computed=f"{hits[0]}/{n} = {100 * hits[0] / n:.{d + 2}f}%",
                            formula=f"∃k: round(100k/{n}, {d}) = {r}", evidence=rate["sentence"])], []
        near = [k for k in (lo_k - 1, lo_k, hi_k, hi_k + 1) if 0 < k <= n]
        tried.append(f"{n}: " + ", ".join(f"{k}/{n}={100 * k / n:.{d + 2}f}%" for k in sorted(set(near))))
    verdict = "unverifiable" if all("not exact" in t for t in tried) else "inconsistent"
    return [Finding(rel["id"], "stated_rate", verdict, [rel["rate"], *rel["bases"]],
                    f"{rate['surface']} over " + " or ".join(claims[b]["surface"] for b in rel["bases"]),
                    computed="; ".join(tried), formula=f"∃k: round(100k/n, {d}) = {r}",
                    evidence=rate["sentence"],
                    note="no integer numerator over any candidate base gives the printed rate")], []


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
    w = bounds(whole["value"], whole["qualifier"])
    verdict = "consistent" if lo <= w[1] and w[0] <= hi else "inconsistent"
    return [Finding(rel["id"], "sum", verdict, parts + [rel["whole"]], f"{_surfaces(claims, parts)} vs {whole['surface']}",
                    computed=fmt(lo) if lo == hi else f"{fmt(lo)}–{fmt(hi)}", formula=f"Σ parts = {rel['whole']}",
                    evidence=whole["sentence"])], derived


def compare_target(rel: dict, claims: dict) -> tuple[list[Finding], list[Derived]]:
    """Next year's target against this year's actual: compared, but a plan cannot be checked."""
    t_ids, a_ids = _as_list(rel["target"]), _as_list(rel["actual"])
    t, a = _sum_bounds(claims, t_ids), _sum_bounds(claims, a_ids)
    change = t[0] - a[0]
    pct = 100 * change / a[0] if a[0] else math.nan
    unit = claims[t_ids[0]]["unit"]
    d = Derived(rel["id"], f"({' + '.join(t_ids)}) − ({' + '.join(a_ids)})", change, t[0] - a[1], t[1] - a[0],
                qualifier_of(t[0] - a[1], t[1] - a[0]), unit, t_ids + a_ids, rel.get("en", ""))
    word = "above" if change > 0 else "below" if change < 0 else "equal to"
    f = Finding(rel["id"], "target_vs_actual", "unverifiable", t_ids + a_ids,
                f"{_surfaces(claims, t_ids)} (target) vs {_surfaces(claims, a_ids)} (actual)",
                computed=f"{change:+g} {unit} ({pct:+.1f}%)", formula="target − actual",
                evidence=claims[t_ids[0]]["sentence"],
                note=f"the target is {word} the year's actual; a plan cannot be checked against the report")
    return [f], [d]


RULES = {"part_whole": check_part_whole, "stated_rate": check_stated_rate, "ratio": derive_ratio,
         "sum": check_sum, "target_vs_actual": compare_target}


def check_list_count(claim: dict) -> Finding:
    """A stated count against the items listed beside it; 等 makes the list a lower bound."""
    items = [i for i in str(claim.get("listed") or "").split(LIST_SEP) if i]
    n, m = float(claim["value"]), len(items)
    open_ = str(claim.get("listed_open")).lower() == "true"
    if not items:
        verdict, note = "unverifiable", "no items listed beside it"
    elif open_:
        verdict = "consistent" if m <= n else "inconsistent"
        note = f"{m} listed with 等: at least {m}" + ("" if m <= n else f", more than the {n:g} stated")
    else:
        verdict = "consistent" if m == n else "inconsistent"
        note = f"{m} listed, list closed" + ("" if m == n else f", but {n:g} stated")
    return Finding(f"{claim['id']}.list", "list_count", verdict, [claim["id"]], f"{claim['surface']} vs {m} listed",
                   computed=str(m), formula="listed == stated (≤ with 等)", evidence=claim["sentence"],
                   note=note + (": " + "、".join(items) if items else ""))


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


def find_duplications(doc: Document) -> list[Finding]:
    """Duplicated-character misprints (完善完善, 市委委确定) in the content of the text."""
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
                if m.group() in redup or word * 2 in redup or set(word) <= _NUMERAL:
                    continue
                a = s + m.start()
                out.append(_dup_finding(doc, a, a + len(m.group()), f"“{word}” printed twice"))
                taken.update(range(a, a + len(m.group())))
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
                out.append(_dup_finding(doc, a, a + 2, note))
    return out


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


def _dup_finding(doc: Document, a: int, b: int, note: str) -> Finding:
    sent = doc.sentence_at(a)
    surface = doc.text[a:b]
    return Finding(f"text.duplication.{a}", "duplicated_characters", "inconsistent", [], surface,
                   formula="no character sequence printed twice", evidence=sent.text if sent else surface,
                   start=a, end=b, note=note)


def find_unbalanced_quotes(doc: Document) -> list[Finding]:
    """Printing damage: a paragraph whose quotation marks do not pair up."""
    out = []
    for p in doc.paragraphs:
        depth, bad_at = 0, None
        for s, e in p.pieces:
            for i in range(s, e):
                c = doc.text[i]
                if c == "“":
                    if depth:
                        bad_at = bad_at if bad_at is not None else i
                    depth = 1
                elif c == "”":
                    if not depth:
                        bad_at = bad_at if bad_at is not None else i
                    depth = 0
        if bad_at is not None:
            sent = doc.sentence_at(bad_at)
            out.append(Finding(f"text.quotes.{bad_at}", "unbalanced_quotes", "inconsistent", [],
                               doc.text[max(p.start, bad_at - 6):bad_at + 6], formula="“ and ” alternate",
                               evidence=sent.text if sent else "", start=bad_at, end=bad_at + 1,
                               note="a quotation mark without its partner"))
    return out


# --- all checks ------------------------------------------------------------------------------

def run_checks(claims: list[dict], relations: list[dict], doc: Document) -> tuple[list[Finding], list[Derived]]:
    """Every rule over the claims and the text; claims no rule bears on are `unverifiable`."""
    by_id = {c["id"]: c for c in claims}
    findings: list[Finding] = []
    derived: list[Derived] = []
    for rel in relations:
        f, d = RULES[rel["type"]](rel, by_id)
        findings += f
        derived += d
    for c in claims:
        if c["kind"] == "list_count":
            findings.append(check_list_count(c))
    checked = {cid for f in findings if f.verdict != "unverifiable" for cid in f.claims}
    for c in claims:
        if c["id"] not in checked and not any(c["id"] in f.claims for f in findings):
            findings.append(Finding(f"{c['id']}.standalone", "standalone", "unverifiable", [c["id"]], c["surface"],
                                    evidence=c["sentence"], note="no other number in the report bears on this claim"))
    findings += find_duplications(doc) + find_unbalanced_quotes(doc)
    return findings, derived
