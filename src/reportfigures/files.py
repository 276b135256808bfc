"""Writing build products so that a reader never sees a half-written file."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Iterable


def atomic_write_text(path: Path | str, data: str) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(data)
        os.chmod(tmp, 0o666 & ~umask() | 0o444)  # mkstemp files are private; a build output is not
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def csv_text(rows: Iterable[dict], columns: list[str]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


def json_text(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, default=str) + "\n"


def load_yaml_list(path: Path | str, key: str, what: str) -> list[tuple[int, object]]:
    """The entries of a top-level YAML list with their line numbers, so that every error
    about a hand-edited data file (catalog, relations) can name the line.

    Raises CatalogError naming the file when it is missing, not YAML, or lacks the list.
    """
    import yaml

    from .errors import CatalogError

    path = Path(path)
    if not path.exists():
        raise CatalogError(f"no such {what} file", path)
    text = path.read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ten times faster on the catalog
    try:
        root = yaml.compose(text, Loader=loader)
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as e:
        raise CatalogError(f"is not valid YAML ({str(e).splitlines()[0]})", path) from None
    nodes = None
    if isinstance(root, yaml.MappingNode):
        nodes = next((v for k, v in root.value if k.value == key), None)
    if not isinstance(data, dict) or not isinstance(data.get(key), list) or not isinstance(nodes, yaml.SequenceNode):
        raise CatalogError(f"must have a '{key}' list", path)
    return [(node.start_mark.line + 1, entry) for node, entry in zip(nodes.value, data[key])]


def umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def readable(path: Path) -> None:
    """Give a built tree the modes of any other build output (0755/0644 under umask 022):
    temporary files and folders are created private, and a web server must read them."""
    mask = umask()
    dmode, fmode = 0o777 & ~mask | 0o555, 0o666 & ~mask | 0o444
    path = Path(path)
    if path.is_file():
        path.chmod(fmode)
        return
    path.chmod(dmode)
    for p in path.rglob("*"):
        if p.is_symlink():
            continue
        p.chmod(dmode if p.is_dir() else fmode)


def digest(items: dict[str, Path | str]) -> str:
    """One SHA-256 over named inputs (a file's bytes, or a string): a cache key."""
    h = hashlib.sha256()
    for name, item in items.items():
        h.update(name.encode() + b"\0")
        if isinstance(item, Path):
            h.update(item.read_bytes() if item.exists() else b"<missing>")
        else:
            h.update(str(item).encode())
        h.update(b"\0")
    return h.hexdigest()
