"""The reviewer's commands on a draft: accept it, bind one claim by hand, promote one.

A year signed off by `accept` is archived: it changes only by an explicit decision
(`new-edition --reopen REASON`), and every decision is logged in decisions.log.
"""

from __future__ import annotations

import csv
from pathlib import Path
import yaml

from ..claims import subjects
from ..claims.review import REVIEWED_COLUMNS, describe_mentions, load_reviewed
from ..claims.catalog import claimable, contexts, describe, load_catalog
from ..errors import CatalogError, InputError
from ..files import atomic_write_text, csv_text
from ..extract.extraction import extract
from ..source.read import read_text
from ..paths import check_report, label, report_option
from ..text.document import Document
from .draft import Draft, carried_claims, redraft
from .params import _require_open, edition_dir, log_decision, params_path, read_params, write_params


def checklist(d: Draft) -> str:
    """The reviewer's to-do list, short enough to read in a terminal."""
    opt = report_option(d.report)
    lines = [f"draft of the {label(d.year, d.report)} claims: {d.path}",
             f"  found {d.count('found') + d.count('pinned')}, missing {d.count('missing')}, "
             f"new (automatic) {d.count('new')}, low margin {len(d.low_margin)}"]
    todo = []
    if d.count("found"):
        todo.append("check each found value against its sentence (status=found; runner_up and margin beside it)")
    for r in d.low_margin[:5]:
        todo.append(f"close call: {r['claim_id']} = {r['surface']} (margin {r['margin']}; runner-up {r['runner_up']})")
    if d.count("missing"):
        todo.append("missing claims are declared absent on accept; to bind one: "
                    f"reportfigures bind{opt} --year {d.year} CLAIM_ID --to SURFACE")
    if d.count("new"):
        todo.append(f"new numbers become automatic claims on accept; to name one in the catalog: "
                    f"reportfigures promote{opt} --year {d.year} AUTO_ID")
    todo.append(f"then: reportfigures accept{opt} --year {d.year}  and  reportfigures build{opt} --year {d.year}")
    return "\n".join(lines + [f"  [ ] {t}" for t in todo])


def _read_draft(root: Path, year: int, report: str | None = None) -> tuple[Path, list[dict]]:
    path = edition_dir(root, year, report) / "claims.draft.csv"
    if not path.exists():
        raise InputError(f"no draft: run `reportfigures new-edition{report_option(report)} --year {year} --text PATH` first",
                         path)
    try:
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
    except UnicodeDecodeError as e:
        raise InputError(f"is not UTF-8 (bad byte at offset {e.start})", path) from None
    if rows and [c for c in ("claim_id", "status", "start") if c not in rows[0]]:
        raise InputError("is not a claims draft (columns missing): run `reportfigures new-edition` again", path)
    return path, rows


def accept(root: Path, year: int, report: str | None = None) -> dict:
    """Sign the draft off: bound and new claims reviewed, missing claims absent this year."""
    root = Path(root)
    report = check_report(report)
    params = read_params(root, year, report)
    _require_open(root, year, params, "accept", report)
    path, rows = _read_draft(root, year, report)
    src = read_text(root / params["text"])
    stale = {r.get("source_sha256") for r in rows} - {src.sha256, "", None}
    if stale:
        raise InputError("was drafted from another text than the archived one: run `reportfigures new-edition` again",
                         path)
    signed = [r for r in rows if r["status"] in ("found", "pinned", "new")]
    reviewed = [{"claim_id": r["claim_id"], "origin": r["origin"], "start": r["start"], "end": r["end"],
                 "value": r["value"], "unit": r["unit"], "qualifier": r["qualifier"], "surface": r["surface"]}
                for r in signed]
    atomic_write_text(root / params["reviewed"], csv_text(reviewed, REVIEWED_COLUMNS))
    params["absent_claims"] = sorted(r["claim_id"] for r in rows if r["status"] in ("missing", "absent"))
    params["status"] = "signed"
    write_params(params_path(root, year, report), params | {"report": report})
    result = {"reviewed": sum(r["origin"] == "catalog" for r in signed), "new": sum(r["status"] == "new" for r in signed),
              "absent": len(params["absent_claims"]),
              "carried": sum(r["origin"] == "auto" and r["status"] in ("found", "pinned") for r in signed)}
    log_decision(root, year, "accept: " + ", ".join(f"{k} {v}" for k, v in result.items()), report)
    return result


def _find_mention(doc: Document, where: str, path: Path):
    """A claimable number by its offset (@1234) or its surface, which must be unique."""
    ms = claimable(extract(doc))
    if where.startswith("@") and where[1:].isdigit():
        hit = [m for m in ms if m.start == int(where[1:])]
    else:
        hit = [m for m in ms if m.surface == where]
    if len(hit) != 1:
        cands = "; ".join(describe(m) for m in ms if where.lstrip("@") in (m.surface, str(m.start)))
        raise InputError(f"'{where}' names {len(hit)} claimable numbers" + (f" ({cands}): give @offset" if cands else ""),
                         path)
    return hit[0]


def override(root: Path, year: int, claim_id: str, *, to: str | None = None, absent: bool = False,
             report: str | None = None) -> Draft:
    """The reviewer's binding of one claim (another number, or absent), then a new draft."""
    root = Path(root)
    report = check_report(report)
    params = read_params(root, year, report)
    _require_open(root, year, params, "bind", report)
    path = params_path(root, year, report)
    if params.get("catalog"):
        if claim_id not in {c.id for c in load_catalog(root / params["catalog"])}:
            raise InputError(f"no catalog claim '{claim_id}'", root / params["catalog"])
    elif claim_id not in {c.id for c in carried_claims(root, params.get("base_year"), report)}:
        raise InputError(f"no claim '{claim_id}' in the {label(params.get('base_year') or year, report)} edition "
                         "to carry", path)
    overrides = dict(params.get("overrides") or {})
    if absent:
        overrides[claim_id] = "absent"
    elif to:
        m = _find_mention(Document(read_text(root / params["text"]).text), to, path)
        overrides[claim_id] = {"start": m.start, "surface": m.surface}
    else:
        overrides.pop(claim_id, None)
    params["overrides"] = overrides
    write_params(path, params | {"report": report})
    log_decision(root, year, f"bind {claim_id}: " + ("absent" if absent else f"to {to}" if to else "cleared"), report)
    return redraft(root, year, report)


def promote(root: Path, year: int, auto_id: str, new_id: str | None = None, report: str | None = None) -> dict:
    """Write an automatic claim into the catalog, keeping its id unless told otherwise; the
    year's draft and review take the catalog claim from then on."""
    root = Path(root)
    report = check_report(report)
    params = read_params(root, year, report)
    _require_open(root, year, params, "promote", report)
    if not params.get("catalog"):
        raise InputError(f"report {report} has no catalog: its claims are carried by id from year to year, "
                         "so there is nothing to promote into", params_path(root, year, report))
    path, rows = _read_draft(root, year, report)
    row = next((r for r in rows if r["claim_id"] == auto_id and r["origin"] == "auto"), None)
    if row is None:
        raise InputError(f"no automatic claim '{auto_id}' in the draft", path)
    cid = new_id or auto_id
    cat_path = root / params["catalog"]
    if cid in {c.id for c in load_catalog(cat_path)}:
        raise CatalogError(f"claim id '{cid}' is already in the catalog", cat_path)
    doc = Document(read_text(root / params["text"]).text)
    ms = claimable(extract(doc))
    m = next(x for x in ms if x.start == int(row["start"]))
    s = describe_mentions(doc, ms)[m.start]
    ctx = contexts(doc, ms)[m.start]
    near = [w for w in (s.noun, s.verb) if w and w in ctx][:2] or [s.subject_zh[-4:]]
    entry = {"id": cid, "subject_zh": s.subject_zh, "subject_en": subjects.gloss_en(s.noun, m.unit), "unit": m.unit,
             "kind": m.kind, "part": "tasks" if m.kind == "target" else "review", "theme": s.theme, "near": near,
             "note": f"promoted from {auto_id} ({year}: {m.surface} in “{m.sentence[:30]}…”)"}
    text = cat_path.read_text(encoding="utf-8")
    block = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=1000)
    block = "".join(("  " + line if line.strip() else line) for line in block.splitlines(True))
    atomic_write_text(cat_path, text.rstrip("\n") + f"\n  # promoted by `reportfigures promote --year {year}`\n" + block)
    try:
        load_catalog(cat_path)
    except CatalogError:
        atomic_write_text(cat_path, text)  # never leave a catalog the build cannot read
        raise
    overrides = dict(params.get("overrides") or {})
    overrides[cid] = {"start": m.start, "surface": m.surface}
    params["overrides"] = overrides
    write_params(params_path(root, year), params)
    rev = root / params["reviewed"]
    if rev.exists():
        reviewed = load_reviewed(rev)
        if auto_id in reviewed:
            r = reviewed.pop(auto_id) | {"claim_id": cid, "origin": "catalog"}
            reviewed[cid] = r
            atomic_write_text(rev, csv_text(sorted(reviewed.values(), key=lambda r: int(r["start"])), REVIEWED_COLUMNS))
    redraft(root, year)
    log_decision(root, year, f"promote {auto_id} as {cid}")
    return entry
