"""A numeral with what is printed around it: unit, multiplier, qualifiers, the other end of a range.

`[prefix qualifier] numeral [inner qualifier] [万/亿] [unit] [suffix qualifier]`, as in 超5000人次,
800余篇, 750多万人次, 92%以上, 约120亿元; and `numeral [unit] connector numeral unit` for a range
(3—5个, 4.5%-5%, 1—2万人). The words are vocabulary (rules/numbers.yml); these functions only
read them at fixed distances from the numeral, so each costs a constant.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..records import Record
from .numerals import Numeral
from .numerals import MULTIPLIERS, scale
from .vocabulary import Vocabulary


MONEY_MULTIPLIERS = (("万亿", 10**12), ("亿", 10**8), ("万", 10**4), ("千", 10**3))
# before 一 and a measure word: a count of one, not an article (每个市州至少有一家医院)
_ONLY_ONE = re.compile(r"(?:至少|最少|只|仅|唯)有?\Z")


class Quantity(Record):
    """A numeral with its words: [start, end) runs from the prefix qualifier to the suffix
    qualifier; unit_end is where the unit ends, before a suffix qualifier (where a range's
    high end stops)."""

    _fields = __slots__ = ("start", "end", "value", "high", "unit", "qualifier", "unit_end")

    def __init__(self, start: int, end: int, value: int | float, high: int | float | None, unit: str,
                 qualifier: str, unit_end: int) -> None:
        self.start, self.end, self.value, self.high = start, end, value, high
        self.unit, self.qualifier, self.unit_end = unit, qualifier, unit_end


def match_before(text: str, pos: int, rx: re.Pattern, longest: int) -> str | None:
    """The longest word of `rx` (an ending_re) that ends at `pos`."""
    m = rx.search(text, pos - longest if pos > longest else 0, pos)
    return m.group() if m else None


def unit_at(text: str, v: Vocabulary, pos: int) -> tuple[int, str | None, int]:
    """(multiplier, unit, end) of the unit at `pos`; 750多万人次 has the multiplier 万
    between its qualifier and its unit, and it belongs to the value."""
    factor, p = 1, pos
    while p < len(text) and p - pos < 2 and text[p] in MULTIPLIERS:
        factor *= MULTIPLIERS[text[p]]
        p += 1
    unit = _unit_word(text, v, p)
    if unit is None:
        bare = _unit_word(text, v, pos)
        if bare is not None:
            return 1, bare, pos + len(bare)
        return factor, None, p  # 500余万 with no unit after it: the 万 still counts
    return factor, unit, p + len(unit)


def _unit_word(text: str, v: Vocabulary, pos: int) -> str | None:
    """The unit at `pos`, unless it starts a longer word there (3000成功 is no 成)."""
    m = v.units_re.match(text, pos)
    if m is None:
        return None
    unit = m.group()
    limit = v.unit_limits.get(unit)
    if limit and text[pos + len(unit):pos + len(unit) + 1] in limit[1]:
        return None
    return unit


def read_quantity(text: str, v: Vocabulary, n: Numeral, free: Callable[[int, int], bool],
                  bare_ok: bool = False) -> Quantity | None:
    """The quantity a numeral states, or None when it is part of a word (一些, 零部件, 一支).
    A Chinese numeral needs a unit unless `bare_ok` (the low end of 三至五年)."""
    cs, ce = n.start, n.end
    value, high = n.value, n.high
    qual = "range" if high is not None else "exact"
    pos = ce
    if n.unit is not None:  # 三分之一, 百分之九十八点一六: the form says the unit
        factor, unit, uend = 1, n.unit, ce
    else:
        m = v.inner_re.match(text, pos) if text[pos:pos + 1] in v.inner_first else None
        inner = m.group() if m else None
        if inner and high is None:
            after = unit_at(text, v, pos + len(inner))
            if n.arabic or after[1] or after[0] > 1 or _ends(text, pos + len(inner)):
                qual = v.inner_qualifier[inner]  # 800余篇, 一千多万, 四百多。
                pos += len(inner)
        upos = pos
        if n.arabic:
            while upos < len(text) and text[upos] in " \u3000" and upos - pos < 2:
                upos += 1
        factor, unit, uend = unit_at(text, v, upos)
        if unit is not None and not _within_limit(v, unit, value, factor):
            unit, factor = None, 1
        if unit is None:
            uend = uend if factor > 1 else pos
            if not n.arabic and not bare_ok and not (factor > 1 and _long(text, n)) \
                    and not _bare_number(text, v, n, uend):  # 两百多万高校师生: a count, its noun for unit
                return None  # a Chinese numeral with no unit is part of a word (一些, 三峡)
        if not n.arabic and value == 0 and n.form == "number" and isinstance(value, int):
            return None  # 零部件, 零售: no report counts nothing in words
        if (not n.arabic and text[cs:ce] == "一" and unit and v.unit_class.get(unit) != "time"
                and unit in v.article and not _ONLY_ONE.search(text, max(0, cs - 4), cs)):
            return None  # 一支队伍, 一部章程: an article, not a count (but 至少有一家: one)
    end = uend
    value = scale(value, factor)
    high = scale(high, factor) if high is not None else None
    start = cs
    pre = match_before(text, cs, v.prefix_re, v.prefix_longest) if text[cs - 1:cs] in v.prefix_last else None
    if pre and qual != "range" and free(cs - len(pre), cs):
        qual, start = v.prefix_qualifier[pre], cs - len(pre)
    unit_end = end
    gap = 1 if text[end:end + 1] in (" ", "\u3000") and (n.arabic or unit) else 0  # 170 之下 (text from a PDF)
    m = v.suffix_re.match(text, end + gap) if text[end + gap:end + gap + 1] in v.suffix_first else None
    suf = m.group() if m else None
    if suf and (unit or n.unit is not None or n.arabic or _long(text, n)) and qual == "exact" and suf != "多":
        qual, end = v.suffix_qualifier[suf], end + gap + len(suf)
    unit = unit or ""
    if v.unit_class.get(unit) == "money":
        # 1.6亿元: the multiplier is in the value, the unit is the currency.
        for mult, f in MONEY_MULTIPLIERS:
            if unit.startswith(mult) and len(unit) > len(mult):
                value, unit = scale(value, f), unit[len(mult):]
                high = scale(high, f) if high is not None else None
                break
    if n.form == "place_led" and qual == "exact" and v.unit_class.get(unit) != "money" \
            and not (unit and text[cs - 1:cs] == "上"):  # 参赛队伍上万支: 'upwards of', a count
        return None  # 百年, 千村, 千亿级, 百日攻坚: idiom and names; 超千亿元, 千余家, 百亿元 are counts
    if unit == "％":
        unit = "%"
    return Quantity(start, end, value, high, unit, qual, unit_end)


_ALONE = frozenset(" \u3000\t\n，,；;。！!？?：:“”\"")


def _ends(text: str, pos: int) -> bool:
    """Nothing of the same word follows: the end, or punctuation (四百多。)."""
    return pos >= len(text) or text[pos] in _ALONE


def _long(text: str, n: Numeral) -> bool:
    """A Chinese numeral of two characters or more (五百, 三十五): a number, never an article."""
    return n.end - n.start >= 2


def _bare_number(text: str, v: Vocabulary, n: Numeral, end: int) -> bool:
    """A Chinese numeral with no unit that is still a number: it stands alone between
    punctuation (a table cell, a whole line: 一百五十二, 十五点七), or a qualifier word
    says so (大于二十, 五百以上, 小于等于三十五) and it is not one character (近一半)."""
    cs = n.start
    if (cs == 0 or text[cs - 1] in _ALONE) and _ends(text, end):
        return True
    if not _long(text, n):
        return False
    if text[cs - 1:cs] in v.prefix_last and match_before(text, cs, v.prefix_re, v.prefix_longest):
        return True
    return text[end:end + 1] in v.suffix_first and bool(v.suffix_re.match(text, end)) and text[end] != "多"


def _within_limit(v: Vocabulary, unit: str, value, factor: int) -> bool:
    """八成 is a share; 3000成 is not (tenths stop at ten)."""
    limit = v.unit_limits.get(unit)
    return limit is None or limit[0] is None or (factor == 1 and abs(value) <= limit[0])


def join_range(text: str, low: Quantity, n_low: Numeral, high: Quantity, n_high: Numeral) -> Quantity | None:
    """3—5个, 4.5%-5%, 1—2万人 (1万 to 2万): one mention from low to high, or None.

    Both ends are plain numbers; the unit is printed after the high end and, if also after
    the low end, is the same; the low end is below the high end (2026-02-11 is a date)."""
    if low.qualifier != "exact" or low.high is not None or high.high is not None:
        return None
    if (not high.unit and not _ends(text, high.end)) or low.unit not in ("", high.unit) \
            or high.start != n_high.start:
        return None  # no unit (unless the range ends there), two units, a qualifier before the high end
    if text[n_high.end:n_high.end + 1] in ("-", "－", "/", "／"):
        return None  # 2026-02-11, 2024/1/5
    lv = low.value
    if not low.unit and n_low.factor == 1 and n_high.factor > 1:
        lv = scale(lv, n_high.factor)
    if not lv < high.value:
        return None
    return Quantity(n_low.start, high.unit_end, lv, high.value, high.unit, "range", high.unit_end)
