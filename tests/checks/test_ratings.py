"""The rating scale: documented once, used everywhere, able to refuse what is not on it."""

import pytest

from reportfigures.checks import ratings
from reportfigures.checks.findings import Finding, say


def test_the_scale_keeps_apart_what_the_checks_tell_apart():
    assert ratings.ORDER == ("contradiction", "not_reproducible", "misprint", "worth_a_look", "consistent",
                             "cannot_check")
    for r in ratings.SCALE:
        assert r.zh and r.en and r.definition_zh and r.definition_en
    assert set(ratings.FAULTS) == {"contradiction", "not_reproducible", "misprint", "worth_a_look"}


def test_an_unknown_rating_is_refused():
    with pytest.raises(ValueError, match="unknown rating 'inconsistent'"):
        ratings.rating("inconsistent")
    with pytest.raises(ValueError):
        Finding("x", "sum", "inconsistent", [], [], "").row()


def test_the_worst_rating_wins():
    assert ratings.worst(["consistent", "misprint", "worth_a_look"]) == "misprint"
    assert ratings.worst(["cannot_check", "consistent"]) == "consistent"
    assert ratings.worst([]) is None


def test_a_finding_row_carries_the_rating_in_both_languages():
    row = Finding("x", "sum", "contradiction", ["a", "b"], ["b"], "1+2 vs 4").row()
    assert (row["rating_zh"], row["rating_en"], row["at_fault"]) == ("自相矛盾", "Contradiction", "b")


@pytest.mark.parametrize("rule,rating", [("part_whole", "contradiction"), ("sum", "contradiction"),
                                         ("stated_rate", "not_reproducible"), ("list_count", "worth_a_look"),
                                         ("change_vs_base", "contradiction")])
def test_every_fault_sentence_says_what_would_settle_it(rule, rating):
    values = {k: "X" for k in ("part", "whole", "share", "part_subject", "whole_subject", "part_subject_en",
                               "whole_subject_en", "rate", "bases", "bases_en", "rate_subject_en", "parts",
                               "parts_en", "total", "count", "count_en", "listed", "items", "subject", "subject_en",
                               "old", "new", "computed", "direction", "stated", "part_en", "whole_en", "share_en",
                               "total_en", "base_en", "old_en", "new_en", "computed_en", "stated_en")}
    zh, en = say(rule, rating, **values)
    assert any(w in zh for w in ("需", "即可", "必有", "由报告方")), zh
    assert any(w in en for w in ("would settle", "must be wrong", "only the report", "which only")), en
    assert zh.count("。") == 1 and en.count(". ") == 0  # one sentence each
