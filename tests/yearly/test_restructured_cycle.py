"""Next year's report rebuilt whole: new-edition → accept → build → diff on a made-up,
restructured 2025 text (tests/fixtures/nextyear_2025_restructured/: regrouped sections,
reworded sentences, new numbers, planted problems), with no hand edit between commands."""

import json
import shutil

import pytest
import yaml

from conftest import FIXTURES, cli, copy_project, read_csv
from reportfigures.yearly import compare

FIXTURE = FIXTURES / "nextyear_2025_restructured"


@pytest.fixture(scope="module")
def expected():
    return yaml.safe_load((FIXTURE / "expected.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def text():
    return (FIXTURE / "report.txt").read_text(encoding="utf-8")


def at(text: str, entry: dict) -> int:
    """The offset of an expected number, by its unique context."""
    i = text.index(entry["context"])
    return i + entry["context"].index(entry["surface"])


@pytest.fixture(scope="module")
def cycle(built_edition, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("restructured")
    root = copy_project(tmp / "proj")
    shutil.copytree(built_edition / "outputs" / "2024", root / "outputs" / "2024")
    codes = {"new": cli("--root", root, "new-edition", "--year", 2025, "--text", FIXTURE / "report.txt")}
    codes["accept"] = cli("--root", root, "accept", "--year", 2025)
    codes["build"] = cli("--root", root, "build", "--year", 2025)
    codes["diff"] = cli("--root", root, "diff", 2024, 2025, "--csv", tmp / "diff.csv")
    out = root / "outputs" / "2025"
    claims = json.loads((out / "claims.json").read_text(encoding="utf-8"))
    findings = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    return root, codes, claims, findings, read_csv(tmp / "diff.csv")


def test_the_commands_run_without_a_hand_edit(cycle):
    _, codes, *_ = cycle
    assert codes == {"new": 1, "accept": 0, "build": 0, "diff": compare.CLAIMS_DIFFER}


def test_every_claim_like_number_is_a_claim(cycle, expected, text):
    _, _, claims, _, _ = cycle
    by_start = {c["start"]: c for c in claims}
    assert len(claims) == len(expected["carried"]) + len(expected["new"])
    for e in expected["carried"]:  # last year's claims keep their ids
        c = by_start[at(text, e)]
        assert (c["id"], c["origin"], float(c["value"]), c["qualifier"]) == (
            e["claim_id"], "catalog", float(e["value"]), e["qualifier"]), e
    for e in expected["new"]:  # the rest are automatic claims, of the kind the text gives them
        c = by_start[at(text, e)]
        assert c["origin"] == "auto" and ".auto." in c["id"] and c["kind"] == e["kind"], (e, c["id"], c["kind"])
    assert not {c["id"] for c in claims} & set(expected["absent"])


def test_each_planted_problem_is_caught(cycle, expected, text):
    _, _, claims, findings, _ = cycle
    by_start = {c["start"]: c for c in claims}
    surface_id = {c["surface"]: c["id"] for c in claims}
    for p in expected["planted"]:
        ids = {surface_id[s] for s in p["surfaces"]}
        hits = [f for f in findings if f["rule"] in (p["rule"], "parts_within") and ids <= set(f["claims"].split(";"))]
        assert hits, p
        assert hits[0]["rating"] == p["rating"], (p, hits[0]["rating"], hits[0]["sentence_zh"])
        if p.get("at_fault"):
            assert hits[0]["at_fault"] == surface_id[p["at_fault"]], p
    wrong = next(f for f in findings if f["rule"] == "change_vs_base" and f["rating"] == "contradiction")
    assert "1551件" in wrong["sentence_zh"] and "57件" in wrong["sentence_zh"] and "67件" in wrong["sentence_zh"]
    assert by_start  # the planted numbers are claims themselves


def test_no_sound_relation_is_flagged(cycle, expected):
    _, _, claims, findings, _ = cycle
    surface_id = {c["surface"]: c["id"] for c in claims}
    for s in expected["sound"]:
        ids = {surface_id[x] for x in s["surfaces"]}
        named = [f for f in findings if ids & set(f["claims"].split(";")) and f["rule"] == s["rule"]]
        assert named and all(f["rating"] == "consistent" for f in named), (s, [(f["rating"], f["sentence_zh"]) for f in named])
    planted = {surface_id[p["at_fault"]] for p in expected["planted"] if p.get("at_fault")}
    contradictions = {f["at_fault"] for f in findings if f["rating"] == "contradiction"}
    assert contradictions == planted  # nothing but the planted problems contradicts


def test_the_diff_lists_the_new_claims_as_new(cycle, expected):
    root, _, claims, _, diff = cycle
    new = {r["claim_id"] for r in diff if r["status"] == "new"}
    assert new == {c["id"] for c in claims if c["origin"] == "auto"}
    assert {r["claim_id"] for r in diff if r["status"] == "gone"} == set(expected["absent"])
    changes = read_csv(root / "outputs" / "2025" / "compare" / "changes.csv")
    assert sorted(r["rating"] for r in changes) == ["consistent", "consistent", "contradiction"]


def test_every_theme_of_the_claims_has_its_notebook(cycle):
    root, _, claims, _, _ = cycle
    nbs = root / "outputs" / "2025" / "notebooks"
    for theme in {c["theme"] for c in claims}:
        assert (nbs / f"theme_{theme}.html").exists(), theme
    table = (nbs / "theme_proposals.html").read_text(encoding="utf-8")
    auto = [c for c in claims if c["theme"] == "proposals" and c["origin"] == "auto"]
    assert auto and all(c["id"] in table for c in auto)  # a theme notebook shows its automatic claims too
