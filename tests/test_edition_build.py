"""The edition build: notebooks through papermill, the front page, atomicity, the cache."""

import json
import re
import shutil

import pytest

from conftest import ROOT, copy_project
from reportfigures import cache, edition, notebooks, site
from reportfigures.errors import NotebookError


def test_edition_has_notebooks_charts_and_front_page(built_edition):
    out = built_edition / "outputs" / "2024"
    names = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.py"))
    assert len(names) >= 8
    for n in names:
        nb = json.loads((out / "notebooks" / f"{n}.ipynb").read_text(encoding="utf-8"))
        injected = [c for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", [])]
        assert injected and "year = 2024" in "".join(injected[0]["source"]), n
        assert not any(o.get("output_type") == "error" for c in nb["cells"] for o in c.get("outputs", []))
        html = (out / "notebooks" / f"{n}.html").read_text(encoding="utf-8")
        assert "<svg" in html or n in ("00_overview", ) or "<table" in html
    for f in ("index.html", "annotations.json", "claims.csv", "findings.csv", "validation.html", "edition.json"):
        assert (out / f).stat().st_size > 0, f
    record = json.loads((out / "edition.json").read_text(encoding="utf-8"))
    assert record["notebooks"] == names and len(record["figures"]) >= 10


def test_front_page_anchors_every_claim_with_both_selectors(built_edition):
    out = built_edition / "outputs" / "2024"
    page = (out / "index.html").read_text(encoding="utf-8")
    text = (built_edition / "data" / "raw" / "2024" / "report.txt").read_text(encoding="utf-8")
    claims = json.loads((out / "claims.json").read_text(encoding="utf-8"))
    import html as h
    for c in claims:
        m = re.search(rf'<a class="num v-(\w+)" id="m-{c["start"]}" href="#claim-{re.escape(c["id"])}"[^>]*>', page)
        assert m, c["id"]
        attrs = dict(re.findall(r'data-(\w+)="([^"]*)"', m.group(0)))
        s, e = int(attrs["start"]), int(attrs["end"])
        assert text[s:e] == h.unescape(attrs["exact"]) == c["surface"]
        assert text[:s].endswith(h.unescape(attrs["prefix"])) and text[e:].startswith(h.unescape(attrs["suffix"]))
        assert f'id="claim-{c["id"]}"' in page and f'href="#m-{c["start"]}"' in page
    annots = json.loads((out / "annotations.json").read_text(encoding="utf-8"))
    assert annots["total"] == len(claims)
    for a in annots["items"]:
        pos, quote = a["target"]["selector"]
        assert text[pos["start"]:pos["end"]] == quote["exact"]
    assert "https://" not in re.sub(r'href="https://[^"]*"', "", page)  # nothing loaded from elsewhere


def test_source_view_escapes_the_report():
    class M:
        start, end, kind = 9, 12, "metric"
    text = "<script>a100件</script>&"
    claims = [{"id": "x.y", "start": 9, "end": 12}]
    out = site.source_view(text, [M()], claims, {})
    assert "<script>" not in out and "&lt;script&gt;" in out and "&amp;" in out
    assert '<a class="num v-unchecked" id="m-9" href="#claim-x.y"' in out


def test_quote_selector_refinds_a_reflowed_number():
    text = "全年共收到提案1551件,经审查立案1364件"
    sel = site.selectors(text, 7, 12)["quote"]
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


PARAMS = '# %% tags=["parameters"]\nyear = 2024\nroot = "."\ntext = ""\ncatalog = ""\nout_dir = ""\n'


def test_failing_notebook_names_notebook_and_cell_and_keeps_last_edition(tmp_path):
    root = _project_with(tmp_path, {"01_broken.py": PARAMS + "\n# %%\nx = 1\n\n# %%\nraise ValueError('boom')\n"})
    last = root / "outputs" / "2024"
    last.mkdir(parents=True)
    (last / "index.html").write_text("last good edition", encoding="utf-8")
    with pytest.raises(NotebookError, match=r"01_broken\.py: cell \d+: ValueError: boom"):
        edition.build(root, 2024, log=lambda *a: None, progress=False)
    assert (last / "index.html").read_text(encoding="utf-8") == "last good edition"
    assert [p.name for p in (root / "outputs").iterdir()] == ["2024"]  # no staging folder left


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
    with pytest.raises(NotebookError, match="lacks root, text, catalog, out_dir"):
        notebooks.read_notebook(partial)


def test_every_notebook_has_its_parameters():
    for p in notebooks.list_notebooks(ROOT):
        notebooks.read_notebook(p)


CACHE_INPUTS = ["notebooks/01_proposals.py", "data/editions/2024/edition.yml", "data/raw/2024/report.txt",
                "data/claims/catalog.yml", "data/claims/relations.yml", "data/editions/2024/claims.reviewed.csv",
                "data/charts/figures.yml", "requirements.lock", "expectations/gx/expectations/claims_integrity.json",
                "data/raw/2024/report.meta.yml"]


@pytest.fixture
def cache_project(tmp_path):
    return copy_project(tmp_path / "proj")


@pytest.mark.parametrize("rel", CACHE_INPUTS)
def test_changing_any_input_changes_the_cache_key(cache_project, rel):
    params = edition.load_params(cache_project, 2024)
    before = cache.cache_key(cache_project, 2024, params)
    assert cache.cache_key(cache_project, 2024, params) == before  # stable
    path = cache_project / rel
    path.chmod(0o644)
    path.write_bytes(path.read_bytes() + b"\n")
    assert cache.cache_key(cache_project, 2024, edition.load_params(cache_project, 2024)) != before


def test_package_code_and_version_are_in_the_key(cache_project, monkeypatch, tmp_path):
    params = edition.load_params(cache_project, 2024)
    before = cache.cache_key(cache_project, 2024, params)
    monkeypatch.setattr(cache, "__version__", "999")
    assert cache.cache_key(cache_project, 2024, params) != before
    monkeypatch.undo()
    pkg = tmp_path / "pkg"
    shutil.copytree(cache.PACKAGE_DIR, pkg, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE_DIR", pkg)
    assert cache.cache_key(cache_project, 2024, params) == before
    (pkg / "numbers.py").write_text((pkg / "numbers.py").read_text() + "\n# changed\n")
    assert cache.cache_key(cache_project, 2024, params) != before


def test_noop_rebuild_reuses_and_a_change_reexecutes(built_edition, monkeypatch):
    out = built_edition / "outputs" / "2024"
    stamp = (out / "index.html").stat().st_mtime_ns
    lines = []
    edition.build(built_edition, 2024, log=lines.append, progress=False)
    assert "up to date" in lines[0] and (out / "index.html").stat().st_mtime_ns == stamp

    class Reexecuted(Exception):
        pass

    def stop(*a, **k):
        raise Reexecuted
    monkeypatch.setattr(edition, "load_inputs", stop)
    nb = built_edition / "notebooks" / "01_proposals.py"
    original = nb.read_text(encoding="utf-8")
    nb.write_text(original + "\n# a comment is a change\n", encoding="utf-8")
    try:
        with pytest.raises(Reexecuted):
            edition.build(built_edition, 2024, log=lambda *a: None, progress=False)
    finally:
        nb.write_text(original, encoding="utf-8")
    assert cache.is_current(out, cache.cache_key(built_edition, 2024, edition.load_params(built_edition, 2024)))
