"""Extraction rules on small made-up sentences: each rule shown passing and refusing."""

import pytest

from reportfigures.extract.extraction import extract
from reportfigures.extract.grammar import parse_number


def one(text: str):
    ms = extract(text)
    assert len(ms) == 1, [m.surface for m in ms]
    return ms[0]


@pytest.mark.parametrize("text,surface,value,unit,qualifier", [
    ("共收到提案1551件。", "1551件", 1551, "件", "exact"),
    ("报送信息800余篇。", "800余篇", 800, "篇", "at_least"),
    ("参观超5000人次。", "超5000人次", 5000, "人次", "at_least"),
    ("满意率达98.16%。", "98.16%", 98.16, "%", "exact"),
    ("争取资金1.6亿元。", "1.6亿元", 160000000, "元", "exact"),
    ("满意率达到92%以上。", "92%以上", 92, "%", "at_least"),
    ("举办两期培训班。", "两期", 2, "期", "exact"),
    ("提出16 个方面建议。", "16 个方面", 16, "个方面", "exact"),
    ("入驻3600余名委员。", "3600余名", 3600, "名", "at_least"),
    ("投资约120亿元。", "约120亿元", 12000000000, "元", "approx"),
    ("覆盖近400个村。", "近400个", 400, "个", "approx"),
    ("不到30家企业。", "不到30家", 30, "家", "at_most"),
    ("增长5%左右。", "5%左右", 5, "%", "approx"),
    ("完成１２３件。", "１２３件", 123, "件", "exact"),
    ("逾万人次参加。", "逾万人次", 10000, "人次", "at_least"),  # the places alone before their unit
    ("新增一千三百个岗位。", "一千三百个", 1300, "个", "exact"),
    ("规模达一点六亿元。", "一点六亿元", 160000000, "元", "exact"),
    ("不超过5人以下。", "不超过5人", 5, "人", "at_most"),
])
def test_surface_value_unit_qualifier(text, surface, value, unit, qualifier):
    ms = extract(text)
    if surface is None:
        assert ms == []
        return
    m = one(text)
    assert (m.surface, m.value, m.unit, m.qualifier) == (surface, value, unit, qualifier)


@pytest.mark.parametrize("text", [
    "一支作风优良的干部队伍。", "各级政协共用一部章程。", "进一步完善机制。", "统一建设数字政协。",
    "推动一体化发展。", "深入基层一线。", "还存在一些问题。", "加强队伍建设。", "西部陆海新通道。",
    "与四川省政协合作。", "深化川渝合作,推动双城建设。", "三峡库区治理。", "先进承办单位。",
])
def test_words_that_only_look_numeric(text):
    assert extract(text) == []


@pytest.mark.parametrize("text,surface,kind", [
    ("视察“33618”现代制造业集群体系。", "33618", "name"),
    ("推动各专委会创建“一委一品”。", "一委一品", "name"),
    ("健全“三联”机制。", "三联", "name"),
    ("坚持“第一议题”制度。", "第一议题", "name"),
    ("市委六届五次全会。", "六届", "ordinal"),
    ("贯彻二十届三中全会精神。", "二十届", "ordinal"),
    ("入选首届全国机关党建优秀品牌。", "首届", "ordinal"),
    ("举办“第二届长江经济带书画名家作品邀请展”。", "第二届", "ordinal"),
    ("被采纳率位居西部第一。", "第一", "metric"),  # a rank reached is a figure of the year
    ("2025年是“十四五”规划收官之年。", "2025年", "date_or_period"),
    ("庆祝人民政协成立75周年。", "75周年", "anniversary"),
    ("一年来,工作扎实。", "一年", "date_or_period"),
])
def test_kinds(text, surface, kind):
    m = next(m for m in extract(text) if m.surface == surface)
    assert m.kind == kind


def test_heading_ordinals():
    text = "一、2024年工作回顾\n\n二是优化体系,提升质量。\n\n(三)全力助推发展。共办结10件。\n"
    kinds = [(m.surface, m.kind) for m in extract(text)]
    assert ("一、", "ordinal") in kinds and ("二是", "ordinal") in kinds and ("(三)", "ordinal") in kinds
    assert ("10件", "metric") in kinds


def test_targets_are_counts_in_the_tasks_part():
    text = "一、2024年工作回顾\n\n开展调研22项。\n\n二、2025年主要任务\n\n开展22项重点课题调研。\n"
    kinds = [m.kind for m in extract(text) if m.surface == "22项"]
    assert kinds == ["metric", "target"]


@pytest.mark.parametrize("text,surface,n,open_", [
    ("形成甲品牌、乙品牌、丙品牌等3个工作品牌。", "3个", 3, True),
    ("完成3项重点改革,甲机制改革提速,乙机制改革见效,丙改革落地。", "3项", 3, False),
    ("搭建川渝两省市政协合作平台。", "两省市", 2, False),
    ("破解筹资难、配建难、管护难等“三难”问题。", "三难", 3, True),
])
def test_list_counts(text, surface, n, open_):
    m = next(m for m in extract(text) if m.surface == surface)
    assert m.kind == "list_count" and len(m.listed) == n and m.listed_open is open_


@pytest.mark.parametrize("text,surface", [
    ("开展协商、通报、视察、调研59项,成效明显。", "59项"),  # a total of activities, not items
    ("研究细化50项任务举措,迭代升级目标体系。", "50项"),
    ("组织开展专题视察13次、情况通报15次。", "15次"),
])
def test_not_list_counts(text, surface):
    m = next(m for m in extract(text) if m.surface == surface)
    assert m.kind == "metric"


@pytest.mark.parametrize("span,value", [
    ("1551", 1551), ("98.16", 98.16), ("1.6亿", 160000000), ("两", 2), ("二十", 20),
    ("一千三百六十四", 1364), ("二〇二四", 2024), ("３６００", 3600), ("一点六亿", 160000000),
    ("2.5万亿", 2500000000000), ("届", None),
])
def test_parse_number(span, value):
    assert parse_number(span) == value


# --- found on the corpus of 2026 provincial reports (bench/extract_bench.py) ---------------

@pytest.mark.parametrize("text,surface,value,unit,qualifier", [
    ("接待游客750多万人次。", "750多万人次", 7500000, "人次", "at_least"),
    ("吸引三百多万人参加。", "三百多万人", 3000000, "人", "at_least"),
    ("投资800多万元。", "800多万元", 8000000, "元", "at_least"),
    ("人均预期寿命79.5岁。", "79.5岁", 79.5, "岁", "exact"),
    ("粮食产量1.2亿斤。", "1.2亿斤", 120000000, "斤", "exact"),
    ("建成500千伏变电站。", "500千伏", 500, "千伏", "exact"),
    ("浓度降至32微克/立方米。", "32微克/立方米", 32, "微克/立方米", "exact"),
    ("通勤时间缩短20分钟。", "20分钟", 20, "分钟", "exact"),
    ("完成投资1.1亿元。", "1.1亿元", 110000000, "元", "exact"),
])
def test_corpus_units_and_multipliers(text, surface, value, unit, qualifier):
    m = one(text)
    assert (m.surface, m.value, m.unit, m.qualifier) == (surface, value, unit, qualifier)
    assert type(m.value) is type(value)  # 110000000, not 110000000.00000001


@pytest.mark.parametrize("text,label", [
    ("建成5G基站。", "5G"), ("PM2.5浓度下降。", "PM2.5"), ("G331国道通车。", "G331"),
    ("T3B航站楼投用。", "T3B"), ("C919交付。", "C919"), ("新增5A景区。", "5A"),
])
def test_technical_labels_are_names_without_value(text, label):
    m = one(text)
    assert (m.surface, m.kind, m.value) == (label, "name", None)


def test_ascii_units_are_not_labels():
    m = one("储能装机55GWh。")
    assert (m.surface, m.value, m.unit, m.kind) == ("55GWh", 55, "GWh", "metric")


@pytest.mark.parametrize("text", ["推动一二三次产业融合。", "三四个部门。"])
def test_digit_runs_without_zero_are_not_values(text):
    assert extract(text) == []
    assert parse_number("一二三") is None and parse_number("二〇二四") == 2024


def test_list_numbering_is_ordinal():
    ms = extract("附注：\n1.“四上”企业：规模以上企业。\n（2）做好重点工作。")
    got = [(m.surface, m.kind, m.rule) for m in ms if m.rule in ("list_number", "paren_number")]
    assert got == [("1", "ordinal", "list_number"), ("2", "ordinal", "paren_number")]
    assert [m.kind for m in extract("增长1.5%。")] == ["metric"]  # a decimal is not list numbering


# --- crashes found by hand and by 12,000 random strings (issue 11) ---------------------------

@pytest.mark.parametrize("text,expected", [
    ("其中：、3项", [("3项", 3)]),
    ("五二、", [("五二、", 52)]),  # a malformed heading numeral, read digit by digit
    ("十十、好", [("十十、", 20)]),
    ("二十、好", [("二十、", 20)]),
])
def test_tiny_texts_that_crashed(text, expected):
    assert [(m.surface, m.value) for m in extract(text)] == expected


@pytest.mark.parametrize("label,value", [("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("二十", 20),
                                         ("九十九", 99), ("五二", 52), ("十十", 20), ("", 0)])
def test_heading_numerals_never_raise(label, value):
    from reportfigures.text.document import small_cn_int

    assert small_cn_int(label) == value


@pytest.mark.parametrize("text,surface", [
    ("贯彻中共二十大精神。", "二十大"),
    ("学习二十大精神。", "二十大"),  # without 的/共 before it: 20, not 十大
    ("党的十九大以来。", "十九大"),
])
def test_party_congress(text, surface):
    m = next(m for m in extract(text) if m.rule == "party_congress")
    assert m.surface == surface and m.value == parse_number(surface[:-1])


@pytest.mark.parametrize("text,surface,items", [
    ("党组和主席班子成员牵头推进甲评价改革、乙议事改革、丙联动改革、丁直报改革4项市级重点改革。", "4项",
     ["甲评价改革", "乙议事改革", "丙联动改革", "丁直报改革"]),  # 和 inside the lead-in, not between items
    ("推动呼和浩特、鄂尔多斯、满洲里3个城市建设。", "3个", ["呼和浩特", "鄂尔多斯", "满洲里"]),
    ("围绕乡村全面振兴、生态环境保护和城市更新三个领域开展监督。", "三个", ["乡村全面振兴", "生态环境保护", "城市更新"]),
    ("市政府办公厅对持续提升国际旅游吸引力、加大品牌推广力度、全面提升运营管理 16 个方面建议进行了分解交办。", "16 个方面",
     ["持续提升国际旅游吸引力", "加大品牌推广力度", "全面提升运营管理"]),  # the body acting on them is not an item
    ("扩大对外开放、深化改革、优化营商环境3项任务。", "3项", ["扩大对外开放", "深化改革", "优化营商环境"]),  # 对 inside an item
])
def test_list_items_start_after_the_lead_in(text, surface, items):
    m = next(m for m in extract(text) if m.surface == surface)
    assert m.kind == "list_count" and m.listed == items


def test_a_patterns_needs_hold_wherever_it_matches():
    """`needs` lets a pattern skip a text without one of its words: each word list must be
    implied by the regex, or a text would lose matches. Every match over the 2024 report and
    the corpus of both years stands in a text holding one of the words."""
    from conftest import CORPUS, REPORT
    from reportfigures.extract.vocabulary import vocabulary
    from reportfigures.source.read import read_text

    if not CORPUS.is_dir():
        pytest.skip("the corpus is not beside the checkout")
    texts = [read_text(REPORT).text] + [p.read_text(encoding="utf-8") for y in ("2025", "2026")
                                        for p in sorted(CORPUS.parent.glob(f"gov-work-reports-{y}/*.txt"))]
    checked = 0
    for p in vocabulary().patterns:
        if not p.needs:
            continue
        for text in texts:
            for m in p.rx.finditer(text):
                checked += 1
                window = text[max(0, m.start() - 20):m.end() + 20]
                assert any(w in window for w in p.needs), (p.name, window)
    assert checked > 100
