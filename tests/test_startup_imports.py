"""Start-up is guarded by what a run imports, not by a stopwatch: each module below costs every cron
run and every morning's `status` when it is loaded without being used."""

from __future__ import annotations

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

CASES = {
    "status": (("status", *ON), NEVER | SCHEMA | HELP | REGION_FINDER),
    "status --json": (("status", *ON, "--json"), NEVER | SCHEMA | HELP | REGION_FINDER | {"rich"}),
    "check": (
        ("check", "--within", "7", "-q", *ON),
        NEVER | SCHEMA | HELP | REGION_FINDER | {"rich"},
    ),
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
