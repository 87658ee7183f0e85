"""The terminal views, drawn with Rich (imported only here): the console each view prints to.

The views themselves: ``status`` (status), ``stages`` (list and show), with what they share in
``parts``; the calendar's grid is ``render/calendar_term.py``.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from rich.console import Console

from tahapan.errors import ExitCode
from tahapan.render.lines import MAX_WIDTH, MIN_WIDTH

if TYPE_CHECKING:  # for the annotations only: `status` loads no stage reports
    from tahapan.reports.calendar import CalendarReport
    from tahapan.reports.stages import ListReport, ShowReport
    from tahapan.reports.status import StatusReport

#: below this width the status view stacks each stage's figures under its name instead of in columns
NARROW = 64


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # Rich exits 1 here, which a script would read as "attention"; use the SIGPIPE status instead
        self.quiet = True
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(int(ExitCode.BROKEN_PIPE))


def _plain_requested() -> bool:
    # Rich alone drops colours for NO_COLOR but keeps bold and dim; officers asked for no escapes at all
    return bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"


def _console() -> Console:
    # text from schedule files is printed as written: no [markup] and no :emoji: codes in it
    console = _Console(
        highlight=False,
        markup=False,
        emoji=False,
        color_system=None if _plain_requested() else "auto",
    )
    # COLUMNS=99999999 would make Rich lay out lines for ever; no wall is that wide
    console.width = min(max(console.width, MIN_WIDTH), MAX_WIDTH)
    return console


def status_view(report: StatusReport) -> None:
    from tahapan.render.terminal.status import view

    console = _console()
    console.print(view(report, narrow=console.width < NARROW))


def list_view(report: ListReport) -> None:
    from tahapan.render.terminal.stages import list_view as view

    console = _console()
    # every line is drawn to the width already: cutting each again costs a national list seconds
    for part in view(report, narrow=console.width < NARROW):
        console.print(part, crop=False)


def show_view(report: ShowReport) -> None:
    from tahapan.render.terminal.show import show_view as view

    _console().print(view(report))


def calendar_view(report: CalendarReport) -> None:
    from tahapan.render.calendar_term import view  # loaded only for the calendar

    console = _console()
    console.print(view(report, console.width))


def calendar_text(report: CalendarReport) -> str:
    """The terminal calendar as plain text for a file (-o): 80 columns, no colour codes."""
    import io

    from tahapan.render.calendar_term import view

    out = io.StringIO()
    console = Console(
        file=out, width=80, color_system=None, highlight=False, markup=False, emoji=False
    )
    console.print(view(report, console.width))
    return out.getvalue()
