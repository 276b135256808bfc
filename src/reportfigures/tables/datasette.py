"""Serving the databases with Datasette: titles, descriptions, facets, canned queries,
Chinese search, on this machine (no remote asset).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from . import datapackage
from . import search
from ..errors import InputError
from .database import FACETS, NAME, SEARCHED, TABLES, built_years, db_name, is_stale, path, update


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

    from ..paths import DEFAULT_REPORT, built
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
