"""The claims of a year as its review signed them off (claims.reviewed.csv).

In come a document, its mentions and the reviewed rows (claim, origin, offsets, value); out
come the claims table's rows, each with its subject, theme, noun and place. The build stops
if the text no longer says what was signed off, so a claim never silently moves.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import CatalogError, IntegrityError
from ..extract.mention import LIST_SEP, Mention
from ..text.document import Document
from .catalog import ClaimDef, claimable, contexts, describe


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
        from ..text.parts import part_theme, parts_of
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
