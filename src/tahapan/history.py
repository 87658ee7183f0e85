"""The schedule's history on this machine: a snapshot of what was last loaded, every change seen
since, and how far each reader (`changes`, `check --changes`) has read.

Kept in the user's data folder (``riwayat/``), never in the cache: it must outlive a cache clean-up.

- ``state.json``: small, read on every `check --changes`: the digest of the files the snapshot was
  taken from, the number of the last change, each reader's place. When the digest is today's, nothing
  changed and nothing else is read.
- ``snapshot.json``: the fingerprint (days/diff.py) of everything loaded, to compare the next load with.
- ``history.jsonl``: one line per change, numbered, with when it was seen and what recorded it (the
  command that made it, or "berkas" for a file changed outside tahapan: a package upgrade, an editor).

A change is recorded once, by whichever command first loads it; readers keep their own place, so an
officer's `tahapan changes` does not take a change away from the office's cron line.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from tahapan.days.diff import Difference, FieldChange, Fingerprint, diff, fingerprint
from tahapan.errors import TahapanError
from tahapan.model import Election

FORMAT = 1
#: what recorded a change found in the files (not made by a tahapan command)
FROM_FILES = "berkas"


@dataclass(frozen=True)
class Recorded:
    """A change as the history keeps it."""

    n: int
    #: when it was first seen (UTC, ISO 8601)
    at: str
    by: str
    change: Difference


@dataclass(frozen=True)
class Reconciled:
    """What one look at the schedules found."""

    #: True when this look took the first snapshot (there was nothing to compare with)
    first: bool
    #: the changes recorded by this look
    recorded: tuple[Recorded, ...]
    #: the number of the newest change in the history
    last: int


class History:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._state_path = folder / "state.json"
        self._snapshot_path = folder / "snapshot.json"
        self._log_path = folder / "history.jsonl"

    @classmethod
    def open(cls) -> History | None:
        """The user's history, or None when no safe folder can hold it."""
        from tahapan.folders import data_folder

        folder = data_folder("riwayat")
        return None if folder is None else cls(folder)

    def state(self) -> dict[str, Any]:
        try:
            state = json.loads(self._state_path.read_bytes())
        except (OSError, ValueError):
            return {}
        return state if isinstance(state, dict) and state.get("format") == FORMAT else {}

    def is_current(self, key: str, reader: str | None = None) -> bool:
        """Whether the snapshot was taken from these very files (and the reader has read it all):
        the cheap answer of a run where nothing changed."""
        state = self.state()
        if state.get("key") != key:
            return False
        return reader is None or state.get("seen", {}).get(reader) == state.get("last")

    def reconcile(
        self, elections: Callable[[], Iterable[Election]], key: str, *, by: str, at: datetime
    ) -> Reconciled:
        """Compare what is loaded now with the snapshot, record each change, take a new snapshot.

        ``elections`` is called only when the files differ from the snapshot's (decoding a national
        office's 25,000 stages is the cost this avoids)."""
        from tahapan.safefile import locked

        with locked(self._state_path):
            state = self.state()
            last = int(state.get("last", 0))
            if state and state.get("key") == key:
                return Reconciled(False, (), last)
            current = fingerprint(elections())
            old = self._snapshot() if state else None
            recorded: list[Recorded] = []
            if old is not None:
                last = max(last, self._last_number())
                stamp = _utc(at)
                for change in diff(old, current):
                    last += 1
                    recorded.append(Recorded(last, stamp, by, change))
                self._append(recorded)
            self._write(self._snapshot_path, {"format": FORMAT, "elections": current})
            taken = state.get("taken") or _utc(at)
            self._write(
                self._state_path,
                {
                    "format": FORMAT,
                    "key": key,
                    "last": last,
                    "taken": taken,
                    "seen": state.get("seen", {}),
                },
            )
            return Reconciled(old is None, tuple(recorded), last)

    def since(self, n: int) -> list[Recorded]:
        """The changes numbered after ``n``, oldest first."""
        return [r for r in self.all() if r.n > n]

    def all(self) -> list[Recorded]:
        try:
            lines = self._log_path.read_bytes().splitlines()
        except OSError:
            return []
        out = []
        for line in lines:
            try:  # a line a killed writer left half-written is skipped, not fatal
                out.append(_decode(json.loads(line)))
            except (ValueError, KeyError, TypeError):
                continue
        return out

    def seen(self, reader: str) -> int | None:
        """How far ``reader`` has read; None: it has never looked."""
        value = self.state().get("seen", {}).get(reader)
        return value if isinstance(value, int) else None

    def mark(self, reader: str, n: int) -> None:
        """``reader`` has read (and delivered) every change up to ``n``."""
        if self.seen(reader) == n:
            return  # the usual run: nothing new was read, and nothing is written (no fsync)
        from tahapan.safefile import locked

        with locked(self._state_path):
            state = self.state()
            if not state:
                return
            state.setdefault("seen", {})[reader] = n
            self._write(self._state_path, state)

    def _snapshot(self) -> Fingerprint | None:
        try:
            data = json.loads(self._snapshot_path.read_bytes())
            elections = data["elections"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return elections if isinstance(elections, dict) else None

    def _last_number(self) -> int:
        """The newest number in the log: more than the state says after a run killed between the
        two writes, so that numbers never repeat."""
        found = self.all()
        return found[-1].n if found else 0

    def _append(self, recorded: list[Recorded]) -> None:
        if not recorded:
            return
        text = "".join(
            json.dumps(_encode(r), ensure_ascii=False, separators=(",", ":")) + "\n"
            for r in recorded
        )
        fd = os.open(self._log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, text.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)

    @staticmethod
    def _write(path: Path, value: dict[str, Any]) -> None:
        from tahapan.safefile import replace_bytes

        data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        replace_bytes(path, data, mode=0o600)


def _encode(r: Recorded) -> dict[str, Any]:
    c = r.change
    return {
        "n": r.n,
        "at": r.at,
        "by": r.by,
        "election": c.election,
        "path": c.path,
        "kind": c.kind,
        "old": c.old,
        "new": c.new,
        "election_name": c.election_name,
        "election_name_en": c.election_name_en,
        "fields": [[f.key, f.old, f.new] for f in c.fields],
    }


def _decode(d: dict[str, Any]) -> Recorded:
    change = Difference(
        d["election"],
        d["path"],
        d["kind"],
        d["old"],
        d["new"],
        d["election_name"],
        d["election_name_en"],
        tuple(FieldChange(k, o, n) for k, o, n in d["fields"]),
    )
    return Recorded(int(d["n"]), str(d["at"]), str(d["by"]), change)


def record(catalog_key: str, elections: Callable[[], Iterable[Election]], *, by: str) -> None:
    """Record what a command that writes a schedule changed; a history that cannot be kept (no safe
    folder, a read-only disk) never stops the command that made the change."""
    from tahapan.days.dates import now

    history = History.open()
    if history is None:
        return
    with contextlib.suppress(OSError, TahapanError):
        history.reconcile(elections, catalog_key, by=by, at=now("UTC"))


def _utc(at: datetime) -> str:
    from datetime import UTC

    return at.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
