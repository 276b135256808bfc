"""One SQLite database of every built edition, for reviewers: outputs/reportfigures.db.

Each edition's claims, derived figures, findings and number mentions side by side, keyed by
year, with the archived text and its sentences (a row links to its sentence, the sentence
gives its place in the text), the rating scale, and which claims each finding names. It is
rebuilt whole from the built editions (their JSON tables, datapackage.json and source/) by
sqlite-utils into a temporary file that replaces the database in one rename, so a reader
never sees half a database. `reportfigures serve` opens it read-only with Datasette: facets
by year, theme, kind and rating, Chinese full-text search (search.py), canned queries, and
the titles, descriptions and licence of the Data Package.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import datapackage, search
from .errors import InputError, IntegrityError, ReportError

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
    from .paths import outputs_dir
    return outputs_dir(root, 0, report).parent / f"{db_name(report)}.db"


def db_name(report: str | None = None) -> str:
    """The database's name in Datasette's URLs: /reportfigures/claims, /chongqing-gov/claims."""
    from .paths import DEFAULT_REPORT, check_report
    r = check_report(report)
    return NAME if r == DEFAULT_REPORT else r


def built_years(outputs: Path) -> list[int]:
    """Years with a finished edition (edition.json is written last)."""
    return [int(d.name) for d in sorted(Path(outputs).glob("[0-9][0-9][0-9][0-9]")) if (d / "edition.json").is_file()]


def load_edition(root: Path, year: int, report: str | None = None) -> Edition:
    """One built edition; its text is the edition's own copy (source/report.txt) or, for an
    edition built before it had one, the archive, and must have the hash the edition records."""
    from .paths import outputs_dir
    from .source import load_meta, read_text

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
    from .staging import readable

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


# --- writing -----------------------------------------------------------------------------------

def write(db_path: Path, editions: list[Edition]) -> None:
    """Every table, with keys, foreign keys, indexes and the Chinese full-text indexes."""
    import sqlite_utils

    from . import ratings
    from .checks import claim_ratings
    from .text import Document

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


# --- Datasette ----------------------------------------------------------------------------------

EXTRA_COLUMNS = {
    "year": ("报告所回顾的年份（版次）", "the year the report reviews (the edition)"),
    "rating": ("该声明本身的评级：它作为有问题数字的最差评级，否则经核对一致，否则无法核查",
               ("the claim's own rating: the worst rating where it is the number at fault, else consistent "
                "where a check confirms it, else cannot be checked")),
    "sentence_id": ("所在句子（链接到sentences表）", "its sentence (a link to the sentences table)"),
}

TABLE_TEXT = {
    "editions": ("版次", "Editions", "每个已构建的版次一行：报告、原文哈希、构建时间和各表行数。",
                 "One row per built edition: the report, its text's hash, when it was built and how many rows each table has."),
    "sources": ("存档原文", "Archived texts", "每个版次的报告全文；各表的start/end都是它的字符位置。",
                "The full text of each edition's report; every start/end of the tables is an offset into it."),
    "sentences": ("句子", "Sentences", "原文的每一个句子，附所在章节和字符位置；可全文检索（中文按字检索，词之间用空格分开）。",
                  ("Every sentence of each text, with its section and offsets; full-text searchable (Chinese is "
                   "matched character by character; separate terms with spaces).")),
    "finding_claims": ("核查涉及的声明", "Claims named by findings",
                       "每项核查结果涉及的每个声明一行；at_fault表示该声明是有问题的数字。",
                       "One row per claim a finding names; at_fault says whether that claim is the number at fault."),
    "ratings": ("评级", "Ratings", "核查结果的评级，从最严重到无法核查。",
                "The rating scale of a finding, worst first."),
}

QUERIES = {
    "changed_claims": {
        "title": "两个版次之间变化的声明 / Claims that changed between two editions",
        "description": "新增、不再出现、数值或限定词变化的声明（与 reportfigures diff 相同）。"
                       " Claims new, gone, or with another value or qualifier, as `reportfigures diff` compares them. "
                       "Parameters: old, new (years).",
        "sql": """
with o as (select * from claims where year = cast(:old as integer)),
     n as (select * from claims where year = cast(:new as integer)),
     pairs as (
       select o.id as claim_id, o.theme as old_theme, n.theme as new_theme, o.subject_zh as old_subject_zh,
              n.subject_zh as new_subject_zh, o.subject_en as old_subject_en, n.subject_en as new_subject_en,
              o.surface as old_surface, n.surface as new_surface, o.value as old_value, n.value as new_value,
              o.qualifier as old_qualifier, n.qualifier as new_qualifier, o.unit as old_unit, n.unit as new_unit,
              n.id is not null as in_new, 1 as in_old
       from o left join n on n.id = o.id
       union all
       select n.id, null, n.theme, null, n.subject_zh, null, n.subject_en, null, n.surface, null, n.value,
              null, n.qualifier, null, n.unit, 1, 0
       from n where n.id not in (select id from o))
select claim_id, coalesce(new_theme, old_theme) as theme, coalesce(new_subject_zh, old_subject_zh) as subject_zh,
       coalesce(new_subject_en, old_subject_en) as subject_en,
       case when not in_old then 'new' when not in_new then 'gone'
            when old_value != new_value then 'value_changed' else 'qualifier_changed' end as status,
       old_surface, new_surface, old_value, new_value, coalesce(new_unit, old_unit) as unit,
       case when in_old and in_new and old_value != 0 and old_value != new_value
            then round((new_value - old_value) * 100.0 / old_value, 2) end as pct_change,
       old_qualifier, new_qualifier
from pairs
where not in_old or not in_new or old_value != new_value or old_qualifier != new_qualifier
order by status, claim_id""",
    },
    "claim_history": {
        "title": "一项声明的历年数值 / One claim across the editions",
        "description": "某个声明编号在每个版次中的数值、评级和句子。 A claim's value, rating and sentence in every "
                       "edition. Parameter: id (e.g. proposals.received).",
        "sql": """
select year, id, subject_zh, subject_en, surface, value, unit, qualifier, rating, sentence
from claims where id = :id order by year""",
    },
    "claim_findings": {
        "title": "涉及一项声明的核查结果 / The findings that name a claim",
        "description": "某版次中涉及该声明的每一项核查结果及其结论。 Every finding of an edition that names the claim, "
                       "with its rating and sentence. Parameters: year, id.",
        "sql": """
select f.year, f.check_id, l.at_fault, f.rating, f.rating_zh, f.rating_en, f.sentence_zh, f.sentence_en, f.evidence
from finding_claims l join findings f on f.year = l.year and f.check_id = l.check_id
where l.year = cast(:year as integer) and l.claim_id = :id
order by (select rank from ratings where ratings.id = f.rating), f.check_id""",
    },
}


def metadata(db_path: Path, names: dict[str, Path] | None = None) -> dict:
    """Datasette metadata: the Data Package's titles, descriptions, licence and sources, each
    table's facets and column descriptions (Chinese and English), search, canned queries;
    one entry per report's database (`names`: name → file; default: this one file)."""
    names = names or {NAME: Path(db_path)}
    dbs = {name: _database_metadata(p) for name, p in names.items()}
    licence = datapackage.DATA_LICENCE
    sources = "; ".join(d["source"] for d in dbs.values())
    return {
        "title": "reportfigures：工作报告中的每一个数字 / Every figure of the work reports",
        "description_html": (
            "<p>每个已构建版次的声明、推算数字、核查结果和数字，按年份并列，附报告原文；每份报告一个数据库。"
            "可按年份、主题、类别和评级筛选；中文检索按字匹配，多个词用空格分开。</p>"
            "<p>Every built edition's claims, derived figures, findings and number mentions side by side by year, "
            "with the report's text, one database per report. Facet by year, theme, kind and rating; Chinese search "
            "matches characters exactly, separate terms with spaces. The data is CC-BY-4.0; the software "
            "(reportfigures) is MIT.</p>"),
        "license": licence["name"], "license_url": licence["path"],
        "source": sources or "—",
        "databases": dbs,
    }


def _database_metadata(db_path: Path) -> dict:
    """One report's database: its tables' titles, facets, columns, search and queries."""
    import sqlite3

    with contextlib.closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as conn:
        conn.row_factory = sqlite3.Row
        editions = [dict(r) for r in conn.execute("select year, report, report_en, licence from editions order by year")]
    licence = datapackage.DATA_LICENCE
    tables: dict[str, dict] = {}
    for t in TABLES:
        info = datapackage.table_info(t)
        cols = {f["name"]: f"{f['description_zh']} — {f['description']}" for f in datapackage.fields(t)}
        cols |= {k: f"{zh} — {en}" for k, (zh, en) in EXTRA_COLUMNS.items() if k != "rating" or t == "claims"}
        tables[t] = {"title": f"{info['title_zh']} / {info['title']}", "description": f"{info['zh']} {info['en']}",
                     "columns": cols}
    for t, (zh, en, dzh, den) in TABLE_TEXT.items():
        tables[t] = {"title": f"{zh} / {en}", "description": f"{dzh} {den}"}
    for t, facets in FACETS.items():
        tables[t]["facets"] = facets
    for t in SEARCHED:
        tables[t] |= {"fts_table": f"{t}_search_fts", "fts_pk": "rowid"}
        tables[f"{t}_search"] = {"hidden": True}
    tables["claims"]["label_column"] = "subject_zh"
    tables["sentences"]["label_column"] = "text"
    tables["ratings"]["label_column"] = "zh"
    tables["editions"]["label_column"] = "report"
    reports = "; ".join(f"{e['year']}: {e['report']} ({e['report_en']})" for e in editions)
    return {"title": editions[0]["report_en"] if editions else "reportfigures", "source": reports or "—",
            "license": licence["name"], "license_url": licence["path"], "tables": tables, "queries": QUERIES}


def _search_plugin():
    """Datasette's search escapes each term as one token; this makes it the phrase of the
    term's Chinese bigrams (search.py), for the connections of this database only."""
    from datasette import hookimpl

    class SearchPlugin:
        __name__ = "reportfigures-search"

        @staticmethod
        @hookimpl(trylast=True)  # after Datasette's own escape_fts, which it replaces
        def prepare_connection(conn, database):
            if database in SERVED:
                conn.create_function("escape_fts", 1, search.fts_query, deterministic=True)

    return SearchPlugin()


SETTINGS = {"default_page_size": 50, "sql_time_limit_ms": 3000, "facet_time_limit_ms": 500, "suggest_facets": False,
            "allow_download": True, "default_cache_ttl": 0}


SERVED: set[str] = {NAME}  # the databases whose search speaks Chinese bigrams


def app(db_path: Path | dict[str, Path]):
    """The Datasette application over the databases (read-only, no remote asset): one file,
    or name → file for every report (a file's name in Datasette is its stem, so each report's
    database is linked under its report id)."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    names = db_path if isinstance(db_path, dict) else {NAME: Path(db_path)}
    SERVED.update(names)
    if not pm.has_plugin("reportfigures-search"):
        pm.register(_search_plugin(), name="reportfigures-search")
    first = names.get(NAME) or next(iter(names.values()))
    return Datasette([], immutables=[str(p) for p in names.values()], metadata=metadata(first, names),
                     settings=SETTINGS)


def serve(root: Path, host: str = "127.0.0.1", port: int = 8001, log=print) -> None:
    """Open the database with Datasette at http://host:port/ until interrupted; the
    database is rebuilt first when an edition is newer than it."""
    import asyncio
    import socket

    import uvicorn

    from .paths import DEFAULT_REPORT, built
    root = Path(root)
    reports = list(dict.fromkeys(r for r, _ in built(root))) or [DEFAULT_REPORT]
    names: dict[str, Path] = {}
    for report in reports:
        if is_stale(root, report):
            if update(root, report) is None:
                continue
            log(f"  database {db_name(report)} rebuilt from {len(built_years(path(root, report).parent))} edition(s)")
        names[db_name(report)] = path(root, report)
    if not names:
        raise InputError("no edition is built: run `reportfigures build --year YEAR` first", root / "outputs")
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        try:
            s.bind((host, port))
        except OSError as e:
            raise InputError(f"cannot listen on {host}:{port} ({e.strerror}): choose another with --port") from None
    ds = app(names)
    asyncio.run(ds.invoke_startup())
    log(f"serving {', '.join(str(p) for p in names.values())} at "
        + ", ".join(f"http://{host}:{port}/{n}" for n in names) + " (Ctrl-C stops)")
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on", workers=1)
