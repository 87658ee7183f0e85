"""Relative dates: fill in the starts and ends that a schedule file gives as rules.

``end = { after = "penetapan-hasil", working_days = 3 }`` is the third working day after the day
penetapan-hasil ends; ``start = { before = "pemungutan-suara", days = 7 }`` is seven days before it
starts; ``start = { h = -30 }`` is voting day minus 30. A rule may name a stage whose own dates are
rules; unknown stages and cycles are reported with the path of the stage that holds the rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from tahapan.days.workdays import WorkCalendar
from tahapan.i18n import Message, Words
from tahapan.model import UNRESOLVED, Election, RelativeDate, Stage
from tahapan.schedule.rules import Problem

Edge = Literal["start", "end"]


class _Unresolvable(Exception):
    #: None: the failure was already reported where it began
    def __init__(self, problem: Problem | None) -> None:
        self.problem = problem


def has_rules(election: Election) -> bool:
    return any(s.start_rule or s.end_rule for _, s in election.walk())


def resolve(election: Election) -> tuple[Election, list[Problem]]:
    """The election with every rule's date filled in, and the problems of the rules that fail."""
    if not has_rules(election):
        return election, []
    resolver = _Resolver(election)
    problems: list[Problem] = []
    for path, stage in election.walk():
        for edge in ("start", "end"):
            if _rule(stage, edge) is None:
                continue
            try:
                resolver.date_of(path, edge)
            except _Unresolvable as err:
                if err.problem is not None and err.problem not in problems:
                    problems.append(err.problem)
    if problems:
        return election, problems
    stages = tuple(_rebuild(s, "", resolver.done) for s in election.stages)
    return replace(election, stages=stages), []


def anchor_date(election: Election, rule: RelativeDate) -> date | None:
    """The date a rule counts from (of a resolved election): voting day, or the named stage's end/start."""
    if rule.anchor is None:
        return election.voting_day
    for path, stage in election.walk():
        if rule.anchor in (path, stage.id):
            return stage.end if rule.after is not None else stage.start
    return None


def _rule(stage: Stage, edge: str) -> RelativeDate | None:
    return stage.start_rule if edge == "start" else stage.end_rule


@dataclass
class _Resolver:
    election: Election

    def __post_init__(self) -> None:
        self.by_path = dict(self.election.walk())
        self.by_id = {s.id: p for p, s in self.by_path.items()}
        self.done: dict[tuple[str, Edge], date | None] = {}
        self.failed: set[tuple[str, Edge]] = set()
        self._calendar: WorkCalendar | None = None

    @property
    def calendar(self) -> WorkCalendar:
        if self._calendar is None:
            # a local holiday does not move a date the whole election shares
            self._calendar = WorkCalendar(h for h in self.election.holidays if not h.regions)
        return self._calendar

    def date_of(self, path: str, edge: Edge) -> date | None:
        """The date of one edge, following the rules it counts from with a stack of its own, not
        Python's: a chain of a thousand stages resolves (and a cycle is found) in linear time."""
        stack: list[tuple[str, Edge]] = [(path, edge)]
        depth: dict[tuple[str, Edge], int] = {(path, edge): 0}  # where each key is on the stack
        try:
            while stack:
                key = stack[-1]
                if key in self.failed:
                    raise _Unresolvable(None)
                stage = self.by_path[key[0]]
                rule = _rule(stage, key[1])
                if key in self.done or rule is None:
                    if key not in self.done:
                        self.done[key] = stage.start if key[1] == "start" else stage.end
                    stack.pop()
                    depth.pop(key, None)
                    continue
                if rule.anchor is None:
                    self.done[key] = self._count(key, rule, self.election.voting_day)
                    continue
                target = self._find(rule.anchor, key)
                dep: tuple[str, Edge] = (target, "end" if rule.after is not None else "start")
                if dep in self.done:
                    self.done[key] = self._count(key, rule, self.done[dep])
                    continue
                if dep in depth:
                    loop = [*stack[depth[dep] :], dep]
                    shown = " → ".join(f"{p}.{e}" for p, e in loop)
                    raise _Unresolvable(
                        self._problem(
                            stack[0],
                            Words(
                                f"tanggal relatif berputar: {shown}",
                                f"relative dates form a cycle: {shown}",
                            ),
                        )
                    )
                depth[dep] = len(stack)
                stack.append(dep)
        except _Unresolvable:
            self.failed.update(stack)
            raise
        return self.done[(path, edge)]

    def _count(self, key: tuple[str, Edge], rule: RelativeDate, base: date | None) -> date:
        if base is None and rule.anchor is None:
            raise _Unresolvable(
                self._problem(
                    key,
                    Words(
                        f"hari pemungutan suara {self.election.id} belum ditetapkan, jadi {key[1]} "
                        "tidak dapat dihitung dari H; tulis tanggalnya, atau isi voting_day",
                        f"{self.election.id} has no voting day yet, so {key[1]} cannot be counted "
                        "from H; give the date, or set voting_day",
                    ),
                )
            )
        if base is None:
            raise _Unresolvable(
                self._problem(
                    key,
                    Words(
                        f"{rule.anchor!r} tidak punya tanggal mulai, jadi {key[1]} tidak dapat dihitung darinya",
                        f"{rule.anchor!r} has no start date, so {key[1]} cannot be counted from it",
                    ),
                )
            )
        step: Callable[[date, int], date] = _add_days
        if rule.working_days is not None:
            step = self.calendar.shift
        try:
            return step(base, rule.offset)
        except OverflowError:
            raise _Unresolvable(
                self._problem(
                    key, Words("tanggal di luar kalender", "the date falls outside the calendar")
                )
            ) from None

    def _find(self, ref: str, origin: tuple[str, str]) -> str:
        if ref in self.by_path:
            return ref
        if ref in self.by_id:
            return self.by_id[ref]
        raise _Unresolvable(
            self._problem(
                origin,
                Words(
                    f"{ref!r} bukan tahapan {self.election.id}; pakai ID atau jalur tahapan (misalnya kampanye/rapat-umum)",
                    f"{ref!r} is not a stage of {self.election.id}; use a stage id or path (e.g. kampanye/rapat-umum)",
                ),
            )
        )

    def _problem(self, key: tuple[str, str], message: Message) -> Problem:
        path, edge = key
        return Problem((self.election.id, *path.split("/")), message, edge)


def _add_days(day: date, n: int) -> date:
    return day + timedelta(days=n)


def _rebuild(stage: Stage, parent: str, done: dict[tuple[str, Edge], date | None]) -> Stage:
    path = f"{parent}/{stage.id}" if parent else stage.id
    update: dict[str, object] = {
        "stages": tuple(_rebuild(child, path, done) for child in stage.stages)
    }
    if stage.start_rule is not None:
        update["start"] = done[(path, "start")]
    if stage.end_rule is not None:
        update["end"] = done[(path, "end")]
    assert update.get("end", stage.end) != UNRESOLVED  # every end rule was computed above
    return replace(stage, **update)  # type: ignore[arg-type]


def describe(rule: RelativeDate, base: date | None) -> Message:
    """'3 hari kerja setelah penetapan-hasil berakhir (20 Mar 2024)', 'H-3 (3 hari sebelum ...)'."""
    from tahapan.i18n import format_date, h_label

    when, when_en = (
        ("", "")
        if base is None
        else (f" ({format_date(base, short=True, lang=lang)})" for lang in ("id", "en"))
    )
    if rule.h is not None:
        n = abs(rule.h)
        if rule.h == 0:
            return Words(f"hari pemungutan suara{when}", f"voting day{when_en}")
        side, side_en = ("sebelum", "before") if rule.h < 0 else ("setelah", "after")
        return Words(
            f"{h_label(rule.h, 'id')}: {n} hari {side} hari pemungutan suara{when}",
            f"{h_label(rule.h, 'en')}: {n} day{'s' if n != 1 else ''} {side_en} voting day{when_en}",
        )
    n = rule.working_days if rule.working_days is not None else rule.days or 0
    unit_id = "hari kerja" if rule.working_days is not None else "hari"
    unit_en = ("working day" if rule.working_days is not None else "day") + ("s" if n != 1 else "")
    if rule.after is not None:
        return Words(
            f"{n} {unit_id} setelah {rule.after} berakhir{when}",
            f"{n} {unit_en} after {rule.after} ends{when_en}",
        )
    return Words(
        f"{n} {unit_id} sebelum {rule.before} mulai{when}",
        f"{n} {unit_en} before {rule.before} starts{when_en}",
    )
