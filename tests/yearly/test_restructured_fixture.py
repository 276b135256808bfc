"""The hand-written, made-up "2025" report (tests/fixtures/nextyear_2025_restructured) is well-formed.

Only the fixture itself is checked here: the text's layout and typesetting, that every entry of
expected.yml points at exactly one place in the text, that the claim ids are the catalog's,
and that the planted problems and sound relations really are stated as described. How the
package extracts, binds and checks the text is tested elsewhere; the only package function
used here is `reportfigures.source.read_text`.
"""

import csv
import re
from collections import Counter

import pytest
import yaml

from conftest import FIXTURES, REPORT, ROOT
from reportfigures.source.read import read_text

HERE = FIXTURES / "nextyear_2025_restructured"
TEXT_PATH = HERE / "report.txt"
CATALOG = ROOT / "data" / "claims" / "catalog.yml"
BASE_CLAIMS = ROOT / "data" / "editions" / "2024" / "claims.reviewed.csv"

REVIEW_PART = "一、2025年工作回顾"
TASKS_PART = "二、2026年工作建议"
HEADINGS = ["（一）", "（二）", "（三）", "（四）", "（五）"]

QUALIFIERS = {"exact", "at_least", "at_most", "approx"}
KINDS = {"metric", "target", "list_count"}
THEMES = {"proposals", "social_opinion", "consultation", "members", "grassroots", "platforms",
          "cooperation", "publicity", "other"}
PRESS = ["提交提案70余件", "活动350余次", "活动2000余场次", "民生问题960余件", "78个重点项目",
         "近500人次", "430余人次"]
CN_DIGITS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


# --- loading ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def raw():
    return TEXT_PATH.read_bytes()


@pytest.fixture(scope="module")
def text():
    return read_text(TEXT_PATH).text


@pytest.fixture(scope="module")
def expected():
    with open(HERE / "expected.yml", encoding="utf-8") as f:
        return yaml.safe_load(f)


@pytest.fixture(scope="module")
def catalog():
    with open(CATALOG, encoding="utf-8") as f:
        return {c["id"]: c for c in yaml.safe_load(f)["claims"]}


@pytest.fixture(scope="module")
def base_values():
    with open(BASE_CLAIMS, encoding="utf-8") as f:
        return {row["claim_id"]: row for row in csv.DictReader(f)}


def entries(expected):
    return expected["carried"] + expected["new"]


def position(text, entry):
    """Offset of the entry's surface in the text, found through its unique context."""
    ctx, surface = entry["context"], entry["surface"]
    assert text.count(ctx) == 1, f"context {ctx!r} occurs {text.count(ctx)} times"
    assert ctx.count(surface) == 1, f"surface {surface!r} not once in context {ctx!r}"
    return text.index(ctx) + ctx.index(surface)


@pytest.fixture(scope="module")
def by_surface(expected, text):
    """surface -> (entry, offset) for surfaces that name exactly one entry."""
    counts = Counter(e["surface"] for e in entries(expected))
    return {e["surface"]: (e, position(text, e)) for e in entries(expected) if counts[e["surface"]] == 1}


def resolve(by_surface, surface):
    assert surface in by_surface, f"{surface!r} is not the surface of exactly one carried/new entry"
    return by_surface[surface]


def surface_value(surface):
    """The value a surface prints: Arabic digits (亿/万 folded in) or a one-character Chinese numeral."""
    m = re.search(r"[0-9]+(?:\.[0-9]+)?", surface)
    if m:
        v = float(m.group())
        if "亿" in surface:
            v *= 100_000_000
        elif "万" in surface[m.end():m.end() + 1]:
            v *= 10_000
        return v
    first = surface.lstrip("约近超")[0]
    return CN_DIGITS[first]


def part_of(text, offset):
    review, tasks = text.index(REVIEW_PART), text.index(TASKS_PART)
    assert offset > review, "before the review part"
    return "tasks" if offset > tasks else "review"


def review_section(text, offset):
    """The review heading (（一）…（五）) an offset lies under, or 'overview' before the first."""
    tasks = text.index(TASKS_PART)
    starts = [(m.start(), m.group(1)) for m in re.finditer(r"^(（[一二三四五]）)", text, re.M) if m.start() < tasks]
    label = "overview"
    for start, lab in starts:
        if start < offset:
            label = lab
    return label


def sentence_around(text, offset):
    start = max(text.rfind(c, 0, offset) for c in "。！？\n") + 1
    ends = [i for i in (text.find(c, offset) for c in "。！？\n") if i != -1]
    return text[start:min(ends)]


# --- the text -----------------------------------------------------------------------------

def test_encoding_and_line_ends(raw, text):
    assert not raw.startswith(b"\xef\xbb\xbf"), "no BOM"
    assert b"\r" not in raw, "LF line ends only"
    assert raw.decode("utf-8") == text
    assert 8000 <= len(text) <= 12000, len(text)


def test_one_paragraph_per_line_with_blank_lines_between(text):
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert "\n\n\n" not in text
    for para in text.rstrip("\n").split("\n\n"):
        assert para and "\n" not in para, para[:30]
        assert para == para.strip(), para[:30]


def test_full_width_punctuation(text):
    ascii_punct = re.findall(r"[,;:()\"'!?]", text)
    assert not ascii_punct, ascii_punct
    assert re.search(r"\.", text.replace("98.53", "").replace("0.37", "").replace("1.6亿", "")) is None
    for mark in "，。；：、“”":
        assert mark in text, mark


def test_parts_and_headings(text):
    lines = text.split("\n")
    assert lines.index(REVIEW_PART) < lines.index(TASKS_PART)
    review = text[text.index(REVIEW_PART):text.index(TASKS_PART)]
    tasks = text[text.index(TASKS_PART):]
    assert re.findall(r"^（([一二三四五六七八九十])）", review, re.M) == list("一二三四五")
    assert re.findall(r"^（([一二三四五六七八九十])）", tasks, re.M) == list("一二三四五")
    assert text.startswith("各位委员：\n\n"), "a complete report with an opening"
    assert "2024" not in text and "(上接" not in text


# --- expected.yml points at the text --------------------------------------------------------

def test_layout_of_expected(expected):
    assert expected["year"] == 2025 and expected["base_year"] == 2024
    assert set(expected) == {"year", "base_year", "carried", "absent", "new", "planted", "sound", "decoys"}


def test_every_entry_has_one_place_in_the_text(expected, text):
    offsets = [position(text, e) for e in entries(expected)]
    assert len(offsets) == len(set(offsets)), "two entries name the same number"
    for d in expected["decoys"]:
        assert text.count(d["decoy_context"]) == 1 and d["decoy"] in d["decoy_context"]


def test_entry_fields(expected):
    for e in entries(expected):
        assert e["qualifier"] in QUALIFIERS, e
        assert isinstance(e["unit"], str) and e["unit"], e
        assert surface_value(e["surface"]) == pytest.approx(e["value"]), e
        s = e["surface"]
        q = ("at_least" if re.search(r"余|多|以上|^超|^逾", s) else
             "approx" if re.search(r"^约|^近|左右", s) else
             "at_most" if re.search(r"^不到|以下", s) else "exact")
        assert e["qualifier"] == q, e
    for e in expected["new"]:
        assert e["kind"] in KINDS and e["theme"] in THEMES and e["noun"], e


def test_claim_ids_are_the_catalogs(expected, catalog):
    carried = [e["claim_id"] for e in expected["carried"]]
    listed = carried + expected["absent"]
    dupes = [c for c, n in Counter(listed).items() if n > 1]
    assert not dupes, f"listed twice: {dupes}"
    unknown = sorted(set(listed) - set(catalog))
    assert not unknown, f"not in the catalog: {unknown}"
    assert set(listed) == set(catalog), f"neither carried nor absent: {sorted(set(catalog) - set(listed))}"
    for key in ("planted", "decoys"):
        for p in expected[key]:
            cid = p.get("base_claim") or p.get("claim_id")
            if cid:
                assert cid in catalog, cid
    assert 40 <= len(carried) <= 60 and 8 <= len(expected["absent"]) <= 16


def test_carried_claims_keep_their_unit_and_part(expected, catalog, text):
    for e in expected["carried"]:
        claim = catalog[e["claim_id"]]
        assert e["unit"] == claim["unit"], e
        assert part_of(text, position(text, e)) == claim["part"], e


def test_new_numbers(expected, text):
    new = expected["new"]
    assert len(new) >= 18
    for e in new:
        assert (part_of(text, position(text, e)) == "tasks") == (e["kind"] == "target"), e
    assert sum(e["kind"] == "target" for e in new) >= 3
    assert any(e["kind"] == "list_count" for e in new)
    surfaces = {e["surface"] for e in new}
    for phrase in PRESS:
        assert text.count(phrase) == 1, phrase
        assert any(s in phrase for s in surfaces), f"{phrase} not listed under new"
    assert {"67件", "56件", "0.37个百分点"} <= surfaces


# --- planted problems and sound relations ----------------------------------------------------

def test_planted_problems_are_stated(expected, by_surface, text, base_values):
    planted = {p["name"]: p for p in expected["planted"]}
    assert set(planted) == {"part_larger_than_whole", "sum_does_not_add_up", "wrong_change",
                            "right_change", "right_pp_change"}

    # a. part larger than its whole, introduced by 其中
    p = planted["part_larger_than_whole"]
    assert p["rule"] == "part_whole" and p["rating"] == "contradiction"
    (part, part_at), (whole, whole_at) = (resolve(by_surface, s) for s in p["surfaces"])
    assert p["at_fault"] == part["surface"] and part["unit"] == whole["unit"]
    assert whole_at < part_at and "其中" in text[whole_at:part_at]
    assert part["value"] > whole["value"]

    # b. a total that does not add up
    p = planted["sum_does_not_add_up"]
    assert p["rule"] == "sum" and p["rating"] == "contradiction" and p["at_fault"] == p["surfaces"][-1]
    items = [resolve(by_surface, s) for s in p["surfaces"]]
    assert len({e["unit"] for e, _ in items}) == 1
    *parts, (total, total_at) = items
    assert re.search(r"(共计|合计|共)$", text[:total_at])
    assert sum(e["value"] for e, _ in parts) != total["value"]

    # c, d. changes against the 2024 value of a catalog claim
    text_2024 = read_text(REPORT).text
    carried = {e["claim_id"]: e for e in expected["carried"]}
    for name, right in (("wrong_change", False), ("right_change", True), ("right_pp_change", True)):
        p = planted[name]
        assert p["rule"] == "change_vs_base" and p["rating"] == ("consistent" if right else "contradiction")
        change, change_at = resolve(by_surface, p["surfaces"][0])
        base = base_values[p["base_claim"]]
        assert base["surface"] in text_2024, base
        current = carried[p["base_claim"]]
        current_at = position(text, current)
        assert current_at < change_at and re.search(r"[较比]上年(增加|提高|减少|下降)$", text[:change_at])
        between = text[current_at + len(current["surface"]):change_at]
        assert not re.search(r"[0-9]", between) and "。" not in between, "the change follows its number"
        delta = round(current["value"] - float(base["value"]), 2)
        assert (delta == change["value"]) is right, (name, delta, change["value"])
        if not right:
            assert p["at_fault"] == change["surface"]


def test_sound_relations_hold(expected, by_surface, text):
    rules = Counter(s["rule"] for s in expected["sound"])
    assert rules["part_whole"] >= 1 and rules["sum"] >= 1 and rules["list_count"] >= 1
    for s in expected["sound"]:
        items = [resolve(by_surface, x) for x in s["surfaces"]]
        if s["rule"] == "part_whole":
            values = [e["value"] for e, _ in items]
            assert values == sorted(values, reverse=True), s
            assert len({e["unit"] for e, _ in items}) == 1, s
        elif s["rule"] == "sum":
            *parts, (total, total_at) = items
            assert sum(e["value"] for e, _ in parts) == total["value"], s
        elif s["rule"] == "list_count":
            (count, count_at), = items
            assert count["value"] == len(s["items"]), s
            if s["items"][0].startswith("（"):  # counted by the headings that follow
                headings = re.findall(r"^（[一二三四五六七八九十]）", text[count_at:text.index(TASKS_PART)], re.M)
                assert headings == s["items"], s
            else:
                sentence = sentence_around(text, count_at)
                before = sentence[:sentence.index(count["surface"])]
                for item in s["items"]:
                    assert item in before, (s["name"], item)
        else:
            pytest.fail(f"unknown rule {s['rule']}")


def test_decoys_sit_elsewhere(expected, by_surface, catalog, text):
    assert expected["decoys"]
    carried = {e["claim_id"]: e for e in expected["carried"]}
    new_surfaces = {e["surface"] for e in expected["new"]}
    for d in expected["decoys"]:
        true = carried[d["claim_id"]]
        assert d["true"] == true["surface"], d
        assert d["decoy"] in new_surfaces, d
        decoy, decoy_at = resolve(by_surface, d["decoy"])
        assert decoy["unit"] == true["unit"], d
        assert review_section(text, decoy_at) != review_section(text, position(text, true)), d
        near = catalog[d["claim_id"]].get("near", [])
        assert any(w in d["decoy_context"] for w in near), d
