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
from typing import Any

from tahapan.errors import DataError, TahapanError
from tahapan.i18n import tr

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
    from tahapan.schedule.load import check_with, read_source
    from tahapan.schedule.writer import MANAGED_HEADER, tables_text

    where = target(path, make_folder=True)
    with locked(where):
        data: Tables = {"schema": 1}
        if where.exists() and not is_special(where):  # a device or FIFO is written into, not read
            data = read_source(where).data
        action = mutate(data)
        text = tables_text(data, header=MANAGED_HEADER)
        try:
            check_with(others, path, text)
        except DataError as err:
            # the lines would be those of a text never written: name the stage, not a line
            prefix = re.compile(re.escape(str(path)) + r":\d+(?::\d+)?: ")
            raise DataError(
                [prefix.sub("", problem, count=1) for problem in err.problems],
                hint=tr(
                    f"Perubahan ditolak; {path} tidak diubah.",
                    f"Change refused; {path} was not changed.",
                ),
            ) from None
        backup = commit(where, text.encode("utf-8"), backup=True)
    return EditResult(path, backup, action, place)


def election_table(data: Tables, election: str) -> Tables:
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
    return TahapanError(tr(message_id, message_en), hint=tr(*hint) if hint else None)
