"""The shape of the code: layers that import only downwards, small modules, one place for each
number, a library API, and help for every command."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from typing import get_args

import pytest
import typer

from conftest import REPO, commands_of
from tahapan.cli.application import app

SRC = REPO / "src" / "tahapan"
#: each layer may import only those before it (module-level imports; a function may reach further
#: only for what it needs late, such as the CLI's stream helpers)
LAYERS = ["days", "schedule", "reports", "render", "cli"]


def test_no_module_is_over_400_lines():
    long = {
        str(path.relative_to(SRC)): n
        for path in SRC.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}


def _top_level_imports(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in tree.body:  # module level only, TYPE_CHECKING blocks aside
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tahapan"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("tahapan"))
    return found


@pytest.mark.parametrize("layer", LAYERS)
def test_a_layer_imports_only_the_layers_under_it(layer):
    assert len(list((SRC / layer).rglob("*.py"))) > 1  # the layer is there to be checked
    above = LAYERS[LAYERS.index(layer) + 1 :]
    wrong = {
        str(path.relative_to(SRC)): sorted(
            m for m in _top_level_imports(path) if m.split(".")[1:2] and m.split(".")[1] in above
        )
        for path in (SRC / layer).rglob("*.py")
    }
    assert {k: v for k, v in wrong.items() if v} == {}


def test_the_ground_imports_no_layer():
    for name in ("model", "errors", "i18n", "text", "colours"):
        imported = _top_level_imports(SRC / f"{name}.py")
        assert not {m for m in imported if m.split(".")[1:2] and m.split(".")[1] in LAYERS}, name


def test_the_write_path_imports_no_layer_even_late():
    """safefile (every write) and folders (the cache's and the locks' folders) sit under the
    schedule layer that uses them: not even an import inside a function runs back up."""
    for name in ("safefile", "folders"):
        tree = ast.parse((SRC / f"{name}.py").read_text(encoding="utf-8"))
        imported = {
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("tahapan.")
        }
        assert not {m for m in imported if m.split(".")[1] in LAYERS}, name
        if name == "safefile":  # its lock folder's import is a late one, and it is seen
            assert "tahapan.folders" in imported


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
