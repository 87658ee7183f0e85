"""Styles in the terminal views: a faint tree prefix does not make the stage name faint."""

from __future__ import annotations

from rich.console import Console

from tahapan.days import timeline as tl
from tahapan.render.terminal.parts import indent
from tahapan.schedule.load import load_catalog


def _ansi(text) -> str:
    console = Console(force_terminal=True, color_system="standard", width=120)
    with console.capture() as captured:
        console.print(text)
    return captured.get()


def test_a_sub_stage_name_is_not_faint():
    pemilu = next(e for e in load_catalog().elections if e.id == "pemilu-2024")
    ref = next(r for r in tl.all_stages([pemilu]) if r.path == "kampanye/rapat-umum")
    text = indent(ref)
    assert text.style == ""  # no base style for the whole line
    assert [(s.start, s.end, str(s.style)) for s in text.spans] == [(0, 4, "dim")]  # "  └ "
    # the faint prefix, reset, then the name in the terminal's normal weight
    assert _ansi(text) == "\x1b[2m  └ \x1b[0mRapat umum dan iklan media massa\n"
