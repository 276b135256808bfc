"""The edition's pages: outputs/<year>/index.html (Chinese) and en/index.html (English).

Findings first: a reader sees at once how many contradictions, irreproducible figures,
misprints and points worth a look the report has, each as the sentence that says what is
wrong and what would settle it, linked to the number in the report. Then where the text
comes from, the headline figures, the charts, the report itself with every number marked
(only the number at fault is marked as such; misprints too) and every claim with a
permalink. Activating a marked number (click, tap, Tab, Enter) opens its check next to it;
Escape closes it. Each anchor carries W3C Web Annotation selectors (position and quote),
also written as annotations.json. Every string from the report is escaped; the page loads
nothing from elsewhere and holds from 360 px to 1920 px.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from pathlib import Path

from . import ratings
from .charts import embed_snippet, section_label
from .checks import claim_ratings
from .formats import quantity, quantity_en
from .i18n import HTML_LANG, summary_sentence, t

CONTEXT = 32  # characters of prefix and suffix in a quote selector


@dataclass
class PageContext:
    year: int
    meta: dict
    text: str
    sha256: str
    mentions: list
    claims: list[dict]
    findings: list[dict]
    derived: list[dict]
    notebooks: list[dict]
    validation: list[dict]
    built_at: str = ""
    version: str = ""
    base_year: int | None = None
    publish_url: str = ""
    downloads: list[tuple[str, str]] = field(default_factory=list)
    targets: list[dict] | None = None  # last year's targets beside this year's results (targets.py)
    targets_base: int | None = None  # the edition that set them
    catalog: bool = True  # the report has a catalog (the CPPCC's); else claims are named by indicator
    files: list[str] | None = None  # the data files beside the page, when not a full edition's (corpus pages)


# --- selectors and annotations ---------------------------------------------------------------

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


def _e(s) -> str:
    return html.escape(str(s), quote=True)


def _attr(s) -> str:
    """An attribute value: escaped, and line breaks as character references, so that the
    paragraphs of the source view can be split on real line breaks only."""
    return _e(s).replace("\r", "&#13;").replace("\n", "&#10;")


def _q(c: dict, lang: str) -> str:
    return quantity_en(c["value"], c["unit"], c["qualifier"]) if lang == "en" else quantity(c["value"], c["unit"], c["qualifier"])


def _subject(c: dict, lang: str) -> str:
    return (c.get("subject_en") if lang == "en" else c.get("subject_zh")) or c["surface"]


def _sentence(f: dict, lang: str) -> str:
    return f["sentence_en"] if lang == "en" else f["sentence_zh"]


def finding_anchor(f: dict) -> str:
    return "finding-" + f["check_id"]


# --- the report with its numbers marked ------------------------------------------------------

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


# --- what the popover shows -------------------------------------------------------------------

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


# --- ClaimReview -----------------------------------------------------------------------------

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


def _iso_date(text: str) -> str:
    import re
    from datetime import datetime
    m = re.search(r"(\d{1,2}) (\w+) (\d{4})", text)
    if m:
        try:
            return datetime.strptime(" ".join(m.groups()), "%d %B %Y").date().isoformat()
        except ValueError:
            return ""
    return ""


# --- the page --------------------------------------------------------------------------------

STYLE = """
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;margin:0;color:#1a1a1a;line-height:1.65;background:#fff}
a{color:#0a58a8}
header,main,footer{max-width:1100px;margin:0 auto;padding:0 16px}
header{border-bottom:1px solid #ddd;padding-bottom:8px}
.kicker{color:#555;font-size:.85em;margin:.8em 0 0}
h1{font-size:1.5em;line-height:1.3;margin:.3em 0}
h2{font-size:1.25em;margin:1.6em 0 .5em;border-top:2px solid #1a1a1a;padding-top:.4em}
h3{font-size:1.05em;margin:1.2em 0 .3em}
nav ul{list-style:none;padding:0;margin:.5em 0;display:flex;flex-wrap:wrap;gap:.4em 1em;font-size:.95em}
.lede{font-size:1.12em;font-weight:600}
.def{color:#444;font-size:.92em;margin:.2em 0 .5em}
ol.findings li,ul.findings li{margin:.45em 0}
.rating{display:inline-block;font-size:.8em;font-weight:700;padding:0 .45em;border-radius:3px;margin-right:.3em;border:1px solid}
.rating.r-contradiction{background:#fde3d6;border-color:#a63f00;color:#7a2e00}
.rating.r-not_reproducible{background:#fff0d1;border-color:#8a5a00;color:#5c3c00}
.rating.r-misprint{background:#f6e1ee;border-color:#8e3b6e;color:#6b2c53}
.rating.r-worth_a_look{background:#dcefff;border-color:#1f5f8b;color:#174766}
.rating.r-consistent{background:#d9f2e7;border-color:#00664a;color:#00513b}
.rating.r-cannot_check{background:#eee;border-color:#666;color:#333}
.permalink{font-size:.85em;text-decoration:none;color:#555;margin-left:.3em}
.outcome{display:inline-block;font-size:.85em;font-weight:700;padding:0 .45em;border-radius:3px;border:1px solid;white-space:nowrap}
.outcome.o-met{background:#d9f2e7;border-color:#00664a;color:#00513b}
.outcome.o-missed{background:#fde3d6;border-color:#a63f00;color:#7a2e00}
.outcome.o-not_reported{background:#eee;border-color:#666;color:#333}
table.targets td.num{white-space:nowrap}
@media (max-width:640px){
 table.targets,table.targets tbody,table.targets tr,table.targets td{display:block;width:auto}
 table.targets thead{display:none}
 table.targets tr{border-bottom:1px solid #ccc;padding:.4em 0}
 table.targets td{border:0;padding:.1em 0}
 table.targets td[data-label]::before{content:attr(data-label) "：";color:#555;font-size:.9em}
 html[lang=en] table.targets td[data-label]::before{content:attr(data-label) ": "}
 table.targets td.subject{font-weight:700}
}
dl.facts{display:grid;grid-template-columns:minmax(7em,max-content) 1fr;gap:.2em 1em;margin:.5em 0}
dl.facts dt{color:#555}
dl.facts dd{margin:0;overflow-wrap:anywhere}
.src{color:#666;font-size:.85em}
code,.hash{overflow-wrap:anywhere;word-break:break-all;font-size:.9em}
ul.headlines li{margin:.3em 0}
.flag{font-size:.85em}
figure{margin:20px 0;border-top:1px solid #e5e5e5;padding-top:12px}
figure img{display:block;width:100%;max-width:760px;height:auto}
figcaption{font-size:.92em;color:#222}
figcaption .links{font-size:.9em}
details{margin:.4em 0}
summary{cursor:pointer}
pre.embed{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f6;padding:8px;font-size:.8em;max-width:100%}
.table-wrap{overflow-x:auto;max-width:100%;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;font-size:.9em;width:100%}
th,td{border-bottom:1px solid #e5e5e5;padding:5px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#fafafa}
tr:target,.num:target,li:target{outline:3px solid #b35900;outline-offset:2px}
a.num,a.mark,li,tr,figure{scroll-margin-top:25vh}
#source{font-size:1.02em;max-width:46em}
#source p{overflow-wrap:anywhere;margin:.7em 0}
.legend{display:flex;flex-wrap:wrap;gap:.3em .8em;font-size:.9em;padding:0;list-style:none}
.num{border-radius:3px;padding:0 2px}
.num.other{background:#f0f0f0}
a.num,a.mark{color:#1a1a1a;text-decoration:none;border-bottom:2px solid;cursor:pointer}
a.num.r-consistent{background:#d9f2e7;border-color:#00664a}
a.num.r-cannot_check{background:#eee;border-color:#777;border-bottom-style:dotted}
a.num.r-contradiction{background:#fde3d6;border-color:#a63f00;border-bottom-style:double;border-bottom-width:3px}
a.num.r-not_reproducible{background:#fff0d1;border-color:#8a5a00;border-bottom-style:double;border-bottom-width:3px}
a.num.r-worth_a_look{background:#dcefff;border-color:#1f5f8b;border-bottom-style:dashed}
a.mark.misprint{background:#f6e1ee;border-color:#8e3b6e;border-bottom-style:wavy}
a.num:focus,a.mark:focus{outline:3px solid #0a58a8;outline-offset:1px}
#popover{position:absolute;z-index:10;width:min(26em,calc(100vw - 16px));max-height:min(70vh,32em);overflow:auto;
 background:#fff;border:1px solid #888;border-radius:6px;box-shadow:0 4px 18px rgba(0,0,0,.25);padding:10px 12px;font-size:.93em}
#popover[hidden]{display:none}
#popover h3{margin:0 2em .3em 0;font-size:1em}
#popover .close{position:absolute;top:4px;right:6px;border:0;background:none;font-size:1.4em;line-height:1;cursor:pointer;padding:4px 8px}
#popover blockquote{margin:.3em 0;padding-left:.6em;border-left:3px solid #ccc;color:#333;font-size:.92em}
#popover p{margin:.35em 0}
@media (max-width:600px){
 #popover{position:fixed;left:8px!important;right:8px;bottom:8px;top:auto!important;width:auto;max-height:60vh}
 h1{font-size:1.3em}
 dl.facts{grid-template-columns:1fr}
}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
footer{color:#555;font-size:.85em;border-top:1px solid #ddd;margin-top:2em;padding-bottom:2em}
@media print{
 nav,#popover,.embed-wrap,.links,.permalink,details.more,#live{display:none!important}
 body{font-size:10.5pt;color:#000}
 header,main,footer{max-width:none;padding:0}
 h2{break-after:avoid}
 figure,tr,li{break-inside:avoid}
 a{color:#000;text-decoration:none}
 a.num,a.mark{border-bottom-width:1px}
 .table-wrap{overflow:visible}
}
"""

SCRIPT = """
(function(){
  var details = JSON.parse(document.getElementById('claim-details').textContent);
  var pop = document.getElementById('popover'), live = document.getElementById('live');
  var words = JSON.parse(document.getElementById('page-words').textContent);
  var opener = null;
  function el(tag, cls, text){var e=document.createElement(tag); if(cls){e.className=cls;} if(text!==undefined){e.textContent=text;} return e;}
  function keyOf(a){ return a.dataset.claim || ('finding:' + a.dataset.finding); }
  function fill(d, key){
    pop.textContent = '';
    var close = el('button', 'close', '\\u00d7'); close.type='button'; close.setAttribute('aria-label', words.close);
    close.addEventListener('click', function(){ hide(true); });
    pop.appendChild(close);
    var h = el('h3', null, d.value + ' \\u00b7 ' + d.subject); h.id = 'pop-title'; pop.appendChild(h);
    var r = el('p'); r.appendChild(el('span', 'rating r-' + d.rating, d.label)); pop.appendChild(r);
    if (!d.checks.length) { pop.appendChild(el('p', null, words.nocheck)); }
    d.checks.forEach(function(c){
      var p = el('p'); p.appendChild(el('span', 'rating r-' + c.rating, c.label));
      if (c.role) { p.appendChild(el('em', null, c.role + ' ')); }
      p.appendChild(document.createTextNode(c.sentence + ' '));
      var a = el('a', 'permalink', words.finding); a.href = '#' + c.anchor; p.appendChild(a);
      pop.appendChild(p);
      var det = el('details'); det.appendChild(el('summary', null, words.how));
      if (c.formula) { det.appendChild(el('p', null, words.formula + ': ' + c.formula)); }
      if (c.computed) { det.appendChild(el('p', null, words.computed + ': ' + c.computed)); }
      if (c.evidence) { det.appendChild(el('blockquote', null, c.evidence)); }
      pop.appendChild(det);
    });
    if (key.indexOf('finding:') !== 0) {
      var l = el('p'); var a2 = el('a', null, words.toclaim); a2.href = '#claim-' + key; l.appendChild(a2); pop.appendChild(l);
    }
  }
  function place(a){
    if (window.matchMedia('(max-width:600px)').matches) { pop.style.left=''; pop.style.top=''; return; }
    var r = a.getBoundingClientRect(), w = pop.offsetWidth, h = pop.offsetHeight;
    var left = Math.min(Math.max(8, r.left + window.scrollX), window.scrollX + document.documentElement.clientWidth - w - 8);
    var below = r.bottom + 6, above = r.top - h - 6;
    var top = (below + h <= window.innerHeight || above < 0) ? below : above;
    pop.style.left = left + 'px'; pop.style.top = (top + window.scrollY) + 'px';
  }
  function show(a, focusInside){
    var key = keyOf(a), d = details[key]; if(!d){return;}
    opener = a; fill(d, key); pop.hidden = false; place(a);
    live.textContent = d.value + ': ' + d.label;
    if (focusInside) { pop.querySelector('.close').focus(); }
  }
  var restoring = false;
  function hide(restore){
    if (pop.hidden) { return; }
    pop.hidden = true;
    if (restore && opener) { restoring = true; opener.focus(); restoring = false; }
  }
  document.querySelectorAll('a.num, a.mark').forEach(function(a){
    a.addEventListener('click', function(ev){ ev.preventDefault(); show(a, true); history.replaceState(null, '', '#m-' + a.dataset.start); });
    a.addEventListener('focus', function(){ if (!restoring) { show(a, false); } });
  });
  document.addEventListener('keydown', function(ev){ if (ev.key === 'Escape') { hide(true); } });
  document.addEventListener('click', function(ev){
    if (!pop.hidden && !pop.contains(ev.target) && !(ev.target.closest && ev.target.closest('a.num, a.mark'))) { hide(false); }
  });
  window.addEventListener('resize', function(){ if (!pop.hidden && opener) { place(opener); } });
})();
"""


def _facts(ctx: PageContext, lang: str) -> str:
    m = ctx.meta
    en = lang == "en"
    rows = [(t("fact_title", lang), m.get("title_en" if en else "title", ""), t("fact_from_text", lang)),
            (t("fact_body", lang), m.get("body_en" if en else "body", ""), t("fact_from_text", lang))]
    for f in m.get("facts") or []:
        source = f.get("source", "")  # `text`: established from the archived text, said in the page's language
        rows.append((t(f"fact_{f['key']}", lang), f.get("en" if en else "zh", t("unknown", lang)),
                     t("fact_from_text", lang) if source == "text" else source))
    known = {f["key"] for f in m.get("facts") or []}
    for key in ("session", "delivered_on", "delivered_by", "printed_in"):
        if key not in known:
            rows.append((t(f"fact_{key}", lang), t("unknown", lang), t("fact_not_established", lang)))
    dl = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)} <span class=\"src\">（{_e(s)}）</span></dd>" if not en else
                 f"<dt>{_e(k)}</dt><dd>{_e(v)} <span class=\"src\">({_e(s)})</span></dd>" for k, v, s in rows if v)
    gaps = m.get("gaps_en" if en else "gaps_zh") or []
    gap_html = "".join(f"<li>{_e(g)}</li>" for g in gaps) or f"<li>{_e(t('no_known_gaps', lang))}</li>"
    build = (f"<dt>{_e(t('fact_build', lang))}</dt><dd>{_e(ctx.built_at)} · reportfigures {_e(ctx.version)}</dd>"
             f"<dt>{_e(t('fact_sha', lang))}</dt><dd><code class=\"hash\">{_e(ctx.sha256)}</code></dd>")
    return (f'<section id="provenance" aria-labelledby="h-provenance"><h2 id="h-provenance">{_e(t("h_provenance", lang))}</h2>'
            f'<dl class="facts">{dl}{build}</dl><h3>{_e(t("h_gaps", lang))}</h3><ul>{gap_html}</ul></section>')


def _targets_section(ctx: PageContext, lang: str) -> str:
    """Last year's targets beside this year's results: what a reader wants first."""
    from . import targets as tg
    if ctx.targets is None:
        return ""
    year = ctx.meta.get("reviewed_year", ctx.year)
    order = {o: i for i, o in enumerate(tg.OUTCOMES)}
    rows, later = [], []
    for r in sorted(ctx.targets, key=lambda r: (order[r["outcome"]], r["target_start"])):
        res = (f'<a href="#m-{_e(r["result_start"])}">{_e(r["result_surface"])}</a>' if r.get("result_id") else "–")
        # the first rows stay open; the other unreported targets fold below them
        out = r["outcome"]
        label = lambda k: _e(t(k, lang))  # noqa: E731  the cell's heading, shown beside it on a phone
        (later if out == "not_reported" and len(rows) >= 8 else rows).append(
            f'<tr id="target-{_e(r["target_id"])}"><td class="subject">{_e(r["subject_en"] if lang == "en" else r["subject_zh"])}</td>'
            f'<td class="num" data-label="{label("col_target")}">{_e(r["target_surface"])}</td>'
            f'<td class="num" data-label="{label("col_result")}">{res}</td>'
            f'<td data-label="{label("col_outcome")}"><span class="outcome o-{out}">'
            f'{_e(r["outcome_en"] if lang == "en" else r["outcome_zh"])}</span></td>'
            f'<td>{_e(r["sentence_en"] if lang == "en" else r["sentence_zh"])}'
            f'<a class="permalink" href="#target-{_e(r["target_id"])}" aria-label="{_e(t("permalink", lang))}">¶</a></td></tr>')
    head = "".join(f"<th>{_e(t(k, lang))}</th>" for k in ("col_subject", "col_target", "col_result", "col_outcome",
                                                          "col_finding"))
    table = lambda trs: (f'<div class="table-wrap" tabindex="0" role="region" aria-label="{_e(t("h_targets", lang))}">'  # noqa: E731
                         f'<table class="targets"><thead><tr>{head}</tr></thead><tbody>{"".join(trs)}</tbody></table></div>')
    more = (f'<details class="more"><summary>{_e(t("targets_more", lang, n=len(later)))}</summary>{table(later)}</details>'
            if later else "")
    return (f'<section id="targets" aria-labelledby="h-targets"><h2 id="h-targets">{_e(t("h_targets", lang))}</h2>'
            f'<p class="lede">{_e(tg.summary(ctx.targets, year, lang))}</p>'
            f'<p>{_e(t("targets_intro", lang, base=ctx.targets_base or "", year=year))}</p>'
            f'{table(rows)}{more}</section>')


def _findings_section(ctx: PageContext, lang: str) -> str:
    counts = {r: sum(f["rating"] == r for f in ctx.findings) for r in ratings.ORDER}
    parts = [f'<section id="findings" aria-labelledby="h-findings"><h2 id="h-findings">{_e(t("h_findings", lang))}</h2>',
             f'<p class="lede">{_e(summary_sentence(counts, lang))}</p>']
    by_claim = {c["id"]: c for c in ctx.claims}
    for rid in ratings.FAULTS:
        fs = [f for f in ctx.findings if f["rating"] == rid]
        if not fs:
            continue
        r = ratings.rating(rid)
        parts.append(f'<h3><span class="rating r-{rid}">{_e(r.en if lang == "en" else r.zh)}</span>{len(fs)}</h3>'
                     f'<p class="def">{_e(r.definition_en if lang == "en" else r.definition_zh)}</p><ol class="findings">')
        for f in fs:
            fault = [by_claim[i] for i in str(f.get("at_fault") or "").split(";") if i in by_claim]
            start = fault[0]["start"] if fault else f.get("start")
            link = f' <a href="#m-{_e(start)}">{_e(t("see_in_text", lang))}</a>' if start not in (None, "") else ""
            parts.append(f'<li id="{_e(finding_anchor(f))}">{_e(_sentence(f, lang))}{link}'
                         f'<a class="permalink" href="#{_e(finding_anchor(f))}" aria-label="{_e(t("permalink", lang))}">¶</a></li>')
        parts.append("</ol>")
    for rid in ("consistent", "cannot_check"):
        fs = [f for f in ctx.findings if f["rating"] == rid]
        if not fs:
            continue
        r = ratings.rating(rid)
        items = "".join(f'<li id="{_e(finding_anchor(f))}">{_e(_sentence(f, lang))}'
                        f'<a class="permalink" href="#{_e(finding_anchor(f))}" aria-label="{_e(t("permalink", lang))}">¶</a></li>'
                        for f in fs)
        parts.append(f'<details class="more"><summary><span class="rating r-{rid}">{_e(r.en if lang == "en" else r.zh)}</span>'
                     f'{len(fs)} — {_e(r.definition_en if lang == "en" else r.definition_zh)}</summary>'
                     f'<ul class="findings">{items}</ul></details>')
    scale = "".join(f'<li><span class="rating r-{r.id}">{_e(r.en if lang == "en" else r.zh)}</span>'
                    f'{_e(r.definition_en if lang == "en" else r.definition_zh)}</li>' for r in ratings.SCALE)
    parts.append(f'<details class="more"><summary>{_e(t("h_scale", lang))}</summary><ul class="findings">{scale}</ul></details>')
    parts.append("</section>")
    return "".join(parts)


def _headlines(ctx: PageContext, figures: list, lang: str) -> str:
    rated = claim_ratings(ctx.findings)
    worst_finding = {}
    for f in ctx.findings:
        for cid in filter(None, str(f.get("at_fault") or "").split(";")):
            worst_finding.setdefault(cid, f)
    items = []
    for f in figures:
        if f.type in ("findings", "changes"):
            continue
        flags = []
        for cid in f.claim_ids:
            r = rated.get(cid)
            if r in ratings.FAULTS and cid in worst_finding:
                flags.append(f' <a class="flag" href="#{_e(finding_anchor(worst_finding[cid]))}">'
                             f'<span class="rating r-{r}">{_e(ratings.label(r, lang))}</span></a>')
        items.append(f'<li>{_e(f.subtitle)}{"".join(flags)} <a href="#fig-{_e(f.id)}">{_e(t("chart", lang))}</a></li>')
    return (f'<section id="headlines" aria-labelledby="h-headlines"><h2 id="h-headlines">{_e(t("h_headlines", lang))}</h2>'
            f'<ul class="headlines">{"".join(items)}</ul></section>')


def _charts(ctx: PageContext, figures: list, lang: str) -> str:
    sub = "charts/" if lang == "zh" else "../charts/en/"
    figs = []
    for f in figures:
        embed = embed_snippet(f.id, ctx.year, f.title, f.alt, ctx.publish_url, lang)
        figs.append(
            f'<figure id="fig-{_e(f.id)}">'
            + (f'<picture><source media="(max-width: 640px)" srcset="{sub}{_e(f.id)}.narrow.svg">'
               if getattr(f, "narrow", False) else "<picture>")
            + f'<img src="{sub}{_e(f.id)}.svg" alt="{_e(f.alt)}" '
            f'width="{f.width or 760}" height="{f.height or 420}" loading="lazy"></picture>'
            f'<figcaption><strong>{_e(f.title)}</strong> — {_e(f.subtitle)}<br>{_e(f.notes)}<br>'
            f'<span class="src">{_e(f.source)}</span><br><span class="links">'
            f'<a href="{sub}{_e(f.id)}.csv">{_e(t("get_data", lang))}</a> · <a href="{sub}{_e(f.id)}.html">{_e(t("interactive", lang))}</a> · '
            f'<a href="{sub}{_e(f.id)}.png">PNG</a> · <a href="{sub}{_e(f.id)}.svg">SVG</a> · '
            f'<a href="{sub}{_e(f.id)}.vl.json">Vega-Lite</a> · <a class="permalink" href="#fig-{_e(f.id)}">¶</a></span>'
            f'<details class="more embed-wrap"><summary>{_e(t("embed", lang))}</summary>'
            f'<pre class="embed">{_e(embed)}</pre></details></figcaption></figure>')
    return (f'<section id="charts" aria-labelledby="h-charts"><h2 id="h-charts">{_e(t("h_charts", lang))}</h2>'
            f'{"".join(figs)}</section>')


def _claims_table(ctx: PageContext, lang: str) -> str:
    rated = claim_ratings(ctx.findings)
    rows = []
    for c in sorted(ctx.claims, key=lambda c: c["start"]):
        r = rated.get(c["id"], "cannot_check")
        rows.append(f'<tr id="claim-{_e(c["id"])}"><td>{_e(_subject(c, lang))}<br><code>{_e(c["id"])}</code></td>'
                    f'<td>{_e(_q(c, lang))}</td><td>{_e(t("kind_" + c["kind"], lang))} · {_e(t("origin_" + c.get("origin", "catalog"), lang))}</td>'
                    f'<td><span class="rating r-{r}">{_e(ratings.label(r, lang))}</span></td>'
                    f'<td><a href="#m-{c["start"]}">“{_e(c["surface"])}”</a> {_e(section_label(c["section"], lang))}</td>'
                    f'<td><a class="permalink" href="#claim-{_e(c["id"])}" aria-label="{_e(t("permalink", lang))}">¶</a></td></tr>')
    head = "".join(f"<th>{_e(t(k, lang))}</th>" for k in ("col_subject", "col_value", "col_kind", "col_rating", "col_text"))
    intro = t("claims_intro" if ctx.catalog else "claims_intro_auto", lang, n=len(ctx.claims),
              auto=sum(c.get("origin") == "auto" for c in ctx.claims))
    return (f'<section id="claims" aria-labelledby="h-claims"><h2 id="h-claims">{_e(t("h_claims", lang))}</h2>'
            f'<p>{_e(intro)}</p>'
            f'<div class="table-wrap" tabindex="0" role="region" aria-label="{_e(t("h_claims", lang))}"><table>'
            f'<thead><tr>{head}<th></th></tr></thead><tbody>{"".join(rows)}</tbody></table></div></section>')


def _data(ctx: PageContext, lang: str) -> str:
    up = "" if lang == "zh" else "../"
    nbs = "".join(f'<li><a href="{up}{_e(n["html"])}">{_e(n["title"])}</a> (<a href="{up}{_e(n["ipynb"])}">ipynb</a>)</li>'
                  for n in ctx.notebooks if n.get("lang", "zh") == lang)
    files = [("edition.xlsx", "dl_xlsx"), ("datapackage.json", "dl_datapackage"), ("claims.csv", "dl_claims"), ("claims.json", "dl_claims_json"),
             ("claims.parquet", "dl_parquet"), ("findings.csv", "dl_findings"), ("derived.csv", "dl_derived"),
             ("numbers.csv", "dl_numbers"), ("validation.html", "dl_validation"), ("annotations.json", "dl_annotations"),
             ("edition.json", "dl_record")]
    if ctx.base_year:
        files.append(("compare/diff.csv", "dl_diff"))
    if ctx.files is not None:  # a page with fewer files beside it (a corpus report): only those
        known = dict(files) | {"targets.csv": "dl_targets"}
        files = [(f, known.get(f, "dl_record")) for f in ctx.files]
    local = {"validation.html"}  # pages that exist in each language
    dl = "".join(f'<li><a href="{"" if href in local else up}{_e(href)}">{_e(t(key, lang, base=ctx.base_year or ""))}</a></li>'
                 for href, key in files)
    dl += f'<li><a href="{up}../index.html">{_e(t("dl_all", lang))}</a></li>'
    notebooks = f'<h3>{_e(t("h_notebooks", lang))}</h3><ul>{nbs}</ul>' if nbs else ""
    return (f'<section id="data" aria-labelledby="h-data"><h2 id="h-data">{_e(t("h_data", lang))}</h2>'
            f'{notebooks}<h3>{_e(t("h_files", lang))}</h3><ul>{dl}</ul></section>')


def render_index(ctx: PageContext, figures: list, lang: str = "zh") -> str:
    """The whole page, in one language, as one HTML string."""
    en = lang == "en"
    title = ctx.meta.get("title_en" if en else "title", "")
    other = ('<a href="en/index.html" hreflang="en" lang="en">English</a>' if not en
             else '<a href="../index.html" hreflang="zh-Hans" lang="zh-Hans">中文</a>')
    sections = (("findings", "h_findings"), ("provenance", "h_provenance"), ("headlines", "h_headlines"),
                ("charts", "h_charts"), ("report", "h_report"), ("claims", "h_claims"), ("data", "h_data"))
    if not figures:  # a page without charts (a corpus report) has neither headlines nor charts
        sections = tuple(x for x in sections if x[0] not in ("headlines", "charts"))
    if ctx.targets is not None:
        sections = (("targets", "h_targets"),) + sections
    nav = "".join(f'<li><a href="#{a}">{_e(t(k, lang))}</a></li>' for a, k in sections)
    reviewed = ctx.meta.get("reviewed_year", ctx.year)
    legend = "".join(f'<li><a class="num r-{r}" tabindex="-1" aria-hidden="true">{_e(ratings.label(r, lang))}</a></li>'
                     for r in ratings.ORDER if r != "misprint") + \
        f'<li><a class="mark misprint" tabindex="-1" aria-hidden="true">{_e(ratings.label("misprint", lang))}</a></li>' + \
        f'<li><span class="num other">{_e(t("legend_other", lang))}</span></li>'
    words = {k: t("pop_" + k, lang) for k in ("close", "nocheck", "finding", "how", "formula", "computed", "toclaim")}
    data = json.dumps(details(ctx.claims, ctx.findings, lang), ensure_ascii=False).replace("</", "<\\/")
    reviews = json.dumps(claim_reviews(ctx, lang), ensure_ascii=False, indent=None).replace("</", "<\\/")
    return f"""<!doctype html>
<html lang="{HTML_LANG[lang]}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{_e(title)} · {ctx.year} · reportfigures</title>
<meta name="description" content="{_e(summary_sentence({r: sum(f['rating'] == r for f in ctx.findings) for r in ratings.ORDER}, lang))}">
<link rel="alternate" hreflang="{'zh-Hans' if en else 'en'}" href="{'../index.html' if en else 'en/index.html'}">
<style>{STYLE}</style>
<script type="application/ld+json">{reviews}</script></head>
<body><header><p class="kicker">reportfigures · {_e(t("edition_of", lang, year=ctx.year))} · {other}</p>
<h1>{_e(title)}</h1><p class="deck">{_e(t("deck", lang, year=reviewed, next_year=ctx.meta.get("task_year", reviewed + 1)))}</p>
<nav aria-label="{_e(t("contents", lang))}"><ul>{nav}</ul></nav></header>
<main>
{_targets_section(ctx, lang)}
{_findings_section(ctx, lang)}
{_facts(ctx, lang)}
{_headlines(ctx, figures, lang) if figures else ""}
{_charts(ctx, figures, lang) if figures else ""}
<section id="report" aria-labelledby="h-report"><h2 id="h-report">{_e(t("h_report", lang))}</h2>
<p>{_e(t("report_intro", lang))}</p><ul class="legend">{legend}</ul>
<div id="source" lang="zh-Hans">{source_view(ctx.text, ctx.mentions, ctx.claims, ctx.findings, lang)}</div></section>
{_claims_table(ctx, lang)}
{_data(ctx, lang)}
</main>
<footer><p>{_e(t("footer", lang, version=ctx.version, built=ctx.built_at))}</p></footer>
<div id="popover" role="dialog" aria-modal="false" aria-labelledby="pop-title" hidden></div>
<div id="live" class="sr-only" role="status" aria-live="polite"></div>
<script type="application/json" id="claim-details">{data}</script>
<script type="application/json" id="page-words">{json.dumps(words, ensure_ascii=False)}</script>
<script>{SCRIPT}</script></body></html>
"""


def write_page(dest: Path, page: str, lang: str = "zh") -> None:
    path = Path(dest) / ("index.html" if lang == "zh" else f"{lang}/index.html")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")


def render_editions(editions: list[dict]) -> str:
    """outputs/index.html: the list of built editions and comparisons, in both languages,
    one list per report."""
    items = []
    last = None
    for e in editions:
        folder = e.get("href", f'{e["year"]}/index.html').removesuffix("index.html")
        if e.get("report") != last:
            last = e.get("report")
            items.append(f'<li class="report"><strong>{_e(e.get("report") or "")}</strong></li>')
        cmp = (f' · <a href="{folder}compare/diff.csv">{e["base_year"]}年以来的变化 / changes since {e["base_year"]}</a> '
               f'(<a href="{folder}notebooks/compare.html">比较 / comparison</a>)') if e["compared"] else ""
        tg = e.get("targets")
        goals = (f' · 上年目标 / last year\'s targets: {tg.get("met", 0)} ✓ {tg.get("missed", 0)} ✗ '
                 f'{tg.get("not_reported", 0)} –') if tg else ""
        items.append(f'<li><a href="{folder}index.html">{e["year"]}年版</a> · '
                     f'<a href="{folder}en/index.html" lang="en">edition {e["year"]}</a> ({e["figures"]}){cmp}{goals}</li>')
    return (f'<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1"><title>reportfigures 各版 / editions</title>'
            f'<style>{STYLE}</style></head><body><main><h1>各版 <span lang="en">Editions</span></h1><ul>{"".join(items)}</ul>'
            f'</main></body></html>\n')
