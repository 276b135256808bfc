"""The extractor: every number mention of a document, decided in order.

In comes a Document; out come Mentions in text order. The decisions, each in its module:
layout and headings and fixed patterns and names (fixed.py), fractions, words that only
look numeric, quotations (quotes.py), then every numeral left with its unit and
qualifiers (quantities.py) and its kind (kinds.py). A span once decided is never read
again (`free`). Time and memory are linear in the text.
"""

from __future__ import annotations

from . import fixed
from .bounds import pair_bounds
from .kinds import Kinds
from .mention import SENTENCE_MAX, Mention
from .numerals import Numeral
from .places import SectionIndex, sentence_window
from .quantities import Quantity, join_range, read_quantity
from .quotes import Quotes, counted_quotations, quoted
from .vocabulary import Vocabulary, vocabulary
from ..text.document import Document

CN_NUM_CHARS = "〇零一二两三四五六七八九十百千万亿"
_NUMERAL_CHARS = frozenset(CN_NUM_CHARS + "0123456789０１２３４５６７８９")


def _inside_numeral(text: str, i: int) -> bool:
    """万一 in 一百零一万一千, 十分 in 二十分钟: a word that only looks numeric is no word when
    a numeral runs into it."""
    return i > 0 and text[i] in _NUMERAL_CHARS and text[i - 1] in _NUMERAL_CHARS


class Extraction:
    """One pass over one document: the decided spans (`mask`) and the mentions so far."""

    def __init__(self, doc: Document, vocab: Vocabulary):
        self.doc, self.text, self.v = doc, doc.text, vocab
        self.mask = bytearray(len(doc.text))  # 1 where a span is already decided
        self.mentions: list[Mention] = []
        self.sections = SectionIndex(doc.root)
        self.quotes = Quotes(doc.text)
        self.kinds = Kinds(doc, vocab, self.sections)

    # spans ---------------------------------------------------------------------------
    def free(self, s: int, e: int) -> bool:
        return self.mask.find(1, s if s > 0 else 0, e) < 0

    def take(self, s: int, e: int) -> None:
        self.mask[s:e] = b"\x01" * (e - s)

    def emit(self, s, e, value, unit, qual, kind, rule, **extra) -> None:
        self.take(s, e)
        self.mentions.append(Mention(s, e, self.text[s:e], value, unit, qual, kind, rule=rule, **extra))

    def run(self) -> list[Mention]:
        """The decisions in their order: what is decided first is never read as a quantity."""
        text, v = self.text, self.v
        for s, e, _role in self.doc.excluded_spans():
            self.take(s, e)
        fixed.headings(self)
        fixed.patterns(self)
        fixed.names(self)
        counted_quotations(self)
        for n in v.grammar.fractions(text):  # before 十分 is skipped: 十分之一 is a number
            if self.free(n.start, n.end):
                self.numeral(n, None)
        if v.skip_re:
            for m in v.skip_re.finditer(text):
                if self.free(m.start(), m.end()) and not _inside_numeral(text, m.start()):
                    self.take(m.start(), m.end())
        self.numerals()
        self.mentions.sort(key=lambda x: x.start)
        self.mentions = pair_bounds(text, self.mentions)
        return self.mentions

    def numerals(self) -> None:
        """Every numeral left, with one numeral of look-ahead for the high end of a range."""
        found, taken = self.v.grammar.numerals(self.text, self.mask), self.mask.find  # free(), inlined
        cur = next(found, None)
        while cur is not None:
            nxt = next(found, None)
            if cur.form != "fraction" and taken(1, cur.start, cur.end) < 0:
                ahead = nxt if nxt is not None and nxt.form != "fraction" and taken(1, nxt.start, nxt.end) < 0 else None
                if self.numeral(cur, ahead):
                    nxt = next(found, None)  # taken as the high end of a range
            cur = nxt

    # one numeral ------------------------------------------------------------------------
    def numeral(self, n: Numeral, ahead: Numeral | None) -> bool:
        """Decide one numeral; returns whether `ahead` was taken as the high end of a range."""
        if self.quotes.near[n.start]:  # a quote mark just before: most numbers have none
            if n.form == "place_led" and self.quotes.bounds(n.start, n.end):
                return False  # “千万工程”, “百千万”: a name of which 千 is no count
            if quoted(self, n.start, n.end, n.value):
                return False
        q = read_quantity(self.text, self.v, n, self.free, bare_ok=ahead is not None)
        if q is None:
            return False
        if ahead is not None:
            r = self.range(q, n, ahead)
            if r is not None:
                self.mention(r)
                return True
            if not n.arabic and n.unit is None and not q.unit:
                q = read_quantity(self.text, self.v, n, self.free)  # 三 of 三至五 without a range: a word,
                if q is None:  # unless a number on its own (大于二十的同时…)
                    return False
        self.mention(q)
        return False

    def range(self, low: Quantity, n: Numeral, ahead: Numeral) -> Quantity | None:
        """3—5个, 4.5%-5%, 三至五年: one mention when a connector joins two numerals."""
        conn = self.v.connectors.match(self.text, low.end)
        if conn is None or conn.end() != ahead.start or low.qualifier != "exact":
            return None
        high = read_quantity(self.text, self.v, ahead, self.free, bare_ok=True)
        if high is None:
            return None
        return join_range(self.text, low, n, high, ahead)

    def mention(self, q: Quantity) -> None:
        kind, listed, open_ = self.kinds.of(q.start, q.end, q.unit, q.value)
        self.emit(q.start, q.end, q.value, q.unit, q.qualifier, kind, "number",
                  listed=listed, listed_open=open_, high=q.high)


def extract(doc: Document | str) -> list[Mention]:
    """All number mentions of a text, in text order, each with section and sentence."""
    if isinstance(doc, str):
        doc = Document(doc)
    ex = Extraction(doc, vocabulary())
    mentions = ex.run()
    sentences, j = doc.sentences, 0
    for mn in mentions:  # both in text order: walk them together
        mn.section = ex.sections.path(mn.start)
        while j < len(sentences) and sentences[j].end <= mn.start:
            j += 1
        sent = sentences[j] if j < len(sentences) and sentences[j].start <= mn.start else None
        mn.sentence = sentence_window(sent, mn) if sent else doc.text[mn.start:mn.end][:SENTENCE_MAX]
    return mentions
