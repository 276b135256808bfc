"""An edition's page in one language, and the index of every built edition.

In comes a PageContext (the text, its mentions, claims, findings, targets, provenance);
out comes one HTML page that works offline, from 360 px to 1920 px, and prints.
"""

from __future__ import annotations

import json
from pathlib import Path

from ...checks import ratings
from ..i18n import HTML_LANG, summary_sentence, t
from .context import PageContext
from .style import SCRIPT, STYLE
from .sections import _charts, _claims_table, _data, _facts, _findings_section, _headlines, _targets_section
from .html import _e
from .annotations import claim_reviews
from .source_view import details, source_view


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
