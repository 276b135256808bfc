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

from ..extract.vocabulary import vocabulary
from ..rules import load_rules
from ..text.document import Document

_CLAUSE = re.compile(r"[，,；;：:]")
_OF_WHICH = re.compile(r"其中")
# A stated total: 共计/合计/总计/总共/共有, or 共 right before its number (共31场); never 共 inside a
# word (公共, 共同, 共建) nor 累计 (a running total since some year, not the sum of the parts).
_TOTAL = re.compile(r"(共计|合计|总计|总共|共有|(?<![公一总])共(?=[约近超逾]?[0-9０-９一二三四五六七八九十两百千]))")
# Rates of handling the counted items, which the counts before them may reproduce; any other
# rate (覆盖率, 普及率, 转化率, 贡献率 …) rests on a base the report does not print.
_HANDLING_RATE = re.compile(r"(满意率|办结率|答复率|采纳率|采用率|立案率|见面率|落实率|解决率|办复率|通过率|完成率)")
# Units that do not add up: a part of a rate is no rate, an age is a threshold, 倍 a ratio.
_NOT_ADDITIVE = ("%", "‰", "‱", "个百分点", "百分点", "岁", "倍", "成")
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
    """Claims grouped by sentence, in text order, each with the words that lead to it; the
    starting point of a change (由11.37万亿元增至…) is no part, whole or base of anything."""
    from ..claims.measures import horizons
    from ..extract.extraction import extract
    ms = [m for m in extract(doc) if m.start in {c["start"] for c in claims}]
    starting = {s for s, h in horizons(doc, ms).items() if h == "from"}
    groups: dict[int, list[dict]] = {}
    for c in sorted(claims, key=lambda c: c["start"]):
        if c["start"] in starting:
            continue
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
    from ..text.parts import parts_of
    reviewed = parts_of(doc).reviewed_year
    out: list[dict] = []
    for sent in sentences_of(doc, claims):
        out += _parts_and_wholes(sent) + _rates(sent) + _totals(sent) + _changes(sent, reviewed)
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


def _per_something(c: dict) -> bool:
    """每千人6.5批次, 人均…: a rate per head, not an amount that has parts."""
    return bool(re.search(r"(每[^，,；;。]{0,4}|人均|平均)$", c["_clause"]))


def _parts_and_wholes(sent: list[dict]) -> list[dict]:
    out = []
    i = 0
    while i < len(sent):
        c = sent[i]
        if c["kind"] == "list_count" or c["unit"] in _NOT_ADDITIVE or _per_something(c):
            i += 1
            continue
        if _OF_WHICH.search(c["_clause"]):
            whole = _before_same_unit(sent, i, skip_parts=True)
            parts = [c]
            while i + 1 < len(sent) and sent[i + 1]["unit"] == c["unit"] and sent[i + 1]["_lead"].startswith("、") \
                    and not _TOTAL.search(sent[i + 1]["_clause"]):
                i += 1
                parts.append(sent[i])
            if whole is not None and not _per_something(whole) and whole["kind"] == c["kind"]:
                ids = [p["id"] for p in parts]
                rel = {"id": f"{parts[0]['id']}.of_whole", "type": "part_whole",
                       "part": ids if len(ids) > 1 else ids[0], "whole": whole["id"]}
                if len(ids) == 1:
                    rel["rate"] = {"id": f"{ids[0]}.share", "en": "share of the whole the text names before it"}
                out.append(rel)
        elif _subset_verb(c["_clause"]) and not _CHANGE.search(c["_lead"]):
            whole = _before_same_unit(sent, i, skip_parts=True)
            # 收到提案1551件，立案1364件: the part selects from the number before it only when it
            # counts nothing of its own (its noun is the whole's, with the verb that selects)
            if whole is not None and not _subset_verb(whole["_clause"]) and _selects_from(c, whole):
                out.append({"id": f"{c['id']}.of_whole", "type": "part_whole", "part": c["id"], "whole": whole["id"],
                            "rate": {"id": f"{c['id']}.share", "en": "share of the whole the text names before it"}})
        i += 1
    return out


def _selects_from(part: dict, whole: dict) -> bool:
    """被采用177篇 after 报送…800余篇: the part's noun is the whole's (or it names none)."""
    noun, whole_noun = str(part.get("noun") or ""), str(whole.get("noun") or "")
    verb = _subset_verb(part["_clause"]) or ""
    own = re.sub(r"[经审查被已均共计累计]", "", part["_clause"].replace(verb, "")).strip()
    return not own or noun.startswith(whole_noun) or (bool(whole_noun) and whole_noun in own)


def _rates(sent: list[dict]) -> list[dict]:
    """A rate of handling (满意率, 立案率 …) beside the counts it may rest on: the counts of
    the sentence before it, or those its own words name (投资完成率 rests on no count of projects)."""
    out = []
    for i, c in enumerate(sent):
        if c["unit"] != "%" or c["kind"] == "target" or c["qualifier"] != "exact":
            continue
        rate = _HANDLING_RATE.search(c["_clause"])
        if rate is None or _CHANGE.search(c["_lead"]):
            continue
        own = re.sub(r"(达到?|为|均|分别|保持|稳定在|提高到|提升到)", "", c["_clause"][:rate.start()])
        bases = [b for b in sent[:i] if _count_unit(b["unit"]) and b["kind"] == "metric" and b["unit"] not in _NOT_ADDITIVE]
        if own:
            bases = [b for b in bases if own in str(b.get("noun") or "") or own in b["_clause"]]
        if bases:
            out.append({"id": f"{c['id']}.reproducible", "type": "stated_rate", "rate": c["id"],
                        "bases": [b["id"] for b in bases]})
    return out


def _totals(sent: list[dict]) -> list[dict]:
    """A12场、B9场、C8场，共计31场: the parts are the numbers of the total's unit listed with
    、 right before the total's clause, each in its own item; nothing else is summed."""
    out = []
    for i, c in enumerate(sent):
        if not _TOTAL.search(c["_clause"]) or c["kind"] == "list_count" or c["unit"] in _NOT_ADDITIVE:
            continue
        parts: list[dict] = []
        for j in range(i - 1, -1, -1):
            p = sent[j]
            if p["unit"] != c["unit"] or p["kind"] != c["kind"] or _TOTAL.search(p["_clause"]):
                break
            parts.insert(0, p)
            if not re.fullmatch(r"、[^，,；;：:。、]{0,16}", p["_lead"]):
                break  # the first item: led by the clause, not by 、
        # the parts stand in the clause (or clauses) right before the total, with nothing else between
        if len(parts) >= 2 and all(re.fullmatch(r"、[^，,；;：:。、]{0,16}", p["_lead"]) for p in parts[1:]) \
                and re.fullmatch(r"[，,；;]?[^，,；;：:。]{0,12}", c["_lead"]):
            out.append({"id": f"{c['id']}.sum_of_parts", "type": "sum", "parts": [p["id"] for p in parts],
                        "whole": c["id"]})
    return out


def _changes(sent: list[dict], reviewed_year: int | None = None) -> list[dict]:
    """较上年增加67件, 比上年增长3.1%, 较2024年提高0.5个百分点: a change against the year
    before the reviewed one (a change against 2020 spans a plan period: not last year)."""
    from ..claims.measures import indicator
    out = []
    for i, c in enumerate(sent):
        m = _CHANGE.search(c["_lead"])
        if not m or i == 0:
            continue
        year = re.match(r"(20[0-9]{2})年", m.group(2) or "")
        if year and (reviewed_year is None or int(year.group(1)) != reviewed_year - 1):
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
        rel = {"id": f"{c['id']}.vs_base", "type": "change_vs_base", "claim": target["id"], "change": c["id"],
               "mode": "pp" if pp else "pct" if pct else "abs", "sign": 1 if m.group(5) in _UP else -1}
        ind = indicator(str(target["id"]).split(".")[0])
        if pct and ind is not None and ind.real:
            rel["real"] = True  # growth at comparable prices: nominal levels do not give it
        out.append(rel)
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
