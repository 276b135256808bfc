"""The fixed forms, decided before any free numeral: headings, numbering patterns, names.

A heading's label (三、 (二) 第五部分), a pattern of rules/numbers.yml (第二十二条, 2024年,
“十四五”, 13号线) and a lexicon name (一带一路) each become one mention of their kind,
so that their numerals are never read again as quantities. In and out: the extraction
(extraction.py), whose `emit` and `free` keep the decided spans.
"""

from __future__ import annotations

import re

from .grammar import parse_number

_CORE = re.compile(  # the numeral inside a fixed name (一带一路 → 1)
    r"[0-9０-９]+(?:[.．][0-9０-９]+)?|[〇零一二两三四五六七八九十百千][〇零一二两三四五六七八九十百千万亿]*")


def core_value(span: str) -> int | float | None:
    return parse_number(span.replace("．", "."))


def headings(ex) -> None:
    """Every explicit heading's label: an ordinal, valued by its number."""
    for sec in ex.doc.sections:
        if sec.implicit:
            continue
        s = sec.start
        e = s + len(sec.label)
        if ex.text[s:e] == sec.label:
            ex.emit(s, e, sec.number, "", "exact", "ordinal", f"heading_{sec.level}")


def patterns(ex) -> None:
    """The numbering patterns of rules/numbers.yml, each of its kind (ordinal, date, name …)."""
    text = ex.text
    for name, kind, rule_unit, rx, valued in ex.v.patterns:
        for m in rx.finditer(text):
            if kind == "ordinal" and ex.quotes.bounds(m.start(), m.end()):
                continue  # “第一议题”: a quoted name, decided with the quotes
            if ex.free(m.start(), m.end()) and not skipped_word(ex, m.start(), m.end()):
                groups = m.groupdict()
                unit = groups.get("unit") or rule_unit
                num = groups.get("num") or groups.get("num2")
                value = (core_value(num) if num else 1) if valued else None
                if name == "five_year_plan" and num:
                    value = core_value(num[:2])
                ex.emit(m.start(), m.end(), value, unit, "exact", kind, name)


def names(ex) -> None:
    """Names of the lexicon (一带一路, 双碳): a name, valued by the numeral inside."""
    if not ex.v.names_re:
        return
    for m in ex.v.names_re.finditer(ex.text):
        if ex.free(m.start(), m.end()):
            core = _CORE.search(m.group())
            ex.emit(m.start(), m.end(), core_value(core.group()) if core else None, "", "exact", "name", "name_lexicon")


def skipped_word(ex, s: int, e: int) -> bool:
    """A pattern match that starts a not-a-number word (第一线, 第一时间) is skipped."""
    if not ex.v.skip_re:
        return False
    for back in range(0, 3):
        m = ex.v.skip_re.match(ex.text, max(0, s - back))
        if m and m.start() <= s < m.end():
            return True
    return False
