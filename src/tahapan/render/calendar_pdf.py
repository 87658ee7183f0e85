"""The calendar as a PDF for the office wall: A4 landscape, a month per page, more pages when a month
is busy (fpdf2, imported only here, and this module only when a PDF is asked for).

Each page: the elections and the month as the title; the long stages that fill the whole month as
thin bands; a week grid (Senin to Minggu) where each stage is one bar per week in a lane it keeps
through the month (days/lanes.py), voting day and holidays marked; a key with every stage's full name,
dates and confidence; a footer with the legal basis and the date it was made. Nothing is cut: a week
with more bars than a page holds goes on over the next page, as does a long key, and every text is
at least 7 pt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from tahapan.colours import ink
from tahapan.days.lanes import depth
from tahapan.days.monthgrid import CalendarReport, Month
from tahapan.i18n import (
    PROJECTED,
    WEEKDAYS_EN,
    WEEKDAYS_ID,
    confidence_mark,
    format_range,
    month_name,
    pick,
    tr,
)
from tahapan.render.pdf_text import TextPage

PAGE_H, MARGIN = 210.0, 10.0
WIDTH = 297.0 - 2 * MARGIN
COLUMN = WIDTH / 7
#: heights in mm: the weekday header, a day's number line, a bar and its lane, a band
HEAD_H, NUMBER_H, BAR_H, LANE_H, BAND_H = 6.0, 6.5, 4.2, 4.8, 4.6
#: a quiet month's rows grow to fill the page, up to this height
ROW_MAX = 45.0
KEY_LINE, NOTE_LINE, FOOT_LINE = 3.9, 3.5, 3.2
#: cuti bersama (joint leave) apart from public holidays: orange, not red
CUTI = (190, 95, 0)
RED = (180, 0, 0)
VOTING_FILL, SHADE, OUTSIDE = (255, 236, 150), (246, 240, 240), (228, 228, 228)


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
class _Sheet:
    rows: list[_Row] = field(default_factory=list)
    #: parts of the key below the grid: (height, drawing at y)
    blocks: list[tuple[float, Callable[[float], None]]] = field(default_factory=list)


class _Calendar(TextPage):
    def __init__(self, report: CalendarReport) -> None:
        super().__init__(report.title)
        self.report = report

    # ------------------------------------------------------------------------------ the plan

    def month(self, month: Month) -> None:
        """The month's pages: rows of weeks while they fit, then the key, each going on over as
        many pages as it needs."""
        top = MARGIN + self._header_height(month)
        bottom = PAGE_H - MARGIN - self._footer_height() - 1.5
        space = bottom - top
        grid_space = space - HEAD_H
        most = max(1, int((grid_space - NUMBER_H - 1.0) // LANE_H))
        sheets = [_Sheet()]
        left = grid_space
        for week, segments in enumerate(month.segments):
            lanes = depth(segments)
            for lo in range(0, max(lanes, 1), most):
                row = _Row(week, lo, min(max(lanes, 1), lo + most))
                if sheets[-1].rows and row.height > left:
                    sheets.append(_Sheet())
                    left = grid_space
                sheets[-1].rows.append(row)
                left -= row.height
        left -= 2.0
        for height, draw in self._key_blocks(month):
            if height > left and (sheets[-1].rows or sheets[-1].blocks):
                sheets.append(_Sheet())
                left = space
            sheets[-1].blocks.append((height, draw))
            left -= height
        for n, sheet in enumerate(sheets, 1):
            self._sheet(month, sheet, top, grid_space, f" ({n}/{len(sheets)})" * (len(sheets) > 1))

    def _sheet(self, month: Month, sheet: _Sheet, top: float, grid_space: float, part: str) -> None:
        self.add_page()
        self._header(month, part)
        y = top
        if sheet.rows:
            key_h = sum(h for h, _ in sheet.blocks) + 2.0 * bool(sheet.blocks)
            natural = sum(r.height for r in sheet.rows)
            extra = max(0.0, (grid_space - key_h - natural) / len(sheet.rows))
            y = self._grid(month, sheet.rows, y, extra)
            y += 2.0
        for height, draw in sheet.blocks:
            draw(y)
            y += height
        self._footer()

    # ------------------------------------------------------------------------- title and bands

    def _header_height(self, month: Month) -> float:
        region = 4.5 if self.report.region is not None else 0.0
        return 9.0 + region + len(month.band) * (BAND_H + 0.6) + 0.5

    def _header(self, month: Month, part: str) -> None:
        report = self.report
        self.colour((0, 0, 0))
        self.font(16, bold=True)
        title = f"{report.title} — {month_name(month.month)} {month.year}{part}"
        self.put(MARGIN, MARGIN, WIDTH, 8, title)
        y = MARGIN + 9
        if report.region is not None:
            self.font(9)
            self.put(MARGIN, y, WIDTH, 4.5, tr("Wilayah: ", "Region: ") + report.region.name)
            y += 4.5
        for index in month.band:
            mark = report.marks[index]
            stage = mark.ref.stage
            self.fill(mark.colour)
            self.rect(MARGIN, y, WIDTH, BAND_H, style="F")
            self.colour(ink(mark.colour))
            self.font(7.5, bold=True)
            words = tr("sepanjang bulan", "all month")
            self.put(
                MARGIN + 0.5,
                y + 0.1,
                WIDTH - 1,
                BAND_H,
                f"{mark.symbol}  {pick(stage.name, stage.name_en)} — {words} "
                f"({format_range(stage.start, stage.end)})",
            )
            y += BAND_H + 0.6

    # ----------------------------------------------------------------------------------- grid

    def _grid(self, month: Month, rows: list[_Row], top: float, extra: float) -> float:
        names = WEEKDAYS_EN if tr("id", "en") == "en" else WEEKDAYS_ID
        self.font(9, bold=True)
        for col, name in enumerate(names):
            x = MARGIN + col * COLUMN
            self.fill((235, 235, 235))
            self.rect(x, top, COLUMN, HEAD_H, style="F")
            self.colour(RED if col == 6 else (0, 0, 0))
            self.put(x, top, COLUMN, HEAD_H, name, align="C")
        y = top + HEAD_H
        self.set_draw_color(150, 150, 150)
        for row in rows:
            height = row.height + min(extra, max(0.0, ROW_MAX - row.height))
            self._week(month, row, y, height)
            y += height
        return y

    def _week(self, month: Month, row: _Row, y: float, height: float) -> None:
        for col, day in enumerate(month.weeks[row.week]):
            x = MARGIN + col * COLUMN
            kind = day.kind
            if not day.in_month:  # another month's day: shaded and empty, never read as this one's
                self.fill(OUTSIDE)
                self.rect(x, y, COLUMN, height, style="DF")
                continue
            if kind == "voting":
                self.fill(VOTING_FILL)
            elif day.weekend or kind != "workday":
                self.fill(SHADE)
            self.rect(x, y, COLUMN, height, style="DF" if kind != "workday" or day.weekend else "D")
            self.colour(
                CUTI if kind == "cuti" else RED if kind in ("holiday", "sunday") else (0, 0, 0)
            )
            self.font(11, bold=True)
            self.put(x + 0.5, y + 0.6, 9, 5, str(day.day.day))
            note = ""
            if kind == "voting":
                note = "★ " + tr("Pemungutan suara", "Voting day")
            elif kind in ("holiday", "cuti") and day.holiday is not None:
                note = day.holiday.name  # in full in the key's holiday line
            if note:
                left = 7.8 if day.day.day > 9 else 5.0
                self.font(7, bold=kind == "voting")
                if self.get_string_width(self.safe(note)) > COLUMN - left - 1.5:
                    self.font(7)
                self.colour((0, 0, 0) if kind == "voting" else CUTI if kind == "cuti" else RED)
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
        stage = mark.ref.stage
        fill = mark.fill
        x, width = MARGIN + first * COLUMN + 0.7, (last - first + 1) * COLUMN - 1.4
        self.fill(fill)
        self.rect(x, y, width, BAR_H, style="F")
        self.colour(ink(fill))
        self.font(7, bold=True)
        unknown = "? " if stage.start is None else ""  # the start is not known: it reads so
        self.put(x, y, width, BAR_H, f"{unknown}{mark.symbol} {pick(stage.name, stage.name_en)}")

    # ------------------------------------------------------------------------------------ key

    def _key_blocks(self, month: Month) -> list[tuple[float, Callable[[float], None]]]:
        """The key in blocks that each stay on one page: a pair of stages side by side, then a line
        for holidays and one for cuti bersama."""
        half = WIDTH / 2
        self.font(8)
        entries = [
            (index, self.lines(self._entry(month, index), half - 7))
            for index in [*month.band, *month.marks]
        ]
        # read down the left column, then the right one: A B C … beside N O P …
        rows = (len(entries) + 1) // 2
        blocks: list[tuple[float, Callable[[float], None]]] = []
        for n in range(rows):
            pair = entries[n::rows]
            height = max(len(lines) for _, lines in pair) * KEY_LINE + 0.8
            blocks.append((height, partial(self._key_pair, pair)))
        for words, days, colour in (
            (tr("Libur: ", "Holidays: "), month.days_off("holiday"), RED),
            (tr("Cuti bersama: ", "Cuti bersama (joint leave): "), month.days_off("cuti"), CUTI),
        ):
            if days:
                text = words + "; ".join(f"{h.day.day} {h.name}" for h in days)
                self.font(7.5)
                height = len(self.lines(text, WIDTH)) * NOTE_LINE + 0.4
                blocks.append((height, partial(self._note, text, colour)))
        return blocks

    def _entry(self, month: Month, index: int) -> str:
        mark = self.report.marks[index]
        stage = mark.ref.stage
        dates = format_range(stage.start, stage.end).replace(" ", "\u00a0")  # a date never splits
        text = f"{pick(stage.name, stage.name_en)}  {dates}  [{confidence_mark(stage)}]"
        if stage.projected:
            text += f"  [{tr(*PROJECTED)}]"
        if index in month.band:
            text += tr("  (sepanjang bulan)", "  (all month)")
        if len(self.report.elections) > 1:
            text += f"  · {mark.ref.election.id}"
        return text

    def _key_pair(self, pair: list[tuple[int, list[str]]], y: float) -> None:
        for n, (index, lines) in enumerate(pair):
            mark = self.report.marks[index]
            x = MARGIN + n * WIDTH / 2
            fill = mark.fill
            self.fill(fill)
            self.rect(x, y + 0.2, 5, KEY_LINE - 0.3, style="F")
            self.colour(ink(fill))
            self.font(7.5, bold=True)
            self.put(x, y + 0.1, 5, KEY_LINE, mark.symbol, align="C")
            self.colour((0, 0, 0))
            self.font(8)
            for row, line in enumerate(lines):
                self.set_xy(x + 5.5, y + row * KEY_LINE)
                self.cell(WIDTH / 2 - 7, KEY_LINE, line)

    def _note(self, text: str, colour: tuple[int, int, int], y: float) -> None:
        self.colour(colour)
        self.font(7.5)
        self.wrapped(MARGIN, y, WIDTH, NOTE_LINE, text)

    # --------------------------------------------------------------------------------- footer

    #: the width of "made on …" at the footer's right
    MADE_W = 62.0

    def _footer_lines(self) -> list[tuple[float, bool, tuple[int, int, int], str, float]]:
        """(size, bold, colour, text, width) of each wrapped part: the projection warning, the legal
        basis, the confidence marks (beside "made on …")."""
        basis, marks, _made = self.report.footer()
        warning = self.report.warning()
        grey = (90, 90, 90)
        out = [(8.0, True, (150, 75, 0), warning, WIDTH)] if warning else []
        return [
            *out,
            (7.0, False, grey, basis, WIDTH),
            (7.0, False, grey, marks, WIDTH - self.MADE_W),
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
