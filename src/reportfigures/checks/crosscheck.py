"""Claims of one report checked against claims of another report of the same year.

The government's work report states how many CPPCC proposals it handled (2025 report:
政协提案1081件, for 2024); the CPPCC's own report states how many it filed (立案1364件).
data/claims/crosschecks.yml pairs such claims and says what kind of check each pairing is
(`part_of_whole`: the government handles part of what the CPPCC filed, so 1081 ≤ 1364 is
consistent and a larger figure would be a contradiction; `same`: both print one figure). The
kinds and the rating of each outcome are data there too.

In come an edition (its report, its reviewed year, its claims) and the project's other
archived editions; out come findings on the one rating scale, rule `cross_document`, each
naming this edition's claim and quoting the other report's number with its place.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import CatalogError

FILE = "data/claims/crosschecks.yml"
KINDS = ("part_of_whole", "same")


def load(root: Path) -> tuple[dict, list[dict]]:
    """The kinds and the pairings; a one-line error names the file and what is wrong."""
    import yaml

    path = Path(root) / FILE
    if not path.exists():
        return {}, []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        raise CatalogError(f"is not valid YAML ({str(e).splitlines()[0]})", path) from None
    kinds, pairings = data.get("kinds") or {}, data.get("pairings") or []
    seen = set()
    for p in pairings:
        pid = p.get("id") if isinstance(p, dict) else None
        if not pid or pid in seen:
            raise CatalogError(f"pairing {pid!r} has no id or repeats one", path)
        seen.add(pid)
        if p.get("kind") not in KINDS or p["kind"] not in kinds:
            raise CatalogError(f"pairing '{pid}' has kind {p.get('kind')!r}, expected one of {', '.join(KINDS)}", path)
        for side in _sides(p):
            if not isinstance(p.get(side), dict) or not p[side].get("report") or not p[side].get("claim"):
                raise CatalogError(f"pairing '{pid}' needs '{side}' with a report and a claim", path)
    return kinds, pairings


def _sides(p: dict) -> tuple[str, str]:
    return ("part", "whole") if p.get("kind") == "part_of_whole" else ("a", "b")


def locate(spec, claims: list[dict]) -> dict | None:
    """A side's claim: by id, or by a locator (words in its clause, its unit and kind); a
    locator that finds no claim or several finds none (a reviewer would have to choose)."""
    if isinstance(spec, str):
        return next((c for c in claims if c["id"] == spec), None)
    near, unit, kind = spec.get("near") or [], spec.get("unit"), spec.get("kind")
    hits = [c for c in claims if (unit is None or c["unit"] == unit) and (kind is None or c["kind"] == kind)
            and all(w in _clause(c) for w in near)]
    return hits[0] if len(hits) == 1 else None


def _clause(c: dict) -> str:
    """The words of a claim's sentence from the clause before it up to the number."""
    import re
    sent, surface = str(c.get("sentence") or ""), str(c.get("surface") or "")
    i = sent.find(surface)
    head = sent[:i] if i >= 0 else sent
    return re.split(r"[，,；;。：:]", head)[-1]


def inputs(root: Path, report: str) -> dict[str, Path]:
    """The files a report's cross-document findings read: the pairings and, for every other
    report a pairing names, its editions' parameters, reviews and archive metadata."""
    from ..paths import edition_dir, edition_years, raw_dir
    _, pairings = load(root)
    out = {"crosschecks": Path(root) / FILE}
    for p in pairings:
        names = [p[s]["report"] for s in _sides(p)]
        if report not in names:
            continue
        for other in names:
            if other == report:
                continue
            for y in edition_years(Path(root), other):
                out[f"cross:{other}:{y}:params"] = edition_dir(root, y, other) / "edition.yml"
                out[f"cross:{other}:{y}:reviewed"] = edition_dir(root, y, other) / "claims.reviewed.csv"
                out[f"cross:{other}:{y}:meta"] = raw_dir(root, y, other) / "report.meta.yml"
    return out


def findings(root: Path, report: str, meta: dict, claims: list[dict], editions) -> list:
    """The cross-document findings of one edition, one per pairing that names its report.

    `editions(report)` gives reviewed year → (edition year, meta, claims) of the other
    report's signed editions (tables/inputs.py `signed_editions`): loading an edition is
    the tables stage's, and the checks do not reach up to it."""
    from .findings import Finding, q, q_en

    kinds, pairings = load(root)
    out = []
    year = meta.get("reviewed_year")
    for p in pairings:
        sides = _sides(p)
        mine = [s for s in sides if p[s]["report"] == report]
        if not mine:
            continue
        me = mine[0]
        other = sides[1] if me == sides[0] else sides[0]
        own = locate(p[me]["claim"], claims)
        theirs = editions(p[other]["report"]).get(year)
        if own is None or theirs is None:
            continue  # the other report of this year is not archived, or a side is not stated
        o_year, o_meta, o_claims = theirs
        their = locate(p[other]["claim"], o_claims)
        if their is None:
            continue
        first, second = (own, their) if me == sides[0] else (their, own)
        k = kinds[p["kind"]]
        if p["kind"] == "part_of_whole":
            bad = float(first["value"]) > float(second["value"]) and first["qualifier"] in ("exact", "at_least") \
                and second["qualifier"] in ("exact", "at_most")
            rating = k["larger"] if bad else k["not_larger"]
        else:
            bad = float(first["value"]) != float(second["value"])
            rating = k["differ"] if bad else k["agree"]
        o_title, o_title_en = o_meta.get("title", ""), o_meta.get("title_en", "")
        rel_zh = "多于" if bad and p["kind"] == "part_of_whole" else "不多于" if p["kind"] == "part_of_whole" else (
            "不同于" if bad else "等于")
        rel_en = ("more than" if bad else "no more than") if p["kind"] == "part_of_whole" else (
            "differs from" if bad else "equals")
        verdict_zh = "两数不能同时成立，需由两份报告的发布方核实" if rating == "contradiction" else "两数相符"
        verdict_en = ("the two cannot both be true, which only the two reports' authors can settle"
                      if rating == "contradiction" else "the two agree")
        zh = (f"《{o_title}》中的“{their['surface']}”与本报告的“{own['surface']}”相关：{p['zh']}。"
              f"{_who(first, own, '本报告', f'《{o_title}》')}{q(first)}{rel_zh}"
              f"{_who(second, own, '本报告', f'《{o_title}》')}{q(second)}，{verdict_zh}。")
        en = (f"{their['surface']} in the {o_title_en} bears on {own['surface']} here: {p['en']}. "
              f"{q_en(first)} ({_who(first, own, 'this report', o_title_en)}) is {rel_en} {q_en(second)} "
              f"({_who(second, own, 'this report', o_title_en)}): {verdict_en}.")
        out.append(Finding(f"crosscheck.{p['id']}", "cross_document", rating, [own["id"]],
                           [own["id"]] if rating == "contradiction" else [],
                           f"{first['surface']} vs {second['surface']}", zh, en,
                           computed=f"{first['value']} vs {second['value']}",
                           formula=f"{me if me != 'a' else 'first'} ({report}) {'≤' if p['kind'] == 'part_of_whole' else '='} "
                                   f"{other} ({p[other]['report']} {o_year})",
                           evidence=f"{o_title} {o_year}: {their['sentence']}", start=own["start"], end=own["end"],
                           note=f"pairing {p['id']} ({p['kind']}) with {p[other]['report']} {o_year}, "
                                f"{their['id']} at {their['start']}", origin="crosscheck"))
    return out


def _who(c: dict, own: dict, here: str, there: str) -> str:
    return here if c is own else there
