"""Two open bounds that make one range: 大于100并且小于300, 最多100最少20个, 在20和30之间.

In come the mentions of a text in order; out come the same, with each pair of a lower and
an upper bound of the same quantity merged into one range mention (qualifier `range`,
value the lower bound, `high` the upper). The pair must be adjacent: nothing between the
two but a joining word (并且, 且, 而且, 的同时, a comma), so two bounds of different things
(x大于10且y小于20) stay apart. 在/位于/介于 X 和 Y 之间 makes the range of two plain numbers.
"""

from __future__ import annotations

from ..rules import regex
from .mention import Mention

_JOIN = regex(r"[ \u3000]*(?:并且|而且|且|的同时|同时|[，,、])?[ \u3000]*")
_BETWEEN_AND = regex(r"[ \u3000]*(?:和|与|至|到)[ \u3000]*")
_BETWEEN_LEAD = regex(r"(?:在|位于|介于)[ \u3000]*\Z")
_BOUNDS = ("at_least", "at_most")


def _units_agree(a: Mention, b: Mention) -> bool:
    return a.unit == b.unit or not a.unit or not b.unit


def _merge(text: str, low: Mention, high: Mention, start: int, end: int, rule: str) -> Mention:
    return low.replace(start=start, end=end, surface=text[start:end], unit=low.unit or high.unit,
                   qualifier="range", high=high.value, rule=rule, listed=[], listed_open=False)


def pair_bounds(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with each adjacent lower/upper bound pair (and each 之间 pair) merged."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        b = mentions[i + 1] if i + 1 < len(mentions) else None
        merged = None
        # most pairs are two plain numbers far apart: decided by a comparison, not a regex
        if b is not None and b.start - a.end <= 8 and a.value is not None and b.value is not None \
                and a.high is None and b.high is None and _units_agree(a, b):
            if a.qualifier in _BOUNDS and b.qualifier in _BOUNDS and a.qualifier != b.qualifier \
                    and _JOIN.fullmatch(text, a.end, b.start):
                low, high = (a, b) if a.qualifier == "at_least" else (b, a)
                if low.value < high.value:
                    merged = _merge(text, low, high, a.start, b.end, "bounds")
            elif a.qualifier == "exact" and b.qualifier == "exact" and text.startswith("之间", b.end) \
                    and _BETWEEN_AND.fullmatch(text, a.end, b.start) and _BETWEEN_LEAD.search(text, max(0, a.start - 8), a.start) \
                    and a.value < b.value:
                merged = _merge(text, a, b, a.start, b.end + 2, "between")
        if merged is not None:
            out.append(merged)
            i += 2
        else:
            out.append(a)
            i += 1
    return out
