"""Properties on arbitrary text: the extractor never crashes and offsets always slice back."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportfigures.numbers import KINDS, QUALIFIERS, extract

ALPHABET = st.sampled_from(list(
    "0123456789０１２３.．%％〇零一二两三四五六七八九十百千万亿点余多超约近以上下左右不到过逾"
    "件篇次项名处个场期人批条家倍元年度周届第首是、,，。;；:：“”\"()（）《》\n\r \u3000等和及"
    "川渝省市地级政协委员会提案会议全体中大规划十四五号报告")) | st.characters()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=300))
def test_never_crashes_and_offsets_slice_back(text):
    prev_end = -1
    for m in extract(text):
        assert text[m.start:m.end] == m.surface
        assert m.start >= prev_end  # no overlaps, in order
        prev_end = m.end
        assert m.kind in KINDS and m.qualifier in QUALIFIERS


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_fragments_of_the_report(report_text, data):
    a = data.draw(st.integers(0, len(report_text) - 1))
    b = data.draw(st.integers(a, min(len(report_text), a + 800)))
    text = report_text[a:b]
    for m in extract(text):
        assert text[m.start:m.end] == m.surface
