"""The claim catalog and its locators (data/claims/catalog.yml), and what a number says.

A catalog claim is found by a locator, never by an offset or a typed value: the unit, the
part of the report (review of the year, or tasks for the next) and keywords that must stand
in the number's own context (the words before it in its clause, back to the previous number,
and the noun right after it). In comes the catalog file and a document's mentions; out come
ClaimDefs, each number's context, and where each claim stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CatalogError
from ..files import load_yaml_list
from ..extract.mention import Mention
from ..extract.extraction import extract
from ..extract.vocabulary import vocabulary
from ..text.document import Document


CLAIM_KINDS = ("metric", "target", "list_count")
PARTS = ("review", "tasks")
REQUIRED = ("id", "subject_zh", "subject_en", "unit", "kind", "part", "theme", "near")
OPTIONAL = ("not_near", "note")
THEMES = ("proposals", "social_opinion", "consultation", "members", "grassroots", "platforms",
          "cooperation", "publicity", "other")
_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
_CLAUSE = re.compile(r"[，,；;。！!？?：:]")


@dataclass(frozen=True)
class ClaimDef:
    id: str
    subject_zh: str
    subject_en: str
    unit: str
    kind: str
    part: str
    theme: str
    near: tuple[str, ...]
    not_near: tuple[str, ...] = ()
    note: str = ""
    line: int = 0
    measure: str = ""  # the standard indicator it measures (measures.py: gdp.growth), if any
    origin: str = "catalog"  # catalog: written in data/claims; auto: last year's automatic claim, carried


@dataclass
class Located:
    claim: ClaimDef
    status: str  # found | missing | ambiguous
    mention: Mention | None = None
    candidates: list[Mention] = field(default_factory=list)


def load_catalog(path: Path | str) -> list[ClaimDef]:
    """Parse and validate the catalog; every error names the file, line and claim."""
    path = Path(path)
    entries = load_yaml_list(path, "claims", "catalog")
    units = set(vocabulary().units) | {"%", ""}
    seen: dict[str, int] = {}
    out = []
    for line, entry in entries:
        if not isinstance(entry, dict):
            raise CatalogError(f"line {line}: a claim must be a mapping", path)
        cid = entry.get("id", "?")
        missing = [k for k in REQUIRED if k not in entry]
        if missing:
            raise CatalogError(f"line {line}: claim '{cid}' is missing field '{missing[0]}'", path)
        unknown = [k for k in entry if k not in REQUIRED + OPTIONAL]
        if unknown:
            raise CatalogError(f"line {line}: claim '{cid}' has unknown field '{unknown[0]}'", path)
        if not _ID.match(str(cid)):
            raise CatalogError(f"line {line}: claim id '{cid}' must read like 'theme.what' (lowercase, dotted)", path)
        if cid in seen:
            raise CatalogError(f"line {line}: duplicate claim id '{cid}' (first at line {seen[cid]})", path)
        seen[cid] = line
        if entry["unit"] not in units:
            raise CatalogError(f"line {line}: claim '{cid}' has unknown unit '{entry['unit']}'", path)
        for key, allowed in (("kind", CLAIM_KINDS), ("part", PARTS), ("theme", THEMES)):
            if entry[key] not in allowed:
                raise CatalogError(f"line {line}: claim '{cid}' has {key} '{entry[key]}', expected one of {', '.join(allowed)}", path)
        near = entry["near"]
        if not isinstance(near, list) or not near or not all(isinstance(w, str) and w for w in near):
            raise CatalogError(f"line {line}: claim '{cid}' needs 'near': a non-empty list of keywords", path)
        out.append(ClaimDef(id=cid, subject_zh=entry["subject_zh"], subject_en=entry["subject_en"],
                            unit=entry["unit"], kind=entry["kind"], part=entry["part"], theme=entry["theme"],
                            near=tuple(near), not_near=tuple(entry.get("not_near") or ()),
                            note=entry.get("note", ""), line=line))
    return out


def claimable(mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if m.kind in CLAIM_KINDS]


def mention_part(m: Mention) -> str:
    return "tasks" if m.kind == "target" else "review"


_CLAUSE_AFTER = re.compile(r"[，,；;。！!？?：:]")
_SHORT_LEAD = 2  # characters: 累计, 共, 达 …


def contexts(doc: Document, mentions: list[Mention]) -> dict[int, str]:
    """The words that belong to each number: its clause back to the previous number (one
    clause further when only a word such as 累计 leads it), and forward to the clause end,
    or to the list separator before the next number when another number follows."""
    text = doc.text
    ordered = sorted(mentions, key=lambda m: m.start)
    out = {}
    for i, m in enumerate(ordered):
        sent = doc.sentence_at(m.start)
        s_start = sent.start if sent else max(0, m.start - 40)
        s_end = sent.end if sent else min(len(text), m.end + 20)
        breaks = [c.end() for c in _CLAUSE.finditer(text, s_start, m.start)]
        before_floor = breaks[-1] if breaks else s_start
        if len(re.sub(r"\s", "", text[before_floor:m.start])) <= _SHORT_LEAD and len(breaks) >= 1:
            # "走访看望委员,累计492人次": a bare 累计/共/达 leads the clause; the noun is one clause back
            before_floor = breaks[-2] if len(breaks) >= 2 else s_start
        if i > 0 and ordered[i - 1].end > before_floor:
            before_floor = ordered[i - 1].end
        c = _CLAUSE_AFTER.search(text, m.end, s_end)
        after_ceiling = c.start() if c else s_end
        nxt = ordered[i + 1].start if i + 1 < len(ordered) else None
        if nxt is not None and nxt < after_ceiling:
            # another number follows in the clause: the words after 、 belong to it
            dun = text.find("、", m.end, nxt)
            after_ceiling = dun if dun != -1 else nxt
        ctx = text[before_floor:m.start] + "⟨⟩" + text[m.end:after_ceiling]
        out[m.start] = re.sub(r"\s+", "", ctx)
    return out


def matches(claim: ClaimDef, m: Mention, ctx: str) -> bool:
    if m.unit != claim.unit or mention_part(m) != claim.part:
        return False
    if not all(w in ctx for w in claim.near):
        return False
    return not any(w in ctx for w in claim.not_near)


def locate(catalog: list[ClaimDef], doc: Document, mentions: list[Mention] | None = None) -> list[Located]:
    """Bind each claim to exactly one mention, or say why it cannot be bound."""
    mentions = claimable(mentions if mentions is not None else extract(doc))
    ctx = contexts(doc, mentions)
    out = []
    for c in catalog:
        cands = [m for m in mentions if matches(c, m, ctx[m.start])]
        if len(cands) == 1:
            out.append(Located(c, "found", cands[0], cands))
        else:
            out.append(Located(c, "missing" if not cands else "ambiguous", None, cands))
    return out


def describe(m: Mention) -> str:
    return f"{m.surface} at {m.start} in “{m.sentence[:40]}…”"
