"""The colours of a calendar's stages: voting day red and the campaign blue, the others apart from
the stages near them in time, in print and on screen."""

from __future__ import annotations

import heapq
from collections import Counter
from datetime import date, timedelta
from itertools import pairwise

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
    """Each stage's colour (given with the first day it is drawn, in that order): voting day's and
    the campaign's their strong ones, the others one that no stage near it in time has (within a
    month either side, so that one page's key shows different colours), while the palette lasts
    (greedy colouring of intervals, in order of start)."""
    near = timedelta(days=31)
    out: list[str] = []
    # the stages drawn so far that still end within a month of the next one's start, and how many
    # of them have each colour: starts only grow, so one that ends too early never comes back
    # (a national calendar has tens of thousands of stages: never look at all of them again)
    ending: list[tuple[date, int]] = []
    used: Counter[str] = Counter()
    ordered = all(a[1] <= b[1] for a, b in pairwise(shown))
    for ref, begin in shown:
        first, last = begin - near, ref.stage.end + near
        while ending and ending[0][0] < first:
            used[out[heapq.heappop(ending)[1]]] -= 1
        strong = STRONG.get(ln.importance(ref.stage))
        if strong is not None:
            colour = strong
        else:
            if ordered and begin <= last:  # every stage before starts no later than ``last``
                taken = {c for c, n in used.items() if n}
            else:
                taken = {
                    colour
                    for (other, other_begin), colour in zip(shown, out, strict=False)
                    if other_begin <= last and other.stage.end >= first
                }
            free = [c for c in PALETTE if c not in taken]
            colour = free[0] if free else PALETTE[len(out) % len(PALETTE)]
        heapq.heappush(ending, (ref.stage.end, len(out)))
        used[colour] += 1
        out.append(colour)
    return out
