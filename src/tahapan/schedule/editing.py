"""Changing the user's own schedule file: `tahapan stage add|set|remove`.

The file (default: ``jadwal.toml`` in the user data directory, or TAHAPAN_USER_FILE) is an overlay
like any other. Every change runs under a lock, is validated together with everything else that is
loaded, and is refused with the file untouched when the result would not load; otherwise the old
version is kept as ``FILE.bak`` and the new one replaces it atomically.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tahapan.errors import DataError, TahapanError
from tahapan.i18n import Words, changed
from tahapan.model import FILE_SCHEMA

if TYPE_CHECKING:
    from tahapan.days.timeline import StageRef
    from tahapan.model import Election, Stage

Tables = dict[str, Any]


@dataclass(frozen=True)
class EditResult:
    path: Path
    backup: Path | None
    #: what was done, for the message: "added", "changed", "removed"
    action: str
    where: str


def edit(
    path: Path,
    others: list[Path],
    mutate: Callable[[Tables], str],
    place: str,
) -> EditResult:
    """Apply ``mutate`` to the tables of ``path`` under its lock; validate; write or refuse.

    ``others`` are the files loaded with it, in order (the shipped ones first); ``path`` may be
    among them, where its new text takes the old one's place.
    """
    from tahapan.safefile import commit, is_special, locked, target
    from tahapan.schedule.load import check_with
    from tahapan.schedule.read import read_source
    from tahapan.schedule.writer import MANAGED_HEADER, tables_text

    where = target(path, make_folder=True)
    with locked(where):
        data: Tables = {"schema": FILE_SCHEMA}
        if where.exists() and not is_special(where):  # a device or FIFO is written into, not read
            data = read_source(where).data
        action = mutate(data)
        text = tables_text(data, header=MANAGED_HEADER)
        try:
            check_with(others, path, text)
        except DataError as err:
            # the lines would be those of a text never written: name the stage, not a line
            # (the shipped file's too: a change to one of its stages is reported at its line)
            files = "|".join(re.escape(str(p)) for p in {path, *others})
            prefix = re.compile(f"^(?:{files})" + r":\d+(?::\d+)?: ")
            raise DataError(
                [
                    changed(problem, lambda text: prefix.sub("", text, count=1))
                    for problem in err.problems
                ],
                hint=Words(
                    f"Perubahan ditolak; {path} tidak diubah.",
                    f"Change refused; {path} was not changed.",
                ),
            ) from None
        backup = commit(where, text.encode("utf-8"), backup=True)
    return EditResult(path, backup, action, place)


def overlay_table(data: Tables, election: str) -> Tables:
    """The file's table for ``election``, made as a bare overlay ({id}) when the file has none."""
    elections = data.setdefault("elections", [])
    for table in elections:
        if table.get("id") == election:
            return table  # type: ignore[no-any-return]
    table = {"id": election}
    elections.append(table)
    return table


def find_table(parent: Tables, path: str) -> Tables | None:
    """The stage table at ``path`` in this file (nested, or written with a path id), if any."""
    siblings = parent.get("stages", [])
    first, _, rest = path.partition("/")
    # a table written with the whole path as its id wins over a parent table of the same name
    for table in siblings:
        if table.get("id") == path:
            return table  # type: ignore[no-any-return]
    for table in siblings:
        if table.get("id") == first and rest:
            found = find_table(table, rest)
            if found is not None:
                return found
    return None


def make_table(parent: Tables, path: str) -> Tables:
    """The stage table at ``path``, made (with bare parents) where the file has none."""
    found = find_table(parent, path)
    if found is not None:
        return found
    node = parent
    for part in path.split("/"):
        child = next((t for t in node.setdefault("stages", []) if t.get("id") == part), None)
        if child is None:
            child = {"id": part}
            node["stages"].append(child)
        node = child
    return node


def remove_table(parent: Tables, path: str) -> bool:
    first, _, rest = path.partition("/")
    siblings = parent.get("stages", [])
    for i, table in enumerate(siblings):
        if table.get("id") == path:  # the whole path as its id, as find_table looks first
            del siblings[i]
            if not siblings:
                parent.pop("stages")
            return True
    return bool(rest) and any(
        table.get("id") == first and remove_table(table, rest) for table in siblings
    )


def refuse(message_id: str, message_en: str, hint: tuple[str, str] | None = None) -> TahapanError:
    return TahapanError(Words(message_id, message_en), hint=Words(*hint) if hint else None)


# ------------------------------------------------------------------ the changes of `tahapan stage`

#: what a new stage must be given (its start may stay unknown, its English name too); named as
#: `stage add`'s options
NEW_STAGE_KEYS = ("name", "end", "basis", "confidence")
Change = Callable[[Tables], str]


def adding(election: Election, path: str, fields: Tables) -> Change:
    """The change that adds the stage at ``path`` to ``election``, refused now when a key a new
    stage needs is missing, the stage exists, or its parent does not."""
    from tahapan.schedule.edit_dates import check_dates

    check_new_stage(election, path, fields)
    check_dates(election, path, None, fields)
    parent, _, leaf = path.rpartition("/")

    def add(data: Tables) -> str:
        holder = overlay_table(data, election.id)
        table = make_table(holder, parent) if parent else holder
        table.setdefault("stages", []).append({"id": leaf, **fields})
        return "added"

    return add


def check_new_stage(election: Election, path: str, given: Tables) -> None:
    """Refuse a new stage before its values are read: what it lacks first, then where it would go
    (the values as typed are enough to tell)."""
    missing = [f"--{key.replace('_', '-')}" for key in NEW_STAGE_KEYS if not given.get(key)]
    if missing:
        raise refuse(
            f"untuk tahapan baru perlu: {', '.join(missing)}",
            f"a new stage needs: {', '.join(missing)}",
            (
                "--start boleh dikosongkan bila tidak diketahui.",
                "--start may be left out when it is not known.",
            ),
        )
    paths = {p for p, _ in election.walk()}
    if path in paths:
        raise refuse(
            f"{election.id}/{path} sudah ada; ubah dengan `tahapan stage set`",
            f"{election.id}/{path} already exists; change it with `tahapan stage set`",
        )
    parent = path.rpartition("/")[0]
    if parent and parent not in paths:
        raise refuse(
            f"induk {parent!r} bukan tahapan {election.id}",
            f"parent {parent!r} is not a stage of {election.id}",
            (
                "`tahapan list -e ELECTION` menampilkan path tahapan.",
                "`tahapan list -e ELECTION` shows the stage paths.",
            ),
        )


def setting(ref: StageRef, fields: Tables) -> Change:
    """The change that sets ``fields`` on a stage (in the file, or as an override of another
    file's); a projected stage given its dates, basis and confidence stops being one: official,
    or the office's assumption while the election's voting day is projected (its basis then keeps
    the projection it was planned from)."""
    if not fields:
        raise refuse(
            "tidak ada yang diubah",
            "nothing to change",
            ("Misalnya: --end 2024-11-30.", "Give e.g. --end 2024-11-30."),
        )
    from tahapan.schedule.edit_dates import check_dates, check_sourced

    check_dates(ref.election, ref.path, ref.stage, fields)
    sourced = ends_projection(ref.stage, fields)
    if ref.election.projected and "basis" in fields:
        fields = {**fields, "basis": assumed_basis(fields["basis"], ref.stage.basis)}

    def change(data: Tables) -> str:
        table = make_table(overlay_table(data, ref.election.id), ref.path)
        table.update(fields)
        check_sourced(ref.election, ref.path, table, set(fields))
        if sourced:
            mark_sourced(table)
        return "changed"

    return change


def ends_projection(stage: Stage, fields: Tables) -> bool:
    """Whether a change of a stage gives it official dates with their own basis and confidence,
    together: a basis alone would make copied dates look official."""
    dates = {"end", "start"} if stage.start is not None else {"end"}
    return stage.projected and {"basis", "confidence", *dates} <= fields.keys()


def assumed_basis(basis: str, old: str) -> str:
    """The basis of a stage the office dates while the voting day is projected: its own, and the
    projection it was planned from ("Rapat pleno KPU Kota; Proyeksi dari pemilu-2024: …")."""
    mark = "Proyeksi dari "
    if mark not in old or mark in basis:
        return basis
    return f"{basis}; {old[old.index(mark) :]}"


def mark_sourced(table: Tables) -> None:
    """The table no longer projected: back to the default where it made the stage, an explicit
    false where it overrides another file's projection."""
    if table.get("projected") is True:
        del table["projected"]
    else:
        table["projected"] = False


def removing(ref: StageRef, target: Path) -> Change:
    """The change that removes a stage the file ``target`` holds; a stage of another file is
    refused (it can be marked not held instead)."""

    def remove(data: Tables) -> str:
        holder = overlay_table(data, ref.election.id)
        if find_table(holder, ref.path) is None or not remove_table(holder, ref.path):
            raise refuse(
                f"{ref.election.id}/{ref.path} tidak ada di {target}; tahapan dari berkas lain tidak dihapus",
                f"{ref.election.id}/{ref.path} is not in {target}; stages from other files are not removed",
                (
                    "Tandai tidak dilaksanakan: tahapan stage set STAGE --not-held",
                    "Mark it not held instead: tahapan stage set STAGE --not-held",
                ),
            )
        if holder.keys() == {"id"}:
            data["elections"].remove(holder)
        return "removed"

    return remove
