"""Yearly editions: new-edition → review → build → diff, on a made-up next-year text and
on a real report the catalog was not written for."""

import json
import shutil

import pytest

from conftest import CORPUS, ROOT, cli, copy_project, read_csv
from nextyear import expected_diff, make_text
from reportfigures.yearly import compare


@pytest.fixture(scope="module")
def round_trip(built_edition, tmp_path_factory):
    """A project with the 2024 edition built and the made-up 2025 text taken through the
    whole cycle; returns (root, exit codes, expected changes)."""
    tmp = tmp_path_factory.mktemp("yearly")
    root = copy_project(tmp / "proj")
    shutil.copytree(built_edition / "outputs" / "2024", root / "outputs" / "2024")
    text, changes = make_text((ROOT / "data" / "raw" / "2024" / "report.txt").read_text(encoding="utf-8"))
    src = tmp / "report-2025.txt"
    src.write_text(text, encoding="utf-8")
    codes = {"new": cli("--root", root, "new-edition", "--year", 2025, "--text", src)}
    codes["accept"] = cli("--root", root, "accept", "--year", 2025)
    codes["build"] = cli("--root", root, "build", "--year", 2025)
    codes["diff"] = cli("--root", root, "diff", 2024, 2025, "--csv", tmp / "diff.csv")
    return root, codes, changes, tmp / "diff.csv"


def test_draft_lists_found_missing_and_new(round_trip):
    root, codes, changes, _ = round_trip
    assert codes["new"] == 1  # the draft has new and missing claims to look at
    rows = read_csv(root / "data" / "editions" / "2025" / "claims.draft.csv")
    by_id = {r["claim_id"]: r for r in rows if r["claim_id"]}
    for ch in changes:
        if ch["claim_id"] and ch["status"] == "found":
            r = by_id[ch["claim_id"]]
            assert r["status"] == "found" and float(r["value"]) == float(ch["new_value"]), ch
            assert r["qualifier"] == ch["new_qualifier"] and r["sentence"]
        elif ch["claim_id"]:
            assert by_id[ch["claim_id"]]["status"] == "missing"
    new = [r for r in rows if r["status"] == "new"]
    assert sorted(r["surface"] for r in new) == sorted(expected_diff(changes)["new_uncovered"])
    assert all(r["origin"] == "auto" and ".auto." in r["claim_id"] and r["theme"] for r in new)
    assert (root / "data" / "raw" / "2025" / "report.meta.yml").exists()


def test_accept_build_and_diff(round_trip):
    root, codes, changes, diff_csv = round_trip
    assert codes["accept"] == 0 and codes["build"] == 0
    assert codes["diff"] == compare.CLAIMS_DIFFER  # two claims are only in 2024
    exp = expected_diff(changes)
    rows = {r["claim_id"]: r for r in read_csv(diff_csv)}
    assert sorted(i for i, r in rows.items() if r["status"] == "gone") == sorted(exp["only_in_2024"])
    assert sorted(r["new"] for r in rows.values() if r["status"] == "new") == sorted(
        r["new"] for r in rows.values() if r["origin"] == "auto")  # every new number is a new claim
    assert sorted(i for i, r in rows.items() if r["status"] == "value_changed") == sorted(exp["changed_values"])
    assert sorted(i for i, r in rows.items() if r["qualifier_change"]) == sorted(exp["qualifier_changes"])
    assert rows["social_opinion.submitted"]["qualifier_change"] == "at_least → approx"
    out = root / "outputs" / "2025"
    assert (out / "compare" / "diff.csv").exists() and (out / "notebooks" / "compare.html").exists()
    assert list((out / "charts").glob("changes_2024_2025.svg")) and list((out / "charts" / "en").glob("changes_2024_2025.svg"))
    index = (root / "outputs" / "index.html").read_text(encoding="utf-8")
    assert 'href="2024/index.html"' in index and 'href="2025/compare/diff.csv"' in index
    record = json.loads((out / "edition.json").read_text(encoding="utf-8"))
    assert record["params"]["absent_claims"] == sorted(exp["only_in_2024"])


def _edition(dir_, claims):
    dir_.mkdir(parents=True)
    (dir_ / "claims.json").write_text(json.dumps(claims), encoding="utf-8")
    (dir_ / "derived.json").write_text("[]", encoding="utf-8")
    (dir_ / "findings.json").write_text("[]", encoding="utf-8")


C = {"id": "a.b", "subject_zh": "x", "value": 300, "unit": "件", "qualifier": "at_least"}


@pytest.mark.parametrize("new,code", [
    ([C], compare.IDENTICAL),
    ([C | {"value": 400, "qualifier": "approx"}], compare.VALUES_DIFFER),
    ([C | {"qualifier": "approx"}], compare.VALUES_DIFFER),
    ([C, C | {"id": "a.c"}], compare.CLAIMS_DIFFER),
    ([], compare.CLAIMS_DIFFER),
])
def test_diff_exit_codes(tmp_path, new, code):
    _edition(tmp_path / "outputs" / "2024", [C])
    _edition(tmp_path / "outputs" / "2025", new)
    (tmp_path / "data" / "raw").mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text("")
    assert cli("--root", tmp_path, "diff", 2024, 2025) == code


def test_diff_of_an_unbuilt_edition_exits_1(tmp_path, capsys):
    _edition(tmp_path / "outputs" / "2024", [C])
    (tmp_path / "data" / "raw").mkdir(parents=True)
    assert cli("--root", tmp_path, "diff", 2024, 2030) == compare.UNLOADABLE
    assert "edition 2030 is not built" in capsys.readouterr().err


def test_qualifier_change_is_reported_apart_from_value():
    (row,) = compare.diff_claims([C], [C | {"value": 400, "qualifier": "approx"}])
    assert row["old"] == "至少300件" and row["new"] == "约400件"
    assert row["qualifier_change"] == "at_least → approx" and row["pct_change"] == 33.33


@pytest.mark.skipif(not CORPUS.exists(), reason="corpus of 2026 reports not beside the checkout")
def test_real_report_degrades_gracefully(project):
    """A provincial government report: most claims missing, the keywords in unrelated
    sentences never bound, and every claim-like number a new automatic claim."""
    code = cli("--root", project, "new-edition", "--year", 2026, "--text", CORPUS / "2026-chongqing.txt")
    assert code == 1
    rows = read_csv(project / "data" / "editions" / "2026" / "claims.draft.csv")
    catalog = [r for r in rows if r["origin"] == "catalog"]
    assert len(catalog) == 71 and {r["status"] for r in rows} <= {"found", "missing", "new"}
    assert sum(r["status"] == "missing" for r in catalog) >= 60
    found = [r["claim_id"] for r in catalog if r["status"] == "found"]
    assert "report.work_areas" in found and len(found) <= 4  # 主要抓了九个方面工作: the same kind of sentence
    assert "proposals.received" not in found  # 政协提案1255件 in a government report is another count
    assert sum(r["status"] == "new" for r in rows) > 100
