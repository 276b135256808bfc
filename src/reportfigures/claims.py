"""The claim catalog and its locators, and the claims of a year as its review signed them off.

A catalog claim is found by a locator, never by an offset or a typed value: the unit, the
part of the report (review of the year, or tasks for the next) and keywords that must stand
in the number's own context (the words before it in its clause, back to the previous number,
and the noun right after it). Next year, the locators are one signal among several of the
assignment that binds the catalog to the new text (binding.py). Once a year's draft is
accepted, its review (claims.reviewed.csv: claim, origin, offsets, value) is what the build
binds, and the build stops if the text no longer says what was signed off.
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


def describe(m: Mention) -> str:
    return f"{m.surface} at {m.start} in “{m.sentence[:40]}…”"


# --- the claims table ------------------------------------------------------------------------

CLAIM_COLUMNS = ["id", "origin", "subject_zh", "subject_en", "theme", "value", "unit", "qualifier", "kind",
                 "noun", "section", "section_title", "start", "end", "surface", "sentence", "source_sha256",
                 "listed", "listed_open", "high"]
ORIGINS = ("catalog", "auto")
AUTO_SEGMENT = ".auto."


def is_auto_id(cid: str) -> bool:
    return AUTO_SEGMENT in cid


def claim_row(cid: str, origin: str, m: Mention, sha256: str, *, subject_zh: str, subject_en: str, theme: str,
              noun: str, section_title: str) -> dict:
    return {"id": cid, "origin": origin, "subject_zh": subject_zh, "subject_en": subject_en, "theme": theme,
            "value": m.value, "unit": m.unit, "qualifier": m.qualifier, "kind": m.kind, "noun": noun,
            "section": m.section, "section_title": section_title, "start": m.start, "end": m.end,
            "surface": m.surface, "sentence": m.sentence, "source_sha256": sha256,
            "listed": LIST_SEP.join(m.listed), "listed_open": m.listed_open, "high": getattr(m, "high", None)}


def section_title(doc: Document, offset: int) -> str:
    """The heading a reader would cite: the innermost section's label and title."""
    sec = doc.section_at(offset)
    parts = []
    node = sec
    while node is not None and node.level != "root":
        if node.title or not node.implicit:
            parts.append(f"{node.label}{node.title}" if node.title else node.label)
        node = node.parent
    return " ".join(reversed(parts))


def describe_mentions(doc: Document, mentions: list[Mention]) -> dict:
    """Counted noun, subject and theme of every claimable number (for automatic claims)."""
    from . import subjects

    ctx = contexts(doc, mentions)
    return subjects.describe(ctx, mentions, {m.start: m.sentence for m in mentions},
                             {m.start: doc.section_at(m.start).title for m in mentions})


def claims_from_review(doc: Document, mentions: list[Mention], reviewed: dict[str, dict],
                       catalog: dict[str, ClaimDef], sha256: str, *, unclaimed: set[tuple[int, str]] = frozenset(),
                       path: str = "reviewed", by_part: bool = False) -> list[dict]:
    """The year's claims: every reviewed binding, checked against the text as extracted now.

    The review (claims.reviewed.csv) is the signed-off state of a year: which number each
    claim is and its value. The build re-extracts the text and stops if a number moved, a
    value changed, or a claimable number is neither reviewed nor set aside as unclaimed."""
    from . import subjects

    claimable_ms = claimable(mentions)
    by_start = {m.start: m for m in claimable_ms}
    subs = describe_mentions(doc, claimable_ms)
    named = {}
    if by_part:  # a report without a catalog: themes are its parts, subjects its indicators
        from .measures import measures
        from .parts import part_theme, parts_of
        named = measures(doc, claimable_ms, parts_of(doc).reviewed_year)
    rows, problems = [], []
    for cid, r in reviewed.items():
        start = int(r["start"])
        m = by_start.get(start)
        if m is None or m.surface != r["surface"]:
            problems.append(f"'{cid}' was reviewed as {r['surface']} at {start}, the text gives "
                            + (f"{m.surface} there" if m else "no claimable number there"))
            continue
        if float(r["value"]) != float(m.value) or r["unit"] != m.unit or r["qualifier"] != m.qualifier:
            problems.append(f"'{cid}' reviewed {r['surface']} ({r['value']} {r['unit']}, {r['qualifier']}) "
                            f"but the text gives {m.surface} ({m.value} {m.unit}, {m.qualifier})")
            continue
        origin = r.get("origin") or ("auto" if is_auto_id(cid) else "catalog")
        c = catalog.get(cid)
        if c is None and origin == "catalog":
            problems.append(f"'{cid}' is reviewed as a catalog claim but the catalog has no such claim")
            continue
        s = subs[m.start]
        meas = named.get(m.start)
        if meas is not None and not cid.startswith(meas.indicator.id + "."):
            meas = None  # carried under another id: the claim keeps last year's name
        subject_zh = c.subject_zh if c else meas.subject_zh() if meas else s.subject_zh
        subject_en = c.subject_en if c else meas.subject_en() if meas else subjects.gloss_en(s.noun, m.unit)
        theme = c.theme if c else part_theme(doc, m.start) if by_part else s.theme
        rows.append(claim_row(cid, origin, m, sha256, subject_zh=subject_zh, subject_en=subject_en, theme=theme,
                              noun=s.noun, section_title=section_title(doc, m.start)))
    reviewed_starts = {int(r["start"]) for r in reviewed.values()}
    left = [m for m in claimable_ms if m.start not in reviewed_starts and (m.start, m.surface) not in unclaimed]
    if left:
        problems.append(f"{len(left)} claimable number(s) not reviewed (first: {describe(left[0])}): "
                        "run `reportfigures new-edition` again and accept")
    if problems:
        raise IntegrityError(f"{len(problems)} claim(s) disagree with the review: " + " | ".join(problems), path)
    return sorted(rows, key=lambda r: r["start"])


# --- reviewed values -------------------------------------------------------------------------

REVIEWED_COLUMNS = ["claim_id", "origin", "start", "end", "value", "unit", "qualifier", "surface"]


def load_reviewed(path: Path | str) -> dict[str, dict]:
    import csv

    path = Path(path)
    if not path.exists():
        raise CatalogError("no reviewed values for this edition", path)
    try:
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            if reader.fieldnames is None or [c for c in REVIEWED_COLUMNS if c not in reader.fieldnames]:
                raise CatalogError(f"must have the columns {','.join(REVIEWED_COLUMNS)}", path)
            out = {}
            for i, row in enumerate(reader, start=2):
                if row["claim_id"] in out:
                    raise CatalogError(f"line {i}: duplicate claim_id '{row['claim_id']}'", path)
                if not str(row["start"]).isdigit():
                    raise CatalogError(f"line {i}: start '{row['start']}' is not an offset", path)
                out[row["claim_id"]] = row
    except UnicodeDecodeError as e:
        raise CatalogError(f"is not UTF-8 (bad byte at offset {e.start})", path) from None
    return out
