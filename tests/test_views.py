"""The view table (render/views.py): every (result class, format) a command can ask for has a view,
every view is one a command can ask for, and each line's name is the class its view takes."""

from __future__ import annotations

import typing

import pytest

from tahapan.cli.commands.calendar import CalendarFormat
from tahapan.cli.commands.export import ExportFormat
from tahapan.render import views
from tahapan.render.formats import Format, format_named
from tahapan.reports.calc import CalcReport
from tahapan.reports.calendar import CalendarReport
from tahapan.reports.cases import CaseEdit, CaseReport, CasesReport, ChainsReport
from tahapan.reports.changes import ChangesReport
from tahapan.reports.check import CheckReport
from tahapan.reports.data import SourcesReport
from tahapan.reports.edits import EditReport
from tahapan.reports.export import ScheduleExport
from tahapan.reports.files import RegionsReport, ValidateReport
from tahapan.reports.installing import UpdateReport
from tahapan.reports.pace import PaceReport
from tahapan.reports.settings import SettingsReport
from tahapan.reports.stages import ListReport, ShowReport
from tahapan.reports.status import StatusReport

#: what each command draws in the terminal format (`--json` is JSON for all of them)
TERM = [
    StatusReport, ListReport, ShowReport, CheckReport, CalcReport, PaceReport, ValidateReport,
    RegionsReport, ChangesReport, SourcesReport, UpdateReport, CaseReport, CasesReport,
    ChainsReport, CaseEdit, CalendarReport, EditReport, SettingsReport,
]  # fmt: skip
#: calendar: its grids, and its rows (ics, csv) from the export's result
GRIDS = {CalendarFormat.term, CalendarFormat.pdf, CalendarFormat.html}
ROWS = {CalendarFormat.ics, CalendarFormat.csv}


def asked() -> set[tuple[type, str, bool]]:
    """Every (result class, format, written with -o) a command can ask render() for, but JSON."""
    assert set(CalendarFormat) == GRIDS | ROWS | {CalendarFormat.json}  # a new -f needs a line
    pairs = {(cls, "term", False) for cls in TERM}
    pairs |= {(CalendarReport, f.value, True) for f in GRIDS}  # -o FILE
    pairs |= {(CalendarReport, f.value, False) for f in GRIDS}
    pairs |= {(ScheduleExport, f.value, file) for f in ROWS for file in (False, True)}
    pairs |= {(ScheduleExport, f.value, file) for f in ExportFormat for file in (False, True)}
    return pairs


def _drawn(result, format, file):
    """The view render() takes for an instance of ``result`` (made without running __init__)."""
    return views.find(object.__new__(result), format_named(format), file=file)


@pytest.mark.parametrize(
    ("result", "format", "file"),
    sorted(asked(), key=lambda p: (p[0].__name__, p[1], p[2])),
    ids=lambda v: v.__name__ if isinstance(v, type) else str(v),
)
def test_every_pair_a_command_asks_for_has_its_view(result, format, file):
    view = _drawn(result, format, file)
    assert _takes(view) is result


def test_every_view_is_asked_for():
    reached = {_drawn(*pair) for pair in asked()}
    assert set(views.VIEWS.values()) == reached


def test_the_terminal_calendar_into_a_file_has_its_own_view():
    assert _drawn(CalendarReport, "term", True) is views.calendar_file
    assert _drawn(CalendarReport, "term", False) is views.calendar


def test_each_line_is_keyed_by_the_class_its_view_takes():
    for (name, format, _), view in views.VIEWS.items():
        assert _takes(view).__name__ == name
        assert format in typing.get_args(Format)


def test_one_name_per_format():
    assert typing.get_args(Format) == ("term", "json", "pdf", "html", "ics", "csv", "toml", "xlsx")
    with pytest.raises(ValueError, match="no format 'text'"):
        format_named("text")
    with pytest.raises(KeyError):
        views.find(object.__new__(StatusReport), "pdf")


def _takes(view) -> type:
    """The class of a view's one parameter, from its annotation (which names it as a string)."""
    classes = {cls.__name__: cls for cls in [*TERM, ScheduleExport]}
    hints = typing.get_type_hints(view, localns=classes)
    (parameter,) = (v for k, v in hints.items() if k != "return")
    return parameter
