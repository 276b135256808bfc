"""Loading the rule files in `rules/` (layout and number vocabulary live there as data).

The YAML is what a reviewer edits. Parsing it (and importing PyYAML) costs ~30 ms at every
start of the command, so the parsed rules are kept in the user's cache folder, keyed by
the YAML's bytes: an edited rule file is parsed again, an unchanged one is not. Compiling
the rules' regexes (and the extractor's own) costs ~17 ms more, so `regex` keeps their
compiled programs there too, keyed by the pattern and the interpreter. Both are written
with `marshal` (built in; json costs 1.3 ms to import and reads the programs 2.5× slower),
and a file it cannot read is parsed or compiled again.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import zlib
from functools import lru_cache
from pathlib import Path


def _cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "reportfigures" / "rules"


def _rule_bytes(name: str) -> bytes:
    """The YAML's bytes: from the package folder, or through importlib.resources when the
    package is not a folder (a zip). That module costs 5 ms at every start of the command."""
    path = Path(__file__).parent / "rules" / f"{name}.yml"
    if path.is_file():
        return path.read_bytes()
    from importlib.resources import files

    return files("reportfigures").joinpath("rules", f"{name}.yml").read_bytes()


@lru_cache(maxsize=None)
def load_rules(name: str) -> dict:
    data = _rule_bytes(name)
    key = f"{name}-{zlib.crc32(data):08x}-{len(data)}.marshal"
    cached = _cache_dir() / key
    try:
        got = marshal.loads(cached.read_bytes())
        if isinstance(got, dict):
            return got
    except (OSError, ValueError, EOFError, TypeError):
        pass
    import yaml  # only when the rules changed (or on a first run)

    rules = yaml.load(data.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(rules))
        os.replace(tmp, cached)
    except (OSError, TypeError, ValueError):
        pass  # a read-only home, or rules marshal cannot hold (dates): parse the YAML each time
    return rules


# --- regexes compiled once per interpreter --------------------------------------------------
_programs: dict | None = None  # "flags:pattern" → the arguments of _sre.compile
_unsaved = False


def regex(pattern: str, flags: int = 0) -> re.Pattern:
    """re.compile(pattern, flags), with the compiled program read from the cache when this
    interpreter compiled it before (the same object: equal to re.compile's)."""
    global _programs, _unsaved
    if _programs is None:
        _programs = _load_programs()
    key = f"{int(flags)}:{pattern}"
    args = _programs.get(key)
    fresh = args is None
    if fresh:
        args = _program(pattern, flags)
        if args is None:
            return re.compile(pattern, flags)
    try:
        import _sre

        rx = _sre.compile(pattern, args[0], args[1], args[2], args[3], tuple(args[4]))
    except Exception:  # noqa: BLE001  (a damaged entry: the engine refuses it)
        return re.compile(pattern, flags)
    if fresh:
        if not _unsaved:
            import atexit

            atexit.register(_save_programs)  # a forked child leaves by os._exit: it never writes
        _programs[key], _unsaved = args, True
    return rx


def _program(pattern: str, flags: int) -> list | None:
    """What re._compiler.compile hands _sre.compile (None where the engine is not the one
    this was written for: then nothing is cached)."""
    if sys.implementation.name != "cpython" or sys.version_info[:2] not in ((3, 11), (3, 12), (3, 13)):
        return None
    from re import _compiler, _parser

    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    indexgroup = [None] * p.state.groups
    for name, i in p.state.groupdict.items():
        indexgroup[i] = name
    # opcodes are int subclasses (named constants): plain ints are what marshal can write
    return [int(flags | p.state.flags), list(map(int, code)), p.state.groups - 1, dict(p.state.groupdict), indexgroup]


def _programs_path() -> Path:
    import _sre

    version = sys.version.split()[0]
    return _cache_dir() / f"regex-{sys.implementation.name}-{version}-{_sre.MAGIC}-{_sre.CODESIZE}.marshal"


def _load_programs() -> dict:
    try:
        got = marshal.loads(_programs_path().read_bytes())
        return got if isinstance(got, dict) and len(got) < 1000 else {}  # rules edited often: start over
    except (OSError, ValueError, EOFError, TypeError, ImportError):
        return {}


def _save_programs() -> None:
    global _unsaved
    if not _unsaved or _programs is None:
        return
    path = _programs_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(_programs))
        os.replace(tmp, path)
        _unsaved = False
    except OSError:
        pass  # a read-only home: compile each time
