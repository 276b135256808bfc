"""Properties on arbitrary text: the extractor never crashes, offsets always slice back, values
are finite, ranges are ordered, and the output is bounded by a constant per input character."""

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS

from reportfigures.extract.mention import COLUMNS, KINDS, QUALIFIERS, SENTENCE_MAX, mention_table
from reportfigures.extract.places import SectionIndex
from reportfigures.extract.extraction import extract
from reportfigures.text.document import Document

NUMERALS = list("0123456789０１２３.．,，%％〇零一二两三四五六七八九十百千万亿点几负-－—~～/")
WORDS = ["分之", "百分之", "千分之", "个百分点", "千瓦", "二〇", "——", "至", "到", "成", "余", "多", "以上",
         "左右", "不低于", "超过", "约", "近", "件", "个", "人次", "万元", "亿元", "年", "岁", "届", "第", "是",
         "、", "，", "。", "：", "“", "”", "等", "和", "\n", " ", "一些", "统一", "一带一路", "十分", "减负",
         "两会", "省市", "川渝", "一、", "（三）", "二是", "十四五", "政协委员会提案"]
PIECES = st.sampled_from(NUMERALS + WORDS) | st.characters()
TEXTS = st.lists(PIECES, max_size=120).map("".join)
ROW_MAX = SENTENCE_MAX + 200  # a row: capped sentence, section, numbers; the surfaces count apart


def check_mentions(text: str) -> list:
    ms = extract(text)
    prev_end = -1
    for m in ms:
        assert text[m.start:m.end] == m.surface
        assert m.start >= prev_end  # no overlaps, in order
        prev_end = m.end
        assert m.kind in KINDS and m.qualifier in QUALIFIERS
        for v in (m.value, m.high):
            assert v is None or (isinstance(v, (int, float)) and math.isfinite(v) and abs(v) < 1e40)
        assert (m.qualifier == "range") == (m.high is not None)
        if m.high is not None:
            assert m.value < m.high
        assert len(m.sentence) <= SENTENCE_MAX
    return ms


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_never_crashes_and_offsets_slice_back(text):
    check_mentions(text)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_fragments_of_the_report(report_text, data):
    a = data.draw(st.integers(0, len(report_text) - 1))
    b = data.draw(st.integers(a, min(len(report_text), a + 800)))
    check_mentions(report_text[a:b])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.integers(1, 40))
def test_output_is_linear_in_the_input(text, copies):
    """At most one mention per character, surfaces disjoint, every row bounded: the CSV is at
    most a constant times the input, however often one line repeats without a 。."""
    big = text.replace("。", "，") * copies
    ms = check_mentions(big)
    assert len(ms) <= len(big)
    out = "".join(mention_table(ms))
    surfaces = sum(len(m.surface) for m in ms)
    assert len(out) <= len(",".join(COLUMNS)) + 1 + 3 * surfaces + ROW_MAX * len(ms)
    assert len(out) <= 600 * (len(big) + 1)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_section_index_agrees_with_the_text_model(text):
    doc = Document(text)
    index = SectionIndex(doc.root)
    for offset in range(0, len(text) + 1):
        assert index.at(offset) is doc.section_at(offset)


@pytest.fixture(scope="module")
def corpus_docs() -> list[Document]:
    from reportfigures.source.read import read_text

    return [Document(read_text(p).text) for p in sorted(CORPUS.glob("*.txt"))[:8]]


def test_section_index_on_real_reports(report_doc, corpus_docs):
    for doc in [report_doc, *corpus_docs]:
        index = SectionIndex(doc.root)
        for offset in range(0, len(doc.text), 7):
            assert index.at(offset) is doc.section_at(offset)


def test_long_line_without_sentence_end_keeps_rows_short(report_text):
    """The issue's case: a 20,000-character line without 。 gave a 60 MB CSV."""
    line = report_text.replace("。", "，").replace("\n", "")[:20_000]
    ms = extract(line)
    out = "".join(mention_table(ms))
    assert len(ms) > 100 and all(m.surface in m.sentence for m in ms)
    assert max(len(m.sentence) for m in ms) <= SENTENCE_MAX
    assert len(out.encode("utf-8")) < 100 * len(line.encode("utf-8"))
