"""Colour arithmetic for the calendars: the text colour that reads on a bar (WCAG 2 contrast) and the
pale fill of an uncertain one. Plain arithmetic on '#rrggbb' strings, at the ground of the package."""

from __future__ import annotations

BLACK, WHITE = "#000000", "#ffffff"


def rgb(colour: str) -> tuple[int, int, int]:
    """'#1565c0' -> (21, 101, 192)."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance, 0 (black) to 1 (white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    """WCAG 2 contrast ratio, 1 to 21; 4.5 is the AA floor for small text."""
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def ink(fill: str) -> str:
    """Black or white, whichever contrasts more with ``fill`` (always at least 4.58:1)."""
    return BLACK if contrast(fill, BLACK) >= contrast(fill, WHITE) else WHITE


def faded(colour: str, amount: float = 0.6) -> str:
    """``colour`` mixed with ``amount`` of white: the fill of a bar whose start is unknown."""
    return "#" + "".join(f"{round(c + (255 - c) * amount):02x}" for c in rgb(colour))


# The printed calendars' own colours, one place for the PDF and the HTML; each text colour keeps
# 4.5:1 on every background it is set on (tested).
#: public holidays' and Sundays' text
HOLIDAY = "#b40000"
#: cuti bersama's text: orange-brown, apart from the holidays' red
CUTI = "#9a4d00"
#: the projection warning
WARNING = "#964b00"
#: a case's deadline (`calendar --cases`): crimson, apart from the stages' colours and the holidays'
CASE = "#ad1457"
#: the footer's text
QUIET = "#5a5a5a"
#: voting day's cell
VOTING_DAY = "#ffec96"
#: weekends and days off
SHADE = "#f6f0f0"
#: another month's days
OUTSIDE = "#e4e4e4"
#: the weekday header
HEADER = "#ebebeb"
