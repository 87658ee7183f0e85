"""Read schedule files, merge the overlays, validate the result, and hold the loaded elections.

Every problem becomes one line ``FILE:LINE: election/stage: message`` in a ``DataError``, naming the
file that set the value at fault; nothing here prints or exits.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tahapan.errors import DataError, UnreadableError
from tahapan.i18n import tr
from tahapan.merge import Merged, SourceFile, merge
from tahapan.model import Election, Region, Schedule
from tahapan.relative import resolve
from tahapan.rules import Problem, check_elections

SHIPPED_FILES = ("regions.toml", "stages.toml")


def shipped_paths() -> list[Path]:
    """The official schedules and regions: inside the installed package, or data/ of a checkout."""
    packaged = Path(__file__).parent / "data"
    # An editable install imports from src/, where the wheel's copies do not exist.
    folder = (
        packaged
        if (packaged / "stages.toml").is_file()
        else Path(__file__).resolve().parents[2] / "data"
    )
    return [folder / name for name in SHIPPED_FILES]


def shipped_path() -> Path:
    return shipped_paths()[-1]


@dataclass(frozen=True)
class Catalog:
    """The elections and regions loaded from all schedule files, overlays merged, in file order."""

    elections: tuple[Election, ...]
    regions: tuple[Region, ...] = ()
    #: election id -> the file it came from
    sources: dict[str, Path] = field(default_factory=dict)
    #: which file set what, for `list --sources`
    merged: Merged | None = None

    def ids(self) -> list[str]:
        return [e.id for e in self.elections]

    def stage_source(self, election: str, path: str) -> tuple[Path | None, dict[str, Path]]:
        if self.merged is None:
            return self.sources.get(election), {}
        return self.merged.stage_source(election, path)


def load_catalog(extra: Sequence[Path] = (), *, include_shipped: bool = True) -> Catalog:
    paths = (shipped_paths() if include_shipped else []) + list(extra)
    files: list[SourceFile] = []
    problems: list[str] = []
    unreadable = False
    for path in paths:
        try:
            files.append(read_source(path))
        except DataError as err:
            unreadable = unreadable or isinstance(err, UnreadableError)
            problems.extend(err.problems)
    if not problems:
        return build_catalog(files)
    if files:
        # check the files that could be read too, so that one run names every problem
        try:
            build_catalog(files)
        except DataError as err:
            problems = err.problems + problems
    raise (UnreadableError if unreadable else DataError)(problems)


def read_source(path: Path) -> SourceFile:
    text = read_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        from tahapan.messages import toml_syntax_message

        raise DataError([toml_syntax_message(path, err)]) from None
    return SourceFile(path, text, data)


def load_file(path: Path) -> Schedule:
    """One file on its own, not merged with the shipped data."""
    catalog = build_catalog([read_source(path)])
    return Schedule(regions=catalog.regions, elections=catalog.elections)


def build_catalog(files: list[SourceFile]) -> Catalog:
    """Merge, check and resolve the files: the slow path, taken when the cache has no answer."""
    from pydantic import ValidationError

    from tahapan.messages import format_problem, pydantic_problem
    from tahapan.schema import ScheduleFile, to_model

    merged = merge(files)
    by_path = {f.path: f for f in files}

    def place(problem: Problem, fallback: Path) -> str:
        # the file that set the key at fault, else the one that made the stage or election
        path = fallback
        if problem.where and problem.where[0] != "regions":
            election, stage = problem.where[0], "/".join(problem.where[1:])
            path = merged.owner(election, stage, problem.key) or fallback
        elif problem.where[1:]:
            path = merged.region_owners.get(problem.where[1], fallback)
        source = by_path[path]
        return format_problem(path, source.lines, problem)

    last = files[-1].path
    problems: list[str] = []
    for source in files:
        top = merged.top_level[source.path]
        try:
            ScheduleFile.model_validate(top)
        except ValidationError as err:
            problems.extend(
                format_problem(source.path, source.lines, pydantic_problem(top, e))
                for e in err.errors()
            )
    try:
        schedule = to_model(ScheduleFile.model_validate(merged.data))
    except ValidationError as err:
        for e in err.errors():
            problem = pydantic_problem(merged.data, e)
            if e["loc"][:1] == ("regions",):
                problem = Problem(("regions", *problem.where), problem.message, problem.key)
            problems.append(place(problem, last))
    for election_id, stage, key, _ in merged.unsourced_changes():
        # a date changed by an overlay must not keep the official row's basis and confidence
        problems.append(
            place(
                Problem(
                    (election_id, *stage.split("/")),
                    tr(
                        f"{key} diubah tanpa dasar sendiri: tambahkan basis dan confidence di tabel yang sama",
                        f"{key} is changed without a basis of its own: add basis and confidence in the same table",
                    ),
                    key,
                ),
                last,
            )
        )
    if problems:
        raise DataError(problems)

    elections: list[Election] = []
    rule_problems: list[Problem] = []
    for election in schedule.elections:
        resolved, found = resolve(election)
        elections.append(resolved)
        rule_problems.extend(found)
    if rule_problems:
        # the other rules would only repeat these: a stage without its dates cannot be checked
        raise DataError([place(p, last) for p in rule_problems])
    found_rules = list(check_elections(tuple(elections), schedule.regions))
    if found_rules:
        raise DataError([place(p, last) for p in found_rules])
    sources = {e.id: merged.owner(e.id, "", None) or last for e in elections}
    return Catalog(tuple(elections), schedule.regions, sources, merged)


def read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableError(
            [f"{path}: " + tr("berkas tidak ditemukan", "no such file")]
        ) from None
    except IsADirectoryError:
        raise UnreadableError(
            [
                f"{path}: "
                + tr("ini direktori, bukan berkas TOML", "is a directory, not a TOML file")
            ]
        ) from None
    except PermissionError:
        raise UnreadableError(
            [f"{path}: " + tr("tidak ada izin membaca", "permission denied")]
        ) from None
    except OSError as err:
        raise UnreadableError(
            [f"{path}: " + tr("tidak bisa dibaca", "cannot be read") + f" ({err.strerror})"]
        ) from None
    try:
        # utf-8-sig: files saved by Windows editors start with a byte-order mark.
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise DataError(
            [
                f"{path}:{line}: "
                + tr(
                    f"bukan teks UTF-8 (byte 0x{raw[err.start]:02x}); simpan berkas sebagai UTF-8",
                    f"not UTF-8 text (byte 0x{raw[err.start]:02x}); save the file as UTF-8",
                )
            ]
        ) from None


def file_summary(data: dict[str, Any]) -> tuple[int, int]:
    """Elections and stages written in one file's tables (for `validate`'s report)."""

    def count(stages: Any) -> int:
        if not isinstance(stages, list):
            return 0
        return sum(1 + count(s.get("stages")) for s in stages if isinstance(s, dict))

    elections = data.get("elections", [])
    if not isinstance(elections, list):
        return 0, 0
    return len(elections), sum(count(e.get("stages")) for e in elections if isinstance(e, dict))
