"""The command line: output formats, exit codes, one-line errors, atomic editions."""

import csv
import io
import json
import subprocess
import sys

import pytest

from conftest import REPORT, ROOT
from reportfigures.cli import main


def run(args, capsys):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_extract_csv(capsys):
    code, out, err = run(["extract", str(REPORT)], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and err == ""
    assert list(rows[0]) == ["start", "end", "surface", "value", "unit", "qualifier", "kind", "section", "sentence",
                             "high"]
    row = next(r for r in rows if r["surface"] == "1.6亿元")
    assert (row["value"], row["unit"], row["kind"]) == ("160000000", "元", "metric")


def test_extract_json(capsys):
    code, out, _ = run(["extract", str(REPORT), "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 0 and any(r["surface"] == "800余篇" and r["qualifier"] == "at_least" for r in data)


@pytest.mark.parametrize("content", [None, b"", b"\x00\x00binary"])
def test_extract_bad_input_exits_non_zero_with_one_line(tmp_path, capsys, content):
    p = tmp_path / "in.txt"
    if content is not None:
        p.write_bytes(content)
    code, out, err = run(["extract", str(p)], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("error: ") and str(p) in err


def test_build_writes_numbers_csv(built_edition, capsys):
    code, out, err = run(["--root", str(built_edition), "build", "--year", "2024"], capsys)
    assert code == 0, err
    assert "up to date" in out  # built once for the session; the CLI reuses it
    rows = list(csv.DictReader(open(built_edition / "outputs" / "2024" / "numbers.csv", encoding="utf-8")))
    assert len(rows) > 100 and {r["source_sha256"] for r in rows} == {rows[0]["source_sha256"]}


def test_tampered_archive_fails_and_keeps_last_good_edition(project, capsys):
    edition = project / "outputs" / "2024" / "numbers.csv"
    edition.parent.mkdir(parents=True)
    edition.write_text("last good edition", encoding="utf-8")
    before = edition.read_bytes()
    report = project / "data" / "raw" / "2024" / "report.txt"
    report.write_bytes(report.read_bytes() + b"\n")
    code, _, err = run(["--root", str(project), "build"], capsys)
    assert code == 1 and "the archived text was changed" in err and err.count("\n") == 1
    assert edition.read_bytes() == before
    assert [p.name for p in (project / "outputs").iterdir() if not p.name.endswith(".lock")] == ["2024"]  # no debris


def test_console_script_is_installed():
    exe = ROOT / ".venv" / "bin" / "reportfigures"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "reportfigures.cli"]
    res = subprocess.run(cmd + ["--version"], capture_output=True, text=True)
    assert res.returncode == 0 and "reportfigures" in res.stdout


def test_build_writes_claims_findings_and_validation(built_edition):
    out = built_edition / "outputs" / "2024"
    for name in ["claims.csv", "claims.json", "claims.parquet", "findings.csv", "derived.csv", "validation.html"]:
        assert (out / name).exists(), name
    page = (out / "validation.html").read_text(encoding="utf-8")
    assert "claims_integrity" in page and "http" not in page.split("</head>")[0]  # no CDN styles


def test_check_exit_codes(project, capsys):
    code, out, _ = run(["--root", str(project), "check", "--year", "2024"], capsys)
    assert code == 0 and "claims_integrity: 13/13" in out and "contradiction" in out and "not_reproducible" in out
    reviewed = project / "data" / "editions" / "2024" / "claims.reviewed.csv"
    reviewed.write_text(reviewed.read_text(encoding="utf-8").replace(",1551,", ",1552,"), encoding="utf-8")
    code, _, err = run(["--root", str(project), "check"], capsys)
    assert code == 1 and "proposals.received" in err


def test_catalog_typo_fails_the_build_and_leaves_no_edition(project, capsys):
    catalog = project / "data" / "claims" / "catalog.yml"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace("unit: 件", "unit: 件x", 1), encoding="utf-8")
    code, _, err = run(["--root", str(project), "build"], capsys)
    assert code == 2 and "catalog.yml" in err and "unknown unit '件x'" in err and err.count("\n") == 1
    assert not (project / "outputs" / "2024").exists()
    assert [p for p in (project / "outputs").iterdir() if not p.name.endswith(".lock")] == []
