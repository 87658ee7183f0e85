"""Where each stage's bar sits in a month grid, so that the eye can follow it across the days.

A stage gets one lane (a row inside the week rows) for the whole month; in each week it is drawn as one
segment from its first to its last day there. Lanes are handed out greedily, the voting day's stage
first, then the campaign, then the others by start date: those two always sit on top, where they are
never the ones pushed to a continuation.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from tahapan.model import VOTING_STAGES, Stage

#: a stage's rank for the top lanes and the strong colours: voting day, then the campaign
VOTING, CAMPAIGN, OTHER = 0, 1, 2


def importance(stage: Stage) -> int:
    """VOTING for a voting day's stage (a re-vote's and a second round's too), CAMPAIGN for a
    campaign, OTHER for the rest."""
    # VOTING_STAGES and the second round's "pemungutan-suara-putaran-kedua" alike
    if stage.id.startswith(VOTING_STAGES[0]):
        return VOTING
    if stage.id.startswith("kampanye"):
        return CAMPAIGN
    return OTHER


@dataclass(frozen=True)
class Segment:
    """One stage's bar in one week: columns ``first``..``last`` (0 = Senin) of lane ``lane``."""

    mark: int
    lane: int
    first: int
    last: int
    #: the stage's first day is in this segment (false: it goes on from an earlier week, or its start
    #: is unknown)
    opens: bool


def place(
    weeks: Sequence[Sequence[tuple[date, bool, Sequence[int]]]],
    ranks: Sequence[int],
    starts: Sequence[date | None],
) -> tuple[tuple[Segment, ...], ...]:
    """The segments of each week. ``weeks`` holds (day, in the month, marks running) per day;
    ``ranks`` and ``starts`` are each mark's importance and first day (None when unknown)."""
    spans: dict[int, list[date]] = {}
    for week in weeks:
        for day, in_month, running in week:
            if in_month:
                for index in running:
                    span = spans.setdefault(index, [day, day])
                    span[1] = day
    order = sorted(spans, key=lambda i: (ranks[i], spans[i][0], -spans[i][1].toordinal(), i))
    # each lane's spans, apart, in order: (their starts, their ends); a span fits a lane when the
    # one before it there ends before it starts (the others start after it ends, or end earlier)
    lanes: list[tuple[list[date], list[date]]] = []
    lane_of: dict[int, int] = {}
    for index in order:
        first, last = spans[index]
        for n, (begins, ends) in enumerate(lanes):
            at = bisect_right(begins, last)
            if at == 0 or ends[at - 1] < first:
                begins.insert(at, first)
                ends.insert(at, last)
                lane_of[index] = n
                break
        else:
            lane_of[index] = len(lanes)
            lanes.append(([first], [last]))
    out = []
    for week in weeks:
        columns: dict[int, list[int]] = {}
        for col, (_day, in_month, running) in enumerate(week):
            if in_month:
                for index in running:
                    columns.setdefault(index, []).append(col)
        segments = [
            Segment(
                index,
                lane_of[index],
                cols[0],
                cols[-1],
                starts[index] is not None and starts[index] == week[cols[0]][0],
            )
            for index, cols in columns.items()
        ]
        out.append(tuple(sorted(segments, key=lambda s: (s.lane, s.first))))
    return tuple(out)


def depth(segments: Sequence[Segment]) -> int:
    """How many lanes a week needs: its highest lane + 1 (0 for a week without stages)."""
    return max((s.lane + 1 for s in segments), default=0)
