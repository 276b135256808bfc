"""Changes and targets: a change stated against last year checked against last year's figure;
a target set beside the actual of the same measure.
"""

from __future__ import annotations

import math
import re

from ..formats import quantity, quantity_en
from .findings import Derived, Finding, _as_list, _exact, _listing, _subject, _sum_bounds, _surfaces, claim_bounds, decimals, q, q_en, qualifier_of, round_half, say, span_text, span_text_en


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
    from ..claims.measures import indicator
    from ..extract.vocabulary import vocabulary
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
