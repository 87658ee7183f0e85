"""The terminal view of `tahapan show`: one stage in a panel, its sub-stages in a table."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from tahapan.days import timeline as tl
from tahapan.i18n import (
    days,
    format_date,
    format_range,
    h_label,
    mark_note,
    pick,
    said,
    tr,
)
from tahapan.model import CONFIDENCE_TEXT
from tahapan.render.terminal.parts import POSITION_STYLE, election_name, projected, stage_name
from tahapan.render.words import no_voting_day, position_word
from tahapan.reports.stages import ShowReport


def show_view(report: ShowReport) -> Panel:
    ref, stage = report.ref, report.ref.stage
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    grid.add_row(
        tr("Pemilu", "Election"), Text(f"{election_name(ref.election)} ({ref.election.id})")
    )
    grid.add_row(tr("ID", "Id"), Text(f"{ref.election.id}/{ref.path}"))
    if stage.name_en:  # the name in the other language, when the file gives an English one
        grid.add_row(
            tr("Nama (en)", "Name (id)"), Text(pick(stage.name_en, stage.name), style="italic")
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

            grid.add_row(label, Text(said(describe(rule, anchor_date(ref.election, rule)))))
    h_start = "?" if report.h_start is None else h_label(report.h_start)
    if ref.election.voting_day is None:
        grid.add_row("H", no_voting_day(ref.election))
    else:
        grid.add_row(
            "H", h_start if stage.start == stage.end else f"{h_start} … {h_label(report.h_end)}"
        )
    if stage.repeat is not None:
        from tahapan.render.rule_words import rule_words

        words = rule_words(stage.repeat)
        pattern = f"{words} ({stage.repeat})" if words else stage.repeat
        grid.add_row(tr("Pola", "Pattern"), Text(f"{pattern}; {stage.series}"))
    grid.add_row(tr("Posisi", "Where"), _where(report))
    if report.regions:
        grid.add_row(tr("Wilayah", "Regions"), Text(", ".join(report.regions)))
    grid.add_row(tr("Dasar hukum", "Legal basis"), Text(stage.basis))
    conf_id, conf_en = CONFIDENCE_TEXT[stage.confidence]
    conf = Text(f"{stage.confidence}: {tr(conf_id, conf_en)}")
    note = mark_note(stage, ref.election)
    if note:
        conf = Text(note, style="bold yellow")
    if stage.confidence_note:
        conf.append(f". {stage.confidence_note}", style="dim")
    grid.add_row(tr("Kepastian", "Confidence"), conf)
    note = pick(stage.note, stage.note_en)
    if note:
        grid.add_row(tr("Catatan", "Note"), Text(note))
    if (
        report.also
    ):  # the same stage of another election: which one this is, and where the others are
        grid.add_row(
            tr("Juga di", "Also in"),
            Text(
                "; ".join(f"{r.election.id}/{r.path} ({position_word(p)})" for r, p in report.also)
            ),
        )
    parts: list[Any] = [grid]
    if stage.stages:
        sub = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, expand=True)
        sub.add_column(tr("Subtahapan", "Sub-stages"), ratio=1, overflow="fold")
        sub.add_column(tr("Tanggal", "Dates"), no_wrap=True)
        sub.add_column(tr("Hari", "Days"), justify="right", no_wrap=True)
        for path, child in stage.walk(ref.path.rsplit("/", 1)[0] if "/" in ref.path else ""):
            if child is stage:
                continue
            child_ref = tl.StageRef(ref.election, path, child)
            name = Text("  " * (child_ref.depth - ref.depth - 1)) + Text(stage_name(child))
            name.stylize(POSITION_STYLE[report.sub_positions[path]])
            name.append_text(projected(child, ref.election))
            name.append(f"  {child.id}", style="dim cyan")
            sub.add_row(
                name,
                format_range(child.start, child.end),
                "?" if child.days_total is None else str(child.days_total),
            )
        parts.append(sub)
    return Panel(
        Group(*parts),
        title=Text(stage_name(stage), style="bold"),
        title_align="left",
        subtitle=Text(format_date(report.date, weekday=True), style="dim"),
        subtitle_align="right",
    )


def _where(report: ShowReport) -> Text:
    from tahapan.render.words import position_words

    words = position_words(report)
    if report.position == "active":
        lead = tr("sedang berjalan", "running") + (", " if report.day is None else ": ")
        return Text(lead + words, style="bold green")
    return Text(words, style="" if report.position == "upcoming" else "dim")
