"""The anchor's own published Chinese test cases, our report-like selection of them
(tests/fixtures/recognizers_cases.md): every row read right, value, unit, qualifier, offsets."""

import csv
import math

import pytest

from conftest import FIXTURES
from reportfigures.extract.extraction import extract

with open(FIXTURES / "recognizers_cases.csv", encoding="utf-8", newline="") as f:
    CASES = list(csv.DictReader(f))


def _num(s):
    return float(s) if s else None


def test_the_selection_covers_every_model_and_look_alikes():
    models = {r["model"] for r in CASES}
    assert models == {"NumberModel", "PercentModel", "NumberRangeModel"} and len(CASES) >= 120
    assert sum(not r["surface"] for r in CASES) >= 7  # look-alikes the spec says are no numbers
    for r in CASES:
        assert not r["surface"] or r["surface"] in r["text"]


@pytest.mark.parametrize("row", CASES, ids=[f"{i}:{r['spec_input'][:12]}" for i, r in enumerate(CASES)])
def test_case(row):
    ms = extract(row["text"])
    for m in ms:
        assert row["text"][m.start:m.end] == m.surface
    if not row["surface"]:
        assert ms == [], [m.surface for m in ms]
        return
    start = row["text"].index(row["surface"])
    m = next((m for m in ms if (m.start, m.end) == (start, start + len(row["surface"]))), None)
    assert m is not None, [(m.surface, m.value) for m in ms]
    assert math.isclose(m.value, _num(row["value"]), rel_tol=1e-12), (m.value, row["value"])
    assert (m.unit, m.qualifier) == (row["unit"], row["qualifier"])
    assert (m.high is None and not row["high"]) or math.isclose(m.high, _num(row["high"]))
