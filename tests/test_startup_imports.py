"""Start-up is guarded by what a run imports, not by a stopwatch: each module below costs every cron
run and every morning's `status` when it is loaded without being used."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import modules_loaded_by

ON = ("--on", "2023-11-29")
#: what none of these runs uses: calendars, spreadsheets, reminders, holidays (working days are
#: counted by hitung and pace), dateutil (the days of a repeating rule are cached), the lock (only
#: writers take it)
NEVER = {"icalendar", "fpdf", "openpyxl", "apprise", "holidays", "dateutil", "filelock"}
#: the schema checks files that changed; a cached run reads the checked catalog
SCHEMA = {"pydantic", "tahapan.schedule.schema"}
#: the Indonesian help texts, the help's examples, the region finder (no region asked)
HELP = {
    "tahapan.cli.help_id",
    "tahapan.cli.help_id_edit",
    "tahapan.cli.help_id_updates",
    "tahapan.cli.help_id_cases",
    "tahapan.cli.examples",
}
REGION_FINDER = {"tahapan.schedule.region_lookup"}
#: the user's folders are worked out without platformdirs (Linux, XDG set, as in the tests), and
#: a run with no config file and a cached catalog parses no TOML
MACHINE = {"platformdirs", "tomllib"}
#: the other commands' reports and the day counting they need: `check` prints plain lines
OTHER_REPORTS = {
    "tahapan.reports.calc",
    "tahapan.reports.pace",
    "tahapan.reports.files",
    "tahapan.reports.stages",
    "tahapan.days.calc",
    "tahapan.days.workdays",
    "tahapan.days.pace",
}
#: and what came with them alone (Rich loads random itself)
CRON = NEVER | SCHEMA | HELP | REGION_FINDER | MACHINE | {"rich", "tempfile", "random"}

CASES = {
    "status": (("status", *ON), NEVER | SCHEMA | HELP | REGION_FINDER | MACHINE),
    "status --json": (("status", *ON, "--json"), CRON),
    "check": (("check", "--within", "7", "-q", *ON), CRON | OTHER_REPORTS),
    "check, printed": (("check", "--within", "7", *ON), CRON | OTHER_REPORTS),
    "--help": (("--help",), NEVER | SCHEMA),
}


def loaded(*args: str) -> set[str]:
    modules_loaded_by(*args)  # the first run fills the cache, as the first run of a day does
    return modules_loaded_by(*args)


@pytest.mark.parametrize("case", list(CASES))
def test_a_run_imports_only_what_it_uses(case):
    args, unwanted = CASES[case]
    modules = loaded(*args)
    tops = {name.split(".")[0] for name in modules}
    assert not (unwanted & (modules | tops)), sorted(unwanted & (modules | tops))


def test_the_guard_sees_what_a_run_does_use():
    """The same probe finds the modules a run needs: the region finder with -r, rich for the
    terminal view, the help texts for Indonesian help."""
    assert "tahapan.schedule.region_lookup" in loaded("status", *ON, "-r", "Kota Kediri")
    assert "rich" in {m.split(".")[0] for m in loaded("status", *ON)}
    assert "tahapan.cli.help_id" in loaded("status", "--help")
    assert "tahapan.reports.stages" in loaded("check", "--active", "kampanye", *ON)


def test_help_drawn_once_is_printed_without_typer():
    """The root help builds every command the first time; after that the kept page is printed,
    with none of typer, the commands, their help texts or the schedules loaded."""
    first = modules_loaded_by("--help")
    assert {"typer", "tahapan.cli.commands.status", "tahapan.cli.help_id"} <= first
    again = modules_loaded_by("--help")
    tops = {name.split(".")[0] for name in again}
    assert not tops & {"typer", "rich", "pydantic"}, sorted(tops & {"typer", "rich", "pydantic"})
    assert not {m for m in again if m.startswith(("tahapan.cli.commands", "tahapan.cli.help_id"))}
    assert not {m for m in again if m.startswith(("tahapan.schedule.load", "tahapan.reports"))}


def decoded_regions(*args: str) -> bool:
    """Whether a run (a second one, the cache filled) decoded the list of regions from the cache."""
    code = (
        "import atexit, sys\n"
        "from tahapan.schedule import cache\n"
        "seen, real = [], cache.decode_regions\n"
        "cache.decode_regions = lambda *a: seen.append(a) or real(*a)\n"
        "atexit.register(lambda: print(bool(seen), file=sys.stderr))\n"
        f"sys.argv = ['tahapan', *{list(args)!r}]; from tahapan.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
    )
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return done.stderr.splitlines()[-1] == "True"


def test_the_region_list_is_read_only_when_a_region_is_asked_for():
    assert not decoded_regions("status", *ON)
    assert not decoded_regions("check", "--within", "7", "-q", *ON)
    assert decoded_regions("status", *ON, "-r", "Kota Kediri")
