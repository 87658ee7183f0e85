"""The examples and exit codes at the foot of each command's --help: every example is a command line
the command accepts, those that only read run and end with a code the page lists, and every code is
one tahapan has."""

from __future__ import annotations

import shlex

import pytest
import typer

from conftest import REPO, commands_of
from tahapan.cli.application import build_app
from tahapan.cli.examples import PAGES
from tahapan.errors import ExitCode

CLICK_APP = typer.main.get_command(build_app())
COMMANDS = dict(commands_of(CLICK_APP))
#: examples that only read the schedules and print, safe to run here
READERS = {"status", "list", "show", "check", "hitung", "calc", "pace", "regions", "kasus chains"}
#: each page once (an alias shares its command's page, whose examples name the command)
EXAMPLES = [
    (path, line)
    for path, page in PAGES.items()
    if next(p for p, q in PAGES.items() if q is page) == path
    for line in page.examples
]


def test_the_main_commands_have_a_page():
    leaves = {" ".join(p) for p, c in COMMANDS.items() if not hasattr(c, "commands")}
    assert set(PAGES) <= leaves
    assert {"status", "check", "hitung", "calendar", "stage set", "config set"} <= set(PAGES)


@pytest.mark.parametrize(("path", "line"), EXAMPLES, ids=[line for _, line in EXAMPLES])
def test_each_example_is_a_command_line_its_command_accepts(path, line):
    words = shlex.split(line)
    assert words[0] == "tahapan"
    command_words = path.split()
    assert words[1 : 1 + len(command_words)] == command_words
    command = COMMANDS[tuple(command_words)]
    # parsing (options, their values, the required arguments) without running anything: an
    # unknown option or a value its type refuses raises here
    context = command.make_context(" ".join(command_words), words[1 + len(command_words) :])
    typed = {w for w in words if w.startswith("-")}
    for param in command.params:
        if typed & set(param.opts):  # each option the example gives reached its parameter
            assert context.params[param.name] not in (None, param.default), (line, param.name)


@pytest.mark.parametrize(
    ("path", "line"),
    [(p, line) for p, line in EXAMPLES if p in READERS and "--notify" not in line],
    ids=[line for p, line in EXAMPLES if p in READERS and "--notify" not in line],
)
def test_examples_that_read_end_with_a_code_their_page_lists(cli, path, line):
    result = cli(*shlex.split(line)[1:])
    assert result.exit_code in PAGES[path].codes, (line, result.exit_code, result.stderr)
    assert result.exit_code != ExitCode.BAD_INPUT, result.stderr


def test_every_code_on_a_page_is_one_tahapan_has_and_documents():
    documented = (REPO / "docs" / "exit-codes.md").read_text(encoding="utf-8")
    for page in PAGES.values():
        for code in page.codes:
            assert code in set(ExitCode)
            assert f"| {int(code)} |" in documented


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_help_ends_with_examples_and_codes_in_the_language_asked(run, lang):
    result = run("check", "--help", "--lang", lang)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    examples, codes = ("Contoh:", "Kode keluar:") if lang == "id" else ("Examples:", "Exit codes:")
    tail = text[text.index(examples) :]
    assert "  tahapan check --remind 7,3,1,0 --notify config -q\n" in tail
    codes_part = tail[tail.index(codes) :]
    assert [line.split()[0] for line in codes_part.splitlines()[1:] if line[:4].strip()] == [
        "0",
        "1",
        "2",
        "75",
    ]
    sent = "pengingat gagal dikirim" if lang == "id" else "the notification could not be sent"
    assert sent in codes_part


def test_a_long_example_is_never_wrapped_at_40_columns(run):
    result = run("stage", "set", "--help", env={"COLUMNS": "40"})
    assert result.returncode == 0, result.stderr
    assert (
        "  tahapan stage set pilkada-2024/kampanye --end 2024-11-20 "
        '--basis "PKPU 99/2024" --confidence P\n'
    ) in result.stdout
