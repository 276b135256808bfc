"""The SQLite database of all editions and `reportfigures serve` (issue 13): every edition's
tables side by side by year, Chinese full-text search, the canned query of changed claims
(the same answer as `reportfigures diff`), and Datasette over HTTP on a loopback port."""

import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest
import sqlite_utils

from reportfigures.yearly import compare
from reportfigures.tables import database
from reportfigures.tables.datasette import QUERIES, metadata
from reportfigures.tables import search
from reportfigures.cli import main
from reportfigures.errors import IntegrityError


def _next_year(root, year=2025):
    """outputs/<year>/: the built 2024 edition with planted changes (a value, a qualifier, a
    claim gone, a claim new), as a second edition in the same outputs folder."""
    src, dest = root / "outputs" / "2024", root / "outputs" / str(year)
    shutil.copytree(src, dest)
    rec = json.loads((dest / "edition.json").read_text(encoding="utf-8"))
    rec["year"] = year
    rec["params"]["base_year"] = 2024
    (dest / "edition.json").write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    claims = json.loads((dest / "claims.json").read_text(encoding="utf-8"))
    by = {c["id"]: c for c in claims}
    by["proposals.received"] |= {"value": 1608, "surface": "1608件"}
    qual = next(c for c in claims if c["qualifier"] == "exact" and c["id"] != "proposals.received")
    qual["qualifier"] = "at_least"
    gone = claims.pop()
    new = dict(claims[0], id="proposals.auto.xinzeng_jian", origin="auto", value=7)
    claims.append(new)
    (dest / "claims.json").write_text(json.dumps(claims, ensure_ascii=False), encoding="utf-8")
    return {"value": "proposals.received", "qualifier": qual["id"], "gone": gone["id"], "new": new["id"]}


@pytest.fixture(scope="module")
def two_editions(built_edition, tmp_path_factory):
    """A project with the built 2024 edition and a made-up 2025 one, and its database."""
    root = tmp_path_factory.mktemp("db") / "proj"
    shutil.copytree(built_edition, root, ignore=shutil.ignore_patterns(".render-cache", "*.lock"))
    planted = _next_year(root)
    assert database.update(root) == root / "outputs" / "reportfigures.db"
    return root, planted


def rows(db_path, sql, params=()):
    with sqlite3.connect(db_path) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql, params)]


def test_the_build_writes_the_database_beside_the_editions(built_edition):
    db = built_edition / "outputs" / "reportfigures.db"
    assert db.is_file() and oct(db.stat().st_mode & 0o444) == "0o444"
    claim = rows(db, "select * from claims where year = 2024 and id = 'proposals.received'")
    assert [(c["value"], c["surface"], c["rating"]) for c in claim] == [(1551, "1551件", "consistent")]
    assert not database.is_stale(built_edition)


def test_every_edition_is_side_by_side_keyed_by_year(two_editions):
    root, _ = two_editions
    db = database.path(root)
    for table in database.TABLES:
        for year in (2024, 2025):
            want = json.loads((root / "outputs" / str(year) / f"{table}.json").read_text(encoding="utf-8"))
            got = rows(db, f"select * from {table} where year = ?", (year,))
            assert len(got) == len(want)
    assert [r["year"] for r in rows(db, "select year from editions order by year")] == [2024, 2025]
    assert rows(db, "select count(*) n from sources")[0]["n"] == 2


def test_a_row_links_to_its_sentence_and_the_sentence_to_the_text(two_editions):
    root, _ = two_editions
    db = database.path(root)
    r = rows(db, """select c.surface, c.start, c.end, s.text sentence, s.start s_start, s.end s_end, src.text
                    from claims c join sentences s on s.id = c.sentence_id join sources src on src.year = c.year
                    where c.year = 2024 and c.id = 'proposals.received'""")[0]
    assert r["surface"] in r["sentence"] and r["s_start"] <= r["start"] < r["end"] <= r["s_end"]
    assert r["text"][r["start"]:r["end"]] == "1551件"
    missing = rows(db, "select count(*) n from numbers where sentence_id is null")[0]["n"]
    assert missing == 0


def test_keys_and_indexes_reviewers_filter_by(two_editions):
    root, _ = two_editions
    db = sqlite_utils.Database(database.path(root))
    assert db["claims"].pks == ["year", "id"] and db["findings"].pks == ["year", "check_id"]
    assert db["numbers"].pks == ["year", "start"] and db["derived"].pks == ["year", "id"]
    indexed = {t: {tuple(i.columns) for i in db[t].indexes} for t in ("claims", "findings", "finding_claims", "numbers")}
    for cols in [("year",), ("theme",), ("kind",), ("rating",), ("id",)]:
        assert cols in indexed["claims"], cols
    assert {("year",), ("rating",)} <= indexed["findings"] and ("claim_id",) in indexed["finding_claims"]
    assert ("kind",) in indexed["numbers"]
    fks = {(fk.column, fk.other_table) for fk in db["claims"].foreign_keys}
    assert {("year", "editions"), ("rating", "ratings"), ("sentence_id", "sentences")} <= fks


def test_changed_claims_query_agrees_with_reportfigures_diff(two_editions):
    root, planted = two_editions
    got = rows(database.path(root), QUERIES["changed_claims"]["sql"], {"old": "2024", "new": "2025"})
    d = compare.diff_editions(root / "outputs", 2024, 2025)
    want = {r["claim_id"]: r for r in d.claims if r["status"] != "same"}
    assert {r["claim_id"]: r["status"] for r in got} == {k: r["status"] for k, r in want.items()}
    by = {r["claim_id"]: r for r in got}
    assert by[planted["value"]]["status"] == "value_changed"
    assert (by[planted["value"]]["old_value"], by[planted["value"]]["new_value"]) == (1551, 1608)
    assert by[planted["value"]]["pct_change"] == want[planted["value"]]["pct_change"] == 3.68
    assert by[planted["qualifier"]]["status"] == "qualifier_changed"
    assert (by[planted["gone"]]["status"], by[planted["new"]]["status"]) == ("gone", "new")
    same = rows(database.path(root), QUERIES["changed_claims"]["sql"], {"old": "2024", "new": "2024"})
    assert same == []


def test_other_canned_queries(two_editions):
    root, _ = two_editions
    db = database.path(root)
    history = rows(db, QUERIES["claim_history"]["sql"], {"id": "proposals.received"})
    assert [(r["year"], r["value"]) for r in history] == [(2024, 1551), (2025, 1608)]
    named = rows(db, QUERIES["claim_findings"]["sql"], {"year": "2024", "id": "proposals.satisfaction_rate"})
    assert named and named[0]["rating"] == "not_reproducible" and named[0]["at_fault"] == 1


def test_chinese_search_finds_any_sequence_of_characters_exactly(two_editions):
    root, _ = two_editions
    db = database.path(root)

    def found(q, table="sentences"):
        return rows(db, f"select t.rowid from {table} t where t.rowid in (select rowid from {table}_search_fts "
                        f"where {table}_search_fts match ?) and t.year = 2024", (search.fts_query(q),))

    text = rows(db, "select text from sources where year = 2024")[0]["text"]
    for q in ("收到提案", "提案", "1551件", "满意率 98.16%", "案"):
        assert found(q), q
    assert len(found("收到提案")) == 1 and found("收到 提案")
    assert "提案满意" not in text and found("提案满意") == []
    assert found("proposals received", "claims") and found("1551件", "numbers")
    # the plain tokenizer on the same text would find neither: a Chinese clause is one token to it
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table t using fts5(x)")
    conn.execute("insert into t(x) values (?)", ("全年共收到提案1551件",))
    assert conn.execute("select count(*) from t where t match ?", ('"收到提案"',)).fetchone()[0] == 0


def test_a_source_that_is_not_the_built_one_is_refused(two_editions, tmp_path):
    root, _ = two_editions
    copy = tmp_path / "proj"
    shutil.copytree(root / "outputs", copy / "outputs")
    shutil.copytree(root / "data", copy / "data")
    (copy / "outputs" / "2025" / "source" / "report.txt").write_text("共收到提案1608件。", encoding="utf-8")
    with pytest.raises(IntegrityError, match=r"2025/source/report.txt: does not have the SHA-256 edition 2025"):
        database.update(copy)
    empty = tmp_path / "empty"
    (empty / "outputs").mkdir(parents=True)
    assert database.update(empty) is None and not database.path(empty).exists()


def test_staleness_follows_the_editions(two_editions):
    root, _ = two_editions
    assert not database.is_stale(root)
    record = root / "outputs" / "2025" / "edition.json"
    earlier = record.stat().st_mtime - 10  # the database older than an edition: rebuilt since
    os.utime(database.path(root), (earlier, earlier))
    assert database.is_stale(root)
    database.update(root)
    assert not database.is_stale(root)


def test_metadata_from_the_package(two_editions):
    root, _ = two_editions
    meta = metadata(database.path(root))
    assert meta["license"] == "CC-BY-4.0" and "creativecommons.org" in meta["license_url"]
    assert "2024:" in meta["source"] and "Chongqing" in meta["source"]
    tables = meta["databases"][database.NAME]["tables"]
    assert tables["claims"]["facets"] == ["year", "theme", "kind", "rating"]
    assert tables["findings"]["facets"][:2] == ["year", "rating"]
    assert tables["claims"]["title"] == "声明 / Claims" and "—" in tables["claims"]["columns"]["value"]
    assert tables["claims"]["fts_table"] == "claims_search_fts" and tables["claims_search"] == {"hidden": True}
    assert set(meta["databases"][database.NAME]["queries"]) == {"changed_claims", "claim_history", "claim_findings"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str):
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.status, r.read().decode("utf-8")


def test_serve_answers_over_http_on_a_loopback_port(two_editions):
    root, planted = two_editions
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "reportfigures.cli", "--root", str(root), "serve", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                _get(f"{base}/-/versions.json")
                break
            except OSError:
                assert proc.poll() is None, proc.communicate()
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.3)
        status, body = _get(f"{base}/reportfigures/claims.json?year=2024&id=proposals.received&_shape=array")
        claim = json.loads(body)
        assert status == 200 and [(c["value"], c["unit"], c["surface"]) for c in claim] == [(1551, "件", "1551件")]
        status, body = _get(f"{base}/reportfigures/changed_claims.json?old=2024&new=2025&_shape=objects")
        changed = {r["claim_id"]: r for r in json.loads(body)["rows"]}
        assert changed[planted["value"]]["new_value"] == 1608 and changed[planted["new"]]["status"] == "new"
        q = urllib.parse.quote("收到提案")
        status, body = _get(f"{base}/reportfigures/sentences.json?_search={q}&year=2024&_shape=array")
        assert [s["text"][:7] for s in json.loads(body)] == ["全年共收到提案"]
        status, body = _get(f"{base}/reportfigures/claims.json?_facet=rating&_size=0")
        assert {f["value"] for f in json.loads(body)["facet_results"]["rating"]["results"]} >= {"consistent"}
        for page in ("/", "/reportfigures", "/reportfigures/claims?year=2024", "/reportfigures/changed_claims?old=2024&new=2025"):
            status, html = _get(base + page)
            assets = re.findall(r'<(?:script|img|link|iframe)\b[^>]*?(?:src|href)="([^"]+)"', html)
            remote = [a for a in assets if re.match(r"(https?:)?//", a) and not a.startswith(base + "/")]
            assert status == 200 and "/-/static/app.css" in " ".join(assets) and not remote, (page, remote)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    assert proc.returncode is not None


def test_serve_on_a_port_in_use_is_one_line(two_editions, capsys):
    root, _ = two_editions
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        code = main(["--root", str(root), "serve", "--port", str(s.getsockname()[1])])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "Address already in use" in err and "--port" in err


def test_serve_without_any_edition_is_one_line(tmp_path, capsys):
    (tmp_path / "outputs").mkdir()
    code = main(["--root", str(tmp_path), "serve", "--port", str(_free_port())])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "no edition is built" in err


def test_an_edition_without_derived_figures_still_has_every_table(built_edition, tmp_path):
    e = database.load_edition(built_edition, 2024)
    e.tables["derived"] = []
    database.write(tmp_path / "db.sqlite", [e])
    db = sqlite_utils.Database(tmp_path / "db.sqlite")
    assert db["derived"].exists() and db["derived"].count == 0 and db["derived"].pks == ["year", "id"]
    assert db["claims"].count == len(e.tables["claims"]) and db["claims_search"].count == db["claims"].count
