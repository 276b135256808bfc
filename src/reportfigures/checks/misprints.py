"""Misprints in the text: a word printed twice, quotation marks that do not pair up.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..rules import load_rules
from ..text.document import Document
from .findings import Finding, say


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.ERROR)
    jieba.dt.check_initialized()
    return jieba


_CJK = "\u4e00-\u9fff"
_NUMERAL = set("〇零一二两三四五六七八九十百千万亿")


def find_duplications(doc: Document, printed: bool = True) -> list[Finding]:
    """Duplicated-character misprints in the content of the text.

    A word printed twice (完善完善, 会议会议: the segmenter reads the same word twice running)
    is a misprint in any text. A single character printed twice (市委委确定) is told from a
    reduplication (殷殷, 熠熠) or two words sharing a character (水平|平安) only by the
    segmenter's dictionary, which does not know the names and terms of every report (安全|
    全链条, 陕煤|煤炭, 超超临界): measured on the provincial reports it was wrong every time.
    It is therefore looked for only in a text set from print (`printed`: report.meta.yml's
    medium), where type damage of this kind happens and where it was measured right."""
    rules = load_rules("quality")
    redup = set(rules["reduplications"])
    min_freq = rules["junction_min_freq"]
    jb = _jieba()
    freq = jb.dt.FREQ
    text = doc.text
    out: list[Finding] = []
    taken: set[int] = set()
    for p in doc.paragraphs:
        for s, e in p.pieces:
            seg = text[s:e]
            for m in re.finditer(rf"([{_CJK}]{{2,3}})\1", seg):
                word = m.group(1)
                if m.group() in redup or word * 2 in redup or set(word) <= _NUMERAL or word.startswith("一"):
                    continue  # 一项一项, 一家一家: a distributive repetition, not a misprint
                if not _read_twice(jb, seg, m.start(), word):
                    continue  # 博士|博士后, 之战|连战连胜: the repetition straddles other words
                a = s + m.start()
                out.append(_dup_finding(doc, a, a + len(m.group()), word, f"“{word}” printed twice"))
                taken.update(range(a, a + len(m.group())))
            if not printed:
                continue
            for m in re.finditer(rf"([{_CJK}])\1", seg):
                a = s + m.start()
                ch = m.group(1)
                if a in taken or ch in _NUMERAL or _in_redup(seg, m.start(), redup):
                    continue
                left, right = _word_at(jb, seg, m.start(), m.start() + 1)
                if left is not None and right is not None:
                    lw, rw = left, right
                    if freq.get(lw, 0) >= min_freq:
                        continue  # 督办|办法, 政协|协商: two words sharing a character
                    note = f"“{lw}|{rw}”: the left word is rare (frequency {freq.get(lw, 0)}), likely a doubled “{ch}”"
                else:
                    note = f"the second “{ch}” belongs to no word: a doubled character"
                out.append(_dup_finding(doc, a, a + 2, ch, note))
    return out


def _read_twice(jb, seg: str, i: int, word: str) -> bool:
    """Whether the segmenter reads `word` twice running at i (…二中全会|全会|精神 counts: the
    first reading may end a longer word)."""
    lo = max(0, i - 6)
    pos, prev = lo, None
    for w in jb.cut(seg[lo:i + 2 * len(word) + 6], HMM=False):
        end = pos + len(w)
        # the second copy is the word itself, or opens a compound of it and another word
        # (全会|精神 → 全会精神), never a longer word of its own (博士 → 博士后)
        second = w == word or w.startswith(word) and len(w) - len(word) >= 2
        if second and prev is not None and prev[1] == pos and prev[0].endswith(word) and pos == i + len(word):
            return True
        prev = (w, end)
        pos = end
    return False


def _in_redup(seg: str, i: int, redup: set[str]) -> bool:
    return any(w in seg[max(0, i - len(w) + 2):i + len(w)] for w in redup if seg[i] in w)


def _word_at(jb, seg: str, i: int, j: int) -> tuple[str | None, str | None]:
    """The segmentation words containing positions i and j, if both are multi-character
    words and differ (the doubled character is shared across a word boundary)."""
    lo, hi = max(0, i - 6), min(len(seg), j + 7)
    pos = lo
    left = right = None
    for w in jb.cut(seg[lo:hi], HMM=False):
        a, b = pos, pos + len(w)
        if a <= i < b:
            left = w if len(w) > 1 and b == i + 1 else None
        if a <= j < b:
            right = w if len(w) > 1 and a == j else None
        pos = b
    return left, right


def _context(doc: Document, a: int, b: int, width: int = 3) -> str:
    """A few characters either side of a span, inside its paragraph."""
    p = doc.paragraph_at(a)
    lo = max(p.start if p else 0, a - width)
    hi = min(p.end if p else len(doc.text), b + width)
    return re.sub(r"\s+", "", doc.text[lo:hi]).strip("“”\"，,。；;、：:")


def _dup_finding(doc: Document, a: int, b: int, repeated: str, note: str) -> Finding:
    sent = doc.sentence_at(a)
    surface = doc.text[a:b]
    ctx = _context(doc, a, b)
    fixed = ctx.replace(surface, repeated, 1)
    zh, en = say("duplicated_characters", "misprint", context=ctx, repeated=repeated, fixed=fixed)
    return Finding(f"text.duplication.{a}", "duplicated_characters", "misprint", [], [], surface, zh, en,
                   formula="no character sequence printed twice", evidence=sent.text if sent else surface,
                   start=a, end=b, note=note)


def find_unbalanced_quotes(doc: Document) -> list[Finding]:
    """Printing damage: a paragraph whose quotation marks do not pair up. A quotation a line
    break splits (“双向 | 揭榜 | 挂帅”, in texts copied from the web) is read across the break."""
    out = []
    carried = False  # the paragraph before left a quotation open at its very end
    for p in doc.paragraphs:
        depth, bad_at, opened = (1 if carried else 0), None, -1
        for s, e in p.pieces:
            for i in range(s, e):
                c = doc.text[i]
                if c == "“":
                    if depth:
                        bad_at = bad_at if bad_at is not None else i
                    depth, opened = 1, i
                elif c == "”":
                    if not depth:
                        bad_at = bad_at if bad_at is not None else i
                    depth = 0
        # a quotation opened at the very end of a line, or a short line inside it, goes on in the next
        carried = bool(depth) and bad_at is None and (p.end - opened <= 10 or carried and p.end - p.start <= 10)
        if carried:
            continue
        if bad_at is not None:
            sent = doc.sentence_at(bad_at)
            ctx = _context(doc, bad_at, bad_at + 1, 6)
            zh, en = say("unbalanced_quotes", "misprint", context=ctx)
            out.append(Finding(f"text.quotes.{bad_at}", "unbalanced_quotes", "misprint", [], [],
                               doc.text[max(p.start, bad_at - 6):bad_at + 6], zh, en, formula="“ and ” alternate",
                               evidence=sent.text if sent else "", start=bad_at, end=bad_at + 1,
                               note="a quotation mark without its partner"))
    return out
