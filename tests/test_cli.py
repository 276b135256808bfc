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
    assert list(rows[0]) == ["start", "end", "surface", "value", "unit", "qualifier", "kind", "section", "sentence"]
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


def test_build_writes_numbers_csv(project, capsys):
    code, out, err = run(["--root", str(project), "build", "--year", "2024"], capsys)
    assert code == 0, err
    rows = list(csv.DictReader(open(project / "outputs" / "2024" / "numbers.csv", encoding="utf-8")))
    assert len(rows) > 100 and {r["source_sha256"] for r in rows} == {rows[0]["source_sha256"]}


def test_tampered_archive_fails_and_keeps_last_good_edition(project, capsys):
    assert run(["--root", str(project), "build"], capsys)[0] == 0
    edition = project / "outputs" / "2024" / "numbers.csv"
    before = edition.read_bytes()
    report = project / "data" / "raw" / "2024" / "report.txt"
    report.write_bytes(report.read_bytes() + b"\n")
    code, _, err = run(["--root", str(project), "build"], capsys)
    assert code == 1 and "the archived text was changed" in err and err.count("\n") == 1
    assert edition.read_bytes() == before
    assert [p.name for p in (project / "outputs").iterdir()] == ["2024"]  # no staging debris


def test_console_script_is_installed():
    exe = ROOT / ".venv" / "bin" / "reportfigures"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "reportfigures.cli"]
    res = subprocess.run(cmd + ["--version"], capture_output=True, text=True)
    assert res.returncode == 0 and "reportfigures" in res.stdout
