"""The catalog, its locators, coverage and the reviewed values."""

import re

import pytest
import yaml

from conftest import ROOT
from reportfigures.claims import (bind_all, claim_rows, compare_reviewed, load_catalog, load_reviewed, locate,
                                  uncovered)
from reportfigures.errors import CatalogError, IntegrityError
from reportfigures.numbers import extract
from reportfigures.text import Document

CATALOG = ROOT / "data" / "claims" / "catalog.yml"
REVIEWED = ROOT / "data" / "editions" / "2024" / "claims.reviewed.csv"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(CATALOG)


def bound(catalog, text):
    doc = Document(text)
    return {loc.claim.id: loc for loc in locate(catalog, doc, extract(doc))}


def test_catalog_covers_every_claimable_mention_exactly_once(catalog, report_doc):
    mentions = extract(report_doc)
    located = bind_all(catalog, report_doc, mentions)
    assert uncovered(located, mentions) == []
    ids = {c.id for c in catalog}
    for required in ["proposals.received", "proposals.filed", "proposals.satisfaction_rate",
                     "social_opinion.submitted", "social_opinion.adopted", "safety.hazards_found",
                     "safety.rectification_items", "outreach.member_visits"]:
        assert required in ids


def test_claims_match_the_hand_checked_values(catalog, report_doc, gold_numbers):
    gold = {int(g["start"]): g for g in gold_numbers}
    rows = claim_rows(bind_all(catalog, report_doc, extract(report_doc)), "x")
    for r in rows:
        assert float(gold[r["start"]]["value"]) == float(r["value"]), r["id"]


def test_a_removed_claim_shows_up_as_uncovered(catalog, report_doc):
    mentions = extract(report_doc)
    located = locate([c for c in catalog if c.id != "safety.hazards_found"], report_doc, mentions)
    assert [m.surface for m in uncovered(located, mentions)] == ["443处"]


def test_reworded_sentences_still_bind(catalog, report_text):
    text = (report_text.replace("全年共收到提案1551件", "全年市政协共计收到各类提案1620件")
            .replace("经审查立案1364件", "经认真审查后立案1400件")
            .replace("查找消防、道路安全、易燃易爆品管理、城市运行维护等方面安全风险隐患443处",
                     "查找消防、道路安全等方面重大安全风险隐患510处"))
    got = bound(catalog, text)
    assert got["proposals.received"].mention.value == 1620
    assert got["proposals.filed"].mention.value == 1400
    assert got["safety.hazards_found"].mention.value == 510


def test_a_distractor_with_the_same_unit_does_not_steal_a_claim(catalog, report_text):
    text = report_text.replace("满意率达98.16%。", "满意率达98.16%。全年收到群众来信1551件。")
    got = bound(catalog, text)
    assert got["proposals.received"].status == "found" and got["proposals.received"].mention.start < text.index("群众来信")


def test_ambiguous_and_missing_locators_are_errors_naming_candidates(tmp_path, report_doc):
    path = tmp_path / "catalog.yml"
    path.write_text(yaml.safe_dump({"claims": [
        {"id": "x.count", "subject_zh": "提案", "subject_en": "proposals", "unit": "件", "kind": "metric",
         "part": "review", "theme": "proposals", "near": ["提案"]},
        {"id": "x.none", "subject_zh": "无", "subject_en": "none", "unit": "件", "kind": "metric",
         "part": "review", "theme": "proposals", "near": ["不存在的词"]},
    ]}, allow_unicode=True), encoding="utf-8")
    with pytest.raises(IntegrityError) as e:
        bind_all(load_catalog(path), report_doc, extract(report_doc), str(path))
    msg = str(e.value)
    assert "'x.count' (line 2) matches 2 numbers: 1551件" in msg and "2件" in msg
    assert re.search(r"'x.none' \(line \d+\) matches no number", msg)


@pytest.mark.parametrize("mutate,message", [
    (lambda t: t.replace("unit: 件", "unit: 件件", 1), r"line \d+: claim '.*' has unknown unit '件件'"),
    (lambda t: t.replace("id: proposals.filed", "id: proposals.received", 1), "duplicate claim id 'proposals.received'"),
    (lambda t: re.sub(r"\n    subject_en: [^\n]*", "", t, count=1), "is missing field 'subject_en'"),
    (lambda t: t.replace("kind: metric", "kind: metrics", 1), "has kind 'metrics'"),
    (lambda t: t + "\n  - [not, a, mapping]\n", "a claim must be a mapping"),
])
def test_catalog_typos_name_file_line_and_claim(tmp_path, mutate, message):
    bad = tmp_path / "catalog.yml"
    bad.write_text(mutate(CATALOG.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(CatalogError, match=message) as e:
        load_catalog(bad)
    assert str(bad) in str(e.value) and "\n" not in str(e.value)


def test_reviewed_values_must_agree(catalog, report_doc, tmp_path):
    rows = claim_rows(bind_all(catalog, report_doc, extract(report_doc)), "x")
    reviewed = load_reviewed(REVIEWED)
    compare_reviewed(rows, reviewed)  # passes on the signed-off values
    reviewed["proposals.received"] = dict(reviewed["proposals.received"], value="1552")
    with pytest.raises(IntegrityError, match="'proposals.received' reviewed .*1552.* the text gives 1551件"):
        compare_reviewed(rows, reviewed)
    del reviewed["proposals.filed"]
    with pytest.raises(IntegrityError, match="'proposals.filed' has no reviewed value"):
        compare_reviewed(rows, reviewed)
