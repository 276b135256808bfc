"""The parts of a report: the review of the past, the new five-year plan, the coming year's tasks.

A number is a target when the report sets it as a goal, wherever it stands: reports of this
genre put the review first and the tasks after, under headings of many shapes (二、2025年主要
任务; 三、2026年工作安排; an unnumbered “十五五”时期的主要目标任务; or a thematic 三、一鼓作气
勇争先). A part is classified by its heading's words and years; a heading that says nothing
is classified by the time words of its sentences, and failing that it continues the part
before it. Within a part, a sentence can still say the opposite (a baseline fact among the
tasks, a goal inside the review), and the sentence wins. The vocabulary is rules/parts.yml.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ..records import Record
from ..rules import load_rules, regex
from .document import Document

PART_KINDS = ("review", "mixed", "plan", "tasks", "notes", "other")
FORWARD = ("plan", "tasks")
# 2026年 not inside a longer number; the digits first, so that the engine searches for "20"
_YEAR = regex(r"(20[0-9]{2})(?<![0-9]20[0-9]{2})年")
_CN_YEAR = regex(r"二[〇零]([〇零一二三四五六七八九])([〇零一二三四五六七八九])年")
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
_CLAUSE_PUNCT = regex(r"[，,。；;：:！!？?]")


class Part(Record):
    start: int
    end: int
    kind: str  # review | mixed (reviews the old plan, sets the new) | plan | tasks | notes (glossary) | other
    heading: str  # as printed; "" for the text before the first heading
    how: str  # what decided: heading words, heading year, sentence vote, continued, start
    _fields = tuple(__annotations__)


class _Vocab(Record):
    heading_max: int
    heading_shape: re.Pattern
    review: re.Pattern
    plan: re.Pattern
    tasks: re.Pattern
    past: re.Pattern
    past_ahead: re.Pattern
    future: re.Pattern
    goal: re.Pattern
    notes_goal: re.Pattern
    notes: re.Pattern
    _fields = tuple(__annotations__)


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    r = load_rules("parts")
    h = r["heading_words"]
    return _Vocab(r["unnumbered_heading"]["max_chars"], regex(r["unnumbered_heading"]["shape"]),
                  regex(h["review"]), regex(h["plan"]), regex(h["tasks"]),
                  regex(r["past_words"]),
                  regex("|".join(w for w in r["past_words"].split("|") if w not in r["not_past_ahead"])),
                  regex(r["future_words"]), regex(r["goal_words"]), regex(r["notes_goal_words"]),
                  regex(r["notes_heading"]))


def years_in(s: str) -> list[int]:
    """Years a string names, in Arabic (2026年) or Chinese digits (二〇二六年)."""
    if "年" not in s:
        return []
    out = [int(y) for y in _YEAR.findall(s)]
    out += [2000 + 10 * _CN_DIGIT[a] + _CN_DIGIT[b] for a, b in _CN_YEAR.findall(s)]
    return out


def heading_kind(title: str, reviewed_year: int | None) -> tuple[str | None, str]:
    """The kind a heading's own words give, or None when they say nothing."""
    v = _vocab()
    if v.notes.search(title.strip()):
        return "notes", "heading words"
    if v.review.search(title):
        late = reviewed_year is not None and any(y > reviewed_year for y in years_in(title))
        if v.plan.search(title) or late:
            return "mixed", "heading words"
        return "review", "heading words"
    ys = years_in(title)
    if ys and reviewed_year is not None:
        if max(ys) > reviewed_year:
            return ("plan" if v.plan.search(title) and not v.tasks.search(title) else "tasks"), "heading year"
        return "review", "heading year"
    if v.plan.search(title) and not re.search(r"20[0-9]{2}年", title):
        return "plan", "heading words"
    if v.tasks.search(title):
        return "tasks", "heading words"
    return None, ""


def is_unnumbered_heading(line: str) -> bool:
    """A short line of its own, without clause punctuation, shaped like a part heading."""
    v = _vocab()
    return (len(line) <= v.heading_max and not _CLAUSE_PUNCT.search(line)
            and bool(v.heading_shape.search(line)))


def infer_reviewed_year(headings: list[str], text: str = "") -> int | None:
    """The year a report reviews, from its headings: a review heading names it, a tasks
    heading names the year after it; failing both, the year the text names most often."""
    v = _vocab()
    for h in headings:
        ys = years_in(h)
        if ys and v.review.search(h):
            return max(ys)
    for h in headings:
        ys = years_in(h)
        if ys and v.tasks.search(h) and not v.review.search(h):
            return min(ys) - 1
    counts: dict[int, int] = {}
    # not the title (2025年福建省政府工作报告) nor a date (2025年1月13日): they name the year of delivery
    body = re.sub(r"(20[0-9]{2})年\s*[0-9一二三四五六七八九十]{1,2}\s*月", "", text)
    body = re.sub(r"^.{0,20}20[0-9]{2}年.{0,20}工作报告.*$", "", body, count=1, flags=re.M)
    for y in years_in(body):
        counts[y] = counts.get(y, 0) + 1
    return max(counts, key=lambda y: (counts[y], -y)) if counts else None


class Parts:
    """The parts of one document and, for any offset, whether a number there sets a goal."""

    def __init__(self, doc: Document, reviewed_year: int | None = None):
        self.doc = doc
        heads = self._headings()
        self.reviewed_year = reviewed_year or infer_reviewed_year([t for _, t in heads], doc.text)
        self.parts = self._classify(heads)
        self._starts = [p.start for p in self.parts]
        self._goal_cache: dict = {}  # by sentence start, and ("p", line start) by paragraph

    def _headings(self) -> list[tuple[int, str]]:
        """(start, text) of every line that opens a part: numbered (一、…) or shaped."""
        text = self.doc.text
        out = []
        numbered = {s.start for s in self.doc.sections if s.level == "part" and not s.implicit}
        for p in self.doc.paragraphs:
            if p.joined:
                continue
            line = text[p.start:p.end].strip()
            if p.start in numbered or is_unnumbered_heading(line):
                out.append((p.start, line))
        return out

    def _classify(self, heads: list[tuple[int, str]]) -> list[Part]:
        text = self.doc.text
        bounds = [(0, "")] + heads
        out: list[Part] = []
        for i, (start, title) in enumerate(bounds):
            end = bounds[i + 1][0] if i + 1 < len(bounds) else len(text)
            if i == 0 and end == 0:
                continue
            kind, how = heading_kind(title, self.reviewed_year) if title else (None, "")
            if kind is None:
                kind, how = self._vote(start, end)
                if kind == "review" and out and out[-1].kind in FORWARD and not self._clearly_past(start, end):
                    kind, how = out[-1].kind, "continued"  # a closing part (政府自身建设) after the tasks
            if kind is None:
                if i == 0 and heads and not self._has_body(start, end):
                    kind, how = "other", "start"
                elif out:
                    kind, how = next((p.kind for p in reversed(out) if p.kind != "notes"), "review"), "continued"
                else:
                    kind, how = "review", "start"
            out.append(Part(start, end, kind, title, how))
        return out

    def _sentences(self, start: int, end: int) -> list:
        """The sentences starting in [start, end): a slice, not a scan of the whole text."""
        starts = self.doc._sent_starts
        from bisect import bisect_left
        return self.doc.sentences[bisect_left(starts, start):bisect_left(starts, end)]

    def _has_body(self, start: int, end: int) -> bool:
        return any(len(s.text) >= 40 for s in self._sentences(start, end))

    def _clearly_past(self, start: int, end: int) -> bool:
        v = _vocab()
        sents = [s.text for s in self._sentences(start, end)]
        past = sum(bool(v.past.search(t)) for t in sents)
        future = sum(bool(v.future.search(t)) for t in sents)
        return past >= 4 and past >= 3 * future

    def _vote(self, start: int, end: int) -> tuple[str | None, str]:
        return vote([x.text for x in self._sentences(start, end)], self.reviewed_year, self.doc.text[start:end])

    def _review_paragraph(self, offset: int) -> bool:
        text = self.doc.text
        a = text.rfind("\n", 0, offset) + 1
        if ("p", a) not in self._goal_cache:
            b = text.find("\n", offset)
            self._goal_cache[("p", a)] = reviews(text[a:b if b >= 0 else len(text)], self.reviewed_year)
        return self._goal_cache[("p", a)]

    def at(self, offset: int) -> Part:
        i = bisect_right(self._starts, offset) - 1
        return self.parts[max(i, 0)]

    def sets_goal(self, offset: int) -> bool:
        """Whether a number at `offset` is a target: its part looks forward and its sentence
        does not state a fact, or its part reviews and its sentence sets a goal."""
        sent = self.doc.sentence_at(offset)
        key = sent.start if sent else offset
        got = self._goal_cache.get(key)
        if got is None:  # (goal, whether a clause may say otherwise, the part's kind), once a sentence
            kind = self.at(offset).kind
            forward = sent is not None and kind in FORWARD
            review = forward and self._review_paragraph(offset)  # a plan part opening on the old plan's review
            got = self._goal_cache[key] = (False if review else self._goal(kind, sent.text if sent else ""),
                                           forward and not review, kind)
        goal, by_clause, kind = got
        if goal or not by_clause:
            return goal
        # a task's sentence that states a fact in one clause may set a goal in another
        clause = clause_at(self.doc.text, sent.start, sent.end, offset)
        if "年" not in clause and not _vocab().past_ahead.search(clause):
            return True  # no past word, no year: nothing in the clause states a fact
        return self._goal(kind, clause)

    def _goal(self, kind: str, sentence: str) -> bool:
        v = _vocab()
        ys = years_in(sentence)
        ry = self.reviewed_year
        late = ry is not None and any(y > ry for y in ys)
        early = ry is not None and ys and all(y <= ry for y in ys)
        goal, future = self._ahead(v.goal, sentence), self._ahead(v.future, sentence)
        if kind in FORWARD:
            stated_fact = (v.past_ahead.search(sentence) or early) and not (future or late)
            return not stated_fact
        if kind == "review":
            return bool(goal or late and future) and not v.past.search(sentence)
        if kind == "notes":  # a glossary explains what exists, unless an entry names the years ahead
            return bool(goal or late or v.notes_goal.search(sentence)) and not v.past.search(sentence)
        if kind == "mixed":  # no default: the sentence must look forward
            return bool(future or late) and not (v.past.search(sentence) or early)
        return False

    def _ahead(self, words: re.Pattern, sentence: str) -> bool:
        return ahead(words, sentence, self.reviewed_year)


# a paragraph that opens on a period already over: “十四五”时期，…, 过去五年，, 2025年，
_PAST_OPENER = regex(r"[ \u3000]*(?:“?十([三四五六])五”?时期|过去五年|五年来|这五年|过去一年|一年来|(20[0-9]{2})年[，,])")
_PLAN_END = {"三": 2020, "四": 2025, "五": 2030, "六": 2035}  # the last year of each five-year plan


def vote(sentences: list[str], reviewed_year: int | None, span: str) -> tuple[str | None, str]:
    """Past against future time words over a part's sentences: its kind, or None when
    neither wins by two to one."""
    v = _vocab()
    past = future = plan = 0
    for text in sentences:
        ys = years_in(text)
        late = reviewed_year is not None and any(y > reviewed_year for y in ys)
        early = reviewed_year is not None and any(y <= reviewed_year for y in ys)
        was = bool(v.past.search(text) or early and not late)
        past += was
        future += bool(v.future.search(text) or late)
        plan += bool(v.plan.search(text)) and not was
    future = max(future, plan)  # the new five-year plan is forward-looking too
    n = past + future
    if n < 2 or max(past, future) < 2 * min(past, future):
        return None, ""
    if past > future:
        return "review", "sentence vote"
    return ("plan" if plan > future / 2 and not any(
        reviewed_year is not None and y == reviewed_year + 1 for y in years_in(span)) else "tasks"), "sentence vote"


def ahead(words: re.Pattern, sentence: str, reviewed_year: int | None) -> bool:
    """A goal or future word in the sentence; 到2025年 only when the year is still to come
    (人均GDP从2020年的5.2万元提高到2025年的7.4万元 reviews the plan just ended)."""
    for m in words.finditer(sentence):
        ys = years_in(m.group()) if m.group().startswith("到") else []
        if not ys or reviewed_year is None or ys[0] > reviewed_year:
            return True
    return False


def reviews(line: str, reviewed_year: int | None) -> bool:
    """A paragraph among the plans or tasks that opens on a period already over and names
    nothing ahead (no future word, no later year): it reviews, its numbers are facts."""
    m, ry = _PAST_OPENER.match(line), reviewed_year
    if m is None or ry is None:
        return False
    over = _PLAN_END[m.group(1)] <= ry if m.group(1) else int(m.group(2)) <= ry if m.group(2) else True
    return over and not _vocab().future.search(line) and not any(y > ry for y in years_in(line))


def clause_at(text: str, start: int, end: int, offset: int) -> str:
    """The clause of the sentence [start, end) that holds `offset` (between ，；)."""
    a = max(start, max(text.rfind(c, start, offset) for c in "，；,;") + 1)
    ends = [i for i in (text.find(c, offset, end) for c in "，；,;") if i >= 0]
    return text[a:min(ends) if ends else end]


def parts_of(doc: Document) -> Parts:
    """The document's parts, computed once per document."""
    cached = doc.__dict__.get("_parts")
    if cached is None:
        cached = doc.__dict__["_parts"] = Parts(doc)
    return cached


PART_THEMES = {"review": "review", "mixed": "review", "plan": "plan", "tasks": "tasks", "notes": "other",
               "other": "other"}


def part_theme(doc: Document, offset: int) -> str:
    """The part of the report a number stands in, as the theme of a report without a
    catalog: its charts and notebooks are grouped by part (review, plan, tasks)."""
    return PART_THEMES[parts_of(doc).at(offset).kind]


def part_heading(doc: Document, theme: str) -> str:
    """The report's own heading of the first part of a theme (一、2024年工作回顾), or ""."""
    for p in parts_of(doc).parts:
        if PART_THEMES[p.kind] == theme and p.heading:
            return p.heading
    return ""
