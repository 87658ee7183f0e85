"""The PDF calendar's sizes (the usual ones and the tighter ones `--one-page` tries), and the part of
a month's page under its grid: the key of its stages and the footer (pdf_file, imported only for a PDF)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial

from tahapan import colours as c
from tahapan.colours import ink
from tahapan.days.monthgrid import Month
from tahapan.i18n import confidence_mark, tr
from tahapan.render.calendar_words import (
    calendar_title,
    footer,
    mark_dates,
    mark_name,
    projection_warning,
)
from tahapan.render.pdf_text import TextPage
from tahapan.reports.calendar import CalendarReport

PAGE_H, MARGIN = 210.0, 10.0
WIDTH = 297.0 - 2 * MARGIN
COLUMN = WIDTH / 7
#: the type on bars and in a day's cell beside its number (the smallest there is), and its line
BAR_PT, CELL_LINE = 7.0, 2.9
BLACK = "#000000"


@dataclass(frozen=True)
class Look:
    """The sizes (mm, and pt for type) a month is set in: the usual ones, or tighter ones that
    `--one-page` tries in turn."""

    title_pt: float = 16.0
    title_line: float = 7.0
    head_h: float = 6.0
    number_pt: float = 11.0
    number_h: float = 6.5
    #: a line of a bar's label; the bar is its lines and a pad, its lane that and a gap
    bar_line: float = 3.4
    bar_pad: float = 0.8
    lane_gap: float = 0.6
    #: the most lines a bar's label takes before it is its letter alone
    label_lines: int = 3
    band_line: float = 4.0
    key_pt: float = 8.0
    key_line: float = 3.9
    key_columns: int = 2
    #: the key gives names alone, without dates and confidence
    key_brief: bool = False
    note_pt: float = 7.5
    note_line: float = 3.5
    foot_line: float = 3.2
    #: a quiet month's rows grow to fill the page, up to this height
    row_max: float = 45.0


TIGHT = Look(
    title_pt=13.0, title_line=5.6, head_h=5.0, number_pt=9.0, number_h=5.0, bar_line=3.0,
    bar_pad=0.4, lane_gap=0.4, label_lines=2, band_line=3.4, key_pt=7.0, key_line=3.0,
    key_columns=3, note_pt=7.0, note_line=3.0, foot_line=2.9,
)  # fmt: skip
#: the ways a month is set, in the order --one-page tries them
LOOKS = (
    Look(),
    TIGHT,
    replace(TIGHT, label_lines=1),
    replace(TIGHT, label_lines=1, key_columns=4, key_brief=True),
)


@dataclass
class Item:
    """A piece of a month's flow: drawn at (y, height); a week row may grow to fill its page.
    ``holds`` names what it shows, to say so when --one-page has to leave it out."""

    height: float
    draw: Callable[[float, float], None]
    row: bool = False
    holds: list[str] = field(default_factory=list)


class KeyPage(TextPage):
    """A calendar's pages, as far as the key and the footer go."""

    def __init__(self, report: CalendarReport) -> None:
        super().__init__(calendar_title(report))
        self.report = report
        self.look = LOOKS[0]
        #: the stages the key lists (None: all of the month's)
        self.keyed: set[int] | None = None
        # the key's coloured square holds the widest letter (two characters past 62 stages)
        self.font(7.5, bold=True)
        widest = max((self.get_string_width(self.safe(m.symbol)) for m in report.marks), default=0)
        self.swatch = max(5.0, widest + 2 * self.c_margin + 0.6)

    @property
    def key_text(self) -> float:
        return WIDTH / self.look.key_columns - self.swatch - 2

    def _place_key(self, month: Month, sheets: list[list[Item]], room: Callable[[], float]) -> None:
        """The key in columns, read down the left one and then the next on each page."""
        self.font(self.look.key_pt)
        entries = [
            (index, lines, len(lines) * self.look.key_line + 0.8)
            for index in [*month.band, *month.marks]
            if self.keyed is None or index in self.keyed
            for lines in [self.lines(self._entry(month, index), self.key_text)]
        ]

        while entries:
            count = 0
            while count < len(entries) and self._columns_height(entries[: count + 1]) <= room():
                count += 1
            if count == 0 and sheets[-1]:
                sheets.append([])
                continue
            chunk, entries = entries[: max(count, 1)], entries[max(count, 1) :]
            tags = [self.report.marks[e[0]].tag for e in chunk]
            holds = [tr("kunci ", "key ") + " ".join(tags)]
            sheets[-1].append(
                Item(self._columns_height(chunk), partial(self._key, chunk), holds=holds)
            )

    def _columns(
        self, chunk: list[tuple[int, list[str], float]]
    ) -> list[list[tuple[int, list[str], float]]]:
        per = math.ceil(len(chunk) / self.look.key_columns)
        return [chunk[i : i + per] for i in range(0, len(chunk), per)]

    def _columns_height(self, chunk: list[tuple[int, list[str], float]]) -> float:
        return max(sum(e[2] for e in part) for part in self._columns(chunk))

    # ------------------------------------------------------------------------------------ key

    def _note(self, text: str, colour: str, y: float, _height: float) -> None:
        self.colour(colour)
        self.font(self.look.note_pt)
        self.wrapped(MARGIN, y, WIDTH, self.look.note_line, text)

    def _entry(self, month: Month, index: int) -> str:
        mark = self.report.marks[index]
        stage = mark.ref.stage
        dates = mark_dates(mark).replace(" ", "\u00a0")  # a date never splits
        if self.look.key_brief:
            return mark_name(mark)
        text = f"{mark_name(mark)}  {dates}  [{confidence_mark(stage, mark.ref.election)}]"
        if index in month.band:
            text += tr("  (sepanjang bulan)", "  (all month)")
        if len(self.report.named(month)) > 1:
            text += f"  · {mark.ref.election.id}"
        return text

    def _key(self, chunk: list[tuple[int, list[str], float]], top: float, _height: float) -> None:
        look = self.look
        for column, part in enumerate(self._columns(chunk)):
            x, y = MARGIN + column * WIDTH / look.key_columns, top
            for index, lines, height in part:
                mark = self.report.marks[index]
                self.fill(mark.fill)
                self.rect(x, y + 0.2, self.swatch, look.key_line - 0.3, style="F")
                self.colour(ink(mark.fill))
                self.font(7.5 if look.key_pt >= 8 else 7, bold=True)
                self.put(x, y + 0.1, self.swatch, look.key_line, mark.symbol, align="C")
                self.colour(BLACK)
                self.font(look.key_pt)
                for row, line in enumerate(lines):
                    self.set_xy(x + self.swatch + 0.5, y + row * look.key_line)
                    self.cell(self.key_text, look.key_line, line)
                y += height

    # --------------------------------------------------------------------------------- footer

    #: the width of "made on …" at the footer's right
    MADE_W = 62.0

    def _footer_lines(self, month: Month) -> list[tuple[float, bool, str, str, float]]:
        """(size, bold, colour, text, width) of each wrapped part: the projection warning, the legal
        basis, the confidence marks (beside "made on …")."""
        basis, marks, _made = footer(self.report, month)
        warning = projection_warning(self.report)
        out = [(8.0, True, c.WARNING, warning, WIDTH)] if warning else []
        return [
            *out,
            (7.0, False, c.QUIET, basis, WIDTH),
            (7.0, False, c.QUIET, marks, WIDTH - self.MADE_W),
        ]

    def _footer_height(self, month: Month) -> float:
        height = 0.0
        for size, bold, _colour, text, width in self._footer_lines(month):
            self.font(size, bold)
            height += len(self.lines(text, width)) * self.look.foot_line
        return height

    def _footer(self, month: Month) -> None:
        y = PAGE_H - MARGIN - self._footer_height(month)
        for size, bold, colour, text, width in self._footer_lines(month):
            self.font(size, bold)
            self.colour(colour)
            if width < WIDTH:
                self.put(
                    MARGIN + width,
                    y,
                    self.MADE_W,
                    self.look.foot_line,
                    footer(self.report)[2],
                    align="R",
                )
            y = self.wrapped(MARGIN, y, width, self.look.foot_line, text)
