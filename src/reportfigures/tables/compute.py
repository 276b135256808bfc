"""An edition's tables, computed in memory and saved: claims, findings, derived figures,
numbers, last year's targets, the suites' results.

In come the inputs (tables/inputs.py); out come EditionResults, and the files save() writes.
Raises on any integrity failure. The Great Expectations suites run in a second process that
imports GX meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
import pandas as pd

from ..checks.findings import DERIVED_COLUMNS, FINDING_COLUMNS
from ..checks.declared import claim_refs, load_relations
from ..checks.run import run_checks
from ..claims.review import CLAIM_COLUMNS
from ..claims.catalog import claimable
from ..errors import IntegrityError
from ..files import csv_text, json_text
from ..extract.mention import COLUMNS
from .suites import INTEGRITY_COLUMNS, SuiteRunner, findings_frame
from .inputs import EditionInputs, base_inputs, bind_claims, signed_editions


@dataclass
class EditionResults:
    mentions: list
    claims: list[dict]
    findings: list[dict]
    derived: list[dict]
    validation: list[dict]
    targets: list[dict] | None = None  # last year's targets beside this year's results (targets.py)


def compute(inputs: EditionInputs) -> EditionResults:
    """Everything an edition publishes, computed in memory; raises on any integrity failure.
    The Great Expectations suites run in a second process that imports GX meanwhile."""
    from ..checks import relations as text_relations

    root, p = inputs.root, inputs.params
    with SuiteRunner(root) as suites:
        mentions, claims, catalog = bind_claims(inputs)
        integrity = suites.run("claims_integrity", integrity_frame(inputs, claims, mentions))
        if not integrity["success"]:
            failed = [r["expectation"] for r in integrity["results"] if not r["success"]]
            raise IntegrityError(f"claims_integrity failed: {', '.join(failed)}", "expectations/claims_integrity")
        present = {c["id"] for c in claims}
        declared = [r for r in load_relations(root / p["relations"], set(catalog) | present)
                    if set(claim_refs(r)) <= present] if p.get("relations") else []
        # (a relation with a claim absent this year cannot be checked)
        rels = text_relations.merge(declared, text_relations.propose(inputs.doc, claims))
        base = base_inputs(root, p)
        base_bound = bind_claims(base)[1] if base is not None else None
        findings, derived = run_checks(claims, rels, inputs.doc, year=inputs.year,
                                       base={c["id"]: c for c in base_bound} if base is not None else None,
                                       printed="print" in str(inputs.meta.get("medium", "")))
        from ..checks import crosscheck
        findings += crosscheck.findings(root, inputs.report, inputs.meta, claims,  # against other reports
                                        lambda other: signed_editions(root, other))
        f_rows = [f.row() for f in findings]
        consistency = suites.run("report_consistency", findings_frame(f_rows))
    target_rows = None
    if base is not None and not inputs.has_catalog:
        from ..checks import targets
        target_rows = targets.compare(base.doc, base_bound, base.meta, inputs.doc, claims, inputs.meta, base.year)
    return EditionResults(mentions, claims, f_rows, [d.row() for d in derived], [integrity, consistency],
                          target_rows)


def integrity_frame(inputs: EditionInputs, claims: list[dict], mentions) -> pd.DataFrame:
    """Every claimable mention with the claim bound to it (none when uncovered) and the
    quote its offsets give in the archived text, for the integrity suite."""
    by_start = {c["start"]: c["id"] for c in claims}
    text = inputs.source.text
    acknowledged = {(int(u["start"]), u["surface"]) for u in inputs.params.get("unclaimed") or []}
    found = {(m.start, m.surface) for m in claimable(mentions)}
    stale = acknowledged - found
    if stale:
        raise IntegrityError(f"'unclaimed' names numbers not in the text: {sorted(stale)}", "edition.yml")
    mentions = [m for m in mentions if (m.start, m.surface) not in acknowledged]
    rows = [{"id": by_start.get(m.start), "value": float(m.value), "unit": m.unit, "qualifier": m.qualifier,
             "kind": m.kind, "start": m.start, "end": m.end, "surface": m.surface,
             "source_quote": text[m.start:m.end], "source_sha256": inputs.source.sha256,
             "archived_sha256": inputs.meta["sha256"]} for m in claimable(mentions)]
    return pd.DataFrame(rows, columns=INTEGRITY_COLUMNS)


def save(results: EditionResults, inputs: EditionInputs, dest: Path) -> dict:
    """Write the edition's tables into a (staging) folder; the counts for the build record."""
    sha = inputs.source.sha256
    rows = [m.row() | {"source_sha256": sha} for m in results.mentions]
    cols = COLUMNS + ["rule", "listed", "listed_open", "source_sha256"]
    (dest / "numbers.csv").write_text(csv_text(rows, cols), encoding="utf-8")
    (dest / "numbers.json").write_text(json_text(rows), encoding="utf-8")
    ccols = CLAIM_COLUMNS
    (dest / "claims.csv").write_text(csv_text(results.claims, ccols), encoding="utf-8")
    (dest / "claims.json").write_text(json_text(results.claims), encoding="utf-8")
    pd.DataFrame(results.claims, columns=ccols).to_parquet(dest / "claims.parquet", index=False)
    (dest / "findings.csv").write_text(csv_text(results.findings, FINDING_COLUMNS), encoding="utf-8")
    (dest / "findings.json").write_text(json_text(results.findings), encoding="utf-8")
    (dest / "derived.csv").write_text(csv_text(results.derived, DERIVED_COLUMNS), encoding="utf-8")
    (dest / "derived.json").write_text(json_text(results.derived), encoding="utf-8")
    (dest / "validation.json").write_text(json_text(results.validation), encoding="utf-8")
    if results.targets is not None:
        from ..checks.targets import TARGET_COLUMNS
        (dest / "targets.csv").write_text(csv_text(results.targets, TARGET_COLUMNS), encoding="utf-8")
        (dest / "targets.json").write_text(json_text(results.targets), encoding="utf-8")
    rated: dict[str, int] = {}
    for f in results.findings:
        rated[f["rating"]] = rated.get(f["rating"], 0) + 1
    out = {"numbers": len(rows), "claims": len(results.claims),
           "automatic_claims": sum(c["origin"] == "auto" for c in results.claims), "findings": rated,
           "derived": len(results.derived)}
    if results.targets is not None:
        from ..checks.targets import counts
        out["targets"] = counts(results.targets)
    return out
