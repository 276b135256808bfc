"""Claims of one report checked against another report of the same year: the kinds are data,
each check fails on numbers that cannot both be true and passes on numbers that can."""

import pytest

from reportfigures.checks import crosscheck
from reportfigures.errors import CatalogError


def claim(cid, value, surface, sentence, unit="件", kind="metric"):
    return {"id": cid, "value": value, "unit": unit, "qualifier": "exact", "kind": kind, "surface": surface,
            "sentence": sentence, "start": 0, "end": len(surface)}


def test_a_locator_finds_the_one_claim_its_words_stand_beside():
    cs = [claim("a.x", 1081, "1081件", "办理市人大代表建议1284件、政协提案1081件，提请审议法规14件"),
          claim("a.y", 1284, "1284件", "办理市人大代表建议1284件、政协提案1081件，提请审议法规14件")]
    assert crosscheck.locate({"near": ["政协提案"], "unit": "件"}, cs)["id"] == "a.x"
    assert crosscheck.locate({"near": ["政协提案"], "unit": "项"}, cs) is None
    assert crosscheck.locate("a.y", cs)["id"] == "a.y"


def test_the_file_names_what_is_wrong(tmp_path):
    (tmp_path / "data" / "claims").mkdir(parents=True)
    path = tmp_path / "data" / "claims" / "crosschecks.yml"
    path.write_text("kinds: {part_of_whole: {larger: contradiction, not_larger: consistent}}\n"
                    "pairings:\n  - {id: p, kind: divides, part: {report: a, claim: x}, whole: {report: b, claim: y}}\n",
                    encoding="utf-8")
    with pytest.raises(CatalogError, match="pairing 'p' has kind 'divides'"):
        crosscheck.load(tmp_path)
    path.write_text("kinds: {part_of_whole: {larger: contradiction, not_larger: consistent}}\n"
                    "pairings:\n  - {id: p, kind: part_of_whole, part: {report: a}}\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="needs 'part' with a report and a claim"):
        crosscheck.load(tmp_path)


@pytest.mark.parametrize("handled,rating", [(1081, "consistent"), (1400, "contradiction")])
def test_part_of_whole_across_reports(tmp_path, handled, rating):
    gov = [claim("review.auto.zhengxie_tian_jian", handled, f"{handled}件", f"办理政协提案{handled}件，提请审议法规14件")]
    cppcc = [claim("proposals.filed", 1364, "1364件", "经审查立案1364件")]
    editions = lambda report: {2024: (2025, {"title": "政府工作报告", "title_en": "gov"}, gov)}  # noqa: E731
    import shutil
    from conftest import ROOT
    (tmp_path / "data" / "claims").mkdir(parents=True)
    shutil.copy(ROOT / crosscheck.FILE, tmp_path / crosscheck.FILE)
    fs = crosscheck.findings(tmp_path, "chongqing-cppcc", {"reviewed_year": 2024}, cppcc, editions)
    assert [f.rating for f in fs] == [rating]
    assert fs[0].claims == ["proposals.filed"] and fs[0].at_fault == (["proposals.filed"] if rating == "contradiction" else [])
    assert f"{handled}件" in fs[0].sentence_zh and "1364件" in fs[0].sentence_zh
    # a report of another year is not evidence
    assert crosscheck.findings(tmp_path, "chongqing-cppcc", {"reviewed_year": 2023}, cppcc, editions) == []
