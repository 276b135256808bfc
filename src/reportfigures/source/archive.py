"""The archive: a report copied byte for byte under data/raw/[<report>/]<year>/, its hash and metadata.

In comes a text file and its metadata; out comes report.txt beside report.meta.yml (title,
years, SHA-256, provenance facts, gaps). verify_archive proves the copy is unchanged; raw
data is never edited in place.
"""

from __future__ import annotations

from pathlib import Path
import yaml

from ..errors import InputError, IntegrityError
from .read import SourceText, read_text, sha256_file


RAW_NAME = "report.txt"
META_NAME = "report.meta.yml"


def raw_dir(root: Path, year: int, report: str | None = None) -> Path:
    from ..paths import raw_dir as _raw
    return _raw(root, year, report)


def load_meta(root: Path, year: int, report: str | None = None) -> dict:
    from ..paths import label, report_option
    path = raw_dir(root, year, report) / META_NAME
    if not path.exists():
        raise InputError(f"no archive metadata for {label(year, report)}: run "
                         f"`reportfigures new-edition{report_option(report)} --year {year} --text PATH`", path)
    try:
        meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise InputError(f"is not valid YAML ({str(e).splitlines()[0]})", path) from None
    for key in ("sha256", "reviewed_year", "task_year", "title"):
        if not isinstance(meta, dict) or key not in meta:
            raise InputError(f"missing field '{key}'", path)
    return meta


def verify_archive(root: Path, year: int, report: str | None = None) -> SourceText:
    """Load the archived report and prove it is byte-identical to what was archived."""
    meta = load_meta(root, year, report)
    path = raw_dir(root, year, report) / RAW_NAME
    src = read_text(path)
    if src.sha256 != meta["sha256"]:
        raise IntegrityError(
            f"SHA-256 is {src.sha256[:12]}…, the metadata records {str(meta['sha256'])[:12]}…: "
            "the archived text was changed; restore it (git checkout) — raw data is never edited", path)
    return src


def archive_report(src_path: Path | str, root: Path, year: int, meta: dict, *, overwrite: bool = False,
                   report: str | None = None) -> Path:
    """Copy a report byte for byte under data/raw/[<report>/]<year>/ and write its metadata beside it."""
    src = read_text(src_path)  # validates: readable, decodable, not empty
    dest_dir = raw_dir(root, year, report)
    dest = dest_dir / RAW_NAME
    if dest.exists() and not overwrite:
        if sha256_file(dest) == src.sha256:
            return dest
        raise IntegrityError(f"an archived text with another hash exists for {year}; raw data is never replaced in place", dest)
    import shutil  # only archiving copies files: kept out of every `extract`'s start-up

    dest_dir.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(".tmp")
    shutil.copyfile(src_path, tmp)
    tmp.replace(dest)
    full = {**meta, "sha256": src.sha256, "bytes": Path(src_path).stat().st_size,
            "chars": len(src.text), "encoding": src.encoding}
    (dest_dir / META_NAME).write_text(yaml.safe_dump(full, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest
