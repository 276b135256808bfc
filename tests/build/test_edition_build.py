"""The edition build: notebooks through papermill, the front page, atomicity, the cache."""

import json
import re
import shutil

import pytest

from conftest import ROOT, copy_project
from reportfigures.build import cache
from reportfigures.build import build as edition_build
from reportfigures.yearly.params import load_params
from reportfigures.build import notebooks
from reportfigures.publish.site.source_view import source_view
from reportfigures.publish.site.annotations import selectors
from reportfigures.errors import NotebookError


def test_edition_has_notebooks_charts_and_pages(built_edition):
    out = built_edition / "outputs" / "2024"
    claims = json.loads((out / "claims.json").read_text(encoding="utf-8"))
    themes = sorted({c["theme"] for c in claims})
    names = ["overview"] + [f"theme_{t}" for t in themes] + ["validation"]
    names += [f"en/{n}" for n in names]  # the notebooks' prose follows the pages: in both languages
    record = json.loads((out / "edition.json").read_text(encoding="utf-8"))
    assert sorted(record["notebooks"]) == sorted(names) and len(record["figures"]) >= 10
    assert record["built_at"] and record["package_version"]
    for n in names:
        raw = (out / "notebooks" / f"{n}.ipynb").read_text(encoding="utf-8")
        nb = json.loads(raw)
        params = [c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", [])]
        injected = [c for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", [])]
        assert len(params) == 1 and not injected, n  # one parameters cell, with the values the build used
        assert "year = 2024" in "".join(params[0]["source"])
        assert str(built_edition) not in raw and "staging" not in raw, n  # no build path in a notebook
        assert not any(o.get("output_type") == "error" for c in nb["cells"] for o in c.get("outputs", []))
        html = (out / "notebooks" / f"{n}.html").read_text(encoding="utf-8")
        assert "<table" in html or "<svg" in html, n
        assert str(built_edition) not in html
    en = (out / "notebooks" / "en" / "theme_proposals.html").read_text(encoding="utf-8")
    assert "The claims" in en and "声明" not in re.sub(r"<[^>]+>", "", en.split("The claims")[0])[-200:]
    theme_nb = json.loads((out / "notebooks" / "theme_proposals.ipynb").read_text(encoding="utf-8"))
    cell = next(c for c in theme_nb["cells"] if "parameters" in c["metadata"].get("tags", []))
    assert "theme = 'proposals'" in "".join(cell["source"]) or 'theme = "proposals"' in "".join(cell["source"])
    for f in ("index.html", "en/index.html", "annotations.json", "claims.csv", "findings.csv", "validation.html",
              "edition.json", "edition.xlsx"):
        assert (out / f).stat().st_size > 0, f


def test_one_theme_notebook_serves_every_theme():
    nbs = sorted(p.name for p in (ROOT / "notebooks").glob("*.py"))
    assert nbs == ["compare.py", "corpus.py", "overview.py", "theme.py", "validation.py"]  # corpus: not an edition's
    plan = notebooks.plan(ROOT, ["proposals", "a_theme_no_one_wrote_yet", "other"], base_year=2024, langs=("zh",))
    assert [(p.path.name, p.name) for p in plan] == [
        ("overview.py", "overview"), ("theme.py", "theme_proposals"), ("theme.py", "theme_a_theme_no_one_wrote_yet"),
        ("theme.py", "theme_other"), ("validation.py", "validation"), ("compare.py", "compare")]
    src = (ROOT / "notebooks" / "theme.py").read_text(encoding="utf-8")
    for exposed in ("theme =", "lang =", "width =", "charts =", "languages =", "data/charts/figures.yml"):
        assert exposed in src


def test_the_workbook_opens_with_chinese_intact(built_edition):
    from openpyxl import load_workbook
    wb = load_workbook(built_edition / "outputs" / "2024" / "edition.xlsx", read_only=True)
    assert {"claims", "findings", "derived", "numbers"} <= set(wb.sheetnames)
    assert any(name.startswith("chart ") for name in wb.sheetnames)
    rows = list(wb["claims"].iter_rows(values_only=True))
    header = rows[0]
    subjects = [r[header.index("subject_zh")] for r in rows[1:]]
    assert "收到提案" in subjects


def test_source_view_escapes_the_report():
    class M:
        start, end, kind = 9, 12, "metric"
    text = "<script>a100件</script>&"
    claims = [{"id": "x.y", "start": 9, "end": 12}]
    out = source_view(text, [M()], claims, [])
    assert "<script>" not in out and "&lt;script&gt;" in out and "&amp;" in out
    assert '<a class="num r-cannot_check" id="m-9" href="#claim-x.y"' in out


def test_quote_selector_refinds_a_reflowed_number():
    text = "全年共收到提案1551件,经审查立案1364件"
    sel = selectors(text, 7, 12)["quote"]
    reflowed = "前言。\n" + text.replace(",", "，\n")
    i = reflowed.find(sel["exact"])
    assert reflowed[:i].endswith(sel["prefix"][-5:]) and sel["exact"] == "1551件"


def _project_with(tmp_path, notebooks_src: dict[str, str]):
    root = copy_project(tmp_path / "proj")
    shutil.rmtree(root / "notebooks")
    (root / "notebooks").mkdir()
    for name, src in notebooks_src.items():
        (root / "notebooks" / name).write_text(src, encoding="utf-8")
    return root


PARAMS = '# %% tags=["parameters"]\nyear = 2024\nroot = "."\nout_dir = ""\nlang = "zh"\n'


def test_failing_notebook_names_notebook_and_cell_and_keeps_last_edition(tmp_path):
    root = _project_with(tmp_path, {"overview.py": PARAMS + "\n# %%\nx = 1\n\n# %%\nraise ValueError('boom')\n",
                                    "theme.py": PARAMS, "validation.py": PARAMS})
    last = root / "outputs" / "2024"
    last.mkdir(parents=True)
    (last / "index.html").write_text("last good edition", encoding="utf-8")
    with pytest.raises(NotebookError, match=r"overview\.py: cell \d+: ValueError: boom"):
        edition_build.build(root, 2024, log=lambda *a: None, progress=False)
    assert (last / "index.html").read_text(encoding="utf-8") == "last good edition"
    assert [p.name for p in (root / "outputs").iterdir() if p.name not in (".render-cache", ".notebook-cache") and not p.name.endswith(".lock")] \
        == ["2024"]  # no staging folder left


def test_notebook_without_parameters_cell_is_refused(tmp_path):
    bad = tmp_path / "01_x.py"
    bad.write_text("# %%\nyear = 2024\n", encoding="utf-8")
    with pytest.raises(NotebookError, match="no cell tagged `parameters`"):
        notebooks.read_notebook(bad)
    good = tmp_path / "02_y.py"
    good.write_text(PARAMS, encoding="utf-8")
    assert notebooks.read_notebook(good).cells
    partial = tmp_path / "03_z.py"
    partial.write_text('# %% tags=["parameters"]\nyear = 2024\n', encoding="utf-8")
    with pytest.raises(NotebookError, match="lacks root, out_dir, lang"):
        notebooks.read_notebook(partial)


def test_every_notebook_has_its_parameters():
    for p in (ROOT / "notebooks").glob("*.py"):
        notebooks.read_notebook(p)


CACHE_INPUTS = ["notebooks/theme.py", "data/charts/themes.yml", "data/editions/2024/edition.yml", "data/raw/2024/report.txt",
                "data/claims/catalog.yml", "data/claims/relations.yml", "data/editions/2024/claims.reviewed.csv",
                "data/charts/figures.yml", "requirements.lock", "expectations/gx/expectations/claims_integrity.json",
                "data/raw/2024/report.meta.yml"]


@pytest.fixture
def cache_project(tmp_path):
    return copy_project(tmp_path / "proj")


@pytest.mark.parametrize("rel", CACHE_INPUTS)
def test_changing_any_input_changes_the_cache_key(cache_project, rel):
    params = load_params(cache_project, 2024)
    before = cache.cache_key(cache_project, 2024, params)
    assert cache.cache_key(cache_project, 2024, params) == before  # stable
    path = cache_project / rel
    path.chmod(0o644)
    path.write_bytes(path.read_bytes() + b"\n")
    assert cache.cache_key(cache_project, 2024, load_params(cache_project, 2024)) != before


def test_package_code_and_version_are_in_the_key(cache_project, monkeypatch, tmp_path):
    params = load_params(cache_project, 2024)
    before = cache.cache_key(cache_project, 2024, params)
    monkeypatch.setattr(cache, "__version__", "999")
    assert cache.cache_key(cache_project, 2024, params) != before
    monkeypatch.undo()
    pkg = tmp_path / "pkg"
    shutil.copytree(cache.PACKAGE_DIR, pkg, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE_DIR", pkg)
    assert cache.cache_key(cache_project, 2024, params) == before
    (pkg / "extract" / "grammar.py").write_text((pkg / "extract" / "grammar.py").read_text() + "\n# changed\n")
    assert cache.cache_key(cache_project, 2024, params) != before


def test_noop_rebuild_reuses_and_a_change_reexecutes(built_edition, monkeypatch):
    out = built_edition / "outputs" / "2024"
    stamp = (out / "index.html").stat().st_mtime_ns
    lines = []
    edition_build.build(built_edition, 2024, log=lines.append, progress=False)
    assert "up to date" in lines[0] and (out / "index.html").stat().st_mtime_ns == stamp

    class Reexecuted(Exception):
        pass

    def stop(*a, **k):
        raise Reexecuted
    monkeypatch.setattr(edition_build, "load_inputs", stop)
    nb = built_edition / "notebooks" / "theme.py"
    original = nb.read_text(encoding="utf-8")
    nb.write_text(original + "\n# a comment is a change\n", encoding="utf-8")
    try:
        with pytest.raises(Reexecuted):
            edition_build.build(built_edition, 2024, log=lambda *a: None, progress=False)
    finally:
        nb.write_text(original, encoding="utf-8")
    assert cache.is_current(out, cache.cache_key(built_edition, 2024, load_params(built_edition, 2024)))
