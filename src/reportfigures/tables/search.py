"""Full-text search of Chinese text with SQLite FTS5, exact and independent of word segmentation.

Chinese is written without spaces, so SQLite's tokenizer would take a whole clause for one
word and find nothing inside it; word segmentation (jieba) would find a word only where it
happened to cut it. The index therefore holds, for every run of Chinese characters, each
pair of neighbouring characters (a bigram) and the run's last character; a query term
becomes the phrase of its own bigrams. Any sequence of two or more characters is found
where it occurs, and nowhere else; a single character is found as a prefix. Latin words and
digits pass through to the tokenizer as they are. Both sides are NFKC-normalised, so
full-width digits and letters match their ASCII forms.
"""

from __future__ import annotations

import re
import unicodedata

CJK = re.compile("[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+")


def _pieces(text: str, *, term: bool = False) -> list[str]:
    """Text as FTS tokens: Chinese runs as bigrams plus their last character, anything
    else unchanged. For a query `term`, a run at the very end keeps no last character (the
    text may go on after it with more characters)."""
    text = unicodedata.normalize("NFKC", text)
    out, pos = [], 0
    for m in CJK.finditer(text):
        if m.start() > pos:
            out.append(text[pos:m.start()])
        run = m.group()
        out += [run[i:i + 2] for i in range(len(run) - 1)]
        if not (term and m.end() == len(text)) or len(run) == 1:
            out.append(run[-1])
        pos = m.end()
    if pos < len(text):
        out.append(text[pos:])
    return out


def index_text(text: str | None) -> str:
    """What the FTS index stores for a column's text."""
    return " ".join(_pieces(text or ""))


_TOKEN = re.compile(r"\w", re.UNICODE)


def fts_query(query: str) -> str:
    """The FTS5 MATCH expression for what a reader typed: every whitespace-separated term
    must occur, each as the exact sequence of its characters. A term ending in a single
    Chinese character matches it as a prefix (案 → 案 and every 案X pair)."""
    phrases = []
    for term in unicodedata.normalize("NFKC", query or "").split():
        pieces = [p for p in _pieces(term, term=True) if _TOKEN.search(p)]
        if not pieces:
            continue
        phrase = '"' + " ".join(pieces).replace('"', '""') + '"'
        last = CJK.search(term[::-1])  # the term ends in a single Chinese character
        single_end = bool(last) and last.start() == 0 and len(last.group()) == 1
        phrases.append(phrase + " *" if single_end else phrase)
    return " ".join(phrases) or '""'
