"""environment.yml (conda) and pyproject.toml list the same dependencies; the lock pins them."""

import re
import tomllib

import yaml

from conftest import ROOT


def _name(spec: str) -> str:
    return re.split(r"[<>=!~\[ ;]", spec, maxsplit=1)[0].lower().replace("_", "-")


def _pyproject_deps() -> list[str]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]


def _conda_pip_deps() -> list[str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    return [d for d in pip if not d.startswith("-")]


def test_environment_yml_matches_pyproject():
    assert sorted(_pyproject_deps()) == sorted(_conda_pip_deps())


def test_conda_python_matches_requires_python():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    py = next(d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python="))
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert py.split("=")[1] in requires


def test_lock_pins_every_dependency():
    lock = (ROOT / "requirements.lock").read_text()
    pinned = {m.group(1).lower() for m in re.finditer(r"^([A-Za-z0-9_.\-]+)==", lock, re.M)}
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    wanted = {_name(d) for d in _pyproject_deps()} | {_name(d) for ds in extras.values() for d in ds}
    assert wanted - pinned == set()


def test_mismatch_is_detected(tmp_path):
    """The comparison above can fail: a dependency missing on one side shows up."""
    conda = _conda_pip_deps()[:-1]
    assert sorted(_pyproject_deps()) != sorted(conda)


def test_jupyterlab_is_not_a_runtime_dependency():
    assert "jupyterlab" not in {_name(d) for d in _pyproject_deps()}
