"""What a machine reads beside the page: W3C Web Annotations (position and quote selectors)
and ClaimReview JSON-LD.
"""

from __future__ import annotations

import json
from pathlib import Path

from ...checks import ratings
from ...checks.run import claim_ratings
from .context import PageContext
from .html import _iso_date, _sentence, finding_anchor


CONTEXT = 32  # characters of prefix and suffix in a quote selector


def selectors(text: str, start: int, end: int) -> dict:
    """W3C Web Annotation selectors for text[start:end]."""
    return {"position": {"type": "TextPositionSelector", "start": start, "end": end},
            "quote": {"type": "TextQuoteSelector", "exact": text[start:end],
                      "prefix": text[max(0, start - CONTEXT):start], "suffix": text[end:end + CONTEXT]}}


def annotations(text: str, sha256: str, claims: list[dict], findings: list[dict]) -> dict:
    """annotations.json: one W3C annotation per claim, targeting its place in the report."""
    rated = claim_ratings(findings)
    items = []
    for c in claims:
        sel = selectors(text, c["start"], c["end"])
        items.append({"type": "Annotation", "id": f"#claim-{c['id']}", "motivation": "assessing",
                      "body": {"type": "TextualBody", "value": rated.get(c["id"], "cannot_check"), "claim": c["id"]},
                      "target": {"source": f"report.txt#sha256={sha256}", "selector": [sel["position"], sel["quote"]]}})
    return {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
            "total": len(items), "items": items}


def write_annotations(dest: Path, annots: dict) -> None:
    (Path(dest) / "annotations.json").write_text(json.dumps(annots, ensure_ascii=False, indent=1), encoding="utf-8")


def claim_reviews(ctx: PageContext, lang: str) -> list[dict]:
    """schema.org ClaimReview for every finding with a judgement (not "cannot be checked"),
    the rating's name in alternateName."""
    by_id = {c["id"]: c for c in ctx.claims}
    facts = {f["key"]: f for f in ctx.meta.get("facts") or []}
    delivered = (facts.get("delivered_on") or {}).get("en", "")
    page = f"{ctx.publish_url}{ctx.year}/{'en/' if lang == 'en' else ''}index.html"
    out = []
    for f in ctx.findings:
        r = ratings.rating(f["rating"])
        if not r.value:
            continue
        ids = [i for i in str(f.get("at_fault") or f.get("claims") or "").split(";") if i in by_id]
        reviewed = by_id[ids[0]]["sentence"] if ids else f.get("evidence") or f["numbers"]
        item = {"@type": "Claim", "author": {"@type": "Organization", "name": ctx.meta.get("body" if lang == "zh" else "body_en", "")},
                "appearance": {"@type": "CreativeWork", "name": ctx.meta.get("title" if lang == "zh" else "title_en", "")}}
        if delivered:
            item["datePublished"] = _iso_date(delivered)
        out.append({"@context": "https://schema.org", "@type": "ClaimReview", "url": f"{page}#{finding_anchor(f)}",
                    "claimReviewed": reviewed[:300], "itemReviewed": item, "reviewBody": _sentence(f, lang),
                    "author": {"@type": "Organization", "name": "reportfigures"},
                    "datePublished": ctx.built_at[:10] if ctx.built_at else "",
                    "reviewRating": {"@type": "Rating", "ratingValue": r.value, "bestRating": 5, "worstRating": 1,
                                     "alternateName": r.zh if lang == "zh" else r.en}})
    return out
