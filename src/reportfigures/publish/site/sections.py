"""The sections of an edition's page: last year's targets, findings, provenance, headlines,
charts, claims, data.
"""

from __future__ import annotations


from ...checks import ratings
from ..charts.render import embed_snippet
from ..charts.figures import section_label
from ...checks.run import claim_ratings
from ..i18n import summary_sentence, t
from .context import PageContext
from .html import _e, _q, _sentence, _subject, finding_anchor


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
    from ...checks import targets as tg
    from ..targets_view import summary
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
            f'<p class="lede">{_e(summary(ctx.targets, year, lang))}</p>'
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
