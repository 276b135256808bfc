"""Scoring on tests/fixtures/recognizers_cases.csv: the anchor's own published Chinese test
cases (Recognizers-Text Specs/Number/Chinese), our selection of the report-like ones, each
set in a sentence a report could print (tests/fixtures/recognizers_cases.md says how).

Ours is right on a row when a mention has exactly the expected surface, value, unit,
qualifier and high end (or, for a look-alike row, when nothing at all is extracted). The
anchor is right when one of its mentions overlapping the expression has the value its own
spec gives (both ends of a range; nothing at all for a look-alike).
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

CASES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "recognizers_cases.csv"


def load_cases(path: Path = CASES) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _num(s: str) -> float | None:
    return float(s) if s not in ("", None) else None


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)


def span(row: dict) -> tuple[int, int] | None:
    if not row["surface"]:
        return None
    s = row["text"].index(row["surface"])
    return s, s + len(row["surface"])


def ours_right(row: dict, mentions: list) -> bool:
    """`mentions`: our Mention objects for row['text']."""
    sp = span(row)
    if sp is None:
        return not mentions
    m = next((m for m in mentions if (m.start, m.end) == sp), None)
    return (m is not None and _same(m.value, _num(row["value"])) and m.unit == row["unit"]
            and m.qualifier == row["qualifier"] and _same(getattr(m, "high", None), _num(row["high"])))


def anchor_right(row: dict, found: list[tuple]) -> bool:
    """`found`: the anchor's (start, end, surface, value) for row['text'].

    A spec value that is an interval ([20,100), (500,)) is a NumberRangeModel result: one
    mention with both bounds, which the Python port of the anchor does not implement (its
    spec marks these cases NotSupported: python); two plain numbers do not make it."""
    sp = span(row)
    if sp is None or not row["spec_value"]:
        return not found
    if row["spec_value"][:1] in "[(":
        return False
    over = [v for s, e, _t, v in found if s < sp[1] and sp[0] < e]
    wanted = float(row["spec_value"].rstrip("%"))
    return any(_same(v, wanted) for v in over if v is not None)


def score(rows: list[dict], judge, results: list) -> tuple[int, list[dict]]:
    """(number right, rows wrong)."""
    wrong = [r for r, got in zip(rows, results) if not judge(r, got)]
    return len(rows) - len(wrong), wrong
