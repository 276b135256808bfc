"""The fixed forms, decided before any free numeral: headings, numbering patterns, names.

A heading's label (三、 (二) 第五部分), a pattern of rules/numbers.yml (第二十二条, 2024年,
“十四五”, 13号线) and a lexicon name (一带一路) each become one mention of their kind,
so that their numerals are never read again as quantities. In and out: the extraction
(extraction.py), whose `emit` and `free` keep the decided spans.
"""

from __future__ import annotations

from ..rules import regex
from ..text.parts import parts_of
from .grammar import parse_number

_CORE = regex(  # the numeral inside a fixed name (一带一路 → 1)
    r"[0-9０-９]+(?:[.．][0-9０-９]+)?|[〇零一二两三四五六七八九十百千][〇零一二两三四五六七八九十百千万亿]*")


_ROMAN = {c: i for i, c in enumerate("ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ", 1)} | {"V": 5}  # 劣V类: a Latin V for Ⅴ
_PLACES = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
# before 第N: a rank reached (全国第一, 居西部第2位), which is a figure of the year, not a numbering
_RANK_BEFORE = regex(r"(?:全国|全省|全区|全市|全球|世界|国内|西部|中部|东部|西北|西南|东北|华东|华北|华南|华中|"
                          r"长江经济带|黄河流域|排名|排|居|位居|位列|列|跃居|跃升至|跃升到|跃升|稳居|名列|升至|升到|上升至|上升到|"
                     r"提升至|提升到|晋升至|晋升到|跻身|保持|考评|考核|评估|评价|测评|评比)"
                          r"(?:第[0-9一二三四五六七八九十]+[位名]?(?:[、和与及]))*\Z")  # 居全国第五和第六, 第2、第4位
# a rank verb earlier in the clause (蝉联全国推广面积第一, 位居全省县域经济第二)
_RANK_VERB_BEFORE = regex(r"(?:蝉联|位居|名列|位列|排名|跃居|稳居)[^，,。；;：:、！？\n第]{0,12}\Z")
# after 第N: a rank whatever precedes it (运行评估第一名), or a tier reached (跻身…第一方阵)
_RANK_AFTER = ("名", "方阵", "梯队")
# before N届 (Arabic, or after these words): how many were held, a count, not which one
_HELD_BEFORE = regex(r"(?:举办|办成|承办|连续|累计)了?\Z")


_WORDS = {"首": 1, "一半": 0.5}  # 首位: first; 一半: one half


def core_value(span: str) -> int | float | None:
    if span in _ROMAN:
        return _ROMAN[span]
    if span in _WORDS:
        return _WORDS[span]
    if span and all(c in _PLACES for c in span):  # 百亿, 万亿, 亿: the places alone
        value = 1
        for c in span:
            value *= _PLACES[c]
        return value
    return parse_number(span.replace("．", "."))


def _quantity_kind(ex, name: str, kind: str, s: int, e: int, unit: str, value) -> str:
    """The kind of a pattern's match: its own, or the statement's for a quantity, a rank
    reached or a count of editions held."""
    if kind == "quantity":
        # the value too: a size class (千亿级) is no small count of a list before it
        return ex.kinds.of_rank(s, e, unit) if name.startswith("rank_") else ex.kinds.of(s, e, unit, value)[0]
    if name == "ordinal_di" and not unit and _is_rank(ex.text, s, e):  # 跻身第二轮试点: a round, not a rank
        return ex.kinds.of_rank(s, e)
    if name == "term" and (ex.text[s] in "0123456789" or _HELD_BEFORE.search(ex.text, max(0, s - 6), s)):
        return ex.kinds.of(s, e, unit)[0]
    return kind


def _is_rank(text: str, s: int, e: int) -> bool:
    """第N as a rank reached (a figure of the year), not a numbering: by the words before it
    or the measure word after it."""
    return text.startswith(_RANK_AFTER, e - 1 if text[e - 1:e] == "名" else e) \
        or bool(_RANK_BEFORE.search(text, max(0, s - 16), s)) \
        or bool(_RANK_VERB_BEFORE.search(text, max(0, s - 16), s))


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
    for name, kind, rule_unit, rx, valued, _needs, before, part, from_num, needs_rx in ex.v.patterns:
        if needs_rx is not None and not needs_rx.search(text):
            continue
        for m in rx.finditer(text):
            s = m.start("num") if from_num else m.start()
            if part and parts_of(ex.doc).at(s).kind != part:
                continue
            if kind == "ordinal" and ex.quotes.bounds(s, m.end()):
                continue  # “第一议题”: a quoted name, decided with the quotes
            if before is not None and not before.search(text, max(0, s - 24), s):
                continue
            if ex.free(s, m.end()) and not skipped_word(ex, s, m.end()):
                groups = m.groupdict()
                unit = groups.get("unit") or rule_unit
                num = groups.get("num") or groups.get("num2")
                value = (core_value(num) if num else 1) if valued else None
                if name == "five_year_plan" and num:
                    value = core_value(num[:2])
                e = m.end()
                if name == "ordinal_di" and not groups.get("unit") and (text[e:e + 1] == "名" or text[e:e + 1] == "位"
                                                                        and _is_rank(text, s, e)):
                    e += 1  # 居全国第2位, 评估第一名: the rank's measure word
                ex.emit(s, e, value, unit, "exact", _quantity_kind(ex, name, kind, s, e, unit, value), name)


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
