"""`tahapan calendar`: month grids to print or pin up, and exports for phones and spreadsheets."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from tahapan.cli.help import h, helped
from tahapan.cli.options import (
    AlarmOpt,
    DataOpt,
    ElectionOpt,
    FromOpt,
    LangOpt,
    MonthOpt,
    OnOpt,
    OutputOpt,
    QuietOpt,
    RegionOpt,
    ToOpt,
    TzOpt,
    YearOpt,
    open_session,
    resolve_on,
)
from tahapan.i18n import tr
from tahapan.render import format_named, render

if TYPE_CHECKING:
    from datetime import date

    from tahapan.cli.options import Session
    from tahapan.days.pins import Pin
    from tahapan.model import Election
    from tahapan.reports.calendar import Notice


class CalendarFormat(StrEnum):
    term = "term"
    pdf = "pdf"
    html = "html"
    ics = "ics"
    csv = "csv"
    json = "json"


#: the format -o FILE's extension asks for when -f is not given
SUFFIXES = {
    ".pdf": CalendarFormat.pdf,
    ".html": CalendarFormat.html,
    ".htm": CalendarFormat.html,
    ".ics": CalendarFormat.ics,
    ".csv": CalendarFormat.csv,
    ".json": CalendarFormat.json,
}


@helped("calendar")
def command(
    month: MonthOpt = None,
    year: YearOpt = None,
    start: FromOpt = None,
    end: ToOpt = None,
    format: Annotated[
        CalendarFormat | None,
        typer.Option(
            "--format",
            "-f",
            help=h(
                "calendar.format",
                "term, pdf, html, ics, csv or json. Default: from the extension of -o FILE (.pdf, .html...), else term.",
            ),
            show_default=False,
        ),
    ] = None,
    output: OutputOpt = None,
    one_page: Annotated[
        bool,
        typer.Option(
            "--one-page",
            help=h(
                "calendar.one-page",
                "pdf: each month on one A4 sheet, set smaller (no text under 7 pt) and the key in "
                "three columns; what still does not fit is left out and named on stderr.",
            ),
        ),
    ] = False,
    alarm: AlarmOpt = None,
    max_days: Annotated[
        int | None,
        typer.Option(
            "--max-days",
            metavar="DAYS",
            min=1,
            help=h(
                "calendar.max-days",
                "ics: leave out stages longer than DAYS days (multi-year background stages such "
                "as planning), so that they do not cover a phone calendar; stderr says how many.",
            ),
            show_default=False,
        ),
    ] = None,
    cases: Annotated[
        bool,
        typer.Option(
            "--cases",
            help=h(
                "calendar.cases",
                "Also your open cases' deadlines (`tahapan kasus`): marked on their day in the "
                "grids, each a private event in ics (not in csv). Cases are private: shown only when "
                "asked.",
            ),
        ),
    ] = False,
    election: ElectionOpt = None,
    on: OnOpt = None,
    region: RegionOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    quiet: QuietOpt = False,
    data: DataOpt = None,
) -> int:
    """Stage calendar: month grids (Senin-Minggu) in the terminal, PDF or HTML; iCalendar, CSV, JSON.

    Default months: from this month (or --on's) to the one the next stage starts in. ics and csv hold every stage of
    the chosen elections unless months are given.
    """
    if format is None:  # `-o kalender.pdf` means a PDF, not text in a file named .pdf
        format = (
            SUFFIXES.get(output.suffix.lower(), CalendarFormat.term)
            if output
            else CalendarFormat.term
        )
    if max_days is not None and format != CalendarFormat.ics:
        from tahapan.errors import TahapanError

        raise TahapanError(
            tr(
                f"--max-days hanya untuk kalender ponsel (-f ics), bukan -f {format.value}",
                f"--max-days is for phone calendars only (-f ics), not -f {format.value}",
            ),
            hint=tr(
                "Contoh: tahapan calendar -f ics --max-days 365 -o jadwal.ics",
                "E.g. tahapan calendar -f ics --max-days 365 -o schedule.ics",
            ),
        )
    if cases and format == CalendarFormat.csv:
        from tahapan.errors import TahapanError

        raise TahapanError(
            tr(
                "--cases tidak untuk -f csv (berkas jadwal yang dapat diimpor kembali)",
                "--cases is not for -f csv (a schedule file to import again)",
            ),
            hint=tr("Pakai -f ics, html, pdf atau json.", "Use -f ics, html, pdf or json."),
        )
    session = open_session(data=data, lang=lang, tz=tz, elections=election, region=region)
    catalog = session.catalog
    today = resolve_on(session, on)
    if one_page and format != CalendarFormat.pdf:
        from tahapan.errors import TahapanError

        raise TahapanError(
            tr(
                f"--one-page hanya untuk PDF, bukan {format.value}",
                f"--one-page is for a PDF only, not {format.value}",
            ),
            hint=tr("Tambahkan -f pdf atau -o BERKAS.pdf.", "Add -f pdf or -o FILE.pdf."),
        )
    pins = (open_case_pins(session, today) or ()) if cases else None
    from tahapan.reports.calendar import Asked, calendar_export, calendar_report

    asked = Asked(month, year, start, end)
    ids = session.elections or ()
    if format in (CalendarFormat.ics, CalendarFormat.csv):
        from tahapan.days.dates import now

        export = calendar_export(catalog, ids, asked, today=today, stamp=now(session.zone),
                                 rows=format == CalendarFormat.csv, alarm_days=tuple(alarm or ()),
                                 max_days=max_days, pins=pins, loaded=session.loaded,
                                 notice=_notice(max_days))  # fmt: skip
        return render(export, format_named(format.value), output)
    report = calendar_report(catalog, ids, asked, today=today, generated=session.today,
                             region=session.region, one_page=one_page, pins=pins,
                             notice=_notice(max_days))  # fmt: skip
    # the terminal's grid sizes itself to the screen; into a file (-o) it is 80 columns of plain text
    return render(report, format_named(format.value), output)


def open_case_pins(session: Session, day: date) -> tuple[Pin, ...] | None:
    """The open cases' deadlines not met on ``day`` (`--cases`); None, said on stderr, when the
    user keeps no cases file."""
    from datetime import UTC, datetime

    from tahapan.cli.streams import say
    from tahapan.config import cases_file, has_cases

    if not has_cases():
        say(
            tr(
                f"--cases: belum ada berkas kasus ({cases_file()}); tambahkan kasus dengan "
                "`tahapan kasus add`",
                f"--cases: no cases file yet ({cases_file()}); add a case with `tahapan kasus add`",
            )
        )
        return None
    from tahapan.cli.case_session import open_cases
    from tahapan.render.case_marks import case_pins

    reports = open_cases(session, day)
    # the file's last change: the same cases give the same events, and a change a newer stamp
    changed = datetime.fromtimestamp(int(cases_file().stat().st_mtime), UTC)
    return case_pins(reports, modified=changed)


def say_left_out(elections: list[Election], max_days: int) -> None:
    """How many stages --max-days leaves out, on stderr (`publish`)."""
    from tahapan.reports.export import count_left_out

    n = count_left_out(elections, max_days)
    if n:  # nothing was left out: the calendar is whole, and nothing needs saying
        _notice(max_days)("left-out", n)


def _notice(max_days: int | None) -> Notice:
    """What a calendar leaves out, said on stderr: a calendar without it is not mistaken for the
    whole schedule, or for every deadline."""
    from tahapan.cli.streams import say

    def notice(kind: str, n: int) -> None:
        if kind == "left-out":
            say(
                tr(
                    f"--max-days {max_days}: {n} tahapan yang lebih panjang dari {max_days} hari "
                    "tidak dimuat di kalender",
                    f"--max-days {max_days}: {n} {'stage' if n == 1 else 'stages'} longer than "
                    f"{max_days} days left out of the calendar",
                )
            )
        else:
            say(
                tr(
                    f"--cases: {n} tenggat kasus di luar bulan yang ditampilkan "
                    "(semuanya: tahapan kasus)",
                    f"--cases: {n} case {'deadline' if n == 1 else 'deadlines'} outside "
                    "the months shown (all of them: tahapan kasus)",
                )
            )

    return notice
