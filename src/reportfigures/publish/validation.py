"""The validation page published with an edition: our own HTML from the GX results.

GX's Data Docs load styles from CDNs and a remote logo; this page is self-contained and
works offline. All text is escaped.
"""

from __future__ import annotations

from html import escape
from pathlib import Path


WORDS = {
    "zh": {"title": "{year}年版校验", "passed": "通过", "failed": "有未满足的期望", "expectation": "期望",
           "arguments": "参数", "why": "说明", "unexpected": "不符行数", "findings": "核查发现", "rating": "结论",
           "rule": "规则", "claims": "声明", "numbers": "数字", "computed": "计算", "finding": "结论说明",
           "evidence": "原文", "intro": "Great Expectations 规则集在本版的声明与核查发现上运行。<strong>claims_integrity</strong>"
           "必须全部满足，本版才会生成；<strong>report_consistency</strong> 中未满足的期望就是报告与自身不一致之处"
           "（核查发现），不是生成错误。存档原文 SHA-256："},
    "en": {"title": "Validation of the {year} edition", "passed": "passed", "failed": "has failures",
           "expectation": "expectation", "arguments": "arguments", "why": "why", "unexpected": "unexpected",
           "findings": "Findings", "rating": "rating", "rule": "rule", "claims": "claims", "numbers": "numbers",
           "computed": "computed", "finding": "finding", "evidence": "evidence",
           "intro": "Great Expectations suites run on this edition's claims and findings. <strong>claims_integrity</strong> "
                    "must pass for the edition to be built; failures of <strong>report_consistency</strong> are the "
                    "report's disagreements with itself (findings), not build errors. Source SHA-256: "},
}


def _row(r: dict) -> str:
    mark = "✔" if r["success"] else "✘"
    cls = "ok" if r["success"] else "fail"
    why = r["meta"].get("why") or r["meta"].get("rule") or ""
    kw = ", ".join(f"{k}={v}" for k, v in r["kwargs"].items())
    return (f'<tr class="{cls}"><td>{mark}</td><td><code>{escape(r["expectation"])}</code></td>'
            f"<td>{escape(kw)}</td><td>{escape(str(why))}</td><td>{r['unexpected_count']}</td></tr>")


def render_page(year: int, results: list[dict], findings: list[dict], sha256: str, lang: str = "zh") -> str:
    w = WORDS["en" if lang == "en" else "zh"]
    en = lang == "en"
    sections = []
    for res in results:
        status = w["passed"] if res["success"] else w["failed"]
        sections.append(
            f"<section><h2>{escape(res['suite'])} — {status}</h2><div class=\"wrap\">"
            f"<table><thead><tr><th></th><th>{w['expectation']}</th><th>{w['arguments']}</th><th>{w['why']}</th>"
            f"<th>{w['unexpected']}</th></tr></thead>"
            "<tbody>" + "".join(_row(r) for r in res["results"]) + "</tbody></table></div></section>")
    rows = "".join(
        f'<tr class="{escape(f["rating"])}"><td>{escape(f["rating_en"] if en else f["rating_zh"])}</td>'
        f'<td>{escape(f["rule"])}</td><td>{escape(str(f["claims"]))}</td><td>{escape(str(f["numbers"]))}</td>'
        f'<td>{escape(str(f["computed"]))}</td><td>{escape(str(f["sentence_en"] if en else f["sentence_zh"]))}</td>'
        f'<td>{escape(str(f["evidence"]))}</td></tr>'
        for f in findings if f["rating"] != "cannot_check" or f["rule"] != "standalone")
    head = "".join(f"<th>{w[k]}</th>" for k in ("rating", "rule", "claims", "numbers", "computed", "finding", "evidence"))
    return f"""<!doctype html>
<html lang="{'en' if en else 'zh-Hans'}"><head><meta charset="utf-8"><title>{escape(w['title'].format(year=year))}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
*{{box-sizing:border-box}}
body{{font:15px/1.5 "Noto Sans CJK SC","Noto Sans SC",system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#222}}
.wrap{{overflow-x:auto;max-width:100%}}
table{{border-collapse:collapse;width:100%;margin:1rem 0}}td,th{{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}}
tr.fail td:first-child,tr.contradiction td:first-child{{color:#b2182b;font-weight:bold}}tr.ok td:first-child{{color:#1b7837}}
code{{font-size:90%;overflow-wrap:anywhere}}
</style></head><body>
<h1>{escape(w['title'].format(year=year))}</h1>
<p>{w['intro']}<code>{escape(sha256)}</code></p>
{''.join(sections)}
<section><h2>{w['findings']}</h2><div class="wrap">
<table><thead><tr>{head}</tr></thead>
<tbody>{rows}</tbody></table></div></section>
</body></html>
"""


def write_validation_pages(dest: Path, year: int, results: list[dict], findings: list[dict], sha256: str) -> None:
    """validation.html in Chinese and en/validation.html: the suites' results for readers."""
    for lang, path in (("zh", dest / "validation.html"), ("en", dest / "en" / "validation.html")):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_page(year, results, findings, sha256, lang), encoding="utf-8")
