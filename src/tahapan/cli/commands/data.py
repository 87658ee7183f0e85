"""`tahapan data`: the schedule sources in use and their revisions; `data update` installs a newer
schedule from a file or an address, `data rollback` puts the previous one back."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tahapan.cli.help import Command, Group, h, helped, options_metavar, subcommand_metavar
from tahapan.cli.options import JsonOpt, LangChoice, LangOpt, QuietOpt, Session, open_session
from tahapan.errors import TahapanError, WriteError
from tahapan.i18n import said, tr

command = typer.Typer(
    cls=Group,
    options_metavar=options_metavar(),
    subcommand_metavar=subcommand_metavar(),
    name="data",
    help=h(
        "data",
        "The schedule sources in use and their revisions, and the holiday data; `data update` "
        "installs a newer schedule, `data rollback` puts the previous one back.",
    ),
    invoke_without_command=True,
)


@command.callback()
def data_sources(ctx: typer.Context, lang: LangOpt = None, json: JsonOpt = False) -> int | None:
    """Every schedule source in use (shipped, updates, your file, overlays) with its revision."""
    if ctx.invoked_subcommand is not None:
        return None
    from tahapan.render import render
    from tahapan.reports.data import build_sources

    session = open_session(data=None, lang=lang, tz=None, elections=None)
    report = build_sources(session.files, session.loaded or session.catalog)
    report.timezone = session.zone
    for warning in report.warnings():
        from tahapan.cli.streams import say

        say(said(warning))
    return render(report, "json" if json else "term")


SourceArg = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="[SOURCE]...",
        help=h(
            "data.SOURCE",
            "Schedule file path or http(s) address. Without it: every source installed before.",
        ),
        show_default=False,
    ),
]


@command.command("update", cls=Command, options_metavar=options_metavar())
@helped("data.update")
def data_update(
    sources: SourceArg = None,
    key: Annotated[
        str | None,
        typer.Option(
            "--key",
            metavar="PUBKEY",
            help=h(
                "data.update.key",
                "minisign public key (its base64 line, or a .pub file): SOURCE.minisig must be a "
                "valid signature by it. Remembered for the source.",
            ),
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help=h(
                "data.update.force",
                "Install even when the revision is older than the one installed.",
            ),
        ),
    ] = False,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            min=1,
            max=600,
            metavar="SECONDS",
            help=h(
                "data.update.timeout",
                "Give up a download after this many seconds (nothing is changed).",
            ),
        ),
    ] = 30.0,
    lang: LangOpt = None,
    quiet: QuietOpt = False,
    json: JsonOpt = False,
) -> int:
    """Install a schedule file from a path or an address: checked whole, then its changes shown.

    Exit 0 installed or already current, 2 invalid or refused, 75 offline or a server error
    (nothing changed).
    """
    import math

    from tahapan.reports.installing import install
    from tahapan.updates import Registry, normal_source

    if key is not None and not key.strip():
        raise TahapanError(
            tr(
                "--key kosong: beri kunci publik minisign",
                "--key is empty: give a minisign public key",
            ),
            hint=tr(
                "Baris base64 kunci (RWQ...) atau berkas .pub; tanpa --key sumber tidak diperiksa.",
                "The key's base64 line (RWQ...) or a .pub file; without --key the source is not "
                "checked.",
            ),
        )
    if not math.isfinite(timeout):
        raise TahapanError(
            tr("--timeout harus angka detik", "--timeout must be a number of seconds")
        )
    session = _session(lang)
    folder = _folder()
    chosen = [normal_source(s) for s in sources or []] or list(Registry.open(folder).entries)
    if not chosen:
        raise TahapanError(
            tr("belum ada sumber pembaruan", "no update source yet"),
            hint=tr(
                "Sebutkan alamat atau berkas: tahapan data update https://contoh.go.id/stages.toml",
                "Give an address or a file: tahapan data update https://example.org/stages.toml",
            ),
        )
    if key is not None and len(chosen) != 1:
        raise TahapanError(
            tr("--key berlaku untuk satu SUMBER", "--key applies to one SOURCE"),
        )
    outcomes = []
    codes = []
    for source in chosen:
        try:
            outcomes.append(
                install(session, folder, source, key=key, force=force, by=_by(), timeout=timeout)
            )
        except TahapanError as err:
            if len(chosen) == 1:
                raise
            from tahapan.cli.application import report_error

            report_error(err)  # one source failing does not stop the others
            codes.append(int(err.exit_code))
    from tahapan.render import render
    from tahapan.reports.installing import UpdateReport

    report = UpdateReport(outcomes)
    code = render(report, "json" if json else "term")
    # a refused source (2) outranks one that was offline (75): cron mails the refusal
    return (2 if 2 in codes else max(codes)) if codes else code


def _session(lang: LangChoice | None) -> Session | None:
    """The loaded schedules, to show what an update changes; None when an installed update is
    itself what cannot be loaded (rollback must still be able to remove it)."""
    from tahapan.errors import DataError

    try:
        return open_session(data=None, lang=lang, tz=None, elections=None)
    except DataError:
        return None


def _folder() -> Path:
    from tahapan.folders import UPDATES, data_folder, updates_path

    folder = data_folder(UPDATES)
    if folder is None:
        raise WriteError(unsafe_folder(updates_path()))
    return folder


def unsafe_folder(folder: Path) -> str:
    return tr(
        f"folder {folder} tidak dapat dibuat, bukan folder biasa, atau bisa ditulis pengguna lain; "
        "tahapan tidak memakainya",
        f"the folder {folder} cannot be made, is not a plain folder, or others can write to it; "
        "tahapan does not use it",
    )


@command.command("rollback", cls=Command, options_metavar=options_metavar())
@helped("data.rollback")
def data_rollback(
    source: Annotated[
        str | None,
        typer.Argument(
            metavar="[SOURCE]",
            help=h(
                "data.rollback.SOURCE", "The source to roll back. Default: the one installed last."
            ),
            show_default=False,
        ),
    ] = None,
    lang: LangOpt = None,
    quiet: QuietOpt = False,
    json: JsonOpt = False,
) -> int:
    """Put back the previous installed update (or remove a first one), and show what that changed."""
    from tahapan.render import render
    from tahapan.reports.installing import UpdateReport, roll_back
    from tahapan.updates import normal_source

    session = _session(lang)
    chosen = None
    if source:
        from tahapan.download import is_url

        chosen = source if is_url(source) else normal_source(source)
    outcome = roll_back(session, _folder(), chosen, by=_by())
    return render(UpdateReport([outcome]), "json" if json else "term")


def _by() -> str:
    from tahapan.cli.edit_session import click_context

    return click_context()
