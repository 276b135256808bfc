"""The Frictionless Data Package of an edition: what a data desk's tools read first.

outputs/<year>/datapackage.json describes the four tables (claims, derived, findings,
numbers: Table Schema types, units, descriptions in Chinese and English, keys) and the
archived text they index, copied into the edition as source/report.txt with its SHA-256,
so the folder is self-contained. The derived data is licensed CC-BY-4.0; the code that
makes it is MIT (pyproject.toml). The build validates the package with `frictionless`
before the edition is published: a package that does not validate is never published.
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from functools import lru_cache
from pathlib import Path

from .. import __version__
from ..checks.findings import DERIVED_COLUMNS, FINDING_COLUMNS
from ..claims.review import CLAIM_COLUMNS, ORIGINS
from ..claims.catalog import CLAIM_KINDS
from ..errors import IntegrityError
from ..files import json_text
from ..extract.mention import COLUMNS as NUMBER_COLUMNS
from ..extract.mention import KINDS, QUALIFIERS
from ..checks.ratings import ORDER as RATINGS
from ..rules import load_rules

DESCRIPTOR = "datapackage.json"
SOURCE = "source/report.txt"
TABLES = ("claims", "derived", "findings", "numbers")
# the CSV headers edition.save writes: the package must describe exactly these
COLUMNS = {"claims": CLAIM_COLUMNS, "derived": DERIVED_COLUMNS, "findings": FINDING_COLUMNS,
           "numbers": NUMBER_COLUMNS + ["rule", "listed", "listed_open", "source_sha256"]}
ENUMS = {"qualifiers": QUALIFIERS, "kinds": KINDS, "claim_kinds": CLAIM_KINDS, "origins": ORIGINS,
         "ratings": RATINGS, "outcomes": ("met", "missed", "not_reported")}
OPTIONAL_TABLES = ("targets",)  # described when the edition has them
DATA_LICENCE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0 International"}
CODE_LICENCE = "MIT"
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
LIST_SEP = ";"  # joins claim ids in findings.claims / at_fault and derived.inputs


@lru_cache(maxsize=1)
def _rules() -> dict:
    return load_rules("fields")


def table_info(table: str) -> dict:
    """Title, description and keys of a table, as rules/fields.yml says."""
    return _rules()["tables"][table]


def fields(table: str) -> list[dict]:
    """The Table Schema fields of a table: type, unit, constraints, descriptions (en, zh)."""
    shared = _rules()["shared"]
    out = []
    for spec in table_info(table)["fields"]:
        f = {**shared.get(spec["name"], {}), **spec}
        field = {"name": f["name"], "type": f["type"], "description": f["en"], "description_zh": f["zh"]}
        if f.get("unit"):
            field["unit"] = f["unit"]
        if f.get("unit_field"):
            field["unitField"] = f["unit_field"]  # the unit varies by row: it is in that field
        constraints = {k: f[k] for k in ("required", "unique", "pattern", "minimum") if f.get(k) is not None}
        if f.get("enum"):
            constraints["enum"] = list(ENUMS[f["enum"]])
        if constraints:
            field["constraints"] = constraints
        out.append(field)
    return out


def schema(table: str) -> dict:
    info = table_info(table)
    s = {"fields": fields(table), "missingValues": [""], "primaryKey": info["primary_key"]}
    if info.get("foreign_keys"):
        s["foreignKeys"] = [{"fields": fk["fields"], "reference": {"resource": fk["resource"], "fields": fk["reference"]}}
                            for fk in info["foreign_keys"]]
    return s


def _file_facts(path: Path) -> dict:
    data = path.read_bytes()
    return {"bytes": len(data), "hash": f"sha256:{hashlib.sha256(data).hexdigest()}"}


def descriptor(dest: Path, year: int, meta: dict, encoding: str, built_at: str, publish_url: str = "",
               report: str | None = None) -> dict:
    """datapackage.json for the edition folder `dest` (its tables and source/ written)."""
    from ..paths import DEFAULT_REPORT
    dest = Path(dest)
    title = meta.get("title", "")
    title_en = meta.get("title_en", "")
    resources = []
    for name in TABLES + tuple(t for t in OPTIONAL_TABLES if (dest / f"{t}.csv").is_file()):
        info = table_info(name)
        resources.append({
            "name": name, "type": "table", "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "title": info["title"], "title_zh": info["title_zh"],
            "description": info["en"], "description_zh": info["zh"], **_file_facts(dest / f"{name}.csv"),
            "schema": schema(name)})
    resources.append({
        "name": "source", "path": SOURCE, "format": "txt", "mediatype": "text/plain", "encoding": encoding,
        "title": f"The archived text: {title_en}".strip(), "title_zh": f"存档原文：{title}",
        "description": "The report's text as archived, byte for byte; every start/end offset of the tables "
                       "indexes it (decoded, a byte-order mark dropped, line ends kept). Reproduced unchanged to "
                       "check the figures against; it is not licensed by this project.",
        "description_zh": "报告存档原文，逐字节保留；各表的start/end都是它（解码后）的字符位置。原样收录以供核对，"
                          "其版权不属于本项目，不适用本数据的许可。",
        **_file_facts(dest / SOURCE)})
    facts = {f["key"]: f for f in meta.get("facts") or []}
    delivered = facts.get("delivered_on", {})
    pkg = {
        "$schema": PROFILE,
        "name": f"reportfigures-{year}" if report in (None, DEFAULT_REPORT) else f"reportfigures-{report}-{year}",
        "title": f"Every figure of the {year} report, checked: {title_en}".strip(),
        "title_zh": f"{title}（{year}年）中的每一个数字及其核查",
        "description": (f"Every number mention of the {year} report ({title_en}), its quantitative claims, the "
                        "rates computed from them and the report's checks against itself, each row pointing at "
                        "its place in the archived text (source/report.txt). Built by reportfigures "
                        f"{__version__}."),
        "description_zh": f"{title}（{year}年）中的每一处数字、每一项数量声明、由此算出的比率，以及报告自身的相互核对；"
                          "每一行都指向存档原文（source/report.txt）中的位置。",
        "created": built_at,
        "keywords": ["government work report", "政府工作报告", "fact-checking", "核查", "China", str(year)],
        "licenses": [DATA_LICENCE],
        "sources": [{"title": " / ".join(t for t in (title, title_en) if t) + (
            f" ({delivered.get('en')}; {delivered.get('source')})" if delivered else ""), "path": SOURCE}],
        "contributors": [{"title": "reportfigures", "roles": ["creator"]}],
        # not part of the standard: the software that made the data and the licence of that code
        "software": {"name": "reportfigures", "version": __version__, "license": CODE_LICENCE},
        "resources": resources,
    }
    if publish_url:
        pkg["homepage"] = publish_url
    return pkg


def write(dest: Path, inputs, summary: dict | None = None, *, check: bool = True) -> Path:
    """Copy the archived text into the edition, write datapackage.json, validate it.

    Raises IntegrityError naming the first problems when the package does not validate,
    so a build never publishes one that a data desk's tools would refuse. `check=False`
    when the tables and the text are those of the last edition, whose package validated."""
    dest = Path(dest)
    source = Path(inputs.root) / inputs.params["text"]
    copy = dest / SOURCE
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, copy)
    summary = summary or {}
    pkg = descriptor(dest, inputs.year, inputs.meta, inputs.source.encoding, summary.get("built_at", ""),
                     inputs.params.get("publish_url", ""), getattr(inputs, "report", None))
    if pkg["resources"][-1]["hash"] != f"sha256:{inputs.source.sha256}":
        raise IntegrityError("changed while the edition was built: its hash differs from the archive's", source)
    path = dest / DESCRIPTOR
    path.write_text(json_text(pkg), encoding="utf-8")
    problems = validate(path) if check else []
    if problems:
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise IntegrityError(f"does not validate: {'; '.join(problems[:3])}{more}", path)
    return path


def validate(path: Path | str) -> list[str]:
    """Every problem of a written package, one line each; [] when it is sound.

    Frictionless checks the descriptor, each table against its schema (types, required,
    unique, enumerations, header), the keys across tables, and every resource's bytes and
    SHA-256. Then what frictionless cannot know: each row's offsets quote its surface from
    the archived text, and the claim ids that findings and derived figures name exist."""
    import frictionless

    path = Path(path)
    if not path.is_file():
        return [f"{path}: no such file"]
    try:
        report = frictionless.validate(str(path))
    except frictionless.FrictionlessException as e:
        return [f"{path.name}: {e.error.message}"]
    problems = [f"{path.name}: {e.message}" for e in report.errors]
    for task in report.tasks:
        problems += [f"{task.name}: {e.message}" for e in task.errors]
    if problems:
        return problems
    return _cross_checks(path.parent, json.loads(path.read_text(encoding="utf-8")))


def _rows(folder: Path, name: str) -> list[dict]:
    with open(folder / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _cross_checks(folder: Path, pkg: dict) -> list[str]:
    from ..source.read import read_text

    src = next(r for r in pkg["resources"] if r["name"] == "source")
    text = read_text(folder / src["path"]).text
    problems = []
    for name in ("claims", "numbers"):
        for i, r in enumerate(_rows(folder, name), start=2):
            start, end = int(r["start"]), int(r["end"])
            if text[start:end] != r["surface"]:
                problems.append(f"{name}: row {i}: text[{start}:{end}] is {text[start:end]!r}, not the surface "
                                f"{r['surface']!r}")
    if (folder / "targets.csv").is_file():  # a result quotes this text; a target, last year's
        for i, r in enumerate(_rows(folder, "targets"), start=2):
            if r["result_start"] and text[int(r["result_start"]):int(r["result_end"])] != r["result_surface"]:
                problems.append(f"targets: row {i}: the result's offsets do not quote {r['result_surface']!r}")
    ids = {r["id"] for r in _rows(folder, "claims")}
    refs = [("findings", "claims"), ("findings", "at_fault"), ("derived", "inputs")]
    for name, field in refs:
        for i, r in enumerate(_rows(folder, name), start=2):
            unknown = [c for c in (r[field] or "").split(LIST_SEP) if c and c not in ids]
            if unknown:
                problems.append(f"{name}: row {i}: {field} names claims not in claims.csv: {', '.join(unknown)}")
    return problems
