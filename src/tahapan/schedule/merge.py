"""Overlay files: later schedule files add to and override earlier ones, before anything is validated.

A file may add an election; add stages to an election another file defines (by writing only the
election's ``id`` and its new stages); or change a stage another file defines, by naming it with its
id (ids are unique within an election) or its path, and giving only the keys to change::

    [[elections]]
    id = "pemilu-2024"
    [[elections.stages]]
    id = "pemutakhiran-data-pemilih/coklit"   # or just "coklit"
    end = 2023-03-20

The merge works on the plain TOML tables, so that a partial entry is not refused for the keys it
leaves out; it records which file set what, so that every later problem names the right file.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from tahapan.model import FILE_SCHEMA

#: (election id, stage path or "" for the election itself, key or None for the whole entry)
OwnerKey = tuple[str, str, str | None]


@dataclass(frozen=True)
class SourceFile:
    path: Path
    text: str
    data: dict[str, Any]
    #: an installed update (`tahapan data update`): a whole schedule whose elections replace those
    #: of the same id in the files before it, instead of being merged key by key
    replaces: bool = False

    @property
    def revision(self) -> Any:
        return self.data.get("revision")

    @cached_property
    def lines(self) -> list[str]:
        # once per file: every problem in it is located in these lines
        return self.text.splitlines()


@dataclass
class Merged:
    data: dict[str, Any] = field(
        default_factory=lambda: {"schema": FILE_SCHEMA, "regions": [], "elections": []}
    )
    owners: dict[OwnerKey, Path] = field(default_factory=dict)
    #: region id -> file
    region_owners: dict[str, Path] = field(default_factory=dict)
    #: problems of a file's top level (an unknown key, a wrong schema), kept per file
    top_level: dict[Path, dict[str, Any]] = field(default_factory=dict)
    _changes: dict[tuple[str, str], dict[str, Path]] | None = None
    #: installed updates not used, being older than the data they would replace
    skipped: list[Path] = field(default_factory=list)

    def owner(self, election: str, path: str, key: str | None) -> Path | None:
        """The file that set ``key`` of a stage (or of the election when path is ""), or made it."""
        if (election, path, key) in self.owners:
            return self.owners[(election, path, key)]
        while True:
            if (election, path, None) in self.owners:
                return self.owners[(election, path, None)]
            if not path:
                return None
            path = path.rpartition("/")[0]

    def unsourced_changes(self) -> list[tuple[str, str, str, Path]]:
        """Dates a file changed on another file's stage without giving its own basis and confidence:
        (election, path, key, file)."""
        out = []
        for (e, p, key), source in self.owners.items():
            if (
                key in ("start", "end")
                and p
                and self.owner(e, p, None) != source
                and (
                    self.owners.get((e, p, "basis")) != source
                    or self.owners.get((e, p, "confidence")) != source
                )
            ):
                out.append((e, p, key, source))
        return out

    def stage_source(self, election: str, path: str) -> tuple[Path | None, dict[str, Path]]:
        """The file a stage came from, and the keys later files changed, with their files."""
        if self._changes is None:
            self._changes = {}
            for (e, p, key), source in self.owners.items():
                if key is not None:
                    self._changes.setdefault((e, p), {})[key] = source
        made = self.owner(election, path, None)
        changed = {k: f for k, f in self._changes.get((election, path), {}).items() if f != made}
        return made, changed


def merge(files: list[SourceFile]) -> Merged:
    merged = Merged()
    floor = None
    for source in files:
        if source.replaces and not _newer(source.revision, floor):
            # an update older than the data it would replace (a package upgrade brought newer
            # data): set aside, so that the newer dates are not overwritten; `tahapan data` says so
            merged.skipped.append(source.path)
            merged.top_level[source.path] = {
                k: v for k, v in source.data.items() if k not in ("elections", "regions")
            }
            continue
        if not source.replaces and isinstance(source.revision, date):
            floor = source.revision if floor is None else max(floor, source.revision)
        _merge_file(merged, source)
    return merged


def _newer(revision: Any, floor: date | None) -> bool:
    return isinstance(revision, date) and (floor is None or revision >= floor)


def _merge_file(merged: Merged, source: SourceFile) -> None:
    rest = {k: v for k, v in source.data.items() if k not in ("elections", "regions")}
    merged.top_level[source.path] = rest
    regions = source.data.get("regions", [])
    if isinstance(regions, list):
        by_id = {r.get("id"): r for r in merged.data["regions"] if isinstance(r, dict)}
        for region in regions:
            ident = region.get("id") if isinstance(region, dict) else None
            if isinstance(ident, str) and ident in by_id and isinstance(region, dict):
                by_id[ident].update(copy.deepcopy(region))
            else:
                merged.data["regions"].append(region)
            if isinstance(ident, str):
                merged.region_owners[ident] = source.path
    else:
        merged.data["regions"] = regions  # the model reports the wrong type
    elections = source.data.get("elections", [])
    if not isinstance(elections, list):
        merged.data["elections"] = elections
        return
    by_id = {e.get("id"): e for e in merged.data["elections"] if isinstance(e, dict)}
    for election in elections:
        ident = election.get("id") if isinstance(election, dict) else None
        if not isinstance(election, dict) or not isinstance(ident, str):
            merged.data["elections"].append(copy.deepcopy(election))
            continue
        if source.replaces and ident in by_id:
            # the update's election as a whole: stages it no longer has are gone
            target = by_id[ident]
            target.clear()
            target.update(election)
            for key in [k for k in merged.owners if k[0] == ident]:
                del merged.owners[key]
            merged.owners[(ident, "", None)] = source.path
            continue
        if ident not in by_id:
            # taken as it is, not copied: a file's tables are read once, and copying a national
            # office's 25,000 stages would double the memory of the first run
            fresh = election
            merged.data["elections"].append(fresh)
            by_id[ident] = fresh
            merged.owners[(ident, "", None)] = source.path
            continue
        _extend(merged, by_id[ident], election, source.path)


#: what a projected election's table gives way on to an earlier file's voting day
_PROJECTION = ("voting_day", "projected")


def _extend(merged: Merged, target: dict[str, Any], patch: dict[str, Any], path: Path) -> None:
    eid = target["id"]
    # stages this file adds are not matched by its later entries: a repeated id stays a duplicate
    added: set[int] = set()
    # a projected voting day (`election add --like`) stands in for one no file gave: once a file
    # before it gives the election its day (a data update), that day holds and the mark goes
    dated = target.get("voting_day") is not None and target.get("projected") is not True
    for key, value in patch.items():
        if key == "id" or (dated and patch.get("projected") is True and key in _PROJECTION):
            continue
        if key == "stages" and isinstance(value, list):
            siblings = target.setdefault("stages", [])
            if not isinstance(siblings, list):  # an earlier file's `[elections.stages]`, a table:
                continue  # its own check names it; nothing to merge into
            for stage in value:
                _merge_stage(merged, target, siblings, "", stage, path, added)
        elif key in ("holidays", "changes") and isinstance(value, list):
            # an overlay adds days off and documented changes to those of the files before it; a
            # change it repeats (a whole schedule merged over the one it copies) is the same change
            kept = target.setdefault(key, [])
            kept.extend(copy.deepcopy(v) for v in value if key == "holidays" or v not in kept)
            merged.owners[(eid, "", key)] = path
        else:
            target[key] = copy.deepcopy(value)
            merged.owners[(eid, "", key)] = path


def _merge_stage(
    merged: Merged,
    election: dict[str, Any],
    siblings: list[Any],
    parent: str,
    stage: Any,
    path: Path,
    added: set[int],
) -> None:
    eid = election["id"]
    ident = stage.get("id") if isinstance(stage, dict) else None
    found = _find(election, ident, added) if isinstance(ident, str) else None
    if found is None:
        fresh = copy.deepcopy(stage)
        siblings.append(fresh)
        added.update(id(t) for _, t in _walk([fresh], ""))
        if isinstance(ident, str):
            merged.owners[(eid, f"{parent}/{ident}" if parent else ident, None)] = path
        return
    stage_path, target = found
    if isinstance(ident, str) and "/" in ident:
        stage = {**stage, "id": target["id"]}
    for key, value in stage.items():
        if key == "id":
            continue
        if key == "stages" and isinstance(value, list):
            children = target.setdefault("stages", [])
            if not isinstance(children, list):  # as above: a table where a list belongs
                continue
            for child in value:
                _merge_stage(merged, election, children, stage_path, child, path, added)
        else:
            target[key] = copy.deepcopy(value)
            merged.owners[(eid, stage_path, key)] = path


def _find(election: dict[str, Any], ref: str, added: set[int]) -> tuple[str, dict[str, Any]] | None:
    """A stage table of the merged election by path ('a/b') or by id anywhere in the tree."""
    for stage_path, table in _walk(election.get("stages", []), ""):
        if id(table) in added:
            continue
        if ref == stage_path or ("/" not in ref and table.get("id") == ref):
            return stage_path, table
    return None


def _walk(stages: Any, parent: str) -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    if not isinstance(stages, list):
        return out
    for table in stages:
        if not isinstance(table, dict) or not isinstance(table.get("id"), str):
            continue
        path = f"{parent}/{table['id']}" if parent else table["id"]
        out.append((path, table))
        out.extend(_walk(table.get("stages"), path))
    return out
