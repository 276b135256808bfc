"""The catalog, its locators, the assignment that binds them, and the signed-off review."""

import re

import pytest

from conftest import ROOT, claims_2024
from reportfigures.claims.binding import assign, profiles
from reportfigures.claims.catalog import claimable, load_catalog, locate
from reportfigures.claims.review import claims_from_review, load_reviewed
from reportfigures.errors import CatalogError, IntegrityError
from reportfigures.extract.extraction import extract
from reportfigures.text.document import Document

CATALOG = ROOT / "data" / "claims" / "catalog.yml"
REVIEWED = ROOT / "data" / "editions" / "2024" / "claims.reviewed.csv"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(CATALOG)


@pytest.fixture(scope="module")
def base(catalog, report_doc):
    """How the 2024 claims stood in their text: what next year's numbers should resemble."""
    bound = {cid: int(r["start"]) for cid, r in load_reviewed(REVIEWED).items()}
    return profiles(report_doc, claimable(extract(report_doc)), bound)


def bind(catalog, text, base=None):
    doc = Document(text)
    return {b.claim.id: b for b in assign(catalog, doc, claimable(extract(doc)), base=base)}


def test_each_locator_matches_exactly_one_number_of_2024(catalog, report_doc):
    located = locate(catalog, report_doc, extract(report_doc))
    assert {loc.status for loc in located} == {"found"}
    starts = [loc.mention.start for loc in located]
    assert len(starts) == len(set(starts)) == len(claimable(extract(report_doc)))


def test_the_assignment_reproduces_the_2024_review(catalog, report_doc):
    """Without a base year, the catalog's own words decide: every claim lands where it was reviewed."""
    got = bind(catalog, report_doc.text)
    reviewed = load_reviewed(REVIEWED)
    assert {cid: b.mention.start for cid, b in got.items()} == {cid: int(r["start"]) for cid, r in reviewed.items()}


def test_claims_match_the_hand_checked_values(report_doc, gold_numbers):
    gold = {int(g["start"]): g for g in gold_numbers}
    for r in claims_2024(report_doc):
        assert float(gold[r["start"]]["value"]) == float(r["value"]), r["id"]
        assert r["origin"] == "catalog" and r["section_title"] is not None


def test_reworded_sentences_still_bind(catalog, report_text, base):
    text = (report_text.replace("全年共收到提案1551件", "全年市政协共计受理各类提案1620件")
            .replace("经审查立案1364件", "经认真审查后立案1400件")
            .replace("查找消防、道路安全、易燃易爆品管理、城市运行维护等方面安全风险隐患443处",
                     "查找消防、道路安全等方面重大风险点510处"))  # the keyword 隐患 is gone
    got = bind(catalog, text, base)
    assert got["proposals.received"].mention.value == 1620
    assert got["proposals.filed"].mention.value == 1400
    hazards = got["safety.hazards_found"]
    assert hazards.mention.value == 510 and hazards.how == "assignment"  # found by the soft score


def test_a_decoy_loses_to_the_true_successor(catalog, report_text, base):
    """The decoy has the unit and the keyword, not the neighbours nor last year's sentence."""
    text = report_text.replace("满意率达98.16%。", "满意率达98.16%。督办重点提案1700件。").replace("1551件", "1608件")
    got = bind(catalog, text, base)
    b = got["proposals.received"]
    assert b.mention.surface == "1608件" and b.runner_up.surface == "1700件" and b.margin > 0


def test_a_claim_whose_sentence_is_gone_is_missing_not_stolen(catalog, report_text, base):
    text = report_text.replace("履职成果获国务院、全国政协领导批示6次,", "")
    got = bind(catalog, text, base)
    assert got["consultation.instructions_national"].status == "missing"


def test_each_number_takes_at_most_one_claim(catalog, report_text, base):
    got = bind(catalog, report_text.replace("被采用177篇,其中单篇29篇", "被采用177篇"), base)
    starts = [b.mention.start for b in got.values() if b.mention]
    assert len(starts) == len(set(starts))
    assert got["social_opinion.single_piece"].status == "missing"


def test_pinned_and_absent_claims_are_taken_as_given(catalog, report_doc):
    doc = report_doc
    ms = claimable(extract(doc))
    two = next(m for m in ms if m.surface == "2件")
    got = {b.claim.id: b for b in assign(catalog, doc, ms, pinned={"proposals.received": two.start},
                                         absent={"proposals.filed"})}
    assert got["proposals.received"].mention.surface == "2件" and got["proposals.received"].how == "override"
    assert got["proposals.filed"].status == "absent" and got["proposals.filed"].mention is None
    assert got["proposals.national_good"].mention is None or got["proposals.national_good"].mention.start != two.start


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


def test_the_build_stops_when_the_text_disagrees_with_the_review(catalog, report_doc):
    by_id = {c.id: c for c in catalog}
    reviewed = load_reviewed(REVIEWED)
    ms = extract(report_doc)
    assert len(claims_from_review(report_doc, ms, reviewed, by_id, "x")) == 71  # passes on the signed-off values
    bad = dict(reviewed, **{"proposals.received": dict(reviewed["proposals.received"], value="1552")})
    with pytest.raises(IntegrityError, match="'proposals.received' reviewed .*1552.* the text gives 1551件"):
        claims_from_review(report_doc, ms, bad, by_id, "x")
    moved = dict(reviewed, **{"proposals.filed": dict(reviewed["proposals.filed"], start="5")})
    with pytest.raises(IntegrityError, match="'proposals.filed' was reviewed as 1364件 at 5"):
        claims_from_review(report_doc, ms, moved, by_id, "x")
    short = {k: v for k, v in reviewed.items() if k != "proposals.filed"}
    with pytest.raises(IntegrityError, match="1 claimable number\\(s\\) not reviewed .*1364件"):
        claims_from_review(report_doc, ms, short, by_id, "x")


def test_a_reviewed_file_in_another_encoding_is_one_line(tmp_path):
    bad = tmp_path / "claims.reviewed.csv"
    bad.write_bytes(REVIEWED.read_text(encoding="utf-8").encode("gb18030"))
    with pytest.raises(CatalogError, match="is not UTF-8") as e:
        load_reviewed(bad)
    assert "\n" not in str(e.value)
