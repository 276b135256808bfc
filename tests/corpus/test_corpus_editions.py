"""Many reports, several years, in one command: every report's editions on a pool, and one page
comparing last year's targets with this year's results; a bad report leaves nothing half-written."""

import csv
import shutil
from pathlib import Path

import pytest

from conftest import cli

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not beside the checkout")


def two_years(tmp_path: Path, names=("jilin", "tianjin")) -> list[Path]:
    folders = []
    for y in (2025, 2026):
        d = tmp_path / f"reports-{y}"
        d.mkdir()
        for n in names:
            shutil.copy(CORPUS / f"gov-work-reports-{y}" / f"{y}-{n}.txt", d)
        folders.append(d)
    shutil.copy(CORPUS / "gov-work-reports-2026" / "manifest.csv", folders[1])
    return folders


def test_every_report_every_year_and_the_comparison_page(tmp_path):
    a, b = two_years(tmp_path)
    out = tmp_path / "out"
    assert cli("corpus", a, b, "--out", out, "--quiet") == 0
    for name in ("jilin", "tianjin"):
        for y in (2025, 2026):
            page = out / name / str(y) / "index.html"
            assert page.is_file() and (out / name / str(y) / "en" / "index.html").is_file()
            assert (out / name / str(y) / "claims.csv").is_file()
        assert (out / name / "2026" / "targets.csv").is_file() and not (out / name / "2025" / "targets.csv").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "吉林省" in index and "jilin/2026/index.html#m-" in index and "jilin/2025/index.html#m-" in index
    assert (out / "en" / "index.html").read_text(encoding="utf-8").count("Jilin") >= 2
    with open(out / "targets.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {r["report"] for r in rows} == {"jilin", "tianjin"} and {r["outcome"] for r in rows} >= {"met", "not_reported"}
    # every result links to a number the 2026 text prints there
    text = (b / "2026-jilin.txt").read_text(encoding="utf-8")
    for r in rows:
        if r["report"] == "jilin" and r["result_start"]:
            start = int(r["result_start"])
            assert text[start:start + len(r["result_surface"])] == r["result_surface"]


def test_a_bad_report_stops_with_one_line_and_keeps_the_last_output(tmp_path, capsys):
    a, b = two_years(tmp_path, names=("jilin",))
    out = tmp_path / "out"
    assert cli("corpus", a, b, "--out", out, "--quiet") == 0
    before = (out / "index.html").read_bytes()
    (b / "2026-jilin.txt").write_bytes(b"\x00\x01binary")
    assert cli("corpus", a, b, "--out", out, "--quiet") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "2026-jilin.txt" in err[0]
    assert (out / "index.html").read_bytes() == before
    assert not list(tmp_path.glob(".out.staging.*"))


def test_files_must_say_their_year(tmp_path, capsys):
    a, b = two_years(tmp_path, names=("jilin",))
    (b / "2026-jilin.txt").rename(b / "jilin.txt")
    assert cli("corpus", a, b, "--out", tmp_path / "out", "--quiet") == 2
    assert "jilin.txt: is not named <year>-<report>.txt" in capsys.readouterr().err
