"""`list`'s stage table draws what Rich's Table draws from the same cells, character for character.

render/terminal/table.py lays the table out itself (Rich's Table costs about 1 ms a row, 100 s for
a national list); these tests hold it to Rich's own layout: random tables at random widths, drawn
both ways and compared, and the shipped schedules listed at every width a terminal might have.
"""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from tahapan.render.lines import MIN_WIDTH
from tahapan.render.terminal import NARROW
from tahapan.render.terminal.table import Cell, Column, StageTable


class Hanging:
    """The reference for a cell with a prefix: the text wrapped in the width left after the
    prefix, the prefix before its first line and as many spaces before the others (the renderable
    `list` drew with Rich's Table)."""

    def __init__(self, prefix: str, text: Text) -> None:
        self.prefix, self.text = prefix, text

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        inner = Measurement.get(console, options, self.text)
        return Measurement(inner.minimum + len(self.prefix), inner.maximum + len(self.prefix))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(1, options.max_width - len(self.prefix))
        for n, line in enumerate(self.text.wrap(console, width, overflow="fold")):
            lead = Text(self.prefix, style="dim") if n == 0 else Text(" " * len(self.prefix))
            yield Text.assemble(lead, line, end="\n", no_wrap=True)


def rich_table(columns: list[Column], rows: list[list[Cell]]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, expand=True)
    for c in columns:
        table.add_column(
            c.header,
            justify=c.justify,
            overflow=c.overflow,
            no_wrap=c.no_wrap,
            min_width=c.min_width,
        )
    for row in rows:
        drawn = []
        for cell in row:
            text = Text()
            for piece, style in cell.runs:
                text.append(piece, style=style)
            drawn.append(Hanging(cell.prefix, text) if cell.prefix else text)
        table.add_row(*drawn)
    return table


def drawn(renderable: object, width: int, *, crop: bool) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, highlight=False, markup=False)
    console.print(renderable, crop=crop)
    return out.getvalue()


def ours(columns: list[Column], rows: list[list[Cell]], width: int) -> str:
    table = StageTable(columns)
    for row in rows:
        table.add_row(*row)
    return drawn(table, width, crop=False)  # as `list` prints it


LIST_COLUMNS = [
    Column("Tahapan", overflow="fold", min_width=20),
    Column("Tanggal", min_width=11),
    Column("Hari", justify="right", no_wrap=True),
    Column("Kpst.", no_wrap=True),
]

WORDS = st.sampled_from(
    [
        "Pendaftaran",
        "dan",
        "verifikasi",
        "Peserta",
        "Pemilu",
        "coklit",
        "pemutakhiran-data-pemilih-berkelanjutan-triwulan",
        "14 Jun 2022 – 14 Jun 2024",
        "◀",
        "✗",
        "Ã",
        "",
        " ",
        "  ",
        "x" * 70,
    ]
)
TEXT = st.lists(WORDS, max_size=8).map(" ".join)
STYLES = st.sampled_from(["", "dim", "bold green", "dim cyan", "dim strike"])
PREFIX = st.sampled_from(["", "  └ ", "    └ "])


@st.composite
def name_cells(draw: st.DrawFn) -> Cell:
    runs = [(draw(TEXT), draw(STYLES))]
    for _ in range(draw(st.integers(0, 2))):
        runs.append(("\n" + draw(TEXT), draw(STYLES)))
    return Cell(runs, draw(PREFIX))


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[Column], list[list[Cell]], int]:
    """Columns, rows and a width, as `list` draws them: four columns from 64 columns of terminal
    (NARROW), one below it down to the narrowest console (MIN_WIDTH)."""
    narrow = draw(st.booleans())
    width = draw(st.integers(MIN_WIDTH, NARROW - 1) if narrow else st.integers(NARROW, 240))
    columns = LIST_COLUMNS[:1] if narrow else LIST_COLUMNS
    rows = []
    for _ in range(draw(st.integers(0, 6))):
        row = [draw(name_cells())]
        if not narrow:
            row += [Cell.text(draw(TEXT)), Cell.text(draw(st.sampled_from(["1", "732", "?"])))]
            row.append(Cell.text(draw(st.sampled_from(["2S", "P+2S", "proyeksi", "D"]))))
        rows.append(row)
    return columns, rows, width


@settings(max_examples=300, deadline=None)
@given(tables())
def test_draws_what_rich_draws(table: tuple[list[Column], list[list[Cell]], int]) -> None:
    columns, rows, width = table
    assert ours(columns, rows, width) == drawn(rich_table(columns, rows), width, crop=True)


def test_a_cut_word_and_a_hanging_line() -> None:
    # a long id folds at the column's edge; the lines under a sub-stage hang after its prefix
    rows = [
        [
            Cell(
                [("Pencocokan dan penelitian", ""), ("\npencocokan-dan-penelitian-coklit", "")],
                "  └ ",
            ),
            Cell.text("12 Feb – 14 Mar 2023"),
            Cell.text("31"),
            Cell.text("2S"),
        ]
    ]
    text = ours(LIST_COLUMNS, rows, 64)
    assert text == drawn(rich_table(LIST_COLUMNS, rows), 64, crop=True)
    lines = text.splitlines()
    assert lines[1].split() == ["Tahapan", "Tanggal", "Hari", "Kpst."]
    assert lines[3].startswith("   └ Pencocokan")
    assert all(len(line) == 64 for line in lines)
