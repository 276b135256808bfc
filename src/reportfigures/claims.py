"""The claim catalog and its locators: which number of a text is which claim.

A claim is found by a locator, never by an offset or a typed value: the unit, the part of
the report (review of the year, or tasks for the next) and keywords that must stand in the
number's own context (the words before it in its clause, back to the previous number, and
the noun right after it). A locator that matches no mention or several is reported with the
candidates; it never binds silently. The same catalog re-finds the claims next year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path


from .errors import CatalogError, IntegrityError
from .files import load_yaml_list
from .numbers import LIST_SEP, Mention, extract, vocabulary
from .text import Document

CLAIM_KINDS = ("metric", "target", "list_count")
PARTS = ("review", "tasks")
REQUIRED = ("id", "subject_zh", "subject_en", "unit", "kind", "part", "theme", "near")
OPTIONAL = ("not_near", "note")
THEMES = ("proposals", "social_opinion", "consultation", "members", "grassroots", "platforms",
          "cooperation", "publicity")
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


@dataclass
class Located:
    claim: ClaimDef
    status: str  # found | missing | ambiguous
    mention: Mention | None = None
    candidates: list[Mention] = field(default_factory=list)


# --- loading the catalog -----------------------------------------------------------------

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


# --- locating ------------------------------------------------------------------------------

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


def uncovered(located: list[Located], mentions: list[Mention]) -> list[Mention]:
    """Claimable mentions no claim is bound to (a coverage gap in the catalog)."""
    bound = {loc.mention.start for loc in located if loc.mention is not None}
    return [m for m in claimable(mentions) if m.start not in bound]


def double_bound(located: list[Located]) -> dict[int, list[str]]:
    by_start: dict[int, list[str]] = {}
    for loc in located:
        if loc.mention is not None:
            by_start.setdefault(loc.mention.start, []).append(loc.claim.id)
    return {k: v for k, v in by_start.items() if len(v) > 1}


def describe(m: Mention) -> str:
    return f"{m.surface} at {m.start} in “{m.sentence[:40]}…”"


def bind_all(catalog: list[ClaimDef], doc: Document, mentions: list[Mention], catalog_path: str = "catalog") -> list[Located]:
    """Locate every claim and demand full, unique coverage; errors list the candidates."""
    located = locate(catalog, doc, mentions)
    problems = []
    for loc in located:
        if loc.status == "missing":
            problems.append(f"claim '{loc.claim.id}' (line {loc.claim.line}) matches no number")
        elif loc.status == "ambiguous":
            problems.append(f"claim '{loc.claim.id}' (line {loc.claim.line}) matches {len(loc.candidates)} numbers: "
                            + "; ".join(describe(m) for m in loc.candidates))
    for start, ids in double_bound(located).items():
        problems.append(f"claims {', '.join(ids)} all bind the number at {start}")
    if problems:
        raise IntegrityError(f"{len(problems)} locator problem(s): " + " | ".join(problems), catalog_path)
    return located


# --- the claims table ------------------------------------------------------------------------

CLAIM_COLUMNS = ["id", "subject_zh", "subject_en", "theme", "value", "unit", "qualifier", "kind",
                 "section", "start", "end", "surface", "sentence", "source_sha256"]


def claim_rows(located: list[Located], sha256: str) -> list[dict]:
    rows = []
    for loc in located:
        m, c = loc.mention, loc.claim
        if m is None:
            continue
        rows.append({"id": c.id, "subject_zh": c.subject_zh, "subject_en": c.subject_en, "theme": c.theme,
                     "value": m.value, "unit": m.unit, "qualifier": m.qualifier, "kind": m.kind,
                     "section": m.section, "start": m.start, "end": m.end, "surface": m.surface,
                     "sentence": m.sentence, "source_sha256": sha256,
                     "listed": LIST_SEP.join(m.listed), "listed_open": m.listed_open})
    return rows


# --- reviewed values -------------------------------------------------------------------------

REVIEWED_COLUMNS = ["claim_id", "value", "unit", "qualifier", "surface"]


def load_reviewed(path: Path | str) -> dict[str, dict]:
    import csv

    path = Path(path)
    if not path.exists():
        raise CatalogError("no reviewed values for this edition", path)
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames is None or [c for c in REVIEWED_COLUMNS if c not in reader.fieldnames]:
            raise CatalogError(f"must have the columns {','.join(REVIEWED_COLUMNS)}", path)
        out = {}
        for i, row in enumerate(reader, start=2):
            if row["claim_id"] in out:
                raise CatalogError(f"line {i}: duplicate claim_id '{row['claim_id']}'", path)
            out[row["claim_id"]] = row
    return out


def compare_reviewed(rows: list[dict], reviewed: dict[str, dict], path: str = "reviewed") -> None:
    """The build re-extracts every value; it stops if one disagrees with what was signed off."""
    problems = []
    got = {r["id"]: r for r in rows}
    for cid in sorted(set(reviewed) - set(got)):
        problems.append(f"'{cid}' is reviewed but not in the catalog")
    for cid in sorted(set(got) - set(reviewed)):
        problems.append(f"'{cid}' has no reviewed value")
    for cid in sorted(set(got) & set(reviewed)):
        r, g = reviewed[cid], got[cid]
        if float(r["value"]) != float(g["value"]) or r["unit"] != g["unit"] or r["qualifier"] != g["qualifier"]:
            problems.append(f"'{cid}' reviewed {r['surface']} ({r['value']} {r['unit']}, {r['qualifier']}) "
                            f"but the text gives {g['surface']} ({g['value']} {g['unit']}, {g['qualifier']})")
    if problems:
        raise IntegrityError(f"{len(problems)} claim(s) disagree with the reviewed values: " + " | ".join(problems), path)
