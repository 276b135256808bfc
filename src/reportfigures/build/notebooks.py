"""Running the edition's notebooks with papermill, from one process, on one warm kernel.

The notebooks are jupytext percent files (notebooks/*.py: reviewable in git), one per kind:
the overview, one theme notebook run once per theme of the edition's claims, the validation,
and the comparison with the base year. Each must have a cell tagged `parameters`: papermill silently runs a notebook without one,
ignoring the parameters, so a missing cell is an error here. All notebooks of a build run
on one kernel that is reset (`%reset -f`) between notebooks: no notebook sees another's
variables, and the imports (pandas, altair, vl-convert) are paid once instead of once per
notebook. A failing notebook raises NotebookError naming the notebook, the cell and the error.
"""

from __future__ import annotations

import functools
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import NotebookError

KERNEL = {"name": "python3", "display_name": "Python 3", "language": "python"}
REQUIRED_PARAMETERS = ("year", "root", "out_dir", "lang")
NOTEBOOKS = ("overview", "theme", "validation", "compare")


@dataclass
class NotebookRun:
    name: str
    title: str
    ipynb: Path
    html: Path
    key: str = ""
    charts: tuple[str, ...] = ()  # the chart files it wrote, relative to the edition folder
    reused: bool = False


@dataclass
class Planned:
    """One notebook run of a build: which file, under which name, with which parameters."""
    path: Path
    name: str
    params: dict
    key: str = ""  # over everything the run reads: an unchanged run is copied from the last edition


def plan(root: Path, themes: list[str], base_year: int | None = None,
         langs: tuple[str, ...] = ("zh", "en")) -> list[Planned]:
    """The overview, the theme notebook once per theme, the validation and the comparison,
    in each language of the pages (English runs go to notebooks/en/ and draw no chart the
    Chinese runs have not drawn in both languages already)."""
    nb = Path(root) / "notebooks"
    missing = [n for n in ("overview", "theme", "validation") if not (nb / f"{n}.py").exists()]
    if missing:
        from ..errors import InputError
        raise InputError(f"missing notebook(s) {', '.join(m + '.py' for m in missing)}", nb)
    out = []
    for lang in langs:
        sub = "" if lang == langs[0] else f"{lang}/"
        extra = {} if lang == langs[0] else {"lang": lang}
        draw = {"languages": [lang]}  # each run draws its own language's charts
        out.append(Planned(nb / "overview.py", f"{sub}overview", extra))
        out += [Planned(nb / "theme.py", f"{sub}theme_{th}", extra | draw | {"theme": th}) for th in themes]
        out.append(Planned(nb / "validation.py", f"{sub}validation", extra | draw))
        if base_year is not None:
            out.append(Planned(nb / "compare.py", f"{sub}compare", extra | {"base_year": base_year}))
    return out


def read_notebook(path: Path, cache: Path | None = None):
    """The jupytext notebook, checked for its parameters cell. With `cache`, the conversion
    is kept there by content (importing jupytext costs more than the rest of a one-chart
    rebuild's reading)."""
    nb = _converted(Path(path), cache)
    nb.metadata["kernelspec"] = dict(KERNEL)
    params = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    if not params:
        raise NotebookError("has no cell tagged `parameters`: papermill would ignore the parameters", path)
    missing = [p for p in REQUIRED_PARAMETERS if not re.search(rf"^{p}\s*=", params[0].source, re.M)]
    if missing:
        raise NotebookError(f"parameters cell lacks {', '.join(missing)}", path)
    return nb


def _converted(path: Path, cache: Path | None):
    import hashlib
    from importlib.metadata import version

    import nbformat
    if cache is None:
        import jupytext
        return jupytext.read(path)
    data = path.read_bytes()
    key = hashlib.sha256(data + version("jupytext").encode()).hexdigest()
    kept = cache / f"{key}.ipynb"
    try:
        return nbformat.reads(kept.read_text(encoding="utf-8"), as_version=4)
    except (OSError, ValueError):
        pass
    import jupytext
    nb = jupytext.reads(data.decode("utf-8"), fmt=path.suffix.lstrip("."))
    try:
        cache.mkdir(parents=True, exist_ok=True)
        tmp = kept.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(nbformat.writes(nb), encoding="utf-8")
        tmp.replace(kept)
    except OSError:
        pass  # a cache that cannot be written is only slower
    return nb


def notebook_title(ipynb: Path) -> str:
    """The first heading the executed notebook shows (its markdown output or cells)."""
    import nbformat
    nb = nbformat.read(ipynb, as_version=4)
    for c in nb.cells:
        texts = [c.source] if c.cell_type == "markdown" else [
            o.get("data", {}).get("text/markdown", "") for o in c.get("outputs", [])]
        for text in texts:
            m = re.search(r"^#\s+(.+)$", "".join(text) if isinstance(text, list) else text, re.M)
            if m:
                return m.group(1).strip()
    return ipynb.stem


class WarmKernel:
    """One kernel for a whole build; reset between notebooks."""

    def __init__(self):
        import tempfile

        from jupyter_client.manager import AsyncKernelManager
        # local sockets instead of TCP ports: nothing listens on the network, and the kernel
        # does not warn about unencrypted TCP on every build
        self._sockets = tempfile.mkdtemp(prefix="rf-kernel-")
        self.km = AsyncKernelManager(kernel_name=KERNEL["name"], transport="ipc", ip=f"{self._sockets}/k")
        self._kc = None  # a blocking client of our own, for the preload and the resets

    def _client(self):
        """One shell-only client for the build's own requests: a plain blocking one, whose
        sends are queued at once (an asyncio client's sends wait for an event loop)."""
        if self._kc is None:
            from jupyter_client.blocking import BlockingKernelClient
            kc = BlockingKernelClient()
            kc.load_connection_info(self.km.get_connection_info())
            kc.start_channels(shell=True, iopub=False, stdin=False, hb=False, control=False)
            self._kc = kc
        return self._kc

    def start(self, cwd: Path, preload: str = "import reportfigures.publish.present",
              env: dict[str, str] | None = None) -> "WarmKernel":
        """Start the kernel now and let it import what every notebook needs while the build
        computes the tables: starting and importing take seconds of the other core. `env` is
        added to this process's environment (the kernel is started before the build sets it)."""
        import os

        from jupyter_core.utils import run_sync
        run_sync(self.km.start_kernel)(cwd=str(cwd), env=os.environ | (env or {}))
        self._client().execute(preload, silent=True, store_history=False)  # its reply is read by reset
        return self

    def reset(self) -> None:
        """Clear the namespace the last notebook left: one request and its reply on our own
        client (papermill's client handshake for it cost 0.4 s a notebook)."""
        if self.km.has_kernel:
            self._run("%reset -f", "could not reset the kernel between notebooks")

    def _run(self, code: str, failure: str, timeout: float = 120) -> None:
        import time
        kc = self._client()
        msg_id = kc.execute(code, silent=True, store_history=False)
        end = time.monotonic() + timeout
        while True:
            try:
                reply = kc.get_shell_msg(timeout=max(0.1, end - time.monotonic()))
            except Exception:  # queue.Empty: the kernel did not answer
                raise NotebookError(f"the kernel did not answer within {timeout:.0f} s", "kernel") from None
            if reply.get("parent_header", {}).get("msg_id") == msg_id:
                break
        if reply["content"].get("status") != "ok":
            raise NotebookError(failure, "kernel")

    def close(self) -> None:
        from jupyter_core.utils import run_sync
        if self._kc is not None:
            self._kc.stop_channels()
            self._kc = None
        if self.km.has_kernel:
            run_sync(self.km.shutdown_kernel)(now=True)
        import shutil
        shutil.rmtree(self._sockets, ignore_errors=True)


def build_kernel(root: Path, year: int, cwd: Path) -> WarmKernel:
    """The kernel a build's notebooks run on, drawing through the build's render cache."""
    from ..paths import RENDER_CACHE_ENV, render_cache
    return WarmKernel().start(cwd, env={RENDER_CACHE_ENV: str(render_cache(root, year))})


def execute(nb, out_path: Path, parameters: dict, kernel: WarmKernel | None, cwd: Path, name: str = ""):
    """Run one notebook with papermill's Python API; a failure names the notebook and cell."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError
    logging.getLogger("papermill").setLevel(logging.WARNING)
    kwargs = {"km": kernel.km} if kernel is not None else {}
    if kernel is not None:
        kernel.reset()
    try:
        return pm.execute_notebook(nb, str(out_path), parameters=parameters, progress_bar=False,
                                   kernel_name=KERNEL["name"], cwd=str(cwd), request_save_on_cell_execute=False,
                                   **kwargs)
    except PapermillExecutionError as e:
        raise NotebookError(f"cell {e.exec_count}: {e.ename}: {e.evalue}", name or out_path.with_suffix(".py").name) from None


@functools.lru_cache(maxsize=1)
def _exporter():
    """One HTML exporter per process: importing nbconvert, loading its template and the
    first conversion's own imports (markdown, highlighting, sanitising) take five times an
    export, so the build warms it on a small notebook while the kernel runs."""
    import nbformat
    from nbconvert import HTMLExporter
    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    v4 = nbformat.v4
    exporter.from_notebook_node(v4.new_notebook(cells=[
        v4.new_markdown_cell("# warm-up\n\n*text*"),
        v4.new_code_cell("x = 1", outputs=[v4.new_output("display_data", data={
            "text/html": "<table><tr><td>1</td></tr></table>", "text/markdown": "**1**", "text/plain": "1"})])]))
    return exporter


def to_html(ipynb: Path, html_path: Path) -> None:
    """The executed notebook as a page; charts are inline SVG, so it reads offline."""
    import nbformat
    body, _ = _exporter().from_notebook_node(nbformat.read(ipynb, as_version=4))
    # the lab template links require.js and MathJax from a CDN; our notebooks need neither
    body = re.sub(r'<script[^>]+src="https://[^"]+"[^>]*>\s*</script>', "", body)
    html_path.write_text(body, encoding="utf-8")


def tidy(ipynb: Path, source: str, output: str = "") -> None:
    """What a reader of the executed notebook should see: one parameters cell with the values
    the run used (papermill adds a second, injected one) and no path of the build's staging
    folder in the metadata."""
    import nbformat
    nb = nbformat.read(ipynb, as_version=4)
    cells = nb.cells
    inj = next((i for i, c in enumerate(cells) if "injected-parameters" in c.get("metadata", {}).get("tags", [])), None)
    par = next((i for i, c in enumerate(cells) if "parameters" in c.get("metadata", {}).get("tags", [])), None)
    if inj is not None and par is not None:
        given = {}
        for line in cells[inj].source.splitlines():
            m = re.match(r"^(\w+)\s*=\s*(.+)$", line)
            if m:
                given[m.group(1)] = m.group(2)
        lines = []
        for line in cells[par].source.splitlines():
            m = re.match(r"^(\w+)(\s*=\s*)([^#]*?)(\s*#.*)?$", line)
            if m and m.group(1) in given:
                line = f"{m.group(1)}{m.group(2)}{given.pop(m.group(1))}{m.group(4) or ''}"
            lines.append(line)
        lines += [f"{k} = {v}" for k, v in given.items()]
        cells[par].source = "\n".join(lines)
        del cells[inj]
    pm = nb.metadata.get("papermill", {})
    pm["input_path"] = source
    pm["output_path"] = output or f"notebooks/{ipynb.name}"
    pm.pop("parameters", None)
    nbformat.write(nb, ipynb)


def _export(p: Planned, ipynb: Path, charts: tuple[str, ...]) -> NotebookRun:
    tidy(ipynb, f"notebooks/{p.path.name}", f"notebooks/{p.name}.ipynb")
    html_path = ipynb.with_suffix(".html")
    to_html(ipynb, html_path)
    return NotebookRun(p.name, notebook_title(ipynb), ipynb, html_path, p.key, charts)


def _files(folder: Path) -> dict[str, int]:
    return {str(q.relative_to(folder.parent)): q.stat().st_mtime_ns for q in folder.rglob("*") if q.is_file()} \
        if folder.exists() else {}


def reuse(previous: Path, dest: Path, p: Planned, record: dict) -> NotebookRun | None:
    """The last edition's run of this notebook, copied, when its key is the same."""
    import shutil
    if not p.key or record.get("key") != p.key:
        return None
    files = [f"notebooks/{p.name}.ipynb", f"notebooks/{p.name}.html", *record.get("charts", [])]
    if not all((previous / f).is_file() for f in files):
        return None
    for f in files:
        (dest / f).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(previous / f, dest / f)
    return NotebookRun(p.name, record.get("title", p.name), dest / files[0], dest / files[1], p.key,
                       tuple(record.get("charts", [])), reused=True)


def run_all(root: Path, planned: list[Planned], parameters: dict, dest: Path, *, progress: bool = True,
            warm: bool = True, previous: Path | None = None, records: dict | None = None,
            kernel: WarmKernel | None = None, cache: Path | None = None) -> list[NotebookRun]:
    """Execute the planned notebooks in order into dest/notebooks/, each also as HTML (the
    notebooks' conversions kept in `cache`, see read_notebook). The
    kernel runs in dest with paths relative to it, so no build path reaches a notebook. A run
    whose key is the one `records` holds for it is copied from `previous` (the last edition)
    instead; when every run is, no kernel is started."""
    from concurrent.futures import ThreadPoolExecutor

    from tqdm.auto import tqdm
    records = records or {}
    read: dict[Path, object] = {}
    for p in planned:  # check every notebook before running any; each file read once
        if p.path not in read:
            read[p.path] = read_notebook(p.path, cache)
    import copy
    nbs = [(p, copy.deepcopy(read[p.path])) for p in planned]
    (dest / "notebooks").mkdir(parents=True, exist_ok=True)
    done: dict[str, NotebookRun] = {}
    if previous is not None:
        for p, _ in nbs:
            run = reuse(previous, dest, p, records.get(p.name, {}))
            if run is not None:
                done[p.name] = run
    todo = [(p, nb) for p, nb in nbs if p.name not in done]
    own = kernel is None
    if own:
        kernel = WarmKernel() if warm and todo else None
    # a notebook's tidying and HTML export run here while the kernel executes the next one
    exports = ThreadPoolExecutor(max_workers=1)
    if todo:
        exports.submit(_exporter)  # loaded while the first notebook runs
    pending = []
    try:
        bar = tqdm(todo, desc="notebooks", unit="nb", disable=not progress or not todo, leave=True)
        for p, nb in bar:
            bar.set_postfix_str(p.name)
            ipynb = dest / "notebooks" / f"{p.name}.ipynb"
            ipynb.parent.mkdir(parents=True, exist_ok=True)
            before = _files(dest / "charts")
            execute(nb, ipynb, parameters | p.params, kernel, dest, name=p.path.name)
            after = _files(dest / "charts")
            wrote = tuple(sorted(f for f, t in after.items() if before.get(f) != t))
            pending.append(exports.submit(_export, p, ipynb, wrote))
        for f in pending:
            run = f.result()
            done[run.name] = run
    finally:
        exports.shutdown(wait=True)
        if kernel is not None and own:
            kernel.close()
    runs = [done[p.name] for p, _ in nbs]
    return runs
