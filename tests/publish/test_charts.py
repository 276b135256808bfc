"""Charts: CJK glyphs drawn, newsroom furniture in every format and both languages, bounds
drawn as bounds; the drawing rules themselves are tested in test_chart_rules.py."""

import html
import json
import re

import pytest

from conftest import ROOT
from reportfigures.publish.charts.lint import glyphs_differ, lint
from reportfigures.publish.charts.figures import CLAIM_ID, drawable, fill, load_figures, value_index
from reportfigures.publish.charts.make import make_figure
from reportfigures.publish.charts.style import BOUND_KEY, LANGS, NARROW_WIDTH
from reportfigures.publish.charts.bars import build_bars
from reportfigures.errors import CatalogError, InputError


def test_chinese_glyphs_are_drawn_not_boxes():
    """Two different characters must not rasterise to the same bitmap (a box for both)."""
    assert glyphs_differ("提", "案"), "no CJK font: run scripts/install-system-deps"
    assert glyphs_differ("提", " ")


def test_glyph_check_fails_on_characters_no_font_has():
    """The check can fail: two private-use code points are drawn as the same missing-glyph box."""
    assert not glyphs_differ("\ue000", "\ue001")


@pytest.fixture(scope="module")
def chart_dir(built_edition):
    return built_edition / "outputs" / "2024" / "charts"


def test_every_figure_in_every_format_and_language(chart_dir):
    for d in load_figures(ROOT / "data" / "charts" / "figures.yml"):
        for folder in (chart_dir, chart_dir / "en"):
            for ext in (".vl.json", ".svg", ".png", ".html", ".csv"):
                assert (folder / f"{d['id']}{ext}").stat().st_size > 0, (d["id"], folder.name, ext)
    assert (chart_dir / "vega.js").stat().st_size > 100_000  # one offline copy of Vega for every chart page


def test_furniture_is_the_same_everywhere(chart_dir):
    claims = {c["id"]: c for c in json.loads((chart_dir.parent / "claims.json").read_text(encoding="utf-8"))}
    for folder, lang in ((chart_dir, "zh"), (chart_dir / "en", "en")):
        for spec_path in folder.glob("*.vl.json"):
            spec = json.loads(spec_path.read_text(encoding="utf-8"))
            meta = spec["usermeta"]["reportfigures"]
            assert meta["lang"] == lang
            assert "{" not in meta["subtitle"] + meta["alt"] + meta["notes"], "unfilled placeholder"
            assert meta["alt"] != meta["title"] and len(meta["alt"]) > 20
            assert ("工作报告" in meta["source"] if lang == "zh" else "Work report" in meta["source"]) and "2024" in meta["source"]
            assert all(c in claims for c in meta["claims"]) and not CLAIM_ID.search(meta["source"])
            assert spec["title"]["subtitle"] == meta["subtitle"] and spec["description"] == meta["alt"]
            svg = (folder / f"{meta['figure']}.svg").read_text(encoding="utf-8")
            head = svg[:svg.index(">", svg.index("<svg")) + 1]
            assert 'role="img"' in head and ('lang="zh-Hans"' if lang == "zh" else 'lang="en"') in head
            assert f"<title id=\"chart-title\">{html.escape(meta['title'])}</title>" in svg
            assert "<desc id=\"chart-desc\">" in svg
            page = (folder / f"{meta['figure']}.html").read_text(encoding="utf-8")
            assert "https://" not in page.replace("https://vega.github.io/schema", "")  # offline
            assert meta["figure"] + ".csv" in page and "vega.js" in page and "clientWidth" in page
            # the subtitle's numbers are the claims' numbers, formatted by the one formatter
            for num in re.findall(r"\d+(?:\.\d+)?", meta["subtitle"].replace(",", "")):
                assert num in json.dumps(spec["usermeta"], ensure_ascii=False).replace(",", "")
            assert lint(spec) == [], (spec_path, lint(spec))


def test_bounds_are_drawn_as_bounds(chart_dir):
    import csv
    rows = list(csv.DictReader(open(chart_dir / "social_opinion_funnel.csv", encoding="utf-8")))
    submitted = next(r for r in rows if r["claim_id"] == "social_opinion.submitted")
    assert submitted["bound"] == "True" and submitted["text"].startswith("至少")
    spec = json.loads((chart_dir / "social_opinion_funnel.vl.json").read_text(encoding="utf-8"))
    bar = spec["vconcat"][0]["layer"][0]["encoding"]
    assert bar["strokeDash"]["condition"]["test"] == "datum.bound" and bar["fillOpacity"]["condition"]["value"] < 1
    assert BOUND_KEY["zh"] in [v["line"] for v in spec["vconcat"][-1]["data"]["values"]]  # the key, drawn


def test_chart_notes_quote_the_claims_not_typed_numbers():
    """Every number in figures.yml's notes is a placeholder: next year it stays right."""
    for d in load_figures(ROOT / "data" / "charts" / "figures.yml"):
        for key in ("finding", "finding_en", "alt", "alt_en", "notes", "notes_en"):
            text = re.sub(r"\{[a-z0-9_.]+\}", "", str(d.get(key) or ""))
            assert not re.search(r"\d", text), (d["id"], key, text)


def test_template_with_an_unknown_name_is_an_error():
    with pytest.raises(InputError, match="no.such"):
        fill("{no.such}", {})
    assert fill("{a.b}件", {"a.b": {"value": 800, "unit": "篇", "qualifier": "at_least"}}) == "至少800篇件"


def test_figures_file_errors_name_the_line(tmp_path):
    bad = tmp_path / "figures.yml"
    bad.write_text("figures:\n  - id: x\n    theme: t\n    type: pie\n    title: a\n    title_en: a\n    finding: b\n"
                   "    finding_en: b\n    alt: c\n    alt_en: c\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"line 2: figure x: unknown type 'pie'"):
        load_figures(bad)


def test_mixed_units_never_share_an_axis():
    import pandas as pd
    table = pd.DataFrame([{"unit": "件"}, {"unit": "处"}])
    with pytest.raises(InputError, match="one unit"):
        build_bars(table)


def test_every_figure_has_a_sound_narrow_drawing(built_edition):
    """The phone version of each chart of the edition passes the same rules and is narrow."""
    from reportfigures.publish.present import open_edition
    ed = open_edition(built_edition, 2024, built_edition / "outputs" / "2024")
    index = value_index(ed.claims, ed.derived, ed.findings, ed.year)
    drawn = 0
    for d in ed.figures:
        if not drawable(d, index):
            continue
        for lang in LANGS:
            fig = make_figure(d, ed.claims, ed.derived, ed.findings, ed.meta, ed.year, lang, NARROW_WIDTH)
            assert lint(fig.spec) == [], (d["id"], lang)
            assert fig.spec["usermeta"]["reportfigures"]["narrow"] is True
            assert (built_edition / "outputs" / "2024" / "charts" / ("" if lang == "zh" else "en")
                    / f"{d['id']}.narrow.svg").is_file()
            drawn += 1
    assert drawn >= 20
