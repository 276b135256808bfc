"""Where a mention stands: its section (by bisection) and a window of its sentence.
"""

from __future__ import annotations

from bisect import bisect_right

from ..text.document import Section, Sentence
from .mention import Mention, SENTENCE_MAX


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
