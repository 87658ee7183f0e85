"""Which function draws which result in which format: one ``@view`` function a line.

Each line is typed with the result class it draws, so mypy checks that the view it calls takes
that result; the view's module (Rich, the PDF writer, icalendar, the xlsx writer) is imported inside, only
when a result is drawn. The classes are imported for the type checker alone: a result's own class is
loaded when it is drawn, and loading the others would cost every run (start-up matters). At run time
a result finds its line by its class's name, read from the annotation;
tests/test_views.py holds each name to its class and each command's formats to a line.

A view returns the text or bytes to write (to stdout or -o), or None when it has printed itself (a
Rich view sizes itself to the terminal).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from tahapan.render.formats import Content, Format

if TYPE_CHECKING:
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

R = TypeVar("R")

#: (result class name, format, into a file) -> view; "into a file" is the terminal view written
#: with -o, where there is no terminal to size it to
VIEWS: dict[tuple[str, Format, bool], Callable[[Any], Content]] = {}


def view(
    format: Format, *, file: bool = False
) -> Callable[[Callable[[R], Content]], Callable[[R], Content]]:
    """Register the decorated function as the view of its parameter's class in ``format``."""

    def register(function: Callable[[R], Content]) -> Callable[[R], Content]:
        # `from __future__ import annotations`: the class's name as written, nothing imported
        name = next(iter(function.__annotations__.values()))
        VIEWS[name, format, file] = function
        return function

    return register


def find(result: object, format: Format, *, file: bool = False) -> Callable[[Any], Content]:
    """The view of ``result`` in ``format`` (``file``: written with -o); KeyError when none."""
    name = type(result).__name__
    return VIEWS.get((name, format, file)) or VIEWS[name, format, False]


@view("term")
def status(result: StatusReport) -> Content:
    from tahapan.render.terminal import status_view

    status_view(result)  # printed itself
    return None


@view("term")
def stage_list(result: ListReport) -> Content:
    from tahapan.render.terminal import list_view

    list_view(result)  # printed itself
    return None


@view("term")
def stage_show(result: ShowReport) -> Content:
    from tahapan.render.terminal import show_view

    show_view(result)  # printed itself
    return None


@view("term")
def check(result: CheckReport) -> Content:
    from tahapan.render.plain import check_text

    return check_text(result)


@view("term")
def calc(result: CalcReport) -> Content:
    from tahapan.render.plain import calc_text

    return calc_text(result)


@view("term")
def pace(result: PaceReport) -> Content:
    from tahapan.render.plain import pace_text

    return pace_text(result)


@view("term")
def validate(result: ValidateReport) -> Content:
    from tahapan.render.plain import validate_text

    validate_text(result)  # printed itself
    return None


@view("term")
def regions(result: RegionsReport) -> Content:
    from tahapan.render.plain import regions_text

    return regions_text(result)


@view("term")
def changes(result: ChangesReport) -> Content:
    from tahapan.render.changes import changes_text

    return changes_text(result)


@view("term")
def sources(result: SourcesReport) -> Content:
    from tahapan.render.data import sources_text

    return sources_text(result)


@view("term")
def update(result: UpdateReport) -> Content:
    from tahapan.render.data import update_text

    return update_text(result)


@view("term")
def case(result: CaseReport) -> Content:
    from tahapan.render.cases import case_text

    return case_text(result)


@view("term")
def cases(result: CasesReport) -> Content:
    from tahapan.render.cases import cases_text

    return cases_text(result)


@view("term")
def case_edit(result: CaseEdit) -> Content:
    from tahapan.render.cases import edit_text

    return edit_text(result)


@view("term")
def settings(result: SettingsReport) -> Content:
    from tahapan.render.settings import settings_text

    return settings_text(result)


@view("term")
def edit(result: EditReport) -> Content:
    from tahapan.render.edits import edit_text

    return edit_text(result)


@view("term")
def chains(result: ChainsReport) -> Content:
    from tahapan.render.chains import chains_text

    return chains_text(result)


@view("term")
def calendar(result: CalendarReport) -> Content:
    from tahapan.render.terminal import calendar_view

    calendar_view(result)  # printed itself
    return None


@view("term", file=True)
def calendar_file(result: CalendarReport) -> Content:
    from tahapan.render.terminal import calendar_text

    return calendar_text(result)


@view("pdf")
def calendar_pdf(result: CalendarReport) -> Content:
    from tahapan.render.calendar_pdf import write_pdf

    return write_pdf(result)


@view("html")
def calendar_html(result: CalendarReport) -> Content:
    from tahapan.render.calendar_html import write_html

    return write_html(result)


@view("toml")
def schedule_toml(result: ScheduleExport) -> Content:
    from tahapan.render.files import toml_text

    return toml_text(result)


@view("csv")
def schedule_csv(result: ScheduleExport) -> Content:
    from tahapan.render.files import csv_text

    return csv_text(result)


@view("ics")
def schedule_ics(result: ScheduleExport) -> Content:
    from tahapan.render.files import ics_text

    return ics_text(result)


@view("xlsx")
def schedule_xlsx(result: ScheduleExport) -> Content:
    from tahapan.render.workbook import xlsx_bytes

    return xlsx_bytes(result)
