"""A number mention, as the extractor hands it on and as the tables print it.

`Mention` is `[prefix qualifier] number [unit] [suffix qualifier]` as printed, with its value
(multipliers folded in), unit, qualifier, kind, section and sentence; a range is one
mention with the low end as `value` and the high end as `high`. mention_table(s) write many
of them as CSV or JSON, in pieces.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from operator import attrgetter

from ..records import Record


KINDS = ("metric", "target", "list_count", "name", "ordinal", "date_or_period", "anniversary")
QUALIFIERS = ("exact", "at_least", "at_most", "approx", "range")
COLUMNS = ["start", "end", "surface", "value", "unit", "qualifier", "kind", "section", "sentence", "high"]
SENTENCE_MAX = 300  # characters of the `sentence` column: a window around the number beyond it
LIST_SEP = "｜"  # joins listed items in tables; items themselves may contain 、


class Mention(Record):
    """rule: which rule decided (for reviewers and debugging); listed: the items a
    list_count counts; listed_open: the list ends with 等, so the items shown are a lower
    bound; high: a range's high end (3—5个 → 5), None otherwise."""

    _fields = __slots__ = ("start", "end", "surface", "value", "unit", "qualifier", "kind", "section", "sentence",
                           "rule", "listed", "listed_open", "high")

    def __init__(self, start: int, end: int, surface: str, value: int | float | None, unit: str, qualifier: str,
                 kind: str, section: str = "", sentence: str = "", rule: str = "", listed: list[str] | None = None,
                 listed_open: bool = False, high: int | float | None = None) -> None:
        self.start, self.end, self.surface, self.value, self.unit = start, end, surface, value, unit
        self.qualifier, self.kind, self.section, self.sentence, self.rule = qualifier, kind, section, sentence, rule
        self.listed = [] if listed is None else listed
        self.listed_open, self.high = listed_open, high

    def row(self) -> dict:
        """The mention as a table row (`listed` joined by LIST_SEP)."""
        return {"start": self.start, "end": self.end, "surface": self.surface, "value": self.value,
                "unit": self.unit, "qualifier": self.qualifier, "kind": self.kind, "section": self.section,
                "sentence": self.sentence, "rule": self.rule, "listed": LIST_SEP.join(self.listed),
                "listed_open": self.listed_open, "high": self.high}


def csv_field(s: str) -> str:
    """A text field as Python's csv writer (QUOTE_MINIMAL) writes it: quoted when it holds a
    comma, a quote mark or a line end, quote marks doubled (a lone \r quoted too, which the
    writer of Python 3.11 forgets)."""
    if '"' in s:
        return '"' + s.replace('"', '""') + '"'
    if "," in s or "\n" in s or "\r" in s:
        return '"' + s + '"'
    return s


def csv_line(m: Mention, first: str = "") -> str:
    """The mention's COLUMNS as one CSV line, `first` (an already quoted field and its comma)
    in front: the same text as csv.writer, in less than half its time (13 ms instead of 31
    for the 12,268 mentions of a year's 29 reports; bench/extract_bench.py, section 5)."""
    return (f"{first}{m.start},{m.end},{csv_field(m.surface)},{'' if m.value is None else m.value},"
            f"{csv_field(m.unit)},{m.qualifier},{m.kind},{csv_field(m.section)},{csv_field(m.sentence)},"
            f"{'' if m.high is None else m.high}\n")


def mention_table(mentions: list[Mention], fmt: str = "csv", chunk: int = 2000) -> Iterator[str]:
    """The mentions as CSV (header COLUMNS) or a JSON list of COLUMNS objects, in pieces of
    `chunk` rows, so that an output as large as its input is never held twice in memory.
    Same text as files.csv_text / files.json_text would give for all rows at once."""
    return mention_tables([("", mentions)], fmt, chunk, named=False)


def mention_tables(sources: Iterable[tuple[str, list[Mention]]], fmt: str = "csv", chunk: int = 2000,
                   named: bool = True) -> Iterator[str]:
    """One table for several texts, each given as (file, mentions) and consumed one at a time;
    `named` puts a `file` column first. A text's mentions are written before the next is read."""
    import io
    import json

    columns = (["file"] if named else []) + COLUMNS
    fields = attrgetter(*COLUMNS)
    buf = io.StringIO()
    if fmt == "csv":
        buf.write(",".join(columns) + "\n")
    rows = 0
    for file, mentions in sources:
        first = csv_field(file) + "," if named else ""
        for m in mentions:
            if fmt == "csv":
                buf.write(csv_line(m, first))
            else:
                obj = dict(zip(columns, ((file,) if named else ()) + fields(m)))
                text = json.dumps(obj, ensure_ascii=False, indent=2, default=str).replace("\n", "\n  ")
                buf.write((",\n  " if rows else "[\n  ") + text)
            rows += 1
            if rows % chunk == 0:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
    if fmt != "csv":
        buf.write("\n]\n" if rows else "[]\n")
    yield buf.getvalue()
