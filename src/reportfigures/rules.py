"""Loading the rule files in `rules/` (layout and number vocabulary live there as data).

The YAML is what a reviewer edits. Parsing it (and importing PyYAML) costs ~30 ms at every
start of the command, so the parsed rules are kept as JSON in the user's cache folder,
keyed by the YAML's bytes: an edited rule file is parsed again, an unchanged one is not.
"""

from __future__ import annotations

import json
import os
import zlib
from functools import lru_cache
from pathlib import Path


def _cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "reportfigures" / "rules"


def _rule_bytes(name: str) -> bytes:
    """The YAML's bytes: from the package folder, or through importlib.resources when the
    package is not a folder (a zip). That module costs 5 ms at every start of the command."""
    path = Path(__file__).parent / "rules" / f"{name}.yml"
    if path.is_file():
        return path.read_bytes()
    from importlib.resources import files

    return files("reportfigures").joinpath("rules", f"{name}.yml").read_bytes()


@lru_cache(maxsize=None)
def load_rules(name: str) -> dict:
    data = _rule_bytes(name)
    key = f"{name}-{zlib.crc32(data):08x}-{len(data)}.json"
    cached = _cache_dir() / key
    try:
        return json.loads(cached.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    import yaml  # only when the rules changed (or on a first run)

    rules = yaml.load(data.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(rules, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, cached)
    except (OSError, TypeError, ValueError):
        pass  # a read-only home, or rules JSON cannot hold: parse the YAML each time
    return rules
