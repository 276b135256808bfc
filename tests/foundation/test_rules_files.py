"""Every rules file of the package parses, and every string the pages use exists in both languages."""

import re

import pytest
import yaml

from conftest import ROOT

RULES = sorted((ROOT / "src" / "reportfigures" / "rules").glob("*.yml"))


@pytest.mark.parametrize("path", RULES, ids=lambda p: p.name)
def test_rules_files_parse(path):
    assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), dict)


def test_every_string_used_exists_in_both_languages():
    strings = yaml.safe_load((ROOT / "src" / "reportfigures" / "rules" / "strings.yml").read_text(encoding="utf-8"))
    assert all(set(v) >= {"zh", "en"} for v in strings.values())
    used = set()
    for p in (ROOT / "src" / "reportfigures").glob("*.py"):
        used |= {k for k in re.findall(r'\bt\("([a-z_]+)"', p.read_text(encoding="utf-8")) if not k.endswith("_")}
    assert used - set(strings) == set()
