"""The lists a count counts: items before it (甲、乙、丙等3个) or clauses after it (3项改革，…).

Every look-around is bounded: LIST_WINDOW characters back to the start of a list, LIST_CLAUSES
clauses forward. A number's cost is then constant whatever the length of its sentence, where
an unbounded search made a long text without 。 quadratic.
"""

from __future__ import annotations

import re

from ..rules import regex

LIST_WINDOW = 400  # characters from a count back to the clause that holds its list
LIST_CLAUSES = 20  # clauses after a count that may name its items
LIST_AFTER_CHARS = 1200  # characters after a count that those clauses may fill
BREAK_CHARS = "，,；;。！!？?：:\n"  # a line end too: a heading (二、) opens no item
CLAUSE_BREAK = regex(f"[{BREAK_CHARS}]")
_LAST_BREAK = regex(f"[{BREAK_CHARS}][^{BREAK_CHARS}]*\\Z")
# 和, 及, 与 join the last two items (not first in the text), unless they are inside a word
# (涉及, 普及, 和谐, 参与); each word first, so that the engine looks for its character
_JOIN_WORD = (r"(?:以及(?<=...)|和(?<=..)(?<![平温共祥调总]和)(?![谐平美睦])|及(?<=..)(?<![涉普惠危波顾论触遍以]及)(?![时早其])"
              r"|与(?<=..)(?<![参给赋]与)(?!会))")
_ITEM_SPLIT = regex(r"、|" + _JOIN_WORD + r"(?=.)")
_AND = regex(_JOIN_WORD + r"(?=.)")
_JOINERS = ("、", "和", "及", "与", "以及")
_NUMERAL_CHARS = "0-9０-９〇零一二两三四五六七八九十百千万亿"


def clause_start(text: str, floor: int, end: int) -> int:
    """Just after the last clause break in text[floor:end] (callers bound floor: LIST_WINDOW)."""
    m = _LAST_BREAK.search(text, floor, end)
    return m.start() + 1 if m else floor


def counted_re(units: tuple[str, ...], times: frozenset = frozenset()) -> re.Pattern:
    """An item that ends in a count (视察13次), or opens with one (培养引进10名战略科学家,
    新建3个产业园), belongs to a list of counts: the number after it is one more item, not
    the count of the list. Dates (2024年) inside an item do not count."""
    alt = "|".join(map(re.escape, units))
    counts = "|".join(map(re.escape, [u for u in units if u not in times and u not in ("号", "届", "级", "期")]))
    return regex(rf"[{_NUMERAL_CHARS}]+[余多]?(?:{alt})$"
                      rf"|^[^0-9０-９]{{0,12}}(?<![0-9０-９.．])[0-9０-９]+(?:[.．][0-9０-９]+)?[余多]?[万亿]?(?:{counts})")


def enumeration_before(text: str, end: int, floor: int = 0, counted: re.Pattern | None = None,
                       lead_in: re.Pattern | None = None) -> tuple[list[str], bool]:
    """Items listed right before `end` ("A、B、C等" or "A、B和C"), and whether 等 closes them.

    `counted` finds an item that is itself a count (the list is of counts, not of things);
    `lead_in` finds the words that open the clause before its first item (党组牵头推进A、B)."""
    lo = max(floor, end - LIST_WINDOW)
    if text.find("、", lo, end) < 0 and not _AND.search(text, lo, end) and text.find("”“", lo, end) < 0:
        return [], False  # most numbers: no list anywhere before them
    start = clause_start(text, lo, end)
    if start == lo and lo > floor:
        return [], False  # the clause is longer than any list: no list ends here
    seg = text[start:end].rstrip(" \u3000").replace("”“", "”、“")  # “神武峡”“赤黄红”两大: two quoted items
    if seg.endswith(_JOINERS):
        return [], False  # A、B及十大赛事: the number opens an item of the list, it counts no list
    open_ = False
    for tail in ("等等", "等"):
        if seg.endswith(tail):
            seg, open_ = seg[: -len(tail)], True
            break
    if "、" not in seg and not _AND.search(seg):
        return [], False
    items = [re.sub(r"\s+", "", i) for i in split_items(seg) if i.strip()]
    if not items:
        return [], False  # 其中：、3项: separators and nothing between them
    if "、" not in seg and len(items[-1]) > 4:
        return [], False  # "A和B" lists short names (市和区县), not clauses
    if "等" in items[-1] or (counted and any(counted.search(i) for i in items)):
        return [], False  # the list ends earlier (…等组织3次) or lists counts (视察13次、通报15次)
    if lead_in is not None:
        items[0] = first_item(items[0], lead_in)
    return (items, open_) if len(items) >= 2 else ([], False)


def first_item(item: str, lead_in: re.Pattern) -> str:
    """The first item without the words that lead into the list: 党组和主席班子成员牵头推进
    委员履职数字化评价改革 → 委员履职数字化评价改革, 围绕乡村全面振兴 → 乡村全面振兴."""
    last = None
    for last in lead_in.finditer(item):
        pass
    return item[last.end():] if last is not None and last.end() < len(item) else item


def split_items(seg: str) -> list[str]:
    """A、B、C和D: 、 separates the items and 和/及/与 joins only the last two, so a 和 in the
    first item (党组和主席班子成员牵头推进A、B、C、D) stays inside it; and none when the items
    before are themselves pairs (基础设施与新兴产业、战略必争与民生必保、发展支撑与安全能力)."""
    if "、" not in seg:
        return _ITEM_SPLIT.split(seg)
    *head, last = seg.split("、")
    if any(_AND.search(h) for h in head):
        return head + [last]
    return head + _ITEM_SPLIT.split(last)


# what leads from a count to the items after it: a comma, 即, a colon (“三个全覆盖”：, 10种有色金属：),
# or a short noun then 即 (“九个坚持”重大原则，即…)
_AFTER_LEAD = regex(r"[\u4e00-\u9fff]{1,4}[，,](?:即|就是|包括)[：:]?|[，,]?(?:即|就是|包括|为|指)?[：:]?")
_BRACKETED = regex(r"（[^（）]*）|\([^()]*\)")
_DEFINED = regex(r"”(?:即|指|是)")  # “三级”即省、州、县: a definition, not an item


def items_after(text: str, pos: int, value: int) -> list[str]:
    """The items a count announces right after it (“三个全覆盖”：A、B、C。), when they are as
    many as it says: up to the first comma when 即, 包括 or a colon says they follow, or to the
    end of the sentence."""
    m = _AFTER_LEAD.match(text, pos)
    if m is None or m.end() == pos:
        return []
    stop = min([i for i in (text.find(c, m.end()) for c in "。；;\n") if i >= 0] or [len(text)])
    listed = _BRACKETED.sub("", text[m.end():stop])  # 129个县（市、区）全覆盖 is one item
    said = text[pos:m.end()].strip("，,") != ""
    for part in ((re.split(r"[，,]", listed)[0],) if said else ()) + (listed,):
        for sep in (r"[、，,]", r"[、，,]|和|及") if said else (r"[、，,]",):  # “三类”指A、B和C: three
            items = [i.strip() for i in re.split(sep, part) if i.strip()]
            if len(items) == value and all(len(i) <= 30 and not _DEFINED.search(i) for i in items):
                return items
    return []


def counted_noun_follows(text: str, end: int) -> bool:
    """"16个方面建议", "5项地方性法规": a noun says what the number counts."""
    return end < len(text) and "\u4e00" <= text[end] <= "\u9fff" and text[end] not in "的了等共在和及与"


def enumeration_after(text: str, start: int, head: str, limit: int) -> list[str]:
    """Following clauses that each name the counted thing ("3项改革，A改革…，B改革…")."""
    items: list[str] = []
    pos = start
    limit = min(limit, start + LIST_AFTER_CHARS)
    while pos < limit and len(items) < LIST_CLAUSES:
        m = CLAUSE_BREAK.search(text, pos, limit)
        stop = m.start() if m else limit
        clause = text[pos:stop]
        if head and head in clause:
            items.append(clause)
        else:
            break
        if not m or m.group() in "。！!？?":
            break
        pos = m.end()
    return items


def list_after(text: str, end: int, sent_end: int) -> list[str]:
    """3项改革，完善…改革…，川渝…改革…: the clauses after the number name the items."""
    m = CLAUSE_BREAK.search(text, end, min(sent_end, end + 13))
    if not m or m.group() not in "，,：:":
        return []
    phrase = text[end:m.start()]
    if not phrase or len(phrase) > 12 or re.search(r"[的了]", phrase):
        return []
    items = enumeration_after(text, m.end(), phrase[-2:], sent_end)
    return items if len(items) >= 2 else []
