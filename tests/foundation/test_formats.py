"""The one number formatter: Chinese publishing conventions, the same on axes as in text."""

import re

import pytest

from reportfigures.formats import axis_expr, change, number, number_en, quantity


@pytest.mark.parametrize("value,unit,expected", [
    (1551, "件", "1551"),          # counts below 10,000: whole and ungrouped
    (46000, "人次", "4.6万"),
    (345000000, "元", "3.45亿"),
    (160000000, "元", "1.6亿"),
    (98.16, "%", "98.16"),
    (87.94326241134752, "%", "87.94"),
    (10000, "", "1万"),
    (12345, "", "1.23万"),
    (1.0495258166491044, "个/场", "1.05"),
    (0, "", "0"),
    (None, "", "–"),
])
def test_number(value, unit, expected):
    assert number(value, unit) == expected


@pytest.mark.parametrize("value,unit,qualifier,expected", [
    (1551, "件", "exact", "1551件"),
    (800, "篇", "at_least", "至少800篇"),   # 800余篇 is a bound and reads as one
    (92, "%", "at_least", "至少92%"),
    (120, "亿元", "approx", "约120亿元"),
    (30, "家", "at_most", "至多30家"),
])
def test_quantity(value, unit, qualifier, expected):
    assert quantity(value, unit, qualifier) == expected


def test_english_and_change():
    assert number_en(1551, "件") == "1,551" and number_en(160000000, "元") == "160 million yuan"
    assert change(1551, 1608, "件") == "+57件 (+3.7%)"
    assert change(98.16, 98.53, "%") == "+0.37个百分点"
    assert change(None, 3, "件") == "–"


def test_axis_labels_match_the_text_formatter():
    """Vega evaluates axis_expr() on the same values: its labels equal number()'s."""
    import vl_convert as vlc
    values = [1551, 46000, 345000000, 12345, 10000, 980]
    spec = {"data": {"values": [{"value": v, "i": i} for i, v in enumerate(values)]},
            "transform": [{"calculate": axis_expr("datum.value"), "as": "label"}],
            "mark": "text", "encoding": {"y": {"field": "i", "type": "ordinal"}, "text": {"field": "label"}}}
    svg = vlc.vegalite_to_svg(spec)
    drawn = re.findall(r"<text[^>]*>([^<]+)</text>", svg)
    for v in values:
        assert number(v) in drawn, (v, drawn)
