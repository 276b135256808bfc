"""Relations a report states between its own numbers, read from the text.

`data/claims/relations.yml` declares relations for last year's claim ids; next year's report
states new ones in new sentences. These rules read them from the claims of one sentence, as
reports of this genre write them:

- a part and its whole: 其中 introduces parts of the number before it; 被采用/采纳/立案/办结 …
  select a part of the number before with the same unit (收到1551件，立案1364件);
- a printed rate beside the counts it may stand on (满意率98.16% after 1551件, 1364件);
- parts and a stated total (A12场、B9场、C8场，共计31场);
- a change against last year (较上年增加67件, 提高0.37个百分点, 同比增长5%).

List counts are read by the extractor and checked for every list_count claim. Each proposal
is a hypothesis with `origin: auto`: the check decides, and a declared relation about the
same claims wins over a proposed one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .numbers import vocabulary
from .rules import load_rules
from .text import Document

_CLAUSE = re.compile(r"[，,；;：:]")
_OF_WHICH = re.compile(r"其中")
_TOTAL = re.compile(r"(共计|合计|总计|总共|累计|共有|共)")
_CHANGE = re.compile(r"(较|比|同比|与)(上年|去年|上一年|上年度|20[0-9]{2}年)?(同期)?(相比)?[，,]?"
                     r"(增加|减少|增长|下降|提高|降低|上升|多|少)了?(约|近|超过|超)?$")
_UP = ("增加", "增长", "提高", "上升", "多")
_RATE_NOUN = re.compile(r"率")


@lru_cache(maxsize=1)
def subset_verbs() -> tuple[str, ...]:
    return tuple(sorted(load_rules("subjects")["subset_verbs"], key=len, reverse=True))


def _count_unit(unit: str) -> bool:
    return vocabulary().unit_class.get(unit) == "count" and unit != "倍"


def sentences_of(doc: Document, claims: list[dict]) -> list[list[dict]]:
    """Claims grouped by sentence, in text order, each with the words that lead to it."""
    groups: dict[int, list[dict]] = {}
    for c in sorted(claims, key=lambda c: c["start"]):
        s = doc.sentence_at(c["start"])
        groups.setdefault(s.start if s else -c["start"], []).append(c)
    out = []
    for key, cs in groups.items():
        pos = key if key >= 0 else cs[0]["start"]
        for c in cs:
            c["_lead"] = re.sub(r"\s+", "", doc.text[pos:c["start"]])
            c["_clause"] = _CLAUSE.split(c["_lead"])[-1]
            pos = c["end"]
        out.append(cs)
    return out


def _subset_verb(clause: str) -> str | None:
    return next((v for v in subset_verbs() if v in clause[-8:]), None)


def propose(doc: Document, claims: list[dict]) -> list[dict]:
    """Relations the text states, in relations.yml's shape, each with origin auto."""
    out: list[dict] = []
    for sent in sentences_of(doc, claims):
        out += _parts_and_wholes(sent) + _rates(sent) + _totals(sent) + _changes(sent)
    for c in claims:
        c.pop("_lead", None)
        c.pop("_clause", None)
    for r in out:
        r["origin"] = "auto"
    return out


def _before_same_unit(sent: list[dict], i: int, *, skip_parts: bool = False) -> dict | None:
    for j in range(i - 1, -1, -1):
        c = sent[j]
        if c["unit"] == sent[i]["unit"] and c["kind"] != "list_count":
            if skip_parts and _OF_WHICH.search(c["_clause"]):
                continue
            return c
    return None


def _parts_and_wholes(sent: list[dict]) -> list[dict]:
    out = []
    i = 0
    while i < len(sent):
        c = sent[i]
        if c["kind"] == "list_count" or c["unit"] in ("%", "‰", "个百分点", "百分点"):
            i += 1
            continue
        if _OF_WHICH.search(c["_clause"]):
            whole = _before_same_unit(sent, i, skip_parts=True)
            parts = [c]
            while i + 1 < len(sent) and sent[i + 1]["unit"] == c["unit"] and sent[i + 1]["_lead"].startswith("、") \
                    and not _TOTAL.search(sent[i + 1]["_clause"]):
                i += 1
                parts.append(sent[i])
            if whole is not None:
                ids = [p["id"] for p in parts]
                rel = {"id": f"{parts[0]['id']}.of_whole", "type": "part_whole",
                       "part": ids if len(ids) > 1 else ids[0], "whole": whole["id"]}
                if len(ids) == 1:
                    rel["rate"] = {"id": f"{ids[0]}.share", "en": "share of the whole the text names before it"}
                out.append(rel)
        elif _subset_verb(c["_clause"]) and not _CHANGE.search(c["_lead"]):
            whole = _before_same_unit(sent, i, skip_parts=True)
            if whole is not None and not _subset_verb(whole["_clause"]):
                out.append({"id": f"{c['id']}.of_whole", "type": "part_whole", "part": c["id"], "whole": whole["id"],
                            "rate": {"id": f"{c['id']}.share", "en": "share of the whole the text names before it"}})
        i += 1
    return out


def _rates(sent: list[dict]) -> list[dict]:
    out = []
    for i, c in enumerate(sent):
        if c["unit"] != "%" or c["kind"] == "target" or not (_RATE_NOUN.search(c.get("noun") or "")
                                                             or _RATE_NOUN.search(c["_clause"])):
            continue
        if _CHANGE.search(c["_lead"]):
            continue
        bases = [b["id"] for b in sent[:i] if _count_unit(b["unit"]) and b["kind"] == "metric"]
        if bases:
            out.append({"id": f"{c['id']}.reproducible", "type": "stated_rate", "rate": c["id"], "bases": bases})
    return out


def _totals(sent: list[dict]) -> list[dict]:
    out = []
    start = 0
    for i, c in enumerate(sent):
        if not _TOTAL.search(c["_clause"]) or c["kind"] == "list_count":
            continue
        parts = [p for p in sent[start:i] if p["unit"] == c["unit"] and p["kind"] == c["kind"]]
        start = i + 1
        if len(parts) >= 2:
            out.append({"id": f"{c['id']}.sum_of_parts", "type": "sum", "parts": [p["id"] for p in parts],
                        "whole": c["id"]})
    return out


def _changes(sent: list[dict]) -> list[dict]:
    out = []
    for i, c in enumerate(sent):
        m = _CHANGE.search(c["_lead"])
        if not m or i == 0:
            continue
        pp = c["unit"] in ("个百分点", "百分点")
        pct = c["unit"] == "%" and not pp
        target = None
        for j in range(i - 1, -1, -1):
            o = sent[j]
            if pp and o["unit"] == "%" or pct and o["unit"] not in ("%", "个百分点", "百分点") \
                    or not pp and not pct and o["unit"] == c["unit"]:
                target = o
                break
        if target is None:
            continue
        out.append({"id": f"{c['id']}.vs_base", "type": "change_vs_base", "claim": target["id"], "change": c["id"],
                    "mode": "pp" if pp else "pct" if pct else "abs",
                    "sign": 1 if m.group(5) in _UP else -1})
    return out


def relation_key(rel: dict) -> tuple:
    """What a relation is about, so that a declared one replaces a proposed one."""
    t = rel["type"]
    if t == "part_whole":
        return t, tuple(rel["part"]) if isinstance(rel["part"], list) else (rel["part"],)
    if t == "stated_rate":
        return t, (rel["rate"],)
    if t == "sum":
        return t, (rel.get("whole") or tuple(rel["parts"]),)
    if t == "change_vs_base":
        return t, (rel["change"],)
    return t, (rel["id"],)


def merge(declared: list[dict], proposed: list[dict]) -> list[dict]:
    """Declared relations (curated) first; a proposal about the same claims is dropped."""
    for r in declared:
        r.setdefault("origin", "declared")
    keys = {relation_key(r) for r in declared}
    ids = {r["id"] for r in declared}
    out = list(declared)
    for r in proposed:
        if relation_key(r) in keys or r["id"] in ids:
            continue
        keys.add(relation_key(r))
        ids.add(r["id"])
        out.append(r)
    return out
