"""Values of number spans: Arabic, full-width, Chinese numerals, and mixed forms (1.6亿).

cn2an does the Chinese-numeral arithmetic (it handles 两, 〇 and positional forms); we only
add what it cannot parse (一点六亿) and fold the 万/亿 multipliers of mixed forms.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

import cn2an

FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
MULTIPLIERS = {"万": 10**4, "亿": 10**8}
CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
            "六": 6, "七": 7, "八": 8, "九": 9}
_ARABIC = re.compile(r"^([0-9]+(?:\.[0-9]+)?)([万亿]*)$")


def tidy(x: float | Decimal) -> int | float:
    """Integers stay integers (1551, not 1551.0); decimals keep their printed digits."""
    if isinstance(x, Decimal):
        return int(x) if x == x.to_integral_value() else float(x)
    return int(x) if float(x).is_integer() else round(x, 10)


def scale(value: int | float, factor: int) -> int | float:
    """value × factor in decimal arithmetic: 1.1 × 10⁸ is 110000000, not 110000000.00000001."""
    return value if factor == 1 else tidy(Decimal(str(value)) * factor)


@lru_cache(maxsize=4096)
def parse_number(span: str) -> int | float | None:
    """Numeric value of a number span, or None when it is not a number.

    >>> parse_number("1.6亿"), parse_number("一千三百六十四"), parse_number("３６００")
    (160000000, 1364, 3600)
    >>> parse_number("一点六亿"), parse_number("二〇二四"), parse_number("两")
    (160000000, 2024, 2)
    """
    s = span.translate(FULLWIDTH).strip()
    if not s:
        return None
    m = _ARABIC.match(s)
    if m:
        value = Decimal(m.group(1))
        for ch in m.group(2):
            value *= MULTIPLIERS[ch]
        return tidy(value)
    if "点" in s:  # 一点六亿: cn2an cannot parse decimals written in words
        whole, _, rest = s.partition("点")
        frac = rest.rstrip("万亿")
        mult = 1
        for ch in rest[len(frac):]:
            mult *= MULTIPLIERS[ch]
        w = parse_number(whole) if whole else 0
        if w is None or not frac or any(c not in CN_DIGIT for c in frac):
            return None
        return tidy((w + Decimal("0." + "".join(str(CN_DIGIT[c]) for c in frac))) * mult)
    if len(s) > 1 and all(c in CN_DIGIT for c in s) and s[0] != "两":
        if not set(s) & {"〇", "零"}:
            return None  # 一二三次产业, 三四个: a run of digits that is a list or a range, not a value
        # Digit-by-digit forms (二〇二四) read as written.
        return int("".join(str(CN_DIGIT[c]) for c in s))
    try:
        return tidy(float(cn2an.cn2an(s, "smart")))
    except (ValueError, KeyError, IndexError, TypeError):
        return None
