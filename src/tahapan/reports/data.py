"""`tahapan data`: the schedule sources in use, their revisions and the holiday data; what `data
update` and `data rollback` did."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date
from pathlib import Path
from typing import Any, Literal

from tahapan.errors import DataError, TahapanError
from tahapan.i18n import tr
from tahapan.reports.changes import Item, item_json

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

    def warnings(self) -> list[str]:
        """What goes to stderr: dates counted in working days that no holiday decree covers yet."""
        out = []
        for election, path, day in self.uncovered:
            out.append(
                tr(
                    f"peringatan: {election}/{path} dihitung dalam hari kerja sampai {day}, tetapi "
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
            row.origin, row.signed = entry.source, bool(entry.key)
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


# ------------------------------------------------------------------------------ data update


@dataclass
class Outcome:
    source: str
    action: Literal["installed", "current", "kept-back", "rolled-back", "removed"]
    file: Path
    revision: date | None = None
    previous_revision: date | None = None
    signed: bool = False
    items: list[Item] = field(default_factory=list)
    #: False for an update installed (--force) that the loader sets aside, the shipped data newer
    used: bool = True

    def payload(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "action": self.action,
            "used": self.used,
            "file": str(self.file),
            "revision": self.revision.isoformat() if self.revision else None,
            "previous_revision": (
                self.previous_revision.isoformat() if self.previous_revision else None
            ),
            "signed": self.signed,
            "changes": [item_json(i) for i in self.items],
        }


@dataclass
class UpdateReport:
    outcomes: list[Outcome]
    #: `-q`: only what was installed or undone is printed (an unchanged source is no news in cron)
    quiet: bool = False

    exit_code = 0

    def payload(self) -> dict[str, Any]:
        return {"updates": [o.payload() for o in self.outcomes]}


def _now() -> str:
    from tahapan.days.dates import now

    return now("UTC").astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def install(
    session: Any,
    registry: Any,
    source: str,
    *,
    key: str | None,
    force: bool,
    by: str,
    timeout: float = 30.0,
) -> Outcome:
    """Fetch, verify, check as a whole, then install one source; nothing changes on any failure."""
    from tahapan.updates import check_signature, digest, fetch, revision_of

    entry = registry.entry(source)
    target = registry.folder / entry.file
    key_text = key or entry.key
    got = fetch(source, entry if target.is_file() else None, force=force, timeout=timeout)
    installed = _revision(entry.revision)
    if got.body is None:  # 304: the copy installed is the server's
        entry.checked_at = _now()
        _save(registry, entry)
        return Outcome(source, "current", target, installed, installed, bool(key_text))
    if key_text:
        check_signature(source, got.body, key_text, timeout=timeout)
    name = source.rsplit("/", 1)[-1] or source
    revision, _ = revision_of(got.body, name)
    if target.is_file() and target.read_bytes() == got.body:
        entry.checked_at = _now()
        entry.etag, entry.last_modified = got.etag, got.last_modified
        if key:
            entry.key = key
        _save(registry, entry)
        return Outcome(source, "current", target, revision, installed, bool(key_text))
    if entry.undone == digest(got.body) and not force:
        # what `data rollback` undid comes back unchanged: the officer decided against it
        entry.checked_at = _now()
        _save(registry, entry)
        return Outcome(source, "kept-back", target, revision, installed, bool(key_text))
    if installed and revision < installed and not force:
        raise TahapanError(
            tr(
                f"{source}: revisi {revision} lebih lama dari yang terpasang ({installed}); "
                "tidak ada yang diubah",
                f"{source}: revision {revision} is older than the one installed ({installed}); "
                "nothing was changed",
            ),
            hint=tr("Pakai --force untuk tetap memasangnya.", "Use --force to install it anyway."),
        )
    before = session.loaded or session.catalog
    after, skipped = _check_whole(session, target, got.body, source)
    if skipped and not force:
        raise TahapanError(
            tr(
                f"{source}: revisi {revision} lebih lama dari data bawaan; pembaruan ini tidak "
                "akan dipakai. Tidak ada yang diubah.",
                f"{source}: revision {revision} is older than the shipped data; this update would "
                "not be used. Nothing was changed.",
            ),
            hint=tr("Pakai --force untuk tetap memasangnya.", "Use --force to install it anyway."),
        )
    items = _differences(before, after)
    _remember_before(before)
    _put(target, got.body)
    entry.revision = revision.isoformat()
    entry.etag, entry.last_modified = got.etag, got.last_modified
    entry.installed_at = entry.checked_at = _now()
    entry.undone = None
    if key:
        entry.key = key
    registry.installs.append(source)
    _save(registry, entry)
    _remember_after(f"{by} {source}")
    outcome = Outcome(source, "installed", target, revision, installed, bool(key_text), items)
    outcome.used = not skipped
    return outcome


def roll_back(session: Any, registry: Any, source: str, *, by: str) -> Outcome:
    """The previous file of a source back in place (or the source's only file removed)."""
    import os

    from tahapan.updates import digest, revision_of

    entry = registry.entries[source]
    target = registry.folder / entry.file
    previous = target.with_name(target.name + ".prev")
    before = session.loaded or session.catalog
    was = _revision(entry.revision)
    _remember_before(before)
    if previous.is_file():
        body = previous.read_bytes()
        revision, _ = revision_of(body, previous.name)
        entry.undone = digest(target.read_bytes())
        os.replace(previous, target)
        entry.revision = revision.isoformat()
        action: Literal["rolled-back", "removed"] = "rolled-back"
    else:
        target.unlink(missing_ok=True)
        del registry.entries[source]
        revision, action = None, "removed"
    # the undone install leaves the list; installs before it can be undone in turn
    for i in range(len(registry.installs) - 1, -1, -1):
        if registry.installs[i] == source:
            del registry.installs[i]
            break
    registry.save()
    after = _reload()
    _remember_after(f"{by} {source}")
    items = _differences(before, after) if after is not None else []
    return Outcome(source, action, target, revision, was, bool(entry.key), items)


def _revision(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _save(registry: Any, entry: Any) -> None:
    registry.entries[entry.source] = entry
    registry.save()


def _check_whole(session: Any, target: Path, body: bytes, source: str) -> tuple[Any, bool]:
    """The catalog as it would load with ``body`` installed at ``target``, the updates in the
    loader's order (oldest revision first, config.installed_updates); DataError (the source named
    in each line) when it would not load. Also: whether the loader would set it aside."""
    from tahapan.config import installed_updates, revision_key, same_file
    from tahapan.schedule.catalog import shipped_paths
    from tahapan.schedule.load import as_update, build_catalog
    from tahapan.schedule.merge import merge
    from tahapan.schedule.read import read_source, source_from_bytes

    candidate = as_update(source_from_bytes(target, body))
    others = [p for p in installed_updates() if not same_file(p, target)]
    updates = sorted(
        [*(as_update(read_source(p)) for p in others), candidate],
        key=lambda f: (revision_key(f.revision), f.path.name),
    )
    rest = [
        read_source(p) for p in session.files if not any(same_file(p, u) for u in [*others, target])
    ]
    files = [*(read_source(p) for p in shipped_paths()), *updates, *rest]
    try:
        catalog = build_catalog(files)
    except DataError as err:
        raise DataError(
            [p.replace(str(target), source, 1) for p in err.problems],
            hint=tr(
                "Pembaruan tidak dipasang; tidak ada yang diubah.",
                "The update was not installed; nothing was changed.",
            ),
        ) from None
    return catalog, target in merge(files).skipped


def _differences(before: Any, after: Any) -> list[Item]:
    from tahapan.days.diff import diff, fingerprint
    from tahapan.reports.changes import with_working_days

    return with_working_days(
        Item(c) for c in diff(fingerprint(before.elections), fingerprint(after.elections))
    )


def _put(target: Path, body: bytes) -> None:
    """Install atomically, the file it replaces kept as FILE.prev for `data rollback`."""
    from tahapan.safefile import replace_bytes

    previous = target.with_name(target.name + ".prev")
    if target.is_file():
        replace_bytes(previous, target.read_bytes(), mode=0o600)
    else:
        previous.unlink(missing_ok=True)  # a .prev left from a removed source is not this one's
    replace_bytes(target, body, mode=0o600)


def _reload() -> Any:
    from tahapan.config import data_files, load_config
    from tahapan.schedule.load import load_catalog

    try:
        return load_catalog(data_files(load_config(), None))
    except TahapanError:
        return None


def _remember_before(catalog: Any) -> None:
    from tahapan.history import FROM_FILES, record

    record(catalog.key, lambda: catalog.elections, by=FROM_FILES)


def _remember_after(by: str) -> None:
    from tahapan.history import record

    catalog = _reload()
    if catalog is not None:
        record(catalog.key, lambda: catalog.elections, by=by)
