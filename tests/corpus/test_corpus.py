"""Many reports at once (issue 13): every number of the 29 corpus reports in one table on two
processes, in a stable order, and the corpus notebook with its chart, outside any edition."""

import csv
import io
import json
import os
import shutil
import time
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT

from reportfigures.publish.charts.lint import lint
from reportfigures.corpus import numbers as corpus
from reportfigures.cli import main
from reportfigures.corpus.notebook import read as read_notebook
from reportfigures.errors import NotebookError
from reportfigures.build.notebooks import plan
from reportfigures.extract.mention import COLUMNS
from reportfigures.extract.extraction import extract
from reportfigures.source.read import read_text

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus of 29 reports is not here")


def _pid_after(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def test_the_pool_runs_two_processes_and_keeps_the_order():
    with corpus._pool(2) as ex:
        pids = list(ex.map(_pid_after, [0.5, 0.5, 0.0, 0.0]))
    assert len(set(pids)) == 2 and os.getpid() not in pids
    assert corpus.workers(29) == min(2, len(os.sched_getaffinity(0))) and corpus.workers(1) == 1
    assert corpus.workers(29, jobs=1) == 1


@needs_corpus
def test_the_corpus_is_one_table_of_every_number_of_the_29_reports(capsys):
    files = sorted(CORPUS.glob("*.txt"))
    assert len(files) == 29
    code = main(["extract", str(CORPUS), "--jobs", "2"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["document"] + COLUMNS
    documents = list(dict.fromkeys(r["document"] for r in rows))
    assert documents == [str(f) for f in files]  # every report, in name order
    for f in files[:3] + files[-2:]:  # each report's rows are its own extraction, in text order
        mine = [r for r in rows if r["document"] == str(f)]
        theirs = extract(read_text(f).text)
        assert [(int(r["start"]), r["surface"], r["kind"]) for r in mine] == [(m.start, m.surface, m.kind) for m in theirs]
    assert len(rows) > 10000


@needs_corpus
def test_counts_per_report_and_the_manifest_names():
    files = sorted(CORPUS.glob("*.txt"))[:2]
    found = list(corpus.extract_many(files, jobs=2))
    counted = corpus.counts(found)
    for (path, mentions), row in zip(found, counted):
        assert row["document"] == path.name and row["numbers"] == len(mentions)
        assert row["metric"] == sum(m.kind == "metric" for m in mentions) > 0
    names = corpus.labels(CORPUS, ["2026-anhui.txt", "2026-inner-mongolia.txt"])
    assert names == {"2026-anhui.txt": {"zh": "安徽省", "en": "Anhui"},
                     "2026-inner-mongolia.txt": {"zh": "内蒙古自治区", "en": "Inner Mongolia"}}
    assert corpus.about(CORPUS) == {"year": "2026", "kind": "政府工作报告"}


def test_names_without_a_manifest(tmp_path):
    assert corpus.labels(tmp_path, ["a-report.txt"]) == {"a-report.txt": {"zh": "A Report", "en": "A Report"}}
    assert corpus.about(tmp_path) == {}


def _small_corpus(dest: Path) -> Path:
    """Three reports: from the corpus when it is here (with its manifest), else made up."""
    dest.mkdir()
    if CORPUS.is_dir():
        names = ["2026-beijing.txt", "2026-hainan.txt", "2026-jilin.txt"]
        for n in names:
            shutil.copy(CORPUS / n, dest / n)
        with open(CORPUS / "manifest.csv", encoding="utf-8", newline="") as f:
            rows = [r for r in csv.DictReader(f) if r["file"] in names]
        with open(dest / "manifest.csv", "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
    else:
        texts = {"2026-a.txt": "一、2025年工作回顾\n全年共收到提案1551件，增长5%。\n二、2026年工作安排\n新建3个中心，培训两期。\n",
                 "2026-b.txt": "一、2025年工作回顾\n地区生产总值增长6%，新增就业10万人。\n二、2026年工作安排\n增长5%左右。\n",
                 "2026-c.txt": "一、2025年工作回顾\n建成5个园区。\n"}
        for n, text in texts.items():
            (dest / n).write_text(text, encoding="utf-8")
    return dest


def test_the_corpus_notebook_runs_into_its_own_folder(tmp_path, capsys):
    folder = _small_corpus(tmp_path / "reports")
    out = tmp_path / "outputs" / "corpus"
    code = main(["--root", str(ROOT), "corpus", str(folder), "--out", str(out), "--lang", "en"])
    printed, err = capsys.readouterr()
    assert code == 0, err
    assert printed.splitlines()[0] == str(out / "corpus.html")
    files = sorted(folder.glob("*.txt"))
    found = [(f, extract(read_text(f).text)) for f in files]
    with open(out / "counts.csv", encoding="utf-8") as f:
        counted = {r["document"]: r for r in csv.DictReader(f)}
    for row in corpus.counts(found):
        assert {k: int(counted[row["document"]][k]) for k in ("metric", "target", "list_count", "numbers")} == \
            {k: row[k] for k in ("metric", "target", "list_count", "numbers")}
    with open(out / "numbers.csv", encoding="utf-8") as f:
        numbers = list(csv.DictReader(f))
    assert len(numbers) == sum(len(m) for _, m in found) and next(iter(numbers[0])) == "document"
    spec = json.loads((out / "charts" / "en" / "corpus_counts.vl.json").read_text(encoding="utf-8"))
    assert lint(spec) == [] and spec["title"]["text"] == "What 3 reports state: metrics, targets and list counts"
    assert spec["vconcat"][-1]["data"]["values"][-1]["line"].startswith("Source: the texts of 3 reports")
    assert (out / "charts" / "en" / "corpus_counts.png").stat().st_size > 1000
    nb = json.loads((out / "corpus.ipynb").read_text(encoding="utf-8"))
    params = [c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", [])]
    assert len(params) == 1 and "lang = \"en\"" in "".join(params[0]["source"])
    assert ".corpus.staging" not in (out / "corpus.ipynb").read_text(encoding="utf-8")  # no build path in it
    assert "What 3 reports state" in (out / "corpus.html").read_text(encoding="utf-8")
    assert not list(out.parent.glob(".corpus.staging.*"))


def test_a_lint_failure_is_possible_for_the_corpus_chart():
    """The chart check can fail: an internal id in the image is refused."""
    import pandas as pd

    from reportfigures.corpus.notebook import figure
    table = pd.DataFrame([{"label": "proposals.received", "metric": 3, "target": 1, "list_count": 0, "numbers": 9,
                           "stated": 4}])
    assert any("internal ids" in p for p in lint(figure(table, {}, "en").spec))
    table.loc[0, "label"] = "Beijing"
    assert lint(figure(table, {}, "en").spec) == []


def test_the_corpus_notebook_is_not_part_of_an_edition():
    assert not [p for p in plan(ROOT, ["proposals"], 2024) if p.path.stem == "corpus"]


def test_a_corpus_notebook_without_parameters_is_refused(tmp_path):
    nb = tmp_path / "corpus.py"
    nb.write_text((ROOT / "notebooks" / "corpus.py").read_text(encoding="utf-8").replace(' tags=["parameters"]', ""),
                  encoding="utf-8")
    with pytest.raises(NotebookError, match="no cell tagged `parameters`"):
        read_notebook(nb)
    assert read_notebook(ROOT / "notebooks" / "corpus.py").cells


def test_the_corpus_command_refuses_a_folder_without_reports(tmp_path, capsys):
    code = main(["--root", str(ROOT), "corpus", str(tmp_path), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "without *.txt" in err and not (tmp_path / "out").exists()
