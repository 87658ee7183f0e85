"""A small PDF writer for the wall calendar: A4 landscape pages of filled and framed rectangles and
one-line text cells, in DejaVu Sans (embedded, only the glyphs used) or the core Helvetica.

Its drawing calls are those of fpdf2 that the calendar used (``rect``, ``cell``, ``set_xy``, the
three colours), and draw the same operators at the same places; a general PDF library costs more to
import than the whole calendar takes to lay out. Units are millimetres from the top left.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tahapan.render import pdf_core_widths
from tahapan.render.pdf_font import TrueType
from tahapan.render.pdf_objects import document

#: points per millimetre, and the A4 landscape page in millimetres
K = 72 / 25.4
PAGE_W, PAGE_H_PT = 841.89, 595.28
#: a rectangle's PDF painting operator by style: fill, frame, both
PAINT = {"F": "f", "D": "S", "DF": "B", "FD": "B"}
#: the codes 0 and space keep their own value in an embedded font's encoding
SPACE = 0x20

RGB = tuple[int, int, int]


@dataclass
class Font:
    """A font of the document: ``/F{number}``; its characters' widths; for an embedded one, the
    code each character drawn is given, in the order first drawn."""

    number: int
    cw: dict[str, int]
    base: str
    file: TrueType | None = None
    codes: dict[str, int] = field(default_factory=dict)
    next_code: int = 1

    @property
    def cmap(self) -> dict[int, int] | None:
        return None if self.file is None else self.file.cmap

    def encode(self, text: str) -> str:
        """``text`` as the string operand of Tj: two bytes a character (embedded), else Latin-1."""
        if self.file is None:
            return _escape(text)
        codes = self.codes
        out = []
        for char in text:
            code = codes.get(char)
            if code is None:
                if ord(char) not in self.file.cmap:
                    continue  # a character the font lacks is not drawn
                code = SPACE if char == " " else self._new_code()
                codes[char] = code
            out.append(code)
        return _escape("".join(map(chr, out)).encode("utf-16-be").decode("latin-1"))

    def _new_code(self) -> int:
        code = self.next_code
        if code == SPACE:
            code += 1
        self.next_code = code + 1
        return code


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(")", "\\)").replace("(", "\\(").replace("\r", "\\r")


def _colour(rgb: RGB, stroke: bool) -> str:
    if rgb == (0, 0, 0):
        return "0 G" if stroke else "0 g"
    parts = " ".join(f"{v / 255:.4f}".rstrip("0").rstrip(".") for v in rgb)
    return f"{parts} {'RG' if stroke else 'rg'}"


class Sheets:
    """The pages drawn so far and the state the next drawing call uses."""

    def __init__(self) -> None:
        self.k = K
        self.w, self.h = PAGE_W / K, PAGE_H_PT / K
        #: a text cell's inner margin, left and right
        self.c_margin = 1.0
        self.x = self.y = 10.0
        self.title = ""
        self.creator = ""
        self.created = datetime.now(UTC)
        self.pages: list[bytearray] = []
        self.fonts: dict[str, Font] = {}
        self.current_font: Font | None = None
        self.font_key = ""
        self.font_size_pt = 0.0
        self._font_on_page = False
        self.draw_color: RGB = (0, 0, 0)
        self.fill_color: RGB = (0, 0, 0)
        self.text_color: RGB = (0, 0, 0)
        self._widths: dict[tuple[str, float, str], float] = {}

    # --------------------------------------------------------------------------------- fonts

    def add_truetype(self, key: str, path: Path) -> None:
        file = TrueType(path)
        self.fonts[key] = Font(len(self.fonts) + 1, file.cw, file.name, file)

    def set_font(self, key: str, size: float) -> None:
        """Draw text in font ``key`` (one added, else "helvetica" or "helveticaB") at ``size`` pt."""
        if self.font_key == key and abs(self.font_size_pt - size) < 1e-9:
            return
        if key not in self.fonts:
            bold = key.endswith("B")
            widths = pdf_core_widths.BOLD if bold else pdf_core_widths.REGULAR
            cw = {chr(n): w for n, w in enumerate(widths)}
            self.fonts[key] = Font(
                len(self.fonts) + 1, cw, "Helvetica-Bold" if bold else "Helvetica"
            )
        self.font_key, self.font_size_pt = key, size
        self.current_font = self.fonts[key]
        self._font_on_page = False

    def get_string_width(self, text: str) -> float:
        """``text``'s width in the current font, in mm (kept: a layout measures a text many times)."""
        key = (self.font_key, self.font_size_pt, text)
        width = self._widths.get(key)
        if width is None:
            assert self.current_font is not None
            cw = self.current_font.cw
            width = sum([cw[c] for c in text]) * self.font_size_pt * 0.001 / self.k
            self._widths[key] = width
        return width

    # ------------------------------------------------------------------------------- drawing

    def add_page(self) -> None:
        self.pages.append(bytearray())
        self.x = self.y = 10.0
        self._font_on_page = False
        self._out("2 J")
        self._out(f"{0.2 * self.k:.2f} w")
        if self.draw_color != (0, 0, 0):
            self._out(_colour(self.draw_color, stroke=True))
        if self.fill_color != (0, 0, 0):
            self._out(_colour(self.fill_color, stroke=False))

    def _out(self, line: str) -> None:
        page = self.pages[-1]
        page += line.encode("latin-1")
        page.append(0x0A)

    def set_draw_color(self, r: int, g: int, b: int) -> None:
        if (r, g, b) != self.draw_color:
            self.draw_color = (r, g, b)
            if self.pages:
                self._out(_colour(self.draw_color, stroke=True))

    def set_fill_color(self, r: int, g: int, b: int) -> None:
        if (r, g, b) != self.fill_color:
            self.fill_color = (r, g, b)
            if self.pages:
                self._out(_colour(self.fill_color, stroke=False))

    def set_text_color(self, r: int, g: int, b: int) -> None:
        self.text_color = (r, g, b)

    def set_xy(self, x: float, y: float) -> None:
        self.x, self.y = x, y

    def rect(self, x: float, y: float, w: float, h: float, style: str = "D") -> None:
        k = self.k
        self._out(f"{x * k:.2f} {(self.h - y) * k:.2f} {w * k:.2f} {-h * k:.2f} re {PAINT[style]}")

    def cell(self, w: float, h: float, text: str = "", align: str = "L") -> None:
        """One line of ``text`` in a cell of ``w`` × ``h`` at the current place, centred on its
        height; the place moves right by ``w``."""
        font = self.current_font
        assert font is not None
        if text:
            k = self.k
            width = self.get_string_width(text)
            if align == "R":
                dx = w - self.c_margin - width
            elif align == "C":
                dx = (w - width) / 2
            else:
                dx = self.c_margin
            if not self._font_on_page:
                self._out(f"BT /F{font.number} {self.font_size_pt:.2f} Tf ET")
                self._font_on_page = True
            size = self.font_size_pt / k
            parts = [
                f"BT {(self.x + dx) * k:.2f} {(self.h - self.y - 0.5 * h - 0.3 * size) * k:.2f} Td"
            ]
            recoloured = self.text_color != self.fill_color
            if recoloured:
                parts.append(_colour(self.text_color, stroke=False))
            parts.append(f"({font.encode(text)}) Tj")
            parts.append("ET")
            line = " ".join(parts)
            self._out(f"q {line} Q" if recoloured else line)
        self.x += w

    # -------------------------------------------------------------------------------- output

    def output(self) -> bytes:
        return document(self)
