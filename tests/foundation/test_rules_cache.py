"""The rule files' parsed copy in the user's cache: the same rules as the YAML, refreshed when
the YAML changes, and never trusted when it is broken."""

import json
import marshal
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
    assert len(list((tmp_path / "reportfigures" / "rules").glob("*.marshal"))) == len(NAMES)


def test_a_broken_cache_file_is_not_trusted(tmp_path):
    _load("text", tmp_path)
    (cached,) = (tmp_path / "reportfigures" / "rules").glob("text-*.marshal")
    for damaged in (b"{not marshal", marshal.dumps(["not", "a", "dict"])[:-1], marshal.dumps(["a list"])):
        cached.write_bytes(damaged)
        assert _load("text", tmp_path) == yaml.safe_load(
            files("reportfigures").joinpath("rules", "text.yml").read_text(encoding="utf-8"))
    cached.write_bytes(b"{not marshal")
    want = yaml.safe_load(files("reportfigures").joinpath("rules", "text.yml").read_text(encoding="utf-8"))
    assert _load("text", tmp_path) == want
    assert marshal.loads(cached.read_bytes()) == want  # and written again


REGEX = ("import json, re, sys; from reportfigures import rules; from reportfigures.extract.vocabulary import vocabulary; "
         "v = vocabulary(); pats = [(p.rx.pattern, p.rx.flags) for p in v.patterns] + [(v.units_re.pattern, 0)]; "
         "print(json.dumps([rules.regex(p, f) == re.compile(p, f) and rules.regex(p, f).groupindex == re.compile(p, f).groupindex "
         "for p, f in pats]))")


def _regexes_equal(cache) -> list[bool]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    out = subprocess.run([sys.executable, "-c", REGEX], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_a_cached_regex_is_the_regex_compiled(tmp_path):
    assert all(_regexes_equal(tmp_path))  # compiled, then written
    (saved,) = (tmp_path / "reportfigures" / "rules").glob("regex-*.marshal")
    assert all(_regexes_equal(tmp_path))  # read back from the cache
    programs = marshal.loads(saved.read_bytes())
    for args in programs.values():
        args[1] = [9999] * len(args[1])  # a damaged program: the engine refuses it, compiled again
    saved.write_bytes(marshal.dumps(programs))
    assert all(_regexes_equal(tmp_path))
    saved.write_bytes(b"{not marshal")
    assert all(_regexes_equal(tmp_path))


def test_the_vocabulary_regexes_are_the_same_in_every_process():
    """A set's order changes with the hash seed: a pattern built in it would never be found
    compiled in the cache."""
    code = ("from reportfigures.extract.vocabulary import vocabulary; v = vocabulary(); "
            "print(v.skip_re.pattern, v.names_re.pattern, v.grammar.any_unit.pattern, v.connectors.pattern)")
    outs = {subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": seed},
                           capture_output=True, text=True, check=True).stdout for seed in ("1", "2", "3")}
    assert len(outs) == 1
