"""A quantity's kind: list count, target, metric, anniversary, date or period.

In comes a quantity's place, unit and the document; out comes its kind with the listed
items when it counts a list. The order matters: a time unit is a date or period; a count
with a list before it (A、B、C三个, 渝川黔三省市), the places before it, the headings it
announces (以下六个方面) or the clauses after it is a list count; otherwise a number in a part
and sentence that set a goal (text/parts.py) is a target, and anything else a metric.
"""

from __future__ import annotations

import re

from ..text.document import Document, Section
from ..text.parts import parts_of
from .lists import LIST_WINDOW, clause_start, counted_noun_follows, enumeration_before, list_after
from .places import SectionIndex
from .vocabulary import Vocabulary

_NOUN_UNITS = ("部委", "省市", "市区", "区县", "级")


class Kinds:
    """The kinds of one document's quantities (the headings under a part computed once)."""

    def __init__(self, doc: Document, vocab: Vocabulary, sections: SectionIndex):
        self.doc, self.text, self.v, self.sections = doc, doc.text, vocab, sections
        self._siblings: dict[int, list[Section]] = {}

    def of(self, start: int, end: int, unit: str) -> tuple[str, list[str], bool]:
        """(kind, listed items, whether the list is open-ended) of the quantity at [start, end)."""
        text, v = self.text, self.v
        cls = v.unit_class.get(unit)
        if unit == "周年":
            return "anniversary", [], False
        if cls == "time":
            return "date_or_period", [], False
        sent = self.doc.sentence_at(start)
        floor = sent.start if sent else 0
        listable = unit in v.list_units
        if listable and (cls == "count" and counted_noun_follows(text, end) or unit in v.place_units
                         or unit in _NOUN_UNITS):  # only these count a list before them: look for one
            items, open_ = enumeration_before(text, start, floor, v.counted_re, v.lead_in_re)
            if items:
                return "list_count", items, open_
        if unit in v.place_units or unit in ("级",):
            clause = text[clause_start(text, max(floor, start - LIST_WINDOW), start):start]
            run = re.findall(f"[{v.places}]{{2,}}", clause)
            if run:
                return "list_count", list(run[-1]), False
        if unit in ("个方面", "方面") and text.startswith("以下", start - 2):
            sec = self.sections.at(start)
            container = sec if sec.level in ("part", "root") else sec.parent
            siblings = [s for s in self._headings_under(container) if s.start > start]
            if siblings:
                return "list_count", [s.label + s.title for s in siblings], False
        after = list_after(text, end, sent.end) if sent is not None and listable else []
        if after:
            return "list_count", after, False
        if parts_of(self.doc).sets_goal(start):  # the part and sentence set a goal (parts.py)
            return "target", [], False
        return "metric", [], False

    def _headings_under(self, container: Section | None) -> list[Section]:
        """The (一)…(六) headings of a part, computed once per part."""
        key = id(container)
        if key not in self._siblings:
            self._siblings[key] = [s for s in self.doc.sections
                                   if s.level == "heading" and s.parent is container]
        return self._siblings[key]
