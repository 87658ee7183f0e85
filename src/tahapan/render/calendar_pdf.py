"""The calendar as a PDF for the office wall: A4 landscape, a month per page, more pages when a month
is busy (fpdf2, imported only here, and this module only when a PDF is asked for).

Each page: the elections and the month as the title; the long stages that fill the whole month as
thin bands; a week grid (Senin to Minggu) where each stage is one bar per week in a lane it keeps
through the month (days/lanes.py), voting day and holidays marked; the holidays named; a key with
every stage's full name, dates and confidence; a footer with the legal basis and the date it was
made. Nothing is cut: the month is one flow of bands, week rows, notes and key, laid over as many
pages as it needs (a week with more bars than a page holds is split, with its day numbers again),
and every text is at least 7 pt.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from tahapan import colours as c
from tahapan.colours import ink
from tahapan.days.lanes import depth
from tahapan.days.monthgrid import CalendarReport, Month
from tahapan.i18n import WEEKDAYS_EN, WEEKDAYS_ID, confidence_mark, month_name, tr
from tahapan.render.pdf_text import TextPage

PAGE_H, MARGIN = 210.0, 10.0
WIDTH = 297.0 - 2 * MARGIN
COLUMN = WIDTH / 7
#: heights in mm: a title line, the weekday header, a day's number line, a bar and its lane, a band
TITLE_LINE, HEAD_H, NUMBER_H, BAR_H, LANE_H, BAND_H = 7.0, 6.0, 6.5, 4.2, 4.8, 4.6
#: a quiet month's rows grow to fill the page, up to this height
ROW_MAX = 45.0
KEY_LINE, NOTE_LINE, FOOT_LINE = 3.9, 3.5, 3.2
#: the title's lines at most: long names of several elections are cut (the footer names them all)
TITLE_LINES = 3
BLACK = "#000000"


def write_pdf(report: CalendarReport) -> bytes:
    pdf = _Calendar(report)
    for month in report.months:
        pdf.month(month)
    return bytes(pdf.output())


@dataclass(frozen=True)
class _Row:
    """Lanes lo..hi-1 of one week: a whole week, or a part of one too busy for a page."""

    week: int
    lo: int
    hi: int

    @property
    def height(self) -> float:
        return NUMBER_H + max(self.hi - self.lo, 1) * LANE_H + 1.0


@dataclass
class _Item:
    """A piece of a month's flow: drawn at (y, height); a week row may grow to fill its page."""

    height: float
    draw: Callable[[float, float], None]
    row: bool = False


class _Calendar(TextPage):
    def __init__(self, report: CalendarReport) -> None:
        super().__init__(report.title)
        self.report = report
        # the key's coloured square holds the widest letter (two characters past 62 stages)
        self.font(7.5, bold=True)
        widest = max((self.get_string_width(self.safe(m.symbol)) for m in report.marks), default=0)
        self.swatch = max(5.0, widest + 2 * self.c_margin + 0.6)
        self.key_text = WIDTH / 2 - self.swatch - 2

    # ------------------------------------------------------------------------------ the plan

    def month(self, month: Month) -> None:
        """The month's pages: its bands, week rows, holiday notes and key, in that order, each page
        taking what fits under the title and over the footer."""
        region = 4.5 if self.report.region is not None else 0.0
        top = MARGIN + len(self._title_lines(month, "\u00a0(00/00)")) * TITLE_LINE + region + 1.0
        space = PAGE_H - MARGIN - self._footer_height() - 1.5 - top
        sheets: list[list[_Item]] = [[]]

        def room() -> float:
            return space - sum(item.height for item in sheets[-1])

        def place(item: _Item) -> None:
            if item.height > room() and sheets[-1]:
                sheets.append([])
            if item.row and not any(i.row for i in sheets[-1]):  # the weekday names over the grid
                if item.height + HEAD_H > room() and sheets[-1]:
                    sheets.append([])
                sheets[-1].append(_Item(HEAD_H, self._weekdays))
            sheets[-1].append(item)

        for index in month.band:
            place(_Item(BAND_H + 0.6, partial(self._band, index)))
        most = max(1, int((space - HEAD_H - NUMBER_H - 1.0) // LANE_H))
        for week, segments in enumerate(month.segments):
            lanes = max(depth(segments), 1)
            for lo in range(0, lanes, most):
                row = _Row(week, lo, min(lanes, lo + most))
                place(_Item(row.height, partial(self._week, month, row), row=True))
        place(_Item(2.0, lambda y, h: None))
        for kind, text in month.days_off_lines():
            colour = c.CUTI if kind == "cuti" else c.HOLIDAY
            self.font(7.5)
            place(
                _Item(
                    len(self.lines(text, WIDTH)) * NOTE_LINE + 0.4,
                    partial(self._note, text, colour),
                )
            )
        self._place_key(month, sheets, room)
        for n, sheet in enumerate(sheets, 1):
            part = f"\u00a0({n}/{len(sheets)})" if len(sheets) > 1 else ""
            self._sheet(month, sheet, top, space, part)

    def _place_key(
        self, month: Month, sheets: list[list[_Item]], room: Callable[[], float]
    ) -> None:
        """The key in two columns, read down the left one and then the right one on each page."""
        self.font(8)
        entries = [
            (index, lines, len(lines) * KEY_LINE + 0.8)
            for index in [*month.band, *month.marks]
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
            sheets[-1].append(_Item(self._columns_height(chunk), partial(self._key, chunk)))

    @staticmethod
    def _columns_height(chunk: list[tuple[int, list[str], float]]) -> float:
        half = math.ceil(len(chunk) / 2)
        return max(sum(e[2] for e in part) for part in (chunk[:half], chunk[half:]))

    def _sheet(self, month: Month, sheet: list[_Item], top: float, space: float, part: str) -> None:
        self.add_page()
        self._header(month, part)
        rows = [item for item in sheet if item.row]
        extra = (space - sum(item.height for item in sheet)) / max(len(rows), 1)
        y = top
        self.set_draw_color(150, 150, 150)
        for item in sheet:
            height = item.height
            if item.row:
                height += min(max(extra, 0.0), max(0.0, ROW_MAX - item.height))
            item.draw(y, height)
            y += height
        self._footer()

    # ------------------------------------------------------------------------- title and bands

    def _title_lines(self, month: Month, part: str) -> list[str]:
        self.font(16, bold=True)
        when = f" —\u00a0{month_name(month.month)}\u00a0{month.year}{part}"
        names = self.fit(
            self.report.title, WIDTH * (TITLE_LINES - 0.4) - self.get_string_width(self.safe(when))
        )
        return self.lines(names + when, WIDTH)[:TITLE_LINES]

    def _header(self, month: Month, part: str) -> None:
        self.colour(BLACK)
        y = MARGIN
        for line in self._title_lines(month, part):
            self.font(16, bold=True)
            self.put(MARGIN, y, WIDTH, TITLE_LINE, line)
            y += TITLE_LINE
        if self.report.region is not None:
            self.font(9)
            self.put(MARGIN, y, WIDTH, 4.5, tr("Wilayah: ", "Region: ") + self.report.region.name)

    def _band(self, index: int, y: float, _height: float) -> None:
        mark = self.report.marks[index]
        self.fill(mark.fill)
        self.rect(MARGIN, y, WIDTH, BAND_H, style="F")
        self.colour(ink(mark.fill))
        self.font(7.5, bold=True)
        self.put(MARGIN + 0.5, y + 0.1, WIDTH - 1, BAND_H, mark.band_text())

    # ----------------------------------------------------------------------------------- grid

    def _weekdays(self, top: float, _height: float) -> None:
        names = WEEKDAYS_EN if tr("id", "en") == "en" else WEEKDAYS_ID
        self.font(9, bold=True)
        for col, name in enumerate(names):
            x = MARGIN + col * COLUMN
            self.fill(c.HEADER)
            self.rect(x, top, COLUMN, HEAD_H, style="F")
            self.colour(c.HOLIDAY if col == 6 else BLACK)
            self.put(x, top, COLUMN, HEAD_H, name, align="C")

    def _week(self, month: Month, row: _Row, y: float, height: float) -> None:
        """One week row: each day's cell, number and note, then the bars of the row's lanes."""
        for col, day in enumerate(month.weeks[row.week]):
            x = MARGIN + col * COLUMN
            kind = day.kind
            if not day.in_month:  # another month's day: shaded and empty, never read as this one's
                self.fill(c.OUTSIDE)
                self.rect(x, y, COLUMN, height, style="DF")
                continue
            if kind == "voting":
                self.fill(c.VOTING_DAY)
            elif day.weekend or kind != "workday":
                self.fill(c.SHADE)
            self.rect(x, y, COLUMN, height, style="DF" if kind != "workday" or day.weekend else "D")
            self.colour(
                c.CUTI if kind == "cuti" else c.HOLIDAY if kind in ("holiday", "sunday") else BLACK
            )
            self.font(11, bold=True)
            self.put(x + 0.5, y + 0.6, 9, 5, str(day.day.day))
            note = day.note  # a holiday's name may be cut here: it is in full under the grid
            if note:
                left = 7.8 if day.day.day > 9 else 5.0
                self.font(7, bold=kind == "voting")
                if self.get_string_width(self.safe(note)) > COLUMN - left - 1.5:
                    self.font(7)
                self.colour(BLACK if kind == "voting" else c.CUTI if kind == "cuti" else c.HOLIDAY)
                self.put(x + left, y + 1.1, COLUMN - left, 4, note)
        for segment in month.segments[row.week]:
            if row.lo <= segment.lane < row.hi:
                self._bar(
                    segment.mark,
                    segment.first,
                    segment.last,
                    y + NUMBER_H + (segment.lane - row.lo) * LANE_H,
                )

    def _bar(self, index: int, first: int, last: int, y: float) -> None:
        mark = self.report.marks[index]
        x, width = MARGIN + first * COLUMN + 0.7, (last - first + 1) * COLUMN - 1.4
        self.fill(mark.fill)
        self.rect(x, y, width, BAR_H, style="F")
        self.colour(ink(mark.fill))
        self.font(7, bold=True)
        self.put(x, y, width, BAR_H, mark.label)  # cut if need be: the key has the name whole

    # ------------------------------------------------------------------------------------ key

    def _note(self, text: str, colour: str, y: float, _height: float) -> None:
        self.colour(colour)
        self.font(7.5)
        self.wrapped(MARGIN, y, WIDTH, NOTE_LINE, text)

    def _entry(self, month: Month, index: int) -> str:
        mark = self.report.marks[index]
        stage = mark.ref.stage
        dates = mark.dates.replace(" ", "\u00a0")  # a date never splits
        text = f"{mark.name}  {dates}  [{confidence_mark(stage, mark.ref.election)}]"
        if index in month.band:
            text += tr("  (sepanjang bulan)", "  (all month)")
        if len(self.report.elections) > 1:
            text += f"  · {mark.ref.election.id}"
        return text

    def _key(self, chunk: list[tuple[int, list[str], float]], top: float, _height: float) -> None:
        half = math.ceil(len(chunk) / 2)
        for column, part in enumerate((chunk[:half], chunk[half:])):
            x, y = MARGIN + column * WIDTH / 2, top
            for index, lines, height in part:
                mark = self.report.marks[index]
                self.fill(mark.fill)
                self.rect(x, y + 0.2, self.swatch, KEY_LINE - 0.3, style="F")
                self.colour(ink(mark.fill))
                self.font(7.5, bold=True)
                self.put(x, y + 0.1, self.swatch, KEY_LINE, mark.symbol, align="C")
                self.colour(BLACK)
                self.font(8)
                for row, line in enumerate(lines):
                    self.set_xy(x + self.swatch + 0.5, y + row * KEY_LINE)
                    self.cell(self.key_text, KEY_LINE, line)
                y += height

    # --------------------------------------------------------------------------------- footer

    #: the width of "made on …" at the footer's right
    MADE_W = 62.0

    def _footer_lines(self) -> list[tuple[float, bool, str, str, float]]:
        """(size, bold, colour, text, width) of each wrapped part: the projection warning, the legal
        basis, the confidence marks (beside "made on …")."""
        basis, marks, _made = self.report.footer()
        warning = self.report.warning()
        out = [(8.0, True, c.WARNING, warning, WIDTH)] if warning else []
        return [
            *out,
            (7.0, False, c.QUIET, basis, WIDTH),
            (7.0, False, c.QUIET, marks, WIDTH - self.MADE_W),
        ]

    def _footer_height(self) -> float:
        height = 0.0
        for size, bold, _colour, text, width in self._footer_lines():
            self.font(size, bold)
            height += len(self.lines(text, width)) * FOOT_LINE
        return height

    def _footer(self) -> None:
        y = PAGE_H - MARGIN - self._footer_height()
        for size, bold, colour, text, width in self._footer_lines():
            self.font(size, bold)
            self.colour(colour)
            if width < WIDTH:
                self.put(
                    MARGIN + width, y, self.MADE_W, FOOT_LINE, self.report.footer()[2], align="R"
                )
            y = self.wrapped(MARGIN, y, width, FOOT_LINE, text)
