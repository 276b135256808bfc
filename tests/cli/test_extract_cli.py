"""`reportfigures extract` as a user meets it (issues 11, 13): the same table as before for a report,
the high end of a range, one-line errors for input it must refuse, no crash on tiny texts, and
several reports (files or a folder) in one table with a `document` column."""

import csv
import io
import json
import os

import pytest

from conftest import REPORT
from reportfigures.cli import main
from reportfigures.files import csv_text, json_text
from reportfigures.extract.mention import COLUMNS
from reportfigures.extract.extraction import extract
from reportfigures.source.read import read_text


def run(args, capsys):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_output_is_the_table_of_every_mention(capsys, fmt):
    code, out, err = run(["extract", str(REPORT), "--format", fmt], capsys)
    rows = [m.row() for m in extract(read_text(REPORT).text)]
    expected = csv_text(rows, COLUMNS) if fmt == "csv" else json_text([{k: r[k] for k in COLUMNS} for r in rows])
    assert (code, err) == (0, "") and out == expected


def test_a_range_carries_its_high_end_in_the_last_column(tmp_path, capsys):
    p = tmp_path / "r.txt"
    p.write_text("年均增长4.5%—5%，新建3~5个中心，吸纳二十几万人。", encoding="utf-8")
    code, out, _ = run(["extract", str(p)], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and list(rows[0])[-1] == "high"
    assert [(r["surface"], r["value"], r["qualifier"], r["high"]) for r in rows] == [
        ("4.5%—5%", "4.5", "range", "5"), ("3~5个", "3", "range", "5"), ("二十几万人", "200000", "range", "300000")]
    code, out, _ = run(["extract", str(p), "--format", "json"], capsys)
    assert json.loads(out)[0]["high"] == 5


@pytest.mark.parametrize("text", [
    "其中：、3项",  # IndexError in numbers.py
    "五二、",  # KeyError in text.py
    "十十、第．%）会〇8渝篇政1三近上四案：",  # KeyError in text.py (十 before 十)
    "篇元右、零\u3000１以七（5件全渝过点上四元 川十、。、4地家地",  # found by the 12,000 random strings
    "增长" + "9" * 400 + ".5件",  # Infinity in the JSON
    "共" + "1" * 5000 + "件",  # Exceeds the limit (4300 digits)
])
def test_tiny_texts_that_crashed(tmp_path, capsys, text):
    p = tmp_path / "t.txt"
    p.write_text(text, encoding="utf-8")
    for fmt in ("csv", "json"):
        code, out, err = run(["extract", str(p), "--format", fmt], capsys)
        assert (code, err) == (0, "")
        if fmt == "json":
            assert "Infinity" not in out and "NaN" not in out and isinstance(json.loads(out), list)


@pytest.mark.parametrize("content,message", [
    ("共收到提案1551件。".encode("utf-8")[:-1], "ends in the middle of a UTF-8 character"),
    (("提案" * 100).encode("utf-8") + b"\xff", "not valid UTF-8 at byte 600"),
])
def test_broken_utf8_exits_2_with_one_line(tmp_path, capsys, content, message):
    p = tmp_path / "in.txt"
    p.write_bytes(content)
    code, out, err = run(["extract", str(p)], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1 and message in err and str(p) in err


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_dev_zero_is_refused_not_read_forever(capsys):
    code, out, err = run(["extract", "/dev/zero"], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1 and "input limit" in err


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_folder_is_every_report_in_it_with_a_document_column(tmp_path, capsys, fmt):
    (tmp_path / "b.txt").write_text("共收到提案1551件。", encoding="utf-8")
    (tmp_path / "a.txt").write_text("增长4.5%—5%，培训两期。", encoding="utf-8")
    (tmp_path / "notes.md").write_text("共3件。", encoding="utf-8")
    code, out, err = run(["extract", str(tmp_path), "--format", fmt], capsys)
    rows = list(csv.DictReader(io.StringIO(out))) if fmt == "csv" else json.loads(out)
    assert (code, err) == (0, "")
    assert [(r["document"], r["surface"]) for r in rows] == [
        (str(tmp_path / "a.txt"), "4.5%—5%"), (str(tmp_path / "a.txt"), "两期"), (str(tmp_path / "b.txt"), "1551件")]
    assert list(rows[0]) == ["document"] + COLUMNS


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_several_files_are_one_table_in_the_order_given(tmp_path, capsys, fmt):
    texts = {"b.txt": "共收到提案1551件。", "a.txt": "增长4.5%—5%，培训两期。", "c.txt": "没有数字。", "d.txt": "立案1364件。"}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    paths = [str(tmp_path / n) for n in texts]
    code, out, err = run(["extract", *paths, "--format", fmt], capsys)
    assert (code, err) == (0, "")
    expected = [{"document": p, **{k: r[k] for k in COLUMNS}} for p in paths
                for r in (m.row() for m in extract(read_text(p).text))]
    assert out == (csv_text(expected, ["document"] + COLUMNS) if fmt == "csv" else json_text(expected))
    code, serial, _ = run(["extract", *paths, "--format", fmt, "--jobs", "1"], capsys)
    assert code == 0 and serial == out


def test_one_file_keeps_the_table_without_a_document_column(capsys):
    code, out, _ = run(["extract", str(REPORT)], capsys)
    assert code == 0 and out.splitlines()[0] == ",".join(COLUMNS)


def test_a_folder_without_reports_or_with_a_bad_one_is_a_one_line_error(tmp_path, capsys):
    code, out, err = run(["extract", str(tmp_path)], capsys)
    assert code == 2 and err.count("\n") == 1 and "without *.txt" in err
    (tmp_path / "a.txt").write_text("共1件。", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    code, out, err = run(["extract", str(tmp_path)], capsys)
    assert code == 2 and err.count("\n") == 1 and "b.txt: file is empty" in err


def test_a_missing_or_undecodable_file_among_several_names_it(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("共1件。", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(("提案" * 10).encode("utf-8") + b"\xff")
    for other, message in ((tmp_path / "none.txt", "none.txt: no such file"), (tmp_path / "bad.txt", "not valid UTF-8")):
        code, out, err = run(["extract", str(tmp_path / "a.txt"), str(other)], capsys)
        assert code == 2 and err.count("\n") == 1 and message in err, err
    code, _, err = run(["extract", str(tmp_path / "a.txt"), "--jobs", "0"], capsys)
    assert code == 2 and "--jobs" in err


def test_the_command_extracts_without_importing_click(tmp_path):
    """`reportfigures extract` goes straight to corpus/extract_command.py (click costs ~11 ms a
    start); the same options behind the click group (`--root`, in-process main)."""
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("共收到提案1551件。", encoding="utf-8")
    code = ("import sys; from reportfigures.command import run; sys.argv = ['reportfigures', 'extract', sys.argv[1]]\n"
            "try:\n    run()\nexcept SystemExit as e:\n    print('click' in sys.modules, e.code, file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "a.txt")], capture_output=True, text=True)
    assert out.stderr.strip() == "False 0" and "1551" in out.stdout


def test_extract_help_and_usage_errors_are_the_same_through_click(capsys):
    code, out, _ = run(["extract", "--help"], capsys)
    assert code == 0 and "--jobs" in out and "--format" in out
    code, _, err = run(["extract"], capsys)
    assert code == 2 and err.count("\n") == 1 and "PATH" in err
    code, _, err = run(["--root", ".", "extract", "x.txt", "--format", "xml"], capsys)
    assert code == 2 and err.count("\n") == 1 and "--format" in err
