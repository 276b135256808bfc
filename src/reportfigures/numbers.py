"""Every number mention of a report, with what it means and where it stands.

A mention is `[prefix qualifier] number [unit] [suffix qualifier]` as printed, with its value
(multipliers folded in), unit, qualifier, kind, section and sentence; a range (3—5个, 十几个)
is one mention with the low end as `value` and the high end as `high`. The vocabulary lives
in `rules/numbers.yml`, the numeral forms in `grammar.py`, units and qualifiers around a
numeral in `quantities.py`, lists in `lists.py`; this module takes the decisions, in order:

1. layout: page markers, running headers and web chrome are not content;
2. headings (二是, (三), 二、) and numbering patterns (六届, 三中全会, 第二届, 十四五);
3. fixed names (两会 …), then fractions (十分之一), then words that only look numeric
   (进一步, 四川, 十分 …) are skipped;
4. numbers in a short quotation are names or slogans (“33618”, “一委一品”), or list
   counts when they abbreviate the list before them (… 平衡难、… 管护难等“四难”);
5. everything else: a number with a unit, its qualifiers, then its kind (period,
   anniversary, list count, target, metric).

Time and memory are linear in the text: every look-around is bounded, and the `sentence`
of a mention is at most SENTENCE_MAX characters (a window around the number).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from operator import attrgetter
from typing import Iterable, Iterator

from .grammar import Grammar, Numeral
from .lists import (LIST_WINDOW, clause_start, counted_noun_follows, counted_re, enumeration_after, enumeration_before,
                    list_after)
from .numerals import parse_number
from .parts import parts_of
from .quantities import Quantity, ending_re, join_range, read_quantity, word_re
from .rules import load_rules
from .text import Document, Section, Sentence

__all__ = ["COLUMNS", "KINDS", "LIST_SEP", "QUALIFIERS", "SENTENCE_MAX", "Mention", "Vocabulary",
           "clause_start", "enumeration_after", "enumeration_before", "extract", "mention_table", "mention_tables",
           "vocabulary"]

KINDS = ("metric", "target", "list_count", "name", "ordinal", "date_or_period", "anniversary")
QUALIFIERS = ("exact", "at_least", "at_most", "approx", "range")
COLUMNS = ["start", "end", "surface", "value", "unit", "qualifier", "kind", "section", "sentence", "high"]
SENTENCE_MAX = 300  # characters of the `sentence` column: a window around the number beyond it

LIST_SEP = "｜"  # joins listed items in tables; items themselves may contain 、
CN_NUM_CHARS = "〇零一二两三四五六七八九十百千万亿"
_NUMERAL_CHARS = frozenset(CN_NUM_CHARS + "0123456789０１２３４５６７８９")
_CORE = re.compile(  # the numeral inside a fixed name (一带一路 → 1)
    r"[0-9０-９]+(?:[.．][0-9０-９]+)?|[〇零一二两三四五六七八九十百千][〇零一二两三四五六七八九十百千万亿]*")
_QUOTES_ALL = "“”\"「」『』‘’"
_QUOTE_MARK = re.compile(f"[{_QUOTES_ALL}]")
_QUOTE_BEFORE = re.compile(f"[{_QUOTES_ALL}][^{_QUOTES_ALL}，,；;。！!？?：:、\n]*\\Z")
_QUOTE_AFTER = re.compile(f"[^{_QUOTES_ALL}，,；;。！!？?：:、\n]*[{_QUOTES_ALL}]")
_NOUN_UNITS = ("部委", "省市", "市区", "区县", "级")


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
    high: int | float | None = None  # a range's high end (3—5个 → 5); None otherwise

    def row(self) -> dict:
        """The mention as a table row (`listed` joined by LIST_SEP)."""
        return {"start": self.start, "end": self.end, "surface": self.surface, "value": self.value,
                "unit": self.unit, "qualifier": self.qualifier, "kind": self.kind, "section": self.section,
                "sentence": self.sentence, "rule": self.rule, "listed": LIST_SEP.join(self.listed),
                "listed_open": self.listed_open, "high": self.high}


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
    places: str
    place_units: tuple[str, ...]
    unit_limits: dict  # unit → (largest value or None, characters that make it a word)
    list_lead_ins: tuple[str, ...]  # words that open a clause before its first listed item
    list_units: frozenset  # the units a count of listed things may have
    connectors: re.Pattern  # between the two ends of a range
    grammar: Grammar

    @cached_property
    def inner_words(self) -> tuple[str, ...]:
        return tuple(w for w, _ in self.inner)

    @cached_property
    def suffix_words(self) -> tuple[str, ...]:
        return tuple(w for w, _ in self.suffix)

    @cached_property
    def inner_qualifier(self) -> dict:
        return dict(self.inner)

    @cached_property
    def suffix_qualifier(self) -> dict:
        return dict(self.suffix)

    @cached_property
    def prefix_qualifier(self) -> dict:
        return dict(reversed(self.prefix))  # the first pair of a word wins, as listed

    # compiled once: the extractor matches these at every number
    @cached_property
    def units_re(self) -> re.Pattern:
        return word_re(self.units)

    @cached_property
    def inner_re(self) -> re.Pattern:
        return word_re(self.inner_words)

    @cached_property
    def suffix_re(self) -> re.Pattern:
        return word_re(self.suffix_words)

    @cached_property
    def prefix_re(self) -> re.Pattern:
        return ending_re(self.prefix)

    @cached_property
    def prefix_longest(self) -> int:
        return max((len(w) for w, _ in self.prefix), default=0)

    @cached_property
    def counted_re(self) -> re.Pattern:
        return counted_re(self.units)

    @cached_property
    def lead_in_re(self) -> re.Pattern:
        return word_re(sorted(self.list_lead_ins, key=len, reverse=True))

    # one character tells whether a qualifier can be there at all (most numbers have none)
    @cached_property
    def inner_first(self) -> frozenset:
        return frozenset(w[0] for w in self.inner_words)

    @cached_property
    def suffix_first(self) -> frozenset:
        return frozenset(w[0] for w in self.suffix_words)

    @cached_property
    def prefix_last(self) -> frozenset:
        return frozenset(w[-1] for w, _ in self.prefix)


def _alternation(words) -> re.Pattern | None:
    words = sorted(set(words), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))) if words else None


def _qual_pairs(d: dict) -> tuple[tuple[str, str], ...]:
    pairs = [(w, q) for q, ws in d.items() for w in ws]
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


def _grammar(r: dict, unit_class: dict) -> Grammar:
    """The grammar's vocabulary: units that start with a place (千瓦 is no 千), words in 负."""
    at_place = [u for u, cls in unit_class.items() if u[0] in "十百千万亿" and cls != "money"]
    words = r["sign_not_after"]
    bad = [w for w in words if len(w) != 2 or not w.endswith("负")]
    if bad:
        raise ValueError(f"rules/numbers.yml sign_not_after: two-character words ending in 负, not {bad}")
    return Grammar(_alternation(at_place) or re.compile(r"(?!)"), frozenset(w[0] for w in words),
                   frozenset(r["minus_after"]), _alternation(unit_class) or re.compile(r"(?!)"))


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    r = load_rules("numbers")
    unit_class = {}
    for cls, ws in r["units"].items():
        for w in ws:
            unit_class.setdefault(w, cls)
    limits = {u: (lim.get("max"), frozenset(lim.get("not_before", ()))) for u, lim in r["unit_limits"].items()}
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
        places=r["place_abbreviations"],
        place_units=tuple(r["place_units"]),
        unit_limits=limits,
        list_lead_ins=tuple(r["list_lead_ins"]),
        list_units=frozenset(r["list_units"]),
        connectors=_alternation(r["range_connectors"]) or re.compile(r"(?!)"),
        grammar=_grammar(r, unit_class),
    )


def _inside_numeral(text: str, i: int) -> bool:
    """万一 in 一百零一万一千, 十分 in 二十分钟: a word that only looks numeric is no word when
    a numeral runs into it."""
    return i > 0 and text[i] in _NUMERAL_CHARS and text[i - 1] in _NUMERAL_CHARS


def _core_value(span: str) -> int | float | None:
    return parse_number(span.replace("．", "."))


# --- where a mention stands ----------------------------------------------------------------

class SectionIndex:
    """The innermost section at any offset, by bisection over the flattened section tree.

    Same answer as Document.section_at (first child containing the offset, level by level),
    which walks every child at every level for every number: quadratic over many headings."""

    def __init__(self, root: Section):
        self._starts: list[int] = []
        self._sections: list[Section] = []
        self._paths: dict[int, str] = {}
        self._flatten(root, root.start, root.end)
        self._add(root.end, root)  # at and past the end: no section holds it

    def _flatten(self, node: Section, lo: int, hi: int) -> None:
        pos = lo
        for k in node.children:
            ks, ke = max(k.start, pos), min(k.end, hi)
            if ks >= ke:
                continue
            if ks > pos:
                self._add(pos, node)
            self._flatten(k, ks, ke)
            pos = ke
        if pos < hi or not self._starts:
            self._add(pos, node)

    def _add(self, pos: int, node: Section) -> None:
        self._starts.append(pos)
        self._sections.append(node)

    def at(self, offset: int) -> Section:
        i = bisect_right(self._starts, offset) - 1
        return self._sections[max(i, 0)]

    def path(self, offset: int) -> str:
        sec = self.at(offset)
        key = id(sec)
        if key not in self._paths:
            self._paths[key] = sec.path
        return self._paths[key]


def sentence_window(sent: Sentence, m: Mention) -> str:
    """The mention's sentence, or at most SENTENCE_MAX characters of it around the mention
    (… marks what is cut), so that no row repeats a long text."""
    s = sent.text
    if len(s) <= SENTENCE_MAX:
        return s
    width = SENTENCE_MAX - 2
    rel = m.start - sent.start  # in the raw text; the clean sentence can only be shorter
    found = s.rfind(m.surface, max(0, rel - 2 * SENTENCE_MAX), rel + len(m.surface))
    at = found if found >= 0 else min(rel, len(s))
    a = max(0, min(at + len(m.surface) // 2 - width // 2, len(s) - width))
    b = a + width
    return ("…" if a > 0 else "") + s[a:b] + ("…" if b < len(s) else "")


# --- the extractor -----------------------------------------------------------------------

class _Extraction:
    def __init__(self, doc: Document, vocab: Vocabulary):
        self.doc, self.text, self.v = doc, doc.text, vocab
        self.mask = bytearray(len(doc.text))  # 1 where a span is already decided
        self.mentions: list[Mention] = []
        self.sections = SectionIndex(doc.root)
        self._siblings: dict[int, list[Section]] = {}
        self._near_quote = bytearray(len(doc.text) + 1)  # 1 within 13 characters after a quote mark
        for m in _QUOTE_MARK.finditer(doc.text):
            self._near_quote[m.start() + 1:m.start() + 14] = b"\x01" * len(self._near_quote[m.start() + 1:m.start() + 14])

    # spans ---------------------------------------------------------------------------
    def _free(self, s: int, e: int) -> bool:
        return self.mask.find(1, s if s > 0 else 0, e) < 0

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
        self._patterns()
        if v.names_re:
            for m in v.names_re.finditer(text):
                if self._free(m.start(), m.end()):
                    core = _CORE.search(m.group())
                    self._emit(m.start(), m.end(), _core_value(core.group()) if core else None,
                               "", "exact", "name", "name_lexicon")
        for n in v.grammar.fractions(text):  # before 十分 is skipped: 十分之一 is a number
            if self._free(n.start, n.end):
                self._numeral(n, None)
        if v.skip_re:
            for m in v.skip_re.finditer(text):
                if self._free(m.start(), m.end()) and not _inside_numeral(text, m.start()):
                    self._take(m.start(), m.end())
        self._numerals()
        self.mentions.sort(key=lambda x: x.start)
        return self.mentions

    def _patterns(self) -> None:
        text = self.text
        for name, kind, rule_unit, rx, valued in self.v.patterns:
            for m in rx.finditer(text):
                if kind == "ordinal" and self._quote_bounds(m.start(), m.end()):
                    continue  # “第一议题”: a quoted name, decided with the quotes
                if self._free(m.start(), m.end()) and not self._skipped_word(m.start(), m.end()):
                    groups = m.groupdict()
                    unit = groups.get("unit") or rule_unit
                    num = groups.get("num") or groups.get("num2")
                    value = (_core_value(num) if num else 1) if valued else None
                    if name == "five_year_plan" and num:
                        value = _core_value(num[:2])
                    self._emit(m.start(), m.end(), value, unit, "exact", kind, name)

    def _numerals(self) -> None:
        """Every numeral left, with one numeral of look-ahead for the high end of a range."""
        found = self.v.grammar.numerals(self.text, self.mask)
        cur = next(found, None)
        while cur is not None:
            nxt = next(found, None)
            if cur.form != "fraction" and self._free(cur.start, cur.end):
                ahead = nxt if nxt is not None and nxt.form != "fraction" and self._free(nxt.start, nxt.end) else None
                if self._numeral(cur, ahead):
                    nxt = next(found, None)  # taken as the high end of a range
            cur = nxt

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

    # one numeral ------------------------------------------------------------------------
    def _numeral(self, n: Numeral, ahead: Numeral | None) -> bool:
        """Decide one numeral; returns whether `ahead` was taken as the high end of a range."""
        text, v = self.text, self.v
        if n.form == "place_led" and self._quote_bounds(n.start, n.end):
            return False  # “千万工程”, “百千万”: a name of which 千 is no count
        if self._quoted(n.start, n.end, n.value):
            return False
        q = read_quantity(text, v, n, self._free, bare_ok=ahead is not None)
        if q is None:
            return False
        if ahead is not None:
            r = self._range(q, n, ahead)
            if r is not None:
                self._mention(r, n)
                return True
            if not n.arabic and n.unit is None and not q.unit:
                return False  # 三 of 三至五 without a range: part of a word
        self._mention(q, n)
        return False

    def _range(self, low: Quantity, n: Numeral, ahead: Numeral) -> Quantity | None:
        """3—5个, 4.5%-5%, 三至五年: one mention when a connector joins two numerals."""
        conn = self.v.connectors.match(self.text, low.end)
        if conn is None or conn.end() != ahead.start or low.qualifier != "exact":
            return None
        high = read_quantity(self.text, self.v, ahead, self._free)
        if high is None:
            return None
        return join_range(self.text, low, n, high, ahead)

    def _mention(self, q: Quantity, n: Numeral) -> None:
        kind, listed, open_ = self._kind(q.start, n.start, q.end, q.unit, self.text[n.start:n.end])
        self._emit(q.start, q.end, q.value, q.unit, q.qualifier, kind, "number",
                   listed=listed, listed_open=open_, high=q.high)

    def _quote_bounds(self, cs: int, ce: int) -> tuple[int, int] | None:
        """(opening, closing) quote positions when [cs, ce) sits in a short quotation: a quote
        mark at most 12 characters before cs and within 12 after it, no clause break between."""
        if not self._near_quote[cs]:
            return None  # no quote mark in the 13 characters before: most numbers
        text = self.text
        left = _QUOTE_BEFORE.search(text, max(0, cs - 13), cs)
        if left is None:
            return None
        right = _QUOTE_AFTER.match(text, ce, min(len(text), max(cs + 14, ce + 1)))
        if right is None:
            return None
        return left.start(), right.end() - 1

    def _quoted(self, cs: int, ce: int, value) -> bool:
        """A number inside a short quotation is a name or slogan, or abbreviates a list."""
        text = self.text
        bounds = self._quote_bounds(cs, ce)
        if bounds is None:
            return False
        left, right = bounds
        start = cs - 1 if cs > 0 and text[cs - 1] == "第" else cs
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


def extract(doc: Document | str) -> list[Mention]:
    """All number mentions of a text, in text order, each with section and sentence."""
    if isinstance(doc, str):
        doc = Document(doc)
    ex = _Extraction(doc, vocabulary())
    mentions = ex.run()
    sentences, j = doc.sentences, 0
    for mn in mentions:  # both in text order: walk them together
        mn.section = ex.sections.path(mn.start)
        while j < len(sentences) and sentences[j].end <= mn.start:
            j += 1
        sent = sentences[j] if j < len(sentences) and sentences[j].start <= mn.start else None
        mn.sentence = sentence_window(sent, mn) if sent else doc.text[mn.start:mn.end][:SENTENCE_MAX]
    return mentions


def mention_table(mentions: list[Mention], fmt: str = "csv", chunk: int = 2000) -> Iterator[str]:
    """The mentions as CSV (header COLUMNS) or a JSON list of COLUMNS objects, in pieces of
    `chunk` rows, so that an output as large as its input is never held twice in memory.
    Same text as files.csv_text / files.json_text would give for all rows at once."""
    return mention_tables([("", mentions)], fmt, chunk, named=False)


def mention_tables(sources: Iterable[tuple[str, list[Mention]]], fmt: str = "csv", chunk: int = 2000,
                   named: bool = True) -> Iterator[str]:
    """One table for several texts, each given as (file, mentions) and consumed one at a time;
    `named` puts a `file` column first. A text's mentions are written before the next is read."""
    import csv
    import io
    import json

    columns = (["file"] if named else []) + COLUMNS
    fields = attrgetter(*COLUMNS)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    if fmt == "csv":
        writer.writerow(columns)
    rows = 0
    for file, mentions in sources:
        for m in mentions:
            if fmt == "csv":
                writer.writerow(((file,) if named else ()) + fields(m))
            else:
                obj = dict(zip(columns, ((file,) if named else ()) + fields(m)))
                text = json.dumps(obj, ensure_ascii=False, indent=2, default=str).replace("\n", "\n  ")
                buf.write((",\n  " if rows else "[\n  ") + text)
            rows += 1
            if rows % chunk == 0:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
    if fmt != "csv":
        buf.write("\n]\n" if rows else "[]\n")
    yield buf.getvalue()
