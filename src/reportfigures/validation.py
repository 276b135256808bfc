"""The validation page published with an edition: our own HTML from the GX results.

GX's Data Docs load styles from CDNs and a remote logo; this page is self-contained and
works offline. All text is escaped.
"""

from __future__ import annotations

from html import escape


def _row(r: dict) -> str:
    mark = "✔" if r["success"] else "✘"
    cls = "ok" if r["success"] else "fail"
    why = r["meta"].get("why") or r["meta"].get("rule") or ""
    kw = ", ".join(f"{k}={v}" for k, v in r["kwargs"].items())
    return (f'<tr class="{cls}"><td>{mark}</td><td><code>{escape(r["expectation"])}</code></td>'
            f"<td>{escape(kw)}</td><td>{escape(str(why))}</td><td>{r['unexpected_count']}</td></tr>")


def render_page(year: int, results: list[dict], findings: list[dict], sha256: str) -> str:
    sections = []
    for res in results:
        status = "passed" if res["success"] else "has failures"
        sections.append(
            f"<section><h2>{escape(res['suite'])} — {status}</h2>"
            "<table><thead><tr><th></th><th>expectation</th><th>arguments</th><th>why</th><th>unexpected</th></tr></thead>"
            "<tbody>" + "".join(_row(r) for r in res["results"]) + "</tbody></table></section>")
    rows = "".join(
        f'<tr class="{escape(f["rating"])}"><td>{escape(f["rating_en"])}</td><td>{escape(f["rule"])}</td>'
        f'<td>{escape(str(f["claims"]))}</td><td>{escape(str(f["numbers"]))}</td>'
        f'<td>{escape(str(f["computed"]))}</td><td>{escape(str(f["sentence_en"]))}</td><td>{escape(str(f["evidence"]))}</td></tr>'
        for f in findings if f["rating"] != "cannot_check" or f["rule"] != "standalone")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Validation — edition {year}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{{font:15px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#222}}
table{{border-collapse:collapse;width:100%;margin:1rem 0}}td,th{{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}}
tr.fail td:first-child,tr.contradiction td:first-child{{color:#b2182b;font-weight:bold}}tr.ok td:first-child{{color:#1b7837}}
code{{font-size:90%}}
</style></head><body>
<h1>Validation of the {year} edition</h1>
<p>Great Expectations suites run on this edition's claims and findings. <strong>claims_integrity</strong>
must pass for the edition to be built; failures of <strong>report_consistency</strong> are the report's
disagreements with itself (findings), not build errors. Source SHA-256: <code>{escape(sha256)}</code>.</p>
{''.join(sections)}
<section><h2>Findings</h2>
<table><thead><tr><th>rating</th><th>rule</th><th>claims</th><th>numbers</th><th>computed</th><th>finding</th><th>evidence</th></tr></thead>
<tbody>{rows}</tbody></table></section>
</body></html>
"""
