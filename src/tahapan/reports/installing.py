"""`tahapan data update` and `data rollback`: what they did, and doing it safely (the registry's
lock held throughout, the old file put back when the registry cannot be written)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from tahapan.errors import DataError, TahapanError
from tahapan.i18n import Words, changed
from tahapan.reports.changes import Item, item_json


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

    exit_code = 0

    def payload(self) -> dict[str, Any]:
        return {"updates": [o.payload() for o in self.outcomes]}


def _now() -> str:
    from tahapan.days.dates import now
    from tahapan.history import utc_text

    return utc_text(now("UTC"))


def install(
    session: Any,
    folder: Path,
    source: str,
    *,
    key: str | None,
    force: bool,
    by: str,
    timeout: float = 30.0,
) -> Outcome:
    """Fetch, verify, check as a whole, then install one source; nothing changes on any failure.
    The registry is read and written under its lock: two runs at once do not lose a source."""
    from tahapan.safefile import locked
    from tahapan.updates import Registry

    with locked(folder / "sources.json"):
        registry = Registry.open(folder)
        return _install(session, registry, source, key, force, by, timeout)


def _install(
    session: Any,
    registry: Any,
    source: str,
    key: str | None,
    force: bool,
    by: str,
    timeout: float,
) -> Outcome:
    from tahapan.updates import check_signature, digest, display, fetch, key_line, revision_of

    shown = display(source)
    entry = registry.entry(source)
    target = registry.folder / entry.file
    given_key = key_line(key) if key else None  # a bad key is said before anything is fetched
    key_text = given_key or entry.key
    # a key given now is checked now: the copy installed may never have been verified by it
    known = entry if target.is_file() and not given_key else None
    got = fetch(source, known, force=force, timeout=timeout)
    installed = _revision(entry.revision)
    if got.body is None:  # 304: the copy installed is the server's, verified when installed
        entry.checked_at = _now()
        _save(registry, entry)
        return Outcome(shown, "current", target, installed, installed, bool(entry.key))
    if key_text:
        check_signature(source, got.body, key_text, timeout=timeout)
    revision, _ = revision_of(got.body, shown.rsplit("/", 1)[-1] or shown)
    if given_key:
        entry.key = given_key  # verified: from now on this source must be signed by it
    if target.is_file() and target.read_bytes() == got.body:
        entry.checked_at = _now()
        entry.etag, entry.last_modified = got.etag, got.last_modified
        _save(registry, entry)
        return Outcome(shown, "current", target, revision, installed, bool(key_text))
    if entry.undone == digest(got.body) and not force:
        # what `data rollback` undid comes back unchanged: the officer decided against it
        entry.checked_at = _now()
        _save(registry, entry)
        return Outcome(shown, "kept-back", target, revision, installed, bool(key_text))
    if installed and revision < installed and not force:
        raise TahapanError(
            Words(
                f"{shown}: revisi {revision} lebih lama dari yang terpasang ({installed}); "
                "tidak ada yang diubah",
                f"{shown}: revision {revision} is older than the one installed ({installed}); "
                "nothing was changed",
            ),
            hint=Words(
                "Pakai --force untuk tetap memasangnya.", "Use --force to install it anyway."
            ),
        )
    # no session: an installed update is itself unloadable, and this install may replace it
    before = (session.loaded or session.catalog) if session is not None else None
    after, skipped = _check_whole(session, target, got.body, shown)
    if skipped and not force:
        raise TahapanError(
            Words(
                f"{shown}: revisi {revision} lebih lama dari data bawaan; pembaruan ini tidak "
                "akan dipakai. Tidak ada yang diubah.",
                f"{shown}: revision {revision} is older than the shipped data; this update would "
                "not be used. Nothing was changed.",
            ),
            hint=Words(
                "Pakai --force untuk tetap memasangnya.", "Use --force to install it anyway."
            ),
        )
    items = _differences(before, after) if before is not None else []
    if before is not None:
        _remember_before(before)
    entry.revision = revision.isoformat()
    entry.etag, entry.last_modified = got.etag, got.last_modified
    entry.installed_at = entry.checked_at = _now()
    entry.undone = None
    registry.entries[entry.source] = entry
    registry.installs.append(source)
    _put(target, got.body, registry)
    _remember_after(f"{by} {shown}")
    outcome = Outcome(shown, "installed", target, revision, installed, bool(key_text), items)
    outcome.used = not skipped
    return outcome


def roll_back(session: Any, folder: Path, source: str | None, *, by: str) -> Outcome:
    """The previous file of a source (default: the one installed last) back in place, or the
    source's only file removed; under the registry's lock."""
    from tahapan.safefile import locked
    from tahapan.updates import Registry

    with locked(folder / "sources.json"):
        registry = Registry.open(folder)
        return _roll_back(session, registry, source, by)


def _roll_back(session: Any, registry: Any, source: str | None, by: str) -> Outcome:
    import os
    import stat

    from tahapan.safefile import failed
    from tahapan.updates import digest, display, revision_of

    if not registry.installs:
        raise TahapanError(
            Words("belum ada pembaruan yang terpasang", "no update is installed"),
            hint=Words("Lihat: tahapan data", "See: tahapan data"),
        )
    chosen = source or registry.installs[-1]
    if chosen not in registry.entries:
        # the source as `data` shows it (without user:password) names it too
        chosen = next((s for s in registry.entries if display(s) == chosen), chosen)
    if chosen not in registry.entries:
        raise TahapanError(
            Words(f"sumber tidak dikenal: {display(chosen)}", f"unknown source: {display(chosen)}"),
            hint=Words("Sumber yang terpasang: ", "Installed sources: ")
            + ", ".join(display(s) for s in registry.entries),
        )
    shown = display(chosen)
    entry = registry.entries[chosen]
    target = registry.folder / entry.file
    previous = target.with_name(target.name + ".prev")
    before = session.loaded or session.catalog if session is not None else None
    was = _revision(entry.revision)
    if before is not None:
        _remember_before(before)
    try:
        kind = os.lstat(previous).st_mode
    except FileNotFoundError:
        kind = None
    if kind is not None and not stat.S_ISREG(kind):
        raise TahapanError(
            Words(
                f"{previous} bukan berkas biasa; tidak ada yang diubah",
                f"{previous} is not a regular file; nothing was changed",
            )
        )
    try:
        if kind is not None:
            revision, _ = revision_of(previous.read_bytes(), previous.name)
            if target.is_file():
                entry.undone = digest(target.read_bytes())
            os.replace(previous, target)
            entry.revision = revision.isoformat()
            # the validators were the undone file's: the next update fetches whole, and finds it
            # is the undone one (kept back), or a new publication
            entry.etag = entry.last_modified = None
            action: Literal["rolled-back", "removed"] = "rolled-back"
        else:
            target.unlink(missing_ok=True)
            del registry.entries[chosen]
            revision, action = None, "removed"
    except OSError as err:
        raise failed(target, err) from None
    # the undone install leaves the list; installs before it can be undone in turn
    for i in range(len(registry.installs) - 1, -1, -1):
        if registry.installs[i] == chosen:
            del registry.installs[i]
            break
    registry.save()
    after = _reload()
    _remember_after(f"{by} {shown}")
    items = _differences(before, after) if before is not None and after is not None else []
    return Outcome(shown, action, target, revision, was, bool(entry.key), items)


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
            [changed(p, lambda text: text.replace(str(target), source, 1)) for p in err.problems],
            hint=Words(
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


def _put(target: Path, body: bytes, registry: Any) -> None:
    """Install atomically, the file it replaces kept as FILE.prev for `data rollback`, then the
    registry; when the registry cannot be written, the previous file is put back."""
    from tahapan.safefile import failed, replace_bytes

    data = registry.encoded()  # before anything is written: what cannot be encoded stops here
    previous = target.with_name(target.name + ".prev")
    had = target.is_file()
    try:
        if had:
            replace_bytes(previous, target.read_bytes(), mode=0o600)
        else:
            previous.unlink(missing_ok=True)  # a .prev left by a removed source is not this one's
        replace_bytes(target, body, mode=0o600)
    except OSError as err:
        raise failed(target, err) from None
    try:
        registry.save(data)
    except TahapanError:
        if had:
            replace_bytes(target, previous.read_bytes(), mode=0o600)
        else:
            target.unlink(missing_ok=True)
        raise


def _files() -> list[Path]:
    from tahapan.config import data_files, load_config

    return data_files(load_config(), None)


def _reload() -> Any:
    from tahapan.schedule.load import load_catalog

    try:
        return load_catalog(_files())
    except TahapanError:
        return None


def _remember_before(catalog: Any) -> None:
    from tahapan.history import record

    record(catalog)


def _remember_after(by: str) -> None:
    from tahapan.history import record

    catalog = _reload()
    if catalog is not None:
        record(catalog, by=by)
