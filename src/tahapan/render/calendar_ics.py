"""The stages as iCalendar (RFC 5545) for phone calendars, written with the icalendar package.

One all-day VEVENT per held stage: DTEND is the day after the last day (the end is exclusive in
iCalendar), the UID is made from the election and the stage path so that importing again updates the
events instead of adding copies, DESCRIPTION carries the legal basis and the confidence, CATEGORIES the
election id. A stage whose start the sources do not give becomes a one-day event on its last day.
SEQUENCE counts the times a stage's dates changed, so a calendar that has the event replaces it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event, vText

from tahapan.days.pins import Pin
from tahapan.i18n import date_mark, mark_note, pick, tr
from tahapan.model import CONFIDENCE_TEXT, Election, Stage
from tahapan.render.calendar_words import title
from tahapan.reports.export import left_out

UID_DOMAIN = (
    "tahapan.invalid"  # a domain that is no one's (RFC 2606), so the UIDs clash with nobody's
)


def uid(election: Election, path: str) -> str:
    return f"{election.id}.{path.replace('/', '.')}@{UID_DOMAIN}"


Versions = Mapping[tuple[str, str], tuple[int, datetime]]


def write_ics(
    elections: Sequence[Election],
    *,
    stamp: datetime,
    alarm_days: Sequence[int] = (),
    versions: Versions | None = None,
    max_days: int | None = None,
    pins: Sequence[Pin] = (),
) -> str:
    """``max_days``: stages longer are left out (reports/export.left_out). ``pins``: the open
    cases' deadlines (`calendar --cases`), after the stages. ``versions`` gives
    each event's SEQUENCE and LAST-MODIFIED (reports/changes.event_versions); without it,
    SEQUENCE 0 and ``stamp``. DTSTAMP is LAST-MODIFIED: without a METHOD, RFC 5545 has
    it mean when the event's information last changed, so the same schedule gives the same file."""
    events = [
        event_text(election, path, stage, stamp=stamp, alarm_days=alarm_days, versions=versions)
        for election in elections
        for path, stage in election.walk()
        if stage.held and not left_out(stage, max_days)
    ]
    return calendar_text([*events, *pin_events(pins, alarm_days=alarm_days)], name=title(elections))


def calendar_text(
    events: Sequence[str], *, name: str, description: str | None = None, refresh: bool = False
) -> str:
    """A calendar around events made by ``event_text``. ``refresh``: the headers a subscribed
    calendar is polled by (every 12 hours), for a published feed."""
    cal = Calendar()
    cal.add("prodid", "-//tahapan//Jadwal tahapan pemilu//ID")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # icalendar writes an X- property as given: TEXT escaping (RFC 5545 3.3.11) is asked for, or
    # "Pilkada; Kota, Kediri" would reach a phone as three values
    cal.add("x-wr-calname", vText(name))
    if description:
        cal.add("x-wr-caldesc", vText(description))
    if refresh:
        # no METHOD: with one, RFC 5545 has DTSTAMP mean when the file was made, and the feed
        # would change on every publish; without, it is when the event last changed
        cal.add("refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", "PT12H")
    head = str(cal.to_ical(), "utf-8")
    end = "END:VCALENDAR\r\n"
    return head[: -len(end)] + "".join(events) + end


def event_text(
    election: Election,
    path: str,
    stage: Stage,
    *,
    stamp: datetime,
    alarm_days: Sequence[int] = (),
    versions: Versions | None = None,
) -> str:
    """One stage as its VEVENT, serialised: made once and reused by every feed that holds it."""
    event = Event()
    name = pick(stage.name, stage.name_en)
    first = stage.start
    if first is None:
        first = stage.end
        # a phone shows the summary alone: a deadline says so first, not in a trailing word
        name = tr("Batas akhir: ", "Deadline: ") + name
    sequence, modified = (versions or {}).get((election.id, path), (0, stamp))
    modified = modified.astimezone(UTC)
    event.add("uid", uid(election, path))
    if stage.occurrence is not None:  # one occurrence of a repeating event, dated by its source
        event.add("recurrence-id", stage.occurrence)
    event.add("dtstamp", modified)
    event.add("last-modified", modified)
    event.add("sequence", sequence)
    event.add("dtstart", first)
    if stage.end < date.max:
        event.add("dtend", stage.end + timedelta(days=1))
    else:  # no day after 9999-12-31 to end on: the same span as a duration
        event.add("duration", timedelta(days=(stage.end - first).days + 1))
    word = date_mark(stage, election)
    if word:  # a phone shows the summary alone: the mark goes there
        name += f" ({word})"
    event.add("summary", name)
    conf_id, conf_en = CONFIDENCE_TEXT[stage.confidence]
    confidence = f"{stage.confidence} ({tr(conf_id, conf_en)})"
    lines = [
        pick(election.name, election.name_en),
        tr("Dasar hukum: ", "Legal basis: ") + stage.basis,
        tr("Kepastian: ", "Confidence: ") + (mark_note(stage, election) or confidence),
    ]
    note = tr(stage.note or "", stage.note_en or stage.note or "")
    if note:
        lines.append(note)
    event.add("description", "\n".join(lines))
    overrides = _repeat(event, stage) if stage.repeat and stage.occurrence is None else []
    event.add("categories", [election.id])
    event.add("transp", "TRANSPARENT")
    for days_before in sorted(set(alarm_days)):
        ends_only = stage.start is None  # the event stands on its last day
        for alarm in _alarms(name, days_before, one_day=first == stage.end, ends_only=ends_only):
            event.add_component(alarm)
    text = str(event.to_ical(), "utf-8")
    for occurrence in overrides:
        text += event_text(
            election, path, occurrence, stamp=stamp, alarm_days=alarm_days, versions=versions
        )
    return text


def _repeat(event: Event, stage: Stage) -> list[Stage]:
    """The rule itself (clients expand it), EXDATE for the occurrences not held; returns the
    occurrences the sources date differently, each an event of the same UID with RECURRENCE-ID."""
    from icalendar import vRecur

    from tahapan.schedule.recurrence import moved
    from tahapan.schedule.rrule_text import parts, rule_text

    assert stage.repeat is not None
    event.add("rrule", vRecur.from_ical(rule_text(parts(stage.repeat))))
    cancelled = sorted(i.of for i in stage.instances if not i.held)
    if cancelled:
        event.add("exdate", cancelled)
    return [moved(stage, i) for i in stage.instances if i.held]


#: reminders ring at this hour of the local day (an all-day event's times are the phone's own)
ALARM_HOUR = 8


def _alarms(name: str, days_before: int, *, one_day: bool, ends_only: bool = False) -> list[Alarm]:
    """Reminders ``days_before`` the first day and the last (usually the deadline), each at 08:00:
    a trigger counts from the event's start (its first day, 00:00) or its end (the day after the
    last, 00:00)."""
    from tahapan.i18n import distance

    first_word = tr("berakhir", "ends") if ends_only else tr("mulai", "starts")
    wanted = [("START", first_word, timedelta(days=-days_before, hours=ALARM_HOUR))]
    if not one_day:
        before_end = timedelta(days=-days_before - 1, hours=ALARM_HOUR)
        wanted.append(("END", tr("berakhir", "ends"), before_end))
    alarms = []
    for related, word, trigger in wanted:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"{name}: {word} {distance(days_before)}")
        alarm.add("trigger", trigger, parameters={"RELATED": related})
        alarms.append(alarm)
    return alarms


# ------------------------------------------------------------------------------ case deadlines


def pin_uid(pin: Pin) -> str:
    """The case and the step, under a host of their own: never a stage's UID."""
    return f"{pin.case}.{pin.step}@kasus.{UID_DOMAIN}"


def pin_events(pins: Sequence[Pin], *, alarm_days: Sequence[int] = ()) -> list[str]:
    """The cases' deadlines as VEVENTs (CLASS:PRIVATE), after the VTIMEZONE of each zone their
    minutes are given in. A day deadline is an all-day event on its day; an hour deadline an event
    at its minute lasting no time (DURATION:PT0S, what RFC 5545 3.6.1 gives an event without an
    end; khal would make it an hour, over midnight for a deadline after 23.00)."""
    from icalendar import Timezone

    zones = sorted({str(getattr(p.at.tzinfo, "key", "")) for p in pins if p.at is not None})
    out = [str(Timezone.from_tzid(zone).to_ical(), "utf-8") for zone in zones if zone]
    return out + [pin_event(pin, alarm_days=alarm_days) for pin in pins]


def pin_event(pin: Pin, *, alarm_days: Sequence[int] = ()) -> str:
    from tahapan.i18n import distance

    event = Event()
    modified = pin.modified.astimezone(UTC)
    event.add("uid", pin_uid(pin))
    event.add("dtstamp", modified)
    event.add("last-modified", modified)
    event.add("sequence", pin_sequence(pin))
    if pin.at is None:
        event.add("dtstart", pin.day)
        event.add("dtend", pin.day + timedelta(days=1))
    else:  # a moment: lasting no time, said outright (a client that finds no end guesses one)
        event.add("dtstart", pin.at)
        event.add("duration", timedelta(0))
    event.add("summary", pin.summary)
    event.add("description", pin.description)
    event.add("categories", [tr("kasus", "case"), pin.case])
    event.add("class", "PRIVATE")
    event.add("transp", "TRANSPARENT")
    for days_before in sorted(set(alarm_days)):
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"{pin.summary} — {distance(days_before)}")
        alarm.add("trigger", _pin_trigger(pin, days_before), parameters={"RELATED": "START"})
        event.add_component(alarm)
    return str(event.to_ical(), "utf-8")


#: SEQUENCE of a case's deadline counts minutes from here to the cases file's last change
SEQUENCE_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def pin_sequence(pin: Pin) -> int:
    """A deadline moves when a step is recorded, and a client that goes by SEQUENCE (RFC 5546)
    keeps the old date unless it grows; the cases file keeps no history, so its last change, in
    minutes, is the revision: it only grows, and the same file gives the same number."""
    return int((pin.modified - SEQUENCE_EPOCH).total_seconds() // 60)


def _pin_trigger(pin: Pin, days_before: int) -> timedelta:
    """At 08:00 ``days_before`` the deadline's day, in the case's zone for an hour deadline (the
    day's first minute when 08:00 of the day itself is past the deadline)."""
    if pin.at is None:  # the event's start is the day's 00:00, the phone's own
        return timedelta(days=-days_before, hours=ALARM_HOUR)
    day = pin.day - timedelta(days=days_before)  # a deadline at 24.00 rings on its own day
    ring = datetime.combine(day, time(ALARM_HOUR), pin.at.tzinfo)
    if ring >= pin.at:
        ring = datetime.combine(day, time(0), pin.at.tzinfo)
    return ring - pin.at
