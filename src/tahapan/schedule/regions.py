"""Regions: narrowing the schedules to one (finding it by what officers type: ``region_lookup``).

With a region chosen, an election or stage scoped to regions is kept only when its regions touch the
chosen one: the region itself, the province it lies in, or (for a province) a regency inside it. A
local holiday counts only in its own regions and the places inside them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from tahapan.model import Election, Holiday, Region, Stage
from tahapan.schedule.catalog import Catalog


def _lineage(catalog: Catalog, region: Region) -> tuple[set[str], set[str]]:
    """Ids and codes of the region and its ancestors; and of its descendants."""
    by_id = {r.id: r for r in catalog.regions}
    up: set[str] = set()
    node: Region | None = region
    while node is not None and node.id not in up:
        up.add(node.id)
        if node.code:
            up.add(node.code)
        node = by_id.get(node.parent) if node.parent else None
    down: set[str] = set()
    frontier = {region.id}
    while frontier:
        children = [r for r in catalog.regions if r.parent in frontier and r.id not in down]
        down.update(r.id for r in children)
        down.update(r.code for r in children if r.code)
        frontier = {r.id for r in children}
    return up, down


def near(catalog: Catalog, region: Region) -> set[str]:
    """Ids and codes of the region, its province and its regencies: what a stage's regions must
    touch for the stage to concern it (as `scope` keeps stages)."""
    up, down = _lineage(catalog, region)
    return up | down


def scope(catalog: Catalog, region: Region | None) -> Catalog:
    """The catalog as seen from ``region`` (None: everywhere, without local holidays)."""
    if region is None:
        up: set[str] = set()
        near: set[str] = set()
    else:
        up, down = _lineage(catalog, region)
        near = up | down
    # decide on the index first: elections of other regions are never decoded
    kept = {
        ident
        for ident, regions in catalog.scopes()
        if region is None or not regions or near.intersection(regions)
    }
    narrowed = catalog.only(kept) if len(kept) < len(catalog.scopes()) else catalog
    elections = [_narrow(election, region, near, up) for election in narrowed.elections]
    return catalog.with_elections(elections)


def _narrow(election: Election, region: Region | None, near: set[str], up: set[str]) -> Election:
    holidays = tuple(h for h in election.holidays if not h.regions or up.intersection(h.regions))
    if region is None:
        if holidays == election.holidays:
            return election
        return replace(election, holidays=holidays)
    stages = tuple(_keep(election.stages, near))
    return replace(election, holidays=holidays, stages=stages)


def _keep(stages: Iterable[Stage], near: set[str]) -> Iterable[Stage]:
    for stage in stages:
        if stage.regions and not near.intersection(stage.regions):
            continue
        yield replace(stage, stages=tuple(_keep(stage.stages, near)))


def name_regions(elections: Iterable[Election], regions: tuple[Region, ...]) -> list[Election]:
    """The elections with every region reference written as the region's id: a file may name a
    region by code, id, decree name or alias ("19.71", "Kota Pangkal Pinang", "Pangkalpinang"), and
    the rest of tahapan then compares ids only. A reference that names no region, or several, is
    left as written for the checks to report."""
    from tahapan.schedule.region_lookup import exact

    ids: dict[str, str] = {}

    def one(ref: str) -> str:
        if ref not in ids:
            found = exact(regions, ref)
            ids[ref] = found[0].id if len(found) == 1 else ref
        return ids[ref]

    def refs(values: tuple[str, ...]) -> tuple[str, ...]:
        if not values:
            return values
        named = tuple(dict.fromkeys(one(v) for v in values))
        return values if named == values else named

    # an object whose references are ids already is kept, not copied: a national office's 100,000
    # stages mostly are
    def stage(s: Stage) -> Stage:
        named, children = refs(s.regions), tuple(stage(c) for c in s.stages)
        if named is s.regions and all(a is b for a, b in zip(children, s.stages, strict=True)):
            return s
        return replace(s, regions=named, stages=children)

    def holiday(h: Holiday) -> Holiday:
        named = refs(h.regions)
        return h if named is h.regions else replace(h, regions=named)

    def election(e: Election) -> Election:
        named = refs(e.regions)
        holidays = tuple(holiday(h) for h in e.holidays)
        stages = tuple(stage(s) for s in e.stages)
        if (
            named is e.regions
            and all(a is b for a, b in zip(holidays, e.holidays, strict=True))
            and all(a is b for a, b in zip(stages, e.stages, strict=True))
        ):
            return e
        return replace(e, regions=named, holidays=holidays, stages=stages)

    return [election(e) for e in elections]
