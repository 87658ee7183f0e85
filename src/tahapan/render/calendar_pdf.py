"""The calendar as a PDF for the office wall: A4 landscape, a month per page, more pages when a month
is busy (render/pdf_file.py, imported only here, and this module only when a PDF is asked for).

Each page: the elections with a stage in the month and the month as the title; the long stages that
fill the whole month as thin bands; a week grid (Senin to Minggu) where each stage is one bar per week
in a lane it keeps through the month (days/lanes.py), voting day and holidays marked; the holidays
named; a key with every stage's full name, dates and confidence; a footer with the legal basis and
the date it was made. Nothing is cut: a bar's label wraps between words, or is its letter alone when
the bar is too short for the name (the key names it); the month is one flow of bands, week rows,
notes and key, laid over as many pages as it needs, and every text is at least 7 pt. With
``one_page`` a month is set tighter, step by step, to fit one sheet; what still does not fit is left
out and said on stderr.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from tahapan import colours as c
from tahapan.colours import ink
from tahapan.days.lanes import depth
from tahapan.days.monthgrid import Day, Month
from tahapan.days.pins import on_day, sign_of
from tahapan.i18n import WEEKDAYS_EN, WEEKDAYS_ID, month_name, tr
from tahapan.render.calendar_pdf_key import (
    BAR_PT,
    BLACK,
    CELL_LINE,
    COLUMN,
    LOOKS,
    MARGIN,
    PAGE_H,
    WIDTH,
    Item,
    KeyPage,
)
from tahapan.render.calendar_words import band_text, day_note, days_off_lines, heading, mark_label
from tahapan.render.notes import say
from tahapan.reports.calendar import CalendarReport, month_pins


def write_pdf(report: CalendarReport) -> bytes:
    pdf = _Calendar(report)
    for month in report.months:
        pdf.month(month)
    return bytes(pdf.output())


#: the width of a case deadline's frame in its day's cell
PIN_W = COLUMN - 1.4


@dataclass(frozen=True)
class _Row:
    """Lanes lo..hi-1 of one week (a whole week, or a part of one too busy for a page): the height
    of its day numbers' line and of each lane."""

    week: int
    lo: int
    hi: int
    number_h: float
    lanes: tuple[float, ...]

    @property
    def height(self) -> float:
        return self.number_h + sum(self.lanes) + 1.0


class _Calendar(KeyPage):
    # ------------------------------------------------------------------------------ the plan

    def month(self, month: Month) -> None:
        """The month's pages: on one sheet if asked and it can be, in the first look it fits;
        at last with a key of only the stages some bar shows by its letter alone."""
        self.keyed = None
        for look in LOOKS if self.report.one_page else LOOKS[:1]:
            self.look = look
            top, space, sheets = self._plan(month)
            if len(sheets) == 1:
                break
        left: list[str] = []
        if len(sheets) > 1 and self.report.one_page:
            self.keyed = {*month.band} | {
                s.mark
                for week in month.segments
                for s in week
                if len(label := self._label(s.mark, s.first, s.last)) == 1
                and label[0] == self.safe(self.report.marks[s.mark].tag)
            }
            top, space, sheets = self._plan(month)
            unkeyed = [self.report.marks[i].tag for i in month.marks if i not in self.keyed]
            left = [tr("kunci ", "key ") + " ".join(unkeyed)] if unkeyed else []
            left += [name for sheet in sheets[1:] for item in sheet for name in item.holds]
            sheets = sheets[:1]
        if left:
            when = f"{month_name(month.month)} {month.year}"
            say(
                tr(
                    f"{when} tidak muat di satu halaman; tidak dicetak: {'; '.join(left)} "
                    "(tanpa --one-page semuanya dicetak)",
                    f"{when} does not fit one page; left out: {'; '.join(left)} "
                    "(without --one-page all is printed)",
                )
            )
        for n, sheet in enumerate(sheets, 1):
            part = f"\u00a0({n}/{len(sheets)})" if len(sheets) > 1 else ""
            self._sheet(month, sheet, top, space, part)

    def _plan(self, month: Month) -> tuple[float, float, list[list[Item]]]:
        """Its bands, week rows, holiday notes and key, in that order, each page taking what fits
        under the title and over the footer: (top, space, pages)."""
        look = self.look
        region = 4.5 if self.report.region is not None else 0.0
        top = MARGIN + len(self._title_lines(month, "\u00a0(00/00)")) * look.title_line
        top += region + 1.0
        space = PAGE_H - MARGIN - self._footer_height(month) - 1.5 - top
        sheets: list[list[Item]] = [[]]

        def room() -> float:
            return space - sum(item.height for item in sheets[-1])

        def place(item: Item) -> None:
            if item.height > room() and sheets[-1]:
                sheets.append([])
            if item.row and not any(i.row for i in sheets[-1]):  # the weekday names over the grid
                if item.height + look.head_h > room() and sheets[-1]:
                    sheets.append([])
                sheets[-1].append(Item(look.head_h, self._weekdays))
            sheets[-1].append(item)

        for index in month.band:
            self.font(7.5, bold=True)
            lines = self.lines(band_text(self.report.marks[index]), WIDTH)
            tag = self.report.marks[index].tag
            place(
                Item(
                    len(lines) * look.band_line + 1.2,
                    partial(self._band, index, lines),
                    holds=[tag],
                )
            )
        for row in self._rows(month, space - look.head_h):
            tags = [
                self.report.marks[s.mark].tag
                for s in month.segments[row.week]
                if row.lo <= s.lane < row.hi
            ]
            week = tr(f"pekan ke-{row.week + 1}", f"week {row.week + 1}")
            place(
                Item(
                    row.height,
                    partial(self._week, month, row),
                    row=True,
                    holds=[f"{week} ({' '.join(tags)})"],
                )
            )
        place(Item(2.0, lambda y, h: None))
        for kind, text in days_off_lines(month):
            colour = c.CUTI if kind == "cuti" else c.HOLIDAY
            self.font(look.note_pt)
            height = len(self.lines(text, WIDTH)) * look.note_line + 0.4
            place(Item(height, partial(self._note, text, colour), holds=[text.split(":")[0]]))
        for pin in month_pins(self.report, month):  # the cases' deadlines, each on a line
            text = f"{sign_of([pin])} {pin.key}"
            self.font(look.note_pt)
            height = len(self.lines(text, WIDTH)) * look.note_line + 0.4
            holds = [f"{sign_of([pin])} {pin.case}/{pin.step}"]
            place(Item(height, partial(self._note, text, c.CASE), holds=holds))
        self._place_key(month, sheets, room)
        return top, space, sheets

    def _rows(self, month: Month, most: float) -> list[_Row]:
        """Each week's row, its lanes as tall as their labels; a week taller than ``most`` is split."""
        look = self.look
        out = []
        for week, segments in enumerate(month.segments):
            lines = [1] * max(depth(segments), 1)
            for segment in segments:
                label = self._label(segment.mark, segment.first, segment.last)
                lines[segment.lane] = max(lines[segment.lane], len(label))
            heights = [n * look.bar_line + look.bar_pad + look.lane_gap for n in lines]
            number_h = self._base_h(month, week) + self._pins_h(month, week)
            lo = 0
            while lo < len(heights):
                hi = lo + 1
                while hi < len(heights) and number_h + sum(heights[lo : hi + 1]) + 1.0 <= most:
                    hi += 1
                out.append(_Row(week, lo, hi, number_h, tuple(heights[lo:hi])))
                lo = hi
        return out

    def _label(self, index: int, first: int, last: int) -> list[str]:
        """A bar's label in lines broken between words, or its letter alone when the name does not
        fit (the key under the grid names it)."""
        mark = self.report.marks[index]
        self.font(BAR_PT, bold=True)
        width = (last - first + 1) * COLUMN - 1.4
        return self.whole(mark_label(mark), width, self.look.label_lines) or [self.safe(mark.tag)]

    def _note_lines(self, month: Month, week: int) -> list[int]:
        return [len(self._cell_note(day)[1]) for day in month.weeks[week] if day.in_month]

    def _base_h(self, month: Month, week: int) -> float:
        """The height of a week's day numbers and their notes, over its case deadlines."""
        return max(
            self.look.number_h, *(1.6 + n * CELL_LINE for n in self._note_lines(month, week))
        )

    def _pins_h(self, month: Month, week: int) -> float:
        """The height of the week's case deadlines (`--cases`), framed under the numbers."""
        days = [d for d in month.weeks[week] if d.in_month]
        return max((self._framed_h(self._pin_lines(d)) for d in days), default=0.0)

    @staticmethod
    def _framed_h(pins: list[list[str]]) -> float:
        return sum(len(lines) * CELL_LINE + 1.2 for lines in pins) + (0.6 if pins else 0.0)

    def _pin_lines(self, day: Day) -> list[list[str]]:
        """The cases' deadlines on the day, each its label broken between words, or the case id
        alone when the label takes too many lines (the line under the grid names it whole)."""
        self.font(BAR_PT, bold=True)
        most = self.look.label_lines + 1
        return [
            self.whole(f"{sign_of([pin])} {pin.label}", PIN_W, most)
            or self.lines(f"{sign_of([pin])} {pin.case}", PIN_W)
            for pin in on_day(self.report.pins or (), day.day)
        ]

    def _cell_note(self, day: Day) -> tuple[bool, list[str]]:
        """(bold, lines) of what a day says beside its number: voting day, or a holiday's name
        broken between words, or nothing when a word is too long (the name is under the grid)."""
        if not day_note(day):
            return False, []
        room = COLUMN - (7.8 if day.day.day > 9 else 5.0)
        bold = day.kind == "voting"
        self.font(BAR_PT, bold=bold)
        found = self.whole(day_note(day), room, 1) if bold else None
        if found:
            return True, found
        self.font(BAR_PT)
        return False, self.whole(day_note(day), room, 3) or []

    def _sheet(self, month: Month, sheet: list[Item], top: float, space: float, part: str) -> None:
        self.add_page()
        self._header(month, part)
        rows = [item for item in sheet if item.row]
        extra = (space - sum(item.height for item in sheet)) / max(len(rows), 1)
        y = top
        self.set_draw_color(150, 150, 150)
        for item in sheet:
            height = item.height
            if item.row:
                height += min(max(extra, 0.0), max(0.0, self.look.row_max - item.height))
            item.draw(y, height)
            y += height
        self._footer(month)

    # ------------------------------------------------------------------------- title and bands

    def _title_lines(self, month: Month, part: str) -> list[str]:
        """The elections with a stage in the month and the month, whole, wrapped between words."""
        self.font(self.look.title_pt, bold=True)
        return self.lines(heading(self.report, month, "\u00a0") + part, WIDTH)

    def _header(self, month: Month, part: str) -> None:
        self.colour(BLACK)
        y = MARGIN
        for line in self._title_lines(month, part):
            self.font(self.look.title_pt, bold=True)
            self.put(MARGIN, y, WIDTH, self.look.title_line, line)
            y += self.look.title_line
        if self.report.region is not None:
            self.font(9)
            self.put(MARGIN, y, WIDTH, 4.5, tr("Wilayah: ", "Region: ") + self.report.region.name)

    def _band(self, index: int, lines: list[str], y: float, height: float) -> None:
        mark = self.report.marks[index]
        self.fill(mark.fill)
        self.rect(MARGIN, y, WIDTH, height - 0.6, style="F")
        self.colour(ink(mark.fill))
        self.font(7.5, bold=True)
        for n, line in enumerate(lines):
            self.set_xy(MARGIN + 0.5, y + 0.3 + n * self.look.band_line)
            self.cell(WIDTH - 1, self.look.band_line, line)

    # ----------------------------------------------------------------------------------- grid

    def _weekdays(self, top: float, height: float) -> None:
        names = WEEKDAYS_EN if tr("id", "en") == "en" else WEEKDAYS_ID
        self.font(9 if height >= 6 else 8, bold=True)
        for col, name in enumerate(names):
            x = MARGIN + col * COLUMN
            self.fill(c.HEADER)
            self.rect(x, top, COLUMN, height, style="F")
            self.colour(c.HOLIDAY if col == 6 else BLACK)
            self.put(x, top, COLUMN, height, name, align="C")

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
            self.font(self.look.number_pt, bold=True)
            self.put(x + 0.5, y + 0.4, 9, self.look.number_h - 1.5, str(day.day.day))
            bold, lines = self._cell_note(day)
            self.font(BAR_PT, bold=bold)
            self.colour(BLACK if kind == "voting" else c.CUTI if kind == "cuti" else c.HOLIDAY)
            left = 7.8 if day.day.day > 9 else 5.0
            for n, line in enumerate(lines):
                self.set_xy(x + left, y + 0.8 + n * CELL_LINE)
                self.cell(COLUMN - left, CELL_LINE + 0.4, line)
            self._pins(self._pin_lines(day), x, y + self._base_h(month, row.week) - 0.6)
        tops = [y + row.number_h]
        for lane in row.lanes:
            tops.append(tops[-1] + lane)
        for segment in month.segments[row.week]:
            if row.lo <= segment.lane < row.hi:
                lane = segment.lane - row.lo
                self._bar(segment.mark, segment.first, segment.last, tops[lane], row.lanes[lane])

    def _pins(self, pins: list[list[str]], x: float, top: float) -> None:
        """A day's case deadlines, each framed: a mark of its own, not a stage's bar."""
        self.font(BAR_PT, bold=True)
        self.colour(c.CASE)
        self.set_draw_color(*c.rgb(c.CASE))
        for lines in pins:
            self.rect(x + 0.7, top, PIN_W, len(lines) * CELL_LINE + 0.6, style="D")
            for n, line in enumerate(lines):
                self.set_xy(x + 0.7, top + 0.3 + n * CELL_LINE)
                self.cell(PIN_W, CELL_LINE, line)
            top += len(lines) * CELL_LINE + 1.2
        self.set_draw_color(150, 150, 150)

    def _bar(self, index: int, first: int, last: int, y: float, lane: float) -> None:
        mark = self.report.marks[index]
        x, width = MARGIN + first * COLUMN + 0.7, (last - first + 1) * COLUMN - 1.4
        self.fill(mark.fill)
        self.rect(x, y, width, lane - self.look.lane_gap, style="F")
        self.colour(ink(mark.fill))
        for n, line in enumerate(self._label(index, first, last)):
            self.set_xy(x, y + self.look.bar_pad / 2 + n * self.look.bar_line)
            self.cell(width, self.look.bar_line, line)
