"""edition.xlsx: every table of an edition and every chart's data, for Excel users.
"""

from __future__ import annotations

from pathlib import Path
import pandas as pd

from ..files import digest
from ..checks.findings import DERIVED_COLUMNS, FINDING_COLUMNS
from ..claims.review import CLAIM_COLUMNS
from ..extract.mention import COLUMNS
from ..tables.compute import EditionResults


def workbook_key(dest: Path) -> str:
    """What the workbook holds: the tables and every chart's data."""
    items = {f: dest / f for f in ("claims.json", "findings.json", "derived.json", "numbers.json")}
    items |= {str(p.relative_to(dest)): p for p in sorted((dest / "charts").glob("*.csv"))}
    return digest(items)


def write_workbook(results: EditionResults, dest: Path) -> None:
    """edition.xlsx: every table of the edition and every chart's data, for Excel users (a
    UTF-8 CSV opened by Excel on Chinese Windows shows mojibake; a workbook does not)."""
    sheets = {"claims": pd.DataFrame(results.claims, columns=CLAIM_COLUMNS),
              "findings": pd.DataFrame(results.findings, columns=FINDING_COLUMNS),
              "derived": pd.DataFrame(results.derived, columns=DERIVED_COLUMNS),
              "numbers": pd.DataFrame([m.row() for m in results.mentions], columns=COLUMNS + ["rule", "listed"])}
    for p in sorted((dest / "charts").glob("*.csv")):
        sheets[f"chart {p.stem}"[:31]] = pd.read_csv(p, encoding="utf-8")
    with pd.ExcelWriter(dest / "edition.xlsx", engine="openpyxl") as xl:
        for name, df in sheets.items():
            df.to_excel(xl, sheet_name=name, index=False)
