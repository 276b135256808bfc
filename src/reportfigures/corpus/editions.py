"""Every report of a corpus, every year, as editions, and one page comparing them.

Given folders of the same reports in consecutive years (gov-work-reports-2025/2025-chongqing.txt,
gov-work-reports-2026/2026-chongqing.txt …), each report's years are built in memory by the
pure per-report step (series.py) on a process pool, both cores, with a progress bar; each
worker writes its report's pages and tables (outputs/corpus-editions/<report>/<year>/), and
the parent writes one comparison page: per report, last year's targets against the results
the next report states, each linked to its place in both texts. The whole folder replaces
the previous one only when every report succeeded.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from ..errors import InputError

OUT = "corpus-editions"
_YEAR = re.compile(r"^(20[0-9]{2})[-_ ]?(.+)$")


def group(folders: list[Path]) -> dict[str, list[tuple[int, Path]]]:
    """Report name → [(year, file)], from files named <year>-<report>.txt in the folders."""
    out: dict[str, list[tuple[int, Path]]] = {}
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            raise InputError("is not a folder of reports", folder)
        files = sorted(folder.glob("*.txt"))
        if not files:
            raise InputError("is a folder without *.txt report files", folder)
        for f in files:
            m = _YEAR.match(f.stem)
            if not m:
                raise InputError("is not named <year>-<report>.txt, so its year is unknown", f)
            out.setdefault(m.group(2), []).append((int(m.group(1)), f))
    for name, items in out.items():
        years = [y for y, _ in items]
        if len(years) != len(set(years)):
            raise InputError(f"report '{name}' has two files for one year", items[0][1].parent)
    return dict(sorted(out.items()))


def _one(args: tuple[str, list[tuple[int, str]], str]) -> dict:
    """The worker: one report's years (the pure step), then its pages and tables written."""
    name, items, dest = args
    from ..source.read import read_text
    from ..yearly import series
    texts = [(y, read_text(p).text) for y, p in items]
    eds = series.series(name, texts)
    out = {"name": name, "years": []}
    for e, (_, path) in zip(eds, items):
        write_edition(e, Path(dest) / name / str(e.year), path)
        out["years"].append({"year": e.year, "title": e.meta.get("title", ""), "title_en": e.meta.get("title_en", ""),
                             "reviewed_year": e.meta.get("reviewed_year"), "counts": e.counts,
                             "targets": e.targets})
    return out


def write_edition(e, dest: Path, source: str) -> None:
    """One report-year: its pages (Chinese and English, the text with every number marked)
    and its tables, as an edition publishes them (without charts and notebooks)."""
    from .. import __version__
    from ..publish.site.context import PageContext
    from ..publish.site.page import render_index, write_page
    from ..checks.findings import DERIVED_COLUMNS, FINDING_COLUMNS
    from ..claims.review import CLAIM_COLUMNS
    from ..files import csv_text, json_text
    from ..extract.mention import COLUMNS
    from ..checks.targets import TARGET_COLUMNS

    dest.mkdir(parents=True, exist_ok=True)
    (dest / "claims.csv").write_text(csv_text(e.claims, CLAIM_COLUMNS), encoding="utf-8")
    (dest / "findings.csv").write_text(csv_text(e.findings, FINDING_COLUMNS), encoding="utf-8")
    (dest / "derived.csv").write_text(csv_text(e.derived, DERIVED_COLUMNS), encoding="utf-8")
    (dest / "numbers.csv").write_text(csv_text([m.row() for m in e.mentions], COLUMNS), encoding="utf-8")
    files = ["claims.csv", "findings.csv", "derived.csv", "numbers.csv"]
    if e.targets is not None:
        (dest / "targets.csv").write_text(csv_text(e.targets, TARGET_COLUMNS), encoding="utf-8")
        files.append("targets.csv")
    (dest / "edition.json").write_text(json_text({"name": e.name, "year": e.year, "source": str(source),
                                                  "source_sha256": e.sha256, "package_version": __version__,
                                                  "counts": e.counts, "meta": e.meta}), encoding="utf-8")
    built = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    ctx = PageContext(year=e.year, meta=e.meta, text=e.text, sha256=e.sha256, mentions=e.mentions, claims=e.claims,
                           findings=e.findings, derived=e.derived, notebooks=[], validation=[], built_at=built,
                           version=__version__, targets=e.targets, targets_base=e.year - 1 if e.targets is not None else None,
                           catalog=False, files=files + ["edition.json"])
    for lang in ("zh", "en"):
        write_page(dest, render_index(ctx, [], lang), lang)


def run(folders: list[Path], out: Path, *, jobs: int = 2, progress: bool = True, log=print) -> dict:
    """Every report of the folders, every year, then the comparison page; returns what it did."""
    from .numbers import _pool, workers
    from .page import write_comparison

    reports = group(folders)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging.", dir=out.parent))
    done: list[dict] = []
    started = datetime.now()
    try:
        args = [(name, [(y, str(p)) for y, p in sorted(items)], str(stage)) for name, items in reports.items()]
        from tqdm.auto import tqdm
        bar = tqdm(total=len(args), desc="reports", unit="report", disable=not progress)
        with _pool(workers(len(args), jobs)) as ex:
            results = map(_one, args) if ex is None else ex.map(_one, args)
            for r in results:
                done.append(r)
                bar.set_postfix_str(r["name"])
                bar.update(1)
        bar.close()
        seconds = (datetime.now() - started).total_seconds()
        write_comparison(stage, done, folders, seconds=seconds, jobs=workers(len(args), jobs))
        from ..build import staging
        staging.publish(stage, out)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    n = sum(len(r["years"]) for r in done)
    log(f"{len(done)} reports, {n} editions in {seconds:.1f} s ({seconds / max(n, 1):.2f} s per edition) → {out}")
    return {"reports": len(done), "editions": n, "seconds": seconds, "out": str(out)}
