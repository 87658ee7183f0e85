"""`tahapan changes` (`perubahan`): what differs between two schedule files, or what changed in the
schedules tahapan loads since this user last looked."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tahapan.cli.help import h, helped
from tahapan.cli.options import (
    DataOpt,
    ElectionOpt,
    JsonOpt,
    LangChoice,
    LangOpt,
    RegionOpt,
    Session,
    TzOpt,
    open_session,
)
from tahapan.errors import TahapanError, WriteError
from tahapan.i18n import set_language, tr
from tahapan.render import render


@helped("changes")
def command(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[OLD NEW]",
            help=h(
                "changes.OLD-NEW",
                "Two schedule files to compare, each read on its own. Without them: what changed "
                "in the loaded schedules since you last looked.",
            ),
            show_default=False,
        ),
    ] = None,
    everything: Annotated[
        bool,
        typer.Option(
            "--all",
            help=h("changes.all", "Every change in the history, not only those not seen yet."),
        ),
    ] = False,
    election: ElectionOpt = None,
    region: RegionOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    json: JsonOpt = False,
    data: DataOpt = None,
) -> int:
    """What changed in the schedules: exit 0 nothing, 1 something changed, 2 bad input."""
    if files:
        if len(files) != 2:
            raise TahapanError(
                tr(
                    f"perlu dua berkas (LAMA dan BARU); yang diberikan {len(files)}",
                    f"two files are needed (OLD and NEW); {len(files)} given",
                ),
                hint=tr(
                    "Contoh: tahapan changes jadwal-lama.toml jadwal-baru.toml. Tanpa berkas: "
                    "perubahan sejak pemeriksaan terakhir.",
                    "Example: tahapan changes old.toml new.toml; without files: the changes since "
                    "you last looked.",
                ),
            )
        return _compare(files[0], files[1], lang, json)
    session = open_session(data=data, lang=lang, tz=tz, elections=election, region=region)
    return show_history(session, json=json, everything=everything)


def _compare(old: Path, new: Path, lang: LangChoice | None, json: bool) -> int:
    from tahapan.config import load_config
    from tahapan.reports.changes import compare_files
    from tahapan.schedule.catalog import shipped_paths

    set_language(lang.value if lang else load_config().get("lang", "id"))
    regions = [p for p in shipped_paths() if p.name == "regions.toml"]
    report = compare_files(old, new, regions=regions)
    return render(report, "json" if json else "term")


def show_history(session: Session, *, json: bool, everything: bool) -> int:
    from tahapan.days.dates import now
    from tahapan.history import History
    from tahapan.reports.changes import READER_CHANGES, look

    history = History.open()
    if history is None:
        raise WriteError(no_history_folder())
    loaded = session.loaded or session.catalog
    found = look(
        history,
        loaded,
        reader=reader_name(READER_CHANGES, session),
        at=now("UTC"),
        election_ids=wanted_elections(session),
        everything=everything,
        timezone=session.zone,
        region_refs=region_refs(session),
    )
    code = render(found.report, "json" if json else "term")
    history.mark(found.reader, found.upto)  # only once the answer is out
    return code


def wanted_elections(session: Session) -> set[str] | None:
    """The elections whose changes a narrowed run (-e, --region) shows; None: all of them."""
    if not session.elections and session.region is None:
        return None
    return set(session.elections) if session.elections else set(session.catalog.ids())


def region_refs(session: Session) -> set[str] | None:
    """With --region: the ids and codes a changed stage's regions must touch to concern it."""
    if session.region is None:
        return None
    from tahapan.schedule.regions import near

    return near(session.loaded or session.catalog, session.region)


def reader_name(base: str, session: Session) -> str:
    """A reader's place in the history, one per view: a run narrowed to one election or region
    marks only what it showed as read, so an unnarrowed run still reports the rest."""
    parts = [*sorted(session.elections)]
    if session.region is not None:
        parts.append(f"region={session.region.id}")
    return base if not parts else f"{base}:{','.join(parts)}"


def no_history_folder() -> str:
    from tahapan.folders import user_path

    folder = user_path("data") / "riwayat"
    return tr(
        f"riwayat jadwal tidak dapat disimpan: folder {folder} (atau folder di atasnya) tidak dapat "
        "dibuat, bukan folder biasa, atau bisa ditulis pengguna lain",
        f"the schedule history cannot be kept: the folder {folder} (or the one above it) cannot "
        "be made, is not a plain folder, or others can write to it",
    )
