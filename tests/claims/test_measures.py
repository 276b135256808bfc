"""The standard indicators a number measures: the same id whatever the wording, nothing
where the clause names a part, a period, a baseline or another unit."""

import pytest

from reportfigures.claims import measures
from reportfigures.claims.catalog import claimable
from reportfigures.extract.extraction import extract
from reportfigures.text.document import Document


def keys(text: str, reviewed_year: int | None = 2024) -> dict[str, str]:
    doc = Document(text)
    ms = claimable(extract(doc))
    found = measures.measures(doc, ms, reviewed_year)
    return {m.surface: found[m.start].key for m in ms if m.start in found}


@pytest.mark.parametrize("text", [
    "全年地区生产总值达到32193.15亿元、增长5.7%。",
    "全省生产总值增长5.7%，经济运行稳中有进。",
    "经济增长5.7%，高于全国平均水平。",
    "2024年，全市GDP增长5.7%。",
])
def test_one_indicator_whatever_its_wording(text):
    assert keys(text)["5.7%"] == "gdp.growth"


def test_level_target_and_ceiling():
    got = keys("今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业65万人，"
               "居民消费价格涨幅2%左右，单位地区生产总值能耗下降2.5%。")
    assert got == {"6%左右": "gdp.growth.target", "65万人": "urban_new_jobs.level.target",
                   "2%左右": "cpi.growth.target", "2.5%": "energy_intensity.growth.target"}
    assert measures.indicator("cpi").ceiling and not measures.indicator("gdp").ceiling


def test_respectively_hands_each_number_its_own_indicator():
    got = keys("城镇、农村常住居民人均可支配收入分别增长4.4%、5.9%，基础设施投资、工业投资分别增长3.2%、8.5%。")
    assert got == {"4.4%": "urban_disposable_income.growth", "5.9%": "rural_disposable_income.growth",
                   "3.2%": "infrastructure_investment.growth", "8.5%": "industrial_investment.growth"}


@pytest.mark.parametrize("text,surface", [
    ("高技术产业实际使用外资增长6.9%。", "6.9%"),          # a part of the indicator
    ("地区生产总值增长4.7%、低于全国0.3个百分点。", "0.3个百分点"),  # the national figure
    ("地区生产总值五年跨过3个台阶。", "3个"),              # another unit is another measure
    ("前三季度地区生产总值增长5.2%。", "5.2%"),             # part of a year
    ("地区生产总值从11.37万亿元提高到14.58万亿元。", "11.37万亿元"),  # where a change started
])
def test_no_indicator_where_the_clause_says_otherwise(text, surface):
    assert surface not in keys(text)


def test_several_years_are_another_measure():
    got = keys("“十四五”时期，地区生产总值年均增长5.5%；2024年地区生产总值增长5.7%。")
    assert got["5.5%"] == "gdp.growth.period" and got["5.7%"] == "gdp.growth"


def test_a_change_against_a_year_before_last_spans_a_period():
    assert keys("预计单位地区生产总值能耗较2020年下降11.7%。")["11.7%"] == "energy_intensity.growth.period"
    assert keys("单位地区生产总值能耗较2023年下降3%。")["3%"] == "energy_intensity.growth"


def test_repeats_are_numbered_in_text_order():
    doc = Document("地区生产总值增长5.7%。一季度以来持续回升，地区生产总值增长5.7%。")
    ms = claimable(extract(doc))
    ids = measures.measure_ids(measures.measures(doc, ms, 2024))
    assert sorted(ids.values()) == ["gdp.growth", "gdp.growth_2"]
    assert measures.base_key("gdp.growth_2") == "gdp.growth"


def test_horizons_and_stances():
    doc = Document("五年来，我们坚持创新驱动。新建5G基站12万个，全市5G基站总数达到20万个。\n"
                   "过去一年，新建5G基站3万个。汽车保有量由2552万辆增至3230万辆。")
    ms = claimable(extract(doc))
    hz, st = measures.horizons(doc, ms, 2025), measures.stances(doc, ms)
    by = {m.surface: m.start for m in ms}
    assert hz[by["12万个"]] == "period" and hz[by["20万个"]] == "year"  # a level reached is the year's
    assert hz[by["3万个"]] == "year" and hz[by["2552万辆"]] == "from"
    assert st[by["12万个"]] == "new" and st[by["20万个"]] == "stock"
