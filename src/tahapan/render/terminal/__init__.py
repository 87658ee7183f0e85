"""The terminal views, drawn with Rich (imported only here): the console and what the views share.

The views themselves: ``status`` (status), ``stages`` (list and show); the calendar's grid is
``render/calendar_term.py``.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from tahapan.days import timeline as tl
from tahapan.errors import ExitCode
from tahapan.i18n import date_mark, days, election_mark, format_date, h_label, pick, tr
from tahapan.model import ZONE_SHORT, Election, Stage
from tahapan.render.lines import MAX_WIDTH, MIN_WIDTH, wrap
from tahapan.reports.stages import ListReport, ShowReport
from tahapan.reports.status import StatusReport

if TYPE_CHECKING:
    from tahapan.reports.calendar import CalendarReport

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
    console.print(view(report, narrow=console.width < NARROW))


def show_view(report: ShowReport) -> None:
    from tahapan.render.terminal.stages import show_view as view

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


def stage_name(stage: Stage) -> str:
    return pick(stage.name, stage.name_en)


def election_name(election: Election) -> str:
    return pick(election.name, election.name_en)


def zone_label(zone: str) -> str:
    short = ZONE_SHORT.get(zone)
    return f"{short} ({zone})" if short else zone


def countdown(election: Election, on_h: int | None) -> str:
    if election.voting_day is None or on_h is None:
        from tahapan.render.words import no_voting_day

        return no_voting_day(election)
    voting = format_date(election.voting_day, weekday=True)
    if on_h < 0:
        return tr(
            f"pemungutan suara {voting}, {-on_h} hari lagi",
            f"voting day {voting}, in {days(-on_h)}",
        )
    if on_h == 0:
        return tr(f"hari ini pemungutan suara, {voting}", f"voting day today, {voting}")
    return tr(
        f"pemungutan suara {voting}, {on_h} hari lalu", f"voting day {voting}, {days(on_h)} ago"
    )


def progress_bar(done: int, total: int, width: int = 12) -> Text:
    # Drawn with two glyphs, not colour alone, so it still reads in a pipe, a log or a printout.
    filled = min(width, max(1, round(width * done / total)))
    return Text.assemble(("█" * filled, "green"), ("░" * (width - filled), "dim"))


def tree_prefix(depth: int) -> str:
    """A stage's place in the tree before its name: "", "  └ ", "    └ "."""
    return "  " * depth + ("└ " if depth else "")


def indent(ref: tl.StageRef, *, mark: bool = False) -> Text:
    # the tree prefix alone is faint: a style given to Text() would be the whole line's base
    text = Text()
    text.append(tree_prefix(ref.depth), style="dim")
    text.append(stage_name(ref.stage))
    if mark:
        text.append_text(projected(ref.stage, ref.election))
    return text


class Prose:
    """A paragraph that names commands to copy: wrapped to the width it is given, a command kept
    on one line, or broken between its arguments with a shell continuation (render/lines.py)."""

    def __init__(self, text: str, style: str = "") -> None:
        self.text, self.style = text, style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in wrap(self.text, options.max_width, rest=""):
            # already fitted: Rich is not to wrap again (a value longer than the line runs on)
            yield Text(line, style=self.style, no_wrap=True, overflow="ignore")


def projected(stage: Stage, election: Election) -> Text:
    """' (proyeksi)' or ' (asumsi kantor)' after a stage's name, where no confidence column says so."""
    word = date_mark(stage, election)
    return Text(f" ({word})", style="yellow") if word else Text("")


def panel_title(election: Election, h: int | None, gap: str) -> Text:
    title = Text.assemble((election_name(election), "bold"))
    if h is not None:
        title.append_text(Text.assemble(gap, (h_label(h), "bold cyan")))
    word = election_mark(election)
    if word:
        title.append(gap + word.upper(), style="bold yellow")
    return title
