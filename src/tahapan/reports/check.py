"""`tahapan check`: a yes/no answer for scripts (is this stage running? is anything due?)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from tahapan.days import timeline as tl
from tahapan.errors import ExitCode
from tahapan.model import Election
from tahapan.records import Record
from tahapan.reports import Streamed, stage_json
from tahapan.schedule.catalog import Catalog
from tahapan.schedule.recurrence import around, expand_all
from tahapan.schedule.select import pick_elections

if TYPE_CHECKING:
    from tahapan.reports.case_steps import StepDue
    from tahapan.reports.cases import CaseReport
    from tahapan.reports.changes import Item
    from tahapan.reports.stages import ShowReport


@dataclass(repr=False, eq=False)
class CheckReport(Record):
    """The answer of `tahapan check`: ``ok`` decides the exit status (0 when true, 1 when not)."""

    date: date
    ok: bool
    question: Literal["active", "within", "remind", "changes"]
    #: for --active: where the stage stands on the date, as `show` computes it
    stage: ShowReport | None = None
    days: int | None = None
    events: tuple[tl.Event, ...] = ()
    #: for --remind: the distances asked for (7, 3, 1, 0)
    remind: tuple[int, ...] = ()
    #: for --changes: the changes of schedule not reported to this check yet (None: not asked)
    changes: list[Item] | None = None
    #: for --changes: this run took the history's first snapshot; there was nothing to compare
    changes_first_look: bool = False
    #: for --changes: the snapshot was damaged or gone, so what changed cannot be told
    baseline_lost: bool = False
    #: for --within/--remind: the deadlines of the user's open cases in the window (None: cases
    #: not looked at)
    case_deadlines: list[tuple[CaseReport, StepDue]] | None = None

    @property
    def exit_code(self) -> int:
        # --changes with --within/--remind: 1 when either has something to say
        attention = self.changes or self.baseline_lost
        return 0 if self.ok and not attention else int(ExitCode.ATTENTION)

    def payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "date": self.date.isoformat(),
            "ok": self.ok,
            "question": self.question,
        }
        if self.stage is not None:
            show = self.stage
            out["stage"] = {
                **stage_json(show.ref),
                "position": show.position,
                "day": show.day,
                "days_total": show.ref.stage.days_total,
                "days_left": show.days_left,
                "days_until": show.days_until,
                "days_since": show.days_since,
            }
        elif self.question != "changes":
            if self.question == "remind":
                out["remind"] = list(self.remind)
            else:
                out["days"] = self.days
            out["events"] = Streamed(
                {
                    **stage_json(e.ref),
                    "date": e.day.isoformat(),
                    "event": e.kind,
                    "h": tl.h_day(e.ref.election, e.day),
                    "days_until": (e.day - self.date).days,
                }
                for e in self.events
            )
        if self.case_deadlines is not None:
            from tahapan.reports.cases import deadline_json

            out["case_deadlines"] = [deadline_json(r, s) for r, s in self.case_deadlines]
        if self.changes is not None:
            from tahapan.reports.changes import item_json

            out["changes_first_look"] = self.changes_first_look
            out["baseline_lost"] = self.baseline_lost
            out["changes"] = [item_json(item) for item in self.changes]
        return out


def build_check_active(
    catalog: Catalog, stage_ref: str, *, on: date, election_ids: Sequence[str] = ()
) -> CheckReport:
    from tahapan.reports.stages import build_show  # only --active shows one stage

    show = build_show(catalog, stage_ref, on=on, election_ids=election_ids, nearest=True)
    return CheckReport(on, show.position == "active", "active", stage=show)


def build_check_within(
    catalog: Catalog, days: int, *, on: date, election_ids: Sequence[str] = ()
) -> CheckReport:
    elections = _occurring(catalog, election_ids, on, days)
    events = tuple(tl.events_within(elections, on, days))
    # "ok" means nothing is due: a cron line `tahapan check --within 7 || mail ...` mails only when needed
    return CheckReport(on, not events, "within", days=days, events=events)


def build_check_remind(
    catalog: Catalog, days: Sequence[int], *, on: date, election_ids: Sequence[str] = ()
) -> CheckReport:
    """The events exactly ``days`` away (0: today), so that a daily cron line says H-7, H-3, H-1
    once each instead of every day of a window."""
    wanted = set(days)
    elections = _occurring(catalog, election_ids, on, max(wanted))
    events = tuple(
        e for e in tl.events_within(elections, on, max(wanted)) if (e.day - on).days in wanted
    )
    return CheckReport(
        on, not events, "remind", events=events, remind=tuple(sorted(wanted, reverse=True))
    )


def _occurring(
    catalog: Catalog, election_ids: Sequence[str], on: date, days: int
) -> list[Election]:
    """The chosen elections, repeating stages as their occurrences from ``on`` to ``days`` later."""
    elections = pick_elections(catalog, election_ids) if election_ids else list(catalog.elections)
    return expand_all(elections, *around(on, 1, days + 1))
