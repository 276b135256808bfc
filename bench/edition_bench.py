"""Edition build times: cold, no-op rebuild, and the naive way, in one run.

- cold: `reportfigures build --year 2024` into an empty outputs/ of a throwaway copy of
  the project (tables, notebooks on one warm kernel, HTML, charts, front page);
- no-op: the same command again, nothing changed (the cache key says so);
- naive: papermill's CLI once per notebook run, sequentially, on the same notebooks and
  parameters (each converted with jupytext first; the theme notebook once per theme), after
  the same tables step. It does not export HTML or write the pages, so the comparison
  flatters it;
- next year: `new-edition` → `accept` → `build` on the made-up restructured 2025 text
  (tests/fixtures/nextyear_2025_restructured/), whole processes, with 2024 built;
- the edit loop: one chart's title changed in figures.yml, then `build` (only the notebook
  drawing it re-runs; the tables and the other notebooks are reused) and `chart ID` (the
  one-chart preview), against the naive way to re-run what changed: the papermill CLI on
  the one notebook that draws the chart (which updates neither the pages nor the tables);
- `check` on a built edition against a bare `import great_expectations` (best of 3 each).

Goals: cold at most a third of the naive time; no-op under 1.5 s; the build after a title
edit under 5 s, the one-chart preview too; `check` within 2 s of the bare GX import.
Run: make bench (or .venv/bin/python bench/edition_bench.py)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import copy_project  # noqa: E402


def timed(cmd: list[str], cwd: Path) -> float:
    t = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode:
        sys.exit(f"bench: {' '.join(cmd[1:])} failed: {done.stderr.strip().splitlines()[-1:]}")
    return time.perf_counter() - t


def naive(root: Path) -> tuple[float, float]:
    """Tables in-process (same as ours), then `papermill` CLI per notebook run. Also returns
    the time of the one run a title edit of proposals_filing concerns (the naive way to
    re-run only what changed: that notebook, by hand, with the papermill CLI)."""
    from reportfigures.tables.compute import compute, save
    from reportfigures.tables.inputs import load_inputs
    from reportfigures.build.build import notebook_parameters
    from reportfigures.build.notebooks import plan
    from reportfigures.publish.present import load_themes, theme_order
    t = time.perf_counter()
    inputs = load_inputs(root, 2024)
    out = root / "outputs" / "naive"
    out.mkdir(parents=True)
    results = compute(inputs)
    save(results, inputs, out)
    params = notebook_parameters(inputs, out)
    themes = theme_order(load_themes(root), {c["theme"] for c in results.claims})
    one = 0.0
    for run in plan(root, themes):
        started = time.perf_counter()
        ipynb = out / f"{run.name}.ipynb"
        ipynb.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(BIN / "jupytext"), "--to", "ipynb", "-o", str(ipynb), str(run.path)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        pfile = out / f"{run.name.replace('/', '_')}.params.yml"
        pfile.write_text(yaml.safe_dump(params | run.params, allow_unicode=True), encoding="utf-8")
        args = [str(BIN / "papermill"), str(ipynb), str(ipynb), "-k", "python3", "--cwd", str(out), "-f", str(pfile)]
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if run.name == "theme_proposals":
            one = time.perf_counter() - started
    return time.perf_counter() - t, one


def next_year(root: Path) -> tuple[float, dict]:
    """new-edition, accept and build of the made-up 2025 text, each a whole process."""
    text = ROOT / "tests" / "fixtures" / "nextyear_2025_restructured" / "report.txt"
    cli = [str(BIN / "reportfigures"), "--root", str(root)]
    times = {}
    for name, args in (("new-edition", ["new-edition", "--year", "2025", "--text", str(text)]),
                       ("accept", ["accept", "--year", "2025"]), ("build", ["build", "--year", "2025"])):
        t = time.perf_counter()
        subprocess.run(cli + args, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[name] = time.perf_counter() - t
    return sum(times.values()), times


def best(cmd: list[str], cwd: Path, n: int = 3) -> float:
    return min(timed(cmd, cwd) for _ in range(n))


def edit_loop(root: Path) -> tuple[float, float]:
    """A journalist changes one chart's title: the rebuild, and the one-chart preview."""
    fy = root / "data" / "charts" / "figures.yml"
    original = fy.read_text(encoding="utf-8")
    cli = [str(BIN / "reportfigures"), "--root", str(root)]
    try:
        fy.write_text(original.replace("title: 提案：收到、立案与办理满意率", "title: 提案：收到、立案与满意率"), encoding="utf-8")
        rebuild = timed(cli + ["build", "--year", "2024"], root)
        fy.write_text(original.replace("title: 提案：收到、立案与办理满意率", "title: 提案收到与立案"), encoding="utf-8")
        preview = timed(cli + ["chart", "proposals_filing", "--year", "2024"], root)
    finally:
        fy.write_text(original, encoding="utf-8")
    return rebuild, preview


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="rf-bench-"))
    try:
        root = copy_project(tmp / "proj")
        cli = [str(BIN / "reportfigures"), "--root", str(root), "build", "--year", "2024"]
        shutil.rmtree(root / "outputs" / ".render-cache", ignore_errors=True)
        cold = timed(cli, root)
        noop = min(timed(cli, root) for _ in range(3))
        rebuild, preview = edit_loop(root)
        t_check = best([str(BIN / "reportfigures"), "--root", str(root), "check", "--year", "2024"], root)
        t_gx = best([sys.executable, "-c", "import great_expectations"], root)
        t_naive, t_naive_one = naive(root)
        t_next, steps = next_year(root)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("== edition build, 2024 (seconds, whole processes) ==")
    print(f"  cold build (reportfigures build)           {cold:7.2f}")
    print(f"  no-op rebuild (best of 3)                  {noop:7.2f}")
    print(f"  naive: papermill CLI per notebook          {t_naive:7.2f}")
    print(f"  cold / naive = {cold / t_naive:.2f}")
    print(f"  rebuild after one chart's title edit       {rebuild:7.2f}   (whole edition: pages, tables, data package)")
    print(f"  naive: papermill CLI of that one notebook  {t_naive_one:7.2f}   (rebuild / naive one = {rebuild / t_naive_one:.2f})")
    print(f"  one-chart preview (reportfigures chart)    {preview:7.2f}")
    print(f"  check (best of 3)                          {t_check:7.2f}")
    print(f"  bare `import great_expectations`           {t_gx:7.2f}   (check − import = {t_check - t_gx:.2f})")
    for ok, what in ((cold <= t_naive / 3, "cold build at most a third of the naive time"),
                     (cold <= t_naive / 2, "cold build at most half the naive time"),
                     (noop < 1.5, "no-op rebuild under 1.5 s"),
                     (rebuild < 5, "rebuild after a title edit under 5 s"),
                     (preview < 5, "one-chart preview under 5 s"),
                     (t_check - t_gx <= 2, "check within 2 s of the bare GX import")):
        print(f"  {'PASS' if ok else 'FAIL'}  {what}")
    print("== next year: the made-up restructured 2025 text (seconds, whole processes) ==")
    print("  " + ", ".join(f"{k} {v:.2f}" for k, v in steps.items()) + f"; total {t_next:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
