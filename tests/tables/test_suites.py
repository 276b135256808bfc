"""The Great Expectations suites: committed JSON, loadable in a fresh process, able to fail."""

import subprocess
import sys

import pandas as pd
import pytest

from conftest import ROOT
from reportfigures.errors import IntegrityError
from reportfigures.checks.ratings import ORDER
from reportfigures.tables.suites import INTEGRITY_COLUMNS, build_suites, findings_frame, load_suite, run_suite


@pytest.fixture(scope="module")
def good_frame():
    rows = [{"id": "proposals.received", "value": 1551.0, "unit": "件", "qualifier": "exact", "kind": "metric",
             "start": 10, "end": 15, "surface": "1551件", "source_quote": "1551件", "source_sha256": "a",
             "archived_sha256": "a"},
            {"id": "proposals.satisfaction_rate", "value": 98.16, "unit": "%", "qualifier": "exact", "kind": "metric",
             "start": 20, "end": 26, "surface": "98.16%", "source_quote": "98.16%", "source_sha256": "a",
             "archived_sha256": "a"}]
    return pd.DataFrame(rows, columns=INTEGRITY_COLUMNS)


@pytest.fixture(scope="module")
def integrity():
    return load_suite(ROOT, "claims_integrity")


def _plain(e) -> dict:
    d = e.configuration.to_json_dict()
    d.pop("id", None)  # GX assigns ids when a suite is saved
    return d


def failed(res):
    return sorted(r["expectation"] for r in res["results"] if not r["success"])


def test_committed_suites_match_the_package():
    for name, suite in build_suites().items():
        committed = load_suite(ROOT, name)
        assert [_plain(e) for e in committed.expectations] == [_plain(e) for e in suite.expectations], \
            f"run `reportfigures suites --write` ({name})"


def test_suites_load_in_a_fresh_process():
    code = ("import great_expectations as gx; ctx = gx.get_context(mode='file', project_root_dir='expectations');"
            "print(sorted(s.name for s in ctx.suites.all()))")
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "claims_integrity" in res.stdout and "report_consistency" in res.stdout


def test_integrity_passes_on_good_data(integrity, good_frame):
    assert run_suite(integrity, good_frame)["success"]


@pytest.mark.parametrize("mutate,expectation", [
    (lambda d: d.assign(id=[None, "proposals.satisfaction_rate"]), "expect_column_values_to_not_be_null"),
    (lambda d: d.assign(id=["proposals.received"] * 2), "expect_column_values_to_be_unique"),
    (lambda d: d.assign(unit=["件件", "%"]), "expect_column_values_to_be_in_set"),
    (lambda d: d.assign(value=[1551.0, 9816.0]), "expect_column_values_to_be_between"),  # 98.16% read as 9816%
    (lambda d: d.assign(value=[1551.0, -198.16]), "expect_column_values_to_be_between"),
    (lambda d: d.assign(source_quote=["1552件", "98.16%"]), "expect_column_pair_values_to_be_equal"),
    (lambda d: d.assign(end=[5, 26]), "expect_column_pair_values_a_to_be_greater_than_b"),
])
def test_integrity_fails_on_bad_data(integrity, good_frame, mutate, expectation):
    res = run_suite(integrity, mutate(good_frame.copy()))
    assert not res["success"] and expectation in failed(res)


def test_an_expectation_that_raises_is_a_build_error(integrity, good_frame):
    with pytest.raises(IntegrityError, match="raised"):
        run_suite(integrity, good_frame.drop(columns=["source_quote"]))


def finding(rule, rating, at_fault=""):
    return {"check_id": f"{rule}.x", "rule": rule, "origin": "auto", "rating": rating, "sentence_zh": "句子。",
            "sentence_en": "A sentence.", "claims": "a;b", "at_fault": at_fault}


def test_consistency_failures_are_the_findings_against_numbers():
    suite = load_suite(ROOT, "report_consistency")
    ok = findings_frame([finding("list_count", "consistent"), finding("part_whole", "cannot_check")])
    assert run_suite(suite, ok)["success"]
    bad = findings_frame([finding("list_count", "contradiction", "a"), finding("part_whole", "consistent")])
    res = run_suite(suite, bad)
    hit = [r for r in res["results"] if not r["success"]]
    assert len(hit) == 1 and hit[0]["meta"]["rule"] == "list_count" and hit[0]["unexpected_index_list"] == [0]


@pytest.mark.parametrize("rows,expectation", [
    ([finding("sum", "inconsistent", "a")], "expect_column_values_to_be_in_set"),  # not on the scale
    ([finding("sum", "contradiction", "")], "expect_column_values_to_not_be_null"),  # names no number at fault
    ([finding("sum", "consistent") | {"sentence_zh": None}], "expect_column_values_to_not_be_null"),
])
def test_consistency_suite_fails_on_badly_rated_findings(rows, expectation):
    res = run_suite(load_suite(ROOT, "report_consistency"), findings_frame(rows))
    assert expectation in failed(res)


def test_the_suite_documents_the_rating_scale():
    meta = load_suite(ROOT, "report_consistency").meta
    assert [r["id"] for r in meta["rating_scale"]] == list(ORDER)
    assert all(r["zh"] and r["en"] and r["definition_zh"] and r["definition_en"] for r in meta["rating_scale"])


def test_no_string_row_conditions(recwarn):
    """GX 2.0 drops string row conditions: the suites use Condition objects."""
    run_suite(load_suite(ROOT, "claims_integrity"), pd.DataFrame(columns=INTEGRITY_COLUMNS))
    assert not [w for w in recwarn if "row_condition" in str(w.message) or "condition_parser" in str(w.message)]
