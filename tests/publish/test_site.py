"""What a reader of the published pages gets: findings first with permalinks, provenance,
flagged headlines, the same page in English, ClaimReview markup, a print stylesheet."""

import html
import json
import re

import pytest


@pytest.fixture(scope="module")
def pages(built_edition):
    out = built_edition / "outputs" / "2024"
    return {lang: (out / ("index.html" if lang == "zh" else "en/index.html")).read_text(encoding="utf-8")
            for lang in ("zh", "en")}


@pytest.fixture(scope="module")
def tables(built_edition):
    out = built_edition / "outputs" / "2024"
    return {n: json.loads((out / f"{n}.json").read_text(encoding="utf-8")) for n in ("claims", "findings")}


def test_every_finding_and_claim_has_a_visible_permalink(pages, tables):
    for page in pages.values():
        for f in tables["findings"]:
            assert f'id="finding-{f["check_id"]}"' in page and f'href="#finding-{f["check_id"]}"' in page
        for c in tables["claims"]:
            assert f'id="claim-{c["id"]}"' in page and f'class="permalink" href="#claim-{c["id"]}"' in page


def test_findings_first_with_their_sentences(pages, tables):
    zh, en = pages["zh"], pages["en"]
    assert zh.index('id="findings"') < zh.index('id="provenance"') < zh.index('id="charts"') < zh.index('id="report"')
    for f in tables["findings"]:
        if f["rating"] in ("contradiction", "not_reproducible", "misprint", "worth_a_look"):
            assert html.escape(f["sentence_zh"]) in zh and html.escape(f["sentence_en"]) in en
    assert "1处自相矛盾，1处无法复现，9处疑似印误，1处值得留意" in zh


def test_provenance_a_reader_sees(pages):
    zh, en = pages["zh"], pages["en"]
    for text in ("程丽华", "2025年1月18日", "六届三次会议", "中新网", "未知", "上接1版", "reportfigures"):
        assert text in zh, text
    for text in ("Cheng Lihua", "18 January 2025", "unknown", "continued from page 1"):
        assert text in en, text
    assert re.search(r"20\d\d-\d\d-\d\dT", zh)  # when it was built
    assert "e65bc1f4b784bec3" in zh
    # a fact the text itself establishes cites it in the page's language
    prov = {lang: page[page.index('id="provenance"'):page.index('id="charts"')] for lang, page in pages.items()}
    assert prov["zh"].count("据报告文本") >= 3 and "archived text" not in prov["zh"]
    assert prov["en"].count("from the text") >= 3


def test_the_headline_of_a_number_at_fault_is_flagged(pages):
    heads = pages["zh"].split('id="headlines"')[1].split("</section>")[0]
    line = next(li for li in heads.split("<li>") if "98.16%" in li)
    assert "无法复现" in line and 'href="#finding-proposals.satisfaction_reproducible"' in line
    line = next(li for li in heads.split("<li>") if "履职品牌8个" in li)
    assert "自相矛盾" in line


def test_the_english_page_is_in_english(pages, tables):
    en = pages["en"]
    assert '<html lang="en">' in en and "What the checks found" in en
    body = re.sub(r'<div id="source".*?</div></section>', "", en, flags=re.S)  # the report itself stays Chinese
    body = re.sub(r"<script.*?</script>", "", body, flags=re.S)
    visible = re.sub(r"<[^>]+>", " ", body)
    cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in visible)
    assert cjk < len(visible) / 25, cjk  # names of programmes and items quoted in Chinese only
    c = next(c for c in tables["claims"] if c["id"] == "proposals.received")
    assert html.escape(c["subject_en"]) in en
    assert 'href="../index.html"' in en and 'href="en/index.html"' in pages["zh"]


def test_claim_review_markup_for_rated_findings(pages, tables):
    for lang, page in pages.items():
        blob = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
        reviews = json.loads(blob)
        judged = [f for f in tables["findings"] if f["rating"] != "cannot_check"]
        assert len(reviews) == len(judged)
        names = {r["reviewRating"]["alternateName"] for r in reviews}
        assert names == ({"自相矛盾", "无法复现", "疑似印误", "值得留意", "一致"} if lang == "zh"
                         else {"Contradiction", "Not reproducible", "Likely misprint", "Worth a look", "Consistent"})
        r = next(r for r in reviews if r["url"].endswith("#finding-brands.count.list"))
        assert r["@type"] == "ClaimReview" and r["reviewRating"]["ratingValue"] == 1 and r["claimReviewed"]
        assert r["itemReviewed"]["datePublished"] == "2025-01-18"


def test_a_print_stylesheet_and_a_page_for_every_width(pages):
    for page in pages.values():
        assert "@media print" in page and 'name="viewport"' in page and "@media (max-width:600px)" in page
        assert "https://" not in re.sub(r'"https://schema.org"|"@context": "https://schema.org"', "", page)


def test_embed_snippets_per_chart(pages):
    assert pages["zh"].count('&lt;iframe src=&quot;2024/charts/') >= 10
    assert pages["en"].count('&lt;iframe src=&quot;2024/charts/en/') >= 10
