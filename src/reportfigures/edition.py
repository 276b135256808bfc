"""Building an edition: outputs/<year>/ is replaced only when every step succeeded.

Each step has the OWID shape: load (verified inputs) → process (package functions) →
save (into a staging folder). The staging folder replaces the edition in one rename at the
end; a failure anywhere leaves the previous edition untouched and the staging folder gone.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .errors import ReportError
from .files import csv_text, json_text
from .numbers import COLUMNS, extract
from .paths import outputs_dir
from .source import SourceText, load_meta, verify_archive
from .text import Document


@dataclass
class EditionInputs:
    root: Path
    year: int
    source: SourceText
    meta: dict
    doc: Document


def load_inputs(root: Path, year: int) -> EditionInputs:
    """The archived text, verified against its hash, with its metadata and text model."""
    src = verify_archive(root, year)
    return EditionInputs(root, year, src, load_meta(root, year), Document(src.text))


def write_numbers(inputs: EditionInputs, dest: Path) -> int:
    """numbers.csv/json: every number mention with its provenance."""
    mentions = extract(inputs.doc)
    rows = [m.row() for m in mentions]
    for r in rows:
        r["source_sha256"] = inputs.source.sha256
    cols = COLUMNS + ["rule", "listed", "listed_open", "source_sha256"]
    (dest / "numbers.csv").write_text(csv_text(rows, cols), encoding="utf-8")
    (dest / "numbers.json").write_text(json_text(rows), encoding="utf-8")
    return len(rows)


STEPS = [("numbers", write_numbers)]


def build(root: Path, year: int, *, log=print) -> Path:
    """Build outputs/<year>/ from the archived report; atomic at the folder level."""
    root = Path(root)
    final = outputs_dir(root, year)
    inputs = load_inputs(root, year)
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{year}.staging.", dir=final.parent))
    try:
        summary = {"year": year, "package_version": __version__,
                   "source_sha256": inputs.source.sha256, "steps": {}}
        for name, step in STEPS:
            summary["steps"][name] = step(inputs, staging)
            log(f"  {name}: {summary['steps'][name]}")
        (staging / "edition.json").write_text(json_text(summary), encoding="utf-8")
        _swap(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return final


def _swap(staging: Path, final: Path) -> None:
    """Replace the edition folder by the staging folder, keeping the old one until the end."""
    old = None
    if final.exists():
        old = final.with_name(f".{final.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        final.rename(old)
    try:
        staging.rename(final)
    except BaseException:
        if old is not None:
            old.rename(final)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


class BuildError(ReportError):
    exit_code = 1
