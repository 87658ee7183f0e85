"""The terminal view of each report, drawn with Rich (imported only here)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from tahapan.days import timeline as tl
from tahapan.errors import ExitCode
from tahapan.i18n import (
    PROJECTED,
    confidence_mark,
    days,
    format_date,
    format_range,
    h_label,
    pick,
    projection_note,
    tr,
)
from tahapan.model import CONFIDENCE_TEXT, Election, Stage
from tahapan.reports.stages import ListReport, ShowReport
from tahapan.reports.status import StatusReport

if TYPE_CHECKING:
    from tahapan.days.monthgrid import CalendarReport

#: below this width the status view stacks each stage's figures under its name instead of in columns
NARROW = 64
ZONE_SHORT = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


#: the widths a terminal view is laid out for, whatever COLUMNS says
MIN_WIDTH, MAX_WIDTH = 20, 400


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
    console = _console()
    console.print(_status(report, narrow=console.width < NARROW))


def list_view(report: ListReport) -> None:
    console = _console()
    console.print(_list(report, narrow=console.width < NARROW))


def show_view(report: ShowReport) -> None:
    _console().print(_show(report))


def calendar_view(report: CalendarReport) -> None:
    from tahapan.render.calendar_term import view  # loaded only for the calendar

    _console().print(view(report))


def _name(stage: Stage) -> str:
    return pick(stage.name, stage.name_en)


def _election_name(election: Election) -> str:
    return pick(election.name, election.name_en)


def _zone(zone: str) -> str:
    short = ZONE_SHORT.get(zone)
    return f"{short} ({zone})" if short else zone


def _countdown(election: Election, on_h: int) -> str:
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


def _bar(done: int, total: int, width: int = 12) -> Text:
    # Drawn with two glyphs, not colour alone, so it still reads in a pipe, a log or a printout.
    filled = min(width, max(1, round(width * done / total)))
    return Text.assemble(("█" * filled, "green"), ("░" * (width - filled), "dim"))


def _indent(ref: tl.StageRef, *, mark: bool = False) -> Text:
    text = Text("  " * ref.depth + ("└ " if ref.depth else ""), style="dim")
    text.append(_name(ref.stage))
    if mark:
        text.append_text(_projected(ref.stage))
    return text


def _projected(stage: Stage) -> Text:
    """' (proyeksi)' after a projected stage's name, where no confidence column says so."""
    return Text(f" ({tr(*PROJECTED)})", style="yellow") if stage.projected else Text("")


def _title(election: Election, h: int, gap: str) -> Text:
    title = Text.assemble((_election_name(election), "bold"), gap, (h_label(h), "bold cyan"))
    if any(s.projected for _, s in election.walk()):
        title.append(gap + tr(*PROJECTED).upper(), style="bold yellow")
    return title


# ----------------------------------------------------------------------------------------------- status


def _status(report: StatusReport, *, narrow: bool = False) -> Group:
    zone = ZONE_SHORT.get(report.timezone, report.timezone) if narrow else _zone(report.timezone)
    header = Text.assemble((format_date(report.date, weekday=True), "bold"), "  ·  ", (zone, "dim"))
    if report.region is not None:
        header.append("  ·  ")
        header.append(report.region.name, style="bold cyan")
    parts: list[Any] = [header]
    if not report.elections:
        parts.append(_nothing_near(report, narrow=narrow))
    for es in report.elections:
        parts.append(_election_status_narrow(es) if narrow else _election_status(es, report))
    return Group(*parts)


def _left(days_left: int) -> Text:
    if days_left == 0:
        return Text(tr("hari terakhir", "last day"), style="bold yellow")
    return Text(tr(f"sisa {days_left} hari", f"{days(days_left)} left"))


def _election_status_narrow(es: Any) -> Panel:
    """One stage per two lines: the name, then its figures; nothing is cut at 40 columns."""
    lines: list[Any] = [Text(_countdown(es.election, es.h), style="dim")]
    if es.active:
        lines.append(Text(tr("Sedang berjalan", "Running now"), style="bold"))
    for a in es.active:
        figures = Text("  ")
        if a.day is not None and a.days_total is not None:
            figures.append_text(_bar(a.day, a.days_total, width=8))
            figures.append(f" {a.day}/{a.days_total} · ")
        figures.append_text(_left(a.days_left))
        lines.extend([_indent(a.ref, mark=True), figures])
    if not es.active:
        lines.append(Text(tr("Tidak ada tahapan berjalan.", "No stage runs."), style="dim"))
    if es.upcoming:
        lines.append(Text(tr("Berikutnya", "Next"), style="bold"))
    for u in es.upcoming:
        start = u.ref.stage.start
        when = tr("besok", "tomorrow") if u.days_until == 1 else days(u.days_until)
        lines.extend(
            [
                Text(_name(u.ref.stage)) + _projected(u.ref.stage),
                Text(
                    f"  {format_date(start, short=True)} · {h_label(tl.h_day(es.election, start))} · {when}",
                    style="dim",
                ),
            ]
        )
    title = _title(es.election, es.h, " ")
    return Panel(Group(*lines), title=title, title_align="left", box=box.SQUARE, padding=(0, 1))


def _election_status(es: Any, report: StatusReport) -> Panel:
    rows: list[Any] = []
    if es.active:
        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False, expand=True)
        table.add_column(tr("Sedang berjalan", "Running now"), ratio=1, overflow="fold")
        table.add_column("", width=12, no_wrap=True)
        table.add_column(tr("Hari", "Day"), justify="right", no_wrap=True)
        table.add_column(tr("Sisa", "Left"), justify="right", no_wrap=True)
        for a in es.active:
            if a.day is None or a.days_total is None:
                bar: Any = Text(tr("mulai ?", "start ?"), style="dim")
                day = "?"
            else:
                bar = _bar(a.day, a.days_total)
                day = f"{a.day}/{a.days_total}"
            left = (
                Text(tr("hari terakhir", "last day"), style="bold yellow")
                if a.days_left == 0
                else days(a.days_left)
            )
            table.add_row(_indent(a.ref, mark=True), bar, day, left)
        rows.append(table)
    else:
        rows.append(
            Text(
                tr(
                    "Tidak ada tahapan yang berjalan pada tanggal ini.",
                    "No stage runs on this date.",
                ),
                style="dim",
            )
        )
    if es.upcoming:
        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False, expand=True)
        table.add_column(tr("Berikutnya", "Next"), ratio=1, overflow="fold")
        table.add_column(tr("Mulai", "Starts"), no_wrap=True)
        table.add_column("H", justify="right", no_wrap=True)
        table.add_column(tr("Dalam", "In"), justify="right", no_wrap=True)
        for u in es.upcoming:
            start = u.ref.stage.start
            table.add_row(
                _indent(u.ref, mark=True)
                if u.ref.depth == 0
                else Text(_name(u.ref.stage)) + _projected(u.ref.stage),
                format_date(start, short=True),
                h_label(tl.h_day(es.election, start)),
                tr("besok", "tomorrow") if u.days_until == 1 else days(u.days_until),
            )
        rows.append(Padding(table, (1, 0, 0, 0)))
    if es.ended:
        ended = Text(tr("Baru berakhir: ", "Just ended: "), style="dim")
        for i, e in enumerate(es.ended):
            if i:
                ended.append("; ", style="dim")
            ago = (
                tr("kemarin", "yesterday")
                if e.days_since == 1
                else tr(f"{e.days_since} hari lalu", f"{days(e.days_since)} ago")
            )
            ended.append(f"{_name(e.ref.stage)} ({ago})", style="dim")
        rows.append(Padding(ended, (1, 0, 0, 0)))
    title = _title(es.election, es.h, "  ")
    subtitle = Text(_countdown(es.election, es.h), style="dim")
    return Panel(
        Group(*rows),
        title=title,
        title_align="left",
        subtitle=subtitle,
        subtitle_align="right",
        box=box.ROUNDED,
    )


def _nothing_near(report: StatusReport, *, narrow: bool = False) -> Group:
    note = Text(
        tr(
            f"Tidak ada tahapan yang berjalan atau dimulai dalam {report.horizon} hari ke depan.",
            f"No stage runs or starts within the next {days(report.horizon)}.",
        ),
        style="yellow",
    )
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    if not narrow:
        table.add_column(tr("Pemilu yang dimuat", "Loaded elections"), ratio=1, overflow="fold")
    table.add_column("id", style="" if narrow else "dim", overflow="fold")
    table.add_column(tr("Pemungutan", "Voting day"), no_wrap=True)
    table.add_column("H", justify="right", no_wrap=True)
    for e in report.loaded:
        cells = [e.id, format_date(e.voting_day, short=True), h_label(tl.h_day(e, report.date))]
        table.add_row(*([] if narrow else [_election_name(e)]), *cells)
    hint = Text(
        tr(
            "Pilih tanggal atau pemilu lain: tahapan status --on 2024-11-20, tahapan status -e pilkada-2024; "
            "semua tahapan: tahapan list",
            "Pick another date or election: tahapan status --on 2024-11-20, tahapan status -e pilkada-2024; "
            "every stage: tahapan list",
        ),
        style="dim",
    )
    example = _plan_example(report.loaded)
    if example is None or any(e.voting_day >= report.date for e in report.loaded):
        return Group(Text(""), note, table, hint)  # a coming election is loaded: nothing to plan
    plan = Text(
        tr(
            "Rencanakan pemilu berikutnya dari pola pemilu lain (tanggalnya proyeksi, bukan tanggal "
            f"resmi): {example}",
            "Plan the next election from another one's pattern (its dates are projections, not "
            f"official dates): {example}",
        ),
        style="dim",
    )
    return Group(Text(""), note, table, hint, plan)


def _plan_example(loaded: tuple[Election, ...]) -> str | None:
    """`election add` for the national election five years after the latest one loaded (the
    term of office), as an example of the command: its date is for the officer to decide."""
    import re

    national = [e for e in loaded if not e.regions]
    if not national:
        return None
    # the general election (pemilu-*) first: the local elections' next date is less settled
    latest = max(national, key=lambda e: (e.id.startswith("pemilu"), e.voting_day))
    day = latest.voting_day
    year = day.year + 5
    voting = day.replace(year=year, day=min(day.day, 28) if day.month == 2 else day.day)
    ident = (
        re.sub(r"\d{4}", str(year), latest.id)
        if re.search(r"\d{4}", latest.id)
        else f"{latest.id}-{year}"
    )
    name = re.sub(r"\d{4}", str(year), latest.name)
    return (
        f"tahapan election add {ident} --like {latest.id} --voting-day {voting.isoformat()} "
        f'--name "{name}"'
    )


# ------------------------------------------------------------------------------------------------- list

_POSITION_STYLE = {
    "active": "bold green",
    "ended": "dim",
    "upcoming": "",
    "not-held": "dim strike",
    "unknown": "",
}


def _list(report: ListReport, *, narrow: bool = False) -> Group:
    parts: list[Any] = [Text.assemble((format_date(report.date, weekday=True), "bold"))]
    for election in report.elections:
        table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, expand=True)
        table.add_column(tr("Tahapan", "Stage"), ratio=1, overflow="fold")
        table.add_column(tr("Tanggal", "Dates"), no_wrap=True)
        table.add_column(tr("Hari", "Days"), justify="right", no_wrap=True)
        table.add_column(tr("Kpst.", "Conf."), no_wrap=True)
        if narrow:
            # one column: the name, then id, dates, length and confidence on a dim line under it
            table.columns = table.columns[:1]
        for path, stage in election.walk():
            ref = tl.StageRef(election, path, stage)
            where = tl.position(ref, report.date)
            name = _indent(ref)
            name.stylize(_POSITION_STYLE[where], len(name) - len(_name(stage)))
            if where == "active":
                name.append(" ◀", style="bold green")
            lead = "\n" + "  " * ref.depth + ("  " if ref.depth else "")
            name.append(lead + stage.id, style="dim cyan")
            if report.stage_sources is not None:
                made, changed = report.stage_sources[(election.id, path)]
                line = tr("dari ", "from ") + _source_label(report, made)
                by_file: dict[str, list[str]] = {}
                for key, source in changed.items():
                    by_file.setdefault(_source_label(report, source), []).append(key)
                for label, keys in by_file.items():
                    line += tr("; diubah oleh ", "; changed by ") + f"{label} ({', '.join(keys)})"
                name.append(lead + line, style="dim")
            if narrow:
                length = "?" if stage.days_total is None else days(stage.days_total)
                name.append(
                    f"{lead}{format_range(stage.start, stage.end)} · {length} · {confidence_mark(stage)}",
                    style="dim",
                )
                table.add_row(name)
                continue
            table.add_row(
                name,
                format_range(stage.start, stage.end),
                "?" if stage.days_total is None else str(stage.days_total),
                confidence_mark(stage),
            )
        title = Text.assemble(
            (_election_name(election), "bold"),
            "  ",
            (election.id, "cyan"),
            "  ",
            (
                tr("pemungutan suara ", "voting day ")
                + format_date(election.voting_day, short=True),
                "dim",
            ),
            "  ",
            (h_label(tl.h_day(election, report.date)), "bold cyan"),
        )
        parts.extend([Text(""), title, Text(election.basis, style="dim")])
        if report.regions and election.id in report.regions:
            parts.append(
                Text(
                    tr("Wilayah: ", "Regions: ") + ", ".join(report.regions[election.id]),
                    style="dim",
                )
            )
        parts.append(table)
    parts.append(
        Text(
            tr(
                "◀ sedang berjalan · coret: tidak dilaksanakan · Kpst.: kepastian sumber (P resmi, 2S dua sumber, "
                "1S satu sumber, D diturunkan) · ?: tanggal mulai tidak tercantum",
                "◀ running · struck out: not held · Conf.: source confidence (P official, 2S two sources, "
                "1S one source, D derived) · ?: start date not given by the sources",
            ),
            style="dim",
        )
    )
    if any(s.projected for e in report.elections for _, s in e.walk()):
        parts.append(Text(projection_note(), style="yellow"))
    return Group(*parts)


def _source_label(report: ListReport, path: str) -> str:
    # the shipped files by a word, the user's by name (JSON keeps the full paths)
    from tahapan.text import one_line

    if report.shipped(path):
        return tr("data bawaan", "shipped data")
    return one_line(Path(path).name)


# ------------------------------------------------------------------------------------------------- show


def _show(report: ShowReport) -> Panel:
    ref, stage = report.ref, report.ref.stage
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    grid.add_row(
        tr("Pemilu", "Election"), Text(f"{_election_name(ref.election)} ({ref.election.id})")
    )
    grid.add_row("Id", Text(f"{ref.election.id}/{ref.path}"))
    grid.add_row(
        tr("Nama (en)", "Name (id)"),
        Text(pick(stage.name_en, stage.name), style="italic"),
    )
    dates = format_range(stage.start, stage.end)
    if stage.days_total is not None:
        dates += f"  ({days(stage.days_total)})"
    if report.working_days is not None:
        dates += tr(f", {report.working_days} hari kerja", f", {report.working_days} working days")
    grid.add_row(tr("Tanggal", "Dates"), dates)
    for label, rule in (
        (tr("Mulai dihitung", "Start derived"), stage.start_rule),
        (tr("Akhir dihitung", "End derived"), stage.end_rule),
    ):
        if rule is not None:
            from tahapan.schedule.relative import anchor_date, describe

            grid.add_row(label, Text(describe(rule, anchor_date(ref.election, rule))))
    h_start = "?" if report.h_start is None else h_label(report.h_start)
    grid.add_row(
        "H", h_start if stage.start == stage.end else f"{h_start} … {h_label(report.h_end)}"
    )
    grid.add_row(tr("Posisi", "Where"), _where(report))
    if report.regions:
        grid.add_row(tr("Wilayah", "Regions"), Text(", ".join(report.regions)))
    grid.add_row(tr("Dasar hukum", "Legal basis"), Text(stage.basis))
    conf_id, conf_en = CONFIDENCE_TEXT[stage.confidence]
    conf = Text(f"{stage.confidence}: {tr(conf_id, conf_en)}")
    if stage.projected:
        conf = Text(projection_note(stage.confidence), style="bold yellow")
    if stage.confidence_note:
        conf.append(f". {stage.confidence_note}", style="dim")
    grid.add_row(tr("Kepastian", "Confidence"), conf)
    note = pick(stage.note, stage.note_en)
    if note:
        grid.add_row(tr("Catatan", "Note"), Text(note))
    parts: list[Any] = [grid]
    if stage.stages:
        sub = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, expand=True)
        sub.add_column(tr("Sub-tahapan", "Sub-stages"), ratio=1, overflow="fold")
        sub.add_column(tr("Tanggal", "Dates"), no_wrap=True)
        sub.add_column(tr("Hari", "Days"), justify="right", no_wrap=True)
        for path, child in stage.walk(ref.path.rsplit("/", 1)[0] if "/" in ref.path else ""):
            if child is stage:
                continue
            child_ref = tl.StageRef(ref.election, path, child)
            name = Text("  " * (child_ref.depth - ref.depth - 1)) + Text(_name(child))
            name.stylize(_POSITION_STYLE[tl.position(child_ref, report.date)])
            name.append_text(_projected(child))
            name.append(f"  {child.id}", style="dim cyan")
            sub.add_row(
                name,
                format_range(child.start, child.end),
                "?" if child.days_total is None else str(child.days_total),
            )
        parts.append(sub)
    return Panel(
        Group(*parts),
        title=Text(_name(stage), style="bold"),
        title_align="left",
        subtitle=Text(format_date(report.date, weekday=True), style="dim"),
        subtitle_align="right",
    )


def _where(report: ShowReport) -> Text:
    from tahapan.render.words import position_words

    words = position_words(report)
    if report.position == "active":
        return Text(tr("sedang berjalan: ", "running: ") + words, style="bold green")
    return Text(words, style="" if report.position == "upcoming" else "dim")
