"""The package's import graph: no cycle, and no import from a lower layer into a higher one.

Every ``import`` statement counts, wherever it stands (inside functions, under TYPE_CHECKING).
The layers are read from the table under "## Layers" in docs/architecture.md, so the document
and the code cannot drift apart.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "termcheck"
ARCHITECTURE = ROOT / "docs" / "architecture.md"


def module_name(path: Path) -> str:
    parts = ("termcheck", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imported_modules(name: str, path: Path) -> set[str]:
    """The termcheck modules ``name`` imports, each resolved to a module or package that exists."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            # `from . import stream` names a module; `from .models import Finding` a name in one.
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target.startswith("termcheck") and target != name:
                found.add(target)
    return found


GRAPH = {name: imported_modules(name, path) for name, path in MODULES.items()}


def documented_layers() -> list[tuple[int, str, list[str]]]:
    """(rank, layer name, module prefixes) of each row of the layer table, lowest rank first."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    section = text.split("## Layers", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        match = re.match(r"\|\s*(\d+)\s*\|\s*([^|]+?)\s*\|([^|]+)\|", line)
        if match:
            prefixes = re.findall(r"`([\w.]+)`", match.group(3))
            rows.append((int(match.group(1)), match.group(2), prefixes))
    return sorted(rows)


LAYERS = documented_layers()


def layer_of(module: str) -> int | None:
    """The rank of the longest documented prefix that names ``module`` (``detect`` covers detect.*)."""
    best, best_length = None, -1
    for rank, _, prefixes in LAYERS:
        for prefix in prefixes:
            full = "termcheck" if prefix == "termcheck" else f"termcheck.{prefix}"
            if (module == full or module.startswith(full + ".")) and len(full) > best_length:
                best, best_length = rank, len(full)
    return best


def test_the_walk_sees_imports_inside_functions():
    # engine imports the detector registry inside Checker.__init__, and the sources inside check_file.
    assert {"termcheck.detect.registry", "termcheck.sources"} <= GRAPH["termcheck.engine"]
    assert len(LAYERS) >= 5


def test_every_module_has_a_documented_layer():
    assert [m for m in MODULES if layer_of(m) is None] == []


def test_no_import_goes_up_a_layer():
    upward = sorted(
        f"{module} (layer {layer_of(module)}) imports {target} (layer {layer_of(target)})"
        for module, targets in GRAPH.items()
        for target in targets
        if layer_of(target) > layer_of(module)
    )
    assert upward == []


def test_there_is_no_import_cycle():
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(GRAPH[module]):
            if state.get(target) == 1:
                cycles.append(" -> ".join(path[path.index(target) :] + [target]))
            elif target not in state:
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module)
    assert cycles == []


@pytest.mark.parametrize(
    "source, expected",
    [
        ("import termcheck.engine\n", {"termcheck.engine"}),
        ("def f():\n    from ..detect import near_miss\n", {"termcheck.detect.near_miss"}),
        ("from ..models import Finding\n", {"termcheck.models"}),
        ("from . import compile\n", {"termcheck.lexicon.compile"}),
    ],
)
def test_imports_are_resolved_to_modules(tmp_path, monkeypatch, source, expected):
    path = tmp_path / "variants.py"
    path.write_text(source, encoding="utf-8")
    assert imported_modules("termcheck.lexicon.variants", path) == expected


def test_a_cycle_would_be_found(monkeypatch):
    # The check itself must be able to fail: a made-up back edge from the models to the engine.
    monkeypatch.setitem(GRAPH, "termcheck.models", GRAPH["termcheck.models"] | {"termcheck.engine"})
    with pytest.raises(AssertionError):
        test_there_is_no_import_cycle()
    with pytest.raises(AssertionError):
        test_no_import_goes_up_a_layer()
