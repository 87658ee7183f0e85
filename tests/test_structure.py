"""The shape of the code: layers that import only downwards, small modules, one place for each
number, a library API, and help for every command."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path
from typing import get_args

import pytest
import typer

from conftest import REPO, commands_of
from tahapan.cli.application import app

SRC = REPO / "src" / "tahapan"

#: the layers, lowest first: a module imports only from its own layer and those before it, at the top
#: of a file and inside a function alike (an import inside a function is still an import); only a
#: block under `if TYPE_CHECKING:` is left aside, since it never runs. A layer names top-level
#: modules and packages (a package with everything under it); "tahapan" is the package's own
#: __init__ (the version and the lazily imported public names).
LAYERS: list[tuple[str, set[str]]] = [
    ("ground", {"tahapan", "records", "model", "errors", "i18n", "text", "colours"}),
    ("days", {"days"}),
    ("machine", {"safefile", "folders", "config", "notify"}),
    ("schedule", {"schedule"}),
    ("services", {"signature", "signing", "download", "updates", "site", "history"}),
    ("reports", {"reports"}),
    ("render", {"render"}),
    ("cli", {"cli"}),
    ("entry point", {"__main__"}),
]


def test_no_module_is_over_400_lines():
    long = {
        str(path.relative_to(SRC)): n
        for path in SRC.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}


def _modules() -> dict[str, Path]:
    """Every module of the package by its dotted name; a package is its __init__."""
    found = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _skipped(tree: ast.AST) -> set[int]:
    """The nodes under `if TYPE_CHECKING:` (its else branch runs, and is walked)."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in (
            "TYPE_CHECKING",
            "typing.TYPE_CHECKING",
        ):
            skipped.update(id(inner) for child in node.body for inner in ast.walk(child))
    return skipped


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that ``name`` imports anywhere in its file: `import a.b`, and
    `from a import b` as a.b where b is a module, else as a; relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _skipped(tree)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join([*parts, *([base] if base else [])])
            found.update(
                f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names
            )
    ours = set()
    for imported in found:
        while imported and imported not in modules:  # `import tahapan.x.Name`: the module x
            imported = imported.rpartition(".")[0]
        if imported.split(".")[0] == "tahapan" and imported != name:
            ours.add(imported)
    return ours


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in sorted(modules.items())}


def _top(module: str) -> str:
    return module.split(".")[1] if "." in module else module


def _layer(module: str) -> int:
    """The layer's place in LAYERS (one past the last for a module no layer names)."""
    return next((i for i, (_, names) in enumerate(LAYERS) if _top(module) in names), len(LAYERS))


def test_the_walk_sees_late_imports_and_leaves_type_checking_aside():
    graph = _graph()
    assert "tahapan.folders" in graph["tahapan.safefile"]  # imported inside a function only
    assert graph["tahapan"] == set()  # its imports are all under TYPE_CHECKING
    assert "tahapan.cli.application" in graph["tahapan.cli"]  # a late import in main()
    assert "tahapan.render.terminal.status" in graph["tahapan.render.terminal"]


def test_every_module_has_a_layer():
    placed = set().union(*(names for _, names in LAYERS))
    unplaced = sorted(m for m in _modules() if _top(m) not in placed)
    assert unplaced == []  # a new top-level module: give it its layer above


def test_contributing_lists_the_layers_this_test_checks():
    documented = re.findall(
        r"^\d+\. (.+?) — (.+?): ", (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8"), re.M
    )

    def file(name: str) -> str:
        if name == "tahapan":
            return "__init__.py"
        return f"{name}/" if (SRC / name).is_dir() else f"{name}.py"

    assert [(layer, set(re.findall(r"`([^`]+)`", names))) for layer, names in documented] == [
        (layer, {file(n) for n in names}) for layer, names in LAYERS
    ]


def test_every_import_goes_down_the_layers():
    graph = _graph()
    names = [name for name, _ in LAYERS] + ["no layer"]
    wrong = [
        f"{module} ({names[_layer(module)]}) imports {imported} ({names[_layer(imported)]})"
        for module, imported_ in graph.items()
        for imported in sorted(imported_)
        if _layer(imported) > _layer(module)
    ]
    assert not wrong, "\n".join(wrong)


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import circles a depth-first walk meets (each: its modules, the first again at the end)."""
    found: list[list[str]] = []
    done: set[str] = set()
    for root in graph:
        if root in done:
            continue
        path, stack = [root], [iter(sorted(graph[root]))]
        while stack:
            step = next(stack[-1], None)
            if step is None:
                stack.pop()
                done.add(path.pop())
            elif step in path:
                found.append([*path[path.index(step) :], step])
            elif step not in done:
                path.append(step)
                stack.append(iter(sorted(graph.get(step, ()))))
    return found


def test_the_imports_make_no_circle():
    """Module to module, every import (a package's __init__ is a module of its own): in a circle,
    the order of imports decides which module finds the other half made."""
    circles = _circles(_graph())
    assert not circles, "\n".join(" -> ".join(c) for c in circles)
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]


def test_the_core_runs_without_typer_or_rich_and_import_tahapan_loads_nothing_else():
    code = (
        "import sys, datetime; import tahapan; before = set(sys.modules); "
        "r = tahapan.build_status(tahapan.load_catalog(), on=datetime.date(2024, 11, 27), "
        "timezone='Asia/Jakarta'); "
        "print(sorted(m for m in before if m.startswith('tahapan.'))); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'rich', 'click'})); "
        "print([a.ref.path for es in r.elections for a in es.active][:1])"
    )
    lines = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert lines == ["[]", "[]", "['pemungutan-suara']"]


def test_every_public_name_is_there():
    import importlib

    import tahapan

    # written out: a public name that moves or goes away fails here
    public = {
        "tahapan.model": ["Election", "Holiday", "Region", "RelativeDate", "Stage"],
        "tahapan.errors": ["DataError", "TahapanError"],
        "tahapan.schedule.catalog": ["Catalog"],
        "tahapan.schedule.load": ["load_catalog"],
        "tahapan.days.dates": ["parse_date"],
        "tahapan.reports.status": ["build_status"],
        "tahapan.reports.stages": ["build_list", "build_show"],
        "tahapan.reports.check": ["build_check_active", "build_check_within"],
    }
    for module, names in public.items():
        for name in names:
            assert getattr(tahapan, name) is getattr(importlib.import_module(module), name), name
    assert sorted(tahapan.__all__) == sorted(
        ["__version__", *(n for v in public.values() for n in v)]
    )
    with pytest.raises(AttributeError):
        tahapan.nothing_by_this_name  # noqa: B018


def test_each_schema_number_is_written_once():
    from tahapan.model import FILE_SCHEMA
    from tahapan.schedule.schema import ScheduleFile

    texts = {p: p.read_text(encoding="utf-8") for p in SRC.rglob("*.py")}
    numbers = [p.name for p, t in texts.items() for _ in re.finditer(r'"schema":\s*\d', t)]
    assert numbers == []  # a table's schema key always takes one of the two constants
    constants = [
        m.group(0)
        for t in texts.values()
        for m in re.finditer(r"^\w*SCHEMA(?:: Final)? = \d+", t, re.M)
    ]
    assert sorted(constants) == ["FILE_SCHEMA: Final = 1", "JSON_SCHEMA = 1"]
    assert get_args(ScheduleFile.model_fields["schema_"].annotation) == (FILE_SCHEMA,)


def test_every_command_and_subcommand_has_help(cli):
    root = typer.main.get_command(app)
    found = list(commands_of(root))
    assert {" ".join(p) for p, _ in found} >= {
        "status", "list", "show", "check", "hitung", "calc", "pace", "validate", "regions",
        "calendar", "export", "import", "config set", "config get", "config unset", "config list",
        "config path", "stage add", "stage set", "stage remove", "election add", "election remove",
    }  # fmt: skip
    for path, command in found:
        result = cli(*path, "--help")
        assert result.exit_code == 0, path
        assert command.help, path
        # shown in the chosen language (Indonesian here; tests/test_language.py has the catalog)
        from tahapan.cli.help import translated

        words = " ".join((translated(command.help) or "").split()[:4])
        assert words in " ".join(result.stdout.split()), path
