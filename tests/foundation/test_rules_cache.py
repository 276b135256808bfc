"""The rule files' parsed copy in the user's cache: the same rules as the YAML, refreshed when
the YAML changes, and never trusted when it is broken."""

import json
import os
import subprocess
import sys

import yaml
from importlib.resources import files

NAMES = ["numbers", "text", "parts", "findings", "strings", "fields", "measures", "subjects", "quality", "provenance"]
LOAD = "import json, sys; from reportfigures.rules import load_rules; print(json.dumps(load_rules(sys.argv[1]), ensure_ascii=False))"


def _load(name: str, cache) -> dict:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    out = subprocess.run([sys.executable, "-c", LOAD, name], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_the_cached_rules_are_the_yaml(tmp_path):
    for name in NAMES:
        want = yaml.safe_load(files("reportfigures").joinpath("rules", f"{name}.yml").read_text(encoding="utf-8"))
        assert _load(name, tmp_path) == want  # parsed, then written
        assert _load(name, tmp_path) == want  # read back from the cache
    assert len(list((tmp_path / "reportfigures" / "rules").glob("*.json"))) == len(NAMES)


def test_a_broken_cache_file_is_not_trusted(tmp_path):
    _load("text", tmp_path)
    (cached,) = (tmp_path / "reportfigures" / "rules").glob("text-*.json")
    cached.write_text("{not json", encoding="utf-8")
    want = yaml.safe_load(files("reportfigures").joinpath("rules", "text.yml").read_text(encoding="utf-8"))
    assert _load("text", tmp_path) == want
    assert json.loads(cached.read_text(encoding="utf-8")) == want  # and written again
