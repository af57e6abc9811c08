"""Layering (DESIGN §5), module size and import cycles, and the PySide6 6.12.0 trap
(DESIGN §7)."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "aipdesk"
MAX_LINES = 500
# Modules allowed to be longer than MAX_LINES: none. (A module that grows past it is
# split along its seams, or named here with the reason until it is.)
LONGER_FOR_NOW: set[str] = set()


def test_domain_store_services_cli_import_no_qt() -> None:
    code = (
        "import sys\n"
        "import aipdesk.cli, aipdesk.services.status, aipdesk.services.values,"
        " aipdesk.services.catalogue, aipdesk.services.demo, aipdesk.store.backup\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph')"
        " or m.startswith('aipdesk.ui'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_import_contracts() -> None:
    """The import-linter contracts of pyproject.toml hold (also run by `make lint`)."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports_command;"
            "sys.exit(lint_imports_command())",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_pyside6_version_is_not_the_broken_one() -> None:
    import PySide6

    assert PySide6.__version__ != "6.12.0"
    assert tuple(int(x) for x in PySide6.__version__.split(".")[:2]) < (6, 12)


def test_none_refcount_does_not_drift_over_void_qt_calls() -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every void Qt call."""
    code = (
        "import sys\n"
        "from PySide6.QtCore import QObject\n"
        "obj = QObject()\n"
        "for _ in range(100): obj.setObjectName('warm')\n"
        "before = sys.getrefcount(None)\n"
        "for i in range(10_000): obj.setObjectName('x')\n"
        "after = sys.getrefcount(None)\n"
        "print(after - before)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr  # 6.12.0 aborts with none_dealloc
    assert abs(int(result.stdout.strip())) < 100


def test_no_module_is_longer_than_the_limit() -> None:
    lengths = {
        path.relative_to(ROOT).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    too_long = {name for name, lines in lengths.items() if lines > MAX_LINES}
    assert {name: lengths[name] for name in too_long - LONGER_FOR_NOW} == {}
    assert LONGER_FOR_NOW - too_long == set(), "split already: take them off LONGER_FOR_NOW"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(nodes: Iterable[ast.AST]) -> Iterator[ast.Import | ast.ImportFrom]:
    """The import statements in `nodes`, also those inside functions (a cycle held apart by
    an import inside a function is a cycle all the same), but not those that run for the
    type checker only (``if TYPE_CHECKING:``)."""
    for node in nodes:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If) and _type_checking(node.test):
            yield from _imports(node.orelse)
        else:
            yield from _imports(ast.iter_child_nodes(node))


def import_graph() -> dict[str, set[str]]:
    """Each module of aipdesk -> the modules of aipdesk it imports."""
    paths = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        imported = set()
        for node in _imports([ast.parse(path.read_text(encoding="utf-8"))]):
            if isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
                continue
            base = node.module or ""
            if node.level:  # relative: from the package, `level - 1` steps up
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:  # a submodule, or a name defined in the module itself
                imported.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in paths else base)
        graph[name] = {module for module in imported if module in paths and module != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of `graph` with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in sorted(graph[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            component = [stack.pop()]
            while component[-1] != module:
                component.append(stack.pop())
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_the_cycle_finder_finds_cycles() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [["a", "b", "c"]]


def test_no_import_cycles_between_modules() -> None:
    graph = import_graph()
    assert "aipdesk.store.checks" in graph["aipdesk.store.database"]  # the graph is complete
    assert cycles(graph) == []
