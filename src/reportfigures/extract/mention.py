"""A number mention, as the extractor hands it on and as the tables print it.

`Mention` is `[prefix qualifier] number [unit] [suffix qualifier]` as printed, with its value
(multipliers folded in), unit, qualifier, kind, section and sentence; a range is one
mention with the low end as `value` and the high end as `high`. mention_table(s) write many
of them as CSV or JSON, in pieces.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
from typing import Iterable, Iterator


KINDS = ("metric", "target", "list_count", "name", "ordinal", "date_or_period", "anniversary")
QUALIFIERS = ("exact", "at_least", "at_most", "approx", "range")
COLUMNS = ["start", "end", "surface", "value", "unit", "qualifier", "kind", "section", "sentence", "high"]
SENTENCE_MAX = 300  # characters of the `sentence` column: a window around the number beyond it
LIST_SEP = "｜"  # joins listed items in tables; items themselves may contain 、


@dataclass
class Mention:
    start: int
    end: int
    surface: str
    value: int | float | None
    unit: str
    qualifier: str
    kind: str
    section: str = ""
    sentence: str = ""
    rule: str = ""  # which rule decided: for reviewers and debugging
    listed: list[str] = field(default_factory=list)  # items counted by a list_count
    listed_open: bool = False  # the list ends with 等: the items shown are a lower bound
    high: int | float | None = None  # a range's high end (3—5个 → 5); None otherwise

    def row(self) -> dict:
        """The mention as a table row (`listed` joined by LIST_SEP)."""
        return {"start": self.start, "end": self.end, "surface": self.surface, "value": self.value,
                "unit": self.unit, "qualifier": self.qualifier, "kind": self.kind, "section": self.section,
                "sentence": self.sentence, "rule": self.rule, "listed": LIST_SEP.join(self.listed),
                "listed_open": self.listed_open, "high": self.high}


def mention_table(mentions: list[Mention], fmt: str = "csv", chunk: int = 2000) -> Iterator[str]:
    """The mentions as CSV (header COLUMNS) or a JSON list of COLUMNS objects, in pieces of
    `chunk` rows, so that an output as large as its input is never held twice in memory.
    Same text as files.csv_text / files.json_text would give for all rows at once."""
    return mention_tables([("", mentions)], fmt, chunk, named=False)


def mention_tables(sources: Iterable[tuple[str, list[Mention]]], fmt: str = "csv", chunk: int = 2000,
                   named: bool = True) -> Iterator[str]:
    """One table for several texts, each given as (file, mentions) and consumed one at a time;
    `named` puts a `file` column first. A text's mentions are written before the next is read."""
    import csv
    import io
    import json

    columns = (["file"] if named else []) + COLUMNS
    fields = attrgetter(*COLUMNS)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    if fmt == "csv":
        writer.writerow(columns)
    rows = 0
    for file, mentions in sources:
        for m in mentions:
            if fmt == "csv":
                writer.writerow(((file,) if named else ()) + fields(m))
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
