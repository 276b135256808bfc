"""Every numeral form of issue 11, one table each: what must be read (surface, value, unit,
qualifier, high end, offsets) and, beside it, the look-alikes that must stay what they are."""

import math

import pytest

from reportfigures.extract.grammar import Grammar
from reportfigures.extract.extraction import extract
from reportfigures.extract.vocabulary import vocabulary


def read(text: str):
    """The mentions of `text` as (surface, value, unit, qualifier, high), offsets checked."""
    out = []
    for m in extract(text):
        assert text[m.start:m.end] == m.surface
        out.append((m.surface, m.value, m.unit, m.qualifier, m.high))
    return out


def one(text: str, surface: str):
    ms = [m for m in extract(text) if m.surface == surface]
    assert len(ms) == 1, read(text)
    m = ms[0]
    assert (m.start, m.end) == (text.index(surface), text.index(surface) + len(surface))
    return m


def check(text, surface, value, unit, qualifier, high=None):
    m = one(text, surface)
    assert (m.value, m.unit, m.qualifier, m.high) == (value, unit, qualifier, high), read(text)
    assert type(m.value) is type(value)
    return m


# --- thousands separators ----------------------------------------------------------------------

@pytest.mark.parametrize("text,surface,value,unit", [
    ("共收到提案1,551件。", "1,551件", 1551, "件"),
    ("办理4,565件。", "4,565件", 4565, "件"),
    ("储量10,000.5吨。", "10,000.5吨", 10000.5, "吨"),
    ("投入1,050,000,000元。", "1,050,000,000元", 1050000000, "元"),
    ("办理４，５６５件。", "４，５６５件", 4565, "件"),
    ("增长百分之1,111。", "百分之1,111", 1111, "%"),
])
def test_thousands_separators(text, surface, value, unit):
    check(text, surface, value, unit, "exact")


@pytest.mark.parametrize("text,expected", [
    ("2023,2024年两年。", [("2023", 2023), ("2024年", 2024), ("两年", 2)]),  # a list of years
    ("编号1, 234, 567。", [("1", 1), ("234", 234), ("567", 567)]),  # spaces: three numbers
    ("完成1,5512件。", [("1", 1), ("5512件", 5512)]),  # not a group of three
    ("完成1，551件。", [("1", 1), ("551件", 551)]),  # a full-width comma between ASCII digits is a clause break
])
def test_commas_that_are_not_separators(text, expected):
    assert [(s, v) for s, v, *_ in read(text)] == expected


# --- signs ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,surface,value,unit", [
    ("增速为-3%。", "-3%", -3, "%"),
    ("-3%的降幅。", "-3%", -3, "%"),
    ("同比下降－2.5%。", "－2.5%", -2.5, "%"),
    ("净增负32件。", "负32件", -32, "件"),
    ("最低气温负三十二度。", "负三十二度", -32, "度"),
    ("增速为−1.2%。", "−1.2%", -1.2, "%"),
])
def test_signs(text, surface, value, unit):
    check(text, surface, value, unit, "exact")


@pytest.mark.parametrize("text,surface,value", [
    ("为经营主体减负1000亿元。", "1000亿元", 100000000000),  # 减负: reduce burdens
    ("为群众减负237亿元。", "237亿元", 23700000000),
    ("歼-35战机首飞。", "35", 35),  # a model name, not minus 35
    ("区间3-5个。", "3-5个", 3),  # a range, not minus 5
])
def test_dashes_and_fu_that_are_not_signs(text, surface, value):
    assert one(text, surface).value == value
    assert all(v is None or v >= 0 for _, v, *_ in read(text))


# --- ranges -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,surface,value,unit,high", [
    ("建设3—5个中心。", "3—5个", 3, "个", 5),
    ("建设3~5个中心。", "3~5个", 3, "个", 5),
    ("建设3～5个中心。", "3～5个", 3, "个", 5),
    ("建设3-5个中心。", "3-5个", 3, "个", 5),
    ("增长4.5%-5%。", "4.5%-5%", 4.5, "%", 5),
    ("增长5%—5.5%。", "5%—5.5%", 5, "%", 5.5),
    ("增长4.5-5%。", "4.5-5%", 4.5, "%", 5),
    ("吸纳1—2万人。", "1—2万人", 10000, "人", 20000),
    ("投入1000亿—1200亿元。", "1000亿—1200亿元", 100000000000, "元", 120000000000),
    ("为孕产妇、0—6岁儿童服务。", "0—6岁", 0, "岁", 6),
    ("用三至五年时间。", "三至五年", 3, "年", 5),
    ("请给我一到五个苹果。", "一到五个", 1, "个", 5),
    ("吸纳二十几万人。", "二十几万人", 200000, "人", 300000),
    ("培育十几个品牌。", "十几个", 10, "个", 20),
    ("投入一百零几万元。", "一百零几万元", 1000000, "元", 1100000),
])
def test_ranges_are_one_mention(text, surface, value, unit, high):
    check(text, surface, value, unit, "range", high)
    assert len([m for m in extract(text) if m.kind != "ordinal"]) == 1


@pytest.mark.parametrize("text,expected", [
    ("于2026-02-11发布。", [("2026", None), ("02", None), ("11", None)]),  # a date
    ("从5个减到3个。", [("5个", None), ("3个", None)]),
    ("减少5-3个。", [("5", None), ("3个", None)]),  # the low end must be lower
    ("增长5%-10个百分点。", [("5%", None), ("10个百分点", None)]),  # two units
    ("增长到5%。", [("5%", None)]),
    ("几个部门。", []),  # 几 alone
    ("几十年如一日。", []),  # 几 leading: decades, not 十年
    ("数百家企业。", []),
    ("企业总数100个。", [("100个", None)]),
    ("三四个部门。", []),  # side by side digits: not read, as the anchor's spec (二三十个百分点)
])
def test_look_alikes_of_ranges(text, expected):
    assert [(s, h) for s, _v, _u, _q, h in read(text)] == expected


# --- fractions and percentages in words -------------------------------------------------------

@pytest.mark.parametrize("text,surface,value,unit,qualifier", [
    ("占全国三分之一。", "三分之一", 1 / 3, "", "exact"),
    ("占全国三分之一以上。", "三分之一以上", 1 / 3, "", "at_least"),
    ("不良率千分之三。", "千分之三", 3, "‰", "exact"),
    ("误差万分之五。", "万分之五", 5, "‱", "exact"),
    ("满意率百分之九十八点一六。", "百分之九十八点一六", 98.16, "%", "exact"),
    ("完成率百分之一百。", "百分之一百", 100, "%", "exact"),
    ("完成率百分之百。", "百分之百", 100, "%", "exact"),
    ("增长百分之2.4。", "百分之2.4", 2.4, "%", "exact"),
    ("占十分之一。", "十分之一", 0.1, "", "exact"),
    ("进入ESI前千分之一。", "千分之一", 1, "‰", "exact"),
    ("约占全国1/10。", "1/10", 0.1, "", "exact"),
    ("稳定在全国1/4以上。", "1/4以上", 0.25, "", "at_least"),
])
def test_fractions(text, surface, value, unit, qualifier):
    m = one(text, surface)
    assert math.isclose(m.value, value) and (m.unit, m.qualifier) == (unit, qualifier)


@pytest.mark.parametrize("text,expected", [
    ("十分重要。", []),  # 十分: very
    ("部分之间。", []),
    ("三分之后。", []),  # no numerator: neither a fraction nor 三分
    ("得分95分。", [("95分", 95, "分")]),  # 分 is still a unit
    ("2024/1/5发布。", [("2024", 2024, ""), ("1", 1, ""), ("5", 5, "")]),  # a date, not 1/5
    ("浓度32微克/立方米。", [("32微克/立方米", 32, "微克/立方米")]),
])
def test_look_alikes_of_fractions(text, expected):
    assert [(s, v, u) for s, v, u, _q, _h in read(text)] == expected


# --- mixed forms and long Chinese numerals ------------------------------------------------------

@pytest.mark.parametrize("text,surface,value,unit", [
    ("培训5万4千人。", "5万4千人", 54000, "人"),
    ("培训3万4000人。", "3万4000人", 34000, "人"),
    ("办理一百零一万一千件。", "一百零一万一千件", 1011000, "件"),
    ("培训5万4千6百人。", "5万4千6百人", 54600, "人"),
    ("投入5亿1万4千6百元。", "5亿1万4千6百元", 500014600, "元"),
    ("规模超9千亿元。", "超9千亿元", 900000000000, "元"),
    ("投入四亿五千六百四十二万零一十五元。", "四亿五千六百四十二万零一十五元", 456420015, "元"),
    ("经济总量4.78万亿元。", "4.78万亿元", 4780000000000, "元"),
    ("服务一千两百三十四万人。", "一千两百三十四万人", 12340000, "人"),
    ("投入九万零四百元。", "九万零四百元", 90400, "元"),
    ("接待二十分钟。", "二十分钟", 20, "分钟"),  # 十分 is a word only when no numeral runs into it
])
def test_mixed_forms(text, surface, value, unit):
    check(text, surface, value, unit, surface.startswith("超") and "at_least" or "exact")


@pytest.mark.parametrize("text,expected", [
    ("为390万65岁以上老年人。", [("390万", 3900000, ""), ("65岁以上", 65, "岁")]),
    ("建成500千伏变电站。", [("500千伏", 500, "千伏")]),  # 千伏 is a unit, not a place
    ("装机3千瓦。", [("3千瓦", 3, "千瓦")]),
    ("突破5万亿两个台阶。", [("突破5万亿", 5000000000000, ""), ("两个", 2, "个")]),  # 突破: at least
    ("提高0.5百分点。", [("0.5百分点", 0.5, "百分点")]),
    ("汽车零部件产业。", []),  # 零部件: parts
    ("建党百年。", []),  # 百年, 千村: idiom and names, as before
    ("打造千亿级产业集群。", [("千亿级", 100000000000, "级")]),  # a size class is a quantity
    ("实施“千万工程”。", []),
    ("超千亿元。", [("超千亿元", 100000000000, "元")]),  # with a qualifier or money they count
    ("千余家企业。", [("千余家", 1000, "家")]),
])
def test_look_alikes_of_mixed_forms(text, expected):
    assert [(s, v, u) for s, v, u, _q, _h in read(text)] == expected


# --- Chinese years, tenths, qualifiers -----------------------------------------------------------

@pytest.mark.parametrize("text,surface,value,unit,kind", [
    ("到二〇三五年基本实现。", "二〇三五年", 2035, "年", "date_or_period"),
    ("——二〇二六年一月二十七日", "二〇二六年", 2026, "年", "date_or_period"),
    ("一九四九年成立。", "一九四九年", 1949, "年", "date_or_period"),
])
def test_years_in_chinese_digits(text, surface, value, unit, kind):
    m = check(text, surface, value, unit, "exact")
    assert m.kind == kind


@pytest.mark.parametrize("text", ["推动一二三次产业融合。", "三四个部门。", "十一二个。"])
def test_runs_of_digits_without_zero_are_not_values(text):
    assert extract(text) == []


@pytest.mark.parametrize("text,surface,value,qualifier", [
    ("贡献超五成。", "超五成", 5, "at_least"),
    ("财政支出八成以上投向民生。", "八成以上", 8, "at_least"),
    ("占比近八成。", "近八成", 8, "approx"),
    ("占全国9成。", "9成", 9, "exact"),
    ("稳定在八成左右。", "八成左右", 8, "approx"),
])
def test_tenths(text, surface, value, qualifier):
    check(text, surface, value, "成", qualifier)


@pytest.mark.parametrize("text", ["E3000成功首飞。", "一成不变。", "三成果展示。", "建成3000成品库。"])
def test_look_alikes_of_tenths(text):
    assert all(m.unit != "成" for m in extract(text))


@pytest.mark.parametrize("text,surface,value,qualifier", [
    ("比重不低于80%。", "不低于80%", 80, "at_least"),  # was read as 低于80%: at most
    ("不少于28万人。", "不少于28万人", 280000, "at_least"),
    ("浓度不高于23微克/立方米。", "不高于23微克/立方米", 23, "at_most"),
    ("不到30家企业。", "不到30家", 30, "at_most"),
])
def test_negated_comparisons(text, surface, value, qualifier):
    assert (one(text, surface).value, one(text, surface).qualifier) == (value, qualifier)


# --- precision: the look-alikes stay out --------------------------------------------------

@pytest.mark.parametrize("text", ["还存在一些问题。", "统一建设数字政协。", "进一步完善机制。", "一切为了人民。",
                                  "陆地面积扩大。", "与四川省合作。", "一看就懂。", "万众一心。"])
def test_words_that_only_look_numeric(text):
    assert extract(text) == []


def test_fixed_names_are_names_not_quantities():
    assert [(m.surface, m.kind) for m in extract("共建“一带一路”。")] == [("一带一路", "name")]


# --- the grammar alone ------------------------------------------------------------------------------

def test_grammar_scans_numerals_with_their_forms():
    g: Grammar = vocabulary().grammar
    got = [(text[n.start:n.end], n.value, n.high, n.form)
           for text in ["负32件，二十几万，三分之一，1/3，二〇三五年，千亿元"] for n in g.numerals(text)]
    assert got == [("负32", -32, None, "number"), ("二十几万", 200000, 300000, "approx"),
                   ("三分之一", 1 / 3, None, "fraction"), ("1/3", 1 / 3, None, "slash"),
                   ("二〇三五", 2035, None, "digits"), ("千亿", 100000000000, None, "place_led")]


@pytest.mark.parametrize("digits", [25, 400, 5000])
def test_numbers_longer_than_any_quantity_are_no_mention(digits):
    text = "增长" + "9" * digits + ".5件，共1件。"
    assert [(s, v) for s, v, *_ in read(text)] == [("1件", 1)]


# --- the one formatter reads a range back ----------------------------------------------------------

@pytest.mark.parametrize("value,unit,high,zh,en", [
    (3, "个", 5, "3–5个", "3–5"),
    (4.5, "%", 5, "4.5%–5%", "4.5%–5%"),
    (10000, "人", 20000, "1万–2万人", "10,000–20,000"),
    (100000000, "元", 200000000, "1亿–2亿元", "100 million–200 million yuan"),
])
def test_ranges_format_with_both_ends(value, unit, high, zh, en):
    from reportfigures.formats import number_en, quantity

    assert quantity(value, unit, "range", high) == zh
    assert number_en(value, unit, high) == en
    assert quantity(value, unit) == quantity(value, unit, "exact", None)  # unchanged without high
