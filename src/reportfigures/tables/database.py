"""One SQLite database per report of every built edition (sqlite-utils), keyed by year.

In come the built editions (outputs/[<report>/]<year>/: tables, package, text); out comes
outputs/reportfigures.db (the project's own report) or outputs/<report>/<report>.db, written
into a temporary file that replaces the old one: the four tables side by side with a `year`
column in their keys, the texts and their sentences, the editions, the rating scale, which
claims each finding names, indexes and Chinese full-text search.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import datapackage
from . import search
from ..errors import InputError, IntegrityError, ReportError


DB_NAME = "reportfigures.db"
NAME = "reportfigures"  # the database's name in Datasette's URLs: /reportfigures/claims
TABLES = ("claims", "derived", "findings", "numbers")
# what each table's full-text index covers; the grams live in <table>_search (search.py)
SEARCHED = {"sentences": ["text"], "claims": ["id", "subject_zh", "subject_en", "surface", "sentence"],
            "findings": ["check_id", "sentence_zh", "sentence_en", "numbers", "evidence"],
            "numbers": ["surface", "sentence"]}
FACETS = {"claims": ["year", "theme", "kind", "rating"], "findings": ["year", "rating", "rule"],
          "numbers": ["year", "kind"], "derived": ["year"], "sentences": ["year"],
          "finding_claims": ["year", "at_fault"]}


class DatabaseWriteError(ReportError):
    """The database cannot be written (full disk, read-only folder): the old one stays."""

    exit_code = 1


@dataclass
class Edition:
    """A built edition as the database takes it: its record, tables, package and text."""
    year: int
    folder: Path
    record: dict
    package: dict
    meta: dict
    tables: dict[str, list[dict]]
    text: str
    source_path: str


def path(root: Path, report: str | None = None) -> Path:
    """outputs/reportfigures.db for the project's own report; outputs/<report>/<report>.db
    for any other (one database per report, each with the same tables keyed by year; Datasette
    names a database by its file's stem, so each is served under its report's id)."""
    from ..paths import outputs_dir
    return outputs_dir(root, 0, report).parent / f"{db_name(report)}.db"


def db_name(report: str | None = None) -> str:
    """The database's name in Datasette's URLs: /reportfigures/claims, /chongqing-gov/claims."""
    from ..paths import DEFAULT_REPORT, check_report
    r = check_report(report)
    return NAME if r == DEFAULT_REPORT else r


def built_years(outputs: Path) -> list[int]:
    """Years with a finished edition (edition.json is written last)."""
    return [int(d.name) for d in sorted(Path(outputs).glob("[0-9][0-9][0-9][0-9]")) if (d / "edition.json").is_file()]


def load_edition(root: Path, year: int, report: str | None = None) -> Edition:
    """One built edition; its text is the edition's own copy (source/report.txt) or, for an
    edition built before it had one, the archive, and must have the hash the edition records."""
    from ..paths import outputs_dir
    from ..source.archive import load_meta
    from ..source.read import read_text

    folder = outputs_dir(root, year, report)
    try:
        record = json.loads((folder / "edition.json").read_text(encoding="utf-8"))
        tables = {t: json.loads((folder / f"{t}.json").read_text(encoding="utf-8")) for t in TABLES}
    except (OSError, ValueError) as e:
        raise InputError(f"edition {year} cannot be read ({e}): rebuild it with `reportfigures build --year {year}`",
                         folder) from None
    pkg_path = folder / datapackage.DESCRIPTOR
    package = json.loads(pkg_path.read_text(encoding="utf-8")) if pkg_path.is_file() else {}
    own = folder / datapackage.SOURCE
    src_path = own if own.is_file() else Path(root) / record["params"]["text"]
    src = read_text(src_path)
    if src.sha256 != record["source_sha256"]:
        raise IntegrityError(f"does not have the SHA-256 edition {year} was built from ({record['source_sha256'][:12]}…)",
                             src_path)
    try:
        meta = load_meta(root, year, report)
    except InputError:  # an edition copied without its archive: the package has the titles
        meta = {"title": package.get("title_zh", ""), "title_en": package.get("title", "")}
    return Edition(year, folder, record, package, meta, tables, src.text,
                   datapackage.SOURCE if own.is_file() else record["params"]["text"])


@contextlib.contextmanager
def _lock(outputs: Path):
    """Builds of different years may finish together: one rewrites the database at a time."""
    import fcntl
    fd = os.open(Path(outputs) / ".database.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def update(root: Path, report: str | None = None) -> Path | None:
    """Rebuild a report's database from every built edition of it, atomically and readable by
    a web server; None (and no database) when no edition is built."""
    from ..files import readable

    outputs = path(root, report).parent
    with _lock(outputs):
        editions = [load_edition(root, y, report) for y in built_years(outputs)]
        if not editions:
            return None
        import sqlite3
        tmp = None
        try:
            fd, tmp = tempfile.mkstemp(dir=outputs, prefix=f".{DB_NAME}.", suffix=".tmp")
            os.close(fd)
            write(Path(tmp), editions)
            readable(Path(tmp))
            os.replace(tmp, path(root, report))
        except (OSError, sqlite3.Error) as e:
            why = getattr(e, "strerror", None) or str(e)
            raise DatabaseWriteError(f"cannot be written ({why}): the database keeps the editions it had",
                                     path(root, report)) from None
        finally:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
    return path(root, report)


def is_stale(root: Path, report: str | None = None) -> bool:
    """The database is missing or older than an edition (or an edition is gone from it)."""
    db = path(root, report)
    if not db.is_file():
        return True
    outputs = db.parent
    newest = max(((outputs / str(y) / "edition.json").stat().st_mtime for y in built_years(outputs)), default=0)
    if newest > db.stat().st_mtime:
        return True
    import sqlite3
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        try:
            have = [r[0] for r in conn.execute("select year from editions order by year")]
        except sqlite3.DatabaseError:
            return True
    return have != built_years(outputs)


def write(db_path: Path, editions: list[Edition]) -> None:
    """Every table, with keys, foreign keys, indexes and the Chinese full-text indexes."""
    import sqlite_utils

    from ..checks import ratings
    from ..checks.run import claim_ratings
    from ..text.document import Document

    db = sqlite_utils.Database(db_path, recreate=True)
    _create_schema(db)
    db["ratings"].insert_all({**r, "rank": i} for i, r in enumerate(ratings.scale_table()))
    db["editions"].insert_all(_edition_row(e) for e in editions)
    db["sources"].insert_all({"year": e.year, "path": e.source_path, "sha256": e.record["source_sha256"],
                              "chars": len(e.text), "text": e.text} for e in editions)
    for e in editions:
        doc = Document(e.text)
        sentence_id = _sentence_ids(doc, e.year)
        db["sentences"].insert_all({"id": f"{e.year}:{s.index}", "year": e.year, "n": s.index,
                                    "section": doc.section_at(s.start).path, "start": s.start, "end": s.end,
                                    "text": s.text} for s in doc.sentences)
        rated = claim_ratings(e.tables["findings"])
        rows = {"claims": [c | {"rating": rated.get(c["id"], "cannot_check"), "sentence_id": sentence_id(c["start"])}
                           for c in e.tables["claims"]],
                "derived": e.tables["derived"],
                "findings": [f | {"sentence_id": sentence_id(f["start"])} for f in e.tables["findings"]],
                "numbers": [n | {"sentence_id": sentence_id(n["start"])} for n in e.tables["numbers"]]}
        for table in TABLES:  # alter: an edition built by another version may have another column
            db[table].insert_all(({"year": e.year, **_clean(r)} for r in rows[table]), alter=True)
        sep = datapackage.LIST_SEP
        db["finding_claims"].insert_all(
            {"year": e.year, "check_id": f["check_id"], "claim_id": cid,
             "at_fault": cid in str(f.get("at_fault") or "").split(sep)}
            for f in e.tables["findings"] for cid in dict.fromkeys(filter(None, str(f["claims"]).split(sep))))
    _indexes(db)
    for table, cols in SEARCHED.items():
        _search_index(db, table, cols)
    db.analyze()
    db.vacuum()
    db.close()


def _sentence_ids(doc, year: int):
    """offset → the id of the sentence holding it (None between sentences)."""
    sents = doc.sentences
    starts = [s.start for s in sents]

    def sentence_id(offset) -> str | None:
        i = bisect.bisect_right(starts, int(offset)) - 1
        return f"{year}:{sents[i].index}" if i >= 0 and int(offset) < sents[i].end else None

    return sentence_id


# a number column has NUMERIC affinity (declared ANY): 1551 stays an integer, 98.16 a real
_SQL_TYPES = {"string": str, "integer": int, "number": "ANY", "boolean": bool}
# each edition table: its primary key, the columns the database adds, and what they refer to
KEYS = {"claims": (("year", "id"), {"rating": str, "sentence_id": str},
                   [("rating", "ratings", "id"), ("sentence_id", "sentences", "id")]),
        "derived": (("year", "id"), {}, []),
        "findings": (("year", "check_id"), {"sentence_id": str},
                     [("rating", "ratings", "id"), ("sentence_id", "sentences", "id")]),
        "numbers": (("year", "start"), {"sentence_id": str}, [("sentence_id", "sentences", "id")])}
EDITION_COLUMNS = {"year": int, "title": str, "title_en": str, "report": str, "report_en": str, "body": str,
                   "reviewed_year": int, "task_year": int, "base_year": int, "source_sha256": str,
                   "package_version": str, "built_at": str, "numbers": int, "claims": int, "findings": int,
                   "derived": int, "licence": str, "datapackage": str}


def _create_schema(db) -> None:
    """Every table before any row, so that an empty table exists too: the edition tables
    typed as their Table Schema says, year first and in every primary key."""
    by_year = [("year", "editions", "year")]
    db["ratings"].create({"id": str, "zh": str, "en": str, "definition_zh": str, "definition_en": str,
                          "number_at_fault": bool, "rank": int}, pk="id")
    db["editions"].create(EDITION_COLUMNS, pk="year")
    db["sources"].create({"year": int, "path": str, "sha256": str, "chars": int, "text": str}, pk="year",
                         foreign_keys=by_year)
    db["sentences"].create({"id": str, "year": int, "n": int, "section": str, "start": int, "end": int, "text": str},
                           pk="id", foreign_keys=by_year)
    for table, (pk, extra, refs) in KEYS.items():
        cols = {"year": int} | {f["name"]: _SQL_TYPES[f["type"]] for f in datapackage.fields(table)} | extra
        db[table].create(cols, pk=pk, foreign_keys=by_year + refs)
    db["finding_claims"].create({"year": int, "check_id": str, "claim_id": str, "at_fault": bool},
                                pk=("year", "check_id", "claim_id"), foreign_keys=by_year)


def _edition_row(e: Edition) -> dict:
    pkg, rec = e.package, e.record
    out = rec.get("outputs", {})
    return {"year": e.year, "title": pkg.get("title_zh") or e.meta.get("title", ""),
            "title_en": pkg.get("title") or e.meta.get("title_en", ""),
            "report": e.meta.get("title", ""), "report_en": e.meta.get("title_en", ""),
            "body": e.meta.get("body", ""), "reviewed_year": e.meta.get("reviewed_year"),
            "task_year": e.meta.get("task_year"), "base_year": rec["params"].get("base_year"),
            "source_sha256": rec["source_sha256"], "package_version": rec.get("package_version"),
            "built_at": rec.get("built_at"), "numbers": out.get("numbers"), "claims": out.get("claims"),
            "findings": sum((out.get("findings") or {}).values()), "derived": out.get("derived"),
            "licence": ", ".join(lic.get("name", "") for lic in pkg.get("licenses", [])),
            "datapackage": f"{e.year}/{datapackage.DESCRIPTOR}" if pkg else None}


def _clean(row: dict) -> dict:
    """An open bound is "" in the JSON tables: NULL in the database."""
    return {k: (None if v == "" and k in ("value", "low", "high") else v) for k, v in row.items()}


def _indexes(db) -> None:
    """What reviewers filter and join by: year, theme, kind, rating, claim id, rule."""
    wanted = {"claims": [["id"], ["theme"], ["kind"], ["rating"], ["origin"]],
              "findings": [["rating"], ["rule"]], "numbers": [["kind"]],
              "finding_claims": [["claim_id"], ["year", "claim_id"]], "sentences": [["year", "start"]]}
    for table, indexes in wanted.items():
        for cols in indexes:
            db[table].create_index(cols, if_not_exists=True)
    for table in ("claims", "findings", "numbers", "derived", "finding_claims"):
        db[table].create_index(["year"], if_not_exists=True)  # the primary keys start with it too: facets count by it
    db.index_foreign_keys()


def _search_index(db, table: str, cols: list[str]) -> None:
    """<table>_search holds the table's searched columns as Chinese bigrams, row for row
    (its row_id is the table's rowid, so the FTS5 index <table>_search_fts has it too)."""
    # read whole before writing: creating the table mid-read would restart the read
    rows = [{"row_id": r["rowid"], **{c: search.index_text(str(r[c]) if r[c] is not None else "") for c in cols}}
            for r in db[table].rows_where(select=", ".join(["rowid", *(f"[{c}]" for c in cols)]))]
    db[f"{table}_search"].create({"row_id": int} | {c: str for c in cols}, pk="row_id")
    db[f"{table}_search"].insert_all(rows)
    db[f"{table}_search"].enable_fts(cols, fts_version="FTS5", tokenize="unicode61")
