"""The numeral grammar: every way a report writes a number, found and valued in one place.

Forms (each with its look-alikes in tests/test_numbers_forms.py):

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
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator

from .numerals import CN_DIGIT, FULLWIDTH, tidy

SMALL = {"十": 10, "百": 100, "千": 1000}
BIG = {"万": 10**4, "亿": 10**8}
ZEROS = "〇零"
AR_CHARS = "0123456789０１２３４５６７８９"
CN_NUMERAL_CHARS = "〇零一二两三四五六七八九十百千万亿"
MAX_DIGITS = 20  # digits of one Arabic number; a longer run is an identifier, not a quantity
MAX_TOKENS = 32  # tokens of one Chinese numeral (四亿五千六百四十二万零一十五 has 14)
PERCENT_UNITS = {100: "%", 1000: "‰", 10000: "‱"}

_START = re.compile(f"[{AR_CHARS}{CN_NUMERAL_CHARS}]")
_AR = re.compile(
    r"[0-9０-９]{1,3}(?:,[0-9０-９]{3})+(?![0-9０-９])(?:[.．][0-9０-９]+)?"  # 1,551  10,000.5
    r"|[０-９]{1,3}(?:，[０-９]{3})+(?![０-９])(?:[.．][０-９]+)?"  # ４，５６５ (full width only)
    r"|[0-9０-９]+(?:[.．][0-9０-９]+)?")
_DIGIT_RUN = re.compile("[〇零一二三四五六七八九]{2,}")
_CONTINUES = frozenset(AR_CHARS + CN_NUMERAL_CHARS + "点几分.．,，/／")  # what may follow inside a numeral
_NUMERAL_RUN = re.compile(f"[{AR_CHARS}{CN_NUMERAL_CHARS}几点.．,，]*")
_SLASH = re.compile(r"[/／]([0-9０-９]{1,4})(?![0-9０-９.．/／])")
_SIGN_BLOCK = set(AR_CHARS + CN_NUMERAL_CHARS + ".．%％)）-－−—~～/／") | set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


@dataclass(slots=True)
class Numeral:
    """A number as printed at [start, end): sign included, unit and qualifiers not."""

    start: int
    end: int
    value: int | float
    high: int | float | None = None  # 十几 → 20: the numeral itself bounds the value
    arabic: bool = False  # digits: a mention even without a unit
    unit: str | None = None  # fixed by the form (百分之… → %); None: the unit follows
    factor: int = 1  # trailing 万/亿 (2万 → 10000), so that 1—2万 reads 1万—2万
    form: str = "number"  # number | place_led (百年, 千亿元) | digits | fraction (三分之一) | slash (1/3) | approx


@dataclass(frozen=True)
class Grammar:
    """The vocabulary the grammar needs: where a place is a unit, where 负 is a word."""

    unit_at_place: re.Pattern  # 千瓦, 百分点 …: a unit starts here, not a place of the number
    not_sign_after: frozenset  # 减 (减负), 担 (担负) …: 负 ends a word there
    minus_after: frozenset  # 为, 降 …: the Chinese characters after which - is a minus sign
    any_unit: re.Pattern  # a unit starts here: 一万三 is 13000, 九万亿三个 is 9万亿 and 三个

    def numerals(self, text: str, decided: bytearray | None = None) -> Iterator[Numeral]:
        """Every numeral of `text`, in order, fractions included (see `fractions`).

        A one-character numeral inside a `decided` span (1 = already decided, as 一 of 统一)
        is not even read: it could not be a mention, and it is most of them."""
        pos, n = 0, len(text)
        while True:
            m = _START.search(text, pos)
            if m is None:
                return
            i = m.start()
            if decided is not None and decided[i] and (i + 1 >= n or text[i + 1] not in _CONTINUES):
                pos = i + 1
                continue
            got, pos = self._numeral_at(text, i)
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
                got, nxt = self._numeral_at(text, j)
                if got is not None and got.form == "fraction" and got.start <= p < got.end:
                    yield got
                    pos = max(pos, got.end)
                    break
                j = max(nxt, j + 1)

    # --- one numeral ---------------------------------------------------------------------
    def _numeral_at(self, text: str, i: int) -> tuple[Numeral | None, int]:
        """The numeral starting at i and where scanning resumes."""
        c = text[i]
        if i > 0 and text[i - 1] in "几数" and c in "十百千万亿":
            return None, _NUMERAL_RUN.match(text, i).end()  # 几十年, 数百家: a vague number, not 十年
        if i + 1 >= len(text) or text[i + 1] not in _CONTINUES:
            return self._single(text, i, c), i + 1
        if c == "万" and text.startswith("分之", i + 1):
            return self._fraction(text, i, i + 1, 10**4)
        if c in AR_CHARS:
            m = _AR.match(text, i)
            j = m.end()
            if (j >= len(text) or text[j] not in _CONTINUES) and j - i <= MAX_DIGITS:
                return self._plain_arabic(text, i, j, m.group()), j  # 1551, 98.16, 2024: most numbers
        run = _DIGIT_RUN.match(text, i)
        if run:
            return self._digits(text, i, run.end())
        r = self._read(text, i, 0)
        if r is None:
            return None, i + 1
        if isinstance(r, _Reject):
            return None, max(r.resume, i + 1)
        end, value, arabic, factor, ji = r
        if text.startswith("分之", end):
            if ji or not value:
                return None, end + 2
            return self._fraction(text, i, end, value)
        start, value = self._sign(text, i, value, arabic)
        if ji:
            high = self._read(text, i, 10)
            if not isinstance(high, tuple) or high[0] != end:
                return None, end
            hv = high[1] if start == i else -high[1]
            return Numeral(start, end, tidy(value), tidy(hv), arabic, None, factor, "approx"), end
        if arabic and isinstance(value, int) and factor == 1:
            sl = _SLASH.match(text, end)
            if sl and not (i > 0 and text[i - 1] in "/／") and value < 10**4:
                den = int(sl.group(1).translate(FULLWIDTH))
                if den:
                    return Numeral(start, sl.end(), tidy(Decimal(value) / den), None, True, "", 1, "slash"), sl.end()
        form = "place_led" if c in "百千" else "number"  # 百年, 千村, 千亿级: see quantities.py
        return Numeral(start, end, tidy(value), None, arabic, None, factor, form), end

    def _plain_arabic(self, text: str, i: int, j: int, tok: str) -> Numeral:
        """An Arabic number with nothing numeral after it: what `_read` would give."""
        start, value = self._sign(text, i, _arabic_value(tok), True)
        return Numeral(start, j, tidy(value), None, True)

    def _single(self, text: str, i: int, c: str) -> Numeral | None:
        """A numeral of one character (三, 十, 5): what `_read` would give, without reading."""
        if c in AR_CHARS:
            start, value = self._sign(text, i, int(c), True)
            return Numeral(start, i + 1, value, None, True)
        if c in BIG:
            return None
        value = CN_DIGIT[c] if c in CN_DIGIT else SMALL[c]
        start, value = self._sign(text, i, value, False)
        return Numeral(start, i + 1, value, None, False, None, 1, "place_led" if c in "百千" else "number")

    def _sign(self, text: str, i: int, value, arabic: bool) -> tuple[int, object]:
        """(start, value) with a printed sign in front taken in: -3%, 下降－2.5%, 负32件."""
        if i == 0 or text[i - 1] not in "-－−负":
            return i, value
        c = text[i - 1]
        before = text[i - 2] if i >= 2 else ""
        if c in "-－−" and arabic and before not in _SIGN_BLOCK and (
                not _is_cjk(before) or before in self.minus_after):
            return i - 1, -value  # -3%, 为-3%, 下降－2.5%; not 歼-35, 2026-02
        if c == "负" and before not in self.not_sign_after:
            return i - 1, -value
        return i, value

    def _digits(self, text: str, i: int, end: int) -> tuple[Numeral | None, int]:
        """二〇三五 reads digit by digit; 一九四九年 too; 一二三, 三四 are lists or ranges."""
        span = text[i:end]
        nxt = text[end] if end < len(text) else ""
        skip = _NUMERAL_RUN.match(text, i).end()
        if nxt and nxt in "十百千万亿点几":
            return None, skip  # 三四十个: an approximate range, not a value
        if set(span) & set(ZEROS) or (len(span) == 4 and nxt == "年"):
            value = int("".join(str(CN_DIGIT[ch]) for ch in span)) if len(span) <= MAX_DIGITS else None
            if value is None:
                return None, skip
            return Numeral(i, end, value, None, False, None, 1, "digits"), end
        return None, skip

    def _fraction(self, text: str, i: int, den_end: int, den) -> tuple[Numeral | None, int]:
        """N分之M: M/N; per cent, per mille and per myriad keep M with %, ‰, ‱."""
        p = den_end + 2
        if p >= len(text) or not _START.match(text, p) or text[p] in "万亿":
            return None, p  # 三分之 with nothing after: neither a fraction nor 三分
        r = self._read(text, p, 0)
        if not isinstance(r, tuple) or r[4]:
            return None, p + 1
        end, num, _arabic, _factor, _ji = r
        unit = PERCENT_UNITS.get(int(den)) if den == int(den) else None
        value = num if unit else Decimal(num) / Decimal(den)
        start, value = self._sign(text, i, value, False)
        return Numeral(start, end, tidy(value), None, False, unit or "", 1, "fraction"), end

    def _read(self, text: str, i: int, ji_value: int):
        """The longest well-formed numeral at i: (end, value, arabic, factor, has 几), a
        _Reject when the characters there are numeral-like but no numeral (三四个), or None."""
        return _Reader(text, self, ji_value).read(i)


@dataclass(frozen=True, slots=True)
class _Reject:
    resume: int


def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


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


def _arabic_value(tok: str) -> int | Decimal:
    if tok.isdigit():
        return int(tok)  # int() reads full-width digits too
    s = tok.translate(FULLWIDTH).replace(",", "").replace("，", "")
    return Decimal(s) if "." in s else int(s)


class _Reader:
    """One left-to-right pass over the tokens of a numeral, keeping the longest prefix that
    is a complete numeral. Accumulators: `total` (亿 groups), `group` (万 groups below
    亿), `section` (below 万), `pending` (a number waiting for its place)."""

    __slots__ = ("text", "blocked", "units", "ji", "total", "group", "section", "pending", "pend_kind",
                 "pend_digits", "pend_place", "hi_small", "hi_big", "last", "last_place", "prev_big",
                 "zero", "frac", "post", "arabic", "has_ji", "compound", "best", "last_digit")

    def __init__(self, text: str, g: Grammar, ji_value: int):
        self.text, self.blocked, self.units, self.ji = text, g.unit_at_place, g.any_unit, ji_value
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
        self.best = None
        self.last_digit = ""

    def read(self, i: int):
        text, n = self.text, len(self.text)
        j, tokens = i, 0
        while j < n and tokens < MAX_TOKENS:
            c = text[j]
            tokens += 1
            if c in AR_CHARS:
                m = _AR.match(text, j)
                tok = m.group()
                if sum(ch in AR_CHARS for ch in tok) > MAX_DIGITS:
                    return _Reject(_NUMERAL_RUN.match(text, j).end()) if j == i else self.best
                if not self._arabic(_arabic_value(tok), tok):
                    break
                j = m.end()
            elif c in CN_DIGIT and c not in ZEROS:
                step = self._digit(CN_DIGIT[c], c)
                if step == "reject":
                    return _Reject(_NUMERAL_RUN.match(text, i).end())
                if not step:
                    break
                j += 1
            elif c in ZEROS:
                if not self._zero():
                    break
                j += 1
            elif c in SMALL and not self.blocked.match(text, j):
                if not self._small(SMALL[c]):
                    break
                j += 1
            elif c in BIG and not self.blocked.match(text, j):
                if not self._big(BIG[c]):
                    break
                j += 1
            elif c == "点":
                if not self._point():
                    break
                j += 1
            elif c == "几":
                if not self._ji():
                    break
                j += 1
            else:
                break
            self._keep(j)
        return self.best

    # transitions: each returns whether the token belongs to the numeral -------------------
    def _arabic(self, v, tok: str) -> bool:
        if self.last == "":
            self._pend(v, "ard" if isinstance(v, Decimal) else "ar", tok)
            self.arabic = True
            return True
        if self.last in ("big", "small", "zero") and not isinstance(v, Decimal) and self.frac is None:
            self._pend(v, "ar", tok)  # 3万4000, 1亿2000万, 3万零500, 5万4千6百
            self.arabic = True
            return True
        return False

    def _digit(self, d: int, ch: str):
        if self.last in ("point", "frac"):
            if ch == "两":
                return False
            self.frac += str(d)
            self.last = "frac"
            return True
        if self.last == "num" and self.pend_kind in ("cn", "ji"):
            return "reject"  # 十一二, 三十四五: two digits side by side are an approximate range
        if self.arabic:
            return False  # 5万亿两个: Arabic numbers take Arabic digits (5万4千)
        if self.last in ("", "small", "big", "zero") and self.frac is None:
            self._pend(d, "cn", ch)
            return True
        return False

    def _zero(self) -> bool:
        if self.last in ("point", "frac"):
            self.frac += "0"
            self.last = "frac"
            return True
        if self.last in ("small", "big") and self.frac is None:
            self.zero, self.last = True, "zero"
            return True
        if self.last == "":
            self._pend(0, "cn", "零")
            return True
        return False

    def _small(self, s: int) -> bool:
        if self.frac is not None or s >= self.hi_small:
            return False
        if self.last == "num":
            p = self.pending
            if self.pend_kind == "ard" or (self.pend_kind == "ar" and not 0 < p < 10):
                return False  # 45千 is not a numeral; 5千 is
            self.section += p * s
        elif self.last == "" or (self.last == "zero" and s == 10):
            self.section += s  # 十五, 百亿, 千亿; 一千零十
        else:
            return False
        self.pending, self.pend_kind = None, ""
        self.hi_small, self.last, self.last_place, self.zero = s, "small", s, False
        return True

    def _big(self, b: int) -> bool:
        if self.last in ("frac", "mult"):
            if self.post >= 10**8 or (self.last == "mult" and not (self.post == 10**4 and b == 10**8)):
                return False
            self.post *= b  # 一点六亿, 一点五万亿
            self.last = "mult"
            return True
        if self.last == "big":
            return self._compound(b)
        if self.last not in ("num", "small") or b >= self.hi_big:
            return False
        if self.pend_kind == "ar" and self.last_place and self.pend_digits > 4:
            return False
        part = self.section + (self.pending if self.pending is not None else 0)
        if not part and self.pend_kind != "ji":
            return False
        if b == 10**8:
            self.total += part * b
        else:
            self.group += part * b
        self.section, self.pending, self.pend_kind = 0, None, ""
        self.hi_small, self.hi_big = 10**4, b
        self.last, self.last_place, self.prev_big, self.zero = "big", b, b, False
        return True

    def _compound(self, b: int) -> bool:
        """万亿 (10¹²), 亿亿, 万万: a big place right after another multiplies what precedes."""
        if self.compound:
            return False
        if self.prev_big == 10**4 and b == 10**8 and self.total == 0:
            self.total, self.group = self.group * b, 0
        elif self.prev_big == 10**8 and b == 10**8 and self.group == 0:
            self.total *= b
        elif self.prev_big == 10**4 and b == 10**4 and self.total == 0:
            self.total, self.group = self.group * b, 0
        else:
            return False
        self.compound, self.hi_big = True, 10**4
        self.last_place = self.prev_big * b
        self.prev_big = self.prev_big * b
        return True

    def _point(self) -> bool:
        if self.frac is not None or self.arabic or self.last not in ("num", "small", "big"):
            return False
        self.frac, self.last = "", "point"
        return True

    def _ji(self) -> bool:
        if self.has_ji or self.frac is not None or self.last not in ("small", "big", "zero"):
            return False
        self._pend(self.ji, "ji", "几")
        self.has_ji = True
        return True

    def _pend(self, v, kind: str, tok: str) -> None:
        self.last_digit = tok
        self.pend_place = self.last_place if self.last in ("small", "big") else 0
        self.pending, self.pend_kind, self.last = v, kind, "num"
        self.pend_digits = sum(ch in AR_CHARS for ch in tok) if kind in ("ar", "ard") else 1

    # completeness ------------------------------------------------------------------------
    def _keep(self, j: int) -> None:
        """Record (end, value, …) when the tokens so far make a complete numeral."""
        if self.last in ("point", "zero"):
            return
        tail = 0
        if self.pending is not None:
            if self.pend_kind == "ar" and self.last_place:
                if not (self.zero or (self.pend_place == 10**4 and self.pend_digits == 4)):
                    return  # 390万65: not one number; 3万4000 and 3万零500 are
            tail = self.pending
            if self.pend_kind in ("cn", "ji") and self.pend_place >= 100 and not self.zero and self.frac is None:
                # 两千四百五 = 2450, 一万三 = 13000; but 九万亿三个, 一千两个 are two numbers
                if self.compound or self.last_digit == "两" or self.units.match(self.text, j):
                    return
                tail = self.pending * self.pend_place // 10
        value = self.total + self.group + self.section + tail
        if self.frac:
            value = (value + Decimal("0." + self.frac)) * self.post
        factor = 1
        if self.last == "big":
            factor = self.prev_big
        elif self.last == "mult":
            factor = self.post
        self.best = (j, value, self.arabic, factor, self.has_ji)


def read_whole(span: str, grammar: Grammar | None = None) -> int | float | None:
    """Value of a span that is one numeral and nothing else (parse_number's reading)."""
    s = span.strip()
    if not s:
        return None
    g = grammar or _PLAIN
    got, _ = g._numeral_at(s, 0) if _START.match(s) else (None, 0)
    if got is None or got.start != 0 or got.end != len(s) or got.high is not None:
        return None
    return got.value


_PLAIN = Grammar(re.compile(r"(?!)"), frozenset(), frozenset(), re.compile(r"(?!)"))
