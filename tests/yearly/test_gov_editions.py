"""A report the catalog was never written for, as a reporter would run it: new-edition →
accept → build for one year, then the next year checked against it, from real texts."""

import json
import shutil
from pathlib import Path

import pytest

from conftest import cli, copy_project

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not beside the checkout")
TEXT = {y: CORPUS / f"gov-work-reports-{y}" / f"{y}-chongqing.txt" for y in (2025, 2026)}


@pytest.fixture(scope="module")
def gov(tmp_path_factory) -> Path:
    """chongqing-gov 2025 and 2026, drafted, accepted and built in a throwaway project."""
    root = copy_project(tmp_path_factory.mktemp("gov") / "proj")
    shutil.rmtree(root / "data" / "editions" / "chongqing-gov", ignore_errors=True)
    shutil.rmtree(root / "data" / "raw" / "chongqing-gov", ignore_errors=True)
    for year in (2025, 2026):
        assert cli("--root", root, "new-edition", "--report", "chongqing-gov", "--year", year, "--text", TEXT[year]) in (0, 1)
        assert cli("--root", root, "accept", "--report", "chongqing-gov", "--year", year) == 0
        assert cli("--root", root, "build", "--report", "chongqing-gov", "--year", year) == 0
    return root


def out(root: Path, year: int) -> Path:
    return root / "outputs" / "chongqing-gov" / str(year)


def table(root: Path, year: int, name: str) -> list[dict]:
    return json.loads((out(root, year) / f"{name}.json").read_text(encoding="utf-8"))


def test_the_first_year_is_a_full_edition_of_automatic_claims(gov):
    d = out(gov, 2025)
    for f in ("index.html", "en/index.html", "claims.csv", "findings.csv", "numbers.csv", "datapackage.json",
              "edition.xlsx", "validation.html", "annotations.json", "figures.json", "themes.json"):
        assert (d / f).is_file(), f
    claims = table(gov, 2025, "claims")
    assert all(c["origin"] == "auto" for c in claims) and {c["theme"] for c in claims} >= {"review", "tasks"}
    ids = {c["id"]: c for c in claims}
    assert ids["gdp.growth"]["surface"] == "5.7%" and ids["gdp.growth.target"]["surface"] == "6%左右"
    assert ids["gdp.growth"]["subject_en"] == "growth of GDP"
    figures = json.loads((d / "figures.json").read_text(encoding="utf-8"))
    assert {f["id"] for f in figures} >= {"review_growth", "tasks_growth"}
    for f in figures:  # one scale per unit: bars hold one unit, panels one per unit
        units = {ids[c]["unit"] for c in f["claims"]}
        assert f["type"] == "panels" or len(units) == 1
    assert (d / "charts" / "review_growth.svg").is_file() and (d / "charts" / "en" / "review_growth.png").is_file()


def test_provenance_is_read_from_the_text(gov):
    page = (out(gov, 2025) / "index.html").read_text(encoding="utf-8")
    for fact in ("重庆市人民政府", "2025年1月19日", "重庆市第六届人民代表大会第三次会议", "胡衡华"):
        assert fact in page
    en = (out(gov, 2025) / "en" / "index.html").read_text(encoding="utf-8")
    assert "Hu Henghua (mayor)" in en and "People's Government of Chongqing Municipality" in en


def test_the_next_year_carries_claims_by_id_and_sets_targets_beside_results(gov):
    was, now = {c["id"]: c for c in table(gov, 2025, "claims")}, {c["id"]: c for c in table(gov, 2026, "claims")}
    assert now["gdp.growth"]["surface"] == "5.3%" and was["gdp.growth"]["surface"] == "5.7%"
    assert len(set(was) & set(now)) >= 25
    rows = {r["target_id"]: r for r in table(gov, 2026, "targets")}
    gdp = rows["gdp.growth.target"]
    assert (gdp["target_surface"], gdp["result_surface"], gdp["outcome"]) == ("6%左右", "5.3%", "missed")
    assert {r["outcome"] for r in rows.values()} == {"met", "missed", "not_reported"}
    page = (out(gov, 2026) / "index.html").read_text(encoding="utf-8")
    assert page.index('id="targets"') < page.index('id="findings"')  # what a reader wants first
    assert (out(gov, 2026) / "charts" / "targets_2025_2026.svg").is_file()


def test_the_data_package_and_the_database_hold_the_report(gov):
    from reportfigures.tables import database
    from reportfigures.tables import datapackage
    pkg = json.loads((out(gov, 2026) / "datapackage.json").read_text(encoding="utf-8"))
    assert pkg["name"] == "reportfigures-chongqing-gov-2026" and "targets" in [r["name"] for r in pkg["resources"]]
    assert datapackage.validate(out(gov, 2026) / "datapackage.json") == []
    import sqlite_utils
    db = sqlite_utils.Database(database.path(gov, "chongqing-gov"))
    assert [r["year"] for r in db.query("select year from editions order by year")] == [2025, 2026]
    assert list(db.query("select surface from claims where year = 2026 and id = 'gdp.growth'"))[0]["surface"] == "5.3%"


def test_the_cppcc_report_is_checked_against_the_government_report_of_its_year(gov):
    from reportfigures.tables.compute import compute
    from reportfigures.tables.inputs import load_inputs
    res = compute(load_inputs(gov, 2024))
    f = next(f for f in res.findings if f["rule"] == "cross_document")
    assert f["rating"] == "consistent" and "1081件" in f["sentence_zh"] and "1364件" in f["sentence_zh"]
    assert f["claims"] == "proposals.filed"


def test_the_index_lists_every_report(gov):
    page = (gov / "outputs" / "index.html").read_text(encoding="utf-8")
    assert "chongqing-gov/2026/index.html" in page and "chongqing-gov/2025/index.html" in page
