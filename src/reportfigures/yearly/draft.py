"""Starting a year's edition: archive the text and draft its claims for review.

`new-edition` archives the text (never edited in place), writes the year's parameters and a
draft of its claims (claims.draft.csv): every claim to bind (the catalog's, or last year's
for a report without one) bound by the assignment (claims/binding.py) with its score,
runner-up and margin, or missing; and every other claimable number as a new automatic claim
with a stable id (claims/measures.py, claims/subjects.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
import yaml

from ..claims import measures
from ..claims import subjects
from ..claims.binding import LOW_MARGIN, assign, profiles
from ..claims.catalog import ClaimDef, claimable, describe, load_catalog, mention_part
from ..claims.review import describe_mentions, is_auto_id, load_reviewed
from ..errors import InputError
from ..files import atomic_write_text, csv_text
from ..extract.extraction import extract
from ..text.parts import parts_of, part_theme
from ..source.archive import archive_report
from ..source.read import read_text
from ..paths import DEFAULT_REPORT, check_report, check_year, edition_years, label, raw_dir
from ..text.document import Document
from .params import _latest_year, edition_dir, is_signed, log_decision, params_path, read_params, write_params


DRAFT_COLUMNS = ["claim_id", "origin", "status", "value", "unit", "qualifier", "surface", "start", "end", "score",
                 "margin", "runner_up", "note", "subject_zh", "theme", "kind", "section", "sentence", "source_sha256"]
STATUSES = ("found", "pinned", "missing", "absent", "new")


@dataclass
class Draft:
    year: int
    rows: list[dict]
    path: Path
    report: str = DEFAULT_REPORT

    def count(self, status: str) -> int:
        return sum(r["status"] == status for r in self.rows)

    @property
    def low_margin(self) -> list[dict]:
        return [r for r in self.rows if r["status"] == "found" and r["margin"] != "" and float(r["margin"]) < LOW_MARGIN]

    @property
    def needs_review(self) -> bool:
        return bool(self.count("missing") or self.count("new") or self.low_margin)


def base_profiles(root: Path, base: int | None, report: str | None = None):
    """How each claim stood in the base year's text, from the base year's review."""
    if base is None:
        return {}
    raw = raw_dir(root, base, report) / "report.txt"
    rev = edition_dir(root, base, report) / "claims.reviewed.csv"
    if not raw.exists() or not rev.exists():
        return {}
    doc = Document(read_text(raw).text)
    bound = {cid: int(r["start"]) for cid, r in load_reviewed(rev).items()}
    return profiles(doc, claimable(extract(doc)), bound)


def carried_claims(root: Path, base: int | None, report: str | None = None) -> list[ClaimDef]:
    """Last year's claims of a report without a catalog, as claims to bind this year: each
    keeps its id, unit, kind and part; its profile (base_profiles) says what it looked like."""
    if base is None:
        return []
    raw = raw_dir(root, base, report) / "report.txt"
    rev = edition_dir(root, base, report) / "claims.reviewed.csv"
    if not raw.exists() or not rev.exists():
        return []
    doc = Document(read_text(raw).text)
    return carried_from(doc, claimable(extract(doc)), load_reviewed(rev))


def carried_from(doc: Document, mentions: list, reviewed: dict[str, dict]) -> list[ClaimDef]:
    """The claims a year's review signed off, as claims the next year binds (in memory)."""
    ms = {m.start: m for m in mentions}
    subs = describe_mentions(doc, list(ms.values()))
    out = []
    for cid, r in reviewed.items():
        m = ms.get(int(r["start"]))
        if m is None:
            continue
        stem = measures.base_key(cid)
        named = stem if not is_auto_id(cid) and measures.indicator(stem.split(".")[0]) else ""
        out.append(ClaimDef(id=cid, subject_zh=subs[m.start].subject_zh, subject_en="", unit=m.unit, kind=m.kind,
                            part=mention_part(m), theme=part_theme(doc, m.start), near=(), measure=named,
                            origin=r.get("origin") or "auto"))
    return out


def draft_rows(catalog: list[ClaimDef], text: str, sha256: str, *, base=None, pinned: dict[str, int] | None = None,
               absent: set[str] = frozenset(), by_part: bool = False) -> list[dict]:
    """One row per claim to bind (found, pinned, missing, absent) and per new automatic claim.

    `catalog` is the catalog's claims, or, for a report without one, last year's claims
    (carried_claims). `by_part`: a report without a catalog, whose claims are grouped by the
    part of the report they stand in and named by the standard indicator they measure."""
    doc = Document(text)
    mentions = claimable(extract(doc))
    found = measures.measures(doc, mentions, parts_of(doc).reviewed_year) if by_part else {}
    keys = {start: meas.key for start, meas in found.items()}
    bindings = assign(catalog, doc, mentions, base=base, pinned=pinned, absent=absent, measures=keys)
    rows = []
    for b in bindings:
        row = {"claim_id": b.claim.id, "origin": b.claim.origin, "status": b.status, "unit": b.claim.unit,
               "subject_zh": b.claim.subject_zh, "theme": b.claim.theme, "kind": b.claim.kind,
               "score": f"{b.score:.2f}" if b.mention else "", "margin": f"{b.margin:.2f}" if b.mention else "",
               "runner_up": describe(b.runner_up) + f" (score {b.runner_up_score:.2f})" if b.runner_up else "",
               "note": {"locator": "catalog locator" if b.claim.near else "same standard indicator",
                        "assignment": "assignment (no exact locator)" if b.claim.near else "carried from last year",
                        "override": "set by the reviewer", "reviewer": "declared absent by the reviewer"}.get(b.how, ""),
               "source_sha256": sha256}
        if b.mention is not None:
            row |= _mention_fields(b.mention)
            if by_part:
                row["theme"] = part_theme(doc, b.mention.start)
        rows.append(row)
    bound = {b.mention.start for b in bindings if b.mention is not None}
    rest = [m for m in mentions if m.start not in bound]
    subs = describe_mentions(doc, mentions)
    taken = {c.id for c in catalog}
    named = measures.measure_ids({m.start: found[m.start] for m in rest if m.start in found}, taken)
    others = [m for m in rest if m.start not in named]
    themes = {m.start: part_theme(doc, m.start) if by_part else subs[m.start].theme for m in rest}
    if by_part:
        subs = {k: subjects.Subject(v.noun, v.verb, v.subject_zh, themes.get(k, v.theme)) for k, v in subs.items()}
    ids = subjects.auto_ids(others, subs, taken=taken | set(named.values())) | named
    for m in rest:
        s = subs[m.start]
        meas = found.get(m.start) if m.start in named else None
        rows.append({"claim_id": ids[m.start], "origin": "auto", "status": "new",
                     "subject_zh": meas.subject_zh() if meas else s.subject_zh, "theme": themes[m.start],
                     "note": f"measures “{meas.indicator.zh}”" if meas else f"counts “{s.noun}”",
                     "source_sha256": sha256} | _mention_fields(m))
    return rows


def _mention_fields(m) -> dict:
    return {"value": m.value, "unit": m.unit, "qualifier": m.qualifier, "surface": m.surface, "start": m.start,
            "end": m.end, "sentence": m.sentence, "kind": m.kind, "section": m.section}


def redraft(root: Path, year: int, report: str | None = None) -> Draft:
    """Draft the year's claims again from its archived text, its parameters and decisions."""
    root = Path(root)
    report = check_report(report)
    params = read_params(root, year, report)
    src = read_text(root / params["text"])
    overrides = params.get("overrides") or {}
    pinned = {cid: int(o["start"]) for cid, o in overrides.items() if isinstance(o, dict) and "start" in o}
    absent = {cid for cid, o in overrides.items() if o == "absent"}
    base_year = params.get("base_year")
    if params.get("catalog"):
        claims = load_catalog(root / params["catalog"])
    else:  # no catalog: last year's claims are what this year binds
        claims = carried_claims(root, base_year, report)
    rows = draft_rows(claims, src.text, src.sha256, base=base_profiles(root, base_year, report), pinned=pinned,
                      absent=absent, by_part=not params.get("catalog"))
    path = edition_dir(root, year, report) / "claims.draft.csv"
    atomic_write_text(path, csv_text(rows, DRAFT_COLUMNS))
    return Draft(year, rows, path, report)


def new_edition(root: Path, year: int, text_path: Path, *, base_year: int | None = None,
                catalog: str | None = "data/claims/catalog.yml", relations: str | None = "data/claims/relations.yml",
                figures: str = "data/charts/figures.yml", reopen: str | None = None,
                report: str | None = None) -> Draft:
    """Archive the text, write data/editions/[<report>/]<year>/edition.yml and the claims draft.

    The project's own report binds its catalog (data/claims/); any other report is a report
    without a catalog: its first year's claims are all automatic, named by the standard
    indicator they measure or the noun they count, and every later year binds the claims of
    the year before it."""
    root = Path(root)
    report = check_report(report)
    check_year(year)
    src = read_text(text_path)  # one-line errors for missing, binary, empty, undecodable
    if report != DEFAULT_REPORT:
        catalog, relations, figures = None, None, "auto"
    if params_path(root, year, report).exists() and is_signed(root, year, report=report):
        if not reopen:
            raise InputError(f"edition {label(year, report)} is signed off "
                             f"({edition_dir(root, year, report) / 'claims.reviewed.csv'}); "
                             f"a signed-off year changes only by an explicit decision: add --reopen \"why\"",
                             params_path(root, year, report))
        log_decision(root, year, f"reopen: {reopen}", report)
    base = base_year if base_year is not None else _latest_year(root, before=year, report=report)
    if report == DEFAULT_REPORT:
        meta = _meta_from_base(root, base, year, text_path)
    else:
        from ..text import provenance
        meta = provenance.read(src.text, year, parts_of(Document(src.text)).reviewed_year) | {
            "archived_from": str(text_path)}
    archive_report(text_path, root, year, meta, report=report)
    ed = edition_dir(root, year, report)
    ed.mkdir(parents=True, exist_ok=True)
    path = params_path(root, year, report)
    from ..paths import rel
    params = {"year": year, "report": report, "text": rel(root, raw_dir(root, year, report) / "report.txt"),
              "catalog": catalog, "relations": relations, "reviewed": rel(root, ed / "claims.reviewed.csv"),
              "figures": figures, "base_year": base, "status": "draft", "absent_claims": [], "overrides": {}}
    if path.exists():  # a second draft keeps the decisions already taken
        old = read_params(root, year, report)
        params |= {k: old[k] for k in ("absent_claims", "overrides", "unclaimed", "catalog", "relations", "figures",
                                        "base_year", "publish_url", "lang") if k in old and not (k == "base_year" and base_year)}
    write_params(path, params)
    return redraft(root, year, report)


def _meta_from_base(root: Path, base: int | None, year: int, text_path: Path) -> dict:
    """The report's title and body, from the base year or, for a year before every other
    one, from the nearest later year: the same body reports every year."""
    meta = {}
    others = sorted(edition_years(root), key=lambda y: (y > year, abs(y - year)))
    for source in ([base] if base is not None else []) + others:
        p = Path(root) / "data" / "raw" / str(source) / "report.meta.yml"
        if p.exists() and source != year:
            old = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
            meta = {k: old[k] for k in ("title", "title_en", "body", "body_en") if k in old}
            break
    return meta | {"reviewed_year": year, "task_year": year + 1, "archived_from": str(text_path)}
