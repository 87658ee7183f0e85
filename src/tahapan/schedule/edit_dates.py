"""The dates `stage add|set` are given, checked before anything is written, in the officer's terms.

The loader checks every file the same way, and says what it finds in a file's terms: "end 2024-11-23
lebih awal dari start 2024-11-30", at a line of a file the officer never opened (the installed
package's stages.toml, for a change to a shipped stage). An edit knows better: which options were
typed. So a date that falls outside the stage's other end, its parent's window or around its
sub-stages is refused here, naming the option and the dates in words; a date changed on another
file's stage without a basis of its own names the options to add.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, get_args

from tahapan.errors import TahapanError
from tahapan.i18n import Words, format_date, h_label
from tahapan.model import MAX_OFFSET_DAYS, Confidence, Election, Stage

_WITHIN_PARENT = (
    "Subtahapan harus berada dalam rentang tahapan induknya.",
    "A sub-stage must lie within its parent stage's window.",
)


def check_dates(election: Election, path: str, stage: Stage | None, fields: dict[str, Any]) -> None:
    """Refuse typed dates that put ``path`` (``stage``, None while it is being added) out of
    order; dates the options did not touch are the files' to report."""
    for key in ("start", "end"):
        value = fields.get(key)
        h = value.get("h") if isinstance(value, dict) else None
        if (
            isinstance(h, int) and abs(h) > MAX_OFFSET_DAYS
        ):  # the schema's bound, in the option's words
            _refuse(
                f"--{key} {h_label(h, 'id')} terlalu jauh dari hari pemungutan suara",
                f"--{key} {h_label(h, 'en')} is too far from voting day",
                (f"H paling jauh {MAX_OFFSET_DAYS} hari sebelum atau sesudahnya.",
                 f"H is at most {MAX_OFFSET_DAYS} days before or after it."),
            )  # fmt: skip
    start, end = _day(election, fields.get("start")), _day(election, fields.get("end"))
    if start is None and end is None:
        return
    start_text, end_text = (
        _typed("--start", fields.get("start"), start),
        _typed("--end", fields.get("end"), end),
    )
    # an end counted from another stage (its own start, perhaps) moves with it: not compared
    old_start = None if stage is None or _moves(stage.start_rule) else stage.start
    old_end = None if stage is None or _moves(stage.end_rule) else stage.end
    if start is not None and end is not None and end < start:
        _refuse(
            f"{end_text[0]} jatuh sebelum {start_text[0]}",
            f"{end_text[1]} falls before {start_text[1]}",
        )
    if start is not None and end is None and old_end is not None and start > old_end:
        day = _shown(old_end)
        _refuse(
            f"{start_text[0]} jatuh setelah hari terakhir tahapan ({day[0]})",
            f"{start_text[1]} falls after the stage's end ({day[1]})",
            ("Untuk memindahkan tahapan, isi --start dan --end sekaligus.",
             "Give --start and --end together to move the stage."),
        )  # fmt: skip
    if end is not None and start is None and old_start is not None and end < old_start:
        day = _shown(old_start)
        _refuse(
            f"{end_text[0]} jatuh sebelum awal tahapan ({day[0]})",
            f"{end_text[1]} falls before the stage's start ({day[1]})",
            ("Untuk memindahkan tahapan, isi --start dan --end sekaligus.",
             "Give --start and --end together to move the stage."),
        )  # fmt: skip
    parent = _parent(election, path)
    if parent is not None:
        _within_parent(parent, start, start_text, end, end_text)
    for child in () if stage is None else stage.stages:
        _around_child(child, start, start_text, end, end_text)


def check_sourced(election: Election, path: str, table: dict[str, Any], typed: set[str]) -> None:
    """A date changed on another file's stage needs its own basis and confidence in the same
    table (the official row's would be claimed for it otherwise): the options that give them."""
    dates = sorted(typed & {"start", "end"}, reverse=True)  # --start before --end
    if not dates or "name" in table or {"basis", "confidence"} <= table.keys():
        return  # no date typed, the stage is this file's own, or the change has its basis
    options, options_en = (word.join(f"--{key}" for key in dates) for word in (" dan ", " and "))
    levels = ", ".join(get_args(Confidence))
    _refuse(
        f"{options} mengubah tanggal resmi {election.id}/{path}; sebutkan dasar hukumnya",
        f"{options_en} changes the official dates of {election.id}/{path}: say on what basis",
        (f"Sertakan juga --basis (surat, keputusan, atau peraturan yang mengubahnya) dan --confidence "
         f"({levels}) dalam perintah yang sama.",
         f"Give --basis (the letter or decision that changes it) and --confidence "
         f"({levels}) too, in the same command."),
    )  # fmt: skip


def _within_parent(
    parent: Stage,
    start: date | None,
    start_text: tuple[str, str],
    end: date | None,
    end_text: tuple[str, str],
) -> None:
    if start is not None and parent.start is not None and start < parent.start:
        day = _shown(parent.start)
        _refuse(
            f"{start_text[0]} jatuh sebelum awal tahapan induk {parent.id!r} ({day[0]})",
            f"{start_text[1]} falls before the start of the parent stage {parent.id!r} ({day[1]})",
            _WITHIN_PARENT,
        )
    if end is not None and end > parent.end:
        day = _shown(parent.end)
        _refuse(
            f"{end_text[0]} jatuh setelah hari terakhir tahapan induk {parent.id!r} ({day[0]})",
            f"{end_text[1]} falls after the end of the parent stage {parent.id!r} ({day[1]})",
            _WITHIN_PARENT,
        )


def _around_child(
    child: Stage,
    start: date | None,
    start_text: tuple[str, str],
    end: date | None,
    end_text: tuple[str, str],
) -> None:
    if start is not None and child.start is not None and start > child.start:
        day = _shown(child.start)
        _refuse(
            f"{start_text[0]} jatuh sesudah awal subtahapan {child.id!r} ({day[0]})",
            f"{start_text[1]} falls after the start of the sub-stage {child.id!r} ({day[1]})",
            _WITHIN_PARENT,
        )
    if end is not None and end < child.end:
        day = _shown(child.end)
        _refuse(
            f"{end_text[0]} jatuh sebelum akhir subtahapan {child.id!r} ({day[0]})",
            f"{end_text[1]} falls before the end of the sub-stage {child.id!r} ({day[1]})",
            _WITHIN_PARENT,
        )


def _day(election: Election, value: Any) -> date | None:
    """A typed date as a day: a date, or H-7 counted from voting day (None while it is not set)."""
    if isinstance(value, date):
        return value
    if isinstance(value, dict) and isinstance(value.get("h"), int) and election.voting_day:
        return election.voting_day + timedelta(days=value["h"])
    return None


def _typed(option: str, value: Any, day: date | None) -> tuple[str, str]:
    """'--start 30 Nov 2024', '--start H-7 (20 Nov 2024)': the option as the officer gave it, in
    Indonesian and English."""
    if day is None:
        return option, option
    words = _shown(day)
    if isinstance(value, dict):
        h = value["h"]
        return (
            f"{option} {h_label(h, 'id')} ({words[0]})",
            f"{option} {h_label(h, 'en')} ({words[1]})",
        )
    return f"{option} {words[0]}", f"{option} {words[1]}"


def _shown(day: date) -> tuple[str, str]:
    """A day as these messages show it, in Indonesian and English: '17 Agu 2024', '17 Aug 2024'."""
    return format_date(day, short=True, lang="id"), format_date(day, short=True, lang="en")


def _moves(rule: Any) -> bool:
    return rule is not None and rule.h is None


def _parent(election: Election, path: str) -> Stage | None:
    parent = path.rpartition("/")[0]
    return next((s for p, s in election.walk() if p == parent), None) if parent else None


def _refuse(message_id: str, message_en: str, hint: tuple[str, str] | None = None) -> None:
    raise TahapanError(Words(message_id, message_en), hint=Words(*hint) if hint else None)
