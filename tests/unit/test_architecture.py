"""The layout's promises, read from the source with ``ast`` (no import runs):

- no import circle among collective.confrecap's modules (imports inside
  functions count too: a deferred import is still a circle);
- ``formats/`` is pure: it imports only ``formats/`` itself, the package
  root (for the message factory), the standard library and its own
  dependencies, never Plone or Zope.
"""

from pathlib import Path

import ast
import pytest
import sys


SRC = Path(__file__).resolve().parents[2] / "src"
PACKAGE = "collective.confrecap"
FORMATS = f"{PACKAGE}.formats"
# What formats/ may import besides the standard library (see make test-pure).
PURE_DEPENDENCIES = {
    "defusedxml",
    "ftfy",
    "markdown_it",
    "markdownify",
    "tomli",  # only on Python < 3.11, where tomllib is missing
    "yaml",
    "zope.i18nmessageid",
}


def _modules():
    """Dotted name → path of every module of the package."""
    root = SRC / "collective" / "confrecap"
    modules = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


MODULES = _modules()


def _is_package(name):
    return MODULES[name].name == "__init__.py"


def _imports(name):
    """Dotted names ``name`` imports, anywhere in its body (absolute)."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"), str(MODULES[name]))
    package = name if _is_package(name) else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module
            found.add(module)
            # ``from pkg import submodule`` imports the submodule
            found.update(
                f"{module}.{alias.name}"
                for alias in node.names
                if f"{module}.{alias.name}" in MODULES
            )
    return found


def _internal(names):
    return {name for name in names if name in MODULES}


GRAPH = {name: _internal(_imports(name)) - {name} for name in MODULES}


def _cycles():
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, components = {}, {}, [], set(), []
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * len(GRAPH)))

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(GRAPH[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(GRAPH):
        if node not in index:
            visit(node)
    return components


def test_the_package_is_found():
    assert FORMATS in MODULES
    assert f"{FORMATS}.markdown.parser" in MODULES


def test_no_import_circle():
    cycles = _cycles()
    assert not cycles, "modules importing each other (directly or around): " + (
        "; ".join(" <-> ".join(cycle) for cycle in cycles)
    )


def _allowed_in_formats(imported):
    if imported in (PACKAGE, FORMATS) or imported.startswith(FORMATS + "."):
        return True
    top = imported.split(".")[0]
    if top in sys.stdlib_module_names:
        return True
    return any(
        imported == dependency or imported.startswith(dependency + ".")
        for dependency in PURE_DEPENDENCIES
    )


@pytest.mark.parametrize(
    "name", sorted(name for name in MODULES if name.startswith(FORMATS))
)
def test_formats_is_pure(name):
    foreign = sorted(
        imported for imported in _imports(name) if not _allowed_in_formats(imported)
    )
    assert not foreign, f"{name} imports {', '.join(foreign)}"


def test_nothing_imports_upwards_into_services_or_browser():
    """Requests enter through browser/ and services/; nothing below calls them."""
    entry_rooms = (f"{PACKAGE}.browser", f"{PACKAGE}.services")
    offenders = sorted(
        f"{name} -> {target}"
        for name, targets in GRAPH.items()
        if not name.startswith(entry_rooms)
        for target in targets
        if target.startswith(entry_rooms)
    )
    assert not offenders, offenders


UNIT = Path(__file__).resolve().parent


@pytest.mark.parametrize(
    "path",
    sorted(UNIT.rglob("*.py")),
    ids=lambda path: str(path.relative_to(UNIT)),
)
def test_unit_tests_import_only_the_pure_package(path):
    """tests/unit runs in .venv-pure: only formats/, its dependencies, the
    standard library and the test tools."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level:
            imported.add(node.module)
        elif isinstance(node, ast.ImportFrom):
            # relative: only within tests/unit (not tests/content.py, say)
            depth = len(path.parent.relative_to(UNIT).parts)
            if node.level - 1 > depth:
                imported.add("." * node.level + (node.module or ""))
    foreign = sorted(
        name
        for name in imported
        if not _allowed_in_formats(name)
        and name.split(".")[0] not in ("pytest", "hypothesis")
    )
    assert not foreign, f"{path.name} imports {', '.join(foreign)}"
