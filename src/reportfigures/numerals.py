"""Values of numbers: exact decimal arithmetic, and the value of a span that is one numeral.

Which spans are numerals, and what each form is worth, is the grammar (`grammar.py`); this
module keeps the arithmetic both it and the extractor use, so that 1.1 × 10⁸ is 110000000
and 98.16 stays 98.16. No third-party parser: cn2an cost a third of a second to import and
could not read 3万4000, 二十几万 or 百分之九十八点一六.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
MULTIPLIERS = {"万": 10**4, "亿": 10**8}
CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
            "六": 6, "七": 7, "八": 8, "九": 9}


def tidy(x: int | float | Decimal) -> int | float:
    """Integers stay integers (1551, not 1551.0); decimals keep their printed digits."""
    if isinstance(x, int):
        return x
    if isinstance(x, Decimal):
        return int(x) if x == x.to_integral_value() else float(x)
    return int(x) if float(x).is_integer() else round(x, 10)


def scale(value: int | float, factor: int) -> int | float:
    """value × factor in decimal arithmetic: 1.1 × 10⁸ is 110000000, not 110000000.00000001."""
    return value if factor == 1 else tidy(Decimal(str(value)) * factor)


@lru_cache(maxsize=4096)
def parse_number(span: str) -> int | float | None:
    """Numeric value of a span that is exactly one numeral, or None when it is not.

    >>> parse_number("1.6亿"), parse_number("一千三百六十四"), parse_number("３６００")
    (160000000, 1364, 3600)
    >>> parse_number("一点六亿"), parse_number("二〇二四"), parse_number("两"), parse_number("一二三")
    (160000000, 2024, 2, None)
    """
    from .grammar import read_whole  # the grammar imports this module: resolve at call time

    return read_whole(span)
