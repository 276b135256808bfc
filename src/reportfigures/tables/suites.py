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
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..errors import IntegrityError

SUITE_NAMES = ("claims_integrity", "report_consistency")
CONSISTENCY_RULES = ("part_whole", "parts_within", "stated_rate", "sum", "list_count", "change_vs_base",
                     "duplicated_characters", "unbalanced_quotes", "cross_document")
INTEGRITY_COLUMNS = ["id", "value", "unit", "qualifier", "kind", "start", "end", "surface",
                     "source_quote", "source_sha256", "archived_sha256"]


def findings_frame(rows: list[dict]) -> pd.DataFrame:
    """Findings as the consistency suite reads them: an empty `at_fault` is a null."""
    from ..checks.findings import FINDING_COLUMNS

    df = pd.DataFrame(rows, columns=FINDING_COLUMNS)
    df["at_fault"] = df["at_fault"].map(lambda v: v or None).astype(object)
    return df


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
    from great_expectations.expectations.row_conditions import Column
    from ..claims.catalog import CLAIM_KINDS
    from ..extract.mention import QUALIFIERS
    from ..extract.vocabulary import vocabulary

    v = vocabulary()
    import re
    named = {u for _n, _k, unit, rx, *_rest in v.patterns
             for u in [unit] + sum((g.split("|") for g in re.findall(r"\(\?P<unit>([^()]*)\)", rx.pattern)), [])}
    units = sorted(set(v.units) | named | {"%", ""})  # a pattern names its own units (年一遇, 强)
    integrity = gx.ExpectationSuite(name="claims_integrity", meta={
        "notes": "Schema, identity, vocabulary and provenance of the claims table. Must pass for a build to succeed."})
    for e in [
        E.ExpectTableColumnsToMatchSet(column_set=INTEGRITY_COLUMNS, exact_match=False),
        E.ExpectColumnValuesToNotBeNull(column="id", meta={"why": "every metric, target and list_count mention is covered by a claim"}),
        E.ExpectColumnValuesToBeUnique(column="id"),
        E.ExpectColumnValuesToMatchRegex(column="id", regex=r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+$"),
        E.ExpectColumnValuesToBeInSet(column="unit", value_set=units),
        E.ExpectColumnValuesToBeInSet(column="qualifier", value_set=list(QUALIFIERS)),
        E.ExpectColumnValuesToBeInSet(column="kind", value_set=list(CLAIM_KINDS)),
        E.ExpectColumnValuesToNotBeNull(column="value"),
        E.ExpectColumnValuesToBeInTypeList(column="value", type_list=["float64", "int64", "Float64", "Int64"]),
        # a per cent as a report prints it: a fall is at most all of it, a rise beyond tenfold is printed in 倍
        E.ExpectColumnValuesToBeBetween(column="value", min_value=-100, max_value=1000, row_condition=Column("unit") == "%"),
        E.ExpectColumnPairValuesAToBeGreaterThanB(column_A="end", column_B="start"),
        E.ExpectColumnPairValuesToBeEqual(column_A="surface", column_B="source_quote",
                                          meta={"why": "offsets re-verify against the archived text"}),
        E.ExpectColumnPairValuesToBeEqual(column_A="source_sha256", column_B="archived_sha256"),
    ]:
        integrity.add_expectation(e)
    from ..checks.ratings import FAULTS, ORDER, SOUND, scale_table

    consistency = gx.ExpectationSuite(name="report_consistency", meta={
        "notes": "The report against itself. A rule's findings rated other than consistent or cannot_check fail "
                 "its expectation: they are the findings (outputs/<year>/findings.csv), not build failures.",
        "rating_scale": scale_table()})
    for rule in CONSISTENCY_RULES:
        consistency.add_expectation(E.ExpectColumnValuesToBeInSet(
            column="rating", value_set=list(SOUND), row_condition=Column("rule") == rule, meta={"rule": rule}))
    consistency.add_expectation(E.ExpectColumnValuesToBeInSet(
        column="rating", value_set=list(ORDER), meta={"why": "every finding is rated on the one scale"}))
    consistency.add_expectation(E.ExpectColumnValuesToNotBeNull(
        column="sentence_zh", meta={"why": "every finding says in a sentence what it found"}))
    consistency.add_expectation(E.ExpectColumnValuesToNotBeNull(
        column="at_fault", row_condition=Column("rating").is_in([r for r in FAULTS if r != "misprint"]),
        meta={"why": "a finding against a number names the number at fault"}))
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


def _signature(e: dict) -> str:
    """An expectation as the gate compares it: its type and arguments, not its id."""
    kwargs = {k: v for k, v in (e.get("kwargs") or {}).items() if k != "batch_id"}
    return json.dumps({"type": e.get("type"), "kwargs": kwargs}, sort_keys=True, ensure_ascii=False, default=str)


@lru_cache(maxsize=1)
def required() -> dict[str, frozenset[str]]:
    """What each suite must hold: every expectation the package builds."""
    return {name: frozenset(_signature(e.configuration.to_json_dict()) for e in suite.expectations)
            for name, suite in build_suites().items()}


def load_suite(root: Path, name: str):
    """A committed suite, read back from its JSON (in a fresh process too). A suite that is
    not JSON, or that lacks an expectation the package requires, is an integrity error: the
    gate cannot be emptied by editing the file."""
    gx = _gx()
    path = suites_dir(root) / "gx" / "expectations" / f"{name}.json"
    if not path.exists():
        raise IntegrityError(f"suite '{name}' is missing: run `reportfigures suites --write`", path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("expectations"), list):
            raise ValueError("no list of expectations")
    except (ValueError, UnicodeDecodeError) as e:
        raise IntegrityError(f"is not a suite ({str(e).splitlines()[0]}): run `reportfigures suites --write`",
                             path) from None
    if name in required():
        held = {_signature(e) for e in data["expectations"] if isinstance(e, dict)}
        lacking = required()[name] - held
        if lacking:
            kinds = sorted({json.loads(x)["type"] for x in lacking})
            raise IntegrityError(f"suite '{name}' lacks {len(lacking)} required expectation(s) ({', '.join(kinds)}): "
                                 "run `reportfigures suites --write`", path)
    try:
        return gx.ExpectationSuite(**data)
    except Exception as e:  # noqa: BLE001 - GX raises many kinds on a malformed suite
        raise IntegrityError(f"is not a valid suite ({type(e).__name__}): run `reportfigures suites --write`",
                             path) from None


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


class SuiteRunner:
    """The suites, run in a forked process that imports Great Expectations while this one
    extracts, binds and checks: GX takes seconds to import, and the machine has two cores.
    Where fork is not offered, the suites run here."""

    def __init__(self, root: Path):
        import multiprocessing as mp
        self.root = Path(root)
        self.proc = self.conn = None
        if "fork" in mp.get_all_start_methods():
            ctx = mp.get_context("fork")
            self.conn, child = ctx.Pipe()
            self.proc = ctx.Process(target=_serve, args=(child, str(self.root)), daemon=True)
            self.proc.start()
            child.close()

    def run(self, name: str, df: pd.DataFrame) -> dict:
        if self.proc is None:
            return run_suite(load_suite(self.root, name), df)
        try:
            self.conn.send((name, df))
            status, payload = self.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            raise IntegrityError(f"the process running suite '{name}' died", f"expectations/{name}") from None
        if status == "error":
            kind, message, path = payload
            raise (IntegrityError if kind == "integrity" else ReportErrorProxy)(message, path)
        return payload

    def close(self) -> None:
        if self.proc is not None:
            try:
                self.conn.send(None)
            except (OSError, BrokenPipeError):
                pass
            self.proc.join(10)
            if self.proc.is_alive():
                self.proc.kill()
            self.conn.close()
            self.proc = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class ReportErrorProxy(IntegrityError):
    """An error of another kind raised by a suite in the child process."""


def _serve(conn, root: str) -> None:
    """The child: import GX once, then validate each frame it is sent."""
    from ..errors import ReportError
    try:
        _gx()
    except Exception:  # noqa: BLE001 - reported when the first suite is asked for
        pass
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            break
        if msg is None:
            break
        name, df = msg
        try:
            conn.send(("ok", run_suite(load_suite(Path(root), name), df)))
        except ReportError as e:
            msg_ = str(e)
            if e.path and msg_.startswith(f"{e.path}: "):
                msg_ = msg_[len(e.path) + 2:]
            conn.send(("error", ("integrity" if isinstance(e, IntegrityError) else "other", msg_, e.path)))
        except Exception as e:  # noqa: BLE001 - one line for the user, whatever GX raised
            conn.send(("error", ("integrity", f"suite '{name}' failed: {type(e).__name__}: {e}".splitlines()[0],
                                 f"expectations/{name}")))
    conn.close()
