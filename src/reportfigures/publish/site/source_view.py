"""The report's text with every number marked, and each claim's check in a popover.
"""

from __future__ import annotations

from ...checks import ratings
from ...checks.run import claim_ratings
from ..i18n import t
from .html import _attr, _e, _q, _sentence, _subject, finding_anchor
from .annotations import selectors


def source_view(text: str, mentions: list, claims: list[dict], findings: list[dict], lang: str = "zh") -> str:
    """The report as HTML paragraphs: every number wrapped, claimed numbers and misprints
    activatable, each coloured by its own rating."""
    rated = claim_ratings(findings)
    by_start = {c["start"]: c for c in claims}
    marks = []
    for m in mentions:
        marks.append((m.start, m.end, "num", m))
    for f in findings:
        if f["rule"] in ("duplicated_characters", "unbalanced_quotes") and f.get("start") not in (None, ""):
            marks.append((int(f["start"]), int(f["end"]), "misprint", f))
    out, pos = [], 0
    for start, end, kind, obj in sorted(marks, key=lambda x: (x[0], x[2] != "misprint")):
        anchor = start
        if start < pos:
            if kind != "misprint" or end <= pos:
                continue
            start = pos  # 二中全会全会: the misprint runs on past a number; mark what is left of it
        out.append(_e(text[pos:start]))
        sel = selectors(text, start, end)
        attrs = (f'data-start="{start}" data-end="{end}" data-exact="{_attr(sel["quote"]["exact"])}" '
                 f'data-prefix="{_attr(sel["quote"]["prefix"])}" data-suffix="{_attr(sel["quote"]["suffix"])}"')
        shown = _e(text[start:end])
        if kind == "misprint":
            out.append(f'<a class="mark misprint" id="m-{anchor}" href="#{_e(finding_anchor(obj))}" '
                       f'data-finding="{_e(obj["check_id"])}" aria-haspopup="dialog" {attrs}>{shown}</a>')
        else:
            c = by_start.get(start)
            if c is not None:
                r = rated.get(c["id"], "cannot_check")
                out.append(f'<a class="num r-{r}" id="m-{start}" href="#claim-{_e(c["id"])}" data-claim="{_e(c["id"])}" '
                           f'data-rating="{r}" aria-haspopup="dialog" {attrs}>{shown}</a>')
            else:
                out.append(f'<span class="num other" title="{_e(t("kind_" + obj.kind, lang))}" {attrs}>{shown}</span>')
        pos = end
    out.append(_e(text[pos:]))
    body = "".join(out)
    return "".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())


def details(claims: list[dict], findings: list[dict], lang: str) -> dict:
    """Per claim and per misprint: value, subject, its rating, and every finding that names
    it with the sentence, its role (at fault or evidence) and the formula one click away."""
    rated = claim_ratings(findings)
    by_claim: dict[str, list[dict]] = {}
    for f in findings:
        for cid in filter(None, str(f.get("claims") or "").split(";")):
            by_claim.setdefault(cid, []).append(f)
    def fview(f: dict, cid: str | None) -> dict:
        fault = cid is not None and cid in str(f.get("at_fault") or "").split(";")
        return {"id": f["check_id"], "anchor": finding_anchor(f), "rating": f["rating"],
                "label": ratings.label(f["rating"], lang), "sentence": _sentence(f, lang),
                "role": t("role_fault" if fault else "role_evidence", lang) if cid and f["rating"] in ratings.FAULTS else "",
                "formula": f.get("formula", ""), "computed": f.get("computed", ""), "evidence": f.get("evidence", "")}
    out = {}
    for c in claims:
        fs = sorted(by_claim.get(c["id"], []), key=lambda f: ratings.ORDER.index(f["rating"]))
        r = rated.get(c["id"], "cannot_check")
        out[c["id"]] = {"value": _q(c, lang), "subject": _subject(c, lang), "rating": r, "label": ratings.label(r, lang),
                        "start": c["start"], "checks": [fview(f, c["id"]) for f in fs]}
    for f in findings:
        if f["rule"] in ("duplicated_characters", "unbalanced_quotes"):
            out["finding:" + f["check_id"]] = {"value": f["numbers"], "subject": t("misprint_subject", lang),
                                               "rating": f["rating"], "label": ratings.label(f["rating"], lang),
                                               "start": f["start"], "checks": [fview(f, None)]}
    return out
