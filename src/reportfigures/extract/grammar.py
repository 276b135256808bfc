"""The numeral grammar: every way a report writes a number, found and valued in one place.

Forms (each with its look-alikes in tests/extract/test_numbers_forms.py):

- Arabic and full-width digits, decimals, thousands separators (1,551; 10,000.5; ４，５６５);
- Chinese positional numerals (一百零一万一千, 两千四百五 = 2450), decimals in words
  (九十八点一六, 一点六亿), digit by digit (二〇三五, and 一九四九 before 年);
- mixed forms (1.6亿, 9千亿, 5万4千, 3万4000): 万/亿 are always places, 十/百/千 unless a
  unit starts there (千瓦, 百分点); after 万 an Arabic tail must fill the four places
  (3万4000), so 390万65岁 stays two numbers;
- a sign (-3%, 下降－2.5%, 负32件), never after a digit or a letter (2026-02-11, G-331)
  and never in a word (减负1000亿元: `sign_not_after` in rules/numbers.yml);
- fractions and percentages in words (三分之一, 千分之三, 百分之九十八点一六, 百分之百, 1/3);
- a bound written into the numeral (十几 = 10…20, 二十几万 = 200000…300000).

Ranges (3—5个, 4.5%-5%) join two numerals around a connector with units in between, so the
extractor joins them; the connectors are vocabulary.

Everything here is linear in the text: a numeral is read left to right once, token by
token, keeping the longest well-formed prefix; an Arabic number has at most MAX_DIGITS
digits and a Chinese one at most MAX_TOKENS tokens, so no value is infinite and no number
is slow to compute (CPython's int/str conversion is quadratic and refuses 4,300 digits).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from collections.abc import Iterator

from ..records import Record
from .numerals import (AR_CHARS, ARABIC, BIG, CN_DIGIT, CN_NUMERAL_CHARS, CONTINUES, DIGIT_RUN, FULLWIDTH,
                       MAX_DIGITS, NUMERAL_RUN, PERCENT_UNITS, SIGN_BLOCK, SLASH, SMALL, START, ZEROS, Numeral,
                       arabic_value, is_cjk, tidy)
from .reader import Reject, read


class Grammar(Record):
    """The vocabulary the grammar needs: where a place is a unit, where 负 is a word."""

    unit_at_place: re.Pattern  # 千瓦, 百分点 …: a unit starts here, not a place of the number
    not_sign_after: frozenset  # 减 (减负), 担 (担负) …: 负 ends a word there
    minus_after: frozenset  # 为, 降 …: the Chinese characters after which - is a minus sign
    any_unit: re.Pattern  # a unit starts here: 一万三 is 13000, 九万亿三个 is 9万亿 and 三个
    _fields = tuple(__annotations__)

    def numerals(self, text: str, decided: bytearray | None = None) -> Iterator[Numeral]:
        """Every numeral of `text`, in order, fractions included (see `fractions`).

        A one-character numeral inside a `decided` span (1 = already decided, as 一 of 统一)
        is not even read: it could not be a mention, and it is most of them; nor one whose
        next character is decided too (14. of a glossary's 14.2025年, so that 2025年 is read)."""
        pos, n = 0, len(text)
        while True:
            m = START.search(text, pos)
            if m is None:
                return
            i = m.start()
            if decided is not None and decided[i] and (i + 1 >= n or text[i + 1] not in CONTINUES
                                                       or decided[i + 1]):
                pos = i + 1
                continue
            got, pos = numeral_at(self, text, i)
            if got is not None:
                yield got

    def fractions(self, text: str) -> Iterator[Numeral]:
        """Only the N分之M numerals: they are decided before the words that only look
        numeric (十分 is such a word, 十分之一 is a number)."""
        pos = 0
        while True:
            p = text.find("分之", pos)
            if p < 0:
                return
            pos = p + 2
            j = _den_start(text, p)
            while j is not None and j < p:
                got, nxt = numeral_at(self, text, j)
                if got is not None and got.form == "fraction" and got.start <= p < got.end:
                    yield got
                    pos = max(pos, got.end)
                    break
                j = max(nxt, j + 1)

    def read(self, text: str, i: int, ji_value: int = 0):
        """The longest positional numeral at i (reader.py), with this grammar's units."""
        return read(text, i, self.unit_at_place, self.any_unit, ji_value)

    def sign(self, text: str, i: int, value, arabic: bool) -> tuple[int, object]:
        """(start, value) with a printed sign in front taken in: -3%, 下降－2.5%, 负32件."""
        if i == 0 or text[i - 1] not in "-－−负":
            return i, value
        c = text[i - 1]
        before = text[i - 2] if i >= 2 else ""
        if c in "-－−" and arabic and before not in SIGN_BLOCK and (
                not is_cjk(before) or before in self.minus_after):
            return i - 1, -value  # -3%, 为-3%, 下降－2.5%; not 歼-35, 2026-02
        if c == "负" and before not in self.not_sign_after:
            return i - 1, -value
        return i, value


# --- one numeral: each form a function --------------------------------------------------
def numeral_at(g: Grammar, text: str, i: int) -> tuple[Numeral | None, int]:
    """The numeral starting at i and where scanning resumes: the form is decided by the
    first characters (one character, 万分之, plain digits, a digit run, positional)."""
    c = text[i]
    if i > 0 and text[i - 1] in "几数" and c in "十百千万亿":
        return None, NUMERAL_RUN.match(text, i).end()  # 几十年, 数百家: a vague number, not 十年
    if c in BIG and (i == 0 or text[i - 1] not in _NOT_PLACE_START):
        places = _places_before_money(text, i)
        if places is not None:
            return places, places.end
    if i + 1 >= len(text) or text[i + 1] not in CONTINUES:
        return _single(g, text, i, c), i + 1
    if c == "万" and text.startswith("分之", i + 1):
        return _fraction(g, text, i, i + 1, 10**4)
    if c in AR_CHARS:
        m = ARABIC.match(text, i)
        j = m.end()
        if (j >= len(text) or text[j] not in CONTINUES) and j - i <= MAX_DIGITS:
            start, value = g.sign(text, i, arabic_value(m.group()), True)
            return Numeral(start, j, tidy(value), None, True), j  # 1551, 98.16, 2024: most numbers
    near = _adjacent(g, text, i)
    if near is not None:
        return near, near.end
    run = DIGIT_RUN.match(text, i)
    if run:
        return _digits(text, i, run.end())
    return _positional(g, text, i, c)


_NOT_PLACE_START = frozenset(AR_CHARS + CN_NUMERAL_CHARS + "几数多余.．")


def _places_before_money(text: str, i: int) -> Numeral | None:
    """亿元以上项目, 超万亿元, 每万元, 逾万人次: the places alone, right before a currency,
    after a qualifier word (突破万亿, 超万列) or before a count and 以上 (每万人 is a pattern)."""
    j, value = i, 1
    while j < len(text) and j - i < 2 and text[j] in BIG:
        value *= BIG[text[j]]
        j += 1
    if text.startswith(("元", "美元"), j):
        return Numeral(i, j, value, None, False, None, 1, "place_led")
    led = i > 0 and text[i - 1] in "逾超近约破过"  # 逾万人次, 开行超万列, 海洋生产总值突破万亿，
    if i > 0 and text[i - 1] == "上" and j < len(text) and text[j] in _PLACE_LED_UNITS + "支":
        return Numeral(i, j, value, None, False, None, 1, "place_led")  # 参赛队伍上万支: upwards of
    if led and (j < len(text) and (text[j] in _PLACE_LED_UNITS or text[j] in "，。；、）")) \
            or j < len(text) and text[j] in _PLACE_LED_UNITS and text.startswith(("以上", "左右"), j + 1):
        return Numeral(i, j, value, None, False, None, 1, "place_led")  # 招生计划万名以上
    return None


# counted things the places alone may count (超万列, 万名以上); money is read above
_PLACE_LED_UNITS = "人名列家个项户辆台套亩件次场吨"


def _adjacent(g: Grammar, text: str, i: int) -> Numeral | None:
    """二三十, 三四百万: two neighbouring digits before their place, an approximate range
    (20 to 30, 3 to 4 million), read as the second digit's numeral scaled down for the low end."""
    d1 = CN_DIGIT.get(text[i]) if text[i] not in "两〇零" else None
    if not d1 or i + 2 >= len(text) or CN_DIGIT.get(text[i + 1]) != d1 + 1 or text[i + 1] == "两" \
            or text[i + 2] not in "十百千万亿":
        return None
    r = g.read(text, i + 1, 0)
    if not isinstance(r, tuple) or r[4]:
        return None
    end, high, arabic, factor, _ji = r
    place = high // (d1 + 1) if isinstance(high, int) else 0
    if not place or place * (d1 + 1) != high or str(place).strip("0") != "1":
        return None  # 二三十五 is no approximate range
    return Numeral(i, end, d1 * place, high, False, None, factor, "approx")


def _positional(g: Grammar, text: str, i: int, c: str) -> tuple[Numeral | None, int]:
    """一百零一万一千, 3万4000, 十几万, 1/3 after digits, N分之M after its denominator."""
    r = g.read(text, i, 0)
    if r is None:
        return None, i + 1
    if isinstance(r, Reject):
        return None, max(r.resume, i + 1)
    end, value, arabic, factor, ji = r
    if text.startswith("分之", end):
        if ji or not value:
            return None, end + 2
        return _fraction(g, text, i, end, value)
    start, value = g.sign(text, i, value, arabic)
    if ji:
        high = g.read(text, i, 10)
        if not isinstance(high, tuple) or high[0] != end:
            return None, end
        hv = high[1] if start == i else -high[1]
        return Numeral(start, end, tidy(value), tidy(hv), arabic, None, factor, "approx"), end
    if arabic and isinstance(value, int) and factor == 1:
        sl = SLASH.match(text, end)
        if sl and not (i > 0 and text[i - 1] in "/／") and value < 10**4:
            den = int(sl.group(1).translate(FULLWIDTH))
            if den:
                return Numeral(start, sl.end(), tidy(Decimal(value) / den), None, True, "", 1, "slash"), sl.end()
    form = "place_led" if c in "百千" else "number"  # 百年, 千村, 千亿级: see quantities.py
    return Numeral(start, end, tidy(value), None, arabic, None, factor, form), end


def _single(g: Grammar, text: str, i: int, c: str) -> Numeral | None:
    """A numeral of one character (三, 十, 5): what the reader would give, without reading."""
    if c in AR_CHARS:
        start, value = g.sign(text, i, int(c), True)
        return Numeral(start, i + 1, value, None, True)
    if c in BIG:
        return None
    value = CN_DIGIT[c] if c in CN_DIGIT else SMALL[c]
    start, value = g.sign(text, i, value, False)
    return Numeral(start, i + 1, value, None, False, None, 1, "place_led" if c in "百千" else "number")


def _digits(text: str, i: int, end: int) -> tuple[Numeral | None, int]:
    """二〇三五 reads digit by digit; 一九四九年 too; 一二三, 三四 are lists or ranges."""
    span = text[i:end]
    nxt = text[end] if end < len(text) else ""
    skip = NUMERAL_RUN.match(text, i).end()
    if nxt and nxt in "十百千万亿点几":
        return None, skip  # 三四十个: an approximate range, not a value
    if set(span) & set(ZEROS) or (len(span) == 4 and nxt == "年"):
        value = int("".join(str(CN_DIGIT[ch]) for ch in span)) if len(span) <= MAX_DIGITS else None
        if value is None:
            return None, skip
        return Numeral(i, end, value, None, False, None, 1, "digits"), end
    return None, skip


def _fraction(g: Grammar, text: str, i: int, den_end: int, den) -> tuple[Numeral | None, int]:
    """N分之M: M/N; per cent, per mille and per myriad keep M with %, ‰, ‱."""
    p = den_end + 2
    if p >= len(text) or not START.match(text, p) or text[p] in "万亿":
        return None, p  # 三分之 with nothing after: neither a fraction nor 三分
    unit = PERCENT_UNITS.get(int(den)) if den == int(den) else None
    near = _adjacent(g, text, p) if unit else None
    if near is not None:  # 百分之二三十: 20% to 30%
        return Numeral(i, near.end, near.value, near.high, False, unit, 1, "fraction"), near.end
    r = g.read(text, p, 0)
    if not isinstance(r, tuple) or r[4]:
        return None, p + 1
    end, num, _arabic, _factor, _ji = r
    value = num if unit else Decimal(num) / Decimal(den)
    start, value = g.sign(text, i, value, False)
    return Numeral(start, end, tidy(value), None, False, unit or "", 1, "fraction"), end


def _den_start(text: str, p: int) -> int | None:
    """Where the numeral ending at p (before 分之) starts: back over numeral characters."""
    j = p
    while j > 0 and p - j < 24 and (text[j - 1] in CN_NUMERAL_CHARS or text[j - 1] in AR_CHARS):
        j -= 1
    if j == p:
        return None
    while j < p and text[j] in "万亿" and not (j + 1 == p and text[j] == "万"):
        j += 1  # a numeral does not start with 万/亿, except the 万 of 万分之
    return j


# --- a span that is one numeral ---------------------------------------------------------
_PLAIN = Grammar(re.compile(r"(?!)"), frozenset(), frozenset(), re.compile(r"(?!)"))


def read_whole(span: str, grammar: Grammar | None = None) -> int | float | None:
    """Value of a span that is one numeral and nothing else (parse_number's reading)."""
    s = span.strip()
    if not s:
        return None
    got, _ = numeral_at(grammar or _PLAIN, s, 0) if START.match(s) else (None, 0)
    if got is None or got.start != 0 or got.end != len(s) or got.high is not None:
        return None
    return got.value


@lru_cache(maxsize=4096)
def parse_number(span: str) -> int | float | None:
    """Numeric value of a span that is exactly one numeral, or None when it is not.

    >>> parse_number("1.6亿"), parse_number("一千三百六十四"), parse_number("３６００")
    (160000000, 1364, 3600)
    >>> parse_number("一点六亿"), parse_number("二〇二四"), parse_number("两"), parse_number("一二三")
    (160000000, 2024, 2, None)
    """
    return read_whole(span)
