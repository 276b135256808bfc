"""Great Expectations suites: built here, committed as JSON in expectations/, run per edition.

`claims_integrity` must pass for a build to succeed. `report_consistency` turns the report's
disagreements with itself into failed expectations whose unexpected rows are the findings:
results, not build failures. An expectation that *raised* is an error of the build, never a
finding (GX reports a crash as a quiet failure with the error in `exception_info`).
GX is imported lazily: it costs seconds, and `extract` does not need it.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pandas as pd

from .errors import IntegrityError

SUITE_NAMES = ("claims_integrity", "report_consistency")
CONSISTENCY_RULES = ("part_whole", "stated_rate", "sum", "list_count", "duplicated_characters", "unbalanced_quotes")
INTEGRITY_COLUMNS = ["id", "value", "unit", "qualifier", "kind", "start", "end", "surface",
                     "source_quote", "source_sha256", "archived_sha256"]


def _gx():
    import great_expectations as gx

    return gx


def suites_dir(root: Path) -> Path:
    return Path(root) / "expectations"


def build_suites() -> dict:
    """The suites as code; `reportfigures suites --write` commits them as JSON."""
    gx = _gx()
    gx.get_context(mode="ephemeral")  # GX 1.x adds expectations to a suite only under an active context
    E = gx.expectations
    from .claims import CLAIM_KINDS
    from .numbers import QUALIFIERS, vocabulary

    units = sorted(set(vocabulary().units) | {"%", ""})
    integrity = gx.ExpectationSuite(name="claims_integrity", meta={
        "notes": "Schema, identity, vocabulary and provenance of the claims table. Must pass for a build to succeed."})
    for e in [
        E.ExpectTableColumnsToMatchSet(column_set=INTEGRITY_COLUMNS, exact_match=False),
        E.ExpectColumnValuesToNotBeNull(column="id", meta={"why": "every metric, target and list_count mention is covered by a claim"}),
        E.ExpectColumnValuesToBeUnique(column="id"),
        E.ExpectColumnValuesToMatchRegex(column="id", regex=r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$"),
        E.ExpectColumnValuesToBeInSet(column="unit", value_set=units),
        E.ExpectColumnValuesToBeInSet(column="qualifier", value_set=list(QUALIFIERS)),
        E.ExpectColumnValuesToBeInSet(column="kind", value_set=list(CLAIM_KINDS)),
        E.ExpectColumnValuesToNotBeNull(column="value"),
        E.ExpectColumnValuesToBeInTypeList(column="value", type_list=["float64", "int64", "Float64", "Int64"]),
        E.ExpectColumnValuesToBeBetween(column="value", min_value=0, max_value=100,
                                        row_condition='unit=="%"', condition_parser="pandas"),
        E.ExpectColumnPairValuesAToBeGreaterThanB(column_A="end", column_B="start"),
        E.ExpectColumnPairValuesToBeEqual(column_A="surface", column_B="source_quote",
                                          meta={"why": "offsets re-verify against the archived text"}),
        E.ExpectColumnPairValuesToBeEqual(column_A="source_sha256", column_B="archived_sha256"),
    ]:
        integrity.add_expectation(e)
    consistency = gx.ExpectationSuite(name="report_consistency", meta={
        "notes": "The report against itself. Failures are findings (outputs/<year>/findings.csv), not build failures."})
    for rule in CONSISTENCY_RULES:
        consistency.add_expectation(E.ExpectColumnValuesToBeInSet(
            column="verdict", value_set=["consistent", "unverifiable"],
            row_condition=f'rule=="{rule}"', condition_parser="pandas", meta={"rule": rule}))
    consistency.add_expectation(E.ExpectColumnValuesToBeInSet(
        column="verdict", value_set=["consistent", "inconsistent", "unverifiable"]))
    return {"claims_integrity": integrity, "report_consistency": consistency}


def write_suites(root: Path) -> list[Path]:
    """Save the suites in a file-mode GX context under expectations/ (committed JSON)."""
    gx = _gx()
    ctx = gx.get_context(mode="file", project_root_dir=str(suites_dir(root)))
    out = []
    for name, suite in build_suites().items():
        try:
            ctx.suites.delete(name)
        except Exception:  # noqa: BLE001 - absent on first write
            pass
        ctx.suites.add(suite)
        path = suites_dir(root) / "gx" / "expectations" / f"{name}.json"
        _stable_ids(path)
        out.append(path)
    return out


def _stable_ids(path: Path) -> None:
    """GX gives random ids on every save; ids derived from the content keep the committed
    JSON diffable (a rewrite with nothing changed is byte-identical)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["id"] = str(uuid.uuid5(uuid.NAMESPACE_URL, f"reportfigures/{data['name']}"))
    for i, e in enumerate(data.get("expectations", [])):
        body = json.dumps({k: v for k, v in e.items() if k != "id"}, sort_keys=True, ensure_ascii=False)
        e["id"] = str(uuid.uuid5(uuid.NAMESPACE_URL, f"reportfigures/{data['name']}/{i}/{body}"))
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def load_suite(root: Path, name: str):
    """A committed suite, read back from its JSON (in a fresh process too)."""
    gx = _gx()
    path = suites_dir(root) / "gx" / "expectations" / f"{name}.json"
    if not path.exists():
        raise IntegrityError(f"suite '{name}' is missing: run `reportfigures suites --write`", path)
    data = json.loads(path.read_text(encoding="utf-8"))
    return gx.ExpectationSuite(**data)


def _raised(info) -> str | None:
    """GX reports a crash as a quiet failure; the error sits in exception_info, either flat
    or keyed by metric. Return its message, if any."""
    if not isinstance(info, dict):
        return None
    if info.get("raised_exception"):
        return str(info.get("exception_message") or "unknown error").splitlines()[0]
    for v in info.values():
        if isinstance(v, dict) and v.get("raised_exception"):
            return str(v.get("exception_message") or "unknown error").splitlines()[0]
    return None


def run_suite(suite, df: pd.DataFrame) -> dict:
    """Validate a dataframe; returns a plain dict of results for publishing."""
    gx = _gx()
    from great_expectations.data_context.types.base import ProgressBarsConfig

    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
    suite = ctx.suites.add(gx.ExpectationSuite(name=suite.name, expectations=[e.configuration for e in suite.expectations],
                                               meta=suite.meta))
    bd = ctx.data_sources.add_pandas("edition").add_dataframe_asset(suite.name).add_batch_definition_whole_dataframe("all")
    vd = ctx.validation_definitions.add(gx.ValidationDefinition(name=suite.name, data=bd, suite=suite))
    res = vd.run(batch_parameters={"dataframe": df.reset_index(drop=True)}, result_format="COMPLETE")
    results = []
    for r in res.results:
        raised = _raised(r.exception_info)
        if raised:
            raise IntegrityError(f"expectation {r.expectation_config.type} raised: {raised}",
                                 f"expectations/{suite.name}")
        kwargs = {k: v for k, v in r.expectation_config.kwargs.items() if k not in ("batch_id",)}
        if "value_set" in kwargs and len(kwargs["value_set"]) > 8:
            kwargs["value_set"] = f"{len(kwargs['value_set'])} values"
        results.append({"expectation": r.expectation_config.type, "kwargs": kwargs, "success": bool(r.success),
                        "meta": r.expectation_config.meta or {},
                        "unexpected_count": r.result.get("unexpected_count", 0) or 0,
                        "unexpected_index_list": [int(i) if not isinstance(i, dict) else i
                                                  for i in (r.result.get("unexpected_index_list") or [])][:50]})
    return {"suite": suite.name, "success": bool(res.success), "results": results,
            "statistics": {k: (float(v) if v is not None else None) for k, v in res.statistics.items()}}
