"""One road for every answer: each command builds a result and ends with `return render(...)`;
the renderers format what the result holds and do not place stages on the timeline themselves.
The writers (`stage`, `election`, `config set|unset`) answer that way too: --json names what
changed, and the words on stderr are those they always were."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "tahapan"

#: the commands that answer otherwise, and why: `import` and `publish` write files (a schedule, a site) and say what
#: they wrote; `data update` installs several sources, the worst one's exit code the run's
NOT_A_RESULT = {
    ("import_", "command"),
    ("publish", "command"),
    ("data", "data_update"),
}


def _is_command(function: ast.FunctionDef) -> bool:
    if function.name == "command":
        return True
    return any(
        isinstance(d, ast.Call)
        and isinstance(d.func, ast.Attribute)
        and d.func.attr == "command"
        and isinstance(d.func.value, ast.Name)
        and d.func.value.id == "command"
        for d in function.decorator_list
    )


def _returns(function: ast.FunctionDef) -> list[ast.Return]:
    """The function's own return statements (not those of functions defined inside it)."""
    found: list[ast.Return] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            if isinstance(child, ast.Return):
                found.append(child)
            visit(child)

    visit(function)
    return found


def _is_render(node: ast.AST | None) -> bool:
    return (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "render"
    )


class Module:
    """A module of cli/: its functions, and the names it imports from other cli/ modules."""

    def __init__(self, name: str, path: Path) -> None:
        self.name = name
        self.tree = ast.parse(path.read_text(encoding="utf-8"))
        self.functions = {n.name: n for n in self.tree.body if isinstance(n, ast.FunctionDef)}
        self.imported = {
            alias.asname or alias.name: node.module
            for node in ast.walk(self.tree)
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tahapan.cli")
            for alias in node.names
        }


def _modules() -> dict[str, Module]:
    cli = SRC / "cli"
    found = {}
    for path in sorted(cli.rglob("*.py")):
        dotted = ".".join(("tahapan", *path.relative_to(SRC).with_suffix("").parts))
        found[dotted.removesuffix(".__init__")] = Module(path.stem, path)
    return found


def _answers_by_render(
    function: ast.FunctionDef, module: Module, modules: dict[str, Module], seen: set[str]
) -> list[int]:
    """The lines of ``function``'s returns that do not give render's exit code: a return of
    render(...), of a name bound to render(...) in it (steps after the answer is out: marking
    the history read, a failure raised after the schedules were shown), or of a call to a cli/
    function that answers so itself."""
    bound = {
        target.id
        for node in ast.walk(function)
        if isinstance(node, ast.Assign) and _is_render(node.value)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    bad = []
    for ret in _returns(function):
        value = ret.value
        if _is_render(value) or (isinstance(value, ast.Name) and value.id in bound):
            continue
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
            name = value.func.id
            home = (
                module if name in module.functions else modules.get(module.imported.get(name, ""))
            )
            helper = home.functions.get(name) if home is not None else None
            key = f"{home.name if home else ''}.{name}"
            if (
                helper is not None
                and key not in seen
                and not _answers_by_render(helper, home, modules, seen | {key})
            ):
                continue
        bad.append(ret.lineno)
    return bad


def command_functions():
    modules = _modules()
    for dotted, module in modules.items():
        if not dotted.startswith("tahapan.cli.commands."):
            continue
        for node in module.tree.body:
            if isinstance(node, ast.FunctionDef) and _is_command(node):
                yield module.name, node, module, modules


def test_there_are_commands_to_check():
    names = {(m, f.name) for m, f, *_ in command_functions()}
    assert ("status", "command") in names and ("stage", "stage_add") in names
    assert ("config", "config_set") in names and ("kasus", "kasus_add") in names
    assert len(names) > 30
    assert names >= NOT_A_RESULT  # an exception that no longer exists is struck off


@pytest.mark.parametrize(
    ("name", "function", "module", "modules"),
    [
        pytest.param(*c, id=f"{c[0]}.{c[1].name}")
        for c in command_functions()
        if (c[0], c[1].name) not in NOT_A_RESULT
    ],
)
def test_every_command_answers_with_render(name, function, module, modules):
    bad = _answers_by_render(function, module, modules, set())
    assert _returns(function), f"{name}.{function.name} returns nothing: return render(result)"
    assert not bad, f"{name}.{function.name}: lines {bad} return something other than render's code"
    assert isinstance(function.body[-1], ast.Return), f"{name}.{function.name} ends without return"


#: what places a stage or an election on the timeline; a result knows it, a renderer reads it
TIMELINE_QUESTIONS = {
    "position", "active", "upcoming", "counted_from", "known_from", "near_elections", "all_stages",
}  # fmt: skip


def test_renderers_do_not_ask_the_timeline_where_a_stage_stands():
    offenders = []
    for path in sorted((SRC / "render").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases = {"tl"}
        imported: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "tahapan.days.timeline":
                imported |= {a.asname or a.name for a in node.names if a.name in TIMELINE_QUESTIONS}
            if isinstance(node, ast.ImportFrom) and node.module == "tahapan.days":
                aliases |= {a.asname or a.name for a in node.names if a.name == "timeline"}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            if (
                isinstance(f, ast.Attribute)
                and isinstance(f.value, ast.Name)
                and f.value.id in aliases
                and f.attr in TIMELINE_QUESTIONS
            ) or (isinstance(f, ast.Name) and f.id in imported):
                offenders.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert not offenders, offenders


# --- the writers' answers -------------------------------------------------------------------

WRITES = [
    ("stage", "add", "pemilu-2024/rapat-koordinasi", "--name", "Rapat", "--start", "2024-02-05",
     "--end", "H-7", "--basis", "Undangan", "--confidence", "P"),
    ("stage", "set", "pemilu-2024/rapat-koordinasi", "--note", "catatan"),
    ("stage", "remove", "pemilu-2024/rapat-koordinasi"),
]  # fmt: skip


def _said(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("tahapan: ")]


def test_stage_edits_answer_in_json_and_say_the_same_words(cli):
    from tahapan.config import user_file

    file = str(user_file())
    added = cli(*WRITES[0], "--json")
    assert added.exit_code == 0, added.stderr
    assert json.loads(added.stdout) == {
        "schema": 1, "action": "added", "kind": "stage", "target": "pemilu-2024/rapat-koordinasi",
        "file": file, "backup": None, "projection": None, "warnings": [],
    }  # fmt: skip
    assert _said(added.stderr) == [f"tahapan: pemilu-2024/rapat-koordinasi ditambahkan ({file})"]
    changed = cli(*WRITES[1], "--lang", "en")
    assert changed.exit_code == 0 and changed.stdout == ""
    assert _said(changed.stderr) == [
        f"tahapan: pemilu-2024/rapat-koordinasi changed ({file}; previous version: {file}.bak)"
    ]
    removed = cli(*WRITES[2], "--json", "--lang", "en")
    answer = json.loads(removed.stdout)
    assert (answer["action"], answer["backup"]) == ("removed", f"{file}.bak")
    assert cli("stage", "remove", "pemilu-2024/rapat-koordinasi").exit_code == 2


def test_an_election_added_warns_in_words_and_in_rule_ids_the_same_in_both_languages(cli):
    args = ("election", "add", "pemilu-2029", "--like", "pemilu-2024", "--voting-day", "2029-02-14")
    first = cli(*args, "--json")
    assert first.exit_code == 0, first.stderr
    answer = json.loads(first.stdout)
    assert [w["rule"] for w in answer["warnings"]] == [
        "stages-start-20-months-before",
        "voting-day-beside-holiday",
        "voting-day-beside-holiday",
    ]
    assert answer["warnings"][0] == {
        "rule": "stages-start-20-months-before", "day": "2027-06-15", "due": "2027-06-14",
        "until": None,
    }  # fmt: skip
    holiday = answer["warnings"][1]
    assert (holiday["day"], holiday["offset"], holiday["voting_day"]) == (
        "2029-02-13",
        -1,
        "2029-02-14",
    )
    assert (holiday["holiday"], holiday["holiday_en"]) == (
        "Tahun Baru Imlek (perkiraan)",
        "Lunar New Year (estimated)",
    )
    said = _said(first.stderr)
    assert said[1] == (
        "tahapan: peringatan: tahapan pertama dimulai 15 Juni 2027, sedangkan tahapan harus "
        "dimulai paling lambat 20 bulan sebelum hari pemungutan suara (14 Juni 2027; UU 7/2017 "
        "Pasal 167 ayat (6))"
    )
    assert said[3] == (
        "tahapan: peringatan: hari pemungutan suara 14 Februari 2029: sehari sesudahnya, "
        "15 Februari 2029, adalah Hari Raya Idul Fitri (perkiraan)"
    )
    assert cli("election", "remove", "pemilu-2029").exit_code == 0
    again = cli(*args, "--json", "--lang", "en")
    english = json.loads(again.stdout)
    assert english["warnings"] == answer["warnings"]
    assert _said(again.stderr)[3] == (
        "tahapan: warning: voting day 14 February 2029: the day after, 15 February 2029, is "
        "Eid al-Fitr (estimated)"
    )


def test_a_stage_set_on_a_projection_names_what_it_became(cli):
    assert cli("election", "add", "pemilu-2029", "--like", "pemilu-2024", "--voting-day",
               "2029-04-18").exit_code == 0  # fmt: skip
    stays = cli("stage", "set", "pemilu-2029/kampanye", "--note", "x", "--json")
    assert json.loads(stays.stdout)["projection"] == "stays-projection"
    assert "tahapan: tahapan ini tetap proyeksi sampai tanggal resminya diberi" in stays.stderr
    official = cli("stage", "set", "pemilu-2029/kampanye", "--start", "2028-11-28", "--end",
                   "2029-04-14", "--basis", "PKPU", "--confidence", "P", "--json", "--lang", "en")  # fmt: skip
    assert json.loads(official.stdout)["projection"] == "office-assumption", official.stderr
    assert "the stage is now an office assumption until the voting day of pemilu-2029" in (
        official.stderr
    )
    moved = cli("election", "set-voting-day", "pemilu-2029", "2029-02-14", "--json", "-q")
    assert moved.exit_code == 0 and moved.stderr == ""  # -q: nothing said, the JSON all the same
    assert [w["offset"] for w in json.loads(moved.stdout)["warnings"]] == [-1, 1]
    assert (
        json.loads(cli("election", "remove", "pemilu-2029", "--json", "-q").stdout)["action"]
        == "removed"
    )


def test_config_set_answers_in_json_without_the_secrets(cli):
    from tahapan.config import config_path

    done = cli("config", "set", "election", "pemilu-2024,pilkada-2024", "--json")
    assert done.exit_code == 0, done.stderr
    assert json.loads(done.stdout) == {
        "schema": 1, "action": "set", "kind": "config", "target": "election",
        "value": ["pemilu-2024", "pilkada-2024"], "file": str(config_path()), "backup": None,
        "projection": None, "warnings": [],
    }  # fmt: skip
    assert _said(done.stderr) == [
        f"tahapan: election = pemilu-2024,pilkada-2024 disimpan di {config_path()}"
    ]
    secret = cli("config", "set", "notify", "mailto://user:rahasia@example.com", "--json")
    assert "rahasia" not in secret.stdout + secret.stderr
    assert json.loads(secret.stdout)["value"] == ["mailto://..."]
    gone = cli("config", "unset", "election", "--json")
    assert json.loads(gone.stdout)["action"] == "unset" and gone.stderr == ""
    assert cli("config", "unset", "region").stdout == ""


def test_the_installed_command_answers_a_writer_in_json_and_in_words(run, tmp_path):
    added = run("election", "add", "pilkada-2029", "--voting-day", "2029-11-27", "--name",
                "Pilkada 2029", "--basis", "UU", "--confidence", "P", "--json")  # fmt: skip
    assert added.returncode == 0, added.stderr
    answer = json.loads(added.stdout)
    assert (answer["action"], answer["kind"], answer["target"]) == (
        "added",
        "election",
        "pilkada-2029",
    )
    assert answer["warnings"] == []
    file = answer["file"]
    removed = run("election", "remove", "pilkada-2029", "--lang", "en")
    assert removed.returncode == 0 and removed.stdout == ""
    assert removed.stderr == (
        f"tahapan: pilkada-2029 removed ({file}; previous version: {file}.bak)\n"
    )
    setting = run("config", "set", "tz", "WITA", env={"TAHAPAN_LANG": "en"})
    assert setting.returncode == 0 and setting.stdout == ""
    assert setting.stderr.startswith("tahapan: tz = ") and " saved in " in setting.stderr
