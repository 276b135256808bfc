"""The hand-labelled parts fixture on two 2026 reports is well-formed (tests/fixtures/parts_2026/).

Only the fixture is checked here: columns, allowed labels, no duplicates, headings in order,
each mention's part agreeing with the headings, and (when the 2026 corpus is beside the
checkout) that every row's offsets give its text in the report read with `read_text`.
No classifier is tested here.
"""

import csv

import pytest

from conftest import CORPUS, FIXTURES

PARTS_DIR = FIXTURES / "parts_2026"
NAMES = ("gansu", "fujian")
PARTS = {"review", "plan", "tasks", "other"}
EXPECTED = {"target", "metric", "list_count", "not_a_quantity"}
BEFORE = "(before first heading)"
HEADING_COLUMNS = ["start", "end", "text", "part"]
MENTION_COLUMNS = ["start", "end", "surface", "part", "expected", "note"]

needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="corpus of 2026 reports not beside the checkout")


def _read(path, columns):
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == columns, f"{path.name}: columns {reader.fieldnames}"
        rows = list(reader)
    for r in rows:
        r["start"], r["end"] = int(r["start"]), int(r["end"])
    return rows


def headings(name):
    return _read(PARTS_DIR / f"{name}.headings.csv", HEADING_COLUMNS)


def mentions(name):
    return _read(PARTS_DIR / f"{name}.mentions.csv", MENTION_COLUMNS)


def part_at(heads, pos):
    part = None
    for h in heads:
        if pos >= h["start"]:
            part = h["part"]
    return part


@pytest.fixture(scope="module", params=NAMES)
def name(request):
    return request.param


def test_readme_present():
    assert (PARTS_DIR / "README.md").is_file()


def test_headings_well_formed(name):
    heads = headings(name)
    assert heads[0]["text"] == BEFORE and heads[0]["start"] == 0 and heads[0]["part"] == "other"
    assert len(heads) >= 2 and all(h["text"] != BEFORE for h in heads[1:])
    assert heads[0]["end"] == heads[1]["start"]
    for h in heads:
        assert h["part"] in PARTS, h
        assert h["start"] < h["end"], h
    starts = [h["start"] for h in heads]
    assert starts == sorted(starts) and len(set(starts)) == len(starts), "headings out of order or repeated"
    for a, b in zip(heads[1:], heads[2:]):
        assert a["end"] <= b["start"], (a, b)


def test_mentions_well_formed(name):
    rows = mentions(name)
    heads = headings(name)
    assert rows, "no mentions"
    keys = [(r["start"], r["end"], r["surface"]) for r in rows]
    assert len(set(keys)) == len(keys), "duplicate rows"
    starts = [r["start"] for r in rows]
    assert starts == sorted(starts), "mentions not in text order"
    for a, b in zip(rows, rows[1:]):
        assert a["end"] <= b["start"], f"overlapping mentions {a['surface']} / {b['surface']}"
    for r in rows:
        assert r["expected"] in EXPECTED, r
        assert r["part"] in PARTS, r
        assert r["start"] < r["end"] and r["end"] - r["start"] == len(r["surface"]), r
        assert r["part"] == part_at(heads, r["start"]), f"part of {r['surface']}@{r['start']} disagrees with the headings"
        if r["expected"] == "not_a_quantity":
            assert r["note"].strip(), f"not_a_quantity without a note: {r}"
        if r["note"].lower().startswith("uncertain") and not r["note"].startswith("uncertain:"):
            pytest.fail(f"uncertain note not written as 'uncertain:': {r}")


def test_each_report_states_targets(name):
    assert any(r["expected"] == "target" for r in mentions(name))


@needs_corpus
def test_offsets_index_the_text(name):
    from reportfigures.source.read import read_text

    text = read_text(CORPUS / f"2026-{name}.txt").text
    for r in mentions(name):
        assert text[r["start"]:r["end"]] == r["surface"], r
    for h in headings(name)[1:]:
        assert text[h["start"]:h["end"]] == h["text"], h
        # a heading is a whole line of its own
        assert h["start"] == 0 or text[h["start"] - 1] == "\n", h
        assert h["end"] == len(text) or text[h["end"]] in "\r\n", h
    assert headings(name)[-1]["start"] < len(text)
