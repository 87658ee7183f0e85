"""`tahapan calendar`: month grids to print or pin up, and exports for phones and spreadsheets."""

from __future__ import annotations

from dataclasses import replace
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
from tahapan.reports.export import ScheduleExport

if TYPE_CHECKING:
    from datetime import date

    from tahapan.cli.options import Session
    from tahapan.days.pins import Pin
    from tahapan.model import Election


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
    from tahapan.days import monthgrid, months
    from tahapan.days.timeline import near_elections
    from tahapan.schedule.select import pick_elections

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
    from tahapan.schedule.recurrence import around, expand_all

    # repeating stages as their occurrences near the date, to choose elections and months by
    near = expand_all(catalog.elections, *around(today, 400, 800))
    # without -e every loaded election may have a stage in the months shown (the calendar names
    # only those that do); the default months still come from the elections near the date
    chosen = (
        pick_elections(catalog, session.elections) if session.elections else list(catalog.elections)
    )
    ids = {e.id for e in near_elections(near, today)}
    nearby = chosen if session.elections else [e for e in chosen if e.id in ids] or chosen
    # H-30 .. H count from the voting day of the one election chosen, as --on does
    voting_day = chosen[0].voting_day if session.elections and len(chosen) == 1 else None
    asked = months.requested_range(month, year, start, end, today, voting_day)
    if format in (CalendarFormat.ics, CalendarFormat.csv):
        from tahapan.days.dates import now
        from tahapan.days.months import within

        if asked is not None:  # only the elections with a stage in the months, as in the grids
            kept = [within(e, *asked) for e in chosen]
            chosen = [e for e in kept if any(s.held for _, s in e.walk())]
        else:
            chosen = nearby
        if format == CalendarFormat.csv:  # a row per occurrence; iCalendar keeps the rule
            chosen = expand_all(chosen, *(months.month_bounds(*asked) if asked else around(today)))
        from tahapan.reports.export import left_out

        if max_days is not None:
            say_left_out(chosen, max_days)
        if not any(s.held and not left_out(s, max_days) for e in chosen for _, s in e.walk()):
            from tahapan.errors import TahapanError

            raise TahapanError(
                tr(
                    "tidak ada tahapan untuk kalender ini (pemilu yang belum memiliki tahapan, "
                    "atau bulan tanpa tahapan)",
                    "no stage for this calendar (an election with no stages yet, or months "
                    "without any)",
                ),
                hint=tr("Pilih pemilu atau bulan lain.", "Choose another election or months."),
            )
        export = ScheduleExport(
            chosen, stamp=now(session.zone), alarm_days=tuple(alarm or ()), max_days=max_days
        )
        if pins:
            export.pins = shown_pins(pins, *(months.month_bounds(*asked) if asked else ()))
        if format == CalendarFormat.ics:
            from tahapan.reports.versions import current_versions

            export.versions = current_versions(
                session.loaded or session.catalog, chosen, export.stamp
            )
        return render(export, format_named(format.value), output)
    first, last = asked or months.default_range(expand_all(nearby, *around(today)), today)
    chosen = expand_all(chosen, *months.month_bounds(first, last))
    # "made on" is the real day, whatever date --on looks at
    report = monthgrid.build(
        chosen, first, last, generated=session.today, region=session.region, one_page=one_page
    )
    if pins is not None:
        report = replace(report, pins=shown_pins(pins, report.first, report.last))
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


def shown_pins(
    pins: tuple[Pin, ...], first: date | None = None, last: date | None = None
) -> tuple[Pin, ...]:
    """The pins from ``first`` to ``last`` (every one without them); how many fall outside, on
    stderr: a calendar without them is not mistaken for every deadline."""
    from datetime import date as day

    from tahapan.cli.streams import say
    from tahapan.days.pins import within

    kept = within(pins, first or day.min, last or day.max)
    outside = len(pins) - len(kept)
    if outside:
        say(
            tr(
                f"--cases: {outside} tenggat kasus di luar bulan yang ditampilkan "
                "(semuanya: tahapan kasus)",
                f"--cases: {outside} case {'deadline' if outside == 1 else 'deadlines'} outside "
                "the months shown (all of them: tahapan kasus)",
            )
        )
    return kept


def say_left_out(elections: list[Election], max_days: int) -> None:
    """How many stages --max-days leaves out, on stderr: a calendar without them is not mistaken
    for the whole schedule."""
    from tahapan.cli.streams import say
    from tahapan.reports.export import count_left_out

    n = count_left_out(elections, max_days)
    if not n:  # nothing was left out: the calendar is whole, and nothing needs saying
        return
    say(
        tr(
            f"--max-days {max_days}: {n} tahapan yang lebih panjang dari {max_days} hari tidak "
            "dimuat di kalender",
            f"--max-days {max_days}: {n} {'stage' if n == 1 else 'stages'} longer than "
            f"{max_days} days left out of the calendar",
        )
    )
