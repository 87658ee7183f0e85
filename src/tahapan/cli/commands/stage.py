"""`tahapan stage add|set|remove`: keep your own stages beside the official ones."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from tahapan.cli import complete
from tahapan.cli.edit_session import FileOpt, apply_edit, open_for_edit, output, tell
from tahapan.cli.help import Command, Group, h, helped, options_metavar, subcommand_metavar
from tahapan.cli.options import ElectionOpt, JsonOpt, LangOpt, QuietOpt, Session
from tahapan.config import user_file
from tahapan.days.dates import h_offset, parse_date
from tahapan.model import Election
from tahapan.render import render
from tahapan.reports.edits import EditReport
from tahapan.schedule.editing import Tables, adding, check_new_stage, refuse, removing, setting
from tahapan.schedule.fields import given_fields
from tahapan.schedule.select import find_stage, pick_elections

command = typer.Typer(
    cls=Group,
    options_metavar=options_metavar(),
    subcommand_metavar=subcommand_metavar(),
    name="stage",
    help=h(
        "stage",
        "Add, change or remove stages in your own schedule file (default: jadwal.toml in the "
        "user data directory; TAHAPAN_USER_FILE or --file moves it). Every change is validated first.",
    ),
    no_args_is_help=True,
)

PathArg = Annotated[
    str,
    typer.Argument(
        metavar="STAGE",
        help=h(
            "stage.STAGE",
            "Stage path, with its election: pemilu-2024/rapat-koordinasi, or kampanye/apel with -e.",
        ),
        autocompletion=complete.stages,
        show_default=False,
    ),
]


def _text(flag: str, help_text: str) -> Any:
    return typer.Option(flag, metavar="TEXT", help=help_text, show_default=False)


NameOpt = Annotated[str | None, _text("--name", h("stage.name", "Official (Indonesian) name."))]
NameEnOpt = Annotated[
    str | None,
    _text(
        "--name-en",
        h("stage.name-en", "English name; optional: without it, English output shows --name."),
    ),
]
StartOpt = Annotated[
    str | None,
    _text("--start", h("stage.start", "First day: 2024-11-20, 20/11/2024, H-7 (kept as a rule).")),
]
EndOpt = Annotated[str | None, _text("--end", h("stage.end", "Last day, same forms."))]
BasisOpt = Annotated[
    str | None, _text("--basis", h("stage.basis", "Legal basis: the letter, decree or regulation."))
]
ConfidenceOpt = Annotated[
    str | None, _text("--confidence", h("stage.confidence", "P, P+2S, 2S, 1S or D."))
]
NoteOpt = Annotated[str | None, _text("--note", h("stage.note", "A note shown with the stage."))]
RegionsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--region",
        "-r",
        metavar="REGION",
        help=h("stage.region", "Region the stage belongs to (code, id or name); repeatable."),
    ),
]


def _target(session: Session, text: str) -> tuple[Election, str]:
    """The election and the stage path within it, from 'pemilu-2024/x/y' or 'x/y' with -e."""
    first, _, rest = text.strip().strip("/").partition("/")
    by_id = {e.id: e for e in session.catalog.elections}
    if first in by_id and rest:
        return by_id[first], rest
    chosen = pick_elections(session.catalog, session.elections)
    if len(chosen) != 1:
        raise refuse(
            f"sebutkan pemilunya: {text!r} perlu tepat satu pemilu",
            f"name the election: {text!r} needs exactly one election",
            (
                "Contoh: pemilu-2024/rapat-koordinasi, atau -e pemilu-2024.",
                "E.g. pemilu-2024/rapat-koordinasi, or -e pemilu-2024.",
            ),
        )
    return chosen[0], text.strip().strip("/")


def _date_value(text: str, session: Session, election: Election) -> Any:
    offset = h_offset(text)
    if offset is not None:  # H-7 stays a rule, so the stage moves with voting day
        return {"h": offset}
    return parse_date(text, today=session.today, voting_day=election.voting_day)


def _set_occurrence(
    session: Session,
    file: Any,
    election: Election,
    path: str,
    held: bool | None,
    **given: str | None,
) -> EditReport | None:
    """`stage set` on one occurrence of a repeating stage (rekap-nasional-2026-12-16): recorded as
    an instance of it; None when the path names no occurrence."""
    from tahapan.schedule.instance_editing import occurrence, setting_instance

    target = occurrence(election, path)
    if target is None:
        return None
    for key in ("start", "end"):
        value = given.get(key)
        if value is not None and h_offset(value) is not None:
            raise refuse(
                f"--{key} satu pelaksanaan ditulis dengan tanggal, bukan H ({value})",
                f"--{key} of one occurrence is a date, not H ({value})",
                None,
            )
    fields = _fields(session, election, **given)
    if held is not None:
        fields["held"] = held
    return apply_edit(session, file, target.name, setting_instance(target, fields), "occurrence")


def _fields(session: Session, election: Election, **given: Any) -> Tables:
    out: Tables = {}
    for key, value in given.items():
        if value is None:
            continue
        if key in ("start", "end"):
            out[key] = _date_value(value, session, election)
        elif key == "regions":
            # stored as ids, so that the file names each region one way and ambiguity is caught now
            from tahapan.schedule.region_lookup import find_region

            regions = session.catalog.regions
            out[key] = list(dict.fromkeys(find_region(regions, r).id for r in value))
        else:
            out[key] = value
    return out


@command.command("add", cls=Command, options_metavar=options_metavar())
@helped("stage.add")
def stage_add(
    stage: PathArg,
    name: NameOpt = None,
    name_en: NameEnOpt = None,
    start: StartOpt = None,
    end: EndOpt = None,
    basis: BasisOpt = None,
    confidence: ConfidenceOpt = None,
    note: NoteOpt = None,
    region: RegionsOpt = None,
    election: ElectionOpt = None,
    file: FileOpt = None,
    lang: LangOpt = None,
    json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> int:
    """Add a stage (or a sub-stage: parent/child) to an election that is loaded."""
    given: Tables = given_fields("add", locals())
    session = open_for_edit(file, lang, election)
    target_election, path = _target(session, stage)
    check_new_stage(target_election, path, given)  # before a value is read: what is missing first
    change = adding(target_election, path, _fields(session, target_election, **given))
    result = apply_edit(session, file, f"{target_election.id}/{path}", change)
    tell(result)
    return render(result, output(json))


@command.command("set", cls=Command, options_metavar=options_metavar())
@helped("stage.set")
def stage_set(
    stage: PathArg,
    name: NameOpt = None,
    name_en: NameEnOpt = None,
    start: StartOpt = None,
    end: EndOpt = None,
    basis: BasisOpt = None,
    confidence: ConfidenceOpt = None,
    note: NoteOpt = None,
    held: Annotated[
        bool | None,
        typer.Option(
            "--held/--not-held",
            help=h("stage.set.held", "Mark the stage as held, or as not taking place."),
            show_default=False,
        ),
    ] = None,
    election: ElectionOpt = None,
    file: FileOpt = None,
    lang: LangOpt = None,
    json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> int:
    """Change a stage: in your file, or as an override of another file's stage (give --basis and
    --confidence with new dates, so the official ones are not claimed for them). On one occurrence
    of a repeating stage (pdpb/rekap-nasional-2026-12-16) it records that day's real date."""
    given = given_fields("set", locals())
    held = given.pop("held")
    session = open_for_edit(file, lang, election)
    target_election, path = _target(session, stage)
    dated = _set_occurrence(session, file, target_election, path, held, **given)
    if dated is not None:
        tell(dated)
        return render(dated, output(json))
    ref = find_stage(session.catalog, path, [target_election])
    fields = _fields(session, target_election, **given)
    if held is not None:
        fields["held"] = held
    change = setting(ref, fields)
    result = apply_edit(session, file, f"{target_election.id}/{ref.path}", change)
    from tahapan.schedule.editing import ends_projection

    if target_election.projected and ref.stage.projected and ends_projection(ref.stage, fields):
        result.projection = "office-assumption"
    elif ref.stage.projected and not ends_projection(ref.stage, fields):
        result.projection = "stays-projection"
    tell(result)
    return render(result, output(json))


@command.command("remove", cls=Command, options_metavar=options_metavar())
@helped("stage.remove")
def stage_remove(
    stage: PathArg,
    election: ElectionOpt = None,
    file: FileOpt = None,
    lang: LangOpt = None,
    json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> int:
    """Remove a stage you added, or your change to another file's stage (the original comes back)."""
    session = open_for_edit(file, lang, election)
    target_election, path = _target(session, stage)
    from tahapan.schedule.instance_editing import occurrence, removing_instance

    dated = occurrence(target_election, path)
    if dated is not None:  # one occurrence: the rule's date comes back
        change = removing_instance(dated)
        result = apply_edit(session, file or user_file(), dated.name, change, "occurrence")
    else:
        ref = find_stage(session.catalog, path, [target_election])
        target = file or user_file()
        change = removing(ref, target)
        result = apply_edit(session, target, f"{target_election.id}/{ref.path}", change)
    tell(result)
    return render(result, output(json))
