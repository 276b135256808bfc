"""Many reports at once: every number of each, extracted on both cores, in one table.

A report is read, modelled and extracted on two processes by default (the cores of the
machines this runs on). For the command line the table is shared between the process
itself and a forked child (forked.py: no pool to import, no parent idling); elsewhere
(a Jupyter kernel has threads) a process pool's workers write their report's rows, and the
parent only copies text, in the order the reports were given. A forked child starts cold
and imports the extractor while the parent does the same (both cores at once); a pool's
workers are forked after the vocabularies are loaded, so each starts warm.
The first report that cannot be read stops the table there, with a one-line error that
names it (as `reportfigures extract` on a folder always did).
"""

from __future__ import annotations

import csv
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from operator import attrgetter
from pathlib import Path

from ..errors import InputError
from ..extract.mention import COLUMNS, Mention, csv_field, csv_line


JOBS = 2  # a process pool of two: both cores of the machines this runs on
TABLE_COLUMNS = ["document"] + COLUMNS
COUNTED = ("metric", "target", "list_count")  # the kinds a report states as quantities


def documents(paths: Iterable[str | Path]) -> list[Path]:
    """The reports named: a file as given, a folder as its *.txt files in name order."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files = sorted(p.glob("*.txt"))
            if not files:
                raise InputError("is a folder without *.txt report files", p)
            out += files
        else:
            out.append(p)  # reading it says what is wrong with it (missing, empty, binary …)
    return out


def workers(n_documents: int, jobs: int | None = None) -> int:
    """How many processes: `jobs` (default JOBS), never more than the documents or the CPUs
    this process may use."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(jobs or JOBS, n_documents, cpus))


def _mentions(path: str) -> list[Mention]:
    from ..extract.extraction import extract
    from ..source.read import report_text
    return extract(report_text(path))


def _rows(path: str, fmt: str) -> tuple[str, int]:
    """One report's rows of the table, as text (run in a worker)."""
    mentions = _mentions(path)
    if fmt == "csv":
        first = csv_field(path) + ","
        return "".join([csv_line(m, first) for m in mentions]), len(mentions)
    fields = attrgetter(*COLUMNS)
    import json

    objs = (json.dumps(dict(zip(TABLE_COLUMNS, (path,) + fields(m))), ensure_ascii=False, indent=2,
                       default=str).replace("\n", "\n  ") for m in mentions)
    return ",\n  ".join(objs), len(mentions)


def _warm() -> None:
    """Load the vocabularies and compile the rules once, before the workers are forked."""
    from ..extract.extraction import extract
    extract("共收到提案1551件。")


@contextmanager
def _pool(n: int) -> Iterator:  # of a concurrent.futures.Executor, or None
    """n worker processes, forked warm when this process has a single thread; else (a
    Jupyter kernel has several: forking one could copy a held lock) from a fork server,
    warming each worker as it starts."""
    if n <= 1:
        yield None
        return
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor
    if sys.platform == "linux" and threading.active_count() == 1:
        _warm()
        ex = ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("fork"))
    else:
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        ex = ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context(method), initializer=_warm)
    try:
        yield ex
    finally:
        ex.shutdown(wait=True, cancel_futures=True)  # after an error, do not finish the rest


def _ordered(fn: Callable, args: list, jobs: int | None) -> Iterator:
    """fn over args on the pool, results in the order of args."""
    if not args:
        return
    with _pool(workers(len(args), jobs)) as ex:
        yield from (map(fn, *zip(*args)) if ex is None else ex.map(fn, *zip(*args)))


def _shared(fn: Callable, args: list, jobs: int | None, raw: bool = False) -> Iterator:
    """fn over the reports of args (path first), results in order: on this process and
    forked children (forked.py) where that is safe, else on a pool."""
    from . import forked

    n = workers(len(args), jobs)
    if n <= 1 or not forked.usable():
        yield from _ordered(fn, args, jobs)
        return
    # forked cold: each process imports the extractor and loads its rules at the same time,
    # on its own core, instead of the child waiting while the parent does it (~10 ms a run)
    yield from forked.run(fn, args, [_size(a[0]) for a in args], n, raw)


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # reading it says what is wrong


def extract_many(paths: list[Path], jobs: int | None = None) -> Iterator[tuple[Path, list[Mention]]]:
    """Each report with its mentions, in the order given, extracted on `jobs` processes."""
    yield from zip(paths, _ordered(_mentions, [(str(p),) for p in paths], jobs))


def table(paths: list[Path], fmt: str = "csv", jobs: int | None = None, raw: bool = False) -> Iterator[str | bytes]:
    """Every mention of every report as one CSV (header TABLE_COLUMNS) or JSON list, in
    pieces (one per report), `document` naming the report's path as given. With `raw` (CSV
    only), a piece a forked child made comes as its UTF-8 bytes, for a writer of bytes."""
    if fmt == "csv":
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerow(TABLE_COLUMNS)
        yield buf.getvalue()
    rows = 0
    for text, n in _shared(_rows, [(str(p), fmt) for p in paths], jobs, raw and fmt == "csv"):
        if fmt != "csv" and n:
            text = ("[\n  " if not rows else ",\n  ") + text
        rows += n
        yield text
    if fmt != "csv":
        yield "\n]\n" if rows else "[]\n"


# --- per report: what it states --------------------------------------------------------------

def counts(found: Iterable[tuple[Path, list[Mention]]]) -> list[dict]:
    """Per report: how many metrics, targets and list counts it states, and all its numbers."""
    out = []
    for path, mentions in found:
        kinds = [m.kind for m in mentions]
        out.append({"document": Path(path).name, **{k: kinds.count(k) for k in COUNTED}, "numbers": len(mentions)})
    return out


def labels(folder: Path, names: list[str]) -> dict[str, dict[str, str]]:
    """What a chart calls each report: the province of the corpus manifest (manifest.csv:
    file, province) in Chinese; in English (and without a manifest) the file's name
    without its year (2026-inner-mongolia.txt → Inner Mongolia)."""
    manifest = Path(folder) / "manifest.csv"
    zh: dict[str, str] = {}
    if manifest.is_file():
        with open(manifest, encoding="utf-8", newline="") as f:
            zh = {r["file"]: r["province"] for r in csv.DictReader(f) if r.get("file") and r.get("province")}
    out = {}
    for name in names:
        stem = Path(name).stem
        words = stem.split("-")
        en = " ".join(w.capitalize() for w in (words[1:] if words[0].isdigit() and len(words) > 1 else words))
        out[name] = {"zh": zh.get(name, en), "en": en}
    return out


def about(folder: Path) -> dict:
    """The corpus's year and kind of report, from its manifest (year, kind), when it has one."""
    manifest = Path(folder) / "manifest.csv"
    if not manifest.is_file():
        return {}
    with open(manifest, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    years = {r.get("year") for r in rows} - {None, ""}
    kinds = {r.get("kind") for r in rows} - {None, ""}
    return {"year": years.pop() if len(years) == 1 else "", "kind": kinds.pop() if len(kinds) == 1 else ""}
