"""The warm kernel a build runs its notebooks on: no notebook sees another's variables, and
the kernel draws through the build's render cache (started before the build sets it)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from reportfigures.errors import NotebookError
from reportfigures.build.notebooks import build_kernel, execute, read_notebook
from reportfigures.paths import RENDER_CACHE_ENV, render_cache

HEAD = "# %% tags=[\"parameters\"]\nyear = 2024\nroot = '.'\nout_dir = '.'\nlang = 'zh'\n\n"


def notebook(tmp_path: Path, name: str, body: str):
    path = tmp_path / f"{name}.py"
    path.write_text(HEAD + "# %%\n" + body + "\n", encoding="utf-8")
    return read_notebook(path)


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    cwd = tmp_path_factory.mktemp("kernel")
    k = build_kernel(cwd, 2024, cwd)  # as edition.build starts it
    yield k, cwd
    k.close()


def test_a_notebook_does_not_see_the_last_ones_variables(kernel, tmp_path):
    k, cwd = kernel
    setter = notebook(tmp_path, "setter", "left_behind = 42")
    reader = notebook(tmp_path, "reader", "print(left_behind)")
    execute(copy.deepcopy(setter), tmp_path / "setter.ipynb", {}, k, cwd, name="setter.py")
    with pytest.raises(NotebookError, match="NameError"):
        execute(copy.deepcopy(reader), tmp_path / "reader.ipynb", {}, k, cwd, name="reader.py")


def test_without_a_reset_the_variable_would_be_seen(kernel, tmp_path, monkeypatch):
    """The check above can fail: with the reset skipped, the same reader sees the variable."""
    k, cwd = kernel
    monkeypatch.setattr(type(k), "reset", lambda self: None)
    setter = notebook(tmp_path, "setter", "left_behind = 42")
    reader = notebook(tmp_path, "reader", "assert left_behind == 42")
    execute(copy.deepcopy(setter), tmp_path / "setter.ipynb", {}, k, cwd, name="setter.py")
    execute(copy.deepcopy(reader), tmp_path / "reader.ipynb", {}, k, cwd, name="reader.py")


def test_the_kernel_draws_through_the_build_render_cache(kernel, tmp_path):
    k, cwd = kernel
    probe = notebook(tmp_path, "probe", "import os\nassert os.environ['%s'] == %r"
                     % (RENDER_CACHE_ENV, str(render_cache(cwd, 2024))))
    execute(copy.deepcopy(probe), tmp_path / "probe.ipynb", {}, k, cwd, name="probe.py")
    wrong = notebook(tmp_path, "wrong", "import os\nassert os.environ['%s'] == 'elsewhere'" % RENDER_CACHE_ENV)
    with pytest.raises(NotebookError, match="AssertionError"):
        execute(copy.deepcopy(wrong), tmp_path / "wrong.ipynb", {}, k, cwd, name="wrong.py")


def test_a_kept_conversion_is_the_conversion(tmp_path):
    """read_notebook keeps jupytext's conversion by content: the same cells as converting
    afresh, and a changed file is converted again, not served stale."""
    src = Path(__file__).resolve().parents[2] / "notebooks" / "theme.py"
    path = tmp_path / "theme.py"
    path.write_bytes(src.read_bytes())
    cache = tmp_path / "cache"
    fresh = read_notebook(path)
    first, again = read_notebook(path, cache), read_notebook(path, cache)
    assert len(list(cache.glob("*.ipynb"))) == 1
    for nb in (first, again):
        assert [(c.cell_type, c.source, c.metadata.get("tags")) for c in nb.cells] == \
            [(c.cell_type, c.source, c.metadata.get("tags")) for c in fresh.cells]
    path.write_text(src.read_text(encoding="utf-8").replace('theme = "proposals"', 'theme = "members"'), encoding="utf-8")
    changed = read_notebook(path, cache)
    assert 'theme = "members"' in changed.cells[0].source
    assert len(list(cache.glob("*.ipynb"))) == 2


def test_a_kept_conversion_is_checked_like_a_fresh_one(tmp_path):
    path = tmp_path / "bad.py"
    path.write_text("# %%\nx = 1\n", encoding="utf-8")
    for _ in range(2):  # converted, then served from the cache: refused both times
        with pytest.raises(NotebookError, match="parameters"):
            read_notebook(path, tmp_path / "cache")
