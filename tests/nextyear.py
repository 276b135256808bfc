"""A MADE-UP "2025" edition of the Chongqing CPPCC Standing Committee work report.

Next year's report does not exist yet. To test that the claim catalog re-finds its claims
in a new edition, this module derives a fictitious 2025 text from the real 2024 one
(data/raw/2024/report.txt) by a fixed list of plain-data edits (EDITS below). Every number
introduced here is invented; nothing in the output is a real figure of any report.

    text_2025, changes = make_text(text_2024)

- Each edit names the exact substring it replaces; that substring must occur exactly once
  in the 2024 text and no two edits may overlap there, otherwise make_text raises EditError
  naming the edit. Edits are applied together (from the end of the text backwards), so the
  result does not depend on their order.
- `changes` is what the package must find in the made-up text: one entry per catalog
  claim an edit touches (status found or missing, old/new value and qualifier), plus one
  entry with claim_id None and status "uncovered" for every new number no claim covers.
- Nothing is random and nothing is read besides the argument: the same 2024 text always
  gives the same 2025 text. No generated text is committed; tests build it in memory (see
  tests/test_nextyear_fixture.py). To look at it: `python tests/nextyear.py OUTDIR`.

Years: only mentions that denote the reviewed year or the coming year are moved on
(2024年度 → 2025年度, 2025年主要任务 → 2026年主要任务, the opening sentence of the tasks, and
the session 六届二次会议 → 六届三次会议 during which the reviewed year's work took place). Plenum
numbers (六届五次全会, 二十届三中全会), anniversaries (75周年, 40周年) and the 十四五 in the
tasks are left as in 2024: they name events, not the edition's year.
"""

from __future__ import annotations

EDIT_KINDS = ("value", "qualifier", "reword", "delete", "new_mention", "distractor", "year")

# Each edit: name, kind, claim_id (or None), old (exact 2024 substring), new, and what the
# package must then report:
#   claim edits ........ old_value/new_value, old_qualifier/new_qualifier, status (found|missing)
#   new_mention ........ surface/value/unit/qualifier of the new uncovered number
#   distractor ......... the claim it must NOT steal (claim_id, value unchanged) and the
#                        surface/value/unit/qualifier of the distracting number (uncovered)
#   year ............... nothing: dates are not claims
EDITS: list[dict] = [
    # --- 1. values change -------------------------------------------------------------------
    {"name": "proposals_received_value", "kind": "value", "claim_id": "proposals.received",
     "old": "全年共收到提案1551件", "new": "全年共收到提案1608件",
     "old_value": 1551, "new_value": 1608, "old_qualifier": "exact", "new_qualifier": "exact"},
    {"name": "satisfaction_rate_value", "kind": "value", "claim_id": "proposals.satisfaction_rate",
     "old": "满意率达98.16%", "new": "满意率达98.53%",
     "old_value": 98.16, "new_value": 98.53, "old_qualifier": "exact", "new_qualifier": "exact"},
    {"name": "hazards_found_value", "kind": "value", "claim_id": "safety.hazards_found",
     "old": "安全风险隐患443处", "new": "安全风险隐患512处",
     "old_value": 443, "new_value": 512, "old_qualifier": "exact", "new_qualifier": "exact"},
    {"name": "party_group_meetings_value", "kind": "value", "claim_id": "study.party_group_meetings",
     "old": "全年召开市政协党组会议28次", "new": "全年召开市政协党组会议31次",
     "old_value": 28, "new_value": 31, "old_qualifier": "exact", "new_qualifier": "exact"},
    {"name": "training_courses_value", "kind": "value", "claim_id": "study.training_courses",
     "old": "举办两期委员专题学习培训班", "new": "举办三期委员专题学习培训班",
     "old_value": 2, "new_value": 3, "old_qualifier": "exact", "new_qualifier": "exact"},
    {"name": "one_to_one_talks_value", "kind": "value", "claim_id": "members.one_to_one_talks",
     "old": "谈心谈话210人次", "new": "谈心谈话236人次",
     "old_value": 210, "new_value": 236, "old_qualifier": "exact", "new_qualifier": "exact"},
    {"name": "yushi_events_value", "kind": "value", "claim_id": "yushi.events",
     "old": "“渝事好商量”活动1898场", "new": "“渝事好商量”活动2046场",
     "old_value": 1898, "new_value": 2046, "old_qualifier": "exact", "new_qualifier": "exact"},
    {"name": "yushi_problems_value", "kind": "value", "claim_id": "yushi.problems_solved",
     "old": "解决问题1992个", "new": "解决问题2110个",
     "old_value": 1992, "new_value": 2110, "old_qualifier": "exact", "new_qualifier": "exact"},
    # --- 2. qualifiers change -------------------------------------------------------------
    {"name": "social_opinion_submitted_qualifier", "kind": "qualifier", "claim_id": "social_opinion.submitted",
     "old": "社情民意信息800余篇", "new": "社情民意信息近900篇",
     "old_value": 800, "new_value": 900, "old_qualifier": "at_least", "new_qualifier": "approx"},
    {"name": "experience_articles_qualifier", "kind": "qualifier", "claim_id": "publicity.experience_articles",
     "old": "经验做法文章15篇", "new": "经验做法文章20余篇",
     "old_value": 15, "new_value": 20, "old_qualifier": "exact", "new_qualifier": "at_least"},
    {"name": "exhibition_visitors_qualifier", "kind": "qualifier", "claim_id": "publicity.exhibition_visitors",
     "old": "基层群众参观超5000人次", "new": "基层群众参观约5000人次",
     "old_value": 5000, "new_value": 5000, "old_qualifier": "at_least", "new_qualifier": "approx"},
    # --- 3. sentences reworded around a number that must still bind ------------------------
    {"name": "key_activities_reword", "kind": "reword", "claim_id": "consultation.key_activities",
     "note": "another verb and an inserted adverb and 共",
     "old": "市政协常委会开展重点协商、通报、视察、调研59项",
     "new": "市政协常委会扎实组织重点协商、通报、视察、调研共59项",
     "old_value": 59, "new_value": 59, "old_qualifier": "exact", "new_qualifier": "exact"},
    {"name": "national_good_reword", "kind": "reword", "claim_id": "proposals.national_good",
     "note": "the number moves after 提案 into a clause of its own; the year 2024年度 becomes 2025年度",
     "old": "提交的2件提案获评全国政协2024年度好提案",
     "new": "提交的提案中,有2件获评全国政协2025年度好提案",
     "old_value": 2, "new_value": 2, "old_qualifier": "exact", "new_qualifier": "exact"},
    {"name": "lecture_hall_reword", "kind": "reword", "claim_id": "study.lecture_hall",
     "note": "an inserted adjective phrase",
     "old": "举办政协大讲堂8期", "new": "举办主题鲜明的政协大讲堂8期",
     "old_value": 8, "new_value": 8, "old_qualifier": "exact", "new_qualifier": "exact"},
    {"name": "study_articles_reword", "kind": "reword", "claim_id": "publicity.study_articles",
     "note": "the number moves before the noun it counts",
     "old": "发表学习体会文章32篇", "new": "发表32篇学习体会文章",
     "old_value": 32, "new_value": 32, "old_qualifier": "exact", "new_qualifier": "exact"},
    {"name": "subsidy_funds_reword", "kind": "reword", "claim_id": "grassroots.subsidy_funds",
     "note": "the clause with the number moves before the clause it followed",
     "old": "推动云阳农村综合改革试点试验项目和清水乡农业产业强镇项目落地,帮助争取补助资金1.6亿元。",
     "new": "帮助争取补助资金1.6亿元,推动云阳农村综合改革试点试验项目和清水乡农业产业强镇项目落地。",
     "old_value": 160000000, "new_value": 160000000, "old_qualifier": "exact", "new_qualifier": "exact"},
    {"name": "social_opinion_adopted_reword", "kind": "reword", "claim_id": "social_opinion.adopted",
     "note": "an inserted agent",
     "old": "被采用177篇", "new": "被全国政协采用177篇",
     "old_value": 177, "new_value": 177, "old_qualifier": "exact", "new_qualifier": "exact"},
    {"name": "members_trained_reword", "kind": "reword", "claim_id": "study.members_trained",
     "note": "a second group joins the members: 委员、机关干部 (the number is followed by a 、 list)",
     "old": "组织150名委员参加集中培训", "new": "组织150名委员、机关干部参加集中培训",
     "old_value": 150, "new_value": 150, "old_qualifier": "exact", "new_qualifier": "exact"},
    {"name": "leader_visits_reword", "kind": "reword", "claim_id": "members.leader_visits",
     "note": "the total moves into a clause of its own: …走访看望委员,累计492人次",
     "old": "走访看望委员492人次", "new": "走访看望委员,累计492人次",
     "old_value": 492, "new_value": 492, "old_qualifier": "exact", "new_qualifier": "exact"},
    # --- 4. clauses deleted: the claim is no longer in the text ---------------------------
    {"name": "national_speeches_delete", "kind": "delete", "claim_id": "publicity.national_speeches",
     "old": ",在全国政协会议上交流发言9次", "new": "", "status": "missing",
     "old_value": 9, "new_value": None, "old_qualifier": "exact", "new_qualifier": None},
    {"name": "single_piece_delete", "kind": "delete", "claim_id": "social_opinion.single_piece",
     "old": ",其中单篇29篇", "new": "", "status": "missing",
     "old_value": 29, "new_value": None, "old_qualifier": "exact", "new_qualifier": None},
    # --- 5. new numbered sentences no claim covers --------------------------------------------
    {"name": "hotline_calls_new", "kind": "new_mention", "claim_id": None,
     "old": "并为企业发展牵线搭桥。",
     "new": "并为企业发展牵线搭桥。开通“委员连心热线”,受理群众来电1260件。",
     "surface": "1260件", "value": 1260, "unit": "件", "qualifier": "exact"},
    {"name": "online_duties_new", "kind": "new_mention", "claim_id": None,
     "old": "实用实战效果初显。",
     "new": "实用实战效果初显。全年委员通过数字政协平台在线履职12000余人次。",
     "surface": "12000余人次", "value": 12000, "unit": "人次", "qualifier": "at_least"},
    # --- 6. distractors: same unit, the claim's words nearby, about something else -----------
    {"name": "forwarded_suggestions_distractor", "kind": "distractor", "claim_id": "proposals.filed",
     "note": "件 right after the proposals sentence, 立案 and 提案 in the clause before the number",
     "old": "。住渝全国政协委员",
     "new": "。对未予立案的提案,转为意见建议386件送有关部门研究参考。住渝全国政协委员",
     "old_value": 1364, "new_value": 1364, "old_qualifier": "exact", "new_qualifier": "exact",
     "surface": "386件", "value": 386, "unit": "件", "qualifier": "exact"},
    {"name": "studio_suggestions_distractor", "kind": "distractor", "claim_id": "studios.municipal",
     "note": "个 right after the studios sentence, 委员工作室 in the number's own clause",
     "old": "服务群众的平台。",
     "new": "服务群众的平台。各委员工作室全年收集群众意见建议560个。",
     "old_value": 29, "new_value": 29, "old_qualifier": "exact", "new_qualifier": "exact",
     "surface": "560个", "value": 560, "unit": "个", "qualifier": "exact"},
    # --- years (not claims) ----------------------------------------------------------------------
    {"name": "key_proposal_year", "kind": "year", "claim_id": None,
     "old": "被遴选为2024年度全国政协重点提案", "new": "被遴选为2025年度全国政协重点提案"},
    {"name": "session_year_corridor", "kind": "year", "claim_id": None,
     "old": "市政协六届二次会议期间,将《", "new": "市政协六届三次会议期间,将《"},
    {"name": "session_year_urbanisation", "kind": "year", "claim_id": None,
     "old": "市政协六届二次会议期间,围绕", "new": "市政协六届三次会议期间,围绕"},
    {"name": "tasks_heading_year", "kind": "year", "claim_id": None,
     "old": "二、2025年主要任务", "new": "二、2026年主要任务"},
    {"name": "tasks_opening_year", "kind": "year", "claim_id": None,
     "old": "2025年是“十四五”规划收官之年", "new": "2026年是“十五五”规划开局之年"},
]


class EditError(ValueError):
    """An edit does not apply: its old substring is absent, repeated or overlaps another."""


def check_edits(text_2024: str, edits: list[dict] = EDITS) -> list[tuple[int, int, dict]]:
    """Where each edit applies in the 2024 text, as (start, end, edit) in text order.

    Raises EditError naming the edit when its old substring does not occur exactly once,
    or when two edits would touch the same characters."""
    names = [e["name"] for e in edits]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise EditError(f"duplicate edit name(s): {', '.join(dupes)}")
    spans = []
    for e in edits:
        if e["kind"] not in EDIT_KINDS:
            raise EditError(f"edit '{e['name']}': unknown kind '{e['kind']}', expected one of {', '.join(EDIT_KINDS)}")
        old = e["old"]
        if not old:
            raise EditError(f"edit '{e['name']}': empty old substring")
        n = text_2024.count(old)
        if n != 1:
            raise EditError(f"edit '{e['name']}': old substring {old!r} occurs {n} times in the 2024 text, "
                            f"expected exactly once")
        start = text_2024.index(old)
        spans.append((start, start + len(old), e))
    spans.sort(key=lambda s: s[0])
    for (s1, e1, a), (s2, _, b) in zip(spans, spans[1:]):
        if s2 < e1:
            raise EditError(f"edits '{a['name']}' and '{b['name']}' overlap at offset {s2}")
    return spans


def expected_changes(edits: list[dict] = EDITS) -> list[dict]:
    """What the package must report for the made-up text, in edit order."""
    out = []
    for e in edits:
        if e["claim_id"] is not None:
            out.append({"claim_id": e["claim_id"], "status": e.get("status", "found"),
                        "old_value": e["old_value"], "new_value": e["new_value"],
                        "old_qualifier": e["old_qualifier"], "new_qualifier": e["new_qualifier"],
                        "edit": e["name"]})
        if e["kind"] in ("new_mention", "distractor"):
            out.append({"claim_id": None, "status": "uncovered", "old_value": None, "new_value": e["value"],
                        "old_qualifier": None, "new_qualifier": e["qualifier"], "edit": e["name"],
                        "surface": e["surface"], "unit": e["unit"]})
    ids = [c["claim_id"] for c in out if c["claim_id"] is not None]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise EditError(f"claim(s) touched by more than one edit: {', '.join(dupes)}")
    return out


def make_text(text_2024: str, edits: list[dict] = EDITS) -> tuple[str, list[dict]]:
    """Return (made-up 2025 text, expected changes)."""
    spans = check_edits(text_2024, edits)
    changes = expected_changes(edits)
    text = text_2024
    for start, end, e in reversed(spans):
        text = text[:start] + e["new"] + text[end:]
    return text, changes


def expected_diff(changes: list[dict]) -> dict:
    """The 2024 → 2025 diff the changes imply, claim by claim.

    changed_values:    {claim_id: [old_value, new_value]} for found claims whose value moved
    qualifier_changes: {claim_id: [old_qualifier, new_qualifier]} for found claims
    only_in_2024:      claim ids found in 2024 and missing in 2025
    new_uncovered:     surfaces of new numbers no claim covers
    """
    found = [c for c in changes if c["claim_id"] is not None and c["status"] == "found"]
    return {
        "changed_values": {c["claim_id"]: [c["old_value"], c["new_value"]]
                           for c in found if c["old_value"] != c["new_value"]},
        "qualifier_changes": {c["claim_id"]: [c["old_qualifier"], c["new_qualifier"]]
                              for c in found if c["old_qualifier"] != c["new_qualifier"]},
        "only_in_2024": sorted(c["claim_id"] for c in changes if c["status"] == "missing"),
        "new_uncovered": sorted(c["surface"] for c in changes if c["status"] == "uncovered"),
    }


def main(argv: list[str] | None = None) -> int:
    """python tests/nextyear.py OUTDIR: write report.txt and changes.json for a look."""
    import json
    import sys
    from pathlib import Path

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python tests/nextyear.py OUTDIR  (writes the MADE-UP 2025 text; do not commit it)",
              file=sys.stderr)
        return 2
    root = Path(__file__).resolve().parents[1]
    with open(root / "data" / "raw" / "2024" / "report.txt", encoding="utf-8", newline="") as f:
        text_2024 = f.read()
    text, changes = make_text(text_2024)
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.txt").write_text(text, encoding="utf-8", newline="")
    (out / "changes.json").write_text(json.dumps({"changes": changes, "diff": expected_diff(changes)},
                                                 ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out / 'report.txt'} and {out / 'changes.json'} (MADE-UP text, not a real report)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
