"""Rules that relate stages to each other, checked after the models have parsed a file.

Each rule yields problems instead of raising, so a file with five mistakes gets five messages.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from tahapan.i18n import Message, Words, said
from tahapan.model import Election, Region, Stage


@dataclass(frozen=True)
class Problem:
    #: ids from the election down to the stage, e.g. ("pemilu-2024", "kampanye", "rapat-umum")
    where: tuple[str, ...]
    message: Message
    #: the key the problem is about, to point at its line
    key: str | None = None


def check_elections(
    elections: tuple[Election, ...], regions: Sequence[Region] = ()
) -> Iterator[Problem]:
    yield from _check_regions(regions)
    known = {r.id for r in regions} | {r.code for r in regions if r.code}
    seen: set[str] = set()
    for election in elections:
        yield from _check_region_refs(election, known, regions)
        if election.id in seen:
            yield Problem(
                (election.id,),
                Words(
                    f"id pemilu {election.id!r} dipakai dua kali",
                    f"election id {election.id!r} is used twice",
                ),
                "id",
            )
        seen.add(election.id)
        yield from _check_stages(election)
        yield from _check_changes(election)


def _check_changes(election: Election) -> Iterator[Problem]:
    """A documented change names a stage of its election, and its old window is a window."""
    if not election.changes:
        return
    paths = {path for path, _ in election.walk()}
    ids = {stage.id for _, stage in election.walk()}
    for change in election.changes:
        where = (election.id,)
        if change.stage is not None and change.stage not in paths | ids:
            yield Problem(
                where,
                Words(
                    f"changes: tahapan {change.stage!r} tidak ada di pemilu ini; tulis id atau "
                    "jalurnya (mis. kampanye/rapat-umum)",
                    f"changes: stage {change.stage!r} is not in this election; give its id or path "
                    "(e.g. kampanye/rapat-umum)",
                ),
                "changes",
            )
        if change.old_start and change.old_end and change.old_end < change.old_start:
            yield Problem(
                where,
                Words(
                    f"changes: old_end {change.old_end} lebih awal dari old_start {change.old_start}",
                    f"changes: old_end {change.old_end} is before old_start {change.old_start}",
                ),
                "changes",
            )
        if (change.old_start or change.old_end) and change.stage is None:
            yield Problem(
                where,
                Words(
                    "changes: old_start/old_end tanpa stage; sebutkan tahapan yang bergeser",
                    "changes: old_start/old_end without a stage; name the stage that moved",
                ),
                "changes",
            )


def _check_stages(election: Election) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for path, stage in election.walk():
        where = (election.id, *path.split("/"))
        if stage.id in seen:
            yield Problem(
                where,
                Words(
                    f"id tahapan {stage.id!r} sudah dipakai oleh {seen[stage.id]}; id harus unik dalam satu pemilu",
                    f"stage id {stage.id!r} is already used by {seen[stage.id]}; ids must be unique within an election",
                ),
                "id",
            )
        else:
            seen[stage.id] = path
        if stage.start is not None and stage.end < stage.start:
            yield Problem(
                where,
                Words(
                    f"end {stage.end} lebih awal dari start {stage.start}",
                    f"end {stage.end} is before start {stage.start}",
                ),
                "end",
            )
        if stage.repeat is not None or stage.instances:
            yield from _check_repeat(where, path, stage)
        yield from _check_children(election, where, stage)


def _check_repeat(where: tuple[str, ...], path: str, stage: Stage) -> Iterator[Problem]:
    from tahapan.schedule.recurrence import problems  # only for a file with a repeating stage

    if "/" in path and stage.repeat is not None:
        yield Problem(
            where,
            Words(
                "repeat hanya untuk tahapan tingkat atas, bukan subtahapan",
                "repeat belongs to a top-level stage, not a sub-stage",
            ),
            "repeat",
        )
    for message in problems(stage):
        key = "instances" if said(message, "en").startswith("instances") else "repeat"
        yield Problem(where, message, key)


def _check_children(election: Election, where: tuple[str, ...], parent: Stage) -> Iterator[Problem]:
    for child in parent.stages:
        child_where = (*where, child.id)
        if child.start is not None and parent.start is not None and child.start < parent.start:
            yield Problem(
                child_where,
                Words(
                    f"start {child.start} sebelum induknya {parent.id!r} mulai ({parent.start}); "
                    "subtahapan harus berada dalam rentang induknya",
                    f"start {child.start} is before its parent {parent.id!r} starts ({parent.start}); "
                    "a sub-stage must lie within its parent's window",
                ),
                "start",
            )
        if child.end > parent.end:
            yield Problem(
                child_where,
                Words(
                    f"end {child.end} setelah induknya {parent.id!r} berakhir ({parent.end}); "
                    "subtahapan harus berada dalam rentang induknya",
                    f"end {child.end} is after its parent {parent.id!r} ends ({parent.end}); "
                    "a sub-stage must lie within its parent's window",
                ),
                "end",
            )


def _check_regions(regions: Sequence[Region]) -> Iterator[Problem]:
    ids = {r.id for r in regions}
    codes: dict[str, str] = {}
    for region in regions:
        where = ("regions", region.id)
        if region.parent is not None and region.parent not in ids:
            yield Problem(
                where,
                Words(
                    f"induk {region.parent!r} bukan wilayah yang dikenal",
                    f"parent {region.parent!r} is not a known region",
                ),
                "parent",
            )
        if region.code:
            if region.code in codes:
                yield Problem(
                    where,
                    Words(
                        f"kode {region.code} sudah dipakai oleh {codes[region.code]}",
                        f"code {region.code} is already used by {codes[region.code]}",
                    ),
                    "code",
                )
            codes[region.code] = region.id


def _check_region_refs(
    election: Election, known: set[str], regions: Sequence[Region]
) -> Iterator[Problem]:
    def unknown(refs: tuple[str, ...]) -> list[str]:
        return [r for r in refs if r not in known]

    owners: list[tuple[tuple[str, ...], tuple[str, ...]]] = [((election.id,), election.regions)]
    owners += [((election.id, *p.split("/")), s.regions) for p, s in election.walk()]
    owners += [((election.id,), h.regions) for h in election.holidays]
    for where, refs in owners:
        for ref in unknown(refs):
            yield Problem(where, _region_problem(ref, regions), "regions")


def _region_problem(ref: str, regions: Sequence[Region]) -> Message:
    """One line for a region reference that names no region, or several (names are accepted)."""
    from tahapan.schedule.region_lookup import by_words, exact, suggestions

    several = exact(regions, ref) or by_words(regions, ref)
    if len(several) > 1:
        listed = ", ".join(f"{r.code or r.id} {r.name}" for r in several[:5])
        more = "…" if len(several) > 5 else ""
        return Words(
            f"wilayah {ref!r} bisa berarti: {listed}{more}; tulis kode atau nama lengkapnya",
            f"region {ref!r} could be: {listed}{more}; write its code or full name",
        )
    close = ", ".join(r.name for r in suggestions(regions, ref))
    guess = (f" (mungkin: {close})", f" (perhaps: {close})") if close else ("", "")
    return Words(
        f"wilayah tidak dikenal: {ref!r}{guess[0]}; pakai kode, id atau nama wilayah "
        "(tahapan regions TEKS mencarinya)",
        f"unknown region: {ref!r}{guess[1]}; use a region's code, id or name "
        "(tahapan regions TEXT searches them)",
    )
