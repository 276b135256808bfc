"""The numeral's alphabet and arithmetic: which characters make numbers, what a Numeral is.

Shared by the grammar (grammar.py), its positional rules (positional.py) and the extractor,
so that none of them imports another for a constant. Values are exact: 1.1 × 10⁸ is
110000000 and 98.16 stays 98.16. No third-party parser: cn2an cost a third of a second to
import and could not read 3万4000, 二十几万 or 百分之九十八点一六.
"""

from __future__ import annotations

from decimal import Decimal

from ..records import Record
from ..rules import regex

FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
MULTIPLIERS = {"万": 10**4, "亿": 10**8}
CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
            "六": 6, "七": 7, "八": 8, "九": 9}
SMALL = {"十": 10, "百": 100, "千": 1000}
BIG = {"万": 10**4, "亿": 10**8}
ZEROS = "〇零"
AR_CHARS = "0123456789０１２３４５６７８９"
CN_NUMERAL_CHARS = "〇零一二两三四五六七八九十百千万亿"
MAX_DIGITS = 20  # digits of one Arabic number; a longer run is an identifier, not a quantity
MAX_TOKENS = 32  # tokens of one Chinese numeral (四亿五千六百四十二万零一十五 has 14)
PERCENT_UNITS = {100: "%", 1000: "‰", 10000: "‱"}
START = regex(f"[{AR_CHARS}{CN_NUMERAL_CHARS}]")
ARABIC = regex(
    r"[0-9０-９]{1,3}(?:,[0-9０-９]{3})+(?![0-9０-９])(?:[.．][0-9０-９]+)?"  # 1,551  10,000.5
    r"|[０-９]{1,3}(?:，[０-９]{3})+(?![０-９])(?:[.．][０-９]+)?"  # ４，５６５ (full width only)
    r"|[0-9０-９]+(?:[.．][0-9０-９]+)?")
DIGIT_RUN = regex("[〇零一二三四五六七八九]{2,}")
CONTINUES = frozenset(AR_CHARS + CN_NUMERAL_CHARS + "点几分.．,，/／")  # what may follow inside a numeral
NUMERAL_RUN = regex(f"[{AR_CHARS}{CN_NUMERAL_CHARS}几点.．,，]*")
SLASH = regex(r"[/／]([0-9０-９]{1,4})(?![0-9０-９.．/／])")
SIGN_BLOCK = set(AR_CHARS + CN_NUMERAL_CHARS + ".．%％)）-－−—~～/／") | set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


class Numeral(Record):
    """A number as printed at [start, end): sign included, unit and qualifiers not.

    high: 十几 → 20, the numeral itself bounds the value; arabic: digits, a mention even
    without a unit; unit: fixed by the form (百分之… → %), None when the unit follows;
    factor: trailing 万/亿 (2万 → 10000), so that 1—2万 reads 1万—2万; form: number |
    place_led (百年, 千亿元) | digits | fraction (三分之一) | slash (1/3) | approx."""

    _fields = __slots__ = ("start", "end", "value", "high", "arabic", "unit", "factor", "form")

    def __init__(self, start: int, end: int, value: int | float, high: int | float | None = None,
                 arabic: bool = False, unit: str | None = None, factor: int = 1, form: str = "number") -> None:
        self.start, self.end, self.value, self.high = start, end, value, high
        self.arabic, self.unit, self.factor, self.form = arabic, unit, factor, form


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


def arabic_value(tok: str) -> int | Decimal:
    """1,551 → 1551; ４，５６５ → 4565; 98.16 → Decimal('98.16')."""
    if tok.isdigit():
        return int(tok)  # int() reads full-width digits too
    s = tok.translate(FULLWIDTH).replace(",", "").replace("，", "")
    return Decimal(s) if "." in s else int(s)


def is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"
