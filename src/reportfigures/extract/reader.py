"""The small reader of positional numerals: one left-to-right pass over the tokens.

In comes a text, a position and the grammar's vocabulary; out comes the longest
well-formed numeral there as (end, value, arabic, factor, has 几), a `Reject` when the
characters are numeral-like but make no numeral (三四个), or None. Which token may follow
which, and what it adds, is positional.py; this loop only classifies the next token,
asks its rule, and keeps the longest complete prefix.
"""

from __future__ import annotations

import re
from . import positional as rule
from ..records import Record
from .numerals import AR_CHARS, ARABIC, BIG, CN_DIGIT, MAX_DIGITS, MAX_TOKENS, NUMERAL_RUN, SMALL, ZEROS, arabic_value


class Reject(Record):
    """Numeral-like characters that make no numeral; `resume`: where scanning resumes."""

    _fields = __slots__ = ("resume",)

    def __init__(self, resume: int) -> None:
        self.resume = resume


def read(text: str, i: int, unit_at_place: re.Pattern, any_unit: re.Pattern, ji_value: int = 0):
    """The longest numeral at i (see the module docstring). A place character where a unit
    starts (千瓦, 百分点: `unit_at_place`) ends the numeral."""
    s = rule.State(ji_value)
    best = None
    n, j, tokens = len(text), i, 0
    while j < n and tokens < MAX_TOKENS:
        c = text[j]
        tokens += 1
        if c in AR_CHARS:
            m = ARABIC.match(text, j)
            tok = m.group()
            if sum(ch in AR_CHARS for ch in tok) > MAX_DIGITS:
                return Reject(NUMERAL_RUN.match(text, j).end()) if j == i else best
            took, j = rule.arabic(s, arabic_value(tok), tok), m.end()
        elif c in CN_DIGIT and c not in ZEROS:
            took = rule.digit(s, CN_DIGIT[c], c)
            if took == "reject":
                return Reject(NUMERAL_RUN.match(text, i).end())
            j += 1
        elif c in ZEROS:
            took, j = rule.zero(s), j + 1
        elif c in SMALL and not unit_at_place.match(text, j):
            took, j = rule.small(s, SMALL[c]), j + 1
        elif c in BIG and not unit_at_place.match(text, j):
            took, j = rule.big(s, BIG[c]), j + 1
        elif c == "点":
            took, j = rule.point(s), j + 1
        elif c == "几":
            took, j = rule.ji(s), j + 1
        else:
            break
        if not took:
            break
        best = rule.complete(s, text, j, any_unit) or best
    return best
