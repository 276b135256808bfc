"""The reviewer's commands between new-edition and build: bind (override one binding) and
promote (an automatic claim into the catalog), each a command, never a YAML edit."""

import csv

import pytest
import yaml

from conftest import FIXTURES
from reportfigures.cli import main
from reportfigures.claims.catalog import load_catalog
from reportfigures.claims.review import load_reviewed
from reportfigures.tables.inputs import bind_claims, load_inputs

FIXTURE = FIXTURES / "nextyear_2025_restructured" / "report.txt"


def cli(*args) -> int:
    return main([str(a) for a in args])


def draft(root):
    with open(root / "data" / "editions" / "2025" / "claims.draft.csv", encoding="utf-8", newline="") as f:
        return {r["claim_id"]: r for r in csv.DictReader(f)}


@pytest.fixture
def drafted(project):
    assert cli("--root", project, "new-edition", "--year", 2025, "--text", FIXTURE) == 1
    return project


def test_a_binding_is_overridden_by_one_command(drafted, capsys):
    root = drafted
    before = draft(root)["proposals.received"]
    assert before["surface"] == "1608件" and before["runner_up"] and before["margin"]
    assert cli("--root", root, "bind", "--year", 2025, "proposals.received", "--to", "70余件") == 0
    after = draft(root)
    assert after["proposals.received"]["surface"] == "70余件" and after["proposals.received"]["status"] == "pinned"
    assert any(r["surface"] == "1608件" and r["status"] == "new" for r in after.values())  # the freed number
    assert cli("--root", root, "bind", "--year", 2025, "proposals.national_good", "--absent") == 0
    assert draft(root)["proposals.national_good"]["status"] == "absent"
    assert cli("--root", root, "bind", "--year", 2025, "proposals.received", "--clear") == 0
    assert draft(root)["proposals.received"]["surface"] == "1608件"
    params = yaml.safe_load((root / "data" / "editions" / "2025" / "edition.yml").read_text(encoding="utf-8"))
    assert params["overrides"] == {"proposals.national_good": "absent"}
    capsys.readouterr()
    assert cli("--root", root, "bind", "--year", 2025, "no.such_claim", "--absent") == 2
    assert "no catalog claim 'no.such_claim'" in capsys.readouterr().err


def test_a_surface_that_is_not_unique_asks_for_an_offset(drafted, capsys):
    assert cli("--root", drafted, "bind", "--year", 2025, "study.training_courses", "--to", "两级") == 2
    err = capsys.readouterr().err
    assert "names 2 claimable numbers" in err and "give @offset" in err and err.count("\n") == 1


def test_an_automatic_claim_is_promoted_into_the_catalog(drafted):
    root = drafted
    auto = next(r for r in draft(root).values() if r["origin"] == "auto" and r["surface"] == "960余件")
    assert cli("--root", root, "promote", "--year", 2025, auto["claim_id"], "--id", "grassroots.livelihood_problems") == 0
    catalog = {c.id: c for c in load_catalog(root / "data" / "claims" / "catalog.yml")}
    entry = catalog["grassroots.livelihood_problems"]
    assert entry.unit == "件" and entry.part == "review" and entry.near
    row = draft(root)["grassroots.livelihood_problems"]
    assert row["origin"] == "catalog" and row["surface"] == "960余件"
    # the promoted entry binds the same number when the year is drafted again
    assert cli("--root", root, "bind", "--year", 2025, "grassroots.livelihood_problems", "--clear") == 0
    assert draft(root)["grassroots.livelihood_problems"]["surface"] == "960余件"
    assert cli("--root", root, "accept", "--year", 2025) == 0
    assert load_reviewed(root / "data" / "editions" / "2025" / "claims.reviewed.csv")[
        "grassroots.livelihood_problems"]["origin"] == "catalog"
    _, claims, _ = bind_claims(load_inputs(root, 2025))
    c = next(c for c in claims if c["id"] == "grassroots.livelihood_problems")
    assert c["origin"] == "catalog" and c["value"] == 960
    log = (root / "data" / "editions" / "2025" / "decisions.log").read_text(encoding="utf-8")
    assert "promote " in log and "bind grassroots.livelihood_problems: cleared" in log and "accept:" in log


def test_accept_never_stops_for_an_ambiguity(drafted):
    """Close calls are flagged in the draft, not refused: the assignment settled them."""
    rows = draft(drafted)
    assert {r["status"] for r in rows.values()} <= {"found", "missing", "new"}
    assert cli("--root", drafted, "accept", "--year", 2025) == 0
