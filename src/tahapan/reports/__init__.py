"""What each command answers, as plain data: one result per command, with its JSON payload and its
exit code. ``render.render`` draws a result in the format asked for; neither computes anything.

Results are plain (not frozen) dataclasses, as in ``days/timeline.py``, to keep start-up short.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import fields
from datetime import date
from typing import Any, Protocol

from tahapan.days import timeline as tl
from tahapan.model import Election


class Result(Protocol):
    """What a command answers: the payload of its JSON (the renderer adds the schema number) and
    the exit code of the run."""

    @property
    def exit_code(self) -> int: ...

    def payload(self) -> dict[str, Any]: ...


class Streamed(list[Any]):
    """A JSON array whose items are made as the encoder writes them (render.json_pieces), so that a
    national answer (100,000 stages) is never held whole. It is a list to json's encoder, which
    asks only whether it is empty and then iterates it; it can be read once."""

    def __init__(self, items: Iterable[Any]) -> None:
        super().__init__()
        self._items = iter(items)
        self._first = next(self._items, _NONE)

    def __bool__(self) -> bool:
        return self._first is not _NONE

    def __iter__(self) -> Iterator[Any]:
        if self._first is not _NONE:
            yield self._first
            yield from self._items


_NONE = object()


def json_value(value: Any) -> Any:
    """Dates as ISO text, tuples as lists, through tables and lists."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [json_value(item) for item in value]
    if isinstance(value, dict):
        return {key: json_value(item) for key, item in value.items()}
    return value


#: what a stage's JSON says about where it sits and is dated; every other field follows, in the
#: model's order, without a list of its own (a new field appears with no edit here)
def stage_json(ref: tl.StageRef) -> dict[str, Any]:
    s = ref.stage
    return {
        "election": ref.election.id,
        "id": s.id,
        "path": ref.path,
        "name": s.name,
        # schema 1 has a string here: without an English name, the Indonesian one
        "name_en": s.name_en or s.name,
        "start": json_value(s.start),
        "end": json_value(s.end),
        "projected": s.projected,
        # "official", "projected" or "assumption" (the office's dates while voting day is projected)
        "date_source": ref.election.dating(s),
        # a repeating stage's occurrence: the stage it repeats, and the day its rule gives it
        "series": s.series,
        "occurrence": json_value(s.occurrence),
    }


_NOT_FIELDS = {"stages", "start_rule", "end_rule", "instances"}


def stage_fields_json(ref: tl.StageRef) -> dict[str, Any]:
    """``stage_json``, then every other field of the stage (nested stages and rules aside)."""
    out = stage_json(ref)
    for f in fields(ref.stage):
        if f.name not in out and f.name not in _NOT_FIELDS:
            out[f.name] = json_value(getattr(ref.stage, f.name))
    return out


def election_json(election: Election, on: date) -> dict[str, Any]:
    return {
        "id": election.id,
        "name": election.name,
        "name_en": election.name_en or election.name,
        "voting_day": json_value(election.voting_day),
        "projected": election.projected,
        "kind": election.kind,
        "h": tl.h_day(election, on),
    }
