"""The Frictionless Data Package of an edition (issue 13): it validates as built, and every
way a table can be broken makes validation fail, naming the table and what is wrong."""

import csv
import hashlib
import io
import json
import shutil
import tomllib

import frictionless
import pytest
import yaml
from conftest import ROOT

from reportfigures import __version__
from reportfigures.tables import datapackage
from reportfigures.errors import IntegrityError


@pytest.fixture
def package(built_edition, tmp_path):
    """A copy of the built 2024 edition's package, to break."""
    dest = tmp_path / "2024"
    src = built_edition / "outputs" / "2024"
    dest.mkdir()
    for name in [f"{t}.csv" for t in datapackage.TABLES] + [datapackage.DESCRIPTOR]:
        shutil.copy(src / name, dest / name)
    shutil.copytree(src / "source", dest / "source")
    return dest


def read_rows(folder, table):
    with open(folder / f"{table}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_rows(folder, table, rows, *, rehash=False):
    """Rewrite a table; with `rehash` the descriptor gets the new bytes and hash, so only the
    schema, the keys and the cross-checks can notice the change."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    (folder / f"{table}.csv").write_text(buf.getvalue(), encoding="utf-8")
    if rehash:
        pkg = json.loads((folder / datapackage.DESCRIPTOR).read_text(encoding="utf-8"))
        data = (folder / f"{table}.csv").read_bytes()
        res = next(r for r in pkg["resources"] if r["name"] == table)
        res["bytes"], res["hash"] = len(data), f"sha256:{hashlib.sha256(data).hexdigest()}"
        (folder / datapackage.DESCRIPTOR).write_text(json.dumps(pkg, ensure_ascii=False), encoding="utf-8")


def test_the_built_package_validates_with_frictionless(built_edition):
    path = built_edition / "outputs" / "2024" / datapackage.DESCRIPTOR
    report = frictionless.validate(str(path))
    assert report.valid, report.flatten(["type", "note"])[:5]
    assert datapackage.validate(path) == []
    assert [t.name for t in report.tasks] == ["claims", "derived", "findings", "numbers", "source"]


def test_the_package_says_what_each_field_is_in_both_languages(built_edition):
    pkg = json.loads((built_edition / "outputs" / "2024" / datapackage.DESCRIPTOR).read_text(encoding="utf-8"))
    tables = {r["name"]: r for r in pkg["resources"]}
    for name in datapackage.TABLES:
        res = tables[name]
        assert res["path"] == f"{name}.csv" and res["title_zh"] and res["description_zh"] and res["description"]
        for f in res["schema"]["fields"]:
            assert f["description"] and f["description_zh"] and f["type"] in ("string", "integer", "number", "boolean")
        by = {f["name"]: f for f in res["schema"]["fields"]}
        if name != "derived":  # offsets into the archived text
            assert by["start"]["unit"] == "characters" and by["start"]["type"] == "integer"
    claims = {f["name"]: f for f in tables["claims"]["schema"]["fields"]}
    assert claims["value"]["type"] == "number" and claims["value"]["unitField"] == "unit"
    assert claims["kind"]["constraints"]["enum"] == ["metric", "target", "list_count"]
    assert tables["claims"]["schema"]["primaryKey"] == ["id"]
    assert tables["claims"]["schema"]["foreignKeys"][0]["reference"] == {"resource": "numbers", "fields": ["start", "end"]}
    assert {f["name"]: f for f in tables["findings"]["schema"]["fields"]}["rating"]["constraints"]["enum"][0] == \
        "contradiction"


def test_the_source_text_is_in_the_package_with_its_hash(built_edition):
    edition = built_edition / "outputs" / "2024"
    pkg = json.loads((edition / datapackage.DESCRIPTOR).read_text(encoding="utf-8"))
    source = next(r for r in pkg["resources"] if r["name"] == "source")
    meta = yaml.safe_load((built_edition / "data" / "raw" / "2024" / "report.meta.yml").read_text(encoding="utf-8"))
    assert source["path"] == "source/report.txt" and source["hash"] == f"sha256:{meta['sha256']}"
    assert source["bytes"] == meta["bytes"] == (edition / "source" / "report.txt").stat().st_size
    assert (edition / "source" / "report.txt").read_bytes() == (built_edition / "data" / "raw" / "2024" / "report.txt").read_bytes()


def test_licences_data_cc_by_code_mit_as_pyproject(built_edition):
    pkg = json.loads((built_edition / "outputs" / "2024" / datapackage.DESCRIPTOR).read_text(encoding="utf-8"))
    assert [lic["name"] for lic in pkg["licenses"]] == ["CC-BY-4.0"]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert pkg["software"] == {"name": "reportfigures", "version": __version__, "license": project["license"]["text"]}
    assert project["dynamic"] == ["version"]  # the version is written once, in the package (test_version.py)


def test_the_schemas_describe_exactly_the_columns_the_build_writes(built_edition):
    for name in datapackage.TABLES:
        with open(built_edition / "outputs" / "2024" / f"{name}.csv", encoding="utf-8") as f:
            header = next(csv.reader(f))
        assert [fl["name"] for fl in datapackage.fields(name)] == datapackage.COLUMNS[name] == header


def test_a_copy_validates_then_a_non_number_value_and_a_missing_id_fail(package):
    assert datapackage.validate(package / datapackage.DESCRIPTOR) == []
    rows = read_rows(package, "claims")
    rows[0]["value"] = "一千五百五十一"
    rows[1]["id"] = ""
    write_rows(package, "claims", rows)
    problems = datapackage.validate(package / datapackage.DESCRIPTOR)
    text = "\n".join(problems)
    assert 'Type error in the cell "一千五百五十一"' in text and 'field "value"' in text
    assert 'constraint "required"' in text and 'field "id"' in text
    assert "hash" in text  # the file is not the one the package describes
    assert all(p.startswith("claims: ") for p in problems)


def test_a_rating_off_the_scale_fails(package):
    rows = read_rows(package, "findings")
    rows[0]["rating"] = "wrong"
    write_rows(package, "findings", rows, rehash=True)
    assert any('field "rating"' in p and "enum" in p for p in datapackage.validate(package / datapackage.DESCRIPTOR))


def test_a_claim_pointing_at_no_number_breaks_the_foreign_key(package):
    rows = read_rows(package, "claims")
    rows[0]["start"] = str(int(rows[0]["start"]) + 1)
    write_rows(package, "claims", rows, rehash=True)
    problems = datapackage.validate(package / datapackage.DESCRIPTOR)
    assert any("claims:" in p and "numbers" in p and "lookup" in p for p in problems), problems


def test_a_surface_the_text_does_not_have_fails_the_cross_check(package):
    rows = read_rows(package, "numbers")
    rows[0]["surface"] = rows[0]["surface"] + "余"
    write_rows(package, "numbers", rows, rehash=True)
    problems = datapackage.validate(package / datapackage.DESCRIPTOR)
    r = rows[0]
    assert problems == [(f"numbers: row 2: text[{r['start']}:{r['end']}] is {r['surface'][:-1]!r}, "
                         f"not the surface {r['surface']!r}")]


def test_a_finding_naming_an_unknown_claim_fails_the_cross_check(package):
    rows = read_rows(package, "findings")
    rows[0]["claims"] = rows[0]["claims"] + ";proposals.nonexistent"
    write_rows(package, "findings", rows, rehash=True)
    assert datapackage.validate(package / datapackage.DESCRIPTOR) == [
        "findings: row 2: claims names claims not in claims.csv: proposals.nonexistent"]


def test_a_changed_source_text_fails_its_hash(package):
    (package / "source" / "report.txt").write_bytes((package / "source" / "report.txt").read_bytes() + b"\n")
    problems = datapackage.validate(package / datapackage.DESCRIPTOR)
    assert any(p.startswith("source: ") and "hash" in p for p in problems)


def test_write_refuses_to_publish_a_package_that_does_not_validate(built_edition, package):
    from reportfigures.tables.inputs import load_inputs

    inputs = load_inputs(built_edition, 2024)
    assert datapackage.write(package, inputs, {"built_at": "2025-01-01T00:00:00+00:00"}) == package / "datapackage.json"
    rows = read_rows(package, "derived")
    rows[0]["value"] = "n/a"
    write_rows(package, "derived", rows)
    with pytest.raises(IntegrityError, match=r"datapackage.json: does not validate: derived: Type error"):
        datapackage.write(package, inputs, {"built_at": "2025-01-01T00:00:00+00:00"})


def test_citation_cff_names_the_package_its_version_and_licence():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["title"].startswith("reportfigures")
    assert cff["version"] == __version__ and cff["license"] == "MIT"
    assert cff["authors"] and cff["message"]
