"""The rules of positional numerals: which token may follow which, and what it adds.

A positional numeral (一百零一万一千, 3万4000, 两千四百五, 一点六亿) is read token by token;
each token class has one rule below that either takes the token into the numeral (and
says what it adds) or refuses it (the numeral ended before it). The state they share is
a few accumulators (`State`); the loop that feeds them is reader.py.

    digit   三, 5, 4000   pending until its place comes (or it is the last digit)
    small   十 百 千       a place below 万: section += pending × place
    big     万 亿          a place of a group: group/total += section × place; 万亿 compounds
    zero    零 〇          only between places (一千零十), or a decimal digit
    point   点             decimals in words (九十八点一六); then 万/亿 multiply (一点六亿)
    ji      几             an unknown digit (十几, 二十几万): read twice, as 0 and as 9, for a bound

Each rule returns whether the token belongs to the numeral; `complete` says whether the
tokens so far make a whole numeral, and its value.
"""

from __future__ import annotations

from decimal import Decimal

from .numerals import AR_CHARS


class State:
    """The accumulators of one reading: `total` (亿 groups), `group` (万 groups below 亿),
    `section` (below 万), `pending` (a number waiting for its place)."""

    __slots__ = ("total", "group", "section", "pending", "pend_kind", "pend_digits", "pend_place", "hi_small",
                 "hi_big", "last", "last_place", "prev_big", "zero", "frac", "post", "arabic", "has_ji",
                 "compound", "last_digit", "ji")

    def __init__(self, ji_value: int):
        self.total = self.group = self.section = 0
        self.pending = None
        self.pend_kind = ""  # cn | ar | ard (Arabic decimal) | ji
        self.pend_digits = 0
        self.pend_place = 0  # the place right before the pending digit (两千四百五: 百)
        self.hi_small, self.hi_big = 10**4, 10**9
        self.last = ""  # num | small | big | zero | point | frac | mult
        self.last_place = 0
        self.prev_big = 0
        self.zero = False
        self.frac: str | None = None
        self.post = 1
        self.arabic = self.has_ji = self.compound = False
        self.last_digit = ""
        self.ji = ji_value  # what 几 stands for in this reading (0, or 9 for the upper bound)


def pend(s: State, v, kind: str, tok: str) -> None:
    """A number waits for its place (三 of 三千, 4000 of 3万4000)."""
    s.last_digit = tok
    s.pend_place = s.last_place if s.last in ("small", "big") else 0
    s.pending, s.pend_kind, s.last = v, kind, "num"
    s.pend_digits = sum(ch in AR_CHARS for ch in tok) if kind in ("ar", "ard") else 1


def arabic(s: State, v, tok: str) -> bool:
    """Digits open a numeral, or fill the places after 万/亿/千 (3万4000, 1亿2000万, 5万4千6百)."""
    if s.last == "":
        pend(s, v, "ard" if isinstance(v, Decimal) else "ar", tok)
        s.arabic = True
        return True
    if s.last in ("big", "small", "zero") and not isinstance(v, Decimal) and s.frac is None:
        pend(s, v, "ar", tok)
        s.arabic = True
        return True
    return False


def digit(s: State, d: int, ch: str) -> bool | str:
    """一 … 九 (and 两): a digit of the integer part, or of the decimals after 点.
    Two digits side by side (十一二, 三十四五) are an approximate range: "reject"."""
    if s.last in ("point", "frac"):
        if ch == "两":
            return False
        s.frac += str(d)
        s.last = "frac"
        return True
    if s.last == "num" and s.pend_kind in ("cn", "ji"):
        return "reject"
    if s.arabic:
        return False  # 5万亿两个: Arabic numbers take Arabic digits (5万4千)
    if s.last in ("", "small", "big", "zero") and s.frac is None:
        pend(s, d, "cn", ch)
        return True
    return False


def zero(s: State) -> bool:
    """零 between places (一千零十), a decimal digit (三点零五), or a numeral of its own."""
    if s.last in ("point", "frac"):
        s.frac += "0"
        s.last = "frac"
        return True
    if s.last in ("small", "big") and s.frac is None:
        s.zero, s.last = True, "zero"
        return True
    if s.last == "":
        pend(s, 0, "cn", "零")
        return True
    return False


def small(s: State, place: int) -> bool:
    """十/百/千 after a one-digit number (5千, 三百) or opening the numeral (十五, 百亿)."""
    if s.frac is not None or place >= s.hi_small:
        return False
    if s.last == "num":
        p = s.pending
        if s.pend_kind == "ard" or (s.pend_kind == "ar" and not 0 < p < 10):
            return False  # 45千 is not a numeral; 5千 is
        s.section += p * place
    elif s.last == "" or (s.last == "zero" and place == 10):
        s.section += place  # 十五, 百亿, 千亿; 一千零十
    else:
        return False
    s.pending, s.pend_kind = None, ""
    s.hi_small, s.last, s.last_place, s.zero = place, "small", place, False
    return True


def big(s: State, place: int) -> bool:
    """万/亿 close a group; after decimals they multiply (一点六亿); after each other they compound."""
    if s.last in ("frac", "mult"):
        if s.post >= 10**8 or (s.last == "mult" and not (s.post == 10**4 and place == 10**8)):
            return False
        s.post *= place  # 一点六亿, 一点五万亿
        s.last = "mult"
        return True
    if s.last == "big":
        return compound(s, place)
    if s.last not in ("num", "small") or place >= s.hi_big:
        return False
    if s.pend_kind == "ar" and s.last_place and s.pend_digits > 4:
        return False
    part = s.section + (s.pending if s.pending is not None else 0)
    if not part and s.pend_kind != "ji":
        return False
    if place == 10**8:
        s.total += part * place
    else:
        s.group += part * place
    s.section, s.pending, s.pend_kind = 0, None, ""
    s.hi_small, s.hi_big = 10**4, place
    s.last, s.last_place, s.prev_big, s.zero = "big", place, place, False
    return True


def compound(s: State, place: int) -> bool:
    """万亿 (10¹²), 亿亿, 万万: a big place right after another multiplies what precedes."""
    if s.compound:
        return False
    if s.prev_big == 10**4 and place == 10**8 and s.total == 0:
        s.total, s.group = s.group * place, 0
    elif s.prev_big == 10**8 and place == 10**8 and s.group == 0:
        s.total *= place
    elif s.prev_big == 10**4 and place == 10**4 and s.total == 0:
        s.total, s.group = s.group * place, 0
    else:
        return False
    s.compound, s.hi_big = True, 10**4
    s.last_place = s.prev_big * place
    s.prev_big = s.prev_big * place
    return True


def point(s: State) -> bool:
    """点 after a Chinese integer part: decimals in words follow."""
    if s.frac is not None or s.arabic or s.last not in ("num", "small", "big"):
        return False
    s.frac, s.last = "", "point"
    return True


def ji(s: State) -> bool:
    """几 after a place (十几, 二十几万): one unknown digit, read as `s.ji`."""
    if s.has_ji or s.frac is not None or s.last not in ("small", "big", "zero"):
        return False
    pend(s, s.ji, "ji", "几")
    s.has_ji = True
    return True


def complete(s: State, text: str, j: int, units) -> tuple | None:
    """(end, value, arabic, factor, has 几) when the tokens before j make a whole numeral."""
    if s.last in ("point", "zero"):
        return None
    tail = 0
    if s.pending is not None:
        if s.pend_kind == "ar" and s.last_place:
            if not (s.zero or (s.pend_place == 10**4 and s.pend_digits == 4)):
                return None  # 390万65: not one number; 3万4000 and 3万零500 are
        tail = s.pending
        if s.pend_kind in ("cn", "ji") and s.pend_place >= 100 and not s.zero and s.frac is None:
            # 两千四百五 = 2450, 一万三 = 13000; but 九万亿三个, 一千两个 are two numbers
            if s.compound or s.last_digit == "两" or units.match(text, j):
                return None
            tail = s.pending * s.pend_place // 10
    value = s.total + s.group + s.section + tail
    if s.frac:
        value = (value + Decimal("0." + s.frac)) * s.post
    factor = s.prev_big if s.last == "big" else s.post if s.last == "mult" else 1
    return (j, value, s.arabic, factor, s.has_ji)
