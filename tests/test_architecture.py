"""The layering holds: the three cores import no Textual, questionary or tui, and never import upward."""

from __future__ import annotations

import ast
import json
import pkgutil
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORES = ("forms", "store", "exports")
# What each core may not import: the UI libraries, the tui package, and any layer above it.
FORBIDDEN = {
    "forms": ("textual", "questionary", "prompt_toolkit", "tui", "store", "exports"),
    "store": ("textual", "questionary", "prompt_toolkit", "tui", "exports"),
    "exports": ("textual", "questionary", "prompt_toolkit", "tui"),
}


def _modules_of(package: str) -> list[str]:
    path = ROOT / package
    names = [package]
    for info in pkgutil.walk_packages([str(path)], prefix=f"{package}."):
        names.append(info.name)
    return names


@pytest.mark.parametrize("core", CORES)
def test_core_imports_no_ui_and_nothing_above_it(core: str) -> None:
    modules = _modules_of(core)
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    loaded = json.loads(done.stdout)
    bad = sorted(
        name
        for name in loaded
        for banned in FORBIDDEN[core]
        if name == banned or name.startswith(banned + ".")
    )
    assert bad == [], f"{core} pulled in {bad}"


def test_the_architecture_test_can_fail() -> None:
    """The check above really sees an import: tui does load textual."""
    script = "import sys, tui.base; print('textual' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "True"


# ---------------------------------------------------------------------- the import graph

PACKAGES = ("forms", "store", "exports", "tui")
MAX_PUBLIC_METHODS = 25


def _module_files() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import that runs: at module level, inside functions and classes alike. Only the blocks under
    `if TYPE_CHECKING:` are left out, because they never run (they name types for mypy)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for other in node.orelse:
                yield from _imports(other) if not isinstance(other, (ast.Import, ast.ImportFrom)) else [other]
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        else:
            yield from _imports(node)


def import_graph(files: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> the modules of our packages it imports (a `from package import name` counts the
    submodule `package.name` when there is one, else the package)."""

    def known(name: str) -> str | None:
        while name and name not in files:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for module, path in files.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        targets: set[str] = set()
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(filter(None, (known(alias.name) for alias in node.names)))
                continue
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            for alias in node.names:
                full = f"{base}.{alias.name}"
                target = full if full in files else known(base)
                if target:
                    targets.add(target)
        targets.discard(module)
        graph[module] = targets
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle (first module repeated at the end), or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (found := visit(target)) is not None:
                return found
        path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state and (found := visit(module)) is not None:
            return found
    return None


def test_no_import_cycles_anywhere() -> None:
    cycle = find_cycle(import_graph(_module_files()))
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_cycle_check_sees_imports_inside_functions(tmp_path: Path) -> None:
    """A cycle closed by an import inside a function is still found, and a TYPE_CHECKING one is not."""
    (tmp_path / "a.py").write_text("import b\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("def f():\n    from a import x\n", encoding="utf-8")
    (tmp_path / "c.py").write_text("if TYPE_CHECKING:\n    import a\n", encoding="utf-8")
    files = {name: tmp_path / f"{name}.py" for name in ("a", "b", "c")}
    graph = import_graph(files)
    assert find_cycle(graph) == ["a", "b", "a"]
    assert graph["c"] == set()


def test_no_class_has_more_than_25_public_methods() -> None:
    crowded: list[str] = []
    for module, path in _module_files().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                public = [
                    item.name
                    for item in node.body
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
                    and not item.name.startswith("_")
                ]
                if len(public) > MAX_PUBLIC_METHODS:
                    crowded.append(f"{module}.{node.name}: {len(public)}")
    assert crowded == [], f"classes with more than {MAX_PUBLIC_METHODS} public methods: {crowded}"


# ---------------------------------------------------------------------- commands decide no rule

COMMANDS_DIR = ROOT / "tui" / "commands"
STORE_FACES = ("store.api", "store.outputs", "store.demo", "store.simulate")
"""What a command may import from the store: its public face, the output guard and the synthetic data."""
MAX_COMMAND_STATEMENTS = 40
"""A command function parses options, calls a core function and prints: more statements than this means a
rule is being decided in the command layer."""
TALLIED = frozenset({"ballots", "sealed_ballots", "visits", "self_assessments", "drafts"})
"""What a command never loops over: the store's ballots, visits and self-assessments. Counting, matching or
filtering them is a rule, and lives in exports/ or store/ (a command prints what those return)."""


def command_rule_breaks(source: str, name: str) -> list[str]:
    """Where the command module `name` (its `source`) decides a rule instead of asking a core for it."""
    tree = ast.parse(source)
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            module = node.module
            if (module == "store" or module.startswith("store.")) and module not in STORE_FACES:
                found.append(f"{name}:{node.lineno} imports {module} (use store.api)")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("store.") and alias.name not in STORE_FACES:
                    found.append(f"{name}:{node.lineno} imports {alias.name} (use store.api)")
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            statements = sum(isinstance(inner, ast.stmt) for inner in ast.walk(node)) - 1
            if statements > MAX_COMMAND_STATEMENTS:
                found.append(f"{name}:{node.lineno} {node.name} has {statements} statements")
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            loop = ast.get_source_segment(source, node.iter) or ""
            if TALLIED & set(re.findall(r"\w+", loop)):
                line = getattr(node, "lineno", node.iter.lineno)
                found.append(f"{name}:{line} loops over {loop}")
    return found


def test_no_command_module_decides_a_rule() -> None:
    breaks = [
        found
        for path in sorted(COMMANDS_DIR.glob("*.py"))
        for found in command_rule_breaks(path.read_text(encoding="utf-8"), path.name)
    ]
    assert breaks == [], "rules decided in tui/commands/ (move them into exports/ or store/):\n" + "\n".join(
        breaks
    )


def test_the_command_rule_check_can_fail() -> None:
    """Each of the three signs is seen: an internal store module, a long function, a tally over ballots."""
    long_body = "\n".join(f"    x{n} = {n}" for n in range(MAX_COMMAND_STATEMENTS + 1))
    source = (
        "from store.core import check_backup\n"
        "from store.api import open_store\n"
        f"def long() -> None:\n{long_body}\n"
        "def tally(campaign):\n"
        "    return sum(1 for ballot in campaign.ballots.sealed_ballots())\n"
        "def fine(rows):\n"
        "    for line in count_lines(rows):\n"
        "        print(line)\n"
    )
    breaks = command_rule_breaks(source, "x.py")
    assert len(breaks) == 3, breaks
    assert "store.core" in breaks[0] and "long has 41" in breaks[1] and "sealed_ballots" in breaks[2]
