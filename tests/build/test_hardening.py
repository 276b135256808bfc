"""Hardening: signed-off years stay signed, the integrity gate cannot be emptied, one-line
errors, one build of a year at a time, an atomic swap, files a web server can read."""

import errno
import shutil
import stat
import threading
import time

import pytest

from conftest import REPORT
from reportfigures.build import build as edition_build
from reportfigures.build import staging
from reportfigures.cli import main


def cli(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> bool:
    return err.count("\n") == 1 and err.startswith("error: ")


# --- archived years stay signed -------------------------------------------------------------

def test_a_signed_off_year_is_not_drafted_again(project, capsys):
    ed = project / "data" / "editions" / "2024"
    before = {p.name: p.read_bytes() for p in ed.iterdir()}
    code, _, err = cli(capsys, "--root", project, "new-edition", "--year", 2024, "--text", REPORT)
    assert code == 2 and one_line(err) and "signed off" in err and "--reopen" in err
    code, _, err = cli(capsys, "--root", project, "accept", "--year", 2024)
    assert code == 2 and one_line(err) and "signed off" in err
    code, _, err = cli(capsys, "--root", project, "bind", "--year", 2024, "proposals.received", "--absent")
    assert code == 2 and one_line(err)
    assert {p.name: p.read_bytes() for p in ed.iterdir()} == before  # nothing of 2024 changed


def test_reopening_is_an_explicit_logged_decision(project, capsys):
    code, _, _ = cli(capsys, "--root", project, "new-edition", "--year", 2024, "--text", REPORT,
                     "--reopen", "re-check after the extractor changed")
    assert code in (0, 1)
    log = (project / "data" / "editions" / "2024" / "decisions.log").read_text(encoding="utf-8")
    assert "reopen: re-check after the extractor changed" in log
    assert cli(capsys, "--root", project, "accept", "--year", 2024)[0] == 0
    log = (project / "data" / "editions" / "2024" / "decisions.log").read_text(encoding="utf-8")
    assert "accept: reviewed 71, new 0, absent 0" in log
    assert cli(capsys, "--root", project, "accept", "--year", 2024)[0] == 2  # signed again


@pytest.mark.parametrize("year", [1800, 0, -5, 3000])
def test_years_are_validated(project, capsys, year):
    for args in (["new-edition", "--year", year, "--text", REPORT], ["build", "--year", year],
                 ["check", "--year", year], ["accept", "--year", year]):
        code, _, err = cli(capsys, "--root", project, *args)
        assert code == 2 and one_line(err) and "is not a report year" in err, (args, err)


def test_a_year_before_every_other_one(project, capsys):
    assert cli(capsys, "--root", project, "new-edition", "--year", 2023, "--text", REPORT)[0] in (0, 1)
    assert cli(capsys, "--root", project, "accept", "--year", 2023)[0] == 0
    code, out, err = cli(capsys, "--root", project, "check", "--year", 2023)
    assert code == 0, err


def test_a_stray_folder_is_not_a_year(project, capsys):
    (project / "data" / "editions" / "2025.bak").mkdir()
    (project / "data" / "editions" / "notes").mkdir()
    code, out, err = cli(capsys, "--root", project, "new-edition", "--year", 2025, "--text", REPORT)
    assert code in (0, 1), err


# --- the integrity gate -------------------------------------------------------------------

SUITE = "expectations/gx/expectations/claims_integrity.json"


@pytest.mark.parametrize("content,message", [
    ('{"name": "claims_integrity", "expectations": []}', "lacks 13 required expectation"),
    ("{not json", "is not a suite"),
    ("", "is not a suite"),
    ('{"name": "claims_integrity"}', "is not a suite"),
])
def test_the_gate_cannot_be_emptied(project, capsys, content, message):
    (project / SUITE).write_text(content, encoding="utf-8")
    code, _, err = cli(capsys, "--root", project, "check", "--year", 2024)
    assert code == 1 and one_line(err) and message in err and "suites --write" in err


# --- one-line errors ------------------------------------------------------------------------

@pytest.mark.parametrize("content,message", [
    ("year: [2024\n", "is not valid YAML"),
    ("- just\n- a list\n", "must be a mapping"),
    ("year: 2024\n", "missing field 'text'"),
])
def test_a_bad_edition_yml_is_one_line(project, capsys, content, message):
    (project / "data" / "editions" / "2024" / "edition.yml").write_text(content, encoding="utf-8")
    code, _, err = cli(capsys, "--root", project, "build", "--year", 2024)
    assert code == 2 and one_line(err) and message in err and "edition.yml" in err


def test_a_reviewed_file_that_is_not_utf8_is_one_line(project, capsys):
    p = project / "data" / "editions" / "2024" / "claims.reviewed.csv"
    p.write_bytes(p.read_text(encoding="utf-8").encode("gb18030"))
    code, _, err = cli(capsys, "--root", project, "check", "--year", 2024)
    assert code == 2 and one_line(err) and "is not UTF-8" in err


def test_accept_without_parameters_is_one_line(project, capsys):
    code, _, err = cli(capsys, "--root", project, "accept", "--year", 2026)
    assert code == 2 and one_line(err) and "new-edition" in err


@pytest.mark.parametrize("err_no,hint", [(errno.EACCES, "make it writable"), (errno.ENOSPC, "free some space")])
def test_an_unwritable_output_is_one_line_and_keeps_the_last_edition(project, capsys, monkeypatch, err_no, hint):
    last = project / "outputs" / "2024"
    last.mkdir(parents=True)
    (last / "index.html").write_text("last good edition", encoding="utf-8")

    def fail(*a, **k):
        raise OSError(err_no, "simulated", str(last))
    monkeypatch.setattr(edition_build, "save", fail)
    code, _, err = cli(capsys, "--root", project, "build", "--year", 2024)
    assert code == 2 and one_line(err) and hint in err and "last edition is unchanged" in err
    assert (last / "index.html").read_text(encoding="utf-8") == "last good edition"
    assert sorted(p.name for p in (project / "outputs").iterdir() if not p.name.endswith(".lock")) == ["2024"]


def test_an_output_folder_that_cannot_be_made_is_one_line(project, capsys):
    shutil.rmtree(project / "outputs", ignore_errors=True)
    (project / "outputs").write_text("a file where the folder should be", encoding="utf-8")
    code, _, err = cli(capsys, "--root", project, "build", "--year", 2024)
    assert code == 2 and one_line(err) and "cannot write" in err


# --- one build of a year at a time ------------------------------------------------------------

def test_a_second_build_waits_and_says_who_holds_the_lock(tmp_path):
    outputs = tmp_path / "outputs"
    held = threading.Event()
    release = threading.Event()

    def first():
        with staging.year_lock(outputs, 2024, log=lambda *a: None):
            held.set()
            release.wait(5)
    t = threading.Thread(target=first)
    t.start()
    held.wait(5)
    lines = []
    with pytest.raises(staging.BuildLockError, match="another build of 2024 still runs .*pid"):
        with staging.year_lock(outputs, 2024, log=lines.append, wait=0.3):
            pass
    assert lines and "waiting: build by pid" in lines[0]
    threading.Timer(0.3, release.set).start()
    start = time.monotonic()
    with staging.year_lock(outputs, 2024, log=lambda *a: None, wait=5):  # waits, then builds
        assert time.monotonic() - start >= 0.2
    t.join()


def test_leftovers_of_a_killed_build_are_cleaned(tmp_path):
    outputs = tmp_path / "outputs"
    (outputs / ".2024.staging.abc").mkdir(parents=True)
    (outputs / ".2024.old").mkdir()
    (outputs / ".2024.old" / "index.html").write_text("old", encoding="utf-8")
    staging.clean_leftovers(outputs, 2024, log=lambda *a: None)
    assert not (outputs / ".2024.staging.abc").exists()
    assert (outputs / "2024" / "index.html").read_text(encoding="utf-8") == "old"  # the swap cut short, repaired


def test_the_swap_leaves_the_new_edition_and_nothing_else(tmp_path):
    outputs = tmp_path / "outputs"
    (outputs / "2024").mkdir(parents=True)
    (outputs / "2024" / "index.html").write_text("old", encoding="utf-8")
    stage = staging.new_staging(outputs, 2024)
    (stage / "index.html").write_text("new", encoding="utf-8")
    staging.publish(stage, outputs / "2024")
    assert (outputs / "2024" / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in outputs.iterdir()) == ["2024"]


# --- files a web server can read --------------------------------------------------------------

def test_published_files_are_world_readable(built_edition):
    out = built_edition / "outputs"
    for p in [out / "2024", out / "2024" / "charts", out / "2024" / "en"]:
        assert stat.S_IMODE(p.stat().st_mode) & 0o005 == 0o005, p
    for p in [out / "index.html", out / "2024" / "index.html", out / "2024" / "claims.csv",
              out / "2024" / "charts" / "proposals_filing.svg", out / "2024" / "notebooks" / "overview.html"]:
        assert stat.S_IMODE(p.stat().st_mode) & 0o004, p


def test_readable_fixes_private_modes(tmp_path):
    d = tmp_path / "d"
    (d / "sub").mkdir(parents=True)
    (d / "sub" / "f").write_text("x")
    d.chmod(0o700)
    (d / "sub" / "f").chmod(0o600)
    staging.readable(d)
    assert stat.S_IMODE(d.stat().st_mode) & 0o005 == 0o005 and stat.S_IMODE((d / "sub" / "f").stat().st_mode) & 0o004
    shutil.rmtree(d)
