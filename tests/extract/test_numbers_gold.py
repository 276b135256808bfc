"""The extractor against the hand-checked table of every number in the 2024 report."""

import pytest

from reportfigures.extract.mention import KINDS, QUALIFIERS
from reportfigures.extract.extraction import extract

CHECKED = ("metric", "target", "list_count")


@pytest.fixture(scope="module")
def mentions(report_doc):
    return {(m.start, m.end): m for m in extract(report_doc)}


def _value(s: str):
    return float(s) if s else None


def test_every_gold_mention_is_found_with_its_exact_span(mentions, gold_numbers):
    missing = [g["surface"] for g in gold_numbers if (int(g["start"]), int(g["end"])) not in mentions]
    assert missing == []


def test_nothing_is_extracted_that_the_gold_table_lacks(mentions, gold_numbers):
    gold = {(int(g["start"]), int(g["end"])) for g in gold_numbers}
    assert [m.surface for k, m in mentions.items() if k not in gold] == []


@pytest.mark.parametrize("field", ["surface", "unit", "qualifier", "kind"])
def test_field_by_field(mentions, gold_numbers, field):
    wrong = [(g["surface"], g[field], getattr(mentions[(int(g["start"]), int(g["end"]))], field))
             for g in gold_numbers
             if str(getattr(mentions[(int(g["start"]), int(g["end"]))], field)) != g[field]]
    assert wrong == []


def test_values(mentions, gold_numbers):
    wrong = [(g["surface"], g["value"], mentions[(int(g["start"]), int(g["end"]))].value)
             for g in gold_numbers
             if _value(g["value"]) != mentions[(int(g["start"]), int(g["end"]))].value]
    assert wrong == []


def test_gold_table_is_self_consistent(report_text, gold_numbers):
    assert len(gold_numbers) > 100
    for g in gold_numbers:
        assert report_text[int(g["start"]):int(g["end"])] == g["surface"]
        assert g["kind"] in KINDS and g["qualifier"] in QUALIFIERS
    starts = [int(g["start"]) for g in gold_numbers]
    assert starts == sorted(starts)


def test_every_mention_carries_provenance(report_doc, report_text):
    for m in extract(report_doc):
        assert report_text[m.start:m.end] == m.surface
        assert m.sentence and m.section
        core = m.surface.strip("超约近余多以上下左右")[:1]
        assert core in m.sentence or m.kind == "ordinal"


def test_list_counts_carry_their_items(mentions, report_text):
    by_surface = {m.surface: m for m in mentions.values()}
    assert len(by_surface["3项"].listed) == 3
    eight = by_surface["8个"]
    assert len(eight.listed) == 9 and eight.listed_open  # nine brands listed for 8个
    assert by_surface["六个方面"].listed[0].startswith("(一)")
    assert by_surface["四难"].kind == "list_count" and len(by_surface["四难"].listed) == 4
