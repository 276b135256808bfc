"""A report's editions year after year, computed in memory: the per-report step of a corpus.

`edition()` is a pure function of a report's text and its previous year's edition: the
same steps as new-edition → accept → build's tables (numbers, claims carried by id or new,
relations the text states, findings, last year's targets beside this year's results), with
no file read or written, no notebook and no Great Expectations run. `series()` chains it over
the years of one report. That makes one report the unit of work a process pool (or a Dask
bag, see the README) can map over: nothing is shared between reports but the package.

In come (name, year, text) per year; out come SeriesEdition records whose tables have the
columns of an edition's claims.csv, findings.csv and targets.csv.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..source.read import sha256_bytes


@dataclass
class SeriesEdition:
    name: str
    year: int
    text: str
    sha256: str
    meta: dict
    claims: list[dict]
    findings: list[dict]
    derived: list[dict]
    targets: list[dict] | None
    mentions: list = field(default_factory=list)
    reviewed: dict = field(default_factory=dict)  # claim id → the review row (claims.reviewed.csv)
    carried: int = 0  # claims bound to last year's by id

    @property
    def counts(self) -> dict:
        from collections import Counter
        rated = Counter(f["rating"] for f in self.findings)
        return {"claims": len(self.claims), "carried": self.carried, "new": len(self.claims) - self.carried,
                "targets": sum(c["kind"] == "target" for c in self.claims), "findings": dict(rated)}


def edition(name: str, year: int, text: str, base: SeriesEdition | None = None) -> SeriesEdition:
    """One year's edition of a report without a catalog, from its text and last year's."""
    from ..text import provenance
    from ..checks import relations
    from ..checks import targets
    from ..claims.binding import profiles
    from ..checks.run import run_checks
    from ..claims.review import REVIEWED_COLUMNS, claims_from_review
    from ..claims.catalog import claimable
    from .draft import carried_from, draft_rows
    from ..extract.extraction import extract
    from ..text.parts import parts_of
    from ..text.document import Document

    sha = sha256_bytes(text.encode("utf-8"))
    doc = Document(text)
    meta = provenance.read(text, year, parts_of(doc).reviewed_year)
    catalog, prof = [], {}
    if base is not None:
        base_doc = Document(base.text)
        base_ms = claimable(extract(base_doc))
        catalog = carried_from(base_doc, base_ms, base.reviewed)
        prof = profiles(base_doc, base_ms, {cid: int(r["start"]) for cid, r in base.reviewed.items()})
    rows = draft_rows(catalog, text, sha, base=prof, by_part=True)
    reviewed = {r["claim_id"]: {k: str(r[k]) for k in REVIEWED_COLUMNS if k != "claim_id"} | {"claim_id": r["claim_id"]}
                for r in rows if r["status"] in ("found", "new")}
    mentions = extract(doc)
    claims = claims_from_review(doc, mentions, reviewed, {}, sha, by_part=True, path=f"{name} {year}")
    rels = relations.propose(doc, claims)
    base_claims = {c["id"]: c for c in base.claims} if base is not None else None
    found, derived = run_checks(claims, rels, doc, base=base_claims, year=year, printed=False)
    target_rows = None
    if base is not None:
        target_rows = targets.compare(Document(base.text), base.claims, base.meta, doc, claims, meta, base.year)
    return SeriesEdition(name, year, text, sha, meta, claims, [f.row() for f in found], [d.row() for d in derived],
                         target_rows, mentions, reviewed, sum(r["status"] == "found" for r in rows))


def series(name: str, texts: list[tuple[int, str]]) -> list[SeriesEdition]:
    """Every year of one report, each checked against the year before it."""
    out: list[SeriesEdition] = []
    for year, text in sorted(texts):
        out.append(edition(name, year, text, out[-1] if out else None))
    return out
