"""The rating scale of a finding: what a fact-checker may say about a number, and in which words.

A verdict about a government body's report is a public statement, so the scale keeps apart
what the checks can tell apart: numbers that cannot all be true (a contradiction) are not a
figure we could not reproduce, nor a misprint, nor a point a rule cannot settle. The same
scale, names and definitions are used in findings.csv, the pages, the Great Expectations
suite metadata, the notebooks and the ClaimReview markup.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rating:
    id: str
    zh: str
    en: str
    definition_zh: str
    definition_en: str
    fault: bool  # whether a number is at fault (marked in the text)
    value: int  # ClaimReview ratingValue: 1 worst … 5 best; 0 when not a judgement


SCALE: tuple[Rating, ...] = (
    Rating("contradiction", "自相矛盾", "Contradiction",
           "报告印出的数字不可能同时为真：部分大于整体、分项之和不等于总数、所说个数与所列各项不符、所说变化与两年数字不符。",
           "The printed numbers cannot all be true: a part larger than its whole, parts that do not add up to the "
           "stated total, a count that disagrees with the items it lists, a change that disagrees with the two years' figures.",
           True, 1),
    Rating("not_reproducible", "无法复现", "Not reproducible",
           "印出的数字无法由报告中的其他数字算出；这本身不证明有误，它可能另有口径。",
           "A printed figure cannot be computed from the report's other numbers; that alone is no proof of error, "
           "it may rest on another base.",
           True, 2),
    Rating("misprint", "疑似印误", "Likely misprint",
           "文字本身的印刷错误：重复的字、不成对的引号。",
           "A printing error in the text itself: a character printed twice, a quotation mark without its partner.",
           True, 3),
    Rating("worth_a_look", "值得留意", "Worth a look",
           "数字之间有出入，但规则无法判断是否矛盾（例如所列各项可能只是概括）。",
           "The numbers differ, but a rule cannot tell whether they contradict each other (the listed items may only "
           "summarise what is counted).",
           True, 3),
    Rating("consistent", "一致", "Consistent",
           "报告中相关的数字彼此相符。", "The related numbers of the report agree with each other.", False, 5),
    Rating("cannot_check", "无法核查", "Cannot be checked",
           "报告中没有可与之比对的数字，或所需的数字只是约数；这不代表有误。",
           "Nothing else in the report bears on it, or the numbers needed are only approximate; that is no sign of error.",
           False, 0),
)
BY_ID = {r.id: r for r in SCALE}
ORDER = tuple(r.id for r in SCALE)  # worst first
FAULTS = tuple(r.id for r in SCALE if r.fault)
SOUND = ("consistent", "cannot_check")


def rating(rid: str) -> Rating:
    if rid not in BY_ID:
        raise ValueError(f"unknown rating '{rid}', expected one of {', '.join(ORDER)}")
    return BY_ID[rid]


def worst(ids) -> str | None:
    """The most severe of several ratings, in the scale's order."""
    ids = [i for i in ids if i in BY_ID]
    return min(ids, key=ORDER.index) if ids else None


def label(rid: str, lang: str = "zh") -> str:
    r = rating(rid)
    return r.zh if lang == "zh" else r.en


def scale_table() -> list[dict]:
    """The scale as rows, for the suites' metadata and the pages' legend."""
    return [{"id": r.id, "zh": r.zh, "en": r.en, "definition_zh": r.definition_zh,
             "definition_en": r.definition_en, "number_at_fault": r.fault} for r in SCALE]
