"""Writing build products so that a reader never sees a half-written file."""

from __future__ import annotations

import csv
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
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask | 0o444)  # mkstemp files are private; a build output is not
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
