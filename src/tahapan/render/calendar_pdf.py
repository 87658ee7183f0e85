"""The calendar as a PDF for the office wall: A4 landscape, one month per page (fpdf2, imported only
here, and this module only when a PDF is asked for).

Each page: the elections and the month as the title, the long stages that fill the whole month, a week
grid (Senin to Minggu) where each day holds its stages as coloured bars with short labels, voting day
and holidays marked, a legend with every stage's full name and dates, and a footer with the legal
basis and the date it was made. DejaVu Sans is used when the system has it (every character of
Indonesian and most others); otherwise the PDF core font, with what it cannot show replaced. A
character the font lacks becomes "?" rather than breaking the file.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from fpdf import FPDF

from tahapan.days.monthgrid import CalendarReport, Month
from tahapan.i18n import (
    WEEKDAYS_EN,
    WEEKDAYS_ID,
    confidence_mark,
    format_range,
    month_name,
    pick,
    tr,
)

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)
PAGE_W, PAGE_H, MARGIN = 297.0, 210.0, 10.0
#: cuti bersama (joint leave) apart from public holidays: orange, not red
CUTI = (190, 95, 0)
BAR_H = 3.6


def write_pdf(report: CalendarReport) -> bytes:
    pdf = _Document(report)
    for month in report.months:
        pdf.month_page(month)
    return bytes(pdf.output())


def _find_font(name: str) -> Path | None:
    for folder in FONT_DIRS:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


class _Document(FPDF):
    def __init__(self, report: CalendarReport) -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        self.report = report
        self.set_auto_page_break(False)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_title(self.report.title)
        self.set_creator("tahapan")
        regular, bold = _find_font("DejaVuSans.ttf"), _find_font("DejaVuSans-Bold.ttf")
        if regular is not None:
            self.add_font("body", "", str(regular))
            self.add_font("body", "B", str(bold or regular))
            self.family_name = "body"
        else:
            self.family_name = "helvetica"

    # ------------------------------------------------------------------ text that cannot break it

    def safe(self, text: str) -> str:
        """``text`` with what the font cannot draw replaced by '?', control characters dropped."""
        kept = "".join(
            c for c in text if unicodedata.category(c) not in ("Cc", "Cf") or c == "\n"
        ).replace("\n", " ")
        font = self.current_font
        cmap = getattr(font, "cmap", None)
        if cmap is not None:
            return "".join(c if ord(c) in cmap else "?" for c in kept)
        for wide, narrow in (("–", "-"), ("—", "-"), ("…", "..."), ("★", "*"), ("·", "-")):
            kept = kept.replace(wide, narrow)
        return kept.encode("latin-1", "replace").decode("latin-1")

    def font(self, size: float, bold: bool = False) -> None:
        self.set_font(self.family_name, "B" if bold else "", size)

    def fit(self, text: str, width: float) -> str:
        """The text cut (with an ellipsis) to fit ``width`` in the current font."""
        text = self.safe(text)
        if self.get_string_width(text) <= width:
            return text
        dots = self.safe("…")
        while text and self.get_string_width(text + dots) > width:
            text = text[:-1]
        return text.rstrip() + dots

    def put(self, x: float, y: float, w: float, h: float, text: str, align: str = "L") -> None:
        self.set_xy(x, y)
        self.cell(w, h, self.fit(text, w - 0.6), align=align)

    # ----------------------------------------------------------------------------------- page

    def month_page(self, month: Month) -> None:
        report = self.report
        self.add_page()
        self.set_text_color(0, 0, 0)
        self.font(16, bold=True)
        title = f"{self.report.title} — {month_name(month.month)} {month.year}"
        self.put(MARGIN, MARGIN, PAGE_W - 2 * MARGIN, 8, title)
        y = MARGIN + 9
        if report.region is not None:
            self.font(9)
            self.put(
                MARGIN,
                y,
                PAGE_W - 2 * MARGIN,
                4.5,
                tr("Wilayah: ", "Region: ") + report.region.name,
            )
            y += 4.5
        if month.band:
            self.font(8)
            self.set_text_color(80, 80, 80)
            symbols = ", ".join(report.marks[i].symbol for i in month.band)
            line = tr(
                f"Sepanjang bulan: {symbols} (lihat keterangan)",
                f"All month: {symbols} (see the key)",
            )
            self.put(MARGIN, y, PAGE_W - 2 * MARGIN, 4.5, line)
            y += 5
        legend_rows = (len(month.band) + len(month.marks) + 1) // 2
        # a line for holidays, one for cuti bersama
        lines = sum(1 for kind in ("holiday", "cuti") if month.days_off(kind))
        legend_h = 5 + legend_rows * 4.2 + 4.3 * lines
        grid_h = PAGE_H - MARGIN - 7 - legend_h - y
        y = self._grid(month, y + 1, grid_h)
        self._legend(month, y + 2)
        self._footer()

    def _grid(self, month: Month, top: float, height: float) -> float:
        report = self.report
        width = (PAGE_W - 2 * MARGIN) / 7
        head = 6.0
        names = WEEKDAYS_EN if tr("id", "en") == "en" else WEEKDAYS_ID
        self.font(9, bold=True)
        for col, name in enumerate(names):
            x = MARGIN + col * width
            self.set_fill_color(235, 235, 235)
            self.rect(x, top, width, head, style="F")
            self.set_text_color(180, 0, 0) if col == 6 else self.set_text_color(0, 0, 0)
            self.put(x, top, width, head, name, align="C")
        row_h = (height - head) / len(month.weeks)
        self.set_draw_color(160, 160, 160)
        for row, week in enumerate(month.weeks):
            for col, day in enumerate(week):
                x, y = MARGIN + col * width, top + head + row * row_h
                kind = day.kind
                if kind == "voting" and day.in_month:
                    self.set_fill_color(255, 240, 170)
                    self.rect(x, y, width, row_h, style="DF")
                elif day.weekend or (kind != "workday" and day.in_month):
                    self.set_fill_color(248, 243, 243)
                    self.rect(x, y, width, row_h, style="DF")
                else:
                    self.rect(x, y, width, row_h)
                if not day.in_month:
                    self.set_text_color(170, 170, 170)
                    self.font(8)
                    self.put(x + 0.8, y + 0.6, 8, 4, str(day.day.day))
                    continue
                if kind == "cuti":
                    self.set_text_color(*CUTI)
                elif kind in ("holiday", "sunday"):
                    self.set_text_color(180, 0, 0)
                else:
                    self.set_text_color(0, 0, 0)
                self.font(11, bold=True)
                self.put(x + 0.8, y + 0.6, 9, 5, str(day.day.day))
                note = ""
                if kind == "voting":
                    note = "★ " + tr("Pemungutan suara", "Voting day")
                elif kind in ("holiday", "cuti") and day.holiday is not None:
                    note = day.holiday.name
                if note:
                    self.font(6.5, bold=kind == "voting")
                    if kind == "voting":
                        self.set_text_color(0, 0, 0)
                    elif kind == "cuti":
                        self.set_text_color(*CUTI)
                    else:
                        self.set_text_color(150, 0, 0)
                    self.put(x + 9, y + 1.2, width - 9.5, 4, note)
                slots = max(1, int((row_h - 7) // (BAR_H + 0.4)))
                shown = day.marks if len(day.marks) <= slots else day.marks[: slots - 1]
                for n, index in enumerate(shown):
                    mark = report.marks[index]
                    by = y + 6.5 + n * (BAR_H + 0.4)
                    self.set_fill_color(*_rgb(mark.colour))
                    self.rect(x + 0.6, by, width - 1.2, BAR_H, style="F")
                    self.set_text_color(255, 255, 255)
                    self.font(6, bold=True)
                    stage = mark.ref.stage
                    self.put(
                        x + 0.8,
                        by - 0.2,
                        width - 1.6,
                        BAR_H,
                        f"{mark.symbol} {pick(stage.name, stage.name_en)}",
                    )
                if len(shown) < len(day.marks):
                    self.set_text_color(60, 60, 60)
                    self.font(6)
                    by = y + 6.5 + len(shown) * (BAR_H + 0.4)
                    rest = "".join(report.marks[i].symbol for i in day.marks[len(shown) :])
                    self.put(
                        x + 0.8,
                        by - 0.2,
                        width - 1.6,
                        BAR_H,
                        f"+{len(day.marks) - len(shown)}: {rest}",
                    )
        return top + height

    def _legend(self, month: Month, top: float) -> None:
        report = self.report
        column_w = (PAGE_W - 2 * MARGIN) / 2
        self.font(7)
        shown = [*month.band, *month.marks]
        for n, index in enumerate(shown):
            mark = report.marks[index]
            stage = mark.ref.stage
            x = MARGIN + (n % 2) * column_w
            y = top + (n // 2) * 4.2
            self.set_fill_color(*_rgb(mark.colour))
            self.rect(x, y + 0.6, 3, 3, style="F")
            self.set_text_color(0, 0, 0)
            label = f"{mark.symbol}  {pick(stage.name, stage.name_en)}  {format_range(stage.start, stage.end)}"
            label += f"  [{confidence_mark(stage)}]"
            if index in month.band:
                label += tr("  (sepanjang bulan)", "  (all month)")
            if len(report.elections) > 1:
                label += f"  {mark.ref.election.id}"
            self.put(x + 4, y, column_w - 5, 4.2, label)
        y = top + ((len(shown) + 1) // 2) * 4.2 + 0.3
        for kind, days, colour in (
            (tr("Libur: ", "Holidays: "), month.days_off("holiday"), (150, 0, 0)),
            (tr("Cuti bersama: ", "Cuti bersama (joint leave): "), month.days_off("cuti"), CUTI),
        ):
            if days:
                self.set_text_color(*colour)
                listed = "; ".join(f"{h.day.day} {h.name}" for h in days)
                self.put(MARGIN, y, PAGE_W - 2 * MARGIN, 4.2, kind + listed)
                y += 4.2

    def _footer(self) -> None:
        basis, marks, made = self.report.footer()
        warning = self.report.warning()
        if warning:
            self.set_text_color(150, 75, 0)
            self.font(7.5, bold=True)
            self.put(MARGIN, PAGE_H - MARGIN - 10, PAGE_W - 2 * MARGIN, 3.6, warning)
        self.set_text_color(110, 110, 110)
        self.font(6.5)
        self.put(MARGIN, PAGE_H - MARGIN - 6, PAGE_W - 2 * MARGIN, 3.2, basis)
        self.put(MARGIN, PAGE_H - MARGIN - 3, PAGE_W - 2 * MARGIN - 60, 3.2, marks)
        self.put(PAGE_W - MARGIN - 60, PAGE_H - MARGIN - 3, 60, 3.2, made, align="R")
