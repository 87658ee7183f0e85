"""Plain-text answers for scripts and cron (`check`, `hitung`, `pace`): a line per fact, no colour,
no Rich, the same words whether a person or a script reads them."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from tahapan.i18n import (
    NO_VOTING_DAY,
    date_mark,
    distance,
    format_date,
    format_range,
    h_label,
    language,
    pick,
    said,
    tr,
    weekday_name,
)
from tahapan.render.words import h_text, position_words
from tahapan.text import one_line

if TYPE_CHECKING:  # for the annotations only: `check` loads none of the other commands' reports
    from tahapan.days.calc import DayInfo
    from tahapan.days.timeline import StageRef
    from tahapan.days.workdays import Closed
    from tahapan.model import Election
    from tahapan.reports.calc import CalcReport
    from tahapan.reports.check import CheckReport
    from tahapan.reports.files import RegionsReport, ValidateReport
    from tahapan.reports.pace import PaceReport
    from tahapan.reports.stages import ShowReport


def check_text(report: CheckReport) -> str:
    if report.stage is not None:
        return _active_line(report.stage) + "\n"
    # one tab-separated line per event: date, H, election, path, starts/ends, name, how far
    lines = []
    for e in report.events:
        kind = {
            "start": tr("mulai", "starts"),
            "end": tr("berakhir", "ends"),
            "day": tr("satu hari", "on the day"),
        }[e.kind]
        name = pick(e.ref.stage.name, e.ref.stage.name_en) + _projected(e.ref)
        fields = [
            e.day.isoformat(),
            h_text(e.ref.election, e.day),
            e.ref.election.id,
            e.ref.path,
            kind,
            name,
            distance((e.day - report.date).days),
        ]
        lines.append("\t".join(fields))
    if report.case_deadlines:
        from tahapan.render.case_lines import deadline_fields

        lines += ["\t".join(deadline_fields(r, s, report.date)) for r, s in report.case_deadlines]
    if report.changes:
        from tahapan.render.changes import line

        lines += [line(item) for item in report.changes]
    if report.baseline_lost:
        from tahapan.render.changes import lost_baseline

        lines.append(lost_baseline())
    return _text(lines)


def check_message(report: CheckReport) -> tuple[str, str] | None:
    """The title and body `check --notify` sends to a phone, an event a line; None: nothing due."""
    if report.stage is not None:
        return _active_message(report.stage)
    changed = _changes_message(report)
    if not report.events and not report.case_deadlines:
        return changed
    kinds = {"start": tr("mulai", "starts"), "end": tr("berakhir", "ends"), "day": ""}
    lines = [
        f"{format_date(e.day, short=True)} ({h_text(e.ref.election, e.day)}) "
        + f"{pick(e.ref.stage.name, e.ref.stage.name_en)}{_projected(e.ref)} "
        + (f"{kinds[e.kind]} " if kinds[e.kind] else "")
        + f"· {_election_name(e.ref.election)} · {distance((e.day - report.date).days)}"
        for e in report.events
    ]
    if report.case_deadlines:
        from tahapan.render.case_lines import deadline_message

        lines += [deadline_message(r, s) for r, s in report.case_deadlines]
    count = len(lines)
    title = tr(f"Tenggat tahapan: {count}", f"Stage deadlines: {count}")
    if changed is not None:  # one message, in the order stdout has: deadlines, then changes
        return f"{title}; {changed[0]}", f"{chr(10).join(lines)}\n\n{changed[1]}"
    return title, "\n".join(lines)


def _election_name(election: Election) -> str:
    # a phone is read by a person: the election's name, where stdout keeps the id for scripts
    return one_line(pick(election.name, election.name_en))


def _active_message(show: ShowReport) -> tuple[str, str]:
    """`check --active` on a phone: a sentence with the stage's and election's names,
    "Masa Kampanye Pemilu (Pemilu 2024) sedang berjalan, hari ke-2 dari 75, sisa 73 hari"."""
    stage = show.ref.stage
    where = (
        f"{one_line(pick(stage.name, stage.name_en))} ({_election_name(show.ref.election)})"
        + _projected(show.ref)
    )
    words = position_words(show)
    if show.position == "active":
        return tr("Tahapan berjalan", "Stage running"), tr(
            f"{where} sedang berjalan, {words}", f"{where} is running, {words}"
        )
    on = format_date(show.date, short=True)
    return tr("Tahapan tidak berjalan", "Stage not running"), tr(
        f"{where} tidak berjalan pada {on} ({words})",
        f"{where} is not running on {on} ({words})",
    )


def _changes_message(report: CheckReport) -> tuple[str, str] | None:
    if not report.changes and not report.baseline_lost:
        return None
    from tahapan.render.changes import line, lost_baseline

    changes = report.changes or []
    count = len(changes)
    title = tr(f"Perubahan jadwal: {count}", f"Schedule changes: {count}")
    lines = [line(item) for item in changes]
    if report.baseline_lost:
        lines.append(lost_baseline())
    return title, "\n".join(lines)


def _projected(ref: StageRef) -> str:
    # a projected or assumed date is never mistaken for an official one, in a cron mail either
    word = date_mark(ref.stage, ref.election)
    return f" ({word})" if word else ""


def _active_line(show: ShowReport) -> str:
    where = f"{show.ref.election.id}/{show.ref.path}" + _projected(show.ref)
    words = position_words(show)
    if show.position == "active":
        return tr(f"ya: {where} berjalan, {words}", f"yes: {where} is running, {words}")
    return tr(
        f"tidak: {where} tidak berjalan pada {format_date(show.date)} ({words})",
        f"no: {where} is not running on {show.date} ({words})",
    )


def _text(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)


def calc_text(report: CalcReport) -> str:
    return _text(calc_lines(report))


def pace_text(report: PaceReport) -> str:
    return _text(pace_lines(report))


def validate_text(report: ValidateReport) -> None:
    sys.stdout.write(_text(validate_lines(report)))
    if report.unreadable:  # after the answer, as the errors of every other command come
        from tahapan.render.lines import message
        from tahapan.text import safe_lines

        sys.stdout.flush()
        sys.stderr.write("".join(message([safe_lines(said(line))]) for line in report.unreadable))


def regions_text(report: RegionsReport) -> str:
    if not report.regions:
        from tahapan.render.lines import message

        sys.stderr.write(message([_no_region(report)]))
    return _text(regions_lines(report))


def _no_region(report: RegionsReport) -> str:
    query, province = report.query or "", report.province
    guess = tr(" Mungkin yang dimaksud: ", " Did you mean: ") + ", ".join(
        r.name for r in report.close
    )
    where = tr(f" di {province!r}", f" in {province!r}") if province else ""
    return (
        tr(f"tidak ada wilayah yang cocok dengan {query!r}", f"no region matches {query!r}")
        + where
        + ("." + guess + "?" if report.close else ".")
    )


_UNIT_TEXT = {
    "days": ("hari", "day", "days"),
    "working_days": ("hari kerja", "working day", "working days"),
    "weeks": ("minggu", "week", "weeks"),
    "months": ("bulan", "month", "months"),
}


def _count(n: int, unit: str) -> str:
    id_word, one, many = _UNIT_TEXT[unit]
    return tr(f"{n} {id_word}", f"{n} {one if n == 1 else many}")


def _day(info: DayInfo) -> str:
    return format_date(info.day, weekday=True)


def _election_label(report: CalcReport) -> str:
    e = report.election
    return "" if e is None else f" ({pick(e.name, e.name_en)})"


def _closed_line(c: Closed) -> str:
    return f"    {format_date(c.day, short=True):<12} {weekday_name(c.day):<9} {pick(c.name, c.name_en)}"


def _day_off_note(info: DayInfo) -> list[str]:
    if info.closed is None:
        return []
    return [
        tr(
            f"  {format_date(info.day, short=True)} bukan hari kerja: {info.closed.name}",
            f"  {format_date(info.day, short=True)} is not a working day: {info.closed.name_en}",
        )
    ]


def calc_lines(report: CalcReport) -> list[str]:
    lines = _calc_lines(report)
    election = report.election
    if election is not None and election.voting_day is None and election.kind != "programme":
        # where H would be printed: why there is none
        lines.append(f"  H              {tr(*NO_VOTING_DAY)} ({election.id})")
    return lines


def _calc_lines(report: CalcReport) -> list[str]:
    first, last = report.first, report.last
    if report.kind == "date":
        h = "" if first.h is None else f"  {h_label(first.h)}{_election_label(report)}"
        return [_day(first) + h, *_day_off_note(first)]
    assert last is not None
    if report.kind == "shift":
        n = report.count or 0
        op = "-" if n < 0 else "+"
        lines = [f"{_day(first)} {op} {_count(abs(n), report.unit or 'days')} = {_day(last)}"]
        if first.h is not None and last.h is not None:
            lines.append(f"  {h_label(first.h)} → {h_label(last.h)}{_election_label(report)}")
        if report.days_off:
            lines.append(
                tr(
                    f"  tidak dihitung {len(report.days_off)} hari yang bukan hari kerja:",
                    f"  skipped {len(report.days_off)} days that are not working days:",
                )
            )
            lines.extend(_closed_line(c) for c in report.days_off)
        lines.extend(_day_off_note(last))
        return lines
    weekends = [c for c in report.days_off if c.kind == "weekend"]
    holidays = [c for c in report.days_off if c.kind != "weekend"]
    lines = [
        f"{_day(first)} {tr('s.d.', 'to')} {_day(last)}",
        tr(
            f"  hari kalender  {report.days} (tanggal awal dan akhir ikut dihitung)",
            f"  calendar days  {report.days} (both ends counted)",
        ),
        tr(f"  hari kerja     {report.working_days}", f"  working days   {report.working_days}"),
        tr(f"  akhir pekan    {len(weekends)}", f"  weekend days   {len(weekends)}"),
        # an election's own days off count only when the span is counted for one
        tr(
            f"  hari libur     {len(holidays)} (nasional, cuti bersama, dan libur pemilu ini)",
            f"  holidays       {len(holidays)} (national, cuti bersama, and this election's own)",
        )
        if report.election is not None
        else tr(
            f"  hari libur     {len(holidays)} (nasional dan cuti bersama)",
            f"  holidays       {len(holidays)} (national and cuti bersama)",
        ),
    ]
    lines.extend(_closed_line(c) for c in holidays)
    if first.h is not None and last.h is not None:
        lines.append(
            f"  H              {h_label(first.h)} … {h_label(last.h)}{_election_label(report)}"
        )
    return lines


def _number(x: float, places: int = 2) -> str:
    text = f"{x:.{places}f}"
    return text.replace(".", ",") if language() == "id" else text


def pace_lines(report: PaceReport) -> list[str]:
    ref, stage = report.ref, report.ref.stage
    unit = "working_days" if report.counting == "working" else "days"
    total = _count(report.total, unit)
    lines = [
        f"{pick(stage.name, stage.name_en)}{_projected(ref)}, "
        + tr("per ", "as of ")
        + format_date(report.on, weekday=True),
        tr(
            f"  tahapan           {ref.election.id}/{ref.path}",
            f"  stage             {ref.election.id}/{ref.path}",
        ),
        tr(
            f"  jadwal            {format_range(stage.start, stage.end)} ({total})",
            f"  window            {format_range(stage.start, stage.end)} ({total})",
        ),
        tr(
            f"  selesai           {_number(report.done)}%",
            f"  done              {_number(report.done)} %",
        ),
        tr(
            f"  waktu berjalan    {_count(report.elapsed, unit)} dari {report.total} ({_number(report.expected)}%)",
            f"  time gone by      {_count(report.elapsed, unit)} of {report.total} ({_number(report.expected)} %)",
        ),
    ]
    points, gap_days = abs(report.gap_points), abs(report.gap_days)
    verdict = {
        "done": tr("  status            selesai", "  status            finished"),
        "on-schedule": tr("  status            tepat jadwal", "  status            on schedule"),
        "ahead": tr(
            f"  status            lebih cepat {_number(points)} poin persen "
            f"(sekitar {_number(gap_days, 1)} {_UNIT_TEXT[unit][0]})",
            f"  status            ahead by {_number(points)} points (about {_number(gap_days, 1)} {_UNIT_TEXT[unit][2]})",
        ),
        "behind": tr(
            f"  status            tertinggal {_number(points)} poin persen "
            f"(sekitar {_number(gap_days, 1)} {_UNIT_TEXT[unit][0]})",
            f"  status            behind by {_number(points)} points (about {_number(gap_days, 1)} {_UNIT_TEXT[unit][2]})",
        ),
    }[report.verdict]
    lines.append(verdict)
    margin = report.margin_days
    if report.projected_end is not None and margin is not None:
        when = format_date(report.projected_end, weekday=True)
        if margin >= 0:
            lines.append(
                tr(
                    f"  perkiraan selesai {when}, {margin} hari sebelum batas",
                    f"  projected finish  {when}, {_count(margin, 'days')} before the end",
                )
            )
        else:
            lines.append(
                tr(
                    f"  perkiraan selesai {when}, {-margin} hari setelah batas",
                    f"  projected finish  {when}, {_count(-margin, 'days')} after the end",
                )
            )
    elif report.verdict == "behind":
        lines.append(
            tr(
                "  perkiraan selesai tidak terjangkau pada laju ini (lebih dari 10 tahun)",
                "  projected finish  out of reach at this rate (over ten years)",
            )
        )
    return lines


def validate_lines(report: ValidateReport) -> list[str]:
    from tahapan.render.case_lines import case_file_line

    if report.problems:
        from tahapan.text import safe_lines

        count = len(report.problems)
        return [
            *(safe_lines(said(problem)) for problem in report.problems),
            tr(f"{count} masalah ditemukan", f"{count} problem{'s' if count > 1 else ''} found"),
        ]
    return [
        f"{one_line(str(path))}: ok ("
        + tr(
            f"{e} pemilu, {s} tahapan",
            f"{e} election{'s' if e != 1 else ''}, {s} stage{'s' if s != 1 else ''}",
        )
        + ")"
        for path, e, s in report.files
    ] + [case_file_line(*counts) for counts in report.case_files]


def regions_lines(report: RegionsReport) -> list[str]:
    # tab-separated, like `check --within`: id, code, kind, zone, province, name
    return [
        "\t".join([r.id, r.code or "-", r.kind or "-", r.timezone, r.parent or "-", r.name])
        for r in report.regions
    ]
