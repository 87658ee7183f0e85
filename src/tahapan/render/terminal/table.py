"""The stage tables of `tahapan list`, laid out as Rich lays out a ``box.SIMPLE_HEAD`` table with
``pad_edge=False, expand=True``, but measuring and wrapping each cell once.

A national data office lists 100,000 stages: Rich's Table measures and renders every cell several
times through nested renderables (padding, measurement, cropping), about 1 ms a row here, 40 s for
such a list. This draws the same characters from the same rules: Rich's own word division,
column collapsing and space sharing, applied to plain strings. ``tests/test_table.py`` draws
random tables both ways and compares the text.
"""

from __future__ import annotations

from itertools import pairwise
from math import ceil
from typing import Literal

from rich._wrap import divide_line
from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style

#: a piece of a cell's text and its style ("" for none)
Run = tuple[str, str]


class Column:
    __slots__ = ("header", "justify", "min_width", "no_wrap", "overflow")

    def __init__(
        self,
        header: str,
        *,
        justify: Literal["left", "right"] = "left",
        overflow: Literal["fold", "ellipsis"] = "ellipsis",
        no_wrap: bool = False,
        min_width: int | None = None,
    ) -> None:
        self.header, self.justify, self.overflow = header, justify, overflow
        self.no_wrap, self.min_width = no_wrap, min_width


class Cell:
    """A cell's text as styled runs ("\\n" between its lines). With a ``prefix`` (a stage's place
    in the tree) the text wraps in the width left after it, the prefix before its first line and
    as many spaces before the others."""

    __slots__ = ("plain", "prefix", "runs")

    def __init__(self, runs: list[Run], prefix: str = "") -> None:
        self.runs, self.prefix = runs, prefix
        self.plain = runs[0][0] if len(runs) == 1 else "".join([text for text, _ in runs])

    @classmethod
    def text(cls, text: str) -> Cell:
        """A cell of unstyled text."""
        return cls([(text, "")])


def _cells(text: str) -> int:
    # most of a schedule is ASCII, one cell a character; Rich looks the rest up
    return len(text) if text.isascii() else cell_len(text)


def _measure(text: str) -> tuple[int, int]:
    """Rich's measure of a Text: its longest word and its longest line, in cells."""
    if text.isascii() and text.isprintable():  # most cells: one line, one cell a character
        return max(map(len, text.split()), default=len(text)), len(text)
    lines = text.splitlines()
    widest = max(map(_cells, lines)) if lines else 0
    words = text.split()
    return (max(map(_cells, words)) if words else widest), widest


class StageTable:
    """A table of rows of cells, drawn as a Rich renderable (styled segments when the console has
    colour, one plain segment a line when it has none)."""

    def __init__(self, columns: list[Column], *, header_style: str = "bold") -> None:
        self.columns = columns
        self.header_style = header_style
        self.rows: list[list[Cell]] = []

    def add_row(self, *cells: Cell) -> None:
        self.rows.append(list(cells))

    def _padding(self, index: int) -> tuple[int, int]:
        # (0, 1) padding, none at the table's two edges (pad_edge=False)
        return (0 if index == 0 else 1), (0 if index == len(self.columns) - 1 else 1)

    def _sizes(self, index: int) -> list[tuple[int, int, int]]:
        """Each cell's (longest word, longest line, prefix), the header first."""
        measured: dict[str, tuple[int, int]] = {}  # dates and marks repeat: measured once each
        out = [(*_measure(self.columns[index].header), 0)]
        for row in self.rows:
            cell = row[index]
            size = measured.get(cell.plain)
            if size is None:
                size = measured[cell.plain] = _measure(cell.plain)
            out.append((*size, len(cell.prefix)))
        return out

    def _measure_column(self, index: int, available: int, sizes: list[tuple[int, int, int]]) -> int:
        """The column's widest measure, as Table._measure_column gives it (Padding, Text and a
        hanging prefix each clamp to the room they have)."""
        if available < 1:
            return 0
        pad = sum(self._padding(index))
        inner = available - pad
        if inner < 1:  # no room inside the padding: Rich gives the whole width
            high = available
        else:
            high = 0
            for _, line, prefix in sizes:
                size = min(line, inner)
                if prefix:
                    size = min(size + prefix, inner)
                high = max(high, size)
            high = min(high + pad, available)
        minimum = self.columns[index].min_width
        return high if minimum is None else max(high, minimum + pad)

    def widths(self, max_width: int) -> list[int]:
        """Each column's width, padding included: Table._calculate_column_widths."""
        count = len(self.columns)
        sizes = [self._sizes(i) for i in range(count)]
        available = max_width - (count + 1)  # two edges and a divider between columns
        widths = [self._measure_column(i, available, sizes[i]) or 1 for i in range(count)]
        total = sum(widths)
        if total > available:
            wrapable = [not c.no_wrap for c in self.columns]
            widths = _collapse(widths, wrapable, available)
            total = sum(widths)
            if total > available:
                widths = _reduce(total - available, [1] * count, widths, widths)
                total = sum(widths)
            widths = [self._measure_column(i, w, sizes[i]) for i, w in enumerate(widths)]
            total = sum(widths)
        if total < available:
            extra = _distribute(available - total, widths)
            widths = [w + e for w, e in zip(widths, extra, strict=True)]
        return widths

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = self.widths(options.max_width)
        limit = options.max_width
        # Rich's widths can add up to a column more than the console has; print() cuts it off
        over = sum(widths) + len(widths) + 1 > limit
        new_line = Segment.line()
        blank = " " * (sum(widths) + len(widths) + 1)
        rule = " " + "─" * (sum(widths) + len(widths) - 1) + " "
        excess = sum(widths) + len(widths) + 1 - limit
        if over:
            blank = _crop(blank, excess)
        yield from (Segment(blank), new_line)
        header = [Cell([(c.header, self.header_style)]) for c in self.columns]
        if console.color_system is None:
            # no colour: Rich would write every style as nothing, so the table is one segment;
            # dates, lengths and marks repeat from stage to stage, and are laid out once each
            drawn: list[str] = []
            memo: dict[tuple[int, str], list[str]] = {}
            for n, row in enumerate([header, *self.rows]):
                drawn.extend(self._plain_row(row, widths, memo))
                if n == 0:
                    drawn.append(rule)
            if over:
                drawn = [_crop(line, excess) for line in drawn]
            drawn.append("")
            yield Segment("\n".join(drawn))
        else:
            styles: dict[str, Style | None] = {"": None}
            for n, row in enumerate([header, *self.rows]):
                for runs in self._styled_row(row, widths):
                    for text, name in _crop_runs(runs, limit) if over else runs:
                        if name not in styles:
                            styles[name] = console.get_style(name)
                        yield Segment(text, styles[name])
                    yield new_line
                if n == 0:
                    yield from (Segment(_crop(rule, excess) if over else rule), new_line)
        yield from (Segment(blank), new_line)

    def _plain_row(
        self, row: list[Cell], widths: list[int], memo: dict[tuple[int, str], list[str]]
    ) -> list[str]:
        cells = []
        for i, (cell, width) in enumerate(zip(row, widths, strict=True)):
            text, prefix = cell.plain, cell.prefix
            if not prefix and (i, text) in memo:
                cells.append(memo[i, text])
                continue
            column = self.columns[i]
            left, right = self._padding(i)
            inner = width - left - right
            if prefix:
                lead = " " * len(prefix)
                spans = _spans(text, max(1, inner - len(prefix)), fold=True, no_wrap=False)
                lines = [
                    _fit((prefix if n == 0 else lead) + text[a:b], inner, "left", column.overflow)
                    for n, (a, b) in enumerate(spans)
                ]
            else:
                spans = _spans(text, inner, column.overflow == "fold", column.no_wrap)
                lines = [_fit(text[a:b], inner, column.justify, column.overflow) for a, b in spans]
            cells.append([" " * left + line + " " * right for line in lines])
            if not prefix:
                memo[i, text] = cells[-1]
        height = max(map(len, cells))
        out = []
        for line_no in range(height):
            parts = [
                c[line_no] if line_no < len(c) else " " * w
                for c, w in zip(cells, widths, strict=True)
            ]
            out.append(" " + " ".join(parts) + " ")
        return out

    def _styled_row(self, row: list[Cell], widths: list[int]) -> list[list[Run]]:
        cells = []
        for i, (cell, width) in enumerate(zip(row, widths, strict=True)):
            column = self.columns[i]
            left, right = self._padding(i)
            inner = width - left - right
            if cell.prefix:
                lead = " " * len(cell.prefix)
                spans = _spans(cell.plain, max(1, inner - len(cell.prefix)), True, False)
                lines = [
                    _fit_runs(
                        [(cell.prefix, "dim") if n == 0 else (lead, ""), *_cut(cell, a, b)],
                        inner,
                        "left",
                        column.overflow,
                    )
                    for n, (a, b) in enumerate(spans)
                ]
            else:
                spans = _spans(cell.plain, inner, column.overflow == "fold", column.no_wrap)
                lines = [
                    _fit_runs(_cut(cell, a, b), inner, column.justify, column.overflow)
                    for a, b in spans
                ]
            cells.append([[(" " * left, ""), *line, (" " * right, "")] for line in lines])
        out = []
        for line_no in range(max(map(len, cells))):
            runs: list[Run] = []
            for c, w in zip(cells, widths, strict=True):
                runs.append((" ", ""))  # the table's edge, then the space between columns
                runs.extend(c[line_no] if line_no < len(c) else [(" " * w, "")])
            out.append([*runs, (" ", "")])
        return out


# Rich's own arithmetic for sharing a table's width (Table._collapse_widths, ratio_reduce and
# ratio_distribute), written here so that `list` does not import rich.table and its fractions


def _collapse(widths: list[int], wrapable: list[bool], max_width: int) -> list[int]:
    """Narrow the widest wrapable columns, a step at a time, until the total fits."""
    total = sum(widths)
    excess = total - max_width
    if any(wrapable):
        while total and excess > 0:
            widest = max(w for w, can in zip(widths, wrapable, strict=True) if can)
            second = max(
                w if can and w != widest else 0 for w, can in zip(widths, wrapable, strict=True)
            )
            ratios = [
                1 if w == widest and can else 0 for w, can in zip(widths, wrapable, strict=True)
            ]
            if not any(ratios) or not widest - second:
                break
            widths = _reduce(excess, ratios, [min(excess, widest - second)] * len(widths), widths)
            total = sum(widths)
            excess = total - max_width
    return widths


def _reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    ratios = [ratio if most else 0 for ratio, most in zip(ratios, maximums, strict=True)]
    left = sum(ratios)
    if not left:
        return values[:]
    out = []
    for ratio, most, value in zip(ratios, maximums, values, strict=True):
        if ratio and left > 0:
            taken = min(most, round(ratio * total / left))
            out.append(value - taken)
            total -= taken
            left -= ratio
        else:
            out.append(value)
    return out


def _distribute(total: int, ratios: list[int]) -> list[int]:
    left = sum(ratios)
    out = []
    for ratio in ratios:
        share = ceil(ratio * total / left) if left > 0 else total
        out.append(share)
        left -= ratio
        total -= share
    return out


def _spans(text: str, width: int, fold: bool, no_wrap: bool) -> list[tuple[int, int]]:
    """Text.wrap's lines as (start, end) offsets of ``text``: Rich's word division, then its
    rstrip_end (trailing spaces beyond the width go)."""
    out: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if no_wrap or _cells(line) <= width:  # a line that fits is never divided
            out.append((start, end))
        else:
            bounds = [start, *(start + c for c in divide_line(line, width, fold=fold)), end]
            for a, b in pairwise(bounds):
                if b - a > width:
                    piece = text[a:b]
                    b -= min(len(piece) - len(piece.rstrip()), b - a - width)
                out.append((a, b))
        start = end + 1
    return out


def _fit(line: str, width: int, justify: str, overflow: str) -> str:
    """A line justified, cut and padded to ``width`` as Rich draws it in a table cell."""
    if justify == "right":
        line = line.rstrip()
    length = _cells(line)
    if length > width:
        return (
            set_cell_size(line, width - 1) + "…"
            if overflow == "ellipsis"
            else set_cell_size(line, width)
        )
    if justify == "right":
        return " " * (width - length) + line
    return line + " " * (width - length)


def _fit_runs(line: list[Run], width: int, justify: str, overflow: str) -> list[Run]:
    """``_fit`` for styled runs."""
    plain = "".join(text for text, _ in line)
    fitted = _fit(plain, width, justify, overflow)
    if justify == "right":
        plain = plain.rstrip()
        kept = _cut(Cell(line), 0, len(plain))
        return (
            [(fitted[: len(fitted) - len(plain)], ""), *kept]
            if fitted.endswith(plain)
            else [(fitted, "")]
        )
    if fitted.startswith(plain):
        return [*line, (fitted[len(plain) :], "")]
    body = fitted.rstrip("…")
    if plain.startswith(body):  # cut: the runs up to the cut, then the ellipsis if any
        return [*_cut(Cell(line), 0, len(body)), (fitted[len(body) :], line[-1][1] if line else "")]
    return [(fitted, line[0][1] if line else "")]


def _cut(cell: Cell, a: int, b: int) -> list[Run]:
    """The runs of ``cell`` between two offsets of its plain text."""
    out: list[Run] = []
    at = 0
    for text, name in cell.runs:
        lo, hi = max(a, at), min(b, at + len(text))
        if lo < hi:
            piece = text[lo - at : hi - at].replace("\n", "")
            if piece:
                out.append((piece, name))
        at += len(text)
    return out


def _crop(line: str, excess: int) -> str:
    """A drawn line (every cell at its width) less its last ``excess`` cells."""
    end = line[-excess:]
    if end.isascii():
        return line[:-excess]
    return set_cell_size(line, _cells(line) - excess)


def _crop_runs(runs: list[Run], width: int) -> list[Run]:
    """The runs that fit in ``width`` cells, the one across the edge cut at it."""
    out: list[Run] = []
    for text, name in runs:
        size = _cells(text)
        if size >= width:
            out.append((set_cell_size(text, width), name))
            break
        out.append((text, name))
        width -= size
    return [run for run in out if run[0]]
