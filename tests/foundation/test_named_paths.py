"""Every source path the README and the rule files name exists: after a module moves, a
reader following `src/reportfigures/parts.py` must not land nowhere."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_PATH = re.compile(r"src/reportfigures/[A-Za-z0-9_/]+\.(?:py|yml)")


def missing_paths(files: list[Path], root: Path = ROOT) -> list[str]:
    """`file: path` for each src/reportfigures/… path a file names that does not exist."""
    out = []
    for f in files:
        for p in sorted(set(_PATH.findall(f.read_text(encoding="utf-8")))):
            if not (root / p).is_file():
                out.append(f"{f.name}: {p}")
    return out


def test_the_readme_and_the_rules_name_paths_that_exist():
    files = [ROOT / "README.md", *sorted((ROOT / "src" / "reportfigures" / "rules").glob("*.yml"))]
    assert missing_paths(files) == []


def test_a_moved_module_is_caught(tmp_path):
    (tmp_path / "src" / "reportfigures" / "text").mkdir(parents=True)
    (tmp_path / "src" / "reportfigures" / "text" / "parts.py").write_text("")
    doc = tmp_path / "README.md"
    doc.write_text("see `src/reportfigures/parts.py` and `src/reportfigures/text/parts.py`", encoding="utf-8")
    assert missing_paths([doc], tmp_path) == ["README.md: src/reportfigures/parts.py"]
