"""Options shared by every command, and turning them into a loaded catalog and a date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tahapan.cli import complete
from tahapan.cli.help import h
from tahapan.config import data_files, load_config
from tahapan.days.dates import clock_zone, h_offset, parse_date, today
from tahapan.errors import DataError, DateError, TahapanError, UnknownNameError
from tahapan.i18n import set_language, tr
from tahapan.model import Election, Region
from tahapan.records import FrozenRecord
from tahapan.render.notes import be_quiet
from tahapan.schedule.catalog import Catalog
from tahapan.schedule.load import load_catalog
from tahapan.schedule.regions import scope
from tahapan.schedule.select import pick_elections


class LangChoice(StrEnum):
    id = "id"
    en = "en"


DataOpt = Annotated[
    # read as text: an empty --data "" would otherwise arrive as Path("."), the current folder
    list[str] | None,
    typer.Option(
        "--data",
        metavar="FILE",
        help=h(
            "opt.data",
            "Further schedule file (TOML) merged over the shipped data; repeatable. "
            "Env: TAHAPAN_DATA (files separated by ':').",
        ),
        show_default=False,
    ),
]
RegionOpt = Annotated[
    str | None,
    typer.Option(
        "--region",
        "-r",
        metavar="REGION",
        envvar="TAHAPAN_REGION",
        autocompletion=complete.regions,
        help=h(
            "opt.region",
            "Province, regency or city by Kemendagri code, id, name or alias (35.71, "
            '"Kota Kediri", Tangsel, Jatim): national stages, its province\'s and its own, in its '
            "time zone. `tahapan regions TEXT` searches them.",
        ),
        show_default=False,
    ),
]
ElectionOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--election",
        "-e",
        metavar="ID",
        envvar="TAHAPAN_ELECTION",
        autocompletion=complete.elections,
        help=h(
            "opt.election",
            "Election id, e.g. pemilu-2024; repeatable. Default: the elections with a stage near the date.",
        ),
        show_default=False,
    ),
]
OnOpt = Annotated[
    str | None,
    typer.Option(
        "--on",
        metavar="DATE",
        help=h(
            "opt.on",
            'Date to look at: 2023-11-29, 29/11/2023, "29 November 2023", besok, H-3 ... Default: today.',
        ),
        show_default=False,
    ),
]
TzOpt = Annotated[
    str | None,
    typer.Option(
        "--tz",
        metavar="ZONE",
        envvar="TAHAPAN_TZ",
        help=h(
            "opt.tz",
            "Time zone that decides 'today': WIB, WITA, WIT or an IANA name. Default: the "
            "config's, the region's, the machine's when Indonesian, else Asia/Jakarta.",
        ),
        show_default=False,
    ),
]
LangOpt = Annotated[
    LangChoice | None,
    typer.Option(
        "--lang",
        envvar="TAHAPAN_LANG",
        help=h("opt.lang", "Output language: id (Indonesian, the default) or en (English)."),
        show_default=False,
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help=h(
            "opt.output",
            "Write to FILE (atomically; an existing FILE is kept as FILE.bak). Default: stdout.",
        ),
        show_default=False,
    ),
]


QuietOpt = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        callback=be_quiet,
        help=h(
            "opt.quiet",
            "Print nothing but errors, as grep -q (no answer, no notes, no warnings); the exit "
            "code answers. JSON and files (-o, -f ics...) are still written.",
        ),
    ),
]
MonthOpt = Annotated[
    str | None,
    typer.Option(
        "--month",
        metavar="YYYY-MM",
        help=h("opt.month", "One month, e.g. 2024-11."),
        show_default=False,
    ),
]
YearOpt = Annotated[
    int | None,
    typer.Option(
        "--year",
        metavar="YYYY",
        help=h("opt.year", "The twelve months of a year."),
        show_default=False,
    ),
]
FromOpt = Annotated[
    str | None,
    typer.Option(
        "--from",
        metavar="DATE",
        help=h("opt.from", "First day (its whole month is shown)."),
        show_default=False,
    ),
]
ToOpt = Annotated[
    str | None,
    typer.Option(
        "--to",
        metavar="DATE",
        help=h("opt.to", "Last day (its whole month is shown)."),
        show_default=False,
    ),
]
AlarmOpt = Annotated[
    list[int] | None,
    typer.Option(
        "--alarm",
        metavar="DAYS",
        min=0,
        max=365,
        help=h(
            "opt.alarm",
            "ics: reminders DAYS before each stage's first day and before its last day, at 08:00 (repeatable).",
        ),
        show_default=False,
    ),
]
JsonOpt = Annotated[
    bool,
    typer.Option(
        "--json", help=h("opt.json", "Print JSON (schema 1) instead of the terminal view.")
    ),
]


@dataclass(frozen=True, repr=False, eq=False)
class Session(FrozenRecord):
    """The resolved common options of one command run."""

    catalog: Catalog
    zone: str
    today: date
    elections: tuple[str, ...]
    region: Region | None = None
    #: everything loaded, before --region narrowed it (local holidays included)
    loaded: Catalog | None = None
    #: the schedule files read over the shipped ones, in merge order
    files: tuple[Path, ...] = ()


def open_session(
    *,
    data: list[str] | list[Path] | None,
    lang: LangChoice | None,
    tz: str | None,
    elections: list[str] | None,
    region: str | None = None,
    provenance: bool = False,
) -> Session:
    """Resolve the common options: option or environment (Typer reads both) > config file > default.

    "Today" is the date in `days.dates.clock_zone`'s zone: --tz (or TAHAPAN_TZ), the config's tz,
    the region's zone, the machine's own when Indonesian, else Asia/Jakarta.
    """
    if lang is not None:
        set_language(lang.value)  # first, so that a broken config file is reported in that language
    config = load_config()
    if lang is None:
        set_language(config.get("lang", "id"))
    if data and any(not str(d).strip() for d in data):
        raise TahapanError(
            tr("--data kosong: beri nama berkas TOML", "--data is empty: give a TOML file name"),
        )
    files = data_files(config, [Path(d) for d in data or []])
    try:
        catalog = load_catalog(files, provenance=provenance)
    except DataError as err:
        named = [p for p in config.get("data", []) if any(p in line for line in err.problems)]
        if named and err.hint is None:
            err.hint = _from_config("data")
        from tahapan.folders import updates_path

        if err.hint is None and any(str(updates_path()) in line for line in err.problems):
            err.hint = tr(
                "Berkas itu pembaruan yang dipasang `tahapan data update`; cabut dengan `tahapan "
                "data rollback`, atau pasang revisi yang benar dengan `tahapan data update SUMBER "
                "--force`.",
                "That file is an update `tahapan data update` installed; withdraw it with "
                "`tahapan data rollback`, or install a correct revision with `tahapan data update "
                "SOURCE --force`.",
            )
        raise
    chosen_region = None
    # --region "" asks for no region, whatever the config says
    region_text = region if region is not None else config.get("region")
    if region_text:
        from tahapan.schedule.region_lookup import find_region  # only when a region is named

        try:
            chosen_region = find_region(catalog.regions, region_text)
        except UnknownNameError as err:
            if region is None:
                err.hint = _from_config("region")
            raise
    loaded = catalog
    catalog = scope(catalog, chosen_region)
    from tahapan.folders import WINDOWS

    zone = clock_zone(tz, config.get("tz"), chosen_region, windows=WINDOWS)
    ids = election_ids(elections if elections else config.get("election", []))
    try:
        pick_elections(catalog, ids)  # unknown ids fail here, before any date arithmetic
    except UnknownNameError as err:
        if not elections:
            err.hint = _from_config("election")
        raise
    return Session(catalog, zone, today(zone), ids, chosen_region, loaded, tuple(files))


def election_ids(values: list[str]) -> tuple[str, ...]:
    """The ids of `-e a,b -e c` or of the config's election key: commas or spaces between them."""
    return tuple(part for item in values for part in item.replace(",", " ").split())


def _from_config(key: str) -> str:
    """The hint of an error a config value caused: which file and key, and how to change it."""
    from tahapan.config import config_path

    return tr(
        f"Nilai ini dari pengaturan {config_path()} (kunci {key}); ubah dengan "
        f"`tahapan config set {key} ...` atau hapus dengan `tahapan config unset {key}`.",
        f"This value comes from the config {config_path()} (key {key}); change it with "
        f"`tahapan config set {key} ...` or remove it with `tahapan config unset {key}`.",
    )


def resolve_on(session: Session, text: str | None) -> date:
    if text is None:
        return session.today
    if not text.strip():
        raise DateError(tr("--on kosong", "--on is empty"))
    chosen = pick_elections(session.catalog, session.elections) if session.elections else []
    return read_date(text, session.today, chosen)


def read_date(text: str, today: date, chosen: list[Election]) -> date:
    """A date as ``parse_date`` reads it, H counted from the one election chosen; H of an election
    whose voting day is not set is refused with its name."""
    one = chosen[0] if len(chosen) == 1 else None
    if one is not None and one.kind == "programme" and h_offset(text) is not None:
        raise DateError(
            tr(
                f"{text!r}: {one.id} adalah program berkelanjutan tanpa hari pemungutan suara, "
                "jadi tidak ada H",
                f"{text!r}: {one.id} is a continuous programme with no voting day, so it has no H",
            ),
            hint=tr("Tulis tanggalnya, mis. 2026-12-16.", "Write the date, e.g. 2026-12-16."),
        )
    if one is not None and one.voting_day is None and h_offset(text) is not None:
        raise DateError(
            tr(
                f"{text!r}: hari pemungutan suara {one.id} belum ditetapkan, jadi H tidak dapat "
                "dihitung",
                f"{text!r}: {one.id} has no voting day yet, so H cannot be counted",
            ),
            hint=tr(
                f"Tulis tanggalnya, atau isi hari pemungutan suara: tahapan election set-voting-day "
                f"{one.id} TANGGAL.",
                f"Write the date, or set voting day: tahapan election set-voting-day {one.id} DATE.",
            ),
        )
    return parse_date(text, today=today, voting_day=one.voting_day if one else None)
