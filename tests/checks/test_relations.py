"""Relations read from the text: each rule proposes on the sentences that state a relation,
proposes nothing where none is stated, and its check fails on bad numbers and passes on good."""

import pytest

from reportfigures.checks import relations
from reportfigures.checks.run import run_checks
from reportfigures.claims.catalog import claimable
from reportfigures.claims.review import claims_from_review, describe_mentions
from reportfigures.extract.extraction import extract
from reportfigures.text.document import Document


def claims_of(text: str) -> tuple[Document, list[dict]]:
    """Every claimable number of a text as a claim (ids c0, c1 … in text order)."""
    doc = Document(text)
    ms = claimable(extract(doc))
    subs = describe_mentions(doc, ms)
    reviewed = {f"x.c{i}": {"claim_id": f"x.c{i}", "origin": "auto", "start": str(m.start), "end": str(m.end),
                            "value": str(m.value), "unit": m.unit, "qualifier": m.qualifier, "surface": m.surface}
                for i, m in enumerate(ms)}
    claims = claims_from_review(doc, extract(doc), reviewed, {}, "x")
    assert all(subs[c["start"]] for c in claims)
    return doc, claims


def proposed(text: str) -> list[dict]:
    doc, claims = claims_of(text)
    by_id = {c["id"]: c["surface"] for c in claims}
    out = []
    for r in relations.propose(doc, claims):
        out.append({k: ([by_id[x] for x in v] if isinstance(v, list) else by_id.get(v, v)) for k, v in r.items()
                    if k in ("type", "part", "whole", "rate", "bases", "parts", "claim", "change", "mode", "sign")
                    and not isinstance(v, dict)})
    return out


def ratings_of(text: str, base: dict | None = None) -> dict[str, str]:
    doc, claims = claims_of(text)
    rels = relations.propose(doc, claims)
    findings, _ = run_checks(claims, rels, doc, base=base)
    return {f.rule: f.rating for f in findings if f.rule not in ("standalone", "list_count")}


# --- a part and its whole ----------------------------------------------------------------

@pytest.mark.parametrize("text,part,whole", [
    ("全年共收到提案1551件,经审查立案1364件。", "1364件", "1551件"),
    ("报送社情民意信息800余篇,被采用177篇,其中单篇29篇。", "177篇", "800余篇"),
    ("提出修改建议232条,被有关部门采纳155条。", "155条", "232条"),
    ("走访联系民营企业260家，其中为310家企业协调解决困难。", "310家", "260家"),
])
def test_a_part_of_the_number_before(text, part, whole):
    rels = [r for r in proposed(text) if r["type"] == "part_whole"]
    assert {"type": "part_whole", "part": part, "whole": whole} in [{k: r[k] for k in ("type", "part", "whole")} for r in rels]


def test_of_which_takes_the_nearest_whole_of_its_unit():
    rels = proposed("报送社情民意信息800余篇,被采用177篇,其中单篇29篇。")
    assert {"type": "part_whole", "part": "29篇", "whole": "177篇"} in [
        {k: r[k] for k in ("type", "part", "whole")} for r in rels]


@pytest.mark.parametrize("text", [
    "开展活动1898场,解决问题1992个。",        # different units: no part of a whole
    "视察13次,情况通报15次,外出考察19次。",      # a list of counts, no subset verb
    "全年共收到提案1551件。其中,平时提案数量增加3倍。",  # 其中 across sentences, another unit
])
def test_no_part_whole_where_none_is_stated(text):
    assert not [r for r in proposed(text) if r["type"] == "part_whole"]


@pytest.mark.parametrize("text,rating", [
    ("全年共收到提案1551件,经审查立案1364件。", "consistent"),
    ("走访联系民营企业260家，其中为310家企业协调解决困难。", "contradiction"),
])
def test_the_part_whole_check_on_proposed_relations(text, rating):
    assert ratings_of(text)["part_whole"] == rating


# --- a total -----------------------------------------------------------------------------

def test_parts_and_their_stated_total():
    rels = [r for r in proposed("开展专题协商12场、对口协商9场、界别协商8场，共计31场。") if r["type"] == "sum"]
    assert rels == [{"type": "sum", "parts": ["12场", "9场", "8场"], "whole": "31场"}]


@pytest.mark.parametrize("total,rating", [("29场", "consistent"), ("31场", "contradiction")])
def test_the_sum_check_on_proposed_totals(total, rating):
    assert ratings_of(f"开展专题协商12场、对口协商9场、界别协商8场，共计{total}。")["sum"] == rating


@pytest.mark.parametrize("text", ["全年共收到提案1551件。", "走访看望委员,累计492人次。", "开展活动12场、解决问题9个，共计21项。"])
def test_no_total_without_parts_of_its_unit(text):
    assert not [r for r in proposed(text) if r["type"] == "sum"]


# --- a printed rate ----------------------------------------------------------------------

def test_a_rate_beside_its_counts():
    rels = [r for r in proposed("全年共收到提案1551件,经审查立案1364件,均已按时办结,满意率达98.16%。")
            if r["type"] == "stated_rate"]
    assert rels == [{"type": "stated_rate", "rate": "98.16%", "bases": ["1551件", "1364件"]}]


@pytest.mark.parametrize("rate,rating", [("87.94%", "consistent"), ("98.16%", "not_reproducible")])
def test_the_rate_check_on_proposed_rates(rate, rating):
    assert ratings_of(f"全年共收到提案1551件,经审查立案1364件,立案率{rate}。")["stated_rate"] == rating


def test_no_rate_without_counts_or_without_a_rate_word():
    assert not [r for r in proposed("满意率达98.16%。") if r["type"] == "stated_rate"]
    assert not [r for r in proposed("收到提案1551件,增长12.5%。") if r["type"] == "stated_rate"]


# --- a change against last year ------------------------------------------------------------

@pytest.mark.parametrize("text,claim,change,mode,sign", [
    ("全年共受理提案1608件，较上年增加67件。", "1608件", "67件", "abs", 1),
    ("满意率达98.53%，较上年提高0.37个百分点。", "98.53%", "0.37个百分点", "pp", 1),
    ("收到提案1500件，比上年减少51件。", "1500件", "51件", "abs", -1),
    ("收到提案1608件，同比增长3.7%。", "1608件", "3.7%", "pct", 1),
])
def test_a_stated_change(text, claim, change, mode, sign):
    rels = [r for r in proposed(text) if r["type"] == "change_vs_base"]
    assert rels == [{"type": "change_vs_base", "claim": claim, "change": change, "mode": mode, "sign": sign}]


def test_no_change_without_a_comparison():
    assert not [r for r in proposed("其中平时提案数量增加3倍。") if r["type"] == "change_vs_base"]


def test_the_change_check_against_a_base_year():
    doc, claims = claims_of("全年共受理提案1608件，较上年增加67件。")
    rels = relations.propose(doc, claims)
    target = next(r["claim"] for r in rels if r["type"] == "change_vs_base")
    base = {target: {"id": target, "value": 1551, "unit": "件", "qualifier": "exact", "surface": "1551件"}}
    findings, _ = run_checks(claims, rels, doc, base=base)
    assert next(f for f in findings if f.rule == "change_vs_base").rating == "contradiction"
    base[target]["value"] = 1541
    findings, _ = run_checks(claims, rels, doc, base=base)
    assert next(f for f in findings if f.rule == "change_vs_base").rating == "consistent"


# --- declared relations win --------------------------------------------------------------

def test_a_declared_relation_replaces_the_proposed_one():
    declared = [{"id": "proposals.filing", "type": "part_whole", "part": "a", "whole": "b"}]
    proposed_ = [{"id": "a.of_whole", "type": "part_whole", "part": "a", "whole": "b", "origin": "auto"},
                 {"id": "c.of_whole", "type": "part_whole", "part": "c", "whole": "b", "origin": "auto"}]
    merged = relations.merge(declared, proposed_)
    assert [r["id"] for r in merged] == ["proposals.filing", "c.of_whole"]
    assert merged[0]["origin"] == "declared" and merged[1]["origin"] == "auto"


def test_the_2024_report_proposes_only_sound_relations(report_doc):
    from conftest import claims_2024
    claims = claims_2024(report_doc)
    rels = relations.propose(report_doc, claims)
    findings, _ = run_checks(claims, rels, report_doc)
    bad = [(f.rule, f.rating, f.sentence_zh) for f in findings
           if f.origin == "auto" and f.rule not in ("list_count", "duplicated_characters", "unbalanced_quotes")
           and f.rating not in ("consistent", "cannot_check", "not_reproducible")]
    assert bad == []
