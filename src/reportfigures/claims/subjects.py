"""What a number counts: its noun, its subject in the report's words, its theme, its claim id.

Next year's report states things last year's catalog never named (提交提案70余件, 78个重点
项目). Each such number still becomes a claim, with an id a reviewer can rely on from year to
year: built from the theme and the counted noun (`grassroots.auto.minsheng_wenti_jian`), not
from an offset or a counter, so a reworded sentence or a renumbered section keeps it. The
noun is found without a tagger: the noun right after the measure word, else the words after
the last verb of the clause, else the verb itself; the vocabulary is rules/subjects.yml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..rules import load_rules

_QUOTES = re.compile(r"[“”\"「」『』‘’《》]")
_NON_CJK = re.compile(r"[^\u4e00-\u9fff]")
_ID_PART = re.compile(r"[^a-z0-9_]")
UNIT_SLUG = {"%": "pct", "‰": "permille", "": "n"}
MAX_NOUN = 10


@dataclass(frozen=True)
class Subject:
    noun: str  # the counted noun, Chinese ("提案", "民生问题"); "" when none is printed
    verb: str  # the verb before it ("受理"), kept to tell apart 走访委员 and 培训委员
    subject_zh: str  # the number's own words, as a label a reader understands
    theme: str


@dataclass(frozen=True)
class _Vocab:
    verbs: tuple[str, ...]
    function: frozenset[str]
    stops: str
    persons: frozenset[str]
    subset_verbs: frozenset[str]
    adverbs: tuple[str, ...]
    nominal: frozenset[str]
    classifiers: frozenset[str]
    themes: tuple[tuple[str, tuple[str, ...]], ...]
    glossary: dict


@lru_cache(maxsize=1)
def vocab() -> _Vocab:
    r = load_rules("subjects")
    return _Vocab(tuple(sorted(r["verbs"], key=len, reverse=True)), frozenset(r["function_words"]),
                  r["noun_stops"], frozenset(r["person_nouns"]), frozenset(r["subset_verbs"]),
                  tuple(r["adverbs"]), frozenset(r["nominal_verbs"]), frozenset(r["classifiers"]),
                  tuple((t, tuple(ws)) for t, ws in r["themes"].items()), dict(r["glossary"]))


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.ERROR)
    jieba.dt.check_initialized()
    return jieba


def words(s: str) -> list[str]:
    return [w for w in _jieba().cut(s, HMM=False) if w.strip()]


def _strip_function(ws: list[str]) -> list[str]:
    v = vocab()
    while ws and (ws[0] in v.function or not _NON_CJK.sub("", ws[0])):
        ws = ws[1:]
    while ws and (ws[-1] in v.function or not _NON_CJK.sub("", ws[-1])):
        ws = ws[:-1]
    return ws


def _last_verb(ws: list[str]) -> int:
    """Index of the last word that is a verb of the genre, or -1."""
    v = vocab()
    return next((i for i in range(len(ws) - 1, -1, -1) if ws[i] in v.verbs), -1)


def _tail_words(ws: list[str], limit: int = MAX_NOUN) -> str:
    """The last whole words of a phrase, at most `limit` characters."""
    out = ""
    for w in reversed(ws):
        if out and len(out) + len(w) > limit:
            break
        out = w + out
    return out


def _head(s: str) -> str:
    """The head of a coordinated phrase: 市和区县政协委员 → 区县政协委员; A等B → B."""
    parts = [p for p in re.split(r"等方面|等|、|和|及|与", s) if len(p) >= 2]
    return parts[-1] if parts else s


def is_action(phrase: str) -> bool:
    """Whether a phrase opens with a verb or an adverb of action (加大品牌推广力度)."""
    v = vocab()
    ws = words(_QUOTES.sub("", phrase))
    return bool(ws) and (ws[0] in v.verbs or ws[0] in v.adverbs)


def strip_leading_verbs(phrase: str, others: list[str] = ()) -> str:
    """What leads an enumeration's first item and is not part of it: the verbs, adverbs and
    prepositions it opens with (围绕制定开发区条例 → 开发区条例), and, when it is far longer
    than the other items, the clause up to its last verb (党组和主席班子成员牵头推进委员履职
    数字化评价改革 → 委员履职数字化评价改革)."""
    v = vocab()
    ws = words(phrase)
    while len(ws) > 1 and (ws[0] in v.verbs or ws[0] in v.adverbs or ws[0] in v.function):
        ws = ws[1:]
    lens = sorted(len(o) for o in others)
    if lens and len("".join(ws)) >= 1.5 * lens[len(lens) // 2]:
        last = max((i for i, w in enumerate(ws[:-1]) if _is_verb(w)), default=-1)
        ws = ws[last + 1:]
    return "".join(ws)


def noun_after(after: str, unit: str = "个") -> str:
    """The noun right after a measure word (对78个重点项目推进情况… → 重点项目), or "" when
    the words after it are not a noun (组织委员近500人次分赴区县 counts 委员, not 区县)."""
    v = vocab()
    if unit not in v.classifiers:
        return ""
    s = _QUOTES.sub("", after)
    s = s[1:] if s.startswith("的") else s
    cut = next((i for i, c in enumerate(s) if c in v.stops), len(s))
    ws = words(s[:cut])
    if not ws or _is_verb(ws[0]) or ws[0] in v.adverbs:
        return ""
    k = next((i for i, w in enumerate(ws) if i > 0 and _is_verb(w)), len(ws))
    ws = words(_head("".join(ws[:k])))
    ws = _strip_function(ws)
    return _tail_words(ws) if ws else ""


def _is_verb(w: str) -> bool:
    """A verb of the genre that is not used as a noun (调研, 视察, 协商 … count as nouns)."""
    v = vocab()
    return w in v.verbs and w not in v.nominal


def noun_before(before: str) -> tuple[str, str]:
    """(noun, verb) of the words before a number: what follows the clause's last verb."""
    s = _QUOTES.sub("", before)
    s = re.split(r"[，,；;：:。！？!?]", s)[-1]
    s = re.split(r"等方面|等", s)[-1] if re.search(r"等.", s) else s
    if "、" in s:  # 国务院、全国政协领导批示: the last item carries the noun
        head, _, tail = s.rpartition("、")
        s = tail if len(tail) >= 2 else s
    ws = _strip_function(words(s))
    i = _last_verb(ws)
    if i == -1:
        return _tail_words(ws), ""
    return _tail_words(_strip_function(ws[i + 1:])), ws[i]


def clean_subject(before: str, after_noun: str) -> str:
    """The number's own words: its clause without time words, totals and qualifiers."""
    s = re.split(r"[，,；;：:。！？!?]", before)[-1]
    ws = _strip_function(words(s))
    text = "".join(ws)
    if after_noun:
        text = f"{text}…{after_noun}" if text else after_noun
    return text[-24:]


def infer_theme(*levels: str) -> str:
    """The theme whose keywords stand most often in the noun, else the subject, the
    sentence, the section title (ties go to the theme listed first); `other` when none."""
    for text in levels:
        if not text:
            continue
        hits = [(sum(text.count(k) for k in keys), -i, theme) for i, (theme, keys) in enumerate(vocab().themes)]
        best = max(hits)
        if best[0]:
            return best[2]
    return "other"


def slug(s: str) -> str:
    """Pinyin of a Chinese phrase, word by word: 民生问题 → minsheng_wenti."""
    from pypinyin import lazy_pinyin

    parts = []
    for w in words(s):
        p = _ID_PART.sub("", "".join(lazy_pinyin(w)).lower().replace("ü", "v"))
        if p:
            parts.append(p)
    return "_".join(parts)


def unit_slug(unit: str) -> str:
    return UNIT_SLUG.get(unit) or slug(unit) or "n"


def describe(contexts: dict[int, str], mentions: list, sentences: dict[int, str],
             sections: dict[int, str]) -> dict[int, Subject]:
    """The subject of every mention; a clause with a verb but no noun of its own (被采用177篇)
    takes the noun of the number before it in the sentence with the same unit."""
    out: dict[int, Subject] = {}
    prev: dict[tuple[str, str], Subject] = {}  # (sentence, unit) → last subject
    prev_any: dict[str, Subject] = {}  # sentence → last subject
    same_unit: dict[tuple[str, str], list[str]] = {}
    spread: list[str] = []  # 农产品网络零售额、乡村旅游经营收入分别增长6.5%、10.1%: the items still to hand out
    for m in sorted(mentions, key=lambda m: m.start):
        before, _, after = contexts[m.start].partition("⟨⟩")
        a_noun = noun_after(after, m.unit)
        noun, verb = noun_before(before)
        items = _respectively(before)
        if items:
            spread = items
        elif not re.fullmatch(r"[、和及与]?", before):
            spread = []
        item = ""
        if spread and not a_noun:
            verb = verb or next((v for v in CHANGE_VERBS if v in before), "")
            item = spread.pop(0)
            noun = item + (verb if verb in CHANGE_VERBS else "")
            a_noun = ""
        key = (sentences.get(m.start, ""), m.unit)
        last = prev_any.get(sentences.get(m.start, ""))
        change = False
        if a_noun:
            noun = a_noun
        elif not noun and verb in vocab().subset_verbs and key in prev and prev[key].noun:  # 报送…，被采用177篇
            noun = prev[key].noun + verb
        elif not noun and verb in CHANGE_VERBS and _grown(before, verb):  # 社会消费品零售总额增长3.6%
            noun = _grown(before, verb) + verb
        elif not noun and verb in CHANGE_VERBS and last is not None and last.noun:  # 1608件，较上年增加67件
            noun = last.noun + verb
            change = True
        elif not noun and not verb and key in prev:  # A12场、B9场、C8场，共计31场
            noun = _common_suffix(same_unit.get(key, [])) + "合计"
        elif not noun:
            noun = verb
        subject = noun if item else clean_subject(before, a_noun)
        if not subject and key in prev:
            subject = prev[key].subject_zh
        s = Subject(noun, verb, subject or noun, infer_theme(noun, subject, sentences.get(m.start, ""),
                                                              sections.get(m.start, "")))
        out[m.start] = s
        if not change:  # a change (较上年增加67件) is not what the next clause selects from
            prev[key] = s
            prev_any[sentences.get(m.start, "")] = s
            same_unit.setdefault(key, []).append(noun)
    return out


CHANGE_VERBS = ("增加", "减少", "增长", "下降", "提高", "降低", "上升")
_RESPECTIVELY = re.compile(r"([\u4e00-\u9fff“”]{1,14}(?:[、和及与][\u4e00-\u9fff“”]{1,14})+)([\u4e00-\u9fff]{0,6}?)分别")


def _respectively(before: str) -> list[str]:
    """The items a 分别 hands out to the numbers after it, in order (A、B分别增长x、y →
    [A, B]); [] when the clause has no such list."""
    clause = re.split(r"[，,；;：:。！？!?]", before)[-1]
    m = None
    for m in _RESPECTIVELY.finditer(clause):
        pass
    if m is None:
        return []
    items = [i for i in re.split(r"[、和及与]", m.group(1)) if i]
    tail = m.group(2)
    if len(items) < 2:
        return []
    items[0] = _strip_function(words(items[0]))
    items[0] = _tail_words(items[0]) if items[0] else ""
    return [(i + tail) for i in items if i]

_COMPARED = re.compile(r"(较|比|同比|环比|与|相比|上年|去年|上一年|同期|20[0-9]{2}年|分别|均|年均|平均|预计|全年)")


def _grown(before: str, verb: str) -> str:
    """What a change verb says grew, when its clause names it first (社会消费品零售总额增长
    3.6% → 社会消费品零售总额); "" when only a comparison leads it (较上年增加67件)."""
    s = _QUOTES.sub("", re.split(r"[，,；;：:。！？!?、]", before)[-1])
    i = s.rfind(verb)
    if i <= 0:
        return ""
    head = _COMPARED.sub("", s[:i])
    ws = _strip_function(words(head))
    return _tail_words(ws) if ws else ""


def _common_suffix(nouns: list[str]) -> str:
    """协商 of 专题协商、对口协商、界别协商: what the parts of a total share."""
    if len(nouns) < 2:
        return nouns[0] if nouns else ""
    out = ""
    for chars in zip(*(reversed(n) for n in nouns)):
        if len(set(chars)) != 1:
            break
        out = chars[0] + out
    return out if len(out) >= 2 else ""


def auto_ids(mentions: list, subjects: dict[int, Subject], taken: set[str] = frozenset()) -> dict[int, str]:
    """Stable ids for numbers no catalog claim binds: theme, counted noun and unit. Two
    numbers that would share one are told apart by their verbs, then by their order."""
    def base(m, with_verb: bool) -> str:
        s = subjects[m.start]
        noun = (s.verb + s.noun) if with_verb and s.verb and s.verb not in s.noun else s.noun
        prefix = "target_" if m.kind == "target" else ""
        return f"{s.theme}.auto.{prefix}{slug(noun) or 'shu'}_{unit_slug(m.unit)}"

    ids = {m.start: base(m, False) for m in mentions}
    for _ in range(2):
        groups: dict[str, list] = {}
        for m in mentions:
            groups.setdefault(ids[m.start], []).append(m)
        for cid, ms in groups.items():
            if len(ms) > 1 or cid in taken:
                for m in ms:
                    ids[m.start] = base(m, True)
    seen: dict[str, int] = {}
    used = set(taken)
    for m in sorted(mentions, key=lambda m: m.start):
        cid = ids[m.start]
        n = seen[cid] = seen.get(cid, 0) + 1
        if n > 1 or cid in used:
            k = n + (cid in taken)
            while f"{cid}_{k}" in used:  # a carried claim may hold the numbered id already
                k += 1
            ids[m.start] = f"{cid}_{k}"
        used.add(ids[m.start])
    return ids


def gloss_en(noun: str, unit: str) -> str:
    """An English gloss from the glossary, or the Chinese marked untranslated."""
    g = vocab().glossary
    if noun in g:
        return g[noun]
    ws = words(noun)
    if ws and all(w in g for w in ws):
        return " ".join(g[w] for w in ws)
    return f"“{noun or unit}” (untranslated)"
