"""environment.yml (conda) and pyproject.toml list the same dependencies; the lock pins them."""

import re
import tomllib

import yaml

from conftest import ROOT


def _name(spec: str) -> str:
    return re.split(r"[<>=!~\[ ;]", spec, maxsplit=1)[0].lower().replace("_", "-")


def _pyproject_deps() -> list[str]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]


def _conda_pip_deps(path=ROOT / "environment.yml") -> list[str]:
    env = yaml.safe_load(path.read_text())
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
    """The comparison above can fail: an environment.yml that lost a dependency differs."""
    text = (ROOT / "environment.yml").read_text()
    broken = tmp_path / "environment.yml"
    broken.write_text(text.replace("      - jieba>=0.42\n", ""))
    assert "jieba>=0.42" not in _conda_pip_deps(broken)
    assert sorted(_pyproject_deps()) != sorted(_conda_pip_deps(broken))


def test_jupyterlab_is_not_a_runtime_dependency():
    assert "jupyterlab" not in {_name(d) for d in _pyproject_deps()}
