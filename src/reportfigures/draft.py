"""Starting next year's edition from its text: archive, draft the claims, then accept.

`new-edition` archives the text (never edited in place), writes the year's parameters,
and runs the catalog's locators over the new text. The draft (claims.draft.csv) lists every
claim found with its new value, every claim not found, every claim whose locator matched
several numbers (with the candidates; never bound silently), and every number no claim
covers. The command exits non-zero while the draft needs a decision.

`accept` records the reviewer's decisions in the year's parameters: found claims become
the reviewed values; claims not found are declared absent this year; uncovered numbers are
acknowledged as not claimed (or the reviewer adds them to the catalog and drafts again).
An ambiguous claim cannot be accepted: its locator must be fixed in the catalog.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .claims import REVIEWED_COLUMNS, describe, load_catalog, locate, uncovered
from .errors import InputError
from .files import atomic_write_text, csv_text
from .numbers import extract
from .source import archive_report, read_text
from .text import Document

DRAFT_COLUMNS = ["claim_id", "status", "value", "unit", "qualifier", "surface", "start", "end", "sentence",
                 "kind", "section", "candidates"]
STATUSES = ("found", "missing", "ambiguous", "uncovered")


@dataclass
class Draft:
    year: int
    rows: list[dict]
    path: Path

    def count(self, status: str) -> int:
        return sum(r["status"] == status for r in self.rows)

    @property
    def needs_decision(self) -> bool:
        return any(r["status"] != "found" for r in self.rows)


def edition_dir(root: Path, year: int) -> Path:
    return Path(root) / "data" / "editions" / str(year)


SIMILAR = 0.25  # bigram overlap with last year's sentence below which a match is not bound


def bigrams(sentence: str) -> set[str]:
    """Character bigrams of a sentence without its numbers: what stays when values change."""
    s = re.sub(r"[0-9０-９.．%％〇零一二两三四五六七八九十百千万亿余多近约超]+", "", sentence)
    s = re.sub(r"[\s，,。；;：:、“”\"（）()]", "", s)
    return {s[i:i + 2] for i in range(len(s) - 1)}


def similarity(a: str, b: str) -> float:
    """Share of last year's sentence bigrams found again (a reworded sentence keeps most)."""
    x, y = bigrams(a), bigrams(b)
    return len(x & y) / len(x) if x else 0.0


def base_sentences(catalog, base_text: str | None) -> dict[str, str]:
    if not base_text:
        return {}
    doc = Document(base_text)
    return {loc.claim.id: loc.mention.sentence for loc in locate(catalog, doc, extract(doc)) if loc.mention}


def draft_rows(catalog_path: Path, text: str, base_text: str | None = None) -> list[dict]:
    """One row per claim (found, missing, ambiguous) and per uncovered number.

    With last year's text, a locator match is bound only if its sentence still resembles
    last year's sentence of the claim: the same keywords in an unrelated sentence (another
    report, another topic) are listed as a candidate of a missing claim, never bound."""
    doc = Document(text)
    mentions = extract(doc)
    catalog = load_catalog(catalog_path)
    located = locate(catalog, doc, mentions)
    before = base_sentences(catalog, base_text)
    rows = []
    for loc in located:
        m, status, note = loc.mention, loc.status, ""
        if m is not None and loc.claim.id in before:
            sim = similarity(before[loc.claim.id], m.sentence)
            if sim < SIMILAR:
                status, note = "missing", f"not bound: {describe(m)} (similarity {sim:.2f} to last year's sentence)"
        row = {"claim_id": loc.claim.id, "status": status, "unit": loc.claim.unit,
               "candidates": " | ".join(describe(c) for c in loc.candidates) if status == "ambiguous" else note}
        if m is not None and status == "found":
            row |= _mention_fields(m)
        rows.append(row)
    bound = {loc.mention.start for loc, r in zip(located, rows) if loc.mention is not None and r["status"] == "found"}
    located = [loc for loc in located if loc.mention is None or loc.mention.start in bound]
    for m in uncovered(located, mentions):
        rows.append({"claim_id": "", "status": "uncovered", "candidates": ""} | _mention_fields(m))
    return rows


def _mention_fields(m) -> dict:
    return {"value": m.value, "unit": m.unit, "qualifier": m.qualifier, "surface": m.surface, "start": m.start,
            "end": m.end, "sentence": m.sentence, "kind": m.kind, "section": m.section}


def new_edition(root: Path, year: int, text_path: Path, *, base_year: int | None = None,
                catalog: str = "data/claims/catalog.yml", relations: str = "data/claims/relations.yml",
                figures: str = "data/charts/figures.yml") -> Draft:
    """Archive the text, write data/editions/<year>/edition.yml and the claims draft."""
    root = Path(root)
    src = read_text(text_path)  # one-line errors for missing, binary, empty, undecodable
    base = base_year if base_year is not None else _latest_year(root, before=year)
    meta = _meta_from_base(root, base, year, text_path)
    archive_report(text_path, root, year, meta)
    ed = edition_dir(root, year)
    ed.mkdir(parents=True, exist_ok=True)
    params_path = ed / "edition.yml"
    params = {"year": year, "text": f"data/raw/{year}/report.txt", "catalog": catalog, "relations": relations,
              "reviewed": f"data/editions/{year}/claims.reviewed.csv", "figures": figures, "base_year": base,
              "absent_claims": [], "unclaimed": []}
    if params_path.exists():  # a second draft keeps the decisions already taken
        old = yaml.safe_load(params_path.read_text(encoding="utf-8")) or {}
        params |= {k: old[k] for k in ("absent_claims", "unclaimed", "catalog", "relations", "figures") if k in old}
    _write_params(params_path, params)
    base_text = None
    if base is not None and (Path(root) / "data" / "raw" / str(base) / "report.txt").exists():
        base_text = read_text(Path(root) / "data" / "raw" / str(base) / "report.txt").text
    rows = draft_rows(root / params["catalog"], src.text, base_text)
    path = ed / "claims.draft.csv"
    atomic_write_text(path, csv_text(rows, DRAFT_COLUMNS))
    return Draft(year, rows, path)


def _write_params(path: Path, params: dict) -> None:
    atomic_write_text(path, f"# Parameters of the {params['year']} edition (reportfigures new-edition; "
                      "decisions by accept).\n" + yaml.safe_dump(params, allow_unicode=True, sort_keys=False))


def _latest_year(root: Path, before: int) -> int | None:
    years = [int(p.name) for p in (Path(root) / "data" / "editions").glob("[0-9]*") if int(p.name) < before]
    return max(years) if years else None


def _meta_from_base(root: Path, base: int | None, year: int, text_path: Path) -> dict:
    meta = {}
    if base is not None:
        p = Path(root) / "data" / "raw" / str(base) / "report.meta.yml"
        if p.exists():
            old = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
            meta = {k: old[k] for k in ("title", "title_en", "body", "body_en") if k in old}
    return meta | {"reviewed_year": year, "task_year": year + 1, "archived_from": str(text_path)}


def checklist(d: Draft) -> str:
    """The reviewer's to-do list, short enough to read in a terminal."""
    lines = [f"draft of the {d.year} claims: {d.path}",
             f"  found {d.count('found')}, missing {d.count('missing')}, ambiguous {d.count('ambiguous')}, "
             f"uncovered numbers {d.count('uncovered')}"]
    todo = []
    if d.count("found"):
        todo.append("check each found value against its sentence (status=found)")
    if d.count("missing"):
        todo.append("missing claims: reword their `near` keywords in the catalog, or accept them as absent this year")
    if d.count("ambiguous"):
        todo.append("ambiguous claims: add a keyword or `not_near` in the catalog until one candidate is left")
    if d.count("uncovered"):
        todo.append("uncovered numbers: add a claim to the catalog, or accept them as not claimed")
    todo.append(f"then: reportfigures accept --year {d.year}  and  reportfigures build --year {d.year}")
    return "\n".join(lines + [f"  [ ] {t}" for t in todo])


def accept(root: Path, year: int) -> dict:
    """Record the reviewer's decisions: reviewed values, absent claims, unclaimed numbers."""
    ed = edition_dir(root, year)
    draft_path, params_path = ed / "claims.draft.csv", ed / "edition.yml"
    if not draft_path.exists():
        raise InputError(f"no draft: run `reportfigures new-edition --year {year} --text PATH` first", draft_path)
    with open(draft_path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    ambiguous = [r["claim_id"] for r in rows if r["status"] == "ambiguous"]
    if ambiguous:
        raise InputError(f"ambiguous claims cannot be accepted, fix their locators: {', '.join(ambiguous)}", draft_path)
    params = yaml.safe_load(params_path.read_text(encoding="utf-8"))
    found = [r for r in rows if r["status"] == "found"]
    reviewed = [{"claim_id": r["claim_id"], "value": r["value"], "unit": r["unit"], "qualifier": r["qualifier"],
                 "surface": r["surface"]} for r in found]
    atomic_write_text(Path(root) / params["reviewed"], csv_text(reviewed, REVIEWED_COLUMNS))
    params["absent_claims"] = sorted(r["claim_id"] for r in rows if r["status"] == "missing")
    params["unclaimed"] = [{"start": int(r["start"]), "surface": r["surface"]} for r in rows if r["status"] == "uncovered"]
    _write_params(params_path, params)
    return {"reviewed": len(reviewed), "absent": len(params["absent_claims"]), "unclaimed": len(params["unclaimed"])}
