"""Regions: finding one by what officers type, and narrowing the schedules to it.

With a region chosen, an election or stage scoped to regions is kept only when its regions touch the
chosen one: the region itself, the province it lies in, or (for a province) a regency inside it. A
local holiday counts only in its own regions and the places inside them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from tahapan.errors import UnknownNameError
from tahapan.i18n import tr
from tahapan.model import Election, Region, Stage
from tahapan.store import Catalog

_PREFIXES = ("kabupaten ", "kab. ", "kab ", "kota ", "provinsi ", "prov. ")


def _plain(name: str) -> str:
    lowered = " ".join(name.lower().split())
    for prefix in _PREFIXES:
        if lowered.startswith(prefix):
            return lowered[len(prefix) :]
    return lowered


def find_region(catalog: Catalog, text: str) -> Region:
    """A region by id ('kota-pangkalpinang'), code ('19.71') or name ('Kota Pangkalpinang',
    'pangkalpinang'); a bare name shared by a regency and a city ('Tasikmalaya') must say which."""
    wanted = " ".join(text.split()).lower()
    for region in catalog.regions:
        if wanted in (region.id, region.code, region.name.lower()):
            return region
    plain = [r for r in catalog.regions if _plain(r.name) == _plain(wanted)]
    if len(plain) == 1:
        return plain[0]
    if len(plain) > 1:
        raise UnknownNameError(
            tr(
                f"wilayah {text!r} bisa berarti: {', '.join(r.name for r in plain)}",
                f"region {text!r} could be: {', '.join(r.name for r in plain)}",
            ),
            hint=tr("Sebutkan dengan id atau kodenya.", "Name it by id or code."),
        )
    spellings = {r.name.lower(): r.name for r in catalog.regions}
    spellings.update({r.id: r.name for r in catalog.regions})
    spellings.update({_plain(r.name): r.name for r in catalog.regions})
    import difflib  # only when a name is wrong

    matches = difflib.get_close_matches(wanted, list(spellings), n=5, cutoff=0.6)
    close = list(dict.fromkeys(spellings[m] for m in matches))[:3]
    guess = (
        (tr(" Mungkin maksudnya: ", " Did you mean: ") + ", ".join(close) + "?") if close else ""
    )
    raise UnknownNameError(
        tr(f"wilayah tidak dikenal: {text!r}.", f"unknown region: {text!r}.") + guess,
        hint=tr(
            "Pakai id, kode Kemendagri atau nama; `tahapan regions` menampilkan daftarnya.",
            "Use an id, a Kemendagri code or a name; `tahapan regions` lists them.",
        ),
    )


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
