"""Starting next year's edition from its text: archive, draft the claims, review, accept.

A year signed off by `accept` is archived: it changes only by an explicit decision
(`new-edition --reopen REASON`), and every decision is logged in
data/editions/<year>/decisions.log.

`new-edition` archives the text (never edited in place), writes the year's parameters and a
draft of its claims (claims.draft.csv): every catalog claim bound by the assignment
(binding.py) with its score, runner-up and margin, or missing; and every other claimable
number as a new automatic claim with a stable id (subjects.py). Nothing needs a hand edit:

- `accept` signs the draft off as the year's review (claims.reviewed.csv): bound and new
  claims with their values and places, missing claims declared absent this year;
- `bind` lets the reviewer override one binding (another number, or absent) and re-drafts;
- `promote` writes an automatic claim into the catalog as a YAML entry.

The build re-extracts the text and stops if anything it was signed off on has changed, so
the draft never says "found" for a binding the build would reject.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import measures, subjects
from .binding import LOW_MARGIN, assign, profiles
from .claims import (REVIEWED_COLUMNS, ClaimDef, claimable, contexts, describe, describe_mentions, is_auto_id,
                     load_catalog, load_reviewed, mention_part)
from .errors import CatalogError, InputError
from .files import atomic_write_text, csv_text
from .numbers import extract
from .parts import parts_of, part_theme
from .source import archive_report, read_text
from .paths import DEFAULT_REPORT, check_report, check_year, edition_years, label, raw_dir, report_option
from .paths import edition_dir as _edition_dir
from .text import Document

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


def edition_dir(root: Path, year: int, report: str | None = None) -> Path:
    return _edition_dir(root, year, report)


def params_path(root: Path, year: int, report: str | None = None) -> Path:
    return edition_dir(root, year, report) / "edition.yml"


def is_signed(root: Path, year: int, params: dict | None = None, report: str | None = None) -> bool:
    """Signed off by accept (or, for editions before the status field, a review exists)."""
    if params is None:
        path = params_path(root, year, report)
        if not path.exists():
            return False
        params = read_params(root, year, report)
    status = params.get("status")
    if status is not None:
        return status == "signed"
    return (Path(root) / str(params.get("reviewed", f"data/editions/{year}/claims.reviewed.csv"))).exists()


def log_decision(root: Path, year: int, what: str, report: str | None = None) -> None:
    """One line per decision about a year: when, who, what."""
    import getpass
    from datetime import datetime, timezone
    try:
        who = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on some containers
        who = "unknown"
    stamp = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    path = edition_dir(root, year, report) / "decisions.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"{stamp}\t{who}\t{what}\n")


def _require_open(root: Path, year: int, params: dict, action: str, report: str | None = None) -> None:
    if is_signed(root, year, params, report):
        raise InputError(f"edition {label(year, report)} is signed off; {action} changes it only after "
                         f"`reportfigures new-edition{report_option(report)} --year {year} --text PATH --reopen \"why\"`",
                         params_path(root, year, report))


def read_params(root: Path, year: int, report: str | None = None) -> dict:
    check_year(year)
    path = params_path(root, year, report)
    if not path.exists():
        raise InputError(f"no edition parameters for {label(year, report)}: run "
                         f"`reportfigures new-edition{report_option(report)} --year {year} --text PATH`", path)
    try:
        params = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise InputError(f"is not valid YAML ({str(e).splitlines()[0]})", path) from None
    if not isinstance(params, dict):
        raise InputError("must be a mapping of parameters", path)
    return params


def write_params(path: Path, params: dict) -> None:
    params = {k: v for k, v in params.items() if not (k == "report" and v == DEFAULT_REPORT)}
    atomic_write_text(path, f"# Parameters of the {label(params['year'], params.get('report'))} edition "
                      "(reportfigures new-edition; decisions by accept, bind and promote).\n"
                      + yaml.safe_dump(params, allow_unicode=True, sort_keys=False))


# --- the base year ----------------------------------------------------------------------------

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


# --- the draft --------------------------------------------------------------------------------

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
        from . import provenance
        meta = provenance.read(src.text, year, parts_of(Document(src.text)).reviewed_year) | {
            "archived_from": str(text_path)}
    archive_report(text_path, root, year, meta, report=report)
    ed = edition_dir(root, year, report)
    ed.mkdir(parents=True, exist_ok=True)
    path = params_path(root, year, report)
    from .paths import rel
    params = {"year": year, "report": report, "text": rel(root, raw_dir(root, year, report) / "report.txt"),
              "catalog": catalog, "relations": relations, "reviewed": rel(root, ed / "claims.reviewed.csv"),
              "figures": figures, "base_year": base, "status": "draft", "absent_claims": [], "overrides": {}}
    if path.exists():  # a second draft keeps the decisions already taken
        old = read_params(root, year, report)
        params |= {k: old[k] for k in ("absent_claims", "overrides", "unclaimed", "catalog", "relations", "figures",
                                        "base_year", "publish_url", "lang") if k in old and not (k == "base_year" and base_year)}
    write_params(path, params)
    return redraft(root, year, report)


def _latest_year(root: Path, before: int, report: str | None = None) -> int | None:
    years = [y for y in edition_years(root, report) if y < before]
    return max(years) if years else None


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

