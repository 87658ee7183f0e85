"""The colours of a calendar's stages: voting day red and the campaign blue, the others apart from
the stages near them in time, in print and on screen."""

from __future__ import annotations

from datetime import date, timedelta

from tahapan.days import lanes as ln
from tahapan.days import timeline as tl

#: the strong colours kept for the stages that matter most: voting day (red) and the campaign (blue)
STRONG = {ln.VOTING: "#c62828", ln.CAMPAIGN: "#1565c0"}
#: colours for the other stages, apart from the strong ones and from each other in print and on
#: screen (hex for PDF and HTML; the text on a bar is black or white, whichever reads better)
PALETTE = (
    "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#795548", "#9e9d24",
    "#f9a825", "#4db6ac", "#f48fb1", "#546e7a", "#7cb342", "#ba68c8",
)  # fmt: skip


def colours(shown: list[tuple[tl.StageRef, date]]) -> list[str]:
    """Each stage's colour (given with the first day it is drawn): voting day's and the campaign's
    their strong ones, the others one that no stage near it in time has (within a month either
    side, so that one page's key shows different colours), while the palette lasts (greedy
    colouring of intervals, in order of start)."""
    near = timedelta(days=31)
    out: list[str] = []
    for ref, begin in shown:
        strong = STRONG.get(ln.importance(ref.stage))
        if strong is not None:
            out.append(strong)
            continue
        first, last = begin - near, ref.stage.end + near
        taken = {
            colour
            for (other, other_begin), colour in zip(shown, out, strict=False)
            if other_begin <= last and other.stage.end >= first
        }
        free = [c for c in PALETTE if c not in taken]
        out.append(free[0] if free else PALETTE[len(out) % len(PALETTE)])
    return out
