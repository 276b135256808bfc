"""Text model: layout roles, re-joined paragraphs, the section tree, sentences, offsets."""

import pytest

from conftest import CORPUS
from reportfigures.source.read import read_text
from reportfigures.text.document import Document, classify_lines


def test_page_marker_and_running_header_are_not_content(report_doc, report_text):
    roles = {(report_text[l.start:l.end]): l.role for l in report_doc.lines if l.role != "blank"}
    assert roles["(上接1版)"] == "page_marker"
    assert roles["中国人民政治协商会议 重庆市委员会常务委员会工作报告"] == "running_header"
    assert sum(r == "content" for r in roles.values()) == len(roles) - 2


def test_four_paragraphs_rejoined_across_breaks(report_doc, report_text):
    joined = [p for p in report_doc.paragraphs if p.joined]
    assert len(joined) == 4
    ends = [report_text[p.pieces[0][1] - 2:p.pieces[0][1]] for p in joined]
    assert ends == ["履职为"[-2:], "重庆", "不断", "国式"]
    header = next(p for p in joined if "坚持把不断" in report_text[p.pieces[0][0]:p.pieces[0][1]])
    gap = report_text[header.pieces[0][1]:header.pieces[1][0]]
    assert "工作报告" in gap  # the running header sits inside this paragraph's break


def test_a_sentence_spans_the_break_with_clean_text(report_doc):
    s = next(s for s in report_doc.sentences if "坚持把不断满足人民" in s.text)
    assert "\n" not in s.text and "工作报告" not in s.text


def test_section_tree(report_doc):
    paths = [s.path for s in report_doc.sections]
    assert paths[:4] == ["一、", "一、/二是", "一、/三是", "一、/四是"]
    assert [p for p in paths if p.startswith("一、/(")] == [f"一、/({c})" for c in "一二三四五六"]
    assert [p for p in paths if p.startswith("二、/(")] == [f"二、/({c})" for c in "一二三四五"]
    part1 = report_doc.sections[0]
    assert part1.implicit and part1.number == 1  # inferred: the text starts mid-report
    assert report_doc.sections[-6].title == "2025年主要任务"


def test_run_in_headings_are_found(report_doc, report_text):
    """The 2024 (一)…(六) headings run straight into their first sentence in this print."""
    h = next(s for s in report_doc.sections if s.path == "一、/(一)")
    assert report_text[h.start:h.start + 3] == "(一)"
    assert h.title.startswith("持续夯实团结奋斗的共同思想政治基础")


def test_offsets_slice_back(report_doc, report_text):
    for s in report_doc.sections:
        assert report_text[s.title_start:s.title_end] == s.title
    for s in report_doc.sentences:
        raw = report_text[s.start:s.end]
        assert raw.startswith(s.text[:3]) and raw.endswith(s.text[-2:])
    assert report_doc.section_at(report_text.index("1551件")).path == "一、"
    assert report_doc.section_at(report_text.index("443处")).path == "一、/(三)"


def test_web_chrome_at_top_is_recognised():
    text = "下载\n打印\n全屏\n【字号：\n加大\n】\n2026年某省政府工作报告\n来源：某某日报\n时间：2026-02-02\n各位代表：\n一、2025年工作回顾\n全年完成投资100亿元。\n"
    roles = [l.role for l in classify_lines(text) if l.role != "blank"]
    assert roles == ["chrome"] * 6 + ["title", "chrome", "chrome", "content", "content", "content"]


def test_chrome_words_inside_the_body_stay_content():
    text = "各位代表:全年完成投资100亿元,增长5%,办结1551件。\n下载\n"
    roles = [l.role for l in classify_lines(text) if l.role != "blank"]
    assert roles == ["content", "content"]


@pytest.mark.skipif(not CORPUS.exists(), reason="corpus not beside the checkout")
def test_corpus_texts_model_without_error():
    for f in sorted(CORPUS.glob("*.txt")):
        text = read_text(f).text
        doc = Document(text)
        assert doc.paragraphs and doc.sentences
        assert any(s.level == "part" for s in doc.sections), f.name
        chrome = [text[l.start:l.end] for l in doc.lines if l.role == "chrome"]
        assert "下载" not in [text[p.start:p.end] for p in doc.paragraphs], f.name
        if text.startswith("下载"):
            assert "下载" in chrome
