"""The terminal view of `tahapan status`."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich import box
from rich.console import Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from tahapan.days import timeline as tl
from tahapan.i18n import (
    NO_VOTING_DAY,
    PROJECTED,
    date_mark,
    days,
    format_date,
    h_label,
    pick,
    tr,
)
from tahapan.model import ZONE_SHORT, Election
from tahapan.render.terminal.parts import (
    Prose,
    countdown,
    election_name,
    indent,
    panel_title,
    progress_bar,
    projected,
    stage_name,
    zone_label,
)
from tahapan.reports.status import StatusReport


def view(report: StatusReport, *, narrow: bool = False) -> Group:
    zone = (
        ZONE_SHORT.get(report.timezone, report.timezone) if narrow else zone_label(report.timezone)
    )
    header = Text.assemble((format_date(report.date, weekday=True), "bold"), "  ·  ", (zone, "dim"))
    if report.region is not None:
        header.append("  ·  ")
        header.append(report.region.name, style="bold cyan")
    parts: list[Any] = [header]
    if not report.elections:
        parts.append(_nothing_near(report, narrow=narrow))
    for es in report.elections:
        parts.append(_election_status_narrow(es) if narrow else _election_status(es, report))
    if report.cases:
        parts.append(_cases(report))
    return Group(*parts)


#: the cases status names; `tahapan kasus` lists them all
CASES_SHOWN = 5


def _cases(report: StatusReport) -> Group:
    from tahapan.render.cases import next_line

    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    shown = (report.cases or [])[:CASES_SHOWN]
    for r in shown:
        missed = r.next is not None and r.next.state == "overdue"
        table.add_row(r.case.id, Text(next_line(r), style="bold red" if missed else ""))
    parts: list[Any] = [Text(""), Text(tr("Tenggat kasus", "Case deadlines"), style="bold")]
    parts.append(Padding(table, (0, 0, 0, 2)))
    hidden = len(report.cases or []) - len(shown)
    if hidden > 0:
        more = tr(f"dan {hidden} kasus lain: tahapan kasus", f"and {hidden} more: tahapan kasus")
        parts.append(Text("  " + more, style="dim"))
    return Group(*parts)


def _left(days_left: int) -> Text:
    if days_left == 0:
        return Text(tr("hari terakhir", "last day"), style="bold yellow")
    return Text(tr(f"sisa {days_left} hari", f"{days(days_left)} left"))


def _election_status_narrow(es: Any) -> Panel:
    """One stage per two lines: the name, then its figures; nothing is cut at 40 columns."""
    lines: list[Any] = [Text(countdown(es.election, es.h), style="dim")]
    if es.active:
        lines.append(Text(tr("Sedang berjalan", "Running now"), style="bold"))
    for a in es.active:
        figures = Text("  ")
        if a.day is not None and a.days_total is not None:
            figures.append_text(progress_bar(a.day, a.days_total, width=8))
            figures.append(f" {a.day}/{a.days_total} · ")
        figures.append_text(_left(a.days_left))
        lines.extend([indent(a.ref, mark=True), figures])
    if not es.active:
        none = (
            tr("Tidak ada kegiatan berjalan.", "No activity runs.")
            if es.election.kind == "programme"
            else tr("Tidak ada tahapan berjalan.", "No stage runs.")
        )
        lines.append(Text(none, style="dim"))
    if es.upcoming:
        lines.append(Text(tr("Berikutnya", "Next"), style="bold"))
    for u in es.upcoming:
        start = u.ref.stage.start
        when = tr("besok", "tomorrow") if u.days_until == 1 else days(u.days_until)
        h = tl.h_day(es.election, start) if start is not None else None
        at = "" if h is None else f" · {h_label(h)}"
        lines.extend(
            [
                Text(stage_name(u.ref.stage)) + projected(u.ref.stage, u.ref.election),
                Text(f"  {format_date(start, short=True)}{at} · {when}", style="dim"),
            ]
        )
    if es.ended:  # the same words as the wide view, wrapped
        lines.append(_ended(es))
    title = panel_title(es.election, es.h, " ")
    return Panel(Group(*lines), title=title, title_align="left", box=box.SQUARE, padding=(0, 1))


def _ended(es: Any) -> Text:
    """ "Baru berakhir: A (kemarin); B (3 hari lalu)": the stages that ended in the last week."""
    ended = Text(tr("Baru berakhir: ", "Just ended: "), style="dim")
    for i, e in enumerate(es.ended):
        if i:
            ended.append("; ", style="dim")
        ago = (
            tr("kemarin", "yesterday")
            if e.days_since == 1
            else tr(f"{e.days_since} hari lalu", f"{days(e.days_since)} ago")
        )
        # an estimated recap "just ended" only by its estimate: the mark says so
        word = date_mark(e.ref.stage, e.ref.election)
        mark = f" ({word})" if word else ""
        ended.append(f"{stage_name(e.ref.stage)}{mark} ({ago})", style="dim")
    return ended


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
                bar = progress_bar(a.day, a.days_total)
                day = f"{a.day}/{a.days_total}"
            left = (
                Text(tr("hari terakhir", "last day"), style="bold yellow")
                if a.days_left == 0
                else days(a.days_left)
            )
            table.add_row(indent(a.ref, mark=True), bar, day, left)
        rows.append(table)
    else:
        rows.append(
            Text(
                tr(
                    "Tidak ada kegiatan yang berjalan pada tanggal ini.",
                    "No activity runs on this date.",
                )
                if es.election.kind == "programme"
                else tr(
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
        with_h = es.election.voting_day is not None
        if with_h:
            table.add_column("H", justify="right", no_wrap=True)
        table.add_column(tr("Dalam", "In"), justify="right", no_wrap=True)
        for u in es.upcoming:
            start = u.ref.stage.start
            table.add_row(
                indent(u.ref, mark=True)
                if u.ref.depth == 0
                else Text(stage_name(u.ref.stage)) + projected(u.ref.stage, u.ref.election),
                format_date(start, short=True),
                *([h_label(tl.h_day(es.election, start))] if with_h else []),
                tr("besok", "tomorrow") if u.days_until == 1 else days(u.days_until),
            )
        rows.append(Padding(table, (1, 0, 0, 0)))
    if es.ended:
        ended = _ended(es)
        rows.append(Padding(ended, (1, 0, 0, 0)))
    title = panel_title(es.election, es.h, "  ")
    subtitle = Text(countdown(es.election, es.h), style="dim")
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
            f"Tidak ada tahapan pemilu yang berjalan atau dimulai dalam {report.horizon} hari ke depan.",
            f"No election stage runs or starts within the next {days(report.horizon)}.",
        )
        if report.programmes
        else tr(
            f"Tidak ada tahapan yang berjalan atau dimulai dalam {report.horizon} hari ke depan.",
            f"No stage runs or starts within the next {days(report.horizon)}.",
        ),
        style="yellow",
    )
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    if not narrow:
        table.add_column(tr("Pemilu yang tersedia", "Loaded elections"), ratio=1, overflow="fold")
    table.add_column(tr("ID", "id"), style="" if narrow else "dim", overflow="fold")
    table.add_column(tr("Pemungutan", "Voting day"), no_wrap=True)
    table.add_column("H", justify="right", no_wrap=True)
    for e in report.loaded:
        if e.voting_day is None:  # at 40 columns the note under the table says it
            cells = [e.id, "—" if narrow else tr("belum ditetapkan", "not set yet"), "—"]
        else:
            day = format_date(e.voting_day, short=True)
            # a planning date (election add --like) is never read as the official one; on a
            # phone the mark goes under the date, leaving the ids their width
            day += f"{chr(10) if narrow else ' '}({tr(*PROJECTED)})" if e.projected else ""
            cells = [e.id, day, h_label(tl.h_day(e, report.date))]
        table.add_row(*([] if narrow else [election_name(e)]), *cells)
    hint = Prose(
        tr(
            "Pilih tanggal atau pemilu lain: tahapan status --on 2024-11-20, tahapan status -e pilkada-2024; "
            "semua tahapan: tahapan list",
            "Pick another date or election: tahapan status --on 2024-11-20, tahapan status -e pilkada-2024; "
            "every stage: tahapan list",
        ),
        "dim",
    )
    programmes = [
        _election_status_narrow(ps) if narrow else _election_status(ps, report)
        for ps in report.programmes
    ]
    dateless = [e for e in report.loaded if e.voting_day is None]
    if dateless:
        return Group(*programmes, Text(""), note, table, hint, *_unset(dateless, report.loaded))
    example = _plan_example(report.loaded)
    if example is None or any(
        e.voting_day is not None and e.voting_day >= report.date for e in report.loaded
    ):
        # a coming election is loaded: nothing to plan
        return Group(*programmes, Text(""), note, table, hint)
    plan = Prose(
        tr(
            "Rencanakan pemilu berikutnya dari pola pemilu lain (tanggalnya proyeksi, bukan tanggal "
            f"resmi): {example}",
            "Plan the next election from another one's pattern (its dates are projections, not "
            f"official dates): {example}",
        ),
        "dim",
    )
    return Group(*programmes, Text(""), note, table, hint, plan)


def _unset(dateless: list[Election], loaded: tuple[Election, ...]) -> list[Text | Prose]:
    """What is known of each election whose voting day is not set, and the command that plans it
    from the latest national election's pattern (the date is the officer's to give)."""
    dated = [e for e in loaded if e.voting_day is not None and not e.regions]
    like = max(
        dated, key=lambda e: (e.id.startswith("pemilu"), e.voting_day or date.min), default=None
    )
    out: list[Text | Prose] = []
    for e in dateless:
        out.append(Text(""))
        out.append(Text(f"{election_name(e)}: " + tr(*NO_VOTING_DAY) + ".", style="bold yellow"))
        note = pick(e.note, e.note_en)
        if note:
            out.append(Text(note))
        if like is not None:
            out.append(
                Prose(
                    tr("Rencanakan dengan tanggal proyeksi: ", "Plan it with projected dates: ")
                    + f"tahapan election add {e.id} --like {like.id} --voting-day "
                    + tr("TANGGAL", "DATE"),
                    "dim",
                )
            )
    return out


def _plan_example(loaded: tuple[Election, ...]) -> str | None:
    """`election add` for the national election five years after the latest one loaded (the
    term of office), as an example of the command: its date is for the officer to decide."""
    import re

    national = [e for e in loaded if not e.regions and e.voting_day is not None]
    if not national:
        return None
    # the general election (pemilu-*) first: the local elections' next date is less settled
    latest = max(national, key=lambda e: (e.id.startswith("pemilu"), e.voting_day or date.min))
    day = latest.voting_day
    assert day is not None  # chosen among the dated
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
