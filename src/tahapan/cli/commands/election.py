"""`tahapan election add|remove`: plan an election in your own schedule file."""

from __future__ import annotations

from typing import Annotated

import typer

from tahapan.cli import complete
from tahapan.cli.edit_session import FileOpt, apply_edit, open_for_edit, output, tell
from tahapan.cli.help import Command, Group, h, helped, options_metavar, subcommand_metavar
from tahapan.cli.options import JsonOpt, LangOpt, QuietOpt, election_ids
from tahapan.days.dates import h_offset, parse_date, resolve_zone
from tahapan.render import render
from tahapan.schedule.editing import Tables, refuse

command = typer.Typer(
    cls=Group,
    options_metavar=options_metavar(),
    subcommand_metavar=subcommand_metavar(),
    name="election",
    help=h(
        "election",
        "Add an election to your own schedule file (planned from another one with --like, its "
        "dates then marked as projections), or remove one you added.",
    ),
    no_args_is_help=True,
)

IdArg = Annotated[
    str,
    typer.Argument(
        metavar="ID",
        help=h("election.ID", "Election id: lower-case words joined by hyphens, e.g. pemilu-2029."),
        show_default=False,
    ),
]


def _not_h(voting_day: str) -> None:
    """A voting day is a date: H counts from it."""
    if h_offset(voting_day) is not None:
        raise refuse(
            f"hari pemungutan suara tidak dapat ditulis dengan H ({voting_day}): H dihitung darinya",
            f"the voting day cannot be written in H-notation ({voting_day}): H counts from it",
            ("Tulis tanggalnya, mis. 2029-02-14.", "Write its date, e.g. 2029-02-14."),
        )


@command.command("add", cls=Command, options_metavar=options_metavar())
@helped("election.add")
def election_add(
    ident: IdArg,
    voting_day: Annotated[
        str,
        typer.Option(
            "--voting-day",
            metavar="DATE",
            help=h(
                "election.add.voting-day",
                'Voting day (hari H): 2029-02-14, 14/02/2029, "14 Februari 2029".',
            ),
            show_default=False,
        ),
    ],
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            help=h(
                "election.add.name",
                'Name in Indonesian: "Pemilu 2029" (needed for a new election; an election '
                "loaded without a voting day keeps its own).",
            ),
            show_default=False,
        ),
    ] = None,
    name_en: Annotated[
        str | None,
        typer.Option(
            "--name-en",
            help=h("election.add.name-en", "Name in English (default: the same as --name)."),
            show_default=False,
        ),
    ] = None,
    like: Annotated[
        str | None,
        typer.Option(
            "--like",
            metavar="ELECTION",
            autocompletion=complete.elections,
            help=h(
                "election.add.like",
                "Copy this election's held stages, dated by H from the new voting day "
                "(projections, marked so in every view).",
            ),
            show_default=False,
        ),
    ] = None,
    region: Annotated[
        list[str] | None,
        typer.Option(
            "--region",
            "-r",
            metavar="REGION",
            help=h(
                "election.add.region",
                "Region it is held in (code, id or name); repeatable. It replaces the template's "
                "regions, its stages' included. Default: the template's, else nationwide.",
            ),
            show_default=False,
        ),
    ] = None,
    tz: Annotated[
        str | None,
        typer.Option(
            "--tz",
            metavar="ZONE",
            help=h(
                "election.add.tz",
                "Its time zone (default: the regions' own when they share one, else the "
                "template's, else WIB).",
            ),
            show_default=False,
        ),
    ] = None,
    basis: Annotated[
        str | None,
        typer.Option(
            "--basis",
            help=h(
                "election.add.basis",
                "Legal basis (needed without --like: the decree, ruling or letter that sets the "
                "voting day).",
            ),
            show_default=False,
        ),
    ] = None,
    confidence: Annotated[
        str | None,
        typer.Option(
            "--confidence",
            help=h("election.add.confidence", "P, P+2S, 2S, 1S or D (needed without --like)."),
            show_default=False,
        ),
    ] = None,
    file: FileOpt = None,
    lang: LangOpt = None,
    json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> int:
    """Add an election: from a template with --like, or its voting day alone (then fill it with
    `tahapan stage add`)."""
    from tahapan.schedule.projection import legal_warnings, new_election

    session = open_for_edit(file, lang, None)
    _not_h(voting_day)
    day = parse_date(voting_day, today=session.today)
    table = new_election(
        session.catalog,
        ident,
        name=name,
        name_en=name_en,
        voting_day=day,
        like=like,
        regions=region or (),
        timezone=resolve_zone(tz) if tz else None,
        basis=basis,
        confidence=confidence,
    )

    def mutate(data: Tables) -> str:
        elections = data.setdefault("elections", [])
        # the file may already change the election (a stage set on Pemilu 2029): complete that entry
        mine = next((t for t in elections if t.get("id") == ident and "voting_day" not in t), None)
        if mine is None:
            elections.append(table)
        else:
            mine.update({k: v for k, v in table.items() if k != "stages"})
            mine["stages"] = [*table.get("stages", []), *mine.get("stages", [])]
        return "added"

    result = apply_edit(session, file, ident, mutate, "election")
    result.warnings = legal_warnings(session.catalog, ident, like, day)
    tell(result)
    return render(result, output(json))


@command.command("remove", cls=Command, options_metavar=options_metavar())
@helped("election.remove")
def election_remove(
    ident: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help=h("election.remove.ID", "An election your file defines."),
            autocompletion=complete.elections,
            show_default=False,
        ),
    ],
    file: FileOpt = None,
    lang: LangOpt = None,
    json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> int:
    """Remove an election that your file defines (one added with `election add`)."""
    from tahapan.config import config_path, load_config, user_file

    session = open_for_edit(file, lang, None)
    if ident in election_ids(load_config().get("election", [])):
        # removed, it would leave every later run (cron's too) failing on the config's unknown id
        raise refuse(
            f"pengaturan {config_path()} memilih {ident} (kunci election); berkas tidak diubah",
            f"the config {config_path()} chooses {ident} (key election); the file is unchanged",
            (
                "Lepaskan dulu: tahapan config unset election (atau config set election ID-LAIN), "
                f"lalu tahapan election remove {ident}.",
                "Release it first: tahapan config unset election (or config set election OTHER-ID), "
                f"then tahapan election remove {ident}.",
            ),
        )
    target = file or user_file()

    def mutate(data: Tables) -> str:
        elections = data.get("elections", [])
        table = next((t for t in elections if t.get("id") == ident), None)
        # an entry of the user's own: it names the election or gives it its voting day
        if table is None or not {"name", "voting_day"} & table.keys():
            known = ident in session.catalog.ids()
            raise refuse(
                f"{ident} tidak didefinisikan di {target}"
                + ("; pemilu dari berkas lain tidak dihapus" if known else ""),
                f"{ident} is not defined in {target}"
                + ("; elections from other files are not removed" if known else ""),
                (
                    "Perubahan Anda pada tahapannya dihapus dengan `tahapan stage remove`.",
                    "Your changes to its stages are removed with `tahapan stage remove`.",
                )
                if known
                else None,
            )
        elections.remove(table)
        if not elections:
            data.pop("elections")
        return "removed"

    result = apply_edit(session, target, ident, mutate, "election")
    tell(result)
    return render(result, output(json))


@command.command("set-voting-day", cls=Command, options_metavar=options_metavar())
@helped("election.set-voting-day")
def election_set_voting_day(
    ident: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help=h("election.set-voting-day.ID", "The election, e.g. pemilu-2029."),
            autocompletion=complete.elections,
            show_default=False,
        ),
    ],
    voting_day: Annotated[
        str,
        typer.Argument(
            metavar="DATE",
            help=h(
                "election.set-voting-day.DATE",
                'The voting day: 2029-02-14, 14/02/2029, "14 Februari 2029".',
            ),
            show_default=False,
        ),
    ],
    basis: Annotated[
        str | None,
        typer.Option(
            "--basis",
            help=h(
                "election.set-voting-day.basis",
                "The decree or regulation that sets the day: with --confidence, the day is "
                "official, and so are the stages your office dated while it was projected.",
            ),
            show_default=False,
        ),
    ] = None,
    confidence: Annotated[
        str | None,
        typer.Option(
            "--confidence",
            help=h("election.set-voting-day.confidence", "P, P+2S, 2S, 1S or D (with --basis)."),
            show_default=False,
        ),
    ] = None,
    file: FileOpt = None,
    lang: LangOpt = None,
    json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> int:
    """Set (or move) an election's voting day in your file: every date written as H follows it."""
    from tahapan.schedule.legal import beside_a_holiday
    from tahapan.schedule.projection import can_set_voting_day, make_official, move_voting_day
    from tahapan.schedule.select import pick_elections

    session = open_for_edit(file, lang, None)
    chosen = pick_elections(session.catalog, [ident])[0]  # unknown ids fail here
    if (basis is None) != (confidence is None):
        raise refuse(
            "--basis dan --confidence harus diberikan bersama",
            "--basis and --confidence go together",
            (
                'Hari yang resmi perlu dasar dan kepastiannya: --basis "PKPU ..." --confidence P.',
                'An official day needs its basis and confidence: --basis "PKPU ..." --confidence P.',
            ),
        )
    can_set_voting_day(chosen, sourced=basis is not None)
    _not_h(voting_day)
    day = parse_date(voting_day, today=session.today)

    def mutate(data: Tables) -> str:
        elections = data.setdefault("elections", [])
        table = next((t for t in elections if t.get("id") == ident), None)
        if table is None:
            table = {"id": ident, "voting_day": day}
            elections.append(table)
        else:
            move_voting_day(table, day)
        if basis is not None and confidence is not None:
            make_official(table, chosen, basis, confidence)
        return "changed"

    result = apply_edit(session, file, ident, mutate, "election")
    result.warnings = beside_a_holiday(day)
    tell(result)
    return render(result, output(json))
