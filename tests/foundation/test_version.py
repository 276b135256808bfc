"""One version, written once: the package, its installed metadata and CITATION.cff agree."""

import re
from importlib.metadata import version

from conftest import ROOT
from reportfigures import __version__


def test_the_installed_metadata_reads_the_package_version():
    assert version("reportfigures") == __version__


def test_the_citation_names_the_same_version():
    cff = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert re.search(r"^version: (\S+)$", cff, re.M).group(1) == __version__
