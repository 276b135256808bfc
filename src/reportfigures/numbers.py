"""Every number mention of a report, with what it means and where it stands.

A mention is `[prefix qualifier] number [unit] [suffix qualifier]` as printed, with its value
(multipliers folded in), unit, qualifier, kind, section and sentence. The vocabulary lives
in `rules/numbers.yml`; this module holds the decisions, in the order they are taken:

1. layout: page markers, running headers and web chrome are not content;
2. words that only look numeric (进一步, 四川 …) are skipped, fixed names (两会 …) named;
3. headings (二是, (三), 二、) and numbering patterns (六届, 三中全会, 第二届, 十四五);
4. numbers in a short quotation are names or slogans (“33618”, “一委一品”), or list
   counts when they abbreviate the list before them (… 平衡难、… 管护难等“四难”);
5. everything else: a number with a unit, its qualifiers, then its kind (period,
   anniversary, list count, target, metric).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import cached_property, lru_cache

from .numerals import MULTIPLIERS, parse_number, scale
from .rules import load_rules
from .text import Document

KINDS = ("metric", "target", "list_count", "name", "ordinal", "date_or_period", "anniversary")
QUALIFIERS = ("exact", "at_least", "at_most", "approx")
COLUMNS = ["start", "end", "surface", "value", "unit", "qualifier", "kind", "section", "sentence"]

LIST_SEP = "｜"  # joins listed items in tables; items themselves may contain 、
CN_NUM_CHARS = "〇零一二两三四五六七八九十百千万亿"
_CORE = re.compile(
    r"(?P<ar>[0-9０-９]+(?:[.．][0-9０-９]+)?(?:[万亿]+)?)"
    r"|(?P<cn>[〇零一二两三四五六七八九十百千][〇零一二两三四五六七八九十百千万亿]*"
    r"(?:点[〇零一二三四五六七八九]+[万亿]*)?)"
)
_QUOTES_OPEN = "“\"「『‘"
_QUOTES_ALL = "“”\"「」『』‘’"
_BREAK_CHARS = "，,；;。！!？?：:"
_CLAUSE_BREAK = re.compile(f"[{_BREAK_CHARS}]")
_ITEM_SPLIT = re.compile(r"、|(?<=.)(?:和|及|与|以及)(?=.)")


@dataclass
class Mention:
    start: int
    end: int
    surface: str
    value: int | float | None
    unit: str
    qualifier: str
    kind: str
    section: str = ""
    sentence: str = ""
    rule: str = ""  # which rule decided: for reviewers and debugging
    listed: list[str] = field(default_factory=list)  # items counted by a list_count
    listed_open: bool = False  # the list ends with 等: the items shown are a lower bound

    def row(self) -> dict:
        d = asdict(self)
        d["listed"] = LIST_SEP.join(self.listed)
        return d


# --- vocabulary --------------------------------------------------------------------------

@dataclass(frozen=True)
class Vocabulary:
    units: tuple[str, ...]
    unit_class: dict
    article: tuple[str, ...]
    prefix: tuple[tuple[str, str], ...]
    inner: tuple[tuple[str, str], ...]
    suffix: tuple[tuple[str, str], ...]
    skip_re: re.Pattern | None
    names_re: re.Pattern | None
    patterns: tuple[tuple[str, str, str, re.Pattern, bool], ...]
    target_part: re.Pattern
    places: str
    place_units: tuple[str, ...]

    @cached_property
    def inner_words(self) -> tuple[str, ...]:
        return tuple(w for w, _ in self.inner)

    @cached_property
    def suffix_words(self) -> tuple[str, ...]:
        return tuple(w for w, _ in self.suffix)


def _alternation(words) -> re.Pattern | None:
    words = sorted(set(words), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))) if words else None


def _qual_pairs(d: dict) -> tuple[tuple[str, str], ...]:
    pairs = [(w, q) for q, ws in d.items() for w in ws]
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    r = load_rules("numbers")
    unit_class = {}
    for cls, ws in r["units"].items():
        for w in ws:
            unit_class.setdefault(w, cls)
    return Vocabulary(
        units=tuple(sorted(unit_class, key=len, reverse=True)),
        unit_class=unit_class,
        article=tuple(sorted(r["article_classifiers"], key=len, reverse=True)),
        prefix=_qual_pairs(r["qualifiers"]["prefix"]),
        inner=_qual_pairs(r["qualifiers"]["inner"]),
        suffix=_qual_pairs(r["qualifiers"]["suffix"]),
        skip_re=_alternation(r["not_numbers"]),
        names_re=_alternation(r["names"]),
        patterns=tuple((p["name"], p["kind"], p["unit"], re.compile(p["regex"], re.M), p.get("valued", True))
                       for p in r["patterns"]),
        target_part=re.compile(r["target_part"]),
        places=r["place_abbreviations"],
        place_units=tuple(r["place_units"]),
    )


# --- small pure helpers ------------------------------------------------------------------

@lru_cache(maxsize=64)
def _word_re(words: tuple[str, ...]) -> re.Pattern:
    """One alternation in the given order: the regex engine tries them as the loop would."""
    return re.compile("|".join(map(re.escape, words)) or r"(?!)")


def _match_word(text: str, pos: int, words: tuple[str, ...]) -> str | None:
    """The first of `words` (longest first) that starts at `pos`."""
    m = _word_re(words).match(text, pos)
    return m.group() if m else None


def clause_start(text: str, floor: int, end: int) -> int:
    """Just after the last clause break in text[floor:end]; scans backwards, so a number
    late in a long text costs only its own clause."""
    i = end - 1
    while i >= floor:
        if text[i] in _BREAK_CHARS:
            return i + 1
        i -= 1
    return floor


@lru_cache(maxsize=8)
def _ending_re(pairs: tuple[tuple[str, str], ...]) -> tuple[re.Pattern, int, dict]:
    words = [w for w, _ in pairs]
    rx = re.compile("(?:" + "|".join(map(re.escape, words)) + r")\Z") if words else re.compile(r"(?!)")
    return rx, max(map(len, words), default=0), dict(reversed(pairs))


def _match_before(text: str, pos: int, pairs: tuple[tuple[str, str], ...]) -> tuple[str, str] | None:
    """The longest word of `pairs` that ends at `pos`, with its qualifier."""
    rx, longest, qual = _ending_re(pairs)
    m = rx.search(text, max(0, pos - longest), pos)
    return (m.group(), qual[m.group()]) if m else None


def _core_value(span: str) -> int | float | None:
    return parse_number(span.replace("．", "."))


@lru_cache(maxsize=1)
def _counted_re() -> re.Pattern:
    """An item that ends in a count (视察13次) belongs to a list of counts, not of things."""
    units = "|".join(map(re.escape, vocabulary().units))
    return re.compile(rf"[0-9０-９{CN_NUM_CHARS}]+[余多]?(?:{units})$")


def enumeration_before(text: str, end: int, floor: int = 0) -> tuple[list[str], bool]:
    """Items listed right before `end` ("A、B、C等" or "A、B和C"), and whether 等 closes them."""
    seg = text[clause_start(text, floor, end):end].rstrip(" \u3000")
    open_ = False
    for tail in ("等等", "等"):
        if seg.endswith(tail):
            seg, open_ = seg[: -len(tail)], True
            break
    if "、" not in seg and not re.search(r"(?<=.)(?:和|及|与)(?=.)", seg):
        return [], False
    items = [re.sub(r"\s+", "", i) for i in _ITEM_SPLIT.split(seg) if i.strip()]
    if "、" not in seg and len(items[-1]) > 4:
        return [], False  # "A和B" lists short names (市和区县), not clauses
    if "等" in items[-1] or any(_counted_re().search(i) for i in items):
        return [], False  # the list ends earlier (…等组织3次) or lists counts (视察13次、通报15次)
    return (items, open_) if len(items) >= 2 else ([], False)


_NOUN_UNITS = ("部委", "省市", "市区", "区县", "级")


def _counted_noun_follows(text: str, end: int) -> bool:
    """"16个方面建议", "5项地方性法规": a noun says what the number counts."""
    return end < len(text) and "\u4e00" <= text[end] <= "\u9fff" and text[end] not in "的了等共在和及与"


def enumeration_after(text: str, start: int, head: str, limit: int) -> list[str]:
    """Following clauses that each name the counted thing ("3项改革，A改革…，B改革…")."""
    items = []
    pos = start
    while pos < limit:
        m = _CLAUSE_BREAK.search(text, pos, limit)
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


# --- the extractor -----------------------------------------------------------------------

class _Extraction:
    def __init__(self, doc: Document, vocab: Vocabulary):
        self.doc, self.text, self.v = doc, doc.text, vocab
        self.mask = bytearray(len(doc.text))  # 1 where a span is already decided
        self.mentions: list[Mention] = []

    # spans ---------------------------------------------------------------------------
    def _free(self, s: int, e: int) -> bool:
        return self.mask.find(1, max(s, 0), e) == -1

    def _take(self, s: int, e: int) -> None:
        self.mask[s:e] = b"\x01" * (e - s)

    def _emit(self, s, e, value, unit, qual, kind, rule, **extra) -> None:
        self._take(s, e)
        self.mentions.append(Mention(s, e, self.text[s:e], value, unit, qual, kind, rule=rule, **extra))

    def run(self) -> list[Mention]:
        text, v = self.text, self.v
        for s, e, _role in self.doc.excluded_spans():
            self._take(s, e)
        self._headings()
        for name, kind, rule_unit, rx, valued in v.patterns:
            unit = rule_unit
            for m in rx.finditer(text):
                if kind == "ordinal" and self._quote_bounds(m.start(), m.end()):
                    continue  # “第一议题”: a quoted name, decided with the quotes
                if self._free(m.start(), m.end()) and not self._skipped_word(m.start(), m.end()):
                    groups = m.groupdict()
                    unit = groups.get("unit") or unit
                    num = groups.get("num") or groups.get("num2")
                    value = (_core_value(num) if num else 1) if valued else None
                    if name == "five_year_plan" and num:
                        value = _core_value(num[:2])
                    self._emit(m.start(), m.end(), value, unit, "exact", kind, name)
                    unit = rule_unit
        if v.names_re:
            for m in v.names_re.finditer(text):
                if self._free(m.start(), m.end()):
                    core = _CORE.search(m.group())
                    self._emit(m.start(), m.end(), _core_value(core.group()) if core else None,
                               "", "exact", "name", "name_lexicon")
        if v.skip_re:
            for m in v.skip_re.finditer(text):
                if self._free(m.start(), m.end()):
                    self._take(m.start(), m.end())
        for m in _CORE.finditer(text):
            if self._free(m.start(), m.end()):
                self._core(m)
        self.mentions.sort(key=lambda x: x.start)
        return self.mentions

    def _skipped_word(self, s: int, e: int) -> bool:
        """A pattern match that starts a not-a-number word (第一线, 第一时间) is skipped."""
        if not self.v.skip_re:
            return False
        for back in range(0, 3):
            m = self.v.skip_re.match(self.text, max(0, s - back))
            if m and m.start() <= s < m.end():
                return True
        return False

    def _headings(self) -> None:
        for sec in self.doc.sections:
            if sec.implicit:
                continue
            s = sec.start
            e = s + len(sec.label)
            if self.text[s:e] == sec.label:
                self._emit(s, e, sec.number, "", "exact", "ordinal", f"heading_{sec.level}")

    # one number core ----------------------------------------------------------------------
    def _core(self, m: re.Match) -> None:
        text, v = self.text, self.v
        cs, ce = m.start(), m.end()
        core = m.group()
        arabic = m.group("ar") is not None
        value = _core_value(core)
        if value is None:
            return
        if self._quoted(cs, ce, value):
            return
        # inner qualifier and unit
        pos = ce
        qual, q_start = "exact", cs
        inner = _match_word(text, pos, v.inner_words)
        if inner and (self._unit_at(pos + len(inner))[1] or arabic):
            qual = dict(v.inner)[inner]
            pos += len(inner)
        upos = pos
        if arabic:
            while upos < len(text) and text[upos] in " \u3000" and upos - pos < 2:
                upos += 1
        factor, unit, uend = self._unit_at(upos)
        if unit is None:
            upos = pos
            if not arabic:
                return  # a Chinese numeral with no unit is part of a word (一些, 三峡)
        if not arabic and core == "一" and unit and v.unit_class.get(unit) != "time" and unit in v.article:
            return  # 一支队伍, 一部章程: an article, not a count
        end = uend if unit else pos
        value = scale(value, factor)
        # prefix and suffix qualifiers
        pre = _match_before(text, q_start, v.prefix)
        start = cs
        if pre and self._free(cs - len(pre[0]), cs):
            qual, start = pre[1], cs - len(pre[0])
        suf = _match_word(text, end, v.suffix_words)
        if suf and unit and qual == "exact" and suf != "多":
            qual, end = dict(v.suffix)[suf], end + len(suf)
        unit = unit or ""
        if v.unit_class.get(unit) == "money":
            # 1.6亿元: the multiplier is in the value, the unit is the currency.
            for mult, factor in (("万亿", 10**12), ("亿", 10**8), ("万", 10**4), ("千", 10**3)):
                if unit.startswith(mult) and len(unit) > len(mult):
                    value, unit = scale(value, factor), unit[len(mult):]
                    break
        kind, listed, open_ = self._kind(start, cs, end, unit, core)
        if unit == "%" or unit == "％":
            unit = "%"
        self._emit(start, end, value, unit, qual, kind, "number", listed=listed, listed_open=open_)

    def _unit_at(self, pos: int) -> tuple[int, str | None, int]:
        """(multiplier, unit, end) of the unit at `pos`; 750多万人次 has the multiplier 万
        between its qualifier and its unit, and it belongs to the value."""
        text, factor, p = self.text, 1, pos
        while p < len(text) and p - pos < 2 and text[p] in MULTIPLIERS:
            factor *= MULTIPLIERS[text[p]]
            p += 1
        unit = _match_word(text, p, self.v.units)
        if unit is None:
            return 1, _match_word(text, pos, self.v.units), pos + len(_match_word(text, pos, self.v.units) or "")
        return factor, unit, p + len(unit)

    def _quote_bounds(self, cs: int, ce: int) -> tuple[int, int] | None:
        """(opening, closing) quote positions when [cs, ce) sits in a short quotation."""
        text = self.text
        left = cs - 1
        while left >= 0 and cs - left <= 12 and text[left] not in _QUOTES_ALL:
            if _CLAUSE_BREAK.match(text[left]) or text[left] in "、\n":
                return None
            left -= 1
        if left < 0 or text[left] not in _QUOTES_ALL:
            return None
        right = ce
        while right < len(text) and right - cs <= 12 and text[right] not in _QUOTES_ALL:
            if _CLAUSE_BREAK.match(text[right]) or text[right] in "、\n":
                return None
            right += 1
        if right >= len(text) or text[right] not in _QUOTES_ALL:
            return None
        return left, right

    def _quoted(self, cs: int, ce: int, value) -> bool:
        """A number inside a short quotation is a name or slogan, or abbreviates a list."""
        text = self.text
        bounds = self._quote_bounds(cs, ce)
        if bounds is None:
            return False
        left, right = bounds
        start = cs - 1 if text[cs - 1] == "第" else cs
        word = text[start:right]
        if not self._free(start, right):
            return False
        listed, open_ = [], False
        if left == cs - 1 and len(word) >= 2:
            items, open_ = enumeration_before(text, left)
            tail = word[-1]
            if items and len(items) >= 2 and all(i.rstrip().endswith(tail) for i in items):
                listed = items
        kind = "list_count" if listed else "name"
        self._emit(start, right, value, "", "exact", kind, "quoted", listed=listed, listed_open=open_)
        return True

    def _kind(self, start: int, cs: int, end: int, unit: str, core: str) -> tuple[str, list[str], bool]:
        text, v = self.text, self.v
        cls = v.unit_class.get(unit)
        if unit == "周年":
            return "anniversary", [], False
        if cls == "time":
            return "date_or_period", [], False
        # list counts: a list right before, places named before, or clauses right after
        sec = self.doc.section_at(start)
        sent = self.doc.sentence_at(start)
        floor = sent.start if sent else 0
        items, open_ = enumeration_before(text, start, floor)
        if items and (cls == "count" and _counted_noun_follows(text, end) or unit in v.place_units
                      or unit in _NOUN_UNITS):
            return "list_count", items, open_
        if unit in v.place_units or unit in ("级",):
            clause = text[clause_start(text, floor, start):start]
            run = re.findall(f"[{v.places}]{{2,}}", clause)
            if run:
                return "list_count", list(run[-1]), False
        if text.startswith("以下", start - 2) and unit in ("个方面", "方面"):
            container = sec if sec.level in ("part", "root") else sec.parent
            siblings = [s for s in self.doc.sections
                        if s.start > start and s.level == "heading" and s.parent is container]
            if siblings:
                return "list_count", [s.label + s.title for s in siblings], False
        after = self._list_after(end, sent)
        if after:
            return "list_count", after, False
        part = sec
        while part is not None and part.level not in ("part", "root"):
            part = part.parent
        if part is not None and part.level == "part" and v.target_part.search(part.title or ""):
            return "target", [], False
        return "metric", [], False

    def _list_after(self, end: int, sent) -> list[str]:
        """3项改革，完善…改革…，川渝…改革…: the clauses after the number name the items."""
        text = self.text
        if sent is None:
            return []
        m = _CLAUSE_BREAK.search(text, end, sent.end)
        if not m or m.group() not in "，,：:":
            return []
        phrase = text[end:m.start()]
        if not phrase or len(phrase) > 12 or re.search(r"[的了]", phrase):
            return []
        head = phrase[-2:]
        items = enumeration_after(text, m.end(), head, sent.end)
        return items if len(items) >= 2 else []


def extract(doc: Document | str) -> list[Mention]:
    """All number mentions of a text, in text order, each with section and sentence."""
    if isinstance(doc, str):
        doc = Document(doc)
    mentions = _Extraction(doc, vocabulary()).run()
    for mn in mentions:
        mn.section = doc.section_at(mn.start).path
        sent = doc.sentence_at(mn.start)
        mn.sentence = sent.text if sent else doc.text[mn.start:mn.end]
    return mentions
