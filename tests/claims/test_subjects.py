"""Automatic claims: the counted noun, the theme, and ids that survive rewording."""

import pytest

from reportfigures.claims import subjects
from reportfigures.claims.catalog import claimable, contexts
from reportfigures.extract.extraction import extract
from reportfigures.text.document import Document


def auto(text: str) -> dict[str, tuple[str, str]]:
    """surface → (id, noun) of every claimable number of a text, as automatic claims."""
    doc = Document(text)
    ms = claimable(extract(doc))
    subs = subjects.describe(contexts(doc, ms), ms, {m.start: m.sentence for m in ms},
                             {m.start: doc.section_at(m.start).title for m in ms})
    ids = subjects.auto_ids(ms, subs)
    return {m.surface: (ids[m.start], subs[m.start].noun) for m in ms}


@pytest.mark.parametrize("text,surface,noun", [
    ("全年委员提交提案70余件。", "70余件", "提案"),
    ("推动解决民生问题960余件。", "960余件", "民生问题"),
    ("对78个重点项目推进情况跟踪问效。", "78个", "重点项目"),
    ("组织委员近500人次分赴区县开展调研。", "近500人次", "委员"),
    ("报送社情民意信息800余篇,被采用177篇。", "177篇", "社情民意信息采用"),
    ("全年共受理提案1608件，较上年增加67件。", "67件", "提案增加"),
    ("开展专题协商12场、对口协商9场，共计21场。", "21场", "协商合计"),
    ("在全国政协会议上交流发言9次。", "9次", "发言"),
])
def test_the_counted_noun(text, surface, noun):
    assert auto(text)[surface][1] == noun


def test_an_id_is_stable_under_rewording():
    a = auto("一、2025年工作回顾\n\n(一)协商\n\n全年委员共提交提案70余件,质量明显提升。")["70余件"][0]
    b = auto("一、2025年工作回顾\n\n(三)提案工作\n\n过去一年,委员们围绕发展大局积极提交提案80余件。")["80余件"][0]
    c = auto("全年委员共提交提案70余件。")["70余件"][0]
    assert a == b == c == "proposals.auto.tian_jian"


def test_different_counted_nouns_give_different_ids():
    got = auto("开展协商活动350余次,推动解决民生问题960余件,组织委员履职活动2000余场次。")
    ids = [v[0] for v in got.values()]
    assert len(set(ids)) == 3
    assert got["960余件"][0] == "grassroots.auto.minshengwenti_jian"


def test_two_numbers_of_one_noun_are_told_apart_by_their_verbs():
    got = auto("走访看望委员492人次。培训委员430余人次。")
    assert got["492人次"][0] != got["430余人次"][0]
    assert all(".auto." in i and "weiyuan" in i for i, _ in got.values())


def test_targets_are_named_apart_from_metrics():
    got = auto("一、2025年工作回顾\n\n全年开展重点协商活动25项。\n\n二、2026年工作建议\n\n全年开展重点协商活动30项。")
    assert got["30项"][0].startswith("consultation.auto.target_") and not got["25项"][0].count("target_")


@pytest.mark.parametrize("noun,theme", [("提案", "proposals"), ("社情民意信息", "social_opinion"),
                                        ("委员工作室", "platforms"), ("民生问题", "grassroots"), ("无关词语", "other")])
def test_the_theme_comes_from_the_noun_first(noun, theme):
    assert subjects.infer_theme(noun, "", "", "") == theme


def test_an_english_gloss_or_an_honest_marker():
    assert subjects.gloss_en("民生问题", "件") == "livelihood problems"
    assert subjects.gloss_en("渝事好商量活动", "场") == "“渝事好商量活动” (untranslated)"


def test_ids_are_valid_claim_ids():
    import re
    for i, _ in auto("市政协委员工作室增至34个，入驻委员3800余名，满意率达98.53%。").values():
        assert re.match(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$", i), i
