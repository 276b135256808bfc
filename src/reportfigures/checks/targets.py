"""Last year's targets set beside this year's results: met, missed or not reported.

A government work report sets the coming year's targets (地区生产总值增长6%左右, 城镇新增
就业65万人); the next year's report states what happened (增长5.3%, 71.9万人). Each
target of the base edition is paired with at most one result of this edition, by one
assignment over a score matrix:

- a target naming a standard indicator (`gdp.growth.target`, measures.py) takes this
  year's figure of the same indicator and aspect (`gdp.growth`), and nothing else;
- any other target takes the figure whose counted noun and clause come back most (新建口袋
  公园100个 → 建成口袋公园100个), in the same unit, above a threshold.

Only a result of the reviewed year counts (not a five-year total, not the baseline of a
change, not next year's target). The outcome, on its own scale (OUTCOMES):

- met: the result reaches the target (at least it, or at most it for a ceiling such as
  prices, unemployment or a decline; 左右 allows the usual ±10 %);
- missed: it does not; only the result is the number at fault;
- not_reported: this edition states no figure for the target's measure.

In come the base edition's target claims and this edition's claims and text; out come one
row per target with both numbers' places and one sentence in each language.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..claims.binding import _weak, containment
from ..formats import quantity, quantity_en


OUTCOMES = ("missed", "not_reported", "met")
OUTCOME_WORDS = {"met": ("已完成", "met"), "missed": ("未完成", "missed"), "not_reported": ("未报告", "not reported")}
APPROX = 0.10  # 左右 and 约: the genre's usual reading of "about"
MATCH_THRESHOLD = 0.6
MIN_NOUN = 0.6  # a result's counted noun must be the target's, nearly whole
MIN_CONTEXT = 0.3
# verbs of doing what a target sets: a result may say 建成 where the target said 新建
DONE_VERBS = frozenset(("新建", "建成", "建设", "完成", "实现", "新增", "达到", "打造", "建", "开工", "改造", "实施", "提升",
                        "提高", "增加", "培育", "引进", "开展"))
# what the words right before a number say it is: a total reached (企业达220家) or an amount
# added in the year (新增46家); a target of the one is not answered by a figure of the other
_LEVEL_WORDS = ("达到", "达", "实现", "累计", "总数", "总量", "总计", "保有量", "共有", "拥有", "增至", "增加到", "提高到", "提升至", "提升到")
_ADDED_WORDS = ("新增", "净增", "新建", "新认定", "新培育", "新引进", "新招引", "增加", "新设立", "新开工")
_CEILING_AFTER = re.compile(r"[^，。；、,;0-9]{0,5}?(?:以下|以内|之内)")
TARGET_COLUMNS = ["target_id", "outcome", "outcome_zh", "outcome_en", "sentence_zh", "sentence_en", "subject_zh",
                  "subject_en", "measure", "base_year", "target", "target_value", "target_high", "target_unit",
                  "target_qualifier", "direction", "target_surface", "target_start", "target_end", "target_sentence",
                  "result_id", "result", "result_value", "result_unit", "result_surface", "result_start", "result_end",
                  "result_sentence", "how", "score"]


@dataclass(frozen=True)
class Figure:
    """One side of a pairing: a claim with what the matcher needs of it."""
    claim: dict
    noun: str
    verb: str
    context: str
    measure: str  # standard indicator key (measures.py), "" when none
    sign: int  # -1 when its verb says the figure fell
    horizon: str  # year | period | from
    ceiling: bool  # the indicator's target is a ceiling


def figures(doc, claims: list[dict], reviewed_year: int | None) -> dict[int, Figure]:
    """What the matcher needs of every claim of one edition, by start offset."""
    from ..claims import measures
    from ..claims.catalog import claimable, contexts
    from ..claims.review import describe_mentions
    from ..extract.extraction import extract

    ms = {m.start: m for m in claimable(extract(doc))}
    mentions = [ms[c["start"]] for c in claims if c["start"] in ms]
    found = measures.measures(doc, mentions, reviewed_year)
    hz = measures.horizons(doc, mentions, reviewed_year)
    ctx = contexts(doc, mentions)
    subs = describe_mentions(doc, mentions)
    out = {}
    for c in claims:
        m = ms.get(c["start"])
        if m is None:
            continue
        meas = found.get(m.start)
        before = ctx[m.start].partition("⟨⟩")[0]
        sign = meas.sign if meas else (-1 if measures.vocabulary().decline.search(before[-6:]) else 1)
        out[c["start"]] = Figure(c, subs[m.start].noun, subs[m.start].verb, ctx[m.start], meas.result_key if meas else "", sign,
                                 hz[m.start], bool(meas and meas.indicator.ceiling))
    return out


def _direction(t: Figure) -> str:
    """How a target is met: `at_least` it (growth, jobs), or `at_most` it (a ceiling on
    prices or unemployment, a decline to achieve, 以内/以下)."""
    if t.ceiling or t.sign < 0 or t.claim["qualifier"] == "at_most" or _CEILING_AFTER.match(t.context.partition("⟨⟩")[2]):
        return "at_most"  # 每立方米20微克以下: the ceiling word after a unit the number did not take
    return "at_least"


def _bounds(c: dict, sign: int, result: bool = False) -> tuple[float, float]:
    """The signed interval a printed figure allows (下降2.5% → −2.5). A target's 左右 allows
    APPROX either way; a result's 左右 (粮食产量550亿斤左右) is the report's own best figure."""
    v = float(c["value"]) * sign
    q = c["qualifier"]
    if result and q == "approx":
        return v, v
    if q == "range" and c.get("high") not in (None, ""):
        lo, hi = sorted((v, float(c["high"]) * sign))
        return lo, hi
    if q == "approx":
        return (v - abs(v) * APPROX, v + abs(v) * APPROX)
    if q == "at_least":
        return (v, math.inf) if sign > 0 else (-math.inf, v)
    if q == "at_most":
        return (-math.inf, v) if sign > 0 else (v, math.inf)
    return v, v


def outcome(target: Figure, result: Figure | None) -> str:
    """met, missed or not_reported, reading both figures as the bounds they print."""
    if result is None:
        return "not_reported"
    t_lo, t_hi = _bounds(target.claim, target.sign)
    r_lo, r_hi = _bounds(result.claim, result.sign, result=True)
    # met only when everything the result prints reaches the target: 超过1300 against 1500以上,
    # or 300余 against 1500个以上, does not say the target was reached
    if _direction(target) == "at_most":
        return "met" if r_hi <= t_hi + 1e-9 else "missed"
    return "met" if r_lo >= t_lo - 1e-9 else "missed"


def stock_or_flow(context: str) -> str:
    """"level" when the words just before the number (context: before ⟨⟩ after) say a total
    is reached, "added" when they say an amount was added; "" when they say neither."""
    before = context.partition("⟨⟩")[0][-12:]
    for i in range(len(before) - 1, -1, -1):  # the nearest word wins: 新增企业达到 is a level
        tail = before[i:]
        if tail.startswith(_LEVEL_WORDS):
            return "level"
        if tail.startswith(_ADDED_WORDS):
            return "added"
    return ""


def _pair_score(t: Figure, r: Figure) -> float:
    """How surely a result answers a target; -inf when it cannot."""
    if r.claim["kind"] != "metric" or r.horizon != "year" or t.horizon != "year":
        return -math.inf
    if t.measure or r.measure:
        return 2.0 if t.measure == r.measure else -math.inf
    if t.claim["unit"] != r.claim["unit"]:
        return -math.inf
    if _weak(t.noun, "") or _weak(r.noun, ""):
        return -math.inf  # 突破, 增加值: the noun must say what is counted
    noun = 1.0 if t.noun == r.noun else min(containment(t.noun, r.noun), containment(r.noun, t.noun))
    ctx = max(containment(t.context, r.context), containment(r.context, t.context))
    if noun < MIN_NOUN or ctx < MIN_CONTEXT:
        return -math.inf
    if t.verb and t.verb not in r.context and not (t.verb in DONE_VERBS and r.verb in DONE_VERBS):
        return -math.inf  # 整体提升100所学校 is not 10所学校入选: another verb, another measure
    if {stock_or_flow(t.context), stock_or_flow(r.context)} == {"level", "added"}:
        return -math.inf  # 企业达220家 is not answered by 新增46家: a total against the year's additions
    return 0.5 * noun + 0.5 * ctx


def match(targets: list[Figure], results: list[Figure]) -> dict[int, tuple[Figure, float]]:
    """Target start → (result, score): one assignment over every pair, each result used once."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    if not targets or not results:
        return {}
    scores = np.array([[_pair_score(t, r) for r in results] for t in targets])
    usable = np.where(np.isfinite(scores) & (scores >= MATCH_THRESHOLD), scores, -1e6)
    stay = np.full((len(targets), len(targets)), -1e6)
    np.fill_diagonal(stay, MATCH_THRESHOLD)
    rows, cols = linear_sum_assignment(np.hstack([usable, stay]), maximize=True)
    out = {}
    for i, j in zip(rows, cols):
        if j < len(results) and usable[i, j] > -1e5:
            out[targets[i].claim["start"]] = (results[j], float(usable[i, j]))
    return out


def compare(base_doc, base_claims: list[dict], base_meta: dict, doc, claims: list[dict], meta: dict,
            base_year: int) -> list[dict]:
    """One row per target the base edition set for the year this edition reviews."""
    year = meta.get("reviewed_year")
    if base_meta.get("task_year") != year:
        return []  # the base edition set targets for another year than this one reviews
    base = figures(base_doc, [c for c in base_claims if c["kind"] == "target"], base_meta.get("reviewed_year"))
    targets = [f for f in base.values() if f.horizon == "year"]
    now = figures(doc, [c for c in claims if c["kind"] == "metric"], year)
    pairs = match(targets, list(now.values()))
    rows = []
    for t in sorted(targets, key=lambda f: f.claim["start"]):
        r, sc = pairs.get(t.claim["start"], (None, 0.0))
        rows.append(_row(t, r, sc, outcome(t, r), base_year, year))
    return rows


def _row(t: Figure, r: Figure | None, sc: float, out: str, base_year: int, year) -> dict:
    tc, rc = t.claim, (r.claim if r else None)
    subject_zh, subject_en = tc.get("subject_zh") or "", tc.get("subject_en") or ""
    said = subject_zh.endswith(("下降", "增长", "降低", "减少", "提高"))  # the subject says which way already
    target_zh = ("下降" if t.sign < 0 and not said else "") + quantity(tc["value"], tc["unit"], tc["qualifier"],
                                                                       tc.get("high"))
    target_en = ("a fall of " if t.sign < 0 and "decline" not in subject_en else "") + \
        quantity_en(tc["value"], tc["unit"], tc["qualifier"], tc.get("high"))
    row = {"target_id": tc["id"], "outcome": out, "outcome_zh": OUTCOME_WORDS[out][0], "outcome_en": OUTCOME_WORDS[out][1],
           "subject_zh": subject_zh, "subject_en": subject_en, "measure": t.measure, "base_year": base_year,
           "target": target_zh, "target_value": tc["value"], "target_high": tc.get("high"), "target_unit": tc["unit"],
           "target_qualifier": tc["qualifier"], "direction": _direction(t), "target_surface": tc["surface"],
           "target_start": tc["start"], "target_end": tc["end"], "target_sentence": tc["sentence"],
           "how": ("same standard indicator" if t.measure else "same noun and clause") if r else "",
           "score": round(sc, 2) if r else ""}
    if rc is not None:
        way = ("下降" if r.sign < 0 else "增长") if ".growth" in t.measure else ("下降" if r.sign < 0 else "")
        result_zh = way + quantity(rc["value"], rc["unit"], rc["qualifier"], rc.get("high"))
        result_en = ("a fall of " if r.sign < 0 else "") + quantity_en(rc["value"], rc["unit"], rc["qualifier"], rc.get("high"))
        row |= {"result_id": rc["id"], "result": result_zh, "result_value": rc["value"], "result_unit": rc["unit"],
                "result_surface": rc["surface"], "result_start": rc["start"], "result_end": rc["end"],
                "result_sentence": rc["sentence"]}
    else:
        result_zh = result_en = ""
    zh, en = _sentences(out, subject_zh or tc["surface"], subject_en or tc["surface"], target_zh, target_en,
                        result_zh, result_en, base_year, year, row["direction"], tc["qualifier"])
    return row | {"sentence_zh": zh, "sentence_en": en}


def _sentences(out: str, subject_zh: str, subject_en: str, target_zh: str, target_en: str, result_zh: str,
               result_en: str, base_year: int, year, direction: str, qualifier: str) -> tuple[str, str]:
    """One plain sentence per language, worded in rules/findings.yml (target_outcome)."""
    from .findings import say

    about_zh = "（“左右”按±10%计）" if qualifier == "approx" else ""
    about_en = " (“about” read as ±10%)" if qualifier == "approx" else ""
    key = out if out != "met" else ("met_ceiling" if direction == "at_most" else "met")
    key = key if out != "missed" else ("missed_ceiling" if direction == "at_most" else "missed")
    return say("target_outcome", key, subject=subject_zh, subject_en=subject_en, target=target_zh,
               target_en=target_en, result=result_zh, result_en=result_en, base_year=base_year, year=year,
               next_report=(year or 0) + 1, about=about_zh, about_en=about_en)


def counts(rows: list[dict]) -> dict[str, int]:
    return {o: sum(r["outcome"] == o for r in rows) for o in OUTCOMES}
