"""reportfigures: every quantitative claim of a Chinese work report, rebuilt from its own text."""

# The one place the version is written (pyproject.toml reads it): a constant, because
# importlib.metadata costs 30 ms at every start of the command (tests/foundation/test_version.py).
__version__ = "0.1.0"

__all__ = ["__version__"]
