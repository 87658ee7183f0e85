"""The session of `stage` and `election` edits: everything loaded, and one way a change is made."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from tahapan.cli.options import LangChoice, Session, open_session
from tahapan.config import user_file
from tahapan.i18n import tr
from tahapan.schedule.catalog import shipped_paths
from tahapan.schedule.editing import EditResult, Tables, edit

FileOpt = Annotated[
    Path | None,
    typer.Option("--file", metavar="FILE", help="The schedule file to change.", show_default=False),
]


def open_for_edit(
    file: Path | None, lang: LangChoice | None, election: list[str] | None
) -> Session:
    """The session of an edit: everything loaded, the file being edited among it if it exists, and
    never narrowed to the config's region (an edit must see every election, or it could shadow one
    it did not see)."""
    from dataclasses import replace

    session = open_session(
        data=[file] if file and file.is_file() else None, lang=lang, tz=None, elections=election
    )
    return replace(session, catalog=session.loaded or session.catalog, region=None)


def apply_edit(
    session: Session, file: Path | None, where: str, mutate: Callable[[Tables], str]
) -> None:
    """Make the change under the file's lock, checked with everything the session loaded."""
    result = edit(file or user_file(), [*shipped_paths(), *session.files], mutate, where)
    _report(result)


def _report(result: EditResult) -> None:
    words = {
        "added": tr("ditambahkan", "added"),
        "changed": tr("diubah", "changed"),
        "removed": tr("dihapus", "removed"),
    }[result.action]
    kept = (
        tr(f"; versi lama: {result.backup}", f"; previous version: {result.backup}")
        if result.backup
        else ""
    )
    from tahapan.cli.streams import say

    say(f"{result.where} {words} ({result.path}{kept})")
