"""reportfigures: every quantitative claim of a Chinese work report, rebuilt from its own text."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("reportfigures")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0"

__all__ = ["__version__"]
