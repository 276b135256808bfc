"""Last year's targets beside this year's results: the outcome of each reading of a target,
the pairing (a named indicator, or the same noun and clause), and the hand-checked pairs."""

import csv
from pathlib import Path

import pytest

from reportfigures.checks import targets
from reportfigures.checks.targets import Figure

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "nextyear_gov"
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def fig(value, qualifier="exact", *, unit="%", sign=1, ceiling=False, measure="gdp.growth", high=None,
        kind="target", noun="地区生产总值", verb="", horizon="year", start=0) -> Figure:
    c = {"id": f"x{start}", "value": value, "unit": unit, "qualifier": qualifier, "high": high, "kind": kind,
         "surface": f"{value}{unit}", "start": start, "end": start + 3, "sentence": "", "subject_zh": noun,
         "subject_en": "x"}
    return Figure(c, noun, verb, noun, measure, sign, horizon, ceiling)


@pytest.mark.parametrize("target,result,outcome", [
    (fig(6, "approx"), fig(5.3, kind="metric"), "missed"),          # 6%左右: 5.4 at the least
    (fig(6, "approx"), fig(5.5, kind="metric"), "met"),
    (fig(5, "at_least"), fig(5.3, kind="metric"), "met"),
    (fig(5, "at_least"), fig(4.9, kind="metric"), "missed"),
    (fig(4.5, "range", high=5), fig(4.6, kind="metric"), "met"),     # 4.5%—5%
    (fig(2, "approx", ceiling=True, measure="cpi.growth"), fig(0.2, kind="metric", measure="cpi.growth"), "met"),
    (fig(2, "approx", ceiling=True, measure="cpi.growth"), fig(2.5, kind="metric", measure="cpi.growth"), "missed"),
    (fig(2.5, sign=-1, ceiling=True), fig(3, sign=-1, kind="metric"), "met"),    # 下降2.5% → 下降3%
    (fig(2.5, sign=-1, ceiling=True), fig(1.8, sign=-1, kind="metric"), "missed"),
    (fig(6, "approx"), None, "not_reported"),
])
def test_the_outcome_reads_each_figure_as_what_it_prints(target, result, outcome):
    assert targets.outcome(target, result) == outcome


def test_a_named_target_takes_only_the_same_indicator():
    t = [fig(6, "approx", start=1)]
    rs = [fig(5.3, kind="metric", measure="retail_sales.growth", start=10),
          fig(5.3, kind="metric", measure="gdp.growth", horizon="period", start=20),  # a five-year average
          fig(5.3, kind="metric", measure="gdp.growth", start=30)]
    pairs = targets.match(t, rs)
    assert pairs[1][0].claim["start"] == 30


def test_an_unnamed_target_needs_its_noun_its_clause_and_a_verb_of_doing():
    t = fig(100, unit="所", measure="", noun="学校", verb="提升", start=1)
    t = Figure(t.claim, "学校", "提升", "整体提升⟨⟩学校、50家医院周边环境", "", 1, "year", False)
    other = Figure(fig(10, unit="所", kind="metric", start=9).claim, "学校", "", "⟨⟩学校、12个专业群入选国家第二期双高建设计划",
                   "", 1, "year", False)
    assert targets.match([t], [other]) == {}  # 10所学校入选 answers no target about 100所学校's surroundings
    done = Figure(fig(100, unit="个", kind="metric", start=9).claim, "口袋公园", "建成", "建成⟨⟩口袋公园",
                  "", 1, "year", False)
    t2 = Figure(fig(100, unit="个", start=2).claim, "口袋公园", "新建", "新建⟨⟩口袋公园", "", 1, "year", False)
    assert targets.match([t2], [done])[2][0] is done


def test_sentences_say_what_each_outcome_means():
    t = fig(6, "approx")
    row = targets._row(t, fig(5.3, kind="metric"), 2.0, "missed", 2025, 2025)
    assert "没有达到目标" in row["sentence_zh"] and "short of it" in row["sentence_en"] and "inf" not in row["sentence_en"]
    row = targets._row(t, None, 0.0, "not_reported", 2025, 2025)
    assert "没有给出" in row["sentence_zh"] and "would settle" in row["sentence_en"]


def _claims(doc):
    from reportfigures.claims import measures
    from reportfigures.claims.review import claim_row, describe_mentions
    from reportfigures.claims.catalog import claimable
    from reportfigures.extract.extraction import extract
    from reportfigures.text.parts import parts_of
    ms = claimable(extract(doc))
    subs = describe_mentions(doc, ms)
    found = measures.measures(doc, ms, parts_of(doc).reviewed_year)
    return [claim_row(f"c.n{m.start}", "auto", m, "x", subject_zh=found[m.start].subject_zh() if m.start in found
                      else subs[m.start].subject_zh, subject_en="", theme="", noun=subs[m.start].noun, section_title="")
            for m in ms]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not beside the checkout")
@pytest.mark.parametrize("province", ["chongqing", "guangdong", "jilin"])
def test_the_hand_checked_pairs(province):
    """tests/fixtures/nextyear_gov/<province>.targets.csv: every pairing made is right (≥ 90 %),
    and the result (or its absence) agrees with the hand-checked one for most targets."""
    from reportfigures.text.document import Document
    a = Document((CORPUS / "gov-work-reports-2025" / f"2025-{province}.txt").read_text(encoding="utf-8"))
    b = Document((CORPUS / "gov-work-reports-2026" / f"2026-{province}.txt").read_text(encoding="utf-8"))
    rows = targets.compare(a, _claims(a), {"reviewed_year": 2024, "task_year": 2025}, b, _claims(b),
                           {"reviewed_year": 2025, "task_year": 2026}, 2025)
    got = {r["target_start"]: r for r in rows}
    with open(FIX / f"{province}.targets.csv", encoding="utf-8", newline="") as f:
        gold = [g for g in csv.DictReader(f) if g["horizon"] == "2025" and int(g["target_start"]) in got]
    def same(g, r):  # the same printed number: the spans overlap (突破1300亿元 and 1300亿元)
        if not g["result_start"] or r.get("result_start") is None:
            return not g["result_start"] and r.get("result_start") is None
        return int(g["result_start"]) < r["result_end"] and r["result_start"] < int(g["result_end"])

    paired = [g for g in gold if got[int(g["target_start"])].get("result_start") is not None]
    right = [g for g in paired if same(g, got[int(g["target_start"])])]
    agree = [g for g in gold if same(g, got[int(g["target_start"])])]
    assert paired and len(right) / len(paired) >= 0.9, [(g["target_surface"], g["result_surface"]) for g in paired
                                                         if g not in right]
    assert len(agree) / len(gold) >= 0.85


def test_a_total_is_not_answered_by_the_years_additions():
    t = Figure(fig(220, unit="家", measure="", start=1).claim, "高新技术企业", "", "高新技术“精英行动”企业达⟨⟩", "",
               1, "year", False)
    added = Figure(fig(46, unit="家", kind="metric", measure="", start=9).claim, "高新技术企业", "",
                   "新增⟨⟩高新技术“精英行动”企业", "", 1, "year", False)
    total = Figure(fig(230, unit="家", kind="metric", measure="", start=9).claim, "高新技术企业", "",
                   "高新技术“精英行动”企业达到⟨⟩", "", 1, "year", False)
    assert targets.match([t], [added]) == {}  # 220 reached, 46 added: nothing says whether it was met
    assert targets.match([t], [total])[1][0] is total
    jobs_t = Figure(fig(65, unit="万人", measure="", start=2).claim, "就业", "新增", "城镇新增就业⟨⟩", "", 1, "year", False)
    jobs_r = Figure(fig(71.9, unit="万人", kind="metric", measure="", start=9).claim, "就业", "新增", "城镇新增就业⟨⟩",
                    "", 1, "year", False)
    assert targets.match([jobs_t], [jobs_r])[2][0] is jobs_r  # both the year's additions: a pair


@pytest.mark.parametrize("context,reads", [
    ("企业达⟨⟩", "level"), ("累计建成⟨⟩", "level"), ("新增⟨⟩企业", "added"), ("新增企业达到⟨⟩", "level"),
    ("建成口袋公园⟨⟩", ""),
])
def test_what_the_words_before_a_number_say_it_is(context, reads):
    assert targets.stock_or_flow(context) == reads


def test_a_ceiling_word_after_the_unit_makes_the_target_a_ceiling():
    t = Figure(fig(20, unit="", measure="", start=1).claim, "PM2.5平均浓度", "", "PM2.5平均浓度每立方米⟨⟩微克以下。", "",
               1, "year", False)
    assert targets.outcome(t, fig(19, unit="", kind="metric", measure="")) == "met"
    assert targets.outcome(t, fig(21, unit="", kind="metric", measure="")) == "missed"
    floor = Figure(t.claim, "PM2.5平均浓度", "", "优良天数比例⟨⟩，PM2.5以下", "", 1, "year", False)
    assert targets.outcome(floor, fig(19, unit="", kind="metric", measure="")) == "missed"  # 以下 of another clause


def test_a_results_about_is_its_own_best_figure():
    t = fig(500, "at_least", unit="亿斤", measure="")
    assert targets.outcome(t, fig(550, "approx", unit="亿斤", kind="metric", measure="")) == "met"  # 550亿斤左右
    assert targets.outcome(t, fig(480, "approx", unit="亿斤", kind="metric", measure="")) == "missed"
