import csv
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "data" / "raw" / "2024" / "report.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus" / "gov-work-reports-2026"


@pytest.fixture(scope="session")
def report_text() -> str:
    from reportfigures.source.read import read_text

    return read_text(REPORT).text


@pytest.fixture(scope="session")
def report_doc(report_text):
    from reportfigures.text.document import Document

    return Document(report_text)


@pytest.fixture(scope="session")
def gold_numbers() -> list[dict]:
    with open(FIXTURES / "numbers_2024.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def cli(*args) -> int:
    """The command line, in this process, with its exit code."""
    from reportfigures.cli import main
    return main([str(a) for a in args])


def read_csv(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def claims_2024(doc) -> list[dict]:
    """The 2024 claims as the build makes them: the review bound to the extracted numbers."""
    from reportfigures.claims.review import claims_from_review, load_reviewed
    from reportfigures.claims.catalog import load_catalog
    from reportfigures.extract.extraction import extract

    catalog = {c.id: c for c in load_catalog(ROOT / "data" / "claims" / "catalog.yml")}
    reviewed = load_reviewed(ROOT / "data" / "editions" / "2024" / "claims.reviewed.csv")
    return claims_from_review(doc, extract(doc), reviewed, catalog, "x")


@pytest.fixture
def project(tmp_path) -> Path:
    """A throwaway project checkout: data/, expectations/, notebooks/; outputs/ empty."""
    return copy_project(tmp_path / "proj")


def copy_project(dest: Path) -> Path:
    """Everything a build reads: data/, expectations/, notebooks/, the lock file."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "data", dest / "data")
    shutil.copytree(ROOT / "expectations", dest / "expectations", ignore=shutil.ignore_patterns("uncommitted"))
    shutil.copytree(ROOT / "notebooks", dest / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copy(ROOT / "requirements.lock", dest / "requirements.lock")
    (dest / "pyproject.toml").write_text("[project]\nname='x'\n")
    for p in (dest / "data").rglob("*"):
        p.chmod(0o644 if p.is_file() else 0o755)
    return dest


@pytest.fixture(scope="session")
def built_edition(tmp_path_factory) -> Path:
    """The 2024 edition built once, notebooks and all, in a throwaway project."""
    from reportfigures.build.build import build

    root = copy_project(tmp_path_factory.mktemp("built") / "proj")
    build(root, 2024, log=lambda *a: None, progress=False)
    return root
