"""`tahapan data`: the schedule sources in use and their revisions; `data update` installs a newer
schedule from a file or an address, `data rollback` puts the previous one back."""

from __future__ import annotations

from typing import Annotated

import typer

from tahapan.cli.help import Command, Group, options_metavar, subcommand_metavar
from tahapan.cli.options import JsonOpt, LangOpt, QuietOpt, open_session
from tahapan.errors import TahapanError, WriteError
from tahapan.i18n import tr

command = typer.Typer(
    cls=Group,
    options_metavar=options_metavar(),
    subcommand_metavar=subcommand_metavar(),
    name="data",
    help="The schedule sources in use and their revisions, and the holiday data; `data update` "
    "installs a newer schedule, `data rollback` puts the previous one back.",
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

        say(warning)
    return render(report, "json" if json else "text")


SourceArg = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="[SOURCE]...",
        help="Schedule file path or http(s) address. Without it: every source installed before.",
        show_default=False,
    ),
]


@command.command("update", cls=Command, options_metavar=options_metavar())
def data_update(
    sources: SourceArg = None,
    key: Annotated[
        str | None,
        typer.Option(
            "--key",
            metavar="PUBKEY",
            help="minisign public key (its base64 line, or a .pub file): SOURCE.minisig must be a "
            "valid signature by it. Remembered for the source.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Install even when the revision is older than the one installed."
        ),
    ] = False,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            min=1,
            max=600,
            metavar="SECONDS",
            help="Give up a download after this many seconds (nothing is changed).",
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
    from tahapan.folders import UPDATES, data_folder
    from tahapan.reports.data import install
    from tahapan.updates import Registry, normal_source

    session = open_session(data=None, lang=lang, tz=None, elections=None)
    folder = data_folder(UPDATES)
    if folder is None:
        from tahapan.cli.commands.changes import no_history_folder

        raise WriteError(no_history_folder())
    registry = Registry.open(folder)
    chosen = [normal_source(s) for s in sources or []] or list(registry.entries)
    if not chosen:
        raise TahapanError(
            tr("belum ada sumber pembaruan", "no update source yet"),
            hint=tr(
                "Beri alamat atau berkas: tahapan data update https://contoh.go.id/stages.toml",
                "Give an address or a file: tahapan data update https://example.org/stages.toml",
            ),
        )
    if key is not None and len(chosen) != 1:
        raise TahapanError(
            tr("--key berlaku untuk satu SUMBER", "--key applies to one SOURCE"),
        )
    outcomes = []
    worst = 0
    for source in chosen:
        try:
            outcomes.append(
                install(session, registry, source, key=key, force=force, by=_by(), timeout=timeout)
            )
        except TahapanError as err:
            if len(chosen) == 1:
                raise
            from tahapan.cli.application import report_error

            report_error(err)  # one source failing does not stop the others
            worst = max(worst, int(err.exit_code))
    from tahapan.render import render
    from tahapan.reports.data import UpdateReport

    report = UpdateReport(outcomes, quiet=quiet)
    code = render(report, "json" if json else "text")
    return worst or code


@command.command("rollback", cls=Command, options_metavar=options_metavar())
def data_rollback(
    source: Annotated[
        str | None,
        typer.Argument(
            metavar="[SOURCE]",
            help="The source to roll back. Default: the one installed last.",
            show_default=False,
        ),
    ] = None,
    lang: LangOpt = None,
    quiet: QuietOpt = False,
    json: JsonOpt = False,
) -> int:
    """Put back the previous installed update (or remove a first one), and show what that changed."""
    from tahapan.folders import UPDATES, data_folder
    from tahapan.render import render
    from tahapan.reports.data import UpdateReport, roll_back
    from tahapan.updates import Registry, normal_source

    session = open_session(data=None, lang=lang, tz=None, elections=None)
    folder = data_folder(UPDATES)
    registry = Registry.open(folder) if folder is not None else None
    if registry is None or not registry.installs:
        raise TahapanError(
            tr("belum ada pembaruan yang terpasang", "no update is installed"),
            hint=tr("Lihat: tahapan data", "See: tahapan data"),
        )
    chosen = normal_source(source) if source else registry.installs[-1]
    if chosen not in registry.entries:
        raise TahapanError(
            tr(f"sumber tidak dikenal: {chosen}", f"unknown source: {chosen}"),
            hint=tr("Sumber yang terpasang: ", "Installed sources: ") + ", ".join(registry.entries),
        )
    outcome = roll_back(session, registry, chosen, by=_by())
    return render(UpdateReport([outcome]), "json" if json else "text")


def _by() -> str:
    from tahapan.cli.edit_session import click_context

    return click_context()
