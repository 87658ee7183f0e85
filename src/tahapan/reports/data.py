"""`tahapan data`: the schedule sources in use, their revisions and the holiday data; what `data
update` and `data rollback` did."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from tahapan.errors import TahapanError
from tahapan.i18n import Message, Words, format_date

Kind = Literal["shipped", "update", "own", "overlay"]


@dataclass
class SourceRow:
    kind: Kind
    path: Path
    revision: date | None = None
    revision_note: str | None = None
    #: False for an update older than the shipped data, which the loader sets aside
    used: bool = True
    #: for an update: where it came from, whether a signature is required, when it was fetched
    origin: str | None = None
    signed: bool = False
    installed_at: str | None = None
    checked_at: str | None = None

    def payload(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "file": str(self.path),
            "revision": self.revision.isoformat() if self.revision else None,
            "revision_note": self.revision_note,
            "used": self.used,
            "source": self.origin,
            "signed": self.signed,
            "installed_at": self.installed_at,
            "checked_at": self.checked_at,
        }


@dataclass
class SourcesReport:
    rows: list[SourceRow]
    holidays_version: str
    #: the last year the installed holiday data carries a decree for
    holidays_until: int | None
    #: (election, stage path, date) of dates counted in working days past that year
    uncovered: list[tuple[str, str, date]] = field(default_factory=list)
    #: the zone times are shown in
    timezone: str | None = None

    exit_code = 0

    def payload(self) -> dict[str, Any]:
        return {
            "sources": [r.payload() for r in self.rows],
            "holidays": {
                "package": "holidays",
                "version": self.holidays_version,
                "decrees_until": self.holidays_until,
            },
            "uncovered": [
                {"election": e, "stage": p, "date": d.isoformat()} for e, p, d in self.uncovered
            ],
        }

    def warnings(self) -> list[Message]:
        """What goes to stderr: dates counted in working days that no holiday decree covers yet."""
        out: list[Message] = []
        for election, path, day in self.uncovered:
            out.append(
                Words(
                    f"peringatan: {election}/{path} dihitung dalam hari kerja sampai {format_date(day, lang='id')}, tetapi "
                    f"data hari libur baru memuat keputusan (SKB) sampai {self.holidays_until}; "
                    "tanggal itu bisa bergeser saat SKB terbit",
                    f"warning: {election}/{path} is counted in working days to {day}, but the "
                    f"holiday data holds decrees (SKB) only to {self.holidays_until}; the date "
                    "may move when the decree is issued",
                )
            )
        return out


def build_sources(files: tuple[Path, ...], catalog: Any) -> SourcesReport:
    from tahapan.config import user_file
    from tahapan.days.workdays import holiday_data
    from tahapan.folders import updates_path
    from tahapan.reports.changes import file_source
    from tahapan.schedule.catalog import shipped_paths

    registry = _registry()
    by_file = {e.file: e for e in registry.entries.values()} if registry else {}
    updates = updates_path()
    rows: list[SourceRow] = []
    shipped_revision = None
    for path in [*shipped_paths(), *files]:
        try:
            source = file_source(path)
        except TahapanError:
            source = None
        kind: Kind = (
            "shipped"
            if path in shipped_paths()
            else "update"
            if path.parent == updates
            else "own"
            if path == user_file()
            else "overlay"
        )
        row = SourceRow(kind, path)
        if source is not None:
            row.revision, row.revision_note = source.revision, source.revision_note
        if kind == "shipped" and row.revision:
            shipped_revision = max(shipped_revision or row.revision, row.revision)
        entry = by_file.get(path.name) if kind == "update" else None
        if entry is not None:
            from tahapan.updates import display

            row.origin, row.signed = display(entry.source), bool(entry.key)
            row.installed_at, row.checked_at = entry.installed_at, entry.checked_at
        if kind == "update":
            row.used = bool(
                row.revision and (shipped_revision is None or row.revision >= shipped_revision)
            )
        rows.append(row)
    version, until = holiday_data()
    return SourcesReport(rows, version, until, _uncovered(catalog, until))


def _uncovered(catalog: Any, until: int | None) -> list[tuple[str, str, date]]:
    out = []
    for election in catalog.elections:
        for path, stage in election.walk():
            for rule, day in ((stage.start_rule, stage.start), (stage.end_rule, stage.end)):
                if rule is None or rule.working_days is None or day is None:
                    continue
                if until is None or day.year > until:
                    out.append((election.id, path, day))
    return out


def _registry() -> Any:
    from tahapan.folders import updates_path
    from tahapan.updates import Registry

    folder = updates_path()
    return Registry.open(folder) if folder.is_dir() else None
