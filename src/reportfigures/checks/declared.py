"""Relations declared as data (data/claims/relations.yml) for last year's claim ids.

In comes the file and the claim ids that exist; out come relations in the shape the rules
take, each naming the file's line, an unknown claim or type a one-line error.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import CatalogError
from ..files import load_yaml_list


RELATION_TYPES = ("part_whole", "stated_rate", "ratio", "sum", "target_vs_actual", "change_vs_base")


def load_relations(path: Path | str, claim_ids: set[str]) -> list[dict]:
    """Relations between claims; an unknown claim or type names the file and line."""
    path = Path(path)
    entries = load_yaml_list(path, "relations", "relations")
    seen = set()
    for line, rel in entries:
        rid = rel.get("id") if isinstance(rel, dict) else None
        if not rid:
            raise CatalogError(f"line {line}: a relation needs an 'id'", path)
        if rid in seen:
            raise CatalogError(f"line {line}: duplicate relation id '{rid}'", path)
        seen.add(rid)
        if rel.get("type") not in RELATION_TYPES:
            raise CatalogError(f"line {line}: relation '{rid}' has type '{rel.get('type')}', expected one of {', '.join(RELATION_TYPES)}", path)
        for ref in claim_refs(rel):
            if ref not in claim_ids:
                raise CatalogError(f"line {line}: relation '{rid}' names unknown claim '{ref}'", path)
        rel["line"] = line
        rel["origin"] = "declared"
    return [rel for _, rel in entries]


_REF_KEYS = ("part", "whole", "rate", "bases", "numerator", "denominator", "parts", "target", "actual", "claim", "change")


def claim_refs(rel: dict) -> list[str]:
    out = []
    for k in _REF_KEYS:
        v = rel.get(k)
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, list):
            out.extend(v)
    return out
