"""The text model: lines, paragraphs (re-joined across page breaks), sections, sentences.

Every object keeps `start`/`end` offsets into the raw text, so `text[start:end]` is always
what a reviewer sees in the archived file. Page markers, running headers and web-page
chrome are classified, never deleted: a paragraph split by a page break is one paragraph
made of several `pieces`, and its clean text skips what lies between them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property, lru_cache

from ..records import Record
from ..rules import load_rules, regex

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}


def small_cn_int(s: str) -> int:
    """Value of a heading numeral (一 … 九十九). Never raises: the heading patterns accept any
    run of 一…十, so a malformed one (五二、 十十、) reads digit by digit, 十 counting ten."""
    value = digit = 0
    for ch in s:
        if ch == "十":
            value += (digit or 1) * 10
            digit = 0
        else:
            digit = digit * 10 + CN_DIGITS.get(ch, 0)
    return value + digit


class Line(Record):
    """role: content | blank | page_marker | running_header | chrome | title."""

    _fields = __slots__ = ("start", "end", "role")

    def __init__(self, start: int, end: int, role: str) -> None:
        self.start, self.end, self.role = start, end, role


class Paragraph(Record):
    """pieces: raw spans, more than one when re-joined across a break."""

    _fields = __slots__ = ("index", "pieces")

    def __init__(self, index: int, pieces: list[tuple[int, int]]) -> None:
        self.index, self.pieces = index, pieces

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    @property
    def joined(self) -> bool:
        return len(self.pieces) > 1


class Section(Record):
    """level: root | part | item | heading; label as printed (二、 / 三是 / (四)); start: where
    the heading starts (raw offset); end: where the section's body ends; implicit: inferred
    (the text starts after its heading)."""

    _fields = __slots__ = ("level", "number", "label", "title", "start", "end", "title_start", "title_end",
                           "implicit", "parent", "children")
    _hidden = ("parent", "children")

    def __init__(self, level: str, number: int | None, label: str, title: str, start: int, end: int,
                 title_start: int = 0, title_end: int = 0, implicit: bool = False,
                 parent: Section | None = None, children: list[Section] | None = None) -> None:
        self.level, self.number, self.label, self.title, self.start, self.end = level, number, label, title, start, end
        self.title_start, self.title_end, self.implicit = title_start, title_end, implicit
        self.parent, self.children = parent, [] if children is None else children

    @property
    def path(self) -> str:
        parts = []
        node: Section | None = self
        while node is not None and node.level != "root":
            parts.append(node.label)
            node = node.parent
        return "/".join(reversed(parts))

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


class Sentence(Record):
    """text: the clean text, break material between pieces removed."""

    _fields = __slots__ = ("index", "start", "end", "paragraph", "text")

    def __init__(self, index: int, start: int, end: int, paragraph: int, text: str) -> None:
        self.index, self.start, self.end, self.paragraph, self.text = index, start, end, paragraph, text


class Rules(Record):
    page_marker: list[re.Pattern]
    chrome: list[re.Pattern]
    header_max: int
    header_pattern: re.Pattern
    paragraph_end: re.Pattern
    join_min_chars: int
    part: re.Pattern
    item: re.Pattern
    heading: re.Pattern
    sentence_end: re.Pattern
    _fields = tuple(__annotations__)


@lru_cache(maxsize=1)
def text_rules() -> Rules:
    r = load_rules("text")
    return Rules(
        page_marker=[regex(p) for p in r["page_marker"]],
        chrome=[regex(p) for p in r["chrome"]],
        header_max=r["running_header"]["max_chars"],
        header_pattern=regex(r["running_header"]["pattern"]),
        paragraph_end=regex(r["paragraph_end"]),
        join_min_chars=r["join_min_chars"],
        part=regex(r["headings"]["part"]),
        item=regex(r["headings"]["item"]),
        heading=regex(r["headings"]["heading"]),
        sentence_end=regex(r["sentence_end"]),
    )


_PUNCT = regex(r"[。，,；;！!？?：:、]")
_BODY_PUNCT = regex(r"[。，,；;、]")
_LINE = regex(r"[^\r\n]*(\r\n|\n|\r)?")


def split_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line's content, line ends excluded; CRLF-safe."""
    out = []
    for m in _LINE.finditer(text):
        if m.start() == m.end() and m.start() == len(text):
            break
        end = m.end() - len(m.group(1) or "")
        out.append((m.start(), end))
    return out


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def classify_lines(text: str, rules: Rules | None = None) -> list[Line]:
    rules = rules or text_rules()
    lines: list[Line] = []
    body_started = False
    for s, e in split_lines(text):
        s, e = _strip_span(text, s, e)
        body = text[s:e]
        if not body:
            lines.append(Line(s, e, "blank"))
            continue
        if any(p.search(body) for p in rules.page_marker):
            role = "page_marker"
        elif not body_started and any(p.search(body) for p in rules.chrome):
            role = "chrome"
        elif (len(body) <= rules.header_max and not _PUNCT.search(body)
              and rules.header_pattern.search(body)):
            role = "running_header" if body_started else "title"
        else:
            role = "content"
            if rules.paragraph_end.search(body) or len(body) >= rules.join_min_chars:
                body_started = True
        lines.append(Line(s, e, role))
    return lines


def _is_heading_start(s: str, rules: Rules) -> bool:
    return bool(rules.part.match(s) or rules.item.match(s) or rules.heading.match(s))


def build_paragraphs(text: str, lines: list[Line], rules: Rules | None = None) -> list[Paragraph]:
    """Content lines become paragraphs; one that breaks off mid-sentence is re-joined with
    the next content line, skipping page markers, running headers and blank lines between."""
    rules = rules or text_rules()
    paras: list[Paragraph] = []
    open_para: Paragraph | None = None
    for ln in lines:
        if ln.role != "content":
            continue
        body = text[ln.start:ln.end]
        if open_para is not None and not _is_heading_start(body, rules):
            open_para.pieces.append((ln.start, ln.end))
        else:
            open_para = Paragraph(len(paras), [(ln.start, ln.end)])
            paras.append(open_para)
        last = text[open_para.pieces[-1][0]:open_para.pieces[-1][1]]
        total = sum(e - s for s, e in open_para.pieces)
        first = text[open_para.start:open_para.pieces[0][1]]
        heading_line = _is_heading_start(first, rules) and total < rules.join_min_chars
        body_like = total >= rules.join_min_chars or bool(_BODY_PUNCT.search(last))
        breaks_off = not rules.paragraph_end.search(last) and body_like and not heading_line
        if not breaks_off:
            open_para = None
    return paras


def clean_text(text: str, pieces: list[tuple[int, int]], start: int, end: int) -> str:
    """The text between two raw offsets with the break material between pieces removed."""
    return "".join(text[max(s, start):min(e, end)] for s, e in pieces if s < end and e > start)


class Document:
    """A report text with its layout and structure, all offsets into `text`."""

    def __init__(self, text: str, rules: Rules | None = None):
        self.text = text
        self.rules = rules or text_rules()
        self.lines = classify_lines(text, self.rules)
        self.paragraphs = build_paragraphs(text, self.lines, self.rules)
        self.root = self._build_sections()
        self.sentences = self._build_sentences()
        self._sent_starts = [s.start for s in self.sentences]
        self._para_starts = [p.start for p in self.paragraphs]

    # --- sections ---------------------------------------------------------------------
    def _build_sections(self) -> Section:
        text, rules = self.text, self.rules
        root = Section("root", None, "", "", 0, len(text))
        part: Section | None = None
        heads: list[tuple[Paragraph, str, re.Match]] = []
        for p in self.paragraphs:
            body = text[p.start:p.pieces[0][1]]
            for level, pat in (("part", rules.part), ("item", rules.item), ("heading", rules.heading)):
                m = pat.match(body)
                if m:
                    heads.append((p, level, m))
                    break
        first_part = next((small_cn_int(m.group(1)) for _, lv, m in heads if lv == "part"), None)
        for p, level, m in heads:
            num = small_cn_int(m.group(1))
            t_start = p.start + m.end()
            if level == "part":
                t_end = p.pieces[0][1]
            else:
                sm = re.search(r"[。！？!?]", text[t_start:p.pieces[0][1]])
                t_end = t_start + sm.start() if sm else p.pieces[0][1]
            sec = Section(level, num, m.group(0), text[t_start:t_end], p.start, p.end, t_start, t_end)
            if level == "part":
                part = sec
                sec.parent = root
                root.children.append(sec)
                continue
            if part is None:
                # The text starts inside a part whose heading was not printed (mid-report).
                n = (first_part - 1) if first_part and first_part > 1 else None
                label = (_cn_numeral(n) + "、") if n else "?、"
                part = Section("part", n, label, "", 0, 0, implicit=True, parent=root)
                root.children.append(part)
            sec.parent = part
            part.children.append(sec)
        # Ends: a section runs until the next section of its level or higher.
        self._close(root, len(text))
        return root

    def _close(self, node: Section, end: int) -> None:
        kids = node.children
        for i, k in enumerate(kids):
            k.end = kids[i + 1].start if i + 1 < len(kids) else end
            if k.level == "item":
                # 一是…四是 are items of one paragraph each: what follows them belongs to the part.
                para = self.paragraph_at_start(k.start)
                k.end = min(k.end, para.end) if para else k.end
            self._close(k, k.end)
        if node.implicit and kids:
            node.start = kids[0].start

    def paragraph_at_start(self, offset: int) -> Paragraph | None:
        if "_para_by_start" not in self.__dict__:  # built once: a scan per section was quadratic
            self.__dict__["_para_by_start"] = {p.start: p for p in self.paragraphs}
        return self.__dict__["_para_by_start"].get(offset)

    @cached_property
    def sections(self) -> list[Section]:
        return [s for s in self.root.walk() if s.level != "root"]

    def section_at(self, offset: int) -> Section:
        """The innermost section containing an offset (root when before any heading)."""
        node = self.root
        while True:
            for k in node.children:
                if k.start <= offset < k.end:
                    node = k
                    break
            else:
                return node

    # --- sentences --------------------------------------------------------------------
    def _build_sentences(self) -> list[Sentence]:
        out: list[Sentence] = []
        ends = self.rules.sentence_end
        for p in self.paragraphs:
            # Work on the clean text, then map positions back to raw offsets (one piece, the
            # common case, is a shift; pieces joined across a page break are looked up).
            if len(p.pieces) == 1:
                base = p.pieces[0][0]
                clean = self.text[base:p.pieces[0][1]]
                raw = base.__add__
            else:
                clean = "".join(self.text[s:e] for s, e in p.pieces)
                raw = _piece_map(p.pieces)
            pos = 0
            for m in ends.finditer(clean):
                out.append(self._sentence(len(out), p, clean, raw, pos, m.end()))
                pos = m.end()
            if pos < len(clean):
                out.append(self._sentence(len(out), p, clean, raw, pos, len(clean)))
        return out

    def _sentence(self, idx, p, clean, raw, a, b) -> Sentence:
        while a < b and clean[a].isspace():
            a += 1
        return Sentence(idx, raw(a), raw(b - 1) + 1, p.index, clean[a:b])

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect_right(self._sent_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def paragraph_at(self, offset: int) -> Paragraph | None:
        i = bisect_right(self._para_starts, offset) - 1
        if i >= 0:
            p = self.paragraphs[i]
            if any(s <= offset < e for s, e in p.pieces):
                return p
        return None

    def excluded_spans(self) -> list[tuple[int, int, str]]:
        """Spans that are not content (markers, headers, chrome, titles), for the extractor."""
        return [(ln.start, ln.end, ln.role) for ln in self.lines
                if ln.role not in ("content", "blank")]


def _piece_map(pieces: list[tuple[int, int]]):
    """Offset in the joined clean text → offset in the raw text, for a paragraph in pieces."""
    starts, acc = [], 0
    for s, e in pieces:
        starts.append(acc)
        acc += e - s

    def raw(i: int) -> int:
        k = bisect_right(starts, i) - 1
        return pieces[k][0] + i - starts[k]
    return raw


def _cn_numeral(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
