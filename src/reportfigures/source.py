"""Reading report texts robustly, and archiving them byte for byte with their hash.

Offsets everywhere in the package index the *decoded* text returned by `read_text`: a
UTF-8 byte-order mark is dropped (it is not content) but line ends are kept as they are,
so CRLF files keep their `\\r` and `text[start:end]` stays exact.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import InputError, IntegrityError

BOMS = {
    b"\xef\xbb\xbf": "utf-8-sig",
    b"\xff\xfe": "utf-16",
    b"\xfe\xff": "utf-16",
}


@dataclass(frozen=True)
class SourceText:
    text: str
    path: str
    encoding: str
    had_bom: bool
    sha256: str


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path | str) -> str:
    return sha256_bytes(Path(path).read_bytes())


def decode_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, str, bool]:
    """Decode report bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.

    Raises InputError for empty and binary input, with what to do about it.
    """
    if not data.strip():
        raise InputError("file is empty: nothing to extract", path)
    for bom, enc in BOMS.items():
        if data.startswith(bom):
            try:
                return data.decode(enc), enc, True
            except UnicodeDecodeError as e:
                raise InputError(f"starts with a {enc} byte-order mark but does not decode as {enc} ({e.reason} at byte {e.start})", path) from None
    if b"\x00" in data[:8192]:
        raise InputError("looks binary (NUL bytes), not a text file: give the report as plain text", path)
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as e:
        raise InputError(
            f"is neither UTF-8 nor GB18030/GBK text (bad byte at offset {e.start}): "
            "convert it to UTF-8 first, e.g. `iconv -f <encoding> -t UTF-8`", path) from None
    if not _looks_like_text(text):
        raise InputError("looks binary, not a text file: give the report as plain text", path)
    return text, "gb18030", False


def _looks_like_text(text: str) -> bool:
    """A decode that 'worked' on random bytes yields control characters and few CJK ideographs."""
    sample = text[:4000]
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\r\n\t\f")
    cjk = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff")
    return bad <= len(sample) * 0.01 and cjk >= len(sample) * 0.2


def read_text(path: Path | str) -> SourceText:
    """Read a report from disk, with a one-line InputError for every way it can be wrong."""
    p = Path(path)
    if not p.exists():
        raise InputError("no such file", p)
    if p.is_dir():
        raise InputError("is a directory, not a report text file", p)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(f"cannot be read ({e.strerror})", p) from None
    text, enc, bom = decode_bytes(data, str(p))
    if bom and text.startswith("\ufeff"):
        text = text[1:]
    return SourceText(text=text, path=str(p), encoding=enc, had_bom=bom, sha256=sha256_bytes(data))


# --- the archive: data/raw/<year>/report.txt + report.meta.yml -----------------------------

RAW_NAME = "report.txt"
META_NAME = "report.meta.yml"


def raw_dir(root: Path, year: int) -> Path:
    return Path(root) / "data" / "raw" / str(year)


def load_meta(root: Path, year: int) -> dict:
    path = raw_dir(root, year) / META_NAME
    if not path.exists():
        raise InputError(f"no archive metadata for {year}: run `reportfigures new-edition --year {year} --text PATH`", path)
    try:
        meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise InputError(f"is not valid YAML ({str(e).splitlines()[0]})", path) from None
    for key in ("sha256", "reviewed_year", "task_year", "title"):
        if not isinstance(meta, dict) or key not in meta:
            raise InputError(f"missing field '{key}'", path)
    return meta


def verify_archive(root: Path, year: int) -> SourceText:
    """Load the archived report and prove it is byte-identical to what was archived."""
    meta = load_meta(root, year)
    path = raw_dir(root, year) / RAW_NAME
    src = read_text(path)
    if src.sha256 != meta["sha256"]:
        raise IntegrityError(
            f"SHA-256 is {src.sha256[:12]}…, the metadata records {str(meta['sha256'])[:12]}…: "
            "the archived text was changed; restore it (git checkout) — raw data is never edited", path)
    return src


def archive_report(src_path: Path | str, root: Path, year: int, meta: dict, *, overwrite: bool = False) -> Path:
    """Copy a report byte for byte under data/raw/<year>/ and write its metadata beside it."""
    src = read_text(src_path)  # validates: readable, decodable, not empty
    dest_dir = raw_dir(root, year)
    dest = dest_dir / RAW_NAME
    if dest.exists() and not overwrite:
        if sha256_file(dest) == src.sha256:
            return dest
        raise IntegrityError(f"an archived text with another hash exists for {year}; raw data is never replaced in place", dest)
    dest_dir.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(".tmp")
    shutil.copyfile(src_path, tmp)
    tmp.replace(dest)
    full = {**meta, "sha256": src.sha256, "bytes": Path(src_path).stat().st_size,
            "chars": len(src.text), "encoding": src.encoding}
    (dest_dir / META_NAME).write_text(yaml.safe_dump(full, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest
