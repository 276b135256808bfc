"""List counts: a stated count against the items listed beside it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..extract.mention import LIST_SEP
from .findings import Finding, q_en, say


_ITEM_OK = re.compile(r"^[\u4e00-\u9fff“”·\-A-Za-z0-9（）()]{1,16}$")
_HEADING_ITEM = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_NUMERAL_IN = re.compile(r"[0-9０-９一二两三四五六七八九十]+(?:个|项|名|家|省市|市|地|级|类|条)")


def clean_items(items: list[str], head: str = "") -> tuple[list[str], bool]:
    """The items of an enumeration, and whether they are really the things counted.

    The verbs that lead the first item are not part of it (围绕制定开发区条例 → 开发区条例);
    an item after the count is cut at the counted noun (…机制改革架起了… → …机制改革). The
    items are sound when each is a short name: a phrase that opens with a verb or an adverb
    of action (加大品牌推广力度) summarises, a phrase with a number of its own is a clause,
    and then the rule cannot tell whether the count and the list disagree."""
    from ..claims.subjects import is_action, strip_leading_verbs

    if not items:
        return [], False
    if all(_HEADING_ITEM.match(i) for i in items):
        return items, True  # 以下六个方面 followed by the (一)…(六) headings
    out = list(items)
    if head and len(head) >= 2 and all(head[-2:] in i for i in out):
        out = [i[:i.index(head[-2:]) + 2] for i in out]
    out[0] = strip_leading_verbs(out[0], out[1:]) or out[0]
    sound = all(_ITEM_OK.match(i) and not is_action(i) and not _NUMERAL_IN.search(i) for i in out)
    if sound:
        lens = sorted(len(i) for i in out)
        sound = lens[-1] <= max(8, 3 * lens[0])
    return (out, True) if sound else (items, False)


_COUNT_IN_ITEM = re.compile(r"[0-9０-９一二两三四五六七八九十百千万]+(?:大|个|项|条|类|种|家|所|座|级|批)")


@lru_cache(maxsize=4096)
def _has_verb(phrase: str) -> bool:
    """Whether a phrase holds a verb of action (广州、深圳援助梅州建设4个小镇: the last 'item'
    runs into the clause that counts something else)."""
    import jieba.posseg as pseg

    from ..claims.subjects import vocab
    if _CLAUSE_VERBS.search(phrase):
        return True
    nominal = vocab().nominal
    return any(flag.startswith("v") and len(w) > 1 and w not in nominal for w, flag in pseg.cut(phrase, HMM=False))


# verbs the segmenter does not know as such, which carry a list's last 'item' into a clause
_CLAUSE_VERBS = re.compile(r"(连跨|跨上|迈上|跨越|突破|达到|实现|完成|建成|新增|援助|支持|带动|提出|获评|入选)")


def name_like(items: list[str], places: str = "") -> bool:
    """The items are names of the counted things, right before or after the count: two
    characters or more (or the one-character abbreviations of places: 川渝两地), short, of
    like length, no count of their own, and the last one does not run into a clause."""
    lens = [len(i) for i in items]
    if items and places and all(len(i) == 1 and i in places for i in items):
        return True
    return (bool(items) and min(lens) >= 2 and max(lens) <= 12 and max(lens) <= max(6, 3 * min(lens))
            and not any(_COUNT_IN_ITEM.search(i) or "“" in i or "”" in i for i in items) and _ends_clean(items))


def _ends_clean(items: list[str]) -> bool:
    """The last item is an item, not the start of the clause that counts something else
    (广州、深圳援助梅州建设4个小镇; 人民币存款、贷款余额连跨4个万亿元台阶)."""
    if len(items) < 2:
        return True
    last, longest = len(items[-1]), max(len(i) for i in items[:-1])
    return last <= longest + 2 and not (last > longest and _has_verb(items[-1]))


def _readings(items: list[str], sentence: str) -> set[int]:
    """How many items a list may have: 航空航天与低空经济 may be one item or two."""
    out = {len(items)}
    if len(items) >= 2 and re.search(re.escape(items[-2]) + r"(和|与|及|以及)" + re.escape(items[-1]), sentence):
        out.add(len(items) - 1)
    return out


def check_list_count(claim: dict) -> Finding:
    """A stated count against the items listed beside it (等 makes the list a lower bound).
    Only items that are really the enumeration's, named right beside a count of listed
    things (个, 项, 方面 …), can contradict the count; phrases that may summarise them are
    worth a look; anything looser cannot be checked."""
    from ..extract.vocabulary import vocabulary

    raw = [i for i in str(claim.get("listed") or "").split(LIST_SEP) if i]
    items, sound = clean_items(raw, str(claim.get("noun") or ""))
    n, m = float(claim["value"]), len(items)
    open_ = str(claim.get("listed_open")).lower() == "true"
    readings = _readings(items, str(claim.get("sentence") or ""))
    agree = any((k <= n) if open_ else (k == n) for k in readings)
    countable = claim["unit"] in vocabulary().list_units and claim.get("qualifier") in ("exact", None, "")
    headings = bool(items) and all(_HEADING_ITEM.match(i) for i in items)
    near = abs(n - m) <= max(2, m / 2)  # 56个 beside two names lists examples, not the 56
    places = vocabulary().places if claim["unit"] in vocabulary().place_units else ""
    if not items or not countable:
        rating = "cannot_check"
    elif sound and (headings or name_like(items, places)) and (agree or near):
        rating = "consistent" if agree else "contradiction"
    # phrases of action (提升国际旅游吸引力, not 改造提升) may summarise what is counted: worth a look
    elif not agree and min(len(i) for i in items) >= 2 and max(len(i) for i in items) <= 16 \
            and not any(_COUNT_IN_ITEM.search(i) or "“" in i or "”" in i for i in items) \
            and all(is_action_phrase(i) and len(i) >= 6 for i in items) \
            and not (claim["unit"] in vocabulary().place_units and max(len(i) for i in items) > 2):
        rating = "worth_a_look"
    else:
        rating = "cannot_check"
    shown = "、".join(items)
    key = "consistent_open" if rating == "consistent" and open_ and m < n else rating
    zh, en = say("list_count", key, count=f"“{claim['surface']}”", count_en=f"“{claim['surface']}” ({q_en(claim)})",
                 listed=m, items=shown or "—")
    note = (f"{m} listed with 等: at least {m}" if open_ else f"{m} listed, list closed") + (
        "" if sound else "; the listed phrases may not be the counted items")
    return Finding(f"{claim['id']}.list", "list_count", rating, [claim["id"]],
                   [claim["id"]] if rating in ("contradiction", "worth_a_look") else [],
                   f"{claim['surface']} vs {m} listed", zh, en, computed=str(m),
                   formula="listed == stated (≤ with 等)", evidence=claim["sentence"], note=note, origin="auto")


def is_action_phrase(item: str) -> bool:
    from ..claims.subjects import is_action
    return is_action(item)
