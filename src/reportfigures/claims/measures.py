"""The standard indicators a number measures: `gdp.growth` whatever the wording.

Government work reports state the same indicators every year in other words (地区生产总值
增长5.3%, 全省生产总值增长, 经济增长). A number whose clause names one of them (the
vocabulary is rules/measures.yml) gets a measure: the indicator, the aspect (growth, a
change in points, a rate, a level) read from the words right before it, whether it covers
the year or several years, and whether it is a target. Its claim id is built from these
alone (`gdp.growth`, `gdp.growth.target`, `gdp.growth.period`), so next year's report gives
the same id to the same measure, and last year's target meets this year's result.

In comes a document and its claimable numbers; out comes a Measure per number that names an
indicator (the others get an automatic id from their counted noun, subjects.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..rules import load_rules

ASPECTS = ("growth", "change_pp", "rate", "share", "level")
_CLAUSE = re.compile(r"[，,；;：:。！!？?\n]")
MAX_GAP = 10  # characters between an indicator's name and its number (numbers removed)
_RATE_UNITS = ("%", "‰")
_PP_UNITS = ("个百分点", "百分点")


@dataclass(frozen=True)
class Indicator:
    id: str
    zh: str
    en: str
    aliases: tuple[str, ...]
    ceiling: bool = False
    real: bool = False
    nature: str = "level"  # level | rate | growth: what a per cent of it is
    units: tuple[str, ...] = ()  # the units of its level; empty: any


_CHANGE_WORDS = ("涨幅", "增速", "增幅", "增长率", "降幅")  # an indicator that names its own change


@dataclass(frozen=True)
class Measure:
    indicator: Indicator
    aspect: str  # growth | change_pp | rate | share | level
    sign: int  # -1 when the verb says the figure fell (下降2.5%)
    period: bool  # a figure of several years (年均, 五年累计, 十四五)
    target: bool

    @property
    def key(self) -> str:
        """The claim id this measure gives (before numbering repeats)."""
        return ".".join([self.indicator.id, self.aspect] + (["period"] if self.period else [])
                        + (["target"] if self.target else []))

    @property
    def result_key(self) -> str:
        """The id of the result that answers this target (the same measure, not a target)."""
        return ".".join([self.indicator.id, self.aspect] + (["period"] if self.period else []))

    def subject_zh(self) -> str:
        ind = self.indicator
        if self.aspect == "growth" and ind.nature == "growth":
            s = ind.zh  # 居民消费价格涨幅: the indicator is itself a change
            if self.sign < 0 and not ind.zh.endswith(_CHANGE_WORDS):
                s += "下降"  # 单位地区生产总值二氧化碳排放下降3.8%: drawn beside growths, the fall is named
        elif self.aspect == "growth":
            s = ind.zh + ("下降" if self.sign < 0 else "增长")
        elif self.aspect == "change_pp":
            s = ind.zh + "变化（百分点）"
        elif self.aspect == "share":
            s = ind.zh + "占比"
        else:
            s = ind.zh
        return ("期间" if self.period else "") + s

    def subject_en(self) -> str:
        ind = self.indicator
        if self.aspect == "growth" and ind.nature == "growth":
            s = f"fall in {ind.en}" if self.sign < 0 and not ind.zh.endswith(_CHANGE_WORDS) else ind.en
        elif self.aspect == "growth":
            s = f"{'decline' if self.sign < 0 else 'growth'} of {ind.en}"
        elif self.aspect == "change_pp":
            s = f"change in {ind.en} (percentage points)"
        elif self.aspect == "share":
            s = f"share of {ind.en}"
        else:
            s = ind.en
        return s + (" over the period" if self.period else "")


@dataclass(frozen=True)
class _Vocab:
    indicators: tuple[Indicator, ...]
    alias_re: re.Pattern
    by_alias: dict
    growth: re.Pattern
    decline: re.Pattern
    period: re.Pattern
    part_year: re.Pattern
    other_scope: re.Pattern
    scope_words: tuple[str, ...]
    period_openers: re.Pattern
    year_openers: re.Pattern
    period_sentence: re.Pattern
    stock: re.Pattern
    from_before: re.Pattern
    from_after: re.Pattern


@lru_cache(maxsize=1)
def vocabulary() -> _Vocab:
    r = load_rules("measures")
    inds = tuple(Indicator(d["id"], d["zh"], d["en"], tuple(d["aliases"]), bool(d.get("ceiling")), bool(d.get("real")),
                           d.get("nature", "level"), tuple(d.get("units") or ())) for d in r["indicators"])
    by_alias = {a: i for i in inds for a in i.aliases}
    alias_re = re.compile("|".join(re.escape(a) for a in sorted(by_alias, key=len, reverse=True)))
    return _Vocab(inds, alias_re, by_alias, re.compile(r["growth_words"]), re.compile(r["decline_words"]),
                  re.compile(r["period_words"]), re.compile(r["part_year_words"]), re.compile(r["other_scope_words"]),
                  tuple(sorted(r["scope_words"], key=len, reverse=True)), re.compile(r["period_openers"]),
                  re.compile(r["year_openers"]), re.compile(r["period_sentence_words"]), re.compile(r["stock_words"]), re.compile(r["from_before"]), re.compile(r["from_after"]))


def indicator(ind_id: str) -> Indicator | None:
    return next((i for i in vocabulary().indicators if i.id == ind_id), None)


def _aliases_in(s: str) -> list[tuple[int, int, Indicator]]:
    """Every indicator name in s, longest first at each place, not overlapping."""
    v = vocabulary()
    out = []
    pos = 0
    while pos < len(s):
        m = v.alias_re.search(s, pos)
        if not m:
            break
        out.append((m.start(), m.end(), v.by_alias[m.group()]))
        pos = m.end()
    return out


def _strip_numbers(s: str, spans: list[tuple[int, int]], offset: int) -> str:
    """s without the other numbers' surfaces (offsets relative to `offset`)."""
    keep, pos = [], 0
    for a, b in spans:
        a, b = a - offset, b - offset
        if b <= 0 or a >= len(s):
            continue
        keep.append(s[pos:max(a, 0)])
        pos = max(pos, b)
    keep.append(s[pos:])
    return "".join(keep)


_SEPARATORS = "、和及与并且"
_SHARE = re.compile(r"(占比|比重|占[^，,；;]{0,12}的?比?|所占)")


def _is_part(prefix: str) -> bool:
    """Whether the words right before an indicator's name make it a part of it
    (高技术产业实际使用外资, 对东盟进出口), not the whole (全年地区生产总值)."""
    v = vocabulary()
    p = prefix.rstrip()
    while p:
        if p[-1] in _SEPARATORS or not ("\u4e00" <= p[-1] <= "\u9fff"):
            return False
        w = next((w for w in v.scope_words if p.endswith(w)), None)
        if w is None:
            return True
        p = p[:-len(w)]
    return False


HORIZONS = ("year", "period", "from")


def horizon_of(text: str, m, clause_start: int, sentence_start: int, in_period_block: bool,
               reviewed_year: int | None = None) -> str:
    """Whether a number is a figure of the year (`year`), of several years (`period`: 年均,
    五年累计, a flow counted in a paragraph that reviews five years), or the starting point
    of a change (`from`: 由11.37万亿元增至…)."""
    v = vocabulary()
    before = text[clause_start:m.start]
    if v.from_before.search(before) and v.from_after.match(text, m.end):
        return "from"
    if _period(before, reviewed_year):
        return "period"
    if v.stock.search(before) or re.search(r"20[0-9]{2}年(?!以来)", before):
        return "year"  # a level reached (达到, 突破 …) is the level at the end of the year; 2024年… says which
    prefix = text[sentence_start:clause_start]
    if v.period_sentence.search(prefix) and not re.search(r"20[0-9]{2}年(?!以来)", prefix):
        return "period"
    return "period" if in_period_block else "year"


def measure_of(text: str, m, spans: list[tuple[int, int]], clause_start: int, sentence_start: int,
               reviewed_year: int | None = None, horizon: str = "year") -> Measure | None:
    """The measure of one number: the indicator named last before it in its clause, the
    aspect from the words between, its horizon from the clause and sentence."""
    v = vocabulary()
    clause = text[clause_start:m.start]
    names = _aliases_in(clause)
    if not names:
        return None
    a, b, ind = names[-1]
    between_raw = clause[b:]
    between = _strip_numbers(between_raw, [s for s in spans if s[0] >= clause_start + b and s[1] <= m.start],
                             clause_start + b).rstrip(_SEPARATORS + " ")
    if len(between) > MAX_GAP or v.other_scope.search(between) or v.other_scope.search(clause[max(0, a - 4):a]):
        return None
    split = _distributed(clause, names, m, spans, clause_start)
    if split is not None:
        ind = split
    elif _is_part(clause[:a]):
        return None
    if v.part_year.search(clause):
        return None
    grows = bool(v.growth.search(between) or not between and v.growth.search(clause[a:b]))  # 经济增长5.7%
    if m.unit in _PP_UNITS:
        aspect = "change_pp"
    elif m.unit in _RATE_UNITS + ("倍",):
        if ind.nature == "growth" or grows:
            aspect = "growth"
        elif ind.nature == "rate":
            aspect = "rate"
        elif _SHARE.search(between):
            aspect = "share"
        else:
            return None  # a per cent of a level without a word saying what it is
    elif grows or ind.nature != "level" or (ind.units and m.unit not in ind.units):
        return None  # 增加3000亿元, 跨过3个台阶: told apart by nothing stable
    else:
        aspect = "level"
    sign = -1 if aspect in ("growth", "change_pp") and v.decline.search(between + clause[a:b]) else 1
    if horizon == "from":
        return None
    return Measure(ind, aspect, sign, horizon == "period", m.kind == "target")


def _period(clause: str, reviewed_year: int | None) -> bool:
    """Whether a clause speaks of several years: 年均, 五年累计, and a change against a year
    other than the last one (较2020年下降11.7%)."""
    v = vocabulary()
    for x in v.period.finditer(clause):
        y = re.match(r"[较比](20[0-9]{2})年", x.group())
        if y and reviewed_year is not None and int(y.group(1)) >= reviewed_year - 1:
            continue  # 较2024年 in the report on 2025: the year before, not a period
        return True
    return False


def _named_whole(s: str, own: int = 10 ** 6) -> Indicator | None:
    """The indicator a phrase names at its very end (城镇常住居民人均可支配收入), its name
    beginning within the first `own` characters (the item's own words), or None."""
    found = _aliases_in(s)
    return found[-1][2] if found and found[-1][1] == len(s) and found[-1][0] < own else None


def _distributed(clause: str, names, m, spans, clause_start: int) -> Indicator | None:
    """城镇、农村常住居民人均可支配收入分别增长4.4%、5.9%: the i-th number takes the i-th
    item joined to the name the items share (常住居民人均可支配收入)."""
    at = clause.rfind("分别")
    if at < 0:
        return None
    items = re.split(r"[、和及与]", clause[:at])
    if len(items) < 2:
        return None
    i = len([s for s in spans if s[0] >= clause_start + at and s[1] <= m.start])
    if i >= len(items):
        return None
    last = items[-1]
    for k in range(1, len(last) + 1):  # where the last item's own name ends and the shared name begins
        tail = last[k:]
        first, mine = items[0][-12:], items[i][-12:]
        if _named_whole(last[:k] + tail, k) and _named_whole(first + tail, len(first)):
            return _named_whole(mine + tail, len(mine))
    return None


def _starts(doc, m) -> tuple[int, int]:
    """Where the number's clause and sentence start."""
    sent = doc.sentence_at(m.start)
    s_start = sent.start if sent else max(0, m.start - 60)
    cut = [c.end() for c in _CLAUSE.finditer(doc.text, s_start, m.start)]
    return (cut[-1] if cut else s_start), s_start


def period_paragraphs(doc) -> set[int]:
    """Start offsets of the paragraphs that review several years: from a paragraph that
    opens on the period (五年来, 这是…的五年) until one opens on a single year or a heading."""
    v = vocabulary()
    out, inside = set(), False
    for p in doc.paragraphs:
        if v.period_openers.match(doc.text, p.start):
            inside = True
        elif v.year_openers.match(doc.text, p.start):
            inside = False
        if inside:
            out.add(p.start)
    return out


def horizons(doc, mentions: list, reviewed_year: int | None = None) -> dict[int, str]:
    """The horizon of every number (year, period or from), by start offset."""
    block = period_paragraphs(doc)
    out = {}
    for m in mentions:
        para = doc.paragraph_at(m.start)
        out[m.start] = horizon_of(doc.text, m, *_starts(doc, m), bool(para and para.start in block), reviewed_year)
    return out


_NEW = re.compile(r"(新增|新建|新开工|新开通|新引进|新认定|新设|新培育|新创建|新获批|新招引|新签约|新落地|新入选|新发布|净增)")


def stances(doc, mentions: list) -> dict[int, str]:
    """Whether each number is a level reached (`stock`: 达到195个), an amount added (`new`:
    新增10个) or neither (""): the two are never one measure from year to year."""
    v = vocabulary()
    out = {}
    for m in mentions:
        c_start, _ = _starts(doc, m)
        before = doc.text[c_start:m.start]
        out[m.start] = "stock" if v.stock.search(before) else "new" if _NEW.search(before) else ""
    return out


def measures(doc, mentions: list, reviewed_year: int | None = None,
             found_horizons: dict[int, str] | None = None) -> dict[int, Measure]:
    """The measure of every claimable number that names an indicator, by start offset."""
    text = doc.text
    spans = sorted((x.start, x.end) for x in mentions)
    hz = found_horizons if found_horizons is not None else horizons(doc, mentions, reviewed_year)
    out = {}
    for m in mentions:
        c_start, s_start = _starts(doc, m)
        meas = measure_of(text, m, spans, c_start, s_start, reviewed_year, hz.get(m.start, "year"))
        if meas is not None:
            out[m.start] = meas
    return out


def measure_ids(found: dict[int, Measure], taken: set[str] = frozenset()) -> dict[int, str]:
    """Claim ids from measures, in text order: the first of a measure takes its key, a
    repeat gets _2, _3 (the first statement is the headline one in this genre)."""
    seen: dict[str, int] = {}
    used = set(taken)
    out = {}
    for start in sorted(found):
        key = found[start].key
        n = seen[key] = seen.get(key, 0) + 1
        cid = key
        if n > 1 or key in used:
            k = n + (key in taken)
            while f"{key}_{k}" in used:  # last year's claim may hold the numbered id already
                k += 1
            cid = f"{key}_{k}"
        used.add(cid)
        out[start] = cid
    return out


def base_key(cid: str) -> str:
    """gdp.growth_2 → gdp.growth: the measure a numbered id repeats."""
    return re.sub(r"_[0-9]+$", "", cid)
