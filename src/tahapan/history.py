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
from datetime import date, datetime
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
    #: the snapshot to compare with was damaged or missing though a history existed: a new one
    #: was taken, and what changed in between cannot be told
    lost: bool = False


#: the most a history file is read (a national office's snapshot of 25,000 stages is about 5 MB)
MAX_READ = 64 * 1024 * 1024
KINDS = ("added", "removed", "changed")


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
        """The small state file, its shape checked ({} when missing or not of that shape)."""
        try:
            state = json.loads(_read(self._state_path))
        except (OSError, ValueError, RecursionError):
            return {}
        return state if _valid_state(state) else {}

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
            # a state that is there but unusable, or a snapshot gone: the thread is broken
            lost = old is None and (bool(state) or self._state_path.exists())
            recorded: list[Recorded] = []
            if old is not None:
                last = max(last, self._last_number())
                stamp = utc_text(at)
                for change in diff(old, current):
                    last += 1
                    recorded.append(Recorded(last, stamp, by, change))
                self._append(recorded)
            else:
                last = max(last, self._last_number())
            self._write(self._snapshot_path, {"format": FORMAT, "elections": current})
            taken = state.get("taken") or utc_text(at)
            self._write(
                self._state_path,
                {
                    "format": FORMAT,
                    "key": key,
                    "last": last,
                    "taken": taken,
                    "seen": state.get("seen", {}),
                    # after a loss, a reader with no place starts here, not at the history's start
                    "floor": last if lost else state.get("floor", 0),
                },
            )
            return Reconciled(old is None and not lost, tuple(recorded), last, lost)

    def since(self, n: int) -> list[Recorded]:
        """The changes numbered after ``n``, oldest first."""
        return [r for r in self.all() if r.n > n]

    def all(self) -> list[Recorded]:
        try:
            lines = _read(self._log_path).splitlines()
        except OSError:
            return []
        out = []
        for line in lines:
            try:  # a line a killed writer left half-written, or of another shape, is skipped
                out.append(_decode(json.loads(line)))
            except (ValueError, KeyError, TypeError, AttributeError, OverflowError, RecursionError):
                continue
        return out

    def seen(self, reader: str) -> int | None:
        """How far ``reader`` has read; None: it has never looked."""
        value = self.state().get("seen", {}).get(reader)
        return value if isinstance(value, int) else None

    def floor(self) -> int:
        """Where a reader with no place starts: 0, or the last change before a lost state."""
        value = self.state().get("floor", 0)
        return value if isinstance(value, int) and not isinstance(value, bool) else 0

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

    def sequences(self) -> dict[str, list[Any]]:
        """The SEQUENCE last given to each event and the dates it had ("election/path" ->
        [number, "start|end|held"]), so that a number never falls and grows when dates change."""
        try:
            data = json.loads(_read(self.folder / "sequences.json"))
        except (OSError, ValueError, RecursionError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {
            k: v
            for k, v in data.items()
            if isinstance(v, list)
            and len(v) == 2
            and isinstance(v[0], int)
            and not isinstance(v[0], bool)
            and isinstance(v[1], str)
        }

    def keep_sequences(self, values: dict[str, list[Any]]) -> None:
        from tahapan.safefile import locked

        path = self.folder / "sequences.json"
        with locked(path):
            self._write(path, values)

    def _snapshot(self) -> Fingerprint | None:
        try:
            data = json.loads(_read(self._snapshot_path))
            elections = data["elections"]
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            return None
        return elections if _valid_fingerprint(elections) else None

    def _last_number(self) -> int:
        """The newest number in the log: more than the state says after a run killed between the
        two writes, so that numbers never repeat."""
        found = self.all()
        return found[-1].n if found else 0

    def _append(self, recorded: list[Recorded]) -> None:
        if not recorded:
            return
        from tahapan.safefile import failed

        text = "".join(
            json.dumps(_encode(r), ensure_ascii=False, separators=(",", ":")) + "\n"
            for r in recorded
        )
        try:
            fd = os.open(
                self._log_path,
                # O_BINARY: on Windows os.open is in text mode, which would write "\r\n"
                os.O_RDWR
                | os.O_APPEND
                | os.O_CREAT
                | getattr(os, "O_NOFOLLOW", 0)
                | getattr(os, "O_BINARY", 0),
                0o600,
            )
        except OSError as err:
            raise failed(self._log_path, err) from None
        try:
            size = os.fstat(fd).st_size
            # a line a killed writer left unfinished must not swallow the first of these
            if size:
                # seek and read, not os.pread, which Windows lacks (O_APPEND writes at the end)
                os.lseek(fd, size - 1, os.SEEK_SET)
                if os.read(fd, 1) != b"\n":
                    text = "\n" + text
            os.write(fd, text.encode("utf-8"))
            os.fsync(fd)
        except OSError as err:
            raise failed(self._log_path, err) from None
        finally:
            os.close(fd)

    @staticmethod
    def _write(path: Path, value: dict[str, Any]) -> None:
        from tahapan.safefile import failed, replace_bytes

        data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            replace_bytes(path, data, mode=0o600)
        except OSError as err:
            raise failed(path, err) from None


def _read(path: Path) -> bytes:
    """A history file's bytes: a regular file of a sane size only (a FIFO would hang the run)."""
    import stat

    info = os.lstat(path)
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_READ:
        raise OSError(f"{path}: not a regular file of at most {MAX_READ} bytes")
    with path.open("rb") as handle:
        return handle.read(MAX_READ)


def _aware(text: Any) -> bool:
    """An ISO 8601 time with its offset, as the history writes them."""
    if not isinstance(text, str):
        return False
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).tzinfo is not None
    except ValueError:
        return False


def _valid_state(state: Any) -> bool:
    if not isinstance(state, dict) or state.get("format") != FORMAT:
        return False
    seen = state.get("seen", {})
    last = state.get("last")
    return (
        isinstance(state.get("key"), str)
        and isinstance(last, int)
        and not isinstance(last, bool)
        and last >= 0
        and _aware(state.get("taken"))
        and isinstance(seen, dict)
        and all(isinstance(v, int) and not isinstance(v, bool) for v in seen.values())
    )


_DATE_KEYS = ("start", "end", "voting_day")


def _valid_row(row: Any) -> bool:
    if not isinstance(row, dict):
        return False
    for key in _DATE_KEYS:
        value = row.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            return False
        try:
            date.fromisoformat(value)
        except ValueError:
            return False
    return all(isinstance(row.get(k, ""), str) for k in ("name", "basis")) and isinstance(
        row.get("name_en"),
        str | None,  # None: the file gives no English name
    )


def _valid_fingerprint(elections: Any) -> bool:
    return isinstance(elections, dict) and all(
        isinstance(rows, dict) and all(_valid_row(r) for r in rows.values())
        for rows in elections.values()
    )


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
    """A line of the log, its shape checked (ValueError when not: the line is skipped)."""
    fields = tuple(FieldChange(str(k), o, n) for k, o, n in d["fields"])
    for f in fields:
        if f.key in _DATE_KEYS and not (_valid_row({f.key: f.old}) and _valid_row({f.key: f.new})):
            raise ValueError("a date field that is not a date")
    if not (
        isinstance(d["n"], int)
        and _aware(d["at"])
        and d["kind"] in KINDS
        and all(r is None or _valid_row(r) for r in (d["old"], d["new"]))
        and all(isinstance(d[k], str) for k in ("by", "election", "path"))
    ):
        raise ValueError("a line of another shape")
    change = Difference(
        d["election"],
        d["path"],
        d["kind"],
        d["old"],
        d["new"],
        str(d["election_name"]),
        str(d["election_name_en"]),
        fields,
    )
    return Recorded(d["n"], d["at"], d["by"], change)


def record(catalog: Any, *, by: str = FROM_FILES) -> None:
    """Record what a command that writes a schedule changed; a history that cannot be kept (no safe
    folder, a read-only disk) never stops the command that made the change."""
    from tahapan.days.dates import now

    history = History.open()
    if history is None:
        return
    with contextlib.suppress(OSError, TahapanError):
        history.reconcile(lambda: catalog.elections, catalog.key, by=by, at=now("UTC"))


def utc_text(at: datetime) -> str:
    """An instant as the history writes it: UTC, to the second, with Z."""
    from datetime import UTC

    return at.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
