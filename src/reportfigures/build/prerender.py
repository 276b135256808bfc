"""Drawing an edition's charts ahead, on the second core, while the notebooks run.

The build knows every chart the theme notebooks will draw before they run (the same
figures.yml, the same tables), so it hands their specs to this process, which draws them
into the render cache (charts.render) from the last notebook's charts backwards while the
kernel works forwards: each chart is drawn once, by whichever gets there first.

    python -m reportfigures.build.prerender SPECS.json   (REPORTFIGURES_RENDER_CACHE must be set)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ..publish.charts.style import LANGS, NARROW_WIDTH, WIDTH
from ..publish.charts.figures import drawable, value_index
from ..publish.charts.make import make_figure
from ..publish.charts.render import render, render_key
from ..paths import RENDER_CACHE_ENV


def specs_for(root: Path, year: int, out_dir: Path, runs: list[tuple[str, str]] | None = None,
              report: str | None = None) -> list[dict]:
    """The specs the notebooks will draw, with their default parameters, in notebook order;
    `runs` limits them to some (theme, language) runs."""
    from ..publish.present import open_edition, theme_order

    ed = open_edition(root, year, out_dir, report=report)
    index = value_index(ed.claims, ed.derived, ed.findings, ed.year)
    order = theme_order(ed.themes, {c["theme"] for c in ed.claims}) + ["validation"]
    out = []
    for lang in LANGS:
        for theme in order:
            if runs is not None and (theme, lang) not in runs:
                continue
            for d in ed.figures:
                if d["theme"] == theme and drawable(d, index):
                    for width in (WIDTH, NARROW_WIDTH):  # as present.theme_figures draws them
                        out.append(make_figure(d, ed.claims, ed.derived, ed.findings, ed.meta, ed.year, lang,
                                                      width).spec)
    return out


def start(specs: list[dict], cache: Path) -> subprocess.Popen | None:
    """Start drawing `specs` (last first) into `cache` in a separate process."""
    todo = [s for s in specs if not (cache / f"{render_key(s)}.svg").exists()]
    if not todo:
        return None
    cache.mkdir(parents=True, exist_ok=True)
    job = cache / f"prerender.{os.getpid()}.json"
    job.write_text(json.dumps(list(reversed(todo)), ensure_ascii=False), encoding="utf-8")
    env = os.environ | {RENDER_CACHE_ENV: str(cache)}
    return subprocess.Popen([sys.executable, "-m", "reportfigures.build.prerender", str(job)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop(proc: subprocess.Popen | None) -> None:
    """The notebooks are done: whatever is not drawn yet is not needed any more."""
    if proc is None:
        return
    if proc.poll() is None:
        proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    job = Path(proc.args[-1])
    job.unlink(missing_ok=True)


def draw(spec: dict) -> None:
    """Into the render cache, as the notebook will ask for it (the phone version is an SVG
    only); skips what the kernel drew meanwhile."""
    render(spec, png=not spec.get("usermeta", {}).get("reportfigures", {}).get("narrow"))


def main(argv: list[str]) -> int:
    specs = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    for spec in specs:
        draw(spec)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
