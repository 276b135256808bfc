"""Each consistency rule, shown failing on bad data and passing on good data."""

import math

import pytest

from conftest import ROOT
from reportfigures.checks import (bounds, check_list_count, check_part_whole, check_stated_rate, check_sum,
                                  compare_target, derive_ratio, find_duplications, find_unbalanced_quotes,
                                  load_relations, run_checks)
from reportfigures.claims import bind_all, claim_rows, load_catalog
from reportfigures.errors import CatalogError
from reportfigures.numbers import LIST_SEP, extract
from reportfigures.text import Document


def c(cid, value, surface=None, qualifier="exact", unit="件", **kw):
    return {"id": cid, "value": value, "surface": surface or f"{value}{unit}", "qualifier": qualifier,
            "unit": unit, "sentence": f"{cid}的句子。", "kind": "metric", **kw}


def test_bounds_carry_qualifiers():
    assert bounds(800, "at_least") == (800, math.inf)
    assert bounds(30, "at_most") == (0, 30)
    assert bounds(100, "approx") == pytest.approx((90, 110))


@pytest.mark.parametrize("part,whole,verdict", [(1364, 1551, "consistent"), (1600, 1551, "inconsistent")])
def test_part_whole(part, whole, verdict):
    claims = {"p": c("p", part), "w": c("w", whole)}
    f, d = check_part_whole({"id": "r", "part": "p", "whole": "w", "rate": {"id": "rate"}}, claims)
    assert f[0].verdict == verdict
    assert d[0].value == pytest.approx(100 * part / whole)


def test_a_rate_over_a_lower_bound_is_an_upper_bound():
    claims = {"p": c("p", 177, unit="篇"), "w": c("w", 800, "800余篇", "at_least", unit="篇")}
    f, d = check_part_whole({"id": "r", "part": "p", "whole": "w", "rate": {"id": "rate"}}, claims)
    assert f[0].verdict == "consistent" and d[0].qualifier == "at_most" and d[0].high == pytest.approx(22.125)


@pytest.mark.parametrize("rate,verdict", [("87.94", "consistent"), ("98.16", "inconsistent"), ("88", "consistent")])
def test_stated_rate_at_printed_precision(rate, verdict):
    claims = {"r": c("r", float(rate), f"{rate}%", unit="%"), "n": c("n", 1551), "m": c("m", 1364)}
    f, _ = check_stated_rate({"id": "s", "rate": "r", "bases": ["n", "m"]}, claims)
    assert f[0].verdict == verdict


def test_stated_rate_over_inexact_base_is_unverifiable():
    claims = {"r": c("r", 22.1, "22.1%", unit="%"), "n": c("n", 800, "800余篇", "at_least")}
    assert check_stated_rate({"id": "s", "rate": "r", "bases": ["n"]}, claims)[0][0].verdict == "unverifiable"


@pytest.mark.parametrize("value,items,open_,verdict", [
    (3, ["甲", "乙", "丙"], False, "consistent"),
    (16, ["甲", "乙", "丙"], False, "inconsistent"),
    (13, ["甲", "乙", "丙", "丁"], True, "consistent"),
    (8, list("甲乙丙丁戊己庚辛壬"), True, "inconsistent"),
    (5, [], False, "unverifiable"),
])
def test_list_count(value, items, open_, verdict):
    claim = c("l", value, unit="项", listed=LIST_SEP.join(items), listed_open=open_)
    assert check_list_count(claim).verdict == verdict


@pytest.mark.parametrize("whole,verdict", [(292, "consistent"), (300, "inconsistent"), (None, None)])
def test_sum(whole, verdict):
    claims = {"a": c("a", 29, unit="个"), "b": c("b", 263, unit="个")}
    rel = {"id": "s", "parts": ["a", "b"]}
    if whole is not None:
        claims["w"] = c("w", whole, unit="个")
        rel["whole"] = "w"
    f, d = check_sum(rel, claims)
    assert d[0].value == 292
    assert (f[0].verdict if f else None) == verdict


def test_ratio_and_target():
    claims = {"n": c("n", 1992, unit="个"), "d": c("d", 1898, unit="场"), "t": c("t", 92, "92%以上", "at_least", unit="%"),
              "a": c("a", 98.16, "98.16%", unit="%")}
    _, d = derive_ratio({"id": "r", "numerator": "n", "denominator": "d"}, claims)
    assert d[0].value == pytest.approx(1992 / 1898)
    f, d = compare_target({"id": "t", "target": "t", "actual": "a"}, claims)
    assert f[0].verdict == "unverifiable" and d[0].value == pytest.approx(-6.16)


@pytest.mark.parametrize("text,found", [
    ("工作体系的完善完善,有效调动。", ["完善完善"]),
    ("被市委委确定为重大改革项目。", ["委委"]),
    ("构建生态友好好型城市。", ["好好"]),
    ("牢牢把握正确方向,紧紧围绕中心。", []),
    ("加强政协协商与其他协商形式贯通,制定督办办法,学习习近平总书记讲话。", []),
    ("科学编制“十五五”规划。", []),
])
def test_duplicated_characters(text, found):
    assert [f.numbers for f in find_duplications(Document(text))] == found


@pytest.mark.parametrize("text,n", [("创建“红岩先锋”五型”政协机关”。", 1), ("创建“红岩先锋”“五型”机关。", 0)])
def test_unbalanced_quotes(text, n):
    assert len(find_unbalanced_quotes(Document(text))) == n


def test_relations_name_only_known_claims(tmp_path):
    p = tmp_path / "relations.yml"
    p.write_text("relations:\n  - id: a\n    type: part_whole\n    part: x.one\n    whole: x.typo\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"relations.yml: line 2: relation 'a' names unknown claim 'x.typo'"):
        load_relations(p, {"x.one"})
    p.write_text("relations:\n  - id: a\n    type: divide\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="has type 'divide'"):
        load_relations(p, set())


def test_the_2024_report_findings(report_doc):
    catalog = load_catalog(ROOT / "data" / "claims" / "catalog.yml")
    claims = claim_rows(bind_all(catalog, report_doc, extract(report_doc)), "x")
    relations = load_relations(ROOT / "data" / "claims" / "relations.yml", {r["id"] for r in claims})
    findings, derived = run_checks(claims, relations, report_doc)
    bad = [f for f in findings if f.verdict == "inconsistent"]
    assert [f.check_id for f in bad if f.rule == "stated_rate"] == ["proposals.satisfaction_reproducible"]
    assert len([f for f in bad if f.rule == "list_count"]) >= 2
    assert len([f for f in bad if f.rule == "duplicated_characters"]) >= 8
    assert {f.verdict for f in findings if f.rule == "part_whole"} == {"consistent"}
    filing = next(d for d in derived if d.id == "proposals.filing_rate")
    assert filing.value == pytest.approx(100 * 1364 / 1551)
    standalone = [f for f in findings if f.rule == "standalone"]
    assert standalone and all(f.verdict == "unverifiable" for f in standalone)
