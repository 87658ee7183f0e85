"""Reports about the data itself: `validate` (are these files usable?) and `regions`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from tahapan.i18n import tr
from tahapan.model import Region, as_table

SCHEMA = 1


@dataclass(frozen=True)
class ValidateReport:
    plain_text: ClassVar[bool] = True

    #: (file, elections, stages) for each file that could be read
    files: tuple[tuple[Path, int, int], ...]
    problems: tuple[str, ...]
    unreadable: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems and not self.unreadable

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "ok": self.ok,
            "files": [{"path": str(p), "elections": e, "stages": s} for p, e, s in self.files],
            "problems": list(self.problems),
            "unreadable": list(self.unreadable),
        }

    def lines(self) -> list[str]:
        if self.problems:
            count = len(self.problems)
            return [
                *self.problems,
                tr(
                    f"{count} masalah ditemukan", f"{count} problem{'s' if count > 1 else ''} found"
                ),
            ]
        return [
            f"{path}: ok ("
            + tr(
                f"{e} pemilu, {s} tahapan",
                f"{e} election{'s' if e != 1 else ''}, {s} stage{'s' if s != 1 else ''}",
            )
            + ")"
            for path, e, s in self.files
        ]


@dataclass(frozen=True)
class RegionsReport:
    plain_text: ClassVar[bool] = True

    regions: tuple[Region, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "regions": [as_table(r) for r in self.regions],
        }

    def lines(self) -> list[str]:
        # tab-separated, like `check --within`: id, code, zone, province, name
        return [
            "\t".join([r.id, r.code or "-", r.timezone, r.parent or "-", r.name])
            for r in self.regions
        ]
