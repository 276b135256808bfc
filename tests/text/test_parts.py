"""The parts of a report (review, new five-year plan, the coming year's tasks) and targets
wherever a report puts them: heading shapes of the 29-report corpus, a hand-checked sample
of two reports (tests/fixtures/parts_2026/), and the sentence rules, failing and passing."""

import csv

import pytest

from conftest import CORPUS, FIXTURES, REPORT
from reportfigures.extract.extraction import extract
from reportfigures.text.parts import FORWARD, Parts, heading_kind, infer_reviewed_year, is_unnumbered_heading
from reportfigures.source.read import read_text
from reportfigures.text.document import Document

needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="corpus of 2026 reports not beside the checkout")

# Part headings as the corpus prints them, labelled by hand (reviewed year 2025).
HEADINGS = [
    ("一、2025年工作回顾", "review"),
    ("一、2025年和“十四五”时期工作回顾", "review"),
    ("一、“十四五”时期和2025年工作回顾", "review"),
    ("一、2025年主要工作和“十四五”发展成就", "review"),
    ("一、工作回顾", "review"),
    ("“十四五”时期工作回顾", "review"),
    ("二、“十四五”时期发展成就和“十五五”时期主要目标任务", "mixed"),
    ("二、“十五五”时期主要目标任务", "plan"),
    ("二、“十五五”时期工作的主要考虑", "plan"),
    ("二、关于《上海市国民经济和社会发展第十五个五年规划纲要（草案）》", "plan"),
    ("三、2026年重点工作", "tasks"),
    ("三、2026年主要工作", "tasks"),
    ("三、2026年工作安排", "tasks"),
    ("三、关于2026年工作", "tasks"),
    ("二、“十五五”时期目标任务和2026年工作安排", "tasks"),
    ("今年工作安排", "tasks"),
    ("2026年工作建议", "tasks"),
    ("2026年自治区民生实事", "tasks"),
    ("二、2025年主要任务", "review"),  # with 2025 as the reviewed year, this names the past
    ("四、全面加强政府自身建设", None),  # says nothing: its sentences (or the part before) decide
    ("一、一年接着一年干，新福建建设持续取得新进展", None),
]


@pytest.mark.parametrize("title,kind", HEADINGS)
def test_heading_shapes(title, kind):
    assert heading_kind(title, 2025)[0] == kind


@pytest.mark.parametrize("line,is_heading", [
    ("“十四五”时期工作回顾", True), ("2026年重点工作", True), ("今年工作安排", True),
    ("全年地区生产总值增长5%，重点工作扎实推进。", False), ("工作回顾", True),
])
def test_unnumbered_headings(line, is_heading):
    assert is_unnumbered_heading(line) == is_heading


def test_the_reviewed_year_from_headings():
    assert infer_reviewed_year(["一、2025年工作回顾", "三、2026年重点工作"]) == 2025
    assert infer_reviewed_year(["二、2025年主要任务"]) == 2024  # the CPPCC report of 2024
    assert infer_reviewed_year([], "2025年……2025年……2024年") == 2025


def test_the_2024_report_has_a_review_then_tasks():
    doc = Document(read_text(REPORT).text)
    kinds = [p.kind for p in Parts(doc).parts]
    assert kinds == ["review", "tasks"]
    targets = [m.surface for m in extract(doc) if m.kind == "target"]
    assert targets == ["23项", "22项", "22项", "92%以上"]


@pytest.mark.parametrize("text,surface,kind", [
    # a goal inside the review part is a target; a fact inside the tasks part is a metric
    ("一、2025年工作回顾\n\n全年收到提案1551件。力争明年办理满意率达到95%以上。\n\n二、2026年工作建议\n\n开展重点协商25项。",
     "95%以上", "target"),
    ("一、2025年工作回顾\n\n全年收到提案1551件。\n\n二、2026年工作建议\n\n开展重点协商25项。去年已建成工作室34个。",
     "34个", "metric"),
    ("一、2025年工作回顾\n\n全年收到提案1551件。\n\n二、2026年工作建议\n\n开展重点协商25项。", "25项", "target"),
    ("一、2025年工作回顾\n\n全年收到提案1551件。\n\n二、2026年工作建议\n\n开展重点协商25项。", "1551件", "metric"),
    # a heading that says nothing: the part's sentences vote
    ("一、一年接着一年干\n\n2025年地区生产总值增长5%。一年来完成投资300亿元。截至年底建成基站2万个。\n\n"
     "二、一鼓作气勇争先\n\n今年力争新增就业50万人。我们要加快建设项目100个。", "100个", "target"),
])
def test_targets_wherever_the_report_puts_them(text, surface, kind):
    got = {m.surface: m.kind for m in extract(text)}
    assert got[surface] == kind


def _fixture(name):
    with open(FIXTURES / "parts_2026" / f"{name}.mentions.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _headings(name):
    with open(FIXTURES / "parts_2026" / f"{name}.headings.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@needs_corpus
@pytest.mark.parametrize("name", ["gansu", "fujian"])
def test_parts_of_the_hand_checked_sample(name):
    """Every labelled part heading opens a part of the same direction (backward or forward)."""
    doc = Document(read_text(CORPUS / f"2026-{name}.txt").text)
    parts = Parts(doc)
    for h in _headings(name):
        if h["part"] == "other":
            continue
        got = parts.at(int(h["start"])).kind
        assert (got in FORWARD) == (h["part"] in FORWARD), (h["text"], got, h["part"])


@needs_corpus
@pytest.mark.parametrize("name", ["gansu", "fujian"])
def test_targets_of_the_hand_checked_sample(name):
    """Against the hand labels: targets found, and facts not taken for targets."""
    doc = Document(read_text(CORPUS / f"2026-{name}.txt").text)
    got = {(m.start, m.end): m.kind for m in extract(doc)}
    rows = [r for r in _fixture(name) if r["expected"] in ("target", "metric")]
    targets = [r for r in rows if r["expected"] == "target"]
    metrics = [r for r in rows if r["expected"] == "metric"]
    found = sum(got.get((int(r["start"]), int(r["end"]))) == "target" for r in targets)
    wrong = sum(got.get((int(r["start"]), int(r["end"]))) == "target" for r in metrics)
    assert found / len(targets) >= 0.95, f"{name}: {found} of {len(targets)} targets"
    assert wrong / len(metrics) <= 0.02, f"{name}: {wrong} of {len(metrics)} facts taken for targets"


@needs_corpus
def test_every_corpus_report_states_targets():
    counts = {}
    for path in sorted(CORPUS.glob("2026-*.txt")):
        counts[path.stem] = sum(m.kind == "target" for m in extract(read_text(path).text))
    assert all(n >= 10 for n in counts.values()), counts
