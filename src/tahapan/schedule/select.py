"""Finding elections and stages by the names users type, with suggestions when they miss."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from tahapan.days.timeline import StageRef, all_stages
from tahapan.errors import UnknownNameError
from tahapan.i18n import Message, Words
from tahapan.model import Election
from tahapan.schedule.catalog import Catalog


def _suggest(word: str, choices: Sequence[str]) -> Message:
    import difflib  # only when a name is wrong

    close = difflib.get_close_matches(word, choices, n=3, cutoff=0.5)
    if not close:
        return ""
    return Words(" Mungkin yang dimaksud: ", " Did you mean: ") + ", ".join(close) + "?"


def pick_elections(catalog: Catalog, ids: Sequence[str]) -> list[Election]:
    """The elections named by ``ids``, in the order given; every unknown id is an error."""
    by_id = {e.id: e for e in catalog.elections}
    chosen: list[Election] = []
    for ident in ids:
        election = by_id.get(ident.strip())
        if election is None:
            raise UnknownNameError(
                Words(f"pemilu tidak dikenal: {ident!r}.", f"unknown election: {ident!r}.")
                + _suggest(ident, list(by_id)),
                hint=Words("Pemilu yang tersedia: ", "Loaded elections: ") + ", ".join(by_id),
            )
        if election not in chosen:
            chosen.append(election)
    return chosen


def find_stage(
    catalog: Catalog,
    ref: str,
    elections: Sequence[Election] | None = None,
    *,
    prefer: Callable[[list[StageRef]], list[StageRef]] | None = None,
    on: date | None = None,
) -> StageRef:
    """A stage by id ('kampanye'), path ('kampanye/rapat-umum') or election-qualified path
    ('pemilu-2024/kampanye'). An id found in several elections needs the election named, unless
    ``prefer`` narrows the matches to one (`check --active`: the one running on the date)."""
    text = ref.strip().strip("/").replace(":", "/")
    pool = list(elections) if elections else list(catalog.elections)
    refs = list(all_stages(pool, held_only=False))
    matches = [
        r
        for r in refs
        if text
        in (r.path, r.stage.id, f"{r.election.id}/{r.path}", f"{r.election.id}/{r.stage.id}")
    ]
    if not matches:
        matches = _occurrence(refs, text, on)
    if len(matches) > 1 and prefer is not None:
        matches = prefer(matches) or matches
    if len(matches) == 1:
        return matches[0]
    if not matches:
        names = sorted({r.stage.id for r in refs} | {r.path for r in refs})
        raise UnknownNameError(
            Words(f"tahapan tidak dikenal: {ref!r}.", f"unknown stage: {ref!r}.")
            + _suggest(text.rsplit("/", 1)[-1], names),
            hint=Words(
                "`tahapan list` menampilkan semua ID tahapan.",
                "`tahapan list` shows every stage id.",
            ),
        )
    options = ", ".join(f"{r.election.id}/{r.path}" for r in matches)
    raise UnknownNameError(
        Words(
            f"tahapan {ref!r} ada di beberapa pemilu: {options}.",
            f"stage {ref!r} is in several elections: {options}.",
        ),
        hint=Words(
            "Sebutkan pemilunya, misalnya --election "
            + matches[0].election.id
            + " atau "
            + f"{matches[0].election.id}/{matches[0].path}.",
            "Name the election, e.g. --election "
            + matches[0].election.id
            + " or "
            + f"{matches[0].election.id}/{matches[0].path}.",
        ),
    )


def _occurrence(refs: list[StageRef], text: str, on: date | None) -> list[StageRef]:
    """A repeating stage named by its own id: the held occurrence running on ``on``, else the next
    one in the window."""
    series = [
        r
        for r in refs
        if r.stage.occurrence is not None
        and text in (r.stage.series, f"{r.election.id}/{r.stage.series}")
    ]
    if len({r.election.id for r in series}) != 1:
        return series
    if on is None:
        return series[:1]
    held = [r for r in series if r.stage.held]
    running = [r for r in held if (r.stage.start or r.stage.end) <= on <= r.stage.end]
    later = [r for r in held if (r.stage.start or r.stage.end) > on]
    # none in the window: the caller looks further out (recurrence.far_occurrence)
    return (running or later)[:1]
