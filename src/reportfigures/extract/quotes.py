"""Numbers inside short quotations: names and slogans (“千万工程”, “两个确立”), not counts.

A quotation of at most 12 characters around a number makes it a name; when a list of
matching items stands right before (A、B、C“三个一批”), the quoted number counts that list.
Quote marks are indexed once, so most numbers cost one byte lookup.
"""

from __future__ import annotations

from ..rules import regex
from .lists import enumeration_before, items_after, split_items

_QUOTES_ALL = "“”\"「」『』‘’"
_QUOTE_MARK = regex(f"[{_QUOTES_ALL}]")
_QUOTE_BEFORE = regex(f"[{_QUOTES_ALL}][^{_QUOTES_ALL}，,；;。！!？?：:、\n]*\\Z")
_QUOTE_AFTER = regex(f"[^{_QUOTES_ALL}，,；;。！!？?：:、\n]*[{_QUOTES_ALL}]")


class Quotes:
    """Where the short quotations of a text are."""

    def __init__(self, text: str):
        self.text = text
        self.near = bytearray(len(text) + 1)  # 1 within 13 characters after a quote mark
        one = b"\x01" * 13
        n = len(self.near)
        for m in _QUOTE_MARK.finditer(text):
            i = m.start() + 1
            self.near[i:i + 13] = one if i + 13 <= n else one[:n - i]

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
    if len(_NUMERALS.findall(word)) > 1:  # “两清两改两治理”, “三区三线”: a name of several counts
        colon = _COLON_SOON.match(text, right + 1) if _N_ONES.match(word) and isinstance(value, int) else None
        listed = items_after(text, colon.end(), value) if colon else []
        # ... but “六个一”：一批企业、一个平台…: the N items of one each follow it
        ex.emit(start, right, value, "", "exact", "list_count" if listed else "name", "quoted", listed=listed)
        if listed:
            _ones(ex, colon.end(), listed)
        return True
    if left >= cs - 2 and len(word) >= 2:  # “三X”, and “新三样” (one character before the number)
        items, open_ = ([], False) if text[left - 1:left] == "”" else enumeration_before(text, left)
        # (“两个基地”“两个枢纽”“两个网络”: quoted names side by side, none the items of another)
        if not items and value == 2:
            items = _pair_before(text, left)  # 保障粮食安全和防止返贫“两条底线”
        tail = word[-1]
        # A、B、C“三X”: the items end as the quoted word does, or they are as many as it says
        if items and len(items) >= 2 and (all(i.rstrip().endswith(tail) for i in items)
                                          or (value is not None and len(items) == value)):  # A、B、C等“三X” too
            listed = items
    if not listed and isinstance(value, int) and value >= 2:
        listed = items_after(text, right + 1, value)  # “九个坚持”，即坚持A、坚持B…
    kind = "list_count" if listed else "name"
    ex.emit(start, right, value, "", "exact", kind, "quoted", listed=listed, listed_open=open_)
    return True


def _ones(ex, pos: int, items: list[str]) -> None:
    """The items of a “六个一” (一个平台, 一支基金): each a count of one, not an article;
    一批 among them stays a word."""
    text = ex.text
    for item in items:
        at = text.find(item, pos)
        if at < 0:
            return
        pos = at + len(item)
        unit = ex.v.units_re.match(text, at + 1) if item.startswith("一") else None
        if unit and unit.group() in ex.v.article and unit.group() not in ("批", "系列") and ex.free(at, unit.end()):
            ex.emit(at, unit.end(), 1, unit.group(), "exact", ex.kinds.of(at, unit.end(), unit.group(), 1)[0], "one_each")


_PAIR = regex(r"([^，,；;。：:、“”\n]{2,20})(?:和|与|及)([^，,；;。：:、“”\n和与及]{2,20})\Z")



def _pair_before(text: str, end: int) -> list[str]:
    """The two items of `A和B` right before `end`, each a phrase of 2 to 20 characters."""
    m = _PAIR.search(text, max(0, end - 44), end)
    return [m.group(1), m.group(2)] if m else []


# “改造传统产业、培育新兴产业、布局未来产业”三线并进, “债务重组、…、金融创新”五措并举
_AFTER_QUOTE = regex(r"”([两二三四五六七八九十])([\u4e00-\u9fff])")
_AFTER_LIST = regex(r"(两)(手)(?=发力|并用|抓|齐抓)")  # the one such word a list precedes unquoted
_CN = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def counted_quotations(ex) -> None:
    """A quoted list followed by its count and a one-character noun (三线, 五措, 两手): a list
    count of the quoted items, when they are as many as the number says."""
    text = ex.text
    for m in _AFTER_QUOTE.finditer(text):
        s, e = m.start(1), m.end(2)
        if not ex.free(s, e):
            continue
        opening = text.rfind("“", max(0, m.start() - 80), m.start())
        if opening < 0:
            continue
        inside = text[opening + 1:m.start()]
        items = [i for i in split_items(inside) if i]  # A、B和C: three
        if len(items) == 1 and len(inside) == _CN[m.group(1)] >= (2 if m.group(2) == "字" else 3) and all(
                "\u4e00" <= c <= "\u9fff" and c not in _CN and c not in "一十百千万" for c in inside):
            items = list(inside)  # “水地煤油气风光电氢硅”十篇大文章, “人民”二字: one-character items
        if len(items) == _CN[m.group(1)] and all(len(i) <= 12 for i in items):
            ex.emit(s, e, _CN[m.group(1)], "", "exact", "list_count", "quoted_list", listed=items)  # “四难”: no unit
    for m in _AFTER_LIST.finditer(text):  # 政府、市场两手发力: the same without quotation marks
        s, e = m.start(1), m.end(2)
        if not ex.free(s, e):
            continue
        items, open_ = enumeration_before(text, s)
        if not items:  # “A”和“B”两手并用
            seg = text[max(0, s - 44):s]
            items = _pair_before(seg.replace("“", "").replace("”", ""), len(seg.replace("“", "").replace("”", "")))
        if not open_ and len(items) == _CN[m.group(1)] and all(len(i) <= 20 for i in items):
            ex.emit(s, e, _CN[m.group(1)], "", "exact", "list_count", "listed_pair", listed=items)


_NUMERALS = regex(r"[0-9０-９〇零一二两三四五六七八九十百千万亿]+")
_N_ONES = regex(r"[两二三四五六七八九十]+个一\Z")  # “六个一”, “三个一”: N things, one of each
_COLON_SOON = regex(r"[\u4e00-\u9fff]{0,5}(?=[：:])")  # “六个一”全覆盖：
