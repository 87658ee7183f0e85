"""The terminal views of `tahapan list` (the stage tree) and `tahapan show` (one stage)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich import box
from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from tahapan.days import timeline as tl
from tahapan.i18n import (
    confidence_mark,
    date_notes,
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
from tahapan.render.terminal.parts import (
    election_name,
    projected,
    stage_name,
    tree_prefix,
)
from tahapan.render.terminal.table import Cell, Column, Run, StageTable
from tahapan.render.words import no_voting_day, position_word, voting_day_text
from tahapan.reports.stages import ListReport, ShowReport

_POSITION_STYLE = {
    "active": "bold green",
    "ended": "dim",
    "upcoming": "",
    "not-held": "dim strike",
    "unknown": "",
}


def list_view(report: ListReport, *, narrow: bool = False) -> Group:
    parts: list[Any] = [Text.assemble((format_date(report.date, weekday=True), "bold"))]
    for election in report.elections:
        # an id is copied into commands: the name column is wide enough that one never folds
        # mid-word; the dates give way (they wrap between their two days), the figures never
        ids = max(
            (len(tree_prefix(p.count("/"))) + len(s.id) for p, s in election.walk()), default=0
        )
        columns = [
            Column(tr("Tahapan", "Stage"), overflow="fold", min_width=min(ids, _MAX_ID_COLUMN)),
            Column(tr("Tanggal", "Dates"), min_width=11),
            Column(tr("Hari", "Days"), justify="right", no_wrap=True),
            Column(tr("Kpst.", "Conf."), no_wrap=True),
        ]
        # narrow: one column, the name, then id, dates, length and confidence on a dim line under it
        table = StageTable(columns[:1] if narrow else columns)
        for path, stage in election.walk():
            where = report.positions[election.id, path]
            base = _POSITION_STYLE[where]
            runs: list[Run] = [(stage_name(stage), base)]
            if where == "active":
                runs.append((" ◀", f"{base} bold green"))
            elif where == "not-held":  # struck out in colour; the sign says it without colour too
                runs.append((" ✗", f"{base} dim"))
            lead = "\n"  # the lines under the name hang under it, after the tree's prefix
            runs.append((lead + stage.id, f"{base} dim cyan"))
            if report.stage_sources is not None:
                made, changed = report.stage_sources[(election.id, path)]
                line = tr("dari ", "from ") + _source_label(report, made)
                by_file: dict[str, list[str]] = {}
                for key, source in changed.items():
                    by_file.setdefault(_source_label(report, source), []).append(key)
                for label, keys in by_file.items():
                    line += tr("; diubah oleh ", "; changed by ") + f"{label} ({', '.join(keys)})"
                runs.append((lead + line, f"{base} dim"))
            prefix = tree_prefix(path.count("/"))
            if narrow:
                length = "?" if stage.days_total is None else days(stage.days_total)
                runs.append(
                    (
                        f"{lead}{format_range(stage.start, stage.end)} · {length} · {confidence_mark(stage, election)}",
                        f"{base} dim",
                    )
                )
                table.add_row(Cell(runs, prefix))
                continue
            table.add_row(
                Cell(runs, prefix),
                Cell.text(format_range(stage.start, stage.end)),
                Cell.text("?" if stage.days_total is None else str(stage.days_total)),
                Cell.text(confidence_mark(stage, election)),
            )
        title = Text.assemble(
            (election_name(election), "bold"),
            "  ",
            (election.id, "cyan"),
            "  ",
            (voting_day_text(election, short=True), "dim"),
            "  ",
            (
                "" if election.voting_day is None else h_label(report.h_today[election.id]),
                "bold cyan",
            ),
        )
        parts.extend([Text(""), title, Text(election.basis, style="dim")])
        if report.regions and election.id in report.regions:
            parts.append(
                Text(
                    tr("Wilayah: ", "Regions: ") + ", ".join(report.regions[election.id]),
                    style="dim",
                )
            )
        note = pick(election.note, election.note_en)
        if note and election.voting_day is None:  # what is known before its dates (Pemilu 2029)
            parts.append(Text(note))
        if election.stages:
            parts.append(table)
        elif election.id not in report.repeating:
            parts.append(Text(tr("Belum ada tahapan.", "No stages yet."), style="yellow"))
        if election.id in report.repeating and report.window is not None:
            lo, hi = (format_date(d, short=True) for d in report.window)
            parts.append(
                Text(
                    tr(
                        f"Jadwal pelaksanaan kegiatan berulang ditampilkan {lo} – {hi} (gunakan --on untuk "
                        "tanggal lain).",
                        f"Repeating stages: occurrences {lo} – {hi} (--on picks another date).",
                    ),
                    style="dim",
                )
            )
    parts.append(
        Text(
            tr(
                "◀ sedang berjalan · ✗ (dicoret): tidak dilaksanakan · Kpst.: kepastian sumber (P resmi, 2S dua sumber, "
                "1S satu sumber, D dihitung dari aturan) · ?: tanggal mulai tidak tercantum",
                "◀ running · ✗ (struck out): not held · Conf.: source confidence (P official, 2S two sources, "
                "1S one source, D derived) · ?: start date not given by the sources",
            ),
            style="dim",
        )
    )
    shown = ((s, e) for e in report.elections for _, s in e.walk())
    parts.extend(Text(note, style="yellow") for note in date_notes(shown))
    return Group(*parts)


#: the widest the name column is made for an id: beyond it (a very narrow terminal) an id folds
_MAX_ID_COLUMN = 48


def _source_label(report: ListReport, path: str) -> str:
    # the shipped files by a word, the user's by name (JSON keeps the full paths)
    from tahapan.text import one_line

    if report.shipped(path):
        return tr("data bawaan", "shipped data")
    return one_line(Path(path).name)


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
            name.stylize(_POSITION_STYLE[report.sub_positions[path]])
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
