"""Text on a PDF page that cannot break the file (``pdf_file``, imported only for a PDF): DejaVu Sans
when the system has it (every character of Indonesian and most others), otherwise the PDF core font with what
it cannot show replaced; a character the font lacks becomes "?"."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from tahapan.colours import rgb
from tahapan.render.pdf_file import Sheets

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)
#: the smallest type on paper, in points: read at arm's length from a wall
SMALLEST = 7.0


def find_font(name: str) -> Path | None:
    for folder in FONT_DIRS:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


class TextPage(Sheets):
    """An A4 landscape document whose text is always drawable, at SMALLEST points or more."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.c_margin = 0.6  # a cell's inner margin: room for a day's note beside its number
        self.title = title
        self.creator = "tahapan"
        regular, bold = find_font("DejaVuSans.ttf"), find_font("DejaVuSans-Bold.ttf")
        if regular is not None:
            self.add_truetype("body", regular)
            self.add_truetype("bodyB", bold or regular)
            self.family_name = "body"
        else:
            self.family_name = "helvetica"
        #: ``safe`` texts by font: a page asks for the same label and note many times over
        self._safe: dict[tuple[str, str], str] = {}

    def safe(self, text: str) -> str:
        """``text`` with what the font cannot draw replaced by '?', control characters dropped."""
        key = (self.font_key, text)
        found = self._safe.get(key)
        if found is None:
            found = self._safe[key] = self._drawable(text)
        return found

    def _drawable(self, text: str) -> str:
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
        self.set_font(self.family_name + ("B" if bold else ""), max(size, SMALLEST))

    def colour(self, colour: str | tuple[int, int, int]) -> None:
        self.set_text_color(*(rgb(colour) if isinstance(colour, str) else colour))

    def fill(self, colour: str | tuple[int, int, int]) -> None:
        self.set_fill_color(*(rgb(colour) if isinstance(colour, str) else colour))

    def fit(self, text: str, width: float) -> str:
        """The text cut (with an ellipsis) to fit ``width`` in the current font: for labels whose
        full text is printed elsewhere on the page."""
        text = self.safe(text)
        if self.get_string_width(text) <= width:
            return text
        dots = self.safe("…")
        while text and self.get_string_width(text + dots) > width:
            text = text[:-1]
        return text.rstrip() + dots

    def put(self, x: float, y: float, w: float, h: float, text: str, align: str = "L") -> None:
        self.set_xy(x, y)
        self.cell(w, h, self.fit(text, w - 2 * self.c_margin), align=align)

    def lines(self, text: str, width: float) -> list[str]:
        """``text`` wrapped by words to ``width`` in the current font, whole: nothing is cut (a word
        wider than a line is split). A no-break space keeps what it joins, a date, on one line."""
        room = width - 2 * self.c_margin
        out: list[str] = []
        line = ""
        for word in self.safe(text).split(" "):
            trial = f"{line} {word}" if line else word
            if self.get_string_width(trial) <= room:
                line = trial
                continue
            if line:
                out.append(line)
            while self.get_string_width(word) > room and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and self.get_string_width(word[:cut]) > room:
                    cut -= 1
                out.append(word[:cut])
                word = word[cut:]
            line = word
        out.append(line)
        return out

    def whole(self, text: str, width: float, most: int) -> list[str] | None:
        """``text`` in at most ``most`` lines of ``width`` broken between words only, or None when
        it does not fit so: a label is then left to the key rather than cut."""
        room = width - 2 * self.c_margin
        if any(self.get_string_width(word) > room for word in self.safe(text).split(" ")):
            return None
        lines = self.lines(text, width)
        return lines if len(lines) <= most else None

    def wrapped(self, x: float, y: float, w: float, line_h: float, text: str) -> float:
        """``text`` wrapped into lines from (x, y); the y under the last line."""
        for line in self.lines(text, w):
            self.set_xy(x, y)
            self.cell(w, line_h, line)
            y += line_h
        return y
