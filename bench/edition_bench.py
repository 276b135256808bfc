"""Edition build times: cold, no-op rebuild, and the naive way, in one run.

- cold: `reportfigures build --year 2024` into an empty outputs/ of a throwaway copy of
  the project (tables, notebooks on one warm kernel, HTML, charts, front page);
- no-op: the same command again, nothing changed (the cache key says so);
- naive: papermill's CLI once per notebook, sequentially, on the same notebooks and
  parameters (each converted with jupytext first), after the same tables step. It does
  not export HTML or write the front page, so the comparison flatters it.

Goals: cold at most half the naive time, no-op under 1.5 s (whole CLI process).
Run: make bench (or .venv/bin/python bench/edition_bench.py)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import copy_project  # noqa: E402


def timed(cmd: list[str], cwd: Path) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def naive(root: Path) -> float:
    """Tables in-process (same as ours), then `papermill` CLI per notebook."""
    from reportfigures.edition import compute, load_inputs, notebook_parameters, save
    from reportfigures.notebooks import list_notebooks
    t = time.perf_counter()
    inputs = load_inputs(root, 2024)
    out = root / "outputs" / "naive"
    out.mkdir(parents=True)
    save(compute(inputs), inputs, out)
    params = notebook_parameters(inputs, out)
    for nb in list_notebooks(root):
        ipynb = out / f"{nb.stem}.ipynb"
        subprocess.run([str(BIN / "jupytext"), "--to", "ipynb", "-o", str(ipynb), str(nb)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        args = [str(BIN / "papermill"), str(ipynb), str(ipynb), "-k", "python3", "--cwd", str(root)]
        for k, v in params.items():
            args += ["-p", k, str(v)]
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="rf-bench-"))
    try:
        root = copy_project(tmp / "proj")
        cli = [str(BIN / "reportfigures"), "--root", str(root), "build", "--year", "2024"]
        cold = timed(cli, root)
        noop = min(timed(cli, root) for _ in range(3))
        t_naive = naive(root)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("== edition build, 2024 (seconds, whole processes) ==")
    print(f"  cold build (reportfigures build)           {cold:7.2f}")
    print(f"  no-op rebuild (best of 3)                  {noop:7.2f}")
    print(f"  naive: papermill CLI per notebook          {t_naive:7.2f}")
    print(f"  cold / naive = {cold / t_naive:.2f}")
    ok1, ok2 = cold <= t_naive / 2, noop < 1.5
    print(f"  {'PASS' if ok1 else 'FAIL'}  cold build at most half the naive time")
    print(f"  {'PASS' if ok2 else 'FAIL'}  no-op rebuild under 1.5 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
