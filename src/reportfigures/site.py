"""The edition's front page (outputs/<year>/index.html) and its source view.

The source view is the archived report with every extracted number highlighted: a claimed
number is a link coloured by its verdict; activating it (click, or Enter on the keyboard)
shows the verdict, the check and its evidence, and links to the claim's row; the row links
back to the place in the text. Each anchor carries a W3C Web Annotation position selector
(start/end) and a quote selector (exact/prefix/suffix), also written as annotations.json, so
anchors can be re-found in a reflowed copy. Every string from the report is escaped.
The page is offline: no script or style is loaded from elsewhere.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from .formats import quantity

VERDICT_ORDER = ("inconsistent", "consistent", "unverifiable")
VERDICT_LABEL = {"inconsistent": "inconsistent 不一致", "consistent": "consistent 一致",
                 "unverifiable": "cannot be checked 无法核查", "unchecked": "no check 未核查"}
CONTEXT = 32  # characters of prefix and suffix in a quote selector


def claim_verdicts(findings: list[dict]) -> dict[str, list[dict]]:
    """The findings that name each claim, worst verdict first."""
    out: dict[str, list[dict]] = {}
    for f in findings:
        for cid in filter(None, str(f.get("claims") or "").split(";")):
            out.setdefault(cid, []).append(f)
    for fs in out.values():
        fs.sort(key=lambda f: VERDICT_ORDER.index(f["verdict"]) if f["verdict"] in VERDICT_ORDER else 9)
    return out


def verdict_of(findings: list[dict]) -> str:
    return findings[0]["verdict"] if findings else "unchecked"


def selectors(text: str, start: int, end: int) -> dict:
    """W3C Web Annotation selectors for text[start:end]."""
    return {"position": {"type": "TextPositionSelector", "start": start, "end": end},
            "quote": {"type": "TextQuoteSelector", "exact": text[start:end],
                      "prefix": text[max(0, start - CONTEXT):start], "suffix": text[end:end + CONTEXT]}}


def annotations(text: str, sha256: str, claims: list[dict], verdicts: dict) -> dict:
    """annotations.json: one W3C annotation per claim, targeting its place in the report."""
    items = []
    for c in claims:
        sel = selectors(text, c["start"], c["end"])
        items.append({"type": "Annotation", "id": f"#claim-{c['id']}", "motivation": "assessing",
                      "body": {"type": "TextualBody", "value": verdict_of(verdicts.get(c["id"], [])),
                               "claim": c["id"]},
                      "target": {"source": f"report.txt#sha256={sha256}",
                                 "selector": [sel["position"], sel["quote"]]}})
    return {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
            "total": len(items), "items": items}


def _e(s) -> str:
    return html.escape(str(s), quote=True)


def _attr(s) -> str:
    """An attribute value: escaped, and line breaks as character references, so that the
    paragraphs of the source view can be split on real line breaks only."""
    return _e(s).replace("\r", "&#13;").replace("\n", "&#10;")


def source_view(text: str, mentions: list, claims: list[dict], verdicts: dict) -> str:
    """The report as HTML paragraphs, every number wrapped; claimed numbers are links."""
    by_start = {c["start"]: c for c in claims}
    out, pos = [], 0
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start < pos:
            continue
        out.append(_e(text[pos:m.start]))
        sel = selectors(text, m.start, m.end)
        attrs = (f'data-start="{m.start}" data-end="{m.end}" data-exact="{_attr(sel["quote"]["exact"])}" '
                 f'data-prefix="{_attr(sel["quote"]["prefix"])}" data-suffix="{_attr(sel["quote"]["suffix"])}"')
        c = by_start.get(m.start)
        if c is not None:
            v = verdict_of(verdicts.get(c["id"], []))
            out.append(f'<a class="num v-{v}" id="m-{m.start}" href="#claim-{_e(c["id"])}" '
                       f'data-claim="{_e(c["id"])}" data-verdict="{v}" {attrs}>{_e(text[m.start:m.end])}</a>')
        else:
            out.append(f'<span class="num other" title="{_e(m.kind)}" {attrs}>{_e(text[m.start:m.end])}</span>')
        pos = m.end
    out.append(_e(text[pos:]))
    body = "".join(out)
    return "".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())


def _details(claims: list[dict], verdicts: dict) -> dict:
    """What the detail panel shows for each claim (JSON in the page, escaped by json + html)."""
    out = {}
    for c in claims:
        fs = verdicts.get(c["id"], [])
        out[c["id"]] = {"id": c["id"], "subject": c.get("subject_zh", ""), "value": quantity(c["value"], c["unit"], c["qualifier"]),
                        "verdict": verdict_of(fs), "start": c["start"],
                        "checks": [{"check": f["check_id"], "rule": f["rule"], "verdict": f["verdict"],
                                    "computed": f.get("computed", ""), "formula": f.get("formula", ""),
                                    "evidence": f.get("evidence", ""), "note": f.get("note", "")} for f in fs]}
    return out


STYLE = """
body{font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1a1a1a;line-height:1.6}
header,main{max-width:1100px;margin:0 auto;padding:0 20px}
header{border-bottom:1px solid #ddd;padding-bottom:12px}
h1{font-size:1.6em;margin:.6em 0 .2em}
.meta{color:#555;font-size:.9em}
ul.headlines{font-size:1.1em}
figure{margin:24px 0;border-top:1px solid #eee;padding-top:12px}
figure img{max-width:100%;height:auto}
figcaption{font-size:.9em;color:#333}
table{border-collapse:collapse;font-size:.85em;width:100%}
th,td{border-bottom:1px solid #e5e5e5;padding:4px 6px;text-align:left;vertical-align:top}
#source{font-size:1.02em;max-width:48em}
.num{border-radius:3px;padding:0 2px}
.num.other{background:#f0f0f0}
.num.v-consistent,.num.v-inconsistent,.num.v-unverifiable,.num.v-unchecked{color:#000;text-decoration:none;border-bottom:2px solid}
.num.v-consistent{background:#d7f0e6;border-color:#009E73}
.num.v-inconsistent{background:#fbdccc;border-color:#D55E00;border-bottom-style:double;border-bottom-width:3px}
.num.v-unverifiable{background:#e8e8e8;border-color:#777;border-bottom-style:dotted}
.num.v-unchecked{background:#eef4fb;border-color:#56B4E9;border-bottom-style:dashed}
a.num:focus{outline:3px solid #0072B2}
.legend span{margin-right:1em}
#detail{position:sticky;bottom:0;background:#fffbe6;border:1px solid #e6c200;padding:8px 12px;margin:12px 0;min-height:2em}
tr:target,a.num:target{outline:3px solid #E69F00}
.layout{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:24px}
@media (max-width:900px){.layout{grid-template-columns:1fr}}
"""

SCRIPT = """
(function(){
  var details = JSON.parse(document.getElementById('claim-details').textContent);
  var panel = document.getElementById('detail');
  function text(tag, s){var e=document.createElement(tag); e.textContent=s; return e;}
  function show(id){
    var d = details[id]; if(!d){return;}
    panel.textContent = '';
    var h = text('strong', d.value + ' · ' + d.subject + ' · ' + d.verdict);
    panel.appendChild(h);
    var link = document.createElement('a'); link.href = '#claim-' + id; link.textContent = ' → claim ' + id;
    link.className = 'to-claim'; panel.appendChild(link);
    if(!d.checks.length){panel.appendChild(text('p', 'No check covers this claim: nothing in the report to compare it with.'));}
    d.checks.forEach(function(c){
      var p = text('p', c.check + ' (' + c.rule + '): ' + c.verdict + '. ' + c.formula + ' → ' + c.computed + (c.note ? ' · ' + c.note : ''));
      panel.appendChild(p);
      if(c.evidence){panel.appendChild(text('blockquote', c.evidence));}
    });
  }
  document.querySelectorAll('a.num').forEach(function(a){
    a.addEventListener('click', function(){ show(a.dataset.claim); });
    a.addEventListener('focus', function(){ show(a.dataset.claim); });
  });
})();
"""


def render_index(*, year: int, meta: dict, text: str, sha256: str, mentions: list, claims: list[dict],
                 findings: list[dict], figures: list, notebooks: list[dict], downloads: list[tuple[str, str]],
                 validation: list[dict], extra_links: list[tuple[str, str]] = ()) -> str:
    """The whole front page as one HTML string."""
    verdicts = claim_verdicts(findings)
    counts = {v: sum(f["verdict"] == v for f in findings) for v in VERDICT_ORDER}
    suites = "; ".join(f"suite {_e(r['suite'])}: {sum(x['success'] for x in r['results'])}/{len(r['results'])} "
                       f"expectations met" for r in validation)
    figs = []
    for f in figures:
        claim_links = ", ".join(f'<a href="#claim-{_e(c)}">{_e(c)}</a>' for c in f.claim_ids)
        figs.append(
            f'<figure id="fig-{_e(f.id)}"><img src="charts/{_e(f.id)}.svg" alt="{_e(f.alt)}" width="760">'
            f'<figcaption><strong>{_e(f.title)}</strong> — {_e(f.subtitle)}<br>'
            f'{_e(f.notes)}<br><small>{_e(f.source)}</small><br>'
            f'<a href="charts/{_e(f.id)}.csv">data table (exact values)</a> · '
            f'<a href="charts/{_e(f.id)}.html">interactive</a> · <a href="charts/{_e(f.id)}.png">PNG</a> · '
            f'<a href="charts/{_e(f.id)}.svg">SVG</a> · <a href="charts/{_e(f.id)}.vl.json">Vega-Lite</a> · '
            f'claims: {claim_links}</figcaption></figure>')
    rows = []
    for c in sorted(claims, key=lambda c: c["start"]):
        v = verdict_of(verdicts.get(c["id"], []))
        rows.append(f'<tr id="claim-{_e(c["id"])}"><td><code>{_e(c["id"])}</code></td><td>{_e(c.get("subject_zh", ""))}</td>'
                    f'<td>{_e(quantity(c["value"], c["unit"], c["qualifier"]))}</td><td>{_e(c["kind"])}</td>'
                    f'<td class="v-{v}">{_e(VERDICT_LABEL[v])}</td>'
                    f'<td><a class="to-text" href="#m-{c["start"]}">“{_e(c["surface"])}” in the text</a></td></tr>')
    nb_links = "".join(f'<li><a href="{_e(n["html"])}">{_e(n["title"])}</a> (<a href="{_e(n["ipynb"])}">ipynb</a>)</li>'
                       for n in notebooks)
    dl = "".join(f'<li><a href="{_e(href)}">{_e(label)}</a></li>' for href, label in [*downloads, *extra_links])
    headlines = "".join(f"<li>{_e(f.subtitle)} <a href=\"#fig-{_e(f.id)}\">chart</a></li>" for f in figures
                        if f.type != "findings")
    details = json.dumps(_details(claims, verdicts), ensure_ascii=False).replace("</", "<\\/")
    legend = "".join(f'<span class="num v-{v}">{_e(VERDICT_LABEL[v])}</span>' for v in (*VERDICT_ORDER, "unchecked"))
    return f"""<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{_e(meta.get("title", ""))} · {year} · reportfigures</title><style>{STYLE}</style></head>
<body><header><h1>{_e(meta.get("title", ""))}（回顾{year}年）</h1>
<p class="meta">{_e(meta.get("title_en", ""))}, reviewing {year}. Source text SHA-256 <code>{_e(sha256)}</code>.
{len(claims)} claims; checks: {counts["inconsistent"]} inconsistent, {counts["consistent"]} consistent,
{counts["unverifiable"]} cannot be checked. {suites}</p></header>
<main>
<h2>Headline figures</h2><ul class="headlines">{headlines}</ul>
<h2>Charts</h2>{"".join(figs)}
<h2>Notebooks</h2><ul>{nb_links}</ul>
<h2>Data</h2><ul>{dl}</ul>
<div class="layout">
<section><h2 id="source-title">The report, every number marked</h2>
<p class="legend">{legend}</p>
<div id="detail" role="status" aria-live="polite">Click or tab to a marked number to see its claim, verdict and evidence.</div>
<div id="source" aria-labelledby="source-title">{source_view(text, mentions, claims, verdicts)}</div></section>
<section><h2>Claims</h2><table><thead><tr><th>id</th><th>subject</th><th>value</th><th>kind</th><th>verdict</th><th>text</th></tr></thead>
<tbody>{"".join(rows)}</tbody></table></section>
</div></main>
<script type="application/json" id="claim-details">{details}</script>
<script>{SCRIPT}</script></body></html>
"""


def write_index(dest: Path, page: str, annots: dict) -> None:
    (Path(dest) / "index.html").write_text(page, encoding="utf-8")
    (Path(dest) / "annotations.json").write_text(json.dumps(annots, ensure_ascii=False, indent=1), encoding="utf-8")


def render_editions(editions: list[dict]) -> str:
    """outputs/index.html: the list of built editions and comparisons."""
    items = []
    for e in editions:
        cmp = (f' · <a href="{e["year"]}/compare/diff.csv">changes since {e["base_year"]}</a> '
               f'(<a href="{e["year"]}/notebooks/compare.html">comparison notebook</a>)') if e["compared"] else ""
        items.append(f'<li><a href="{e["year"]}/index.html">edition {e["year"]}</a> ({e["figures"]} charts){cmp}</li>')
    return (f'<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>reportfigures editions</title>'
            f'<style>{STYLE}</style></head><body><main><h1>Editions</h1><ul>{"".join(items)}</ul></main></body></html>\n')
