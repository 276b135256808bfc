"""Each consistency rule, shown failing on bad data and passing on good data, with its rating."""

import math

import pytest

from conftest import ROOT
from conftest import claims_2024
from reportfigures.checks.findings import bounds
from reportfigures.checks.changes import check_change, compare_target
from reportfigures.checks.list_counts import check_list_count, clean_items
from reportfigures.checks.sums import check_part_whole, check_sum
from reportfigures.checks.rates import check_stated_rate, derive_ratio
from reportfigures.checks.run import claim_ratings, run_checks
from reportfigures.checks.misprints import find_duplications, find_unbalanced_quotes
from reportfigures.checks.declared import load_relations
from reportfigures.errors import CatalogError
from reportfigures.extract.mention import LIST_SEP
from reportfigures.text.document import Document


def c(cid, value, surface=None, qualifier="exact", unit="件", **kw):
    return {"id": cid, "value": value, "surface": surface or f"{value}{unit}", "qualifier": qualifier,
            "unit": unit, "sentence": f"{cid}的句子。", "kind": "metric", "subject_zh": cid, "subject_en": cid,
            "start": 0, "end": 1, **kw}


def test_bounds_carry_qualifiers():
    assert bounds(800, "at_least") == (800, math.inf)
    assert bounds(30, "at_most") == (0, 30)
    assert bounds(100, "approx") == pytest.approx((90, 110))


@pytest.mark.parametrize("part,whole,rating", [(1364, 1551, "consistent"), (1600, 1551, "contradiction")])
def test_part_whole(part, whole, rating):
    claims = {"p": c("p", part), "w": c("w", whole)}
    f, d = check_part_whole({"id": "r", "part": "p", "whole": "w", "rate": {"id": "rate"}}, claims)
    assert f[0].rating == rating
    assert f[0].at_fault == (["p"] if rating == "contradiction" else [])  # only the part is at fault
    assert d[0].value == pytest.approx(100 * part / whole)
    assert str(part) in f[0].sentence_zh and str(whole) in f[0].sentence_zh and f[0].sentence_en


@pytest.mark.parametrize("parts,whole,rating", [((120, 90), 260, "consistent"), ((200, 90), 260, "contradiction")])
def test_several_parts_within_their_whole(parts, whole, rating):
    claims = {"a": c("a", parts[0], unit="家"), "b": c("b", parts[1], unit="家"), "w": c("w", whole, unit="家")}
    f, _ = check_part_whole({"id": "r", "part": ["a", "b"], "whole": "w"}, claims)
    assert f[0].rule == "parts_within" and f[0].rating == rating


def test_an_approximate_part_against_an_exact_whole_cannot_be_checked():
    claims = {"p": c("p", 1000, "约1000件", "approx"), "w": c("w", 1050)}
    assert check_part_whole({"id": "r", "part": "p", "whole": "w"}, claims)[0][0].rating == "cannot_check"


def test_a_rate_over_a_lower_bound_is_an_upper_bound():
    claims = {"p": c("p", 177, unit="篇"), "w": c("w", 800, "800余篇", "at_least", unit="篇")}
    f, d = check_part_whole({"id": "r", "part": "p", "whole": "w", "rate": {"id": "rate"}}, claims)
    assert f[0].rating == "consistent" and d[0].qualifier == "at_most" and d[0].high == pytest.approx(22.125)
    row = d[0].row()
    assert row["text"] == "至多22.13%" and row["low"] == 0 and row["high"] == pytest.approx(22.125)
    assert "至多22.13%" in f[0].sentence_zh  # one number, one rounding: the sentence and the table agree


@pytest.mark.parametrize("rate,rating", [("87.94", "consistent"), ("98.16", "not_reproducible"), ("88", "consistent")])
def test_stated_rate_at_printed_precision(rate, rating):
    claims = {"r": c("r", float(rate), f"{rate}%", unit="%"), "n": c("n", 1551), "m": c("m", 1364)}
    f, _ = check_stated_rate({"id": "s", "rate": "r", "bases": ["n", "m"]}, claims)
    assert f[0].rating == rating
    # a rate no count reproduces is not a contradiction, and its bases are evidence, not at fault
    assert f[0].at_fault == (["r"] if rating == "not_reproducible" else [])


def test_stated_rate_over_inexact_base_cannot_be_checked():
    claims = {"r": c("r", 22.1, "22.1%", unit="%"), "n": c("n", 800, "800余篇", "at_least")}
    assert check_stated_rate({"id": "s", "rate": "r", "bases": ["n"]}, claims)[0][0].rating == "cannot_check"


@pytest.mark.parametrize("value,items,open_,rating", [
    (3, ["开发区条例", "招标投标条例", "行政管理决定"], False, "consistent"),
    (4, ["开发区条例", "招标投标条例", "行政管理决定"], False, "contradiction"),
    (13, ["提案", "社情民意信息", "委员履职考评", "督查督办系统"], True, "consistent"),
    (8, ["1号提案", "愉悦读书", "智汇经济圈", "乡村振兴", "委员在行动", "法润巴渝", "民宗共成长", "聚力同行", "智荟科技"],
     True, "contradiction"),
    # three actions that may summarise sixteen suggestions: the rule cannot tell
    (16, ["持续提升国际旅游吸引力", "加大品牌推广力度", "全面提升运营管理"], False, "worth_a_look"),
    # a verb, or a phrase with a count of its own, is not an item: agreement proves nothing
    (2, ["组织", "区县"], False, "cannot_check"),
    (2, ["搭建川渝两省市政协合作平台", "成渝"], False, "cannot_check"),
    (5, [], False, "cannot_check"),
])
def test_list_count(value, items, open_, rating):
    claim = c("l", value, unit="项", listed=LIST_SEP.join(items), listed_open=open_)
    f = check_list_count(claim)
    assert f.rating == rating
    assert f.at_fault == (["l"] if rating in ("contradiction", "worth_a_look") else [])


@pytest.mark.parametrize("items,head,cleaned,sound", [
    (["围绕制定开发区条例", "招标投标条例"], "", ["开发区条例", "招标投标条例"], True),
    (["注重发挥市", "区县"], "", ["市", "区县"], True),
    (["委员联系界别群众机制改革架起了连心桥", "提案办理一件事改革畅通了渠道"], "市级重点改革",
     ["委员联系界别群众机制改革", "提案办理一件事改革"], True),
    (["（一）坚持党的领导", "（二）提升协商质效"], "", ["（一）坚持党的领导", "（二）提升协商质效"], True),
    (["加大品牌推广力度", "全面提升运营管理"], "", ["加大品牌推广力度", "全面提升运营管理"], False),
])
def test_the_items_of_an_enumeration(items, head, cleaned, sound):
    assert clean_items(items, head) == (cleaned, sound)


@pytest.mark.parametrize("whole,rating", [(292, "consistent"), (300, "contradiction"), (None, None)])
def test_sum(whole, rating):
    claims = {"a": c("a", 29, unit="个"), "b": c("b", 263, unit="个")}
    rel = {"id": "s", "parts": ["a", "b"]}
    if whole is not None:
        claims["w"] = c("w", whole, unit="个")
        rel["whole"] = "w"
    f, d = check_sum(rel, claims)
    assert d[0].value == 292
    assert (f[0].rating if f else None) == rating
    if rating == "contradiction":
        assert f[0].at_fault == ["w"] and "292" in f[0].sentence_zh and "300" in f[0].sentence_zh


def test_ratio_and_target():
    claims = {"n": c("n", 1992, unit="个"), "d": c("d", 1898, unit="场"), "t": c("t", 92, "92%以上", "at_least", unit="%"),
              "a": c("a", 98.16, "98.16%", unit="%")}
    _, d = derive_ratio({"id": "r", "numerator": "n", "denominator": "d"}, claims)
    assert d[0].value == pytest.approx(1992 / 1898)
    f, d = compare_target({"id": "t", "target": "t", "actual": "a", "year": 2024}, claims)
    assert f[0].rating == "cannot_check" and d[0].value == pytest.approx(-6.16) and "2025" in f[0].sentence_zh


@pytest.mark.parametrize("old,new,change,unit,mode,sign,rating", [
    (1551, 1608, 57, "件", "abs", 1, "consistent"),
    (1551, 1608, 67, "件", "abs", 1, "contradiction"),
    (1551, 1500, 51, "件", "abs", -1, "consistent"),
    (1551, 1500, 51, "件", "abs", 1, "contradiction"),  # "增加51件" when it fell by 51
    (98.16, 98.53, 0.37, "个百分点", "pp", 1, "consistent"),
    (98.16, 98.53, 0.5, "个百分点", "pp", 1, "contradiction"),
    (1551, 1608, 3.7, "%", "pct", 1, "consistent"),  # 3.675% printed at one decimal
    (1551, 1608, 4.2, "%", "pct", 1, "contradiction"),
    (None, 1608, 57, "件", "abs", 1, "cannot_check"),  # last year's report has no such figure
])
def test_a_change_against_last_year(old, new, change, unit, mode, sign, rating):
    cur_unit = "%" if mode == "pp" else "件"
    claims = {"x": c("x", new, unit=cur_unit), "d": c("d", change, f"{change}{unit}", unit=unit)}
    base = {} if old is None else {"x": c("x", old, unit=cur_unit)}
    f, _ = check_change({"id": "d.vs_base", "claim": "x", "change": "d", "mode": mode, "sign": sign}, claims, base)
    assert f[0].rating == rating
    assert f[0].at_fault == (["d"] if rating == "contradiction" else [])
    assert f[0].sentence_zh and f[0].sentence_en


def test_a_change_without_an_earlier_edition_cannot_be_checked():
    claims = {"x": c("x", 1608), "d": c("d", 57)}
    f, _ = check_change({"id": "d.vs_base", "claim": "x", "change": "d"}, claims, None)
    assert f[0].rating == "cannot_check" and "上一版" in f[0].sentence_zh


@pytest.mark.parametrize("text,found", [
    ("工作体系的完善完善,有效调动。", ["完善完善"]),
    ("被市委委确定为重大改革项目。", ["委委"]),
    ("构建生态友好好型城市。", ["好好"]),
    ("牢牢把握正确方向,紧紧围绕中心。", []),
    ("加强政协协商与其他协商形式贯通,制定督办办法,学习习近平总书记讲话。", []),
    ("科学编制“十五五”规划。", []),
])
def test_duplicated_characters(text, found):
    fs = find_duplications(Document(text))
    assert [f.numbers for f in fs] == found
    assert all(f.rating == "misprint" and f.at_fault == [] and "多印" in f.sentence_zh for f in fs)


@pytest.mark.parametrize("text,n", [("创建“红岩先锋”五型”政协机关”。", 1), ("创建“红岩先锋”“五型”机关。", 0)])
def test_unbalanced_quotes(text, n):
    fs = find_unbalanced_quotes(Document(text))
    assert len(fs) == n and all(f.rating == "misprint" for f in fs)


def test_relations_name_only_known_claims(tmp_path):
    p = tmp_path / "relations.yml"
    p.write_text("relations:\n  - id: a\n    type: part_whole\n    part: x.one\n    whole: x.typo\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"relations.yml: line 2: relation 'a' names unknown claim 'x.typo'"):
        load_relations(p, {"x.one"})
    p.write_text("relations:\n  - id: a\n    type: divide\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="has type 'divide'"):
        load_relations(p, set())


def test_the_2024_report_findings(report_doc):
    claims = claims_2024(report_doc)
    relations = load_relations(ROOT / "data" / "claims" / "relations.yml", {r["id"] for r in claims})
    findings, derived = run_checks(claims, relations, report_doc)
    rated = {}
    for f in findings:
        rated.setdefault(f.rating, []).append(f)
    assert [f.check_id for f in rated["not_reproducible"]] == ["proposals.satisfaction_reproducible"]
    assert [f.check_id for f in rated["contradiction"]] == ["brands.count.list"]  # 8个 with nine brands listed
    assert [f.check_id for f in rated["worth_a_look"]] == ["consultation.tourism_suggestion_aspects.list"]
    assert len(rated["misprint"]) == 9
    assert {f.rating for f in findings if f.rule == "part_whole"} == {"consistent"}
    filing = next(d for d in derived if d.id == "proposals.filing_rate")
    assert filing.value == pytest.approx(100 * 1364 / 1551)
    standalone = [f for f in findings if f.rule == "standalone"]
    assert standalone and all(f.rating == "cannot_check" for f in standalone)
    # only the number at fault is marked: the bases of 98.16% keep their own (consistent) rating
    own = claim_ratings([f.row() for f in findings])
    assert own["proposals.satisfaction_rate"] == "not_reproducible"
    assert own["proposals.received"] == own["proposals.filed"] == "consistent"
    assert own["brands.count"] == "contradiction"


def test_claim_ratings_mark_only_the_number_at_fault():
    findings = [{"claims": "a;b", "at_fault": "a", "rating": "contradiction"},
                {"claims": "b;c", "at_fault": "", "rating": "consistent"},
                {"claims": "d", "at_fault": "", "rating": "cannot_check"}]
    assert claim_ratings(findings) == {"a": "contradiction", "b": "consistent", "c": "consistent", "d": "cannot_check"}


@pytest.mark.parametrize("old_surface,old_q,new_surface,new_q,change,mode", [
    ("800余篇", "at_least", "823篇", "exact", 23, "abs"),     # last year printed only a lower bound
    ("800篇", "exact", "800余篇", "at_least", 23, "abs"),      # this year does
    ("800余篇", "at_least", "823篇", "exact", 2.9, "pct"),
])
def test_a_change_against_an_open_bound_is_a_rating_question_never_a_crash(old_surface, old_q, new_surface, new_q,
                                                                            change, mode):
    unit = "%" if mode == "pct" else "篇"
    claims = {"x": c("x", int(new_surface[:3]), new_surface, new_q, unit="篇"),
              "d": c("d", change, f"{change}{unit}", unit=unit)}
    base = {"x": c("x", 800, old_surface, old_q, unit="篇")}
    f, _ = check_change({"id": "d.vs_base", "claim": "x", "change": "d", "mode": mode, "sign": 1}, claims, base)
    assert f[0].rating == "cannot_check" and f[0].at_fault == []
    assert "∞" not in f[0].sentence_zh + f[0].sentence_en and "inf" not in f[0].sentence_en


def test_a_statistic_that_disagrees_across_years_is_worth_a_look_and_real_growth_cannot_be_checked():
    claims = {"x": c("x", 1.66e12, "1.66万亿元", unit="元"), "d": c("d", 3.1, "3.1%", unit="%")}
    base = {"x": c("x", 1.55e12, "1.55万亿元", unit="元")}
    f, _ = check_change({"id": "d.vs_base", "claim": "x", "change": "d", "mode": "pct", "sign": 1}, claims, base)
    assert f[0].rating == "worth_a_look" and f[0].at_fault == ["d"] and "修订" in f[0].sentence_zh  # 7.1 %, not 3.1 %
    base["x"] = c("x", 1.61e12, "1.61万亿元", unit="元")  # 3.1 % within the printed precision of both levels
    f, _ = check_change({"id": "d.vs_base", "claim": "x", "change": "d", "mode": "pct", "sign": 1}, claims, base)
    assert f[0].rating == "consistent"
    f, _ = check_change({"id": "d.vs_base", "claim": "x", "change": "d", "mode": "pct", "sign": 1, "real": True},
                        claims, base)
    assert f[0].rating == "cannot_check" and "可比价格" in f[0].sentence_zh
