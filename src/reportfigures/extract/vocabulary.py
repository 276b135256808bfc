"""The extractor's vocabulary, from rules/numbers.yml: units, qualifiers, names, patterns.

In comes the rule file; out comes one Vocabulary (compiled once), which every other module
of the extractor reads: the units and their classes, the qualifier words before, inside and
after a number, the words that only look numeric, the fixed names and numbering patterns,
the place abbreviations and list words, and the numeral grammar's own vocabulary.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from collections import namedtuple

from ..records import Record
from .grammar import Grammar
from .lists import counted_re
from ..rules import load_rules, regex


def word_re(words) -> re.Pattern:
    """One alternation of `words` in the given order (longest first): the regex engine tries
    them as a loop would. Built once per vocabulary (Vocabulary keeps them)."""
    return regex("|".join(map(re.escape, words)) or r"(?!)")


def ending_re(pairs: tuple[tuple[str, str], ...]) -> re.Pattern:
    """The words of `pairs` ending where a search stops (\\Z at its end position)."""
    words = [w for w, _ in pairs]
    return regex("(?:" + "|".join(map(re.escape, words)) + r")\Z") if words else regex(r"(?!)")


# A numbering or name pattern of rules/numbers.yml, decided before the free numerals: its
# name, kind (or "quantity": the statement's, kinds.py), unit, compiled regex, whether its
# numeral is valued, and the words one of which must be in the text for it to be tried.
# `before`: a regex that must match ending where the match starts (a rank verb some way
# before 首位), or None; `part`: the kind of part (text/parts.py) it holds in, or ""; `from_num`:
# the mention starts at the group `num` (the word before it only anchors the search);
# `needs_rx`: the needed words as one regex (one pass over a text, not one per word), or None.
# A tuple: the extractor unpacks it in its loop over every pattern.
Pattern = namedtuple("Pattern", "name kind unit rx valued needs before part from_num needs_rx")


class Vocabulary(Record):
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
    capacity_units: frozenset  # a project's size (720兆瓦储能电站): a fact about it, even among tasks
    project_re: re.Pattern  # the project a size names, within its clause (…煤制烯烃项目)
    rank_goal_re: re.Pattern  # a goal word before a rank, within its clause (力争进入全国前十)
    baseline_re: re.Pattern  # after the number 由/从 opens: a change word, then 到/至 (缩短到)
    connectors: re.Pattern  # between the two ends of a range
    grammar: Grammar
    _fields = tuple(__annotations__)

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
        return counted_re(self.units, frozenset(u for u, c in self.unit_class.items() if c == "time"))

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
    """Longest first; words of one length in the order given (the same pattern in every
    process, which a set's order is not: rules.regex finds it compiled)."""
    words = sorted(dict.fromkeys(words), key=len, reverse=True)
    return regex("|".join(map(re.escape, words))) if words else None


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
    return Grammar(_alternation(at_place) or regex(r"(?!)"), frozenset(w[0] for w in words),
                   frozenset(r["minus_after"]), _alternation(unit_class) or regex(r"(?!)"))


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
        patterns=tuple(Pattern(p["name"], p["kind"], p["unit"], regex(p["regex"], re.M), p.get("valued", True),
                               tuple(p.get("needs", ())), regex(p["before"]) if p.get("before") else None,
                               p.get("part", ""), bool(p.get("from_num")), _alternation(p.get("needs", ())))
                 for p in r["patterns"]),
        places=r["place_abbreviations"],
        place_units=tuple(r["place_units"]),
        unit_limits=limits,
        list_lead_ins=tuple(r["list_lead_ins"]),
        list_units=frozenset(r["list_units"]),
        capacity_units=frozenset(r["capacity_units"]),
        project_re=regex("[^，。；：、]{0,16}?(?:" + _alternation(r["project_nouns"]).pattern + ")"),
        rank_goal_re=regex("(?:" + _alternation(r["rank_goal_words"]).pattern + ")[^，,。；;：:！？\n]{0,24}\\Z"),
        baseline_re=regex("[^，,。；;：:！？\n0-9０-９]{0,12}?(?:" + _alternation(r["baseline_change_words"]).pattern
                          + ")了?(?:到|至)"),
        connectors=regex(r"[ \u3000]?(?:" + _alternation(r["range_connectors"]).pattern + r")[ \u3000]?"),
        grammar=_grammar(r, unit_class),
    )
