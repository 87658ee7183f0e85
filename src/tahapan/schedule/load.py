"""Schedule files to a checked catalog, in named phases: read the bytes, look in the cache, parse,
merge and check, resolve the rules, write the cache.

Every problem becomes one line ``FILE:LINE: election/stage: message`` in a ``DataError``, naming the
file that set the value at fault; nothing here prints or exits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tahapan.errors import DataError, UnreadableError
from tahapan.i18n import Message, Words
from tahapan.model import Election, Schedule
from tahapan.schedule.catalog import Catalog, shipped_paths
from tahapan.schedule.read import read_bytes, read_source, source_from_bytes

if TYPE_CHECKING:  # the merge and the checks run only when the cache has no answer
    from tahapan.schedule.merge import Merged, SourceFile
    from tahapan.schedule.rules import Problem

__all__ = ["Catalog", "build_catalog", "check_with", "load_catalog", "shipped_paths"]


def load_catalog(
    extra: Sequence[Path] = (),
    *,
    include_shipped: bool = True,
    provenance: bool = False,
    read_cache: bool = True,
) -> Catalog:
    """Everything in the shipped files and ``extra``, merged and checked.

    The answer comes from the cache when the files' content has been seen before; ``provenance``
    (for `list --sources`) asks for the slow path, which knows which file set what; ``read_cache``
    False reads the files and writes the entry anew (a damaged entry is replaced so).
    """
    from tahapan.schedule import cache

    paths = (shipped_paths() if include_shipped else []) + list(extra)
    raws, problems = _read_all(paths)
    use_cache = cache.enabled() and not provenance and not problems
    cache_key = cache.key(raws)
    if use_cache and read_cache:

        def rebuild() -> Catalog:
            return load_catalog(extra, include_shipped=include_shipped, read_cache=False)

        # the files' bytes are let go while the entry is read, and read again if it has no answer:
        # a national office's file is not held twice (the lines of its entry are as large)
        del raws
        cached = _from_cache(cache_key, rebuild)
        if cached is not None:
            cached.key = cache_key
            return cached
        raws, problems = _read_all(paths)  # the bytes parsed are those the key is made of
        use_cache = not problems
        cache_key = cache.key(raws)
    unreadable = len(raws) < len(paths)
    files, parse_problems = _parse(raws)
    del raws  # each file's text is kept for its lines; its bytes no longer
    problems += parse_problems
    if not problems:
        catalog = build_catalog(files)
        del files  # the files' texts and tables are let go before the cache entry is written
        catalog.key = cache_key
        if use_cache:
            _write_cache(cache_key, catalog)
        return catalog
    if files:
        # check the files that could be read too, so that one run names every problem
        try:
            build_catalog(files)
        except DataError as err:
            problems = err.problems + problems
    raise (UnreadableError if unreadable else DataError)(problems)


def _read_all(paths: Sequence[Path]) -> tuple[list[tuple[Path, bytes]], list[Message]]:
    """Phase 1: the bytes of every file that can be read, and why the others cannot."""
    raws: list[tuple[Path, bytes]] = []
    problems: list[Message] = []
    for path in paths:
        try:
            raws.append((path, read_bytes(path)))
        except UnreadableError as err:
            problems.extend(err.problems)
    return raws, problems


def _from_cache(cache_key: str, rebuild: Callable[[], Catalog]) -> Catalog | None:
    """Phase 2: the catalog these bytes gave before, its elections still undecoded lines."""
    from tahapan.schedule import cache

    found = cache.read(cache_key)
    if found is None:
        return None
    header, region_line, lines = found
    pending = [
        (entry["id"], tuple(entry["regions"]), line, entry["digest"])
        for entry, line in zip(header["index"], lines, strict=True)
    ]
    return Catalog(
        (),
        sources=header["sources"],
        pending=pending,
        rebuild=rebuild,
        region_line=(region_line, header["regions"]),
    )


def _parse(raws: list[tuple[Path, bytes]]) -> tuple[list[SourceFile], list[Message]]:
    """Phase 3: each file's TOML tables."""
    files: list[SourceFile] = []
    problems: list[Message] = []
    for path, raw in raws:
        try:
            files.append(as_update(source_from_bytes(path, raw)))
        except DataError as err:
            problems.extend(err.problems)
    return files, problems


def _write_cache(cache_key: str, catalog: Catalog) -> None:
    """Phase 6: the checked catalog, for the next run with the same bytes."""
    from tahapan.schedule import cache

    # working days resolved at load time depend on the holidays package's lists
    working = any(
        rule is not None and rule.working_days is not None
        for e in catalog.elections
        for _, s in e.walk()
        for rule in (s.start_rule, s.end_rule)
    )
    cache.write(cache_key, catalog.elections, catalog.regions, catalog.sources, working)


def check_with(paths: Sequence[Path], path: Path, text: str) -> Catalog:
    """Load ``paths`` with ``text`` standing for the content of ``path`` (in its place when listed,
    else last): how a file about to be written would load. Raises DataError if it would not."""
    from tahapan.config import same_file

    new = as_update(source_from_bytes(path, text.encode("utf-8")))
    sources = [new if same_file(p, path) else as_update(read_source(p)) for p in paths]
    if not any(s is new for s in sources):
        sources.append(new)
    return build_catalog(sources)


def as_update(source: SourceFile) -> SourceFile:
    """The file marked as an installed update when it lies in the updates folder: its elections
    replace those before it whole, as the loader merges it (merge.SourceFile.replaces)."""
    from dataclasses import replace

    from tahapan.folders import updates_path

    return replace(source, replaces=True) if source.path.parent == updates_path() else source


def build_catalog(files: list[SourceFile]) -> Catalog:
    """Merge, check and resolve the files: the slow path, taken when the cache has no answer."""
    from tahapan.schedule.merge import merge

    merged = merge(files)
    place = _Placer(merged, files)
    schedule = _checked(merged, files, place)
    elections = _resolved(schedule, place)
    sources = {e.id: merged.owner(e.id, "", None) or place.last for e in elections}
    # checked and made into the catalog, the merged tables are let go; which file set what stays
    merged.data, merged.top_level = {}, {}
    return Catalog(tuple(elections), schedule.regions, sources, merged)


class _Placer:
    """A problem as its message line, at the file and line that set the key at fault (else the one
    that made the stage or election, else the last file)."""

    def __init__(self, merged: Merged, files: list[SourceFile]) -> None:
        self.merged = merged
        self.by_path = {f.path: f for f in files}
        self.last = files[-1].path

    def __call__(self, problem: Problem) -> Message:
        from tahapan.schedule.messages import format_problem

        path = self.last
        if problem.where and problem.where[0] != "regions":
            election, stage = problem.where[0], "/".join(problem.where[1:])
            path = self.merged.owner(election, stage, problem.key) or self.last
        elif problem.where[1:]:
            path = self.merged.region_owners.get(problem.where[1], self.last)
        return format_problem(path, self.by_path[path].lines, problem)


def _checked(merged: Merged, files: list[SourceFile], place: _Placer) -> Schedule:
    """Phase 4: each file's shape and the merged result's, as the plain model."""
    from pydantic import ValidationError

    from tahapan.schedule.messages import format_problem, pydantic_problem
    from tahapan.schedule.rules import Problem
    from tahapan.schedule.schema import ScheduleFile, checked_model, to_model

    problems: list[Message] = []
    for source in files:
        top = merged.top_level[source.path]
        try:
            ScheduleFile.model_validate(top)
        except ValidationError as err:
            problems.extend(
                format_problem(source.path, source.lines, pydantic_problem(top, e))
                for e in err.errors()
            )
    schedule = checked_model(merged.data)
    try:
        if schedule is None:
            schedule = to_model(ScheduleFile.model_validate(merged.data))
    except ValidationError as err:
        for e in err.errors():
            problem = pydantic_problem(merged.data, e)
            if e["loc"][:1] == ("regions",):
                problem = Problem(("regions", *problem.where), problem.message, problem.key)
            problems.append(place(problem))
    for election_id, stage, key, _ in merged.unsourced_changes():
        # a date changed by an overlay must not keep the official row's basis and confidence
        problems.append(
            place(
                Problem(
                    (election_id, *stage.split("/")),
                    Words(
                        f"{key} diubah tanpa dasar sendiri: tambahkan basis dan confidence di tabel yang sama",
                        f"{key} is changed without a basis of its own: add basis and confidence in the same table",
                    ),
                    key,
                )
            )
        )
    if problems or schedule is None:
        raise DataError(problems)
    return schedule


def _resolved(schedule: Schedule, place: _Placer) -> list[Election]:
    """Phase 5: the dates rules give, region names, then the rules between stages."""
    from tahapan.schedule.regions import name_regions
    from tahapan.schedule.relative import resolve
    from tahapan.schedule.rules import check_elections

    elections: list[Election] = []
    rule_problems: list[Problem] = []
    for election in schedule.elections:
        resolved, found = resolve(election)
        elections.append(resolved)
        rule_problems.extend(found)
    if rule_problems:
        # the other rules would only repeat these: a stage without its dates cannot be checked
        raise DataError([place(p) for p in rule_problems])
    elections = name_regions(elections, schedule.regions)
    found_rules = list(check_elections(tuple(elections), schedule.regions))
    if found_rules:
        raise DataError([place(p) for p in found_rules])
    return elections
