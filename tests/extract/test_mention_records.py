"""The records the extractor makes (records.py) and the CSV line it writes by hand: the same
text as Python's csv writer for any field, equality and copies as the dataclasses had."""

import csv
import io
from operator import attrgetter

from hypothesis import given
from hypothesis import strategies as st

from reportfigures.extract.mention import COLUMNS, Mention, csv_field, csv_line
from reportfigures.records import Record

# no lone \r: the writer of Python 3.11 leaves it unquoted, a reader would take it for a line end
FIELD = st.text(alphabet=st.sampled_from(list('ab,"\n 提案，。、“”%')), max_size=12)
NUMBER = st.one_of(st.none(), st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False))


def _writer_line(fields: tuple) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(fields)
    return buf.getvalue()


@given(FIELD, FIELD, FIELD, FIELD, FIELD, NUMBER, NUMBER, st.integers(0, 10**6))
def test_a_csv_line_is_what_the_csv_writer_writes(path, surface, unit, section, sentence, value, high, start):
    m = Mention(start, start + 3, surface, value, unit, "exact", "metric", section, sentence, high=high)
    assert csv_line(m, csv_field(path) + ",") == _writer_line((path,) + attrgetter(*COLUMNS)(m))
    assert csv_line(m) == _writer_line(attrgetter(*COLUMNS)(m))


def test_a_field_with_a_comma_quote_or_line_end_is_quoted_and_a_plain_one_is_not():
    assert csv_field('说"好"') == '"说""好"""'
    assert csv_field("a,b") == '"a,b"' and csv_field("a\nb") == '"a\nb"' and csv_field("a\rb") == '"a\rb"'
    assert csv_field("共收到提案1551件，") == "共收到提案1551件，"  # a full-width comma is text


def test_records_compare_by_fields_and_copy_with_changes():
    a = Mention(0, 2, "3个", 3, "个", "exact", "metric")
    b = Mention(0, 2, "3个", 3, "个", "exact", "metric")
    assert a == b and a.listed == [] and a.listed is not b.listed  # no shared default list
    c = a.replace(kind="target", high=5)
    assert c != a and (c.kind, c.high, c.surface) == ("target", 5, "3个") and a.kind == "metric"
    assert "surface='3个'" in repr(a)


def test_a_record_refuses_a_field_it_does_not_have_or_misses_one():
    class Pair(Record):
        left: int
        right: int = 0
        _fields = tuple(__annotations__)

    assert Pair(1) == Pair(1, 0) and Pair(left=2).right == 0
    for bad in (lambda: Pair(), lambda: Pair(1, 2, 3), lambda: Pair(1, left=1), lambda: Pair(1, other=2),
                lambda: Pair(1).replace(other=3)):
        try:
            bad()
        except TypeError:
            continue
        raise AssertionError("accepted a wrong field")
