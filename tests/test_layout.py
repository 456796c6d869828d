"""The package's layout (generator/__init__.py draws it): stages import only downwards, no circles.

Read from the source with `ast`, every import counted: at module level,
inside functions and under TYPE_CHECKING alike, since an import hidden in a
function still ties the two modules together.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "generator"
# From the bottom up; "" is the top level (cli, build, publish, ...).
STAGES = ("core", "content", "text", "linking", "pictures", "views", "output", "engine", "")
MAX_LINES = 400


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _targets(node: ast.AST, name: str, path: Path, modules: dict[str, Path]) -> list[str]:
    """The package's modules that one import statement imports."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    if isinstance(node, ast.Import):
        found = [alias.name for alias in node.names if alias.name in modules]
    elif isinstance(node, ast.ImportFrom):
        if node.level:
            parts = package.split(".")
            base = ".".join(parts[: len(parts) - node.level + 1])
            base = f"{base}.{node.module}" if node.module else base
        else:
            base = node.module or ""
        for alias in node.names:
            if f"{base}.{alias.name}" in modules:
                found.append(f"{base}.{alias.name}")
            elif base in modules:
                found.append(base)
    return [target for target in found if target not in ("generator", name)]


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {target for node in ast.walk(tree) for target in _targets(node, name, path, modules)}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 else ""


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), or a module importing itself."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
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
            if len(component) > 1 or node in graph.get(node, ()):
                circles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return circles


def test_the_checker_finds_a_circle() -> None:
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _circles({"a": {"b"}, "b": set()}) == []


def test_no_import_circles() -> None:
    assert _circles(_graph()) == []


def test_stages_import_only_downwards() -> None:
    upwards = [
        f"{module} ({_stage(module) or 'top'}) imports {target} ({_stage(target) or 'top'})"
        for module, targets in _graph().items()
        for target in targets
        if STAGES.index(_stage(target)) > STAGES.index(_stage(module))
    ]
    assert upwards == []


def test_every_module_is_in_a_known_stage() -> None:
    assert {_stage(name) for name in _modules()} <= set(STAGES)


def test_no_import_of_the_package_inside_a_function() -> None:
    # A function-level import hides a dependency (and used to hide circles).
    modules = _modules()
    hidden = []
    for name, path in modules.items():
        for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                hidden += [f"{name}.{function.name} imports {target}"
                           for node in ast.walk(function) for target in _targets(node, name, path, modules)]
    assert hidden == []


def test_no_module_over_the_limit() -> None:
    long = {name: n for name, path in _modules().items() if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_only_the_engine_package_imports_mkdocs() -> None:
    users = set()
    for name, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n == "mkdocs" or n.startswith("mkdocs.") for n in names):
                users.add(name)
    assert users and all(_stage(name) == "engine" for name in users), users


def test_the_hooks_load_without_the_linker() -> None:
    # MkDocs loads the hooks in each edition's process: what they import pulls
    # in no linker, Aho-Corasick, nh3 or Markdown.
    program = (
        "import importlib.util, json, sys\n"
        f"spec = importlib.util.spec_from_file_location('hooks', {str(PACKAGE / 'engine' / 'mkdocs_hooks.py')!r})\n"
        "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True, cwd=REPO)
    loaded = set(json.loads(result.stdout))
    assert "generator.engine.page_memo" in loaded
    heavy = {"ahocorasick", "nh3", "markdown", "generator.linking.link", "generator.text.mentions", "generator.text.markup"}
    assert loaded & heavy == set()
