"""Running the edition's notebooks with papermill, from one process, on one warm kernel.

The notebooks are jupytext percent files (notebooks/NN_theme.py: reviewable in git). Each
must have a cell tagged `parameters`: papermill silently runs a notebook without one,
ignoring the parameters, so a missing cell is an error here. All notebooks of a build run
on one kernel that is reset (`%reset -f`) between notebooks: no notebook sees another's
variables, and the imports (pandas, altair, vl-convert) are paid once instead of once per
notebook. A failing notebook raises NotebookError naming the notebook, the cell and the error.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import NotebookError

KERNEL = {"name": "python3", "display_name": "Python 3", "language": "python"}
REQUIRED_PARAMETERS = ("year", "root", "text", "catalog", "out_dir")


@dataclass
class NotebookRun:
    name: str
    title: str
    ipynb: Path
    html: Path


def list_notebooks(root: Path) -> list[Path]:
    """notebooks/NN_name.py in order; the comparison notebook runs only in comparisons."""
    return sorted(p for p in (Path(root) / "notebooks").glob("[0-9][0-9]_*.py"))


def read_notebook(path: Path):
    """The jupytext notebook, checked for its parameters cell."""
    import jupytext
    nb = jupytext.read(path)
    nb.metadata["kernelspec"] = dict(KERNEL)
    params = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    if not params:
        raise NotebookError("has no cell tagged `parameters`: papermill would ignore the parameters", path)
    missing = [p for p in REQUIRED_PARAMETERS if not re.search(rf"^{p}\s*=", params[0].source, re.M)]
    if missing:
        raise NotebookError(f"parameters cell lacks {', '.join(missing)}", path)
    return nb


def notebook_title(nb) -> str:
    for c in nb.cells:
        if c.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", c.source, re.M)
            if m:
                return m.group(1).strip()
    return "notebook"


class WarmKernel:
    """One kernel for a whole build; reset between notebooks."""

    def __init__(self):
        from jupyter_client.manager import AsyncKernelManager
        self.km = AsyncKernelManager(kernel_name=KERNEL["name"])
        self.used = False

    def reset(self) -> None:
        from jupyter_core.utils import run_sync
        if not self.km.has_kernel:
            return
        kc = self.km.client()
        kc.start_channels()
        try:
            run_sync(kc.wait_for_ready)(timeout=60)
            reply = run_sync(kc.execute_interactive)("%reset -f", timeout=60, output_hook=lambda m: None)
            if reply["content"]["status"] != "ok":
                raise NotebookError("could not reset the kernel between notebooks", "kernel")
        finally:
            kc.stop_channels()

    def close(self) -> None:
        from jupyter_core.utils import run_sync
        if self.km.has_kernel:
            run_sync(self.km.shutdown_kernel)(now=True)


def execute(nb, out_path: Path, parameters: dict, kernel: WarmKernel | None, cwd: Path):
    """Run one notebook with papermill's Python API; a failure names the notebook and cell."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError
    logging.getLogger("papermill").setLevel(logging.WARNING)
    kwargs = {"km": kernel.km} if kernel is not None else {}
    if kernel is not None:
        kernel.reset()
    try:
        return pm.execute_notebook(nb, str(out_path), parameters=parameters, progress_bar=False,
                                   kernel_name=KERNEL["name"], cwd=str(cwd), **kwargs)
    except PapermillExecutionError as e:
        raise NotebookError(f"cell {e.exec_count}: {e.ename}: {e.evalue}", out_path.with_suffix(".py").name) from None


def to_html(ipynb: Path, html_path: Path) -> None:
    """The executed notebook as a page; charts are inline SVG, so it reads offline."""
    import nbformat
    from nbconvert import HTMLExporter
    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nbformat.read(ipynb, as_version=4))
    # the lab template links require.js and MathJax from a CDN; our notebooks need neither
    body = re.sub(r'<script[^>]+src="https://[^"]+"[^>]*>\s*</script>', "", body)
    html_path.write_text(body, encoding="utf-8")


def run_all(root: Path, paths: list[Path], parameters: dict, dest: Path, *, progress: bool = True,
            warm: bool = True) -> list[NotebookRun]:
    """Execute the notebooks in order into dest/notebooks/, each also as HTML."""
    from tqdm.auto import tqdm
    nbs = [(p, read_notebook(p)) for p in paths]  # check every notebook before running any
    (dest / "notebooks").mkdir(parents=True, exist_ok=True)
    kernel = WarmKernel() if warm else None
    runs = []
    try:
        bar = tqdm(nbs, desc="notebooks", unit="nb", disable=not progress, leave=True)
        for path, nb in bar:
            bar.set_postfix_str(path.stem)
            ipynb = dest / "notebooks" / f"{path.stem}.ipynb"
            execute(nb, ipynb, parameters, kernel, root)
            html_path = ipynb.with_suffix(".html")
            to_html(ipynb, html_path)
            runs.append(NotebookRun(path.stem, notebook_title(nb), ipynb, html_path))
    finally:
        if kernel is not None:
            kernel.close()
    return runs
