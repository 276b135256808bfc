"""The rules a graphics desk holds a chart to, tested on the chart specs: a misleading chart
fails, a sound one passes (charts.lint; save_figure refuses what lint flags)."""

import copy

import pytest

from reportfigures.publish.charts.make import make_figure
from reportfigures.publish.charts.render import embed_snippet, offline_html, save_figure
from reportfigures.publish.charts.style import BOUND_KEY, LABEL_SIZE, NARROW_WIDTH, _text_width, wrap_label
from reportfigures.publish.charts.lint import _walk, contrast, lint
from reportfigures.publish.charts.furniture import _label_column
from reportfigures.errors import InputError

META = {"title": "报告", "title_en": "Report"}


def claim(cid, value, unit, qualifier="exact", noun="", section="一、/(一)"):
    return {"id": cid, "value": value, "unit": unit, "qualifier": qualifier, "subject_zh": f"{cid[-1]}项目",
            "subject_en": f"item {cid[-1]}", "surface": f"{value}{unit}", "section": section, "start": 0, "end": 1,
            "noun": noun, "kind": "metric"}


CLAIMS = [claim("t.a", 10, "件"), claim("t.b", 32, "件"), claim("t.c", 263, "个"), claim("t.d", 800, "篇", "at_least"),
          claim("t.e", 59, "项", noun="重点协商"), claim("t.f", 60, "项", noun="重点协商")]


def figure(kind="panels", ids=("t.a", "t.b", "t.c"), lang="zh", **extra):
    d = {"id": "f", "theme": "t", "type": kind, "title": "标题", "title_en": "Title", "finding": "发现", "finding_en": "Finding",
         "alt": "替代文字说明", "alt_en": "Alt text that states the finding", "claims": list(ids)} | extra
    return make_figure(d, CLAIMS, [], [], META, 2024, lang)


def test_a_sound_chart_passes_in_both_languages():
    for lang in ("zh", "en"):
        assert lint(figure(lang=lang).spec) == []
        assert lint(figure("bars", ("t.a", "t.b"), lang).spec) == []


def test_the_same_unit_shares_one_scale():
    spec = figure().spec
    assert len(spec["vconcat"]) == 3  # 件 and 个 panels, then the footer
    bad = copy.deepcopy(spec)  # split the two 件 bars onto panels of their own
    a = copy.deepcopy(bad["vconcat"][0])
    a["data"]["values"] = a["data"]["values"][:1]
    bad["vconcat"][0]["data"]["values"] = bad["vconcat"][0]["data"]["values"][1:]
    bad["vconcat"].insert(0, a)
    assert any("same unit on separate scales: 件" in p for p in lint(bad))


def test_nothing_is_stacked():
    bad = copy.deepcopy(figure().spec)
    bad["vconcat"][0]["layer"][0]["encoding"]["x"]["stack"] = "zero"
    assert any("stacked" in p for p in lint(bad))
    bad = copy.deepcopy(figure().spec)
    for v in bad["vconcat"][0]["data"]["values"]:
        v["label"] = "同一行"
    assert any("two bars share a row" in p for p in lint(bad))


def test_a_plan_is_drawn_against_an_actual_only_for_the_same_measure():
    ok = figure("plan", (), actual=["t.e"], target=["t.f"])
    assert lint(ok.spec) == []
    marks = [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
             for layer in ok.spec["vconcat"][0]["layer"]]
    assert "tick" in marks  # the target is a reference mark, not a stacked bar
    CLAIMS[5]["noun"] = "双向评价满意率"
    try:
        with pytest.raises(InputError, match="do not measure the same thing"):
            figure("plan", (), actual=["t.e"], target=["t.f"])
    finally:
        CLAIMS[5]["noun"] = "重点协商"
    bad = copy.deepcopy(ok.spec)
    bad["usermeta"]["reportfigures"]["same_measure"] = False
    assert any("plan drawn against an actual" in p for p in lint(bad))


def test_no_internal_ids_in_the_image():
    bad = copy.deepcopy(figure().spec)
    bad["vconcat"][-1]["data"]["values"][-1]["line"] = "声明：grassroots.subsidy_funds"
    assert any("internal ids" in p for p in lint(bad))
    bad = copy.deepcopy(figure().spec)
    bad["vconcat"][0]["data"]["values"][0]["label"] = "t.a"
    assert any("internal ids" in p for p in lint(bad))


def test_a_legend_only_for_what_is_drawn():
    bad = copy.deepcopy(figure("bars", ("t.a", "t.b")).spec)
    enc = bad["vconcat"][0]["layer"][0]["encoding"]
    enc["fillOpacity"] = {"field": "value_kind", "type": "nominal", "legend": {"orient": "top"},
                          "scale": {"domain": ["确数", "下限或约数（虚线框）"], "range": [1, 0.35]}}
    assert any("legend for what is not drawn" in p for p in lint(bad))


def test_text_contrast_at_least_4_5():
    bad = copy.deepcopy(figure().spec)
    bad["title"]["subtitleColor"] = "#aaaaaa"
    assert any("subtitle: contrast" in p for p in lint(bad))
    bad = copy.deepcopy(figure().spec)
    label = bad["vconcat"][0]["layer"][1]["mark"]
    label.update({"align": "right", "dx": -4, "color": "white"})
    assert any("inside its bar" in p for p in lint(bad))
    assert contrast("#ffffff", "#F0C080") < 4.5 <= contrast("#1a1a1a", "#ffffff")


def test_no_log_scale():
    bad = copy.deepcopy(figure().spec)
    bad["vconcat"][0]["layer"][0]["encoding"]["x"]["scale"]["type"] = "log"
    assert any("log scale" in p for p in lint(bad))


def test_a_misleading_chart_is_not_saved(tmp_path):
    fig = figure()
    fig.spec["title"]["subtitleColor"] = "#cccccc"
    with pytest.raises(InputError, match="would mislead"):
        save_figure(fig, tmp_path)


def test_a_bound_gets_its_key_and_no_legend():
    spec = figure("bars", ("t.d",)).spec
    footer = [v["line"] for v in spec["vconcat"][-1]["data"]["values"]]
    assert BOUND_KEY["zh"] in footer
    assert "legend" not in spec["vconcat"][0]["layer"][0]["encoding"]["fillOpacity"]
    assert BOUND_KEY["zh"] not in [v["line"] for v in figure("bars", ("t.a",)).spec["vconcat"][-1]["data"]["values"]]


def test_the_html_chart_follows_its_container():
    html = offline_html(figure())
    assert "clientWidth" in html and "addEventListener('resize'" in html and "postMessage" in html
    snippet = embed_snippet("f", 2024, "标题", "替代文字")
    assert 'src="2024/charts/f.html"' in snippet and 'title="标题"' in snippet and "aria-label" in snippet
    assert "width:100%" in snippet and "f.height" in snippet


LONG = "items on the rectification lists drawn up by municipal departments after the inspections of the year"


def test_a_long_label_is_wrapped_not_cut_off():
    wrapped = wrap_label("items on the rectification lists drawn up by municipal departments", 260)
    assert wrapped.count("\n") == 1 and "…" not in wrapped
    assert wrapped.replace("\n", " ") == "items on the rectification lists drawn up by municipal departments"
    assert wrap_label("收到提案", 220) == "收到提案"  # a short one is left alone
    longest = wrap_label(LONG * 2, 260)
    assert longest.count("\n") == 1 and longest.endswith("…")
    assert all(_text_width(line, LABEL_SIZE) <= 260 for line in longest.split("\n"))


def test_a_label_cut_off_fails_and_a_wrapped_one_passes():
    long_claims = [dict(c, subject_en=LONG) if c["id"] == "t.a" else c for c in CLAIMS]
    d = {"id": "f", "theme": "t", "type": "bars", "title": "标题", "title_en": "Title", "finding": "发现",
         "finding_en": "Finding", "alt": "替代文字说明", "alt_en": "Alt text", "claims": ["t.a", "t.b"]}
    sound = make_figure(d, long_claims, [], [], META, 2024, "en").spec
    assert lint(sound) == []
    cut = copy.deepcopy(sound)
    for _, node in _walk(cut):
        if isinstance(node, dict) and isinstance(node.get("data"), dict):
            for v in node["data"].get("values", []):
                if "label" in v:
                    v["label"] = v["label"].replace("\n", " ")  # one line, as before the wrap
    assert any("label cut off" in p for p in lint(cut))


def test_the_footer_starts_where_the_labels_start():
    """The notes and source line up with the title at the left edge, whatever the labels' width."""
    for lang in ("zh", "en"):
        spec = figure(lang=lang).spec
        footer = spec["vconcat"][-1]
        assert footer["encoding"]["x"]["value"] == -(round(_label_column(spec)) + 8)


def test_a_narrow_chart_wraps_its_title_and_is_held_to_the_same_rules():
    d = {"id": "f", "theme": "t", "type": "panels", "claims": ["t.a", "t.b", "t.c"], "alt": "替代文字说明",
         "alt_en": "Alt text", "title": "标题", "finding": "发现",
         "title_en": "A long title that a phone could never show on one line of the chart",
         "finding_en": "A finding that is also far too long for a single line on a narrow screen"}
    spec = make_figure(d, CLAIMS, [], [], META, 2024, "en", NARROW_WIDTH).spec
    assert isinstance(spec["title"]["text"], list) and len(spec["title"]["text"]) >= 2
    assert lint(spec) == []
    spec["title"]["text"][-1] += " grassroots.subsidy_funds"  # a title on several lines is still read
    assert any("internal ids" in p for p in lint(spec))
