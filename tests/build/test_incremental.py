"""The edit loop: after one chart's wording changes, only the notebook that draws it runs
again; the tables, the other notebooks and the unchanged charts are reused."""

import json
import shutil

import pytest

from reportfigures.build import build as edition_build
from reportfigures.cli import main


@pytest.fixture
def built_copy(built_edition, tmp_path):
    root = tmp_path / "proj"
    shutil.copytree(built_edition, root, symlinks=True)
    return root


def record(root):
    return json.loads((root / "outputs" / "2024" / "edition.json").read_text(encoding="utf-8"))


def test_a_title_edit_reruns_only_its_notebook(built_copy):
    root = built_copy
    before = record(root)
    fy = root / "data" / "charts" / "figures.yml"
    fy.write_text(fy.read_text(encoding="utf-8").replace("title: 提案：收到、立案与办理满意率", "title: 提案收到与立案"),
                  encoding="utf-8")
    lines = []
    edition_build.build(root, 2024, log=lines.append, progress=False)
    after = record(root)
    assert "  tables: unchanged, reused from the last edition" in lines
    ran = [n for n, r in after["notebook_runs"].items() if r["key"] != before["notebook_runs"][n]["key"]]
    assert ran == ["theme_proposals"]  # the English notebook reads title_en, which did not change
    assert after["reused_notebooks"] == len(after["notebooks"]) - 1
    page = (root / "outputs" / "2024" / "index.html").read_text(encoding="utf-8")
    assert "提案收到与立案" in page and "提案：收到、立案与办理满意率" not in page
    svg = (root / "outputs" / "2024" / "charts" / "proposals_filing.svg").read_text(encoding="utf-8")
    assert "提案收到与立案" in svg
    for name in after["notebooks"]:  # every notebook and chart is there, reused or not
        assert (root / "outputs" / "2024" / "notebooks" / f"{name}.html").exists()
    svgs = [p.name for p in (root / "outputs" / "2024" / "charts").glob("*.svg")]
    assert len([n for n in svgs if not n.endswith(".narrow.svg")]) == len(after["figures"])
    assert len([n for n in svgs if n.endswith(".narrow.svg")]) == len(after["figures"])  # the phone versions
    narrow = (root / "outputs" / "2024" / "charts" / "proposals_filing.narrow.svg").read_text(encoding="utf-8")
    assert "提案收到与立案" in narrow


def test_a_removed_figure_does_not_linger(built_copy):
    root = built_copy
    fy = root / "data" / "charts" / "figures.yml"
    text = fy.read_text(encoding="utf-8")
    start = text.index("  - id: yushi_events")
    end = text.index("  - id: grassroots_funds")
    fy.write_text(text[:start] + text[end:], encoding="utf-8")
    edition_build.build(root, 2024, log=lambda *a: None, progress=False)
    charts = root / "outputs" / "2024" / "charts"
    assert not list(charts.glob("yushi_events.*")) and not list((charts / "en").glob("yushi_events.*"))
    assert "yushi_events" not in record(root)["figures"]


def test_the_one_chart_preview(built_copy, capsys):
    root = built_copy
    fy = root / "data" / "charts" / "figures.yml"
    fy.write_text(fy.read_text(encoding="utf-8").replace("title: 提案：收到、立案与办理满意率", "title: 新标题"),
                  encoding="utf-8")
    assert main(["--root", str(root), "chart", "proposals_filing", "--year", "2024"]) == 0
    out = capsys.readouterr().out
    png = root / "outputs" / ".preview" / "2024" / "proposals_filing.png"
    assert str(png) in out and png.stat().st_size > 0 and "新标题" in out
    published = (root / "outputs" / "2024" / "charts" / "proposals_filing.svg").read_text(encoding="utf-8")
    assert "新标题" not in published  # a preview does not touch the published edition
    assert main(["--root", str(root), "chart", "no_such_chart"]) == 2
