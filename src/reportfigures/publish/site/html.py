"""Small helpers of the pages: escaping, a claim's value and subject in the page's language,
a finding's sentence and anchor.
"""

from __future__ import annotations

import html

from ...formats import quantity, quantity_en


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
