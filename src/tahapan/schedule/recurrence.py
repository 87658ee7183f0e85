"""Repeating stages: the occurrences an RFC 5545 recurrence rule gives, inside the window asked for.

A stage with ``repeat = "FREQ=MONTHLY;INTERVAL=3"`` is stored once; its ``start``/``end`` are the
first occurrence. Views that place stages on dates (status, check, list, calendars, the board) see
it as one stage per occurrence, made here for the dates they look at and no others, so that a daily
rule with no end costs what the asked window costs. The iCalendar files keep the rule itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from tahapan.days.timeline import StageRef
from tahapan.i18n import Message, Words
from tahapan.model import Election, Stage
from tahapan.schedule.rrule_text import WEEKDAYS, RuleError, parts, rule_text

if TYPE_CHECKING:
    from dateutil.rrule import rrule


def _accepted() -> Message:
    return Words(
        "contoh yang diterima: FREQ=WEEKLY;BYDAY=MO, FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=2, "
        "FREQ=DAILY;COUNT=30 (RRULE RFC 5545, tanpa DTSTART)",
        "accepted, e.g.: FREQ=WEEKLY;BYDAY=MO, FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=2, "
        "FREQ=DAILY;COUNT=30 (RFC 5545 RRULE, no DTSTART)",
    )


def parse(text: str, first: date) -> rrule:
    """The rule of a stage that starts on ``first``; RuleError says what is wrong."""
    found = parts(text)
    from dateutil.rrule import rrulestr

    try:
        return rrulestr(rule_text(found), dtstart=datetime.combine(first, time()))
    except (ValueError, TypeError, KeyError, OverflowError) as err:
        raise RuleError(
            Words(f"aturan tidak terbaca ({err})", f"rule cannot be read ({err})")
        ) from None


def problems(stage: Stage) -> Iterator[Message]:
    """What is wrong with a stage's repeat rule and instances, for `validate`."""
    if stage.repeat is None:
        if stage.instances:
            yield Words(
                "instances hanya untuk tahapan yang berulang (repeat)",
                "instances belong to a repeating stage (repeat)",
            )
        return
    if stage.start is None:
        yield Words(
            "tahapan berulang wajib memiliki start: hari pertama pelaksanaan pertama",
            "a repeating stage needs start: the first occurrence's first day",
        )
        return
    if stage.stages:
        yield Words(
            "tahapan berulang tidak boleh memiliki subtahapan",
            "a repeating stage cannot have sub-stages",
        )
    try:
        rule = parse(stage.repeat, stage.start)
    except RuleError as err:
        yield "repeat: " + err.message + "; " + _accepted()
        return
    first = next(iter(rule), None)
    if first is None or first.date() != stage.start:
        given = ("tidak ada", "none") if first is None else (first.date().isoformat(),) * 2
        yield Words(
            f"repeat: start {stage.start} tidak sesuai dengan aturan ini (pelaksanaan pertama "
            f"menurut aturan: {given[0]}); start harus hari pertama pelaksanaan pertama",
            f"repeat: start {stage.start} is not an occurrence of this rule (its first: {given[1]}); "
            "start is the first occurrence's first day",
        )
        return
    seen: set[date] = set()
    for instance in stage.instances:
        if instance.of in seen:
            yield Words(
                f"instances: {instance.of} ditulis dua kali; satu pelaksanaan, satu entri",
                f"instances: {instance.of} is given twice; one occurrence, one entry",
            )
        seen.add(instance.of)
        at = datetime.combine(instance.of, time())
        if rule.after(at - timedelta(days=1)) != at:
            yield Words(
                f"instances: {instance.of} bukan hari pelaksanaan menurut aturan repeat",
                f"instances: {instance.of} is not an occurrence of the repeat rule",
            )


#: a window of more years than this is computed at once, not year by year through the cache file
_CACHED_YEARS = 8


def starts(stage: Stage, lo: date, hi: date) -> list[date]:
    """First days (by the rule) of the occurrences that overlap lo..hi."""
    assert stage.repeat is not None and stage.start is not None
    length = stage.end - stage.start
    try:
        low = lo - length
    except OverflowError:
        low = date.min
    low = max(low, stage.start)
    if low > hi:
        return []
    rule, first = stage.repeat, stage.start
    if hi.year - low.year >= _CACHED_YEARS:
        return _between(rule, first, low, hi)
    from tahapan.schedule.occurrence_cache import save, year_days

    days = [
        day
        for year in range(low.year, hi.year + 1)
        for day in year_days(rule, first, year, lambda a, b: _between(rule, first, a, b))
    ]
    save()
    return [day for day in days if low <= day <= hi]


def _between(text: str, first: date, low: date, hi: date) -> list[date]:
    """The rule's first days from low to hi, both counted, read with dateutil."""
    rule = _from_near(text, first, low)
    found = rule.between(datetime.combine(low, time()), datetime.combine(hi, time()), inc=True)
    return [d.date() for d in found if d.date() >= first]


def _from_near(text: str, first: date, low: date) -> rrule:
    """The same rule, started a whole number of its periods later, at least one period before
    ``low``: iterating from the real start to a date decades away would take seconds.

    Rules with COUNT are counted from the first occurrence, so they start there (COUNT is bounded).
    Defaults the rule took from its start (the day of the month, the weekday) are written out
    before the start moves.
    """
    found = parts(text)
    if "COUNT" in found or (low - first).days < 800:
        return parse(text, first)
    interval = int(found.get("INTERVAL", "1") or 1)
    freq = found["FREQ"]
    start = first
    if freq == "DAILY":
        k = (low - first).days // interval - 1
        start = first + timedelta(days=k * interval)
    elif freq == "WEEKLY":
        found.setdefault("BYDAY", WEEKDAYS[first.weekday()])
        week_start = WEEKDAYS.index(found.get("WKST", "MO")) if found.get("WKST") in WEEKDAYS else 0
        monday = first - timedelta(days=(first.weekday() - week_start) % 7)
        k = (low - monday).days // (7 * interval) - 1
        start = monday + timedelta(days=7 * k * interval)
    elif freq == "MONTHLY":
        if not {"BYMONTHDAY", "BYDAY", "BYYEARDAY", "BYWEEKNO"} & found.keys():
            found["BYMONTHDAY"] = str(first.day)
        months = (low.year - first.year) * 12 + low.month - first.month
        index = first.year * 12 + first.month - 1 + (months // interval - 1) * interval
        start = date(index // 12, index % 12 + 1, 1)
    else:  # YEARLY: dateutil takes the month and day from the start only when no BY part says when
        if not {"BYMONTHDAY", "BYDAY", "BYYEARDAY", "BYWEEKNO"} & found.keys():
            found.setdefault("BYMONTH", str(first.month))
            found["BYMONTHDAY"] = str(first.day)
        start = date(first.year + ((low.year - first.year) // interval - 1) * interval, 1, 1)
    return parse(rule_text(found), max(start, first))


def occurrences(stage: Stage, lo: date, hi: date) -> list[Stage]:
    """The occurrences of a repeating stage that overlap lo..hi, dated instances in their place."""
    assert stage.start is not None
    length = stage.end - stage.start
    dated = {i.of: i for i in stage.instances}
    out: list[Stage] = []
    for of in starts(stage, lo, hi):
        instance = dated.pop(of, None)
        try:
            end = of + length
        except OverflowError:  # the rule runs to 9999-12-31; an occurrence past it cannot be dated
            break
        out.append(_occurrence(stage, of, of, end) if instance is None else moved(stage, instance))
    # and those moved into the window from an occurrence outside it; those moved out of it go
    out.extend(moved(stage, instance) for instance in dated.values())
    inside = [o for o in out if o.end >= lo and (o.start or o.end) <= hi]
    return sorted(inside, key=lambda s: (s.start or s.end, s.end))


def _occurrence(stage: Stage, of: date, start: date, end: date) -> Stage:
    return replace(
        stage, id=f"{stage.id}-{of.isoformat()}", start=start, end=end, occurrence=of, instances=()
    )


def moved(stage: Stage, instance: object) -> Stage:
    """The occurrence a dated (or cancelled) instance makes of a repeating stage."""
    from tahapan.model import Instance

    assert isinstance(instance, Instance) and stage.start is not None
    length = stage.end - stage.start
    if instance.end is None:  # not held: it keeps the window the rule gave it
        start, end = instance.of, instance.of + length
    else:
        start, end = instance.start or instance.end, instance.end
    base = _occurrence(stage, instance.of, start, end)
    return replace(
        base,
        basis=instance.basis,
        confidence=instance.confidence,
        held=instance.held,
        # a dated instance comes from a source: it is no estimate
        projected=stage.projected and instance.end is None,
        note=instance.note or stage.note,
        note_en=instance.note_en or stage.note_en,
    )


def expand(election: Election, lo: date, hi: date) -> Election:
    """The election with each repeating stage replaced by its occurrences that overlap lo..hi."""
    if not any(s.repeat for s in election.stages):
        return election
    stages: list[Stage] = []
    for stage in election.stages:
        if stage.repeat is None or stage.start is None:
            stages.append(stage)
        else:
            stages.extend(occurrences(stage, lo, hi))
    return replace(election, stages=tuple(stages))


def expand_all(elections: Sequence[Election], lo: date, hi: date) -> list[Election]:
    return [expand(e, lo, hi) for e in elections]


def around(on: date, before: int = 400, after: int = 800) -> tuple[date, date]:
    """A window of dates around ``on`` that stays inside what a date can hold."""
    lo = date.min + timedelta(days=before)
    hi = date.max - timedelta(days=after)
    on = min(max(on, lo), hi)
    return on - timedelta(days=before), on + timedelta(days=after)


def listed(on: date) -> tuple[date, date]:
    """The days a list of stages shows occurrences for: a year before ``on`` to two years after
    (`list`, `show`, `pace`)."""
    return around(on, 366, 731)


#: an occurrence's id: its stage's id and the day its rule gives it (model.Stage.series reads it back)
DATED = r"^(?P<series>.+)-(?P<day>\d{4}-\d{2}-\d{2})$"


def far_occurrence(elections: Sequence[Election], ref: str, on: date) -> StageRef | None:
    """An occurrence outside the usual window around ``on``: the one an id names by its day
    (``pleno-2030-01-07``), or for a repeating stage's own id the next one after ``on`` (else the
    last before it), however far."""
    text = ref.strip().strip("/").replace(":", "/")
    dated = re.match(DATED, text)
    for election in elections:
        for stage in election.stages:
            if stage.repeat is None or stage.start is None:
                continue
            names = (stage.id, f"{election.id}/{stage.id}")
            found: Stage | None = None
            if text in names:
                found = nearest(stage, on)
            elif dated and dated["series"] in names and (day := _day(dated["day"])) is not None:
                found = next((o for o in occurrences(stage, day, day) if o.occurrence == day), None)
            if found is not None:
                return StageRef(replace(election, stages=(found,)), found.id, found)
    return None


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def nearest(stage: Stage, on: date, *, later_only: bool = False) -> Stage | None:
    """The held occurrence running on ``on`` or the first after it, else (unless ``later_only``)
    the last before it, looking ever further out."""
    spans = [timedelta(days=366 * years) for years in (3, 10, 30, 100, 300, 1000, 8000)]
    for span in spans:
        hi = on + span if on <= date.max - span else date.max
        ahead = [
            o
            for o in occurrences(stage, on, hi)
            if o.held and (not later_only or (o.start or o.end) > on)
        ]
        if ahead:
            return ahead[0]
        if hi == date.max:
            break
    if later_only:
        return None
    for span in spans:
        lo = on - span if on >= date.min + span else date.min
        behind = [o for o in occurrences(stage, lo, on) if o.held]
        if behind:
            return behind[-1]
        if lo == date.min:
            break
    return None
