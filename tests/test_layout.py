"""The house's shape (issue 12): one package per feature over shared layers, no circles.

Imports are read from the source with `ast` (every `import`, also those inside functions
and under TYPE_CHECKING), so a lazy import that closes a circle is caught as well.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import netprep

SRC = Path(netprep.__file__).parent
SHARED_TOP = {"__init__", "__main__", "errors", "paths", "text"}  # the only top-level modules
LOGIC = ("coach", "star", "mock", "culture", "coding", "progress", "store", "content")


def _modules() -> dict[str, Path]:
    found = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(["netprep", *parts])] = path
    return found


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The netprep modules `name` imports (a `from pkg import mod` counts as pkg.mod)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("netprep"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            if not base.startswith("netprep"):
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                out.add(sub if sub in known else base)
    return {m for m in out if m != name}


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    known = set(mods)
    return {name: {m for m in _imports(name, path, known) if m in known}
            for name, path in mods.items()}


def test_every_module_imports() -> None:
    for info in pkgutil.walk_packages(netprep.__path__, "netprep."):
        importlib.import_module(info.name)


def test_no_top_level_module_holds_feature_logic() -> None:
    top = {p.stem for p in SRC.glob("*.py")}
    assert top == SHARED_TOP
    assert not (SRC / "logic").exists()
    for package in (*LOGIC, "cli", "ui"):
        assert (SRC / package / "__init__.py").is_file(), package
        doc = ast.get_docstring(ast.parse((SRC / package / "__init__.py").read_text()))
        assert doc and len(doc) > 40, f"{package}/__init__.py says what lives there"


def test_there_is_no_import_circle() -> None:
    graph = _graph()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt.startswith(node + "."):
                continue  # a package importing its own submodule is not a circle
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):] + [nxt]
                raise AssertionError("import circle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)


def test_logic_never_reaches_up_into_the_terminal_or_command_layer() -> None:
    for name, deps in _graph().items():
        layer = name.split(".")[1] if "." in name else ""
        if layer in ("cli", "ui", "__main__"):
            continue
        bad = sorted(d for d in deps if d.split(".")[1:2] in (["ui"], ["cli"]))
        assert not bad, f"{name} imports {bad}"


def test_the_store_imports_feature_models_only_never_an_engine() -> None:
    allowed_shared = {"netprep", "netprep.errors", "netprep.paths", "netprep.text",
                      "netprep.coach.terms", "netprep.coach.version"}
    for name, deps in _graph().items():
        if not name.startswith("netprep.store"):
            continue
        for dep in deps:
            ok = (dep in allowed_shared or dep.startswith("netprep.store")
                  or dep.endswith(".model"))
            assert ok, f"{name} imports {dep}"


def test_the_answers_measures_wrap_only_between_measures() -> None:
    """At 60 columns "I 2 / we 3" was split over two lines: the line of measures now
    breaks only at its " · " separators, each continuation indented."""
    from rich.console import Console
    from rich.text import Text

    from netprep.ui.render_mock import print_measures

    console = Console(width=60, record=True, color_system=None)
    measures = ["Time: 0:30 of 2:00 (1:30 under)", "42 words (~0:17 to say)",
                "score 49/100 not ready yet", "STAR S _ A R", "metric no", "I 2 / we 3"]
    print_measures(console, Text(" · ".join(measures)))
    lines = console.export_text().splitlines()
    assert all(len(line) <= 60 for line in lines) and len(lines) > 1
    for measure in measures:
        assert any(measure in line for line in lines), (measure, lines)
    assert all(line.startswith("  · ") for line in lines[1:])
    assert " · ".join(measures) == " ".join(" ".join(lines).split())  # reads as one line
