"""The terminal view of `tahapan list`: each election's stage tree as a table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rich.console import Group
from rich.text import Text

from tahapan.i18n import (
    confidence_mark,
    date_notes,
    days,
    format_date,
    format_range,
    h_label,
    pick,
    tr,
)
from tahapan.render.terminal.parts import (
    POSITION_STYLE,
    election_name,
    stage_name,
    tree_prefix,
)
from tahapan.render.terminal.table import Cell, Column, Run, StageTable
from tahapan.render.words import voting_day_text
from tahapan.reports.stages import ListReport


def list_view(report: ListReport, *, narrow: bool = False) -> Iterator[Group]:
    """The list a part at a time (the date, then each election's heading and table, then the
    legend): a national list is drawn and let go an election at a time."""
    parts: list[Any] = [Text.assemble((format_date(report.date, weekday=True), "bold"))]
    for election in report.elections:
        yield Group(*parts)
        parts = []
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
            base = POSITION_STYLE[where]
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
    yield Group(*parts)


#: the widest the name column is made for an id: beyond it (a very narrow terminal) an id folds
_MAX_ID_COLUMN = 48


def _source_label(report: ListReport, path: str) -> str:
    # the shipped files by a word, the user's by name (JSON keeps the full paths)
    from tahapan.text import one_line

    if report.shipped(path):
        return tr("data bawaan", "shipped data")
    return one_line(Path(path).name)
