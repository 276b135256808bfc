"""Loading the rule files in `rules/` (layout and number vocabulary live there as data)."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

import yaml


@lru_cache(maxsize=None)
def load_rules(name: str) -> dict:
    text = files("reportfigures").joinpath("rules", f"{name}.yml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
