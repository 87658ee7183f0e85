"""The session of `stage` and `election` edits: everything loaded, and one way a change is made."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from tahapan.cli.help import h
from tahapan.cli.options import LangChoice, Session, open_session
from tahapan.config import user_file
from tahapan.errors import TahapanError
from tahapan.render.formats import Format
from tahapan.reports.edits import EditReport, Kind
from tahapan.schedule.catalog import shipped_paths
from tahapan.schedule.editing import Tables, edit

FileOpt = Annotated[
    Path | None,
    typer.Option(
        "--file",
        metavar="FILE",
        help=h("edit.file", "The schedule file to change."),
        show_default=False,
    ),
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
    session: Session,
    file: Path | None,
    where: str,
    mutate: Callable[[Tables], str],
    kind: Kind = "stage",
) -> EditReport:
    """Make the change under the file's lock, checked with everything the session loaded, and
    record it in the schedule history; what was done."""
    from tahapan.reports.edits import schedule_edit

    remember_before(session)
    done = edit(file or user_file(), [*shipped_paths(), *session.files], mutate, where)
    remember_after(session, done.path)
    return schedule_edit(done, kind)


def remember_before(session: Session) -> None:
    """Changes made outside tahapan before this command are recorded as such, not as its own."""
    from tahapan.history import record

    record(session.loaded or session.catalog)


def remember_after(session: Session, written: Path) -> None:
    """What this command changed in the loaded schedules, recorded under its name (`tahapan
    stage set`), so that `changes` and `check --changes` report it and SEQUENCE grows."""
    from tahapan.config import same_file
    from tahapan.history import record
    from tahapan.schedule.load import load_catalog

    files = list(session.files)
    if (
        written.exists()
        and not any(same_file(written, f) for f in files)
        and same_file(written, user_file())
    ):
        from tahapan.folders import updates_path

        # the user's own file is read after the installed updates, as config.data_files does
        updates = updates_path()
        files.insert(sum(1 for f in files if f.parent == updates), written)
    try:
        catalog = load_catalog(files)
    except TahapanError:
        return  # the edit was checked before it was written; nothing else to record
    context = click_context()
    record(catalog, by=context)


def click_context() -> str:
    """The command being run, as the history names it ("tahapan stage set")."""
    try:  # the click that typer carries inside it (0.26 on); its name is not public
        from typer._click.globals import get_current_context
    except ImportError:  # pragma: no cover - another typer
        return "tahapan"
    ctx = get_current_context(silent=True)
    return ctx.command_path if ctx is not None else "tahapan"


def tell(result: EditReport) -> None:
    """What was done, on stderr (nothing under --quiet); the answer itself is ``render``'s."""
    from tahapan.cli.streams import say
    from tahapan.render.edits import edit_lines

    for line in edit_lines(result):
        say(line)


def output(json: bool) -> Format:
    return "json" if json else "term"
