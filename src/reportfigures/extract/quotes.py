"""Numbers inside short quotations: names and slogans (“千万工程”, “两个确立”), not counts.

A quotation of at most 12 characters around a number makes it a name; when a list of
matching items stands right before (A、B、C“三个一批”), the quoted number counts that list.
Quote marks are indexed once, so most numbers cost one byte lookup.
"""

from __future__ import annotations

import re

from .lists import enumeration_before

_QUOTES_ALL = "“”\"「」『』‘’"
_QUOTE_MARK = re.compile(f"[{_QUOTES_ALL}]")
_QUOTE_BEFORE = re.compile(f"[{_QUOTES_ALL}][^{_QUOTES_ALL}，,；;。！!？?：:、\n]*\\Z")
_QUOTE_AFTER = re.compile(f"[^{_QUOTES_ALL}，,；;。！!？?：:、\n]*[{_QUOTES_ALL}]")


class Quotes:
    """Where the short quotations of a text are."""

    def __init__(self, text: str):
        self.text = text
        self.near = bytearray(len(text) + 1)  # 1 within 13 characters after a quote mark
        for m in _QUOTE_MARK.finditer(text):
            self.near[m.start() + 1:m.start() + 14] = b"\x01" * len(self.near[m.start() + 1:m.start() + 14])

    def bounds(self, cs: int, ce: int) -> tuple[int, int] | None:
        """(opening, closing) quote positions when [cs, ce) sits in a short quotation: a quote
        mark at most 12 characters before cs and within 12 after it, no clause break between."""
        if not self.near[cs]:
            return None  # no quote mark in the 13 characters before: most numbers
        text = self.text
        left = _QUOTE_BEFORE.search(text, max(0, cs - 13), cs)
        if left is None:
            return None
        right = _QUOTE_AFTER.match(text, ce, min(len(text), max(cs + 14, ce + 1)))
        if right is None:
            return None
        return left.start(), right.end() - 1


def quoted(ex, cs: int, ce: int, value) -> bool:
    """Decide a number inside a short quotation as a name (or the count of the list before
    it); returns whether it was one."""
    text = ex.text
    bounds = ex.quotes.bounds(cs, ce)
    if bounds is None:
        return False
    left, right = bounds
    start = cs - 1 if cs > 0 and text[cs - 1] == "第" else cs
    word = text[start:right]
    if not ex.free(start, right):
        return False
    listed, open_ = [], False
    if left == cs - 1 and len(word) >= 2:
        items, open_ = enumeration_before(text, left)
        tail = word[-1]
        if items and len(items) >= 2 and all(i.rstrip().endswith(tail) for i in items):
            listed = items
    kind = "list_count" if listed else "name"
    ex.emit(start, right, value, "", "exact", kind, "quoted", listed=listed, listed_open=open_)
    return True
