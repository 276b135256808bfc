"""An edition's inputs, loaded once: the verified archive, parameters, metadata, text model,
and the claims its review signed off. Every later step (the tables, the notebooks, the checks
across reports) starts from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..claims.review import claims_from_review, load_reviewed
from ..claims.catalog import load_catalog
from ..extract.extraction import extract
from ..yearly.params import load_params
from ..errors import ReportError
from ..paths import DEFAULT_REPORT, check_report
from ..source.read import SourceText, read_text
from ..source.archive import load_meta, verify_archive
from ..text.document import Document


@dataclass
class EditionInputs:
    root: Path
    year: int
    params: dict
    source: SourceText
    meta: dict
    doc: Document
    report: str = DEFAULT_REPORT

    @property
    def has_catalog(self) -> bool:
        """The project's own report binds a catalog; any other report is grouped by its parts."""
        return bool(self.params.get("catalog"))


def load_inputs(root: Path, year: int, *, text: str | None = None, catalog: str | None = None,
                report: str | None = None) -> EditionInputs:
    """The archived text, verified against its hash, with its metadata and text model.

    `text`/`catalog` override the edition's parameters (a notebook run by hand on another
    text); an overriding text is read with the same checks but is not an archive."""
    root = Path(root)
    report = check_report(report)
    params = load_params(root, year, report)
    if catalog:
        params = params | {"catalog": catalog}
    if text and Path(root / text).resolve() != Path(root / params["text"]).resolve():
        src = read_text(root / text)
        params = params | {"text": text}
    else:
        src = verify_archive(root, year, report)
    return EditionInputs(root, year, params, src, load_meta(root, year, report), Document(src.text), report)


def bind_claims(inputs: EditionInputs) -> tuple[list, list[dict], dict]:
    """The year's numbers and claims, as its review signed them off (claims.reviewed.csv)."""
    root, p = inputs.root, inputs.params
    mentions = extract(inputs.doc)
    catalog = {c.id: c for c in load_catalog(root / p["catalog"])} if inputs.has_catalog else {}
    unclaimed = {(int(u["start"]), u["surface"]) for u in p.get("unclaimed") or []}
    claims = claims_from_review(inputs.doc, mentions, load_reviewed(root / p["reviewed"]), catalog,
                                inputs.source.sha256, unclaimed=unclaimed, path=p["reviewed"],
                                by_part=not inputs.has_catalog)
    return mentions, claims, catalog


def base_inputs(root: Path, params: dict) -> EditionInputs | None:
    """The base year's edition inputs (same report), or None when there is no base year."""
    base = params.get("base_year")
    if not base:
        return None
    return load_inputs(root, int(base), report=params.get("report"))


def base_claims(root: Path, params: dict) -> dict[str, dict] | None:
    """Last year's claims by id, from its archive and review (no build needed), for the
    checks of changes the new text states; None when there is no base year."""
    inputs = base_inputs(root, params)
    if inputs is None:
        return None
    _, claims, _ = bind_claims(inputs)
    return {c["id"]: c for c in claims}


def signed_editions(root: Path, report: str) -> dict:
    """reviewed year → (edition year, meta, claims) of every signed edition of a report:
    what a check across reports (checks/crosscheck.py) compares with."""
    from ..paths import edition_years
    from ..yearly.params import is_signed

    out = {}
    for year in edition_years(Path(root), report):
        try:
            if not is_signed(Path(root), year, report=report):
                continue
            inputs = load_inputs(Path(root), year, report=report)
            _, claims, _ = bind_claims(inputs)
        except ReportError:
            continue  # an edition that does not load is not evidence
        out[inputs.meta.get("reviewed_year")] = (year, inputs.meta, claims)
    return out
