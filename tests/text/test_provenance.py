"""Where a report comes from, read from its own opening lines; "unknown" where they are silent."""

from pathlib import Path

import pytest

from reportfigures.text import provenance

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def facts(text: str, year: int = 2026) -> dict[str, str]:
    return {f["key"]: f["zh"] for f in provenance.read(text, year)["facts"]}


def test_a_report_with_every_fact():
    text = ("下载\n打印\n2026年重庆市政府工作报告\n——2026年1月28日在重庆市第六届人民代表大会第四次会议上\n"
            "来源：重庆日报\n时间：2026-02-03\n重庆市人民政府市长 胡衡华\n各位代表：\n现在，我代表市人民政府向大会报告工作。")
    meta = provenance.read(text, 2026, 2025)
    f = facts(text)
    assert meta["title"] == "2026年重庆市政府工作报告" and meta["body"] == "重庆市人民政府"
    assert meta["title_en"] == "2026 Government Work Report of Chongqing Municipality"
    assert (meta["reviewed_year"], meta["task_year"]) == (2025, 2026)
    assert f == {"delivered_on": "2026年1月28日", "session": "重庆市第六届人民代表大会第四次会议",
                 "delivered_by": "重庆市人民政府市长胡衡华", "printed_in": "重庆日报", "published_on": "2026-02-03"}
    en = {x["key"]: x["en"] for x in meta["facts"]}
    assert en["delivered_by"] == "Hu Henghua (mayor)" and en["delivered_on"] == "2026-01-28"
    assert en["session"] == "the 4th session of the 6th People's Congress of Chongqing Municipality"
    assert meta["gaps_zh"] and "下载" in meta["gaps_zh"][0]  # the web-page chrome is said, not hidden


@pytest.mark.parametrize("head,who,when", [
    ("2025年安徽省政府工作报告\n2025年1月20日在安徽省第十四届人民代表大会第三次会议上安徽省人民政府省长\xa0王清宪作政府工作报告\n",
     "安徽省人民政府省长王清宪", "2025年1月20日"),
    ("2026年甘肃省政府工作报告\n——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上\n甘肃省省长 任振鹤\n",
     "甘肃省省长任振鹤", "2026年1月27日"),
    ("2025年上海市政府工作报告\n----2025年1月15日龚正市长在上海市第十六届人民代表大会第三次会议的政府工作报告\n",
     "市长龚正", "2025年1月15日"),
    ("2026年新疆维吾尔自治区政府工作报告\n——2026年1月27日在新疆维吾尔自治区第十四届人民代表大会第四次会议上\n"
     "自治区主席 艾尔肯·吐尼亚孜\n", "自治区主席艾尔肯·吐尼亚孜", "2026年1月27日"),
])
def test_the_shapes_the_opening_lines_take(head, who, when):
    f = facts(head + "各位代表：\n")
    assert f["delivered_by"] == who and f["delivered_on"] == when


def test_what_the_text_does_not_say_is_unknown():
    meta = provenance.read("各位代表：\n现在，我代表省人民政府向大会报告工作。\n一、2025年工作回顾\n", 2026)
    f = {x["key"]: x for x in meta["facts"]}
    for key in ("delivered_on", "session", "delivered_by", "printed_in", "published_on"):
        assert f[key]["zh"].startswith("未知") and f[key]["en"].startswith("unknown")
    assert meta["reviewed_year"] == 2025  # the year before the report's own, when nothing else says


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not beside the checkout")
def test_every_report_of_the_corpus_says_who_when_and_where():
    for path in sorted(CORPUS.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        meta = provenance.read(text, int(path.name[:4]))
        f = {x["key"]: x["zh"] for x in meta["facts"]}
        assert "政府工作报告" in meta["title"] and meta["body"].endswith("人民政府"), path.name
        assert not f["delivered_on"].startswith("未知") and "人民代表大会" in f["session"], path.name
        assert not f["delivered_by"].startswith("未知"), path.name
