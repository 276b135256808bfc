"""Last year's claims carried by id into next year's report, against hand-checked pairs
(tests/fixtures/nextyear_gov/<province>.carried.csv): a carried id names the same measure."""

import csv
from pathlib import Path

import pytest

from reportfigures.yearly import series

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "nextyear_gov"
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def carried_pairs(province: str) -> tuple[list[tuple[int, int]], dict[int, dict]]:
    texts = [(y, (CORPUS / f"gov-work-reports-{y}" / f"{y}-{province}.txt").read_text(encoding="utf-8"))
             for y in (2025, 2026)]
    old, new = series.series(province, texts)
    was = {cid: (int(r["start"]), int(r["end"])) for cid, r in old.reviewed.items()}
    pairs = [((c["start"], c["end"]), was[c["id"]]) for c in new.claims if c["id"] in was]
    with open(FIX / f"{province}.carried.csv", encoding="utf-8", newline="") as f:
        gold = list(csv.DictReader(f))
    return pairs, gold


def _over(a: tuple[int, int], s: str, e: str) -> bool:
    """The same printed number: the spans overlap (突破1300亿元 and 1300亿元)."""
    return bool(s) and a[0] < int(e) and int(s) < a[1]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not beside the checkout")
@pytest.mark.parametrize("province", ["chongqing", "guangdong", "jilin"])
def test_a_carried_id_names_the_same_measure(province):
    pairs, gold = carried_pairs(province)
    row = {b: next((g for g in gold if _over(b, g["start"], g["end"])), {}) for b, _a in pairs}
    right = [(b, a) for b, a in pairs if _over(a, row[b].get("a_start", ""), row[b].get("a_end", ""))]
    wrong = [(row[b].get("surface"), row[b].get("measure_zh")) for b, a in pairs if (b, a) not in right]
    assert len(pairs) >= 30 and len(right) / len(pairs) >= 0.95, wrong


def test_a_decoy_that_shares_a_noun_is_not_carried():
    """报送860余篇 and 采用200篇 share a noun and a unit; the verb and the bound tell them apart."""
    old, new = series.series("x", [
        (2025, "一、2024年工作回顾\n全年报送社情民意信息860余篇，被采用200篇。\n二、2025年主要工作\n做好各项工作。\n"),
        (2026, "一、2025年工作回顾\n全年采用社情民意信息210篇，报送社情民意信息900余篇。\n二、2026年主要工作\n做好各项工作。\n")])
    was = {r["surface"]: cid for cid, r in old.reviewed.items()}
    now = {c["surface"]: c["id"] for c in new.claims}
    assert now["900余篇"] == was["860余篇"] and now["210篇"] == was["200篇"]
