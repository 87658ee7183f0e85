"""Reports about the data itself: `validate` (are these files usable?) and `regions`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tahapan.errors import ExitCode
from tahapan.i18n import Message, said
from tahapan.model import Region, as_table


@dataclass(frozen=True)
class ValidateReport:
    #: (file, elections, stages) for each file that could be read
    files: tuple[tuple[Path, int, int], ...]
    #: in both languages (``Words``) where tahapan words them; JSON gives each language apart
    problems: tuple[Message, ...]
    unreadable: tuple[Message, ...]
    #: (file, cases, chains) for each cases file (`kasus.toml`) checked
    case_files: tuple[tuple[Path, int, int], ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems and not self.unreadable

    @property
    def exit_code(self) -> int:
        if self.unreadable:
            return int(ExitCode.BAD_INPUT)
        return int(ExitCode.ATTENTION) if self.problems else 0

    def payload(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "files": [{"path": str(p), "elections": e, "stages": s} for p, e, s in self.files],
            "problems": [said(p, "id") for p in self.problems],
            "problems_en": [said(p, "en") for p in self.problems],
            "unreadable": [said(p, "id") for p in self.unreadable],
            "unreadable_en": [said(p, "en") for p in self.unreadable],
            "case_files": [
                {"path": str(p), "cases": c, "chains": n} for p, c, n in self.case_files
            ],
        }


@dataclass(frozen=True)
class RegionsReport:
    regions: tuple[Region, ...]
    #: what was asked for (for the message when nothing matches), and the near misses
    query: str | None = None
    province: str | None = None
    close: tuple[Region, ...] = ()

    @property
    def exit_code(self) -> int:
        return 0 if self.regions else int(ExitCode.ATTENTION)  # as grep: nothing found is 1

    def payload(self) -> dict[str, Any]:
        return {
            "regions": [as_table(r) for r in self.regions],
        }


def build_validate(paths: Sequence[Path]) -> ValidateReport:
    """Check files as tahapan would use them: merged over the shipped data, in the order given.

    A file that cannot be read at all is set apart (exit 2); every other problem is listed, by file
    and line, as an editor would walk them.
    """
    from tahapan.errors import DataError, UnreadableError
    from tahapan.schedule.load import build_catalog, shipped_paths
    from tahapan.schedule.read import file_summary, read_source

    sources = []
    problems: list[Message] = []
    unreadable: list[Message] = []
    checked = []
    case_files: list[tuple[Path, int, int]] = []
    for path in paths:
        try:
            source = read_source(path)
        except UnreadableError as err:
            unreadable.extend(err.problems)
            continue
        except DataError as err:  # a TOML syntax error or bytes that are not UTF-8
            problems.extend(err.problems)
            continue
        if _is_cases_file(source.data):
            found = _cases_problems(source.data, path)
            problems.extend(found)
            if not found:
                counts = (len(source.data.get("cases", [])), len(source.data.get("chains", [])))
                case_files.append((path, *counts))
            continue
        checked.append((path, *file_summary(source.data)))
        sources.append(source)
    if sources:
        try:
            build_catalog([*(read_source(p) for p in shipped_paths()), *sources])
        except DataError as err:
            problems.extend(err.problems)
    return ValidateReport(
        tuple(checked),
        tuple(sorted(problems, key=_file_line)),
        tuple(unreadable),
        tuple(case_files),
    )


def _is_cases_file(data: dict[str, Any]) -> bool:
    """A cases file (``kasus.toml``) holds cases and chains, never elections."""
    return bool({"cases", "chains"} & data.keys()) and not {"elections", "regions"} & data.keys()


def _cases_problems(data: dict[str, Any], path: Path) -> list[Message]:
    from tahapan.errors import DataError
    from tahapan.schedule.cases import book_of

    try:
        book_of(data, path)
    except DataError as err:
        return list(err.problems)
    return []


def _file_line(problem: Message) -> tuple[str, int]:
    """Sort key: the file, then the line number."""
    path, _, rest = said(problem, "en").partition(":")
    number = rest.split(":", 1)[0]
    return path, int(number) if number.isdigit() else 0
