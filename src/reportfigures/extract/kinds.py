"""A quantity's kind: list count, target, metric, anniversary, date or period.

In comes a quantity's place, unit and the document; out comes its kind with the listed
items when it counts a list. The order matters: a time unit is a date or period; a count
with a list before it (A、B、C三个, 渝川黔三省市), the places before it, the headings it
announces (以下六个方面) or the clauses after it is a list count; otherwise a number in a part
and sentence that set a goal (text/parts.py) is a target, and anything else a metric.
"""

from __future__ import annotations

import re

from ..rules import regex
from ..text.document import Document, Section
from ..text.parts import parts_of
from .lists import LIST_WINDOW, clause_start, counted_noun_follows, enumeration_before, items_after, list_after
from .places import SectionIndex
from .vocabulary import Vocabulary

_NOUN_UNITS = ("部委", "省市", "市区", "区县", "级")
# hours and minutes measure how long something takes (由18小时缩短到5小时, 240小时过境免签): a
# figure or a goal like any other, never the date or period a statement is about
_DURATIONS = frozenset(("小时", "分钟"))
_CLAUSE = regex(r"[，,。；;、]")  # between a count and its colon: then the colon is another clause's
_CIRCLE = regex(r"[^，,。；;、：:！？\n]{0,8}?圈")  # 15分钟社区生活圈, 1小时通勤圈: a service circle's name
# one-character items a count may sum up: levels, sides, directions (省市县三级, 供需两端, 援受两地)
_ITEM_CHARS = "省市县区乡镇村供需产销陆海空内外上下东西南北援受"
_LIST_MAX = 100  # more than this many items are never all named beside their count
_CN_ORDINALS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五",
                "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四", "二十五", "二十六",
                "二十七", "二十八", "二十九", "三十", "三十一"]


# the time a thing took (仅用90天建成, 历时3年): a figure of its statement, no date or period
# (用3—5年时间 is a timetable, a period)
_TIME_TAKEN = regex(r"(?:仅用|只用|历时|耗时|用时)了?\Z")


_NUMBERED_LINE = regex(r"1[.．、]|（1）")


def _lines_after(text: str, sent_end: int, value: int) -> list[str]:
    """Lines numbered 1. to N right after the count's sentence, however long it runs on."""
    j = sent_end
    while j < len(text) and text[j] in " \u3000\n\r":
        j += 1
    return _numbered_lines(text, j, value) if _NUMBERED_LINE.match(text, j) else []


def _numbered_lines(text: str, j: int, value: int) -> list[str]:
    """Lines numbered 1. to N right after a count of N: the items it counts (and no N+1.)."""
    found, pos = ["1"], j + 2
    for k in range(2, value + 2):
        m = regex(rf"\n[ \u3000]*(?:{k}[.．、]|（{k}）)").search(text, pos, pos + 3000)
        if m is None:
            break
        found.append(str(k))
        pos = m.end()
    return found if len(found) == value else []


def _age_threshold(text: str, end: int) -> bool:
    """20年以上电梯, 15年以上的老旧车辆: an age that picks out things, a threshold of its
    statement, no period (工作3年以上， stays a period)."""
    return text.endswith(("年以上", "年以下"), 0, end) and end < len(text) \
        and "\u4e00" <= text[end] <= "\u9fff" and text[end] not in "时来内前后间里中"


def _attributive(text: str, end: int, project_re: re.Pattern) -> bool:
    """The capacity names the project that follows (70万吨煤制烯烃和80万吨煤制油升级示范),
    rather than ending its clause as an amount to reach (新增装机500万千瓦以上)."""
    if text.endswith(("以上", "以下", "以内", "左右", "上下"), 0, end) or text.startswith("级", end):
        # 50万千瓦以上基地: a threshold the task sets; 30万千瓦级煤电机组: a size class
        return False
    return end < len(text) and "\u4e00" <= text[end] <= "\u9fff" and not text.startswith(
        ("以上", "以内", "左右", "的", "和", "及", "等", "上下"), end) and bool(project_re.match(text, end))


class Kinds:
    """The kinds of one document's quantities (the headings under a part computed once)."""

    def __init__(self, doc: Document, vocab: Vocabulary, sections: SectionIndex):
        self.doc, self.text, self.v, self.sections = doc, doc.text, vocab, sections
        self._siblings: dict[int, list[Section]] = {}
        self._place_run = regex(f"[{vocab.places}][{vocab.places}]+")  # a class first: searched fast

    def of(self, start: int, end: int, unit: str, value=None) -> tuple[str, list[str], bool]:
        """(kind, listed items, whether the list is open-ended) of the quantity at [start, end)."""
        text, v = self.text, self.v
        cls = v.unit_class.get(unit)
        if unit == "周年":
            return "anniversary", [], False
        if unit in _DURATIONS and _CIRCLE.match(text, end):
            return "name", [], False
        if unit == "千伏":  # 750千伏输变电工程, 建成500千伏变电站: a voltage class names the works
            return "name", [], False
        if cls == "time" and unit not in _DURATIONS and not text.endswith(("连续", "提前"), 0, start) \
                and not _TIME_TAKEN.search(text, max(0, start - 3), start) and not _age_threshold(text, end) \
                and not (isinstance(value, float) and round(value, 2) == value):  # 受教育年限达到11.7年: a measure
        # (14.2025年 is a glossary's number 14. run into a year: still a date)
            return "date_or_period", [], False  # but 连续8年, 提前一年: a streak, time gained: facts
        sent = self.doc.sentence_at(start)
        floor = sent.start if sent else 0
        # a count of named things is a small whole number: 7.1级 is a magnitude, 百亿级 a size class
        small = value is None or isinstance(value, int) and value <= _LIST_MAX
        listable = unit in v.list_units and small
        if listable and (cls == "count" and counted_noun_follows(text, end) or unit in v.place_units
                         or unit in _NOUN_UNITS):  # only these count a list before them: look for one
            items, open_ = enumeration_before(text, start, floor, v.counted_re, v.lead_in_re)
            if len(items) == 2 and value not in (None, 2) and text.find("、", start - sum(map(len, items)) - 4, start) < 0:
                items = []  # 推动与湄公河五国: a pair joined by 与 counts two, or it is no list
            if items and not (open_ and value is not None and len(items) < value):
                return "list_count", items, open_  # A、B等9个: two named of nine, a count, not a list
        items = self._item_run(start, value) if listable or unit in ("端", "方") else []
        if items:
            return "list_count", items, False
        if small and (unit in v.place_units or unit in ("级",)):
            clause = text[clause_start(text, max(floor, start - LIST_WINDOW), start):start]
            run = self._place_run.findall(clause)
            if run and (not isinstance(value, int) or len(run[-1]) == value):  # 乡乡通三级以上公路: no list
                return "list_count", list(run[-1]), False
        if unit in ("个方面", "方面") and text.startswith("以下", start - 2):
            sec = self.sections.at(start)
            container = sec if sec.level in ("part", "root") else sec.parent
            siblings = [s for s in self._headings_under(container) if s.start > start]
            if siblings:
                return "list_count", [s.label + s.title for s in siblings], False
        if listable and sent is not None and isinstance(value, int) and 2 <= value <= 30:
            colon = text.find("：", end, min(end + 10, sent.end))  # 至少有十个突出亮点：一是…十是
            listed = items_after(text, colon, value) if colon >= 0 and not _CLAUSE.search(text, end, colon) else []
            if listed:  # 10种有色金属：铜、铅、…: the items after the colon
                return "list_count", listed, False
            after_at = colon + 1 if colon >= 0 and text.startswith("一是", colon + 1) else sent.end
            items = self._counted_after(start, after_at, value) if after_at - end <= 10 else \
                _lines_after(text, sent.end, value)  # 办好十方面民生实事，坚决做到…。⏎1.…
            if items:  # 重点抓好十个方面工作。（一）…（十）; 办好15件民生实事。一是…十五是
                return "list_count", items, False
        after = list_after(text, end, sent.end) if sent is not None and listable else []
        if after:
            return "list_count", after, False
        if unit in v.capacity_units and _attributive(text, end, v.project_re):
            return "metric", [], False  # 开工建设720兆瓦储能电站: the size of a project named, not a goal
        if text.endswith(("由", "从"), 0, start) and v.baseline_re.match(text, end):
            return "metric", [], False  # 由18小时缩短到5小时: where the change starts, a fact
        if parts_of(self.doc).sets_goal(start):  # the part and sentence set a goal (parts.py)
            if unit == "大" and _defined_before(self.doc, start, end, floor):
                return "metric", [], False  # 推动四大主导产业补链: the set the review already named
            return "target", [], False
        return "metric", [], False

    def of_rank(self, start: int, end: int, unit: str = "") -> str:
        """A rank's kind: among the tasks a goal only after a goal word in its clause
        (力争进入全国前十); else a standing the task builds on (用好…全国第一优势), a fact."""
        kind = self.of(start, end, unit)[0]
        if kind == "target" and not self.v.rank_goal_re.search(self.text, max(0, start - 40), start):
            return "metric"
        return kind

    def _counted_after(self, start: int, sent_end: int, value: int) -> list[str]:
        """The items a count announces when they follow its sentence at once: as many
        headings (（一）…（十）) or as many numbered items (一是…十五是) as it says."""
        text = self.text
        j = sent_end
        while j < len(text) and text[j] in " \u3000\n\r：:":
            j += 1
        sec = self.sections.at(start)
        container = sec if sec.level in ("part", "root") else sec.parent
        under = self._headings_under(container)
        heads = [s for s in under if s.start >= sent_end]
        if heads and heads[0].start <= j + 1:  # the first of them, right after: they are what it counts
            return [s.label + s.title for s in heads] if len(heads) == value and heads[0] is under[0] else []
        if _NUMBERED_LINE.match(text, j):  # 十方面民生实事。⏎1.医疗卫生方面。…⏎10.除险保安方面。
            return _numbered_lines(text, j, value)
        if not text.startswith("一是", j):
            return []
        found, pos = [], j
        for k in range(1, value + 2):
            label = _CN_ORDINALS[k] + "是" if k < len(_CN_ORDINALS) else None
            at = text.find(label, pos, pos + 3000) if label else -1
            if at < 0:
                break
            found.append(label)
            pos = at + len(label)
        return found if len(found) == value else []

    def _item_run(self, start: int, value) -> list[str]:
        """省市县三级, 供需两端, 陆海空三个: as many one-character items right before the
        number as it counts, and no more."""
        if not isinstance(value, int) or not 2 <= value <= 5 or start < value:
            return []
        run = self.text[start - value:start]
        before = self.text[start - value - 1:start - value]
        if all(c in self.item_chars for c in run) and not (before and before in self.item_chars):  # "" is in any str
            return list(run)
        return []

    @property
    def item_chars(self) -> str:
        return self.v.places + _ITEM_CHARS

    def _headings_under(self, container: Section | None) -> list[Section]:
        """The (一)…(六) headings of a part, computed once per part."""
        key = id(container)
        if key not in self._siblings:
            self._siblings[key] = [s for s in self.doc.sections
                                   if s.level == "heading" and s.parent is container]
        return self._siblings[key]


def _defined_before(doc: Document, start: int, end: int, floor: int) -> bool:
    """The same N大 and the three characters after it (四大主导产, 三大都市圈) stand earlier in
    the text, in a statement that sets no goal: a set the report has already named (not
    10大类52项 last year, 10大类55项 this year: another count)."""
    text = doc.text
    key = text[start:end + 3]
    at = text.find(key, 0, floor)
    while at >= 0:
        if not parts_of(doc).sets_goal(at):
            return True
        at = text.find(key, at + 1, floor)
    return False
