"""-q/--quiet means one thing on every command that takes it, as `grep -q`: nothing on stdout or
stderr but errors (warnings and notes included); the exit code answers. JSON, and a file format
asked for, are still written."""

from __future__ import annotations

import json

import pytest

from conftest import LATIHAN
from test_wall_calendar import busy_file

DUE = ("--within", "7", "--on", "2024-02-08", "-e", "pemilu-2024")
STAGE_ADD = (
    "stage", "add", "pilkada-2024/apel", "--name", "Apel", "--name-en", "Roll call",
    "--end", "2024-11-20", "--basis", "Surat", "--confidence", "P",
)  # fmt: skip
PEMILU_2029 = (
    "election", "add", "pemilu-2029", "--like", "pemilu-2024", "--voting-day", "2029-02-14",
    "--name", "Pemilu 2029", "--name-en", "2029 General Election",
)  # fmt: skip


def _update_source(tmp_path):
    source = tmp_path / "kantor.toml"
    source.write_text(LATIHAN.replace("schema = 1\n", "schema = 1\nrevision = 2027-01-12\n"))
    return str(source)


#: a command that answers (stdout) or says what it did (stderr), and the exit code it answers with
QUIET_RUNS = {
    "check": (("check", *DUE), 1),
    "calendar": (("calendar", "-e", "pilkada-2024", "--month", "2024-11"), 0),
    "calendar -o": (("calendar", "-e", "pilkada-2024", "--month", "2024-11", "-o", "{tmp}/k.txt"), 0),
    "export -o": (("export", "-e", "pilkada-2024", "-o", "{tmp}/e.toml"), 0),
    "stage add": (STAGE_ADD, 0),
    "election add": (PEMILU_2029, 0),
    "config set": (("config", "set", "tz", "WITA"), 0),
    "data update": (("data", "update", "{source}"), 0),
    "kasus add": (("kasus", "add", "phpu", "--chain", "phpu-pilpres", "--from", "2024-03-20"), 0),
}  # fmt: skip


def _args(args, tmp_path):
    source = _update_source(tmp_path) if "{source}" in args else ""
    return [a.replace("{tmp}", str(tmp_path)).replace("{source}", source) for a in args]


@pytest.mark.parametrize("name", list(QUIET_RUNS))
def test_quiet_prints_nothing_and_keeps_the_exit_code(cli, tmp_path, name):
    args, code = QUIET_RUNS[name]
    quiet = cli(*_args(args, tmp_path), "-q")
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (code, "", "")
    # the same without -q says something (what -q silenced); what is added, under another id
    if args[1] == "add":
        args = (*args[:2], args[2] + "-dua", *args[3:])
    loud = cli(*_args(args, tmp_path))
    assert loud.exit_code == code, loud.output
    assert loud.stdout or loud.stderr.startswith("tahapan: ")


def test_the_file_asked_for_is_still_written(cli, tmp_path):
    out = tmp_path / "k.txt"
    done = cli("calendar", "-e", "pilkada-2024", "--month", "2024-11", "-o", str(out), "-q")
    assert (done.exit_code, done.stdout, done.stderr) == (0, "", "")
    assert "November 2024" in out.read_text(encoding="utf-8")
    # a file format on stdout is what was asked for, as JSON is: `-q -f ics > x.ics` is not empty
    ics = cli("calendar", "-e", "pilkada-2024", "--month", "2024-11", "-f", "ics", "-q")
    assert ics.exit_code == 0 and ics.stdout.startswith("BEGIN:VCALENDAR")


@pytest.mark.parametrize(
    "args",
    [
        ("check", *DUE, "--json"),
        ("calendar", "-e", "pilkada-2024", "--month", "2024-11", "-f", "json"),
        ("data", "update", "{source}", "--json"),
        ("kasus", "add", "phpu-2024", "--chain", "phpu-pilpres", "--from", "2024-03-20", "--json"),
    ],
    ids=["check", "calendar", "data update", "kasus add"],
)
def test_quiet_json_still_prints_the_json(cli, tmp_path, args):
    done = cli(*_args(args, tmp_path), "-q")
    assert json.loads(done.stdout)["schema"] == 1
    assert done.stderr == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", "--within", "sepekan"), "tahapan: "),
        (("calendar", "--month", "2024-13"), "tahapan: "),
        (("export", "-e", "pemilu-2099", "-o", "{tmp}/e.toml"), "tahapan: "),
        (("stage", "set", "kampanye", "-e", "pilkada-2024", "--end", "30/02/2024"), "tahapan: "),
    ],
    ids=["check", "calendar", "export", "stage set"],
)
def test_quiet_still_reports_an_error(cli, tmp_path, args, message):
    loud = cli(*_args(args, tmp_path))
    quiet = cli(*_args(args, tmp_path), "-q")
    assert quiet.exit_code == loud.exit_code == 2
    assert quiet.stdout == ""
    assert quiet.stderr == loud.stderr and quiet.stderr.startswith(message)


def test_quiet_silences_warnings(cli, tmp_path):
    # check --changes' first run says it saved the baseline
    first = cli("check", "--changes", "-q")
    assert (first.exit_code, first.stdout, first.stderr) == (0, "", "")
    # a month that does not fit one sheet names what it left out; not under -q
    data = busy_file(tmp_path / "ops.toml", 40, spread=3, long_names=True)
    args = ("calendar", "-e", "pilkada-2024", "--month", "2024-11", "--data", str(data))
    out = tmp_path / "ops.pdf"
    loud = cli(*args, "-o", str(out), "--one-page")
    assert "tidak muat di satu halaman" in loud.stderr
    quiet = cli(*args, "-o", str(out), "--one-page", "-q")
    assert (quiet.exit_code, quiet.stderr) == (0, "") and out.stat().st_size > 0
    # a planned election's warnings (projected dates beside holidays and the law's 20 months)
    planned = cli(*PEMILU_2029, "-q")
    assert (planned.exit_code, planned.stderr) == (0, "")
    # a schedule file written over: its old version kept as .bak, said in the note -q silences
    edit = (
        "stage",
        "set",
        "kampanye",
        "-e",
        "pilkada-2024",
        "--basis",
        "Surat",
        "--confidence",
        "P",
    )
    assert cli(*edit, "--end", "2024-11-21").exit_code == 0
    assert "versi lama: " in cli(*edit, "--end", "2024-11-22").stderr
    kept = cli(*edit, "--end", "2024-11-20", "-q")
    assert (kept.exit_code, kept.stdout, kept.stderr) == (0, "", "")


def test_the_installed_command(run, tmp_path):
    due = run("check", *DUE, "-q")
    assert (due.returncode, due.stdout, due.stderr) == (1, "", "")
    grid = run("calendar", "-e", "pilkada-2024", "--month", "2024-11", "-q")
    assert (grid.returncode, grid.stdout, grid.stderr) == (0, "", "")
    answer = run("calendar", "-e", "pilkada-2024", "--month", "2024-11", "-f", "json", "-q")
    assert answer.returncode == 0 and json.loads(answer.stdout)["schema"] == 1
    wrong = run("calendar", "--month", "2024-13", "-q")
    assert wrong.returncode == 2 and wrong.stdout == "" and wrong.stderr.startswith("tahapan: ")
    data = busy_file(tmp_path / "ops.toml", 40, spread=3, long_names=True)
    out = tmp_path / "ops.pdf"
    sheet = run(
        "calendar", "-e", "pilkada-2024", "--month", "2024-11", "--data", str(data), "-o", str(out),
        "--one-page", "-q",
    )  # fmt: skip
    assert (sheet.returncode, sheet.stdout, sheet.stderr) == (0, "", "") and out.is_file()
