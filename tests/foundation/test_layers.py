"""The package's house rules, read from its source: stages import downwards only, and no circles.

Every `import` counts, the ones inside functions too: a lazy import that goes upwards is
still a dependency the lower stage cannot be understood without. The layers, bottom first,
are the README's (Developing): one list here, so that a new module must be placed in one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "reportfigures"
LAYERS = [
    {"__init__", "errors", "paths", "files", "rules", "formats", "records"},  # foundation: no stage
    {"source"}, {"text"}, {"extract"}, {"claims"}, {"checks"}, {"yearly"},
    {"tables"}, {"publish"}, {"build"}, {"corpus"}, {"cli", "command"},
]


def layer_of(module: str) -> int:
    """The layer of `reportfigures.<top>…` by its first component."""
    top = module.split(".")[1] if "." in module else "__init__"
    for i, names in enumerate(LAYERS):
        if top in names:
            return i
    raise AssertionError(f"{module}: in no layer of tests/test_layers.py LAYERS (place it in one)")


def module_name(path: Path, root: Path = PACKAGE) -> str:
    rel = path.relative_to(root.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imports_of(path: Path, root: Path = PACKAGE) -> set[str]:
    """Modules of the package this file imports, anywhere in it (module-level or lazy)."""
    me = module_name(path, root)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.split(".")[0] == root.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            if mod.split(".")[0] != root.name:
                continue
            for a in node.names:  # `from .pkg import module` imports the module
                sub = root.parent / (mod + "." + a.name).replace(".", "/")
                out.add(mod + "." + a.name if sub.with_suffix(".py").exists() or sub.is_dir() else mod)
    out.discard(me)
    return out


def graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    return {module_name(p, root): imports_of(p, root) for p in sorted(root.rglob("*.py"))}


def upward(g: dict[str, set[str]]) -> list[str]:
    """Imports from a module into a higher layer, as `a → b` lines."""
    return sorted(f"{a} → {b}" for a, deps in g.items() for b in deps
                  if b in g and layer_of(b) > layer_of(a))


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each a circle."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(g.get(v, ())):
            if w not in g:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def test_no_import_goes_up_a_layer():
    assert upward(graph()) == []


def test_no_import_circles():
    assert cycles(graph()) == []


def test_every_module_is_in_a_layer():
    for m in graph():
        layer_of(m)


def test_no_module_is_a_chapter():
    """~400 lines a module, ~120 a class: a reader sees a module whole."""
    long = {module_name(p): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 420}
    assert long == {}
    big = []
    for p in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > 130:
                big.append(f"{module_name(p)}.{node.name}")
    assert big == []


def _write(root: Path, files: dict[str, str]) -> Path:
    pkg = root / "reportfigures"
    for name, text in files.items():
        p = pkg / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
    return pkg


def test_a_lazy_upward_import_is_caught(tmp_path):
    pkg = _write(tmp_path, {"__init__.py": "", "checks/__init__.py": "", "publish/__init__.py": "",
                            "checks/run.py": "def f():\n    from ..publish import page\n",
                            "publish/page.py": "from ..checks import run\n"})
    g = graph(pkg)
    assert upward(g) == ["reportfigures.checks.run → reportfigures.publish.page"]
    assert cycles(g) == [["reportfigures.checks.run", "reportfigures.publish.page"]]


def test_downward_imports_pass(tmp_path):
    pkg = _write(tmp_path, {"__init__.py": "", "checks/__init__.py": "", "publish/__init__.py": "",
                            "errors.py": "", "checks/run.py": "from ..errors import X\n",
                            "publish/page.py": "from ..checks.run import f\nfrom ..checks import run\n"})
    g = graph(pkg)
    assert g["reportfigures.publish.page"] == {"reportfigures.checks.run"}
    assert upward(g) == [] and cycles(g) == []


def test_a_circle_inside_one_layer_is_caught(tmp_path):
    pkg = _write(tmp_path, {"__init__.py": "", "extract/__init__.py": "",
                            "extract/grammar.py": "from .numerals import scale\n",
                            "extract/numerals.py": "from .grammar import read\n"})
    assert cycles(graph(pkg)) == [["reportfigures.extract.grammar", "reportfigures.extract.numerals"]]


def test_a_module_outside_the_layers_is_named(tmp_path):
    pkg = _write(tmp_path, {"__init__.py": "", "stray.py": ""})
    with pytest.raises(AssertionError, match="reportfigures.stray: in no layer"):
        layer_of(module_name(pkg / "stray.py", pkg))


FILE_NAMES = {"reportfigures.db"}  # strings that name a file, not a module


def stale_module_names(root: Path = PACKAGE) -> list[str]:
    """Modules named in string literals (`python -m reportfigures.x`, a kernel's preload
    `import reportfigures.y`) that do not exist: no import check finds them, and a stale
    one fails silently at run time (a build that no longer draws ahead, a cold kernel)."""
    import re
    named = set()
    for p in root.rglob("*.py"):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                named.update(re.findall(r"\breportfigures(?:\.[a-z_]+)+", node.value))
    return sorted(n for n in named - FILE_NAMES if not _module_exists(n, root))


def _module_exists(dotted: str, root: Path) -> bool:
    """reportfigures.a.b is a module or package, or a name defined in one (….extract)."""
    parts = dotted.split(".")[1:]
    for k in range(len(parts), 0, -1):
        p = root.joinpath(*parts[:k])
        if p.with_suffix(".py").is_file() or (p / "__init__.py").is_file():
            return k >= len(parts) - 1
    return False


def test_every_module_named_in_a_string_exists():
    assert stale_module_names() == []


def test_a_stale_module_name_in_a_string_is_caught(tmp_path):
    pkg = _write(tmp_path, {"__init__.py": "", "build/__init__.py": "", "build/prerender.py": "",
                            "build/build.py": 'CMD = ["python", "-m", "reportfigures.prerender"]\n'
                                              'OK = ["python", "-m", "reportfigures.build.prerender"]\n'})
    assert stale_module_names(pkg) == ["reportfigures.prerender"]
