"""What the commands that change a file did: `stage add|set|remove`, `election add|remove|
set-voting-day` and `config set|unset`. One result for all of them: what changed, where, the file,
the previous version kept, and the warnings that are part of the answer (``render.edits`` words
them; `kasus` edits have their own, ``cases.CaseEdit``, which carries the case as it now stands)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from tahapan.reports import json_value
from tahapan.schedule.editing import EditResult
from tahapan.schedule.legal import LegalWarning

#: what was changed: a stage, one occurrence of a repeating stage, an election, a config key
Kind = Literal["stage", "occurrence", "election", "config"]
#: a stage set on a projected election: it became the office's assumption, or stays a projection
Projection = Literal["office-assumption", "stays-projection"]


@dataclass
class EditReport:
    action: Literal["added", "changed", "removed", "set", "unset"]
    kind: Kind
    #: the stage's path with its election, the election's id, or the config key
    target: str
    #: the file written
    path: str
    #: the previous version kept beside it (.bak), if any
    backup: str | None = None
    #: a config key's value as stored (notification addresses without their secrets)
    value: Any = None
    warnings: list[LegalWarning] = field(default_factory=list)
    projection: Projection | None = None

    exit_code = 0

    def payload(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "kind": self.kind,
            "target": self.target,
            **({"value": json_value(self.value)} if self.kind == "config" else {}),
            "file": self.path,
            "backup": self.backup,
            "projection": self.projection,
            "warnings": [warning_json(w) for w in self.warnings],
        }


def schedule_edit(done: EditResult, kind: Kind) -> EditReport:
    """The result of a change made to a schedule file (``schedule.editing.edit``)."""
    return EditReport(
        done.action,  # type: ignore[arg-type]
        kind,
        done.where,
        str(done.path),
        str(done.backup) if done.backup else None,
    )


def config_edit(
    action: Literal["set", "unset"], key: str, path: str, value: Any = None
) -> EditReport:
    """The result of `config set|unset`: notification addresses are stored with their tokens, and
    shown without them, as every message shows them."""
    if key == "notify" and value is not None:
        from tahapan.notify import shown

        value = [shown(url) for url in value]
    return EditReport(action, "config", key, path, value=value)


def warning_json(warning: LegalWarning) -> dict[str, Any]:
    """A warning as ids and dates: the same in both languages (a holiday's two names)."""
    out: dict[str, Any] = {
        "rule": warning.rule,
        "day": warning.day,
        "due": warning.due,
        "until": warning.until,
    }
    if warning.rule == "voting-day-beside-holiday":
        out |= {
            "voting_day": warning.voting_day,
            "offset": warning.offset,
            "holiday": warning.holiday,
            "holiday_en": warning.holiday_en,
        }
    return {key: json_value(value) for key, value in out.items()}
