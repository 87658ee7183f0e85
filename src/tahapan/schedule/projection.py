"""A new election's tables for the user's file (`tahapan election add`): planned from a template
election, or started with its voting day alone.

A template's held stages are copied with their dates written as H-rules (``start = { h = -78 }``)
from the new voting day, so that the campaign of Pemilu 2029 lies where Pemilu 2024's lay relative to
its voting day. Such stages are marked ``projected``: their dates come from a pattern, not from a
regulation, and every view says so until `stage set` gives them dates with their own basis and
confidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from tahapan.errors import TahapanError
from tahapan.i18n import Words, format_date
from tahapan.model import VOTING_STAGES, Election, Stage
from tahapan.schedule.editing import Tables, make_table, mark_sourced, refuse
from tahapan.schedule.fields import DEFAULTS, NOT_PROJECTED, STAGE_FIELDS

if TYPE_CHECKING:
    from tahapan.schedule.catalog import Catalog
    from tahapan.schedule.legal import LegalWarning


def projected_basis(like: Election, basis: str | None = None) -> str:
    """The basis a projection cites: the template, and what the template's date rested on. Data
    text is Indonesian, as the shipped bases are."""
    if basis is None:
        return f"Proyeksi dari {like.id}; tanggal resmi menunggu undang-undang dan PKPU"
    # a projection of a projection cites the source once, not "Proyeksi dari A: Proyeksi dari B: …"
    while basis.startswith("Proyeksi dari ") and ": " in basis:
        basis = basis.partition(": ")[2]
    return f"Proyeksi dari {like.id}: {basis}"


def new_election(
    catalog: Catalog,
    ident: str,
    *,
    name: str | None,
    name_en: str | None,
    voting_day: date,
    like: str | None,
    regions: Sequence[str],
    timezone: str | None,
    basis: str | None,
    confidence: str | None,
) -> Tables:
    """The table of a new election for the user's file, checked against everything loaded: a valid
    id no election has, a template that is loaded, regions that each name one region (stored as
    ids), and a zone: the one given, else the regions' own when they share one, else the
    template's."""
    from tahapan.model import is_valid_id
    from tahapan.schedule.region_lookup import find_region
    from tahapan.schedule.select import pick_elections

    if not is_valid_id(ident):
        raise refuse(
            f"id pemilu {ident!r} tidak sah: huruf kecil, angka dan tanda hubung",
            f"election id {ident!r} is not valid: lower-case letters, digits and hyphens",
            (
                "Contoh: pemilu-2029, psu-2029-kota-kediri.",
                "E.g. pemilu-2029, psu-2029-kota-kediri.",
            ),
        )
    ids = tuple(dict.fromkeys(find_region(catalog.regions, r).id for r in regions))
    dateless = next((e for e in catalog.elections if e.id == ident and e.voting_day is None), None)
    if dateless is not None:
        return _complete(catalog, dateless, voting_day, like, basis, confidence, ids)
    if ident in catalog.ids():
        raise refuse(
            f"pemilu {ident} sudah ada",
            f"election {ident} already exists",
            (
                "Ubah tahapannya dengan `tahapan stage set`, hari pemungutan suaranya dengan "
                "`tahapan election set-voting-day`, atau pilih id lain.",
                "Change its stages with `tahapan stage set`, its voting day with `tahapan "
                "election set-voting-day`, or choose another id.",
            ),
        )
    if not name:
        raise refuse(
            "pemilu baru perlu --name",
            "a new election needs --name",
            ('Contoh: --name "Pemilu 2029".', 'E.g. --name "Pemilu 2029".'),
        )
    template = pick_elections(catalog, [like])[0] if like else None
    if timezone is None and ids:
        zones = {r.timezone for r in catalog.regions if r.id in ids}
        timezone = zones.pop() if len(zones) == 1 else None
    return election_tables(
        ident,
        name=name,
        name_en=name_en or name,
        voting_day=voting_day,
        like=template,
        regions=ids,
        timezone=timezone,
        basis=basis,
        confidence=confidence,
    )


def _complete(
    catalog: Catalog,
    election: Election,
    voting_day: date,
    like: str | None,
    basis: str | None,
    confidence: str | None,
    regions: tuple[str, ...] = (),
) -> Tables:
    """An election another file defines without a voting day (Pemilu 2029 before its PKPU),
    completed in the user's file: its voting day and, with ``like``, projected stages. Its name,
    basis and regions stay the defining file's."""
    from tahapan.schedule.select import pick_elections

    template = pick_elections(catalog, [like])[0] if like else None
    full = election_tables(
        election.id,
        name=election.name,
        name_en=election.name_en or election.name,
        voting_day=voting_day,
        like=template,
        regions=regions or election.regions,
        timezone=election.timezone,
        basis=basis,
        confidence=confidence,
    )
    kept = (
        "id",
        "voting_day",
        "projected",
        "holidays",
        "stages",
        *(("regions",) if regions else ()),
    )
    return {key: full[key] for key in kept if key in full}


def legal_warnings(
    catalog: Catalog, ident: str, like: str | None, voting_day: date
) -> list[LegalWarning]:
    """What UU 7/2017 says against an election projected from a national one (``like``), its
    own dated stages counted too (an office's meeting already in the file), and the holidays on
    and beside its voting day (see legal.py)."""
    from tahapan.schedule.legal import beside_a_holiday, conflicts, projected_windows
    from tahapan.schedule.select import pick_elections

    found: list[LegalWarning] = []
    template = pick_elections(catalog, [like])[0] if like else None
    if template is not None and not template.regions and template.voting_day is not None:
        windows = projected_windows(template, voting_day)
        mine = next((e for e in catalog.elections if e.id == ident), None)
        for _, stage in mine.walk() if mine is not None else ():
            if stage.id not in windows and stage.start_rule is None and stage.start is not None:
                windows[stage.id] = (stage.start, stage.end)
        found = conflicts(windows, voting_day)
    return found + beside_a_holiday(voting_day)


def can_set_voting_day(election: Election, *, sourced: bool = False) -> None:
    """Refused: a programme, which has no voting day, and an election whose voting-day stage has
    dates of its own (its source fixes the day: that stage is what changes), unless those dates
    are the office's assumption and the day now comes with its source (``sourced``)."""
    if election.kind == "programme":
        raise refuse(
            f"{election.id} adalah program berkelanjutan, tanpa hari pemungutan suara",
            f"{election.id} is a continuous programme, with no voting day",
            None,
        )
    if sourced and election.projected:
        return
    for path, stage in election.walk():
        if path in VOTING_STAGES and stage.start_rule is None and stage.end_rule is None:
            raise refuse(
                f"hari pemungutan suara {election.id} adalah tahapan {path} ({stage.end}; "
                f"{stage.basis})",
                f"the voting day of {election.id} is its stage {path} ({stage.end}; {stage.basis})",
                (
                    f"Ubah tahapan itu beserta dasar hukumnya: tahapan stage set {election.id}/{path} "
                    "--start TANGGAL --end TANGGAL --basis ... --confidence ...",
                    f"Change that stage with its basis: tahapan stage set {election.id}/{path} "
                    "--start DATE --end DATE --basis ... --confidence ...",
                ),
            )


def move_voting_day(table: Tables, day: date) -> None:
    """The election's table in the user's file with its voting day set to ``day``; the day off a
    projection wrote for the old voting day moves with it."""
    old = table.get("voting_day")
    table["voting_day"] = day
    for holiday in table.get("holidays", []):
        if old is not None and holiday.get("date") == old:
            holiday["date"] = day


def make_official(table: Tables, election: Election, basis: str, confidence: str) -> None:
    """The election's table with its voting day set by a source: no longer projected, so the
    stages the office dated become its own (those still copied stay projections), and the source
    kept on the voting-day stage, counted from H (made where the election has none)."""
    if table.get("projected") is True:
        del table["projected"]
    elif election.projected:  # another file projected it
        table["projected"] = False
    path = next((p for p, _ in election.walk() if p in VOTING_STAGES), VOTING_STAGES[0])
    voting = make_table(table, path)
    if not any(p == path for p, _ in election.walk()):
        voting.update(name="Pemungutan suara", name_en="Voting day")
    voting.update(start={"h": 0}, end={"h": 0}, basis=basis, confidence=confidence)
    stage = next((s for p, s in election.walk() if p == path), None)
    if stage is not None and stage.projected:
        mark_sourced(voting)


def election_tables(
    ident: str,
    *,
    name: str,
    name_en: str,
    voting_day: date,
    like: Election | None,
    regions: tuple[str, ...],
    timezone: str | None,
    basis: str | None,
    confidence: str | None,
) -> Tables:
    """The table of the new election, as `stage add` would write tables into the file."""
    if like is None:
        missing = [flag for flag, v in (("--basis", basis), ("--confidence", confidence)) if not v]
        if missing:
            raise TahapanError(
                Words(
                    f"pemilu tanpa --like perlu: {', '.join(missing)} (dasar hukum dan kepastian "
                    "hari pemungutan suaranya)",
                    f"an election without --like needs: {', '.join(missing)} (the legal basis and "
                    "confidence of its voting day)",
                ),
                hint=Words(
                    "Atau rencanakan dari pemilu lain: --like pemilu-2024 (tanggalnya proyeksi).",
                    "Or plan it from another election: --like pemilu-2024 (its dates are projected).",
                ),
            )
    if like is not None and like.voting_day is None:
        raise refuse(
            f"{like.id} belum memiliki hari pemungutan suara, jadi tahapannya tidak dapat dihitung dari H",
            f"{like.id} has no voting day yet, so its stages cannot be counted from H",
            (
                "Pilih pemilu yang sudah berlangsung untuk --like, mis. pemilu-2024.",
                "Choose an election that took place for --like, e.g. pemilu-2024.",
            ),
        )
    table: Tables = {"id": ident, "name": name, "name_en": name_en, "voting_day": voting_day}
    if like is not None:  # the officer's planning date, until it is set with its basis
        table["projected"] = True
    zone = timezone or (like.timezone if like else None)
    if zone and zone != "Asia/Jakarta":
        table["timezone"] = zone
    if like is not None:
        table["basis"] = basis or projected_basis(like)
    else:
        table["basis"] = basis
    # regions named for the new election replace the template's, its stages' included: a Papua-only
    # campaign copied into a Kota Kediri re-vote would hide the campaign from Kediri
    own_regions = bool(regions)
    if like is not None and not own_regions:
        regions = like.regions
    if regions:
        table["regions"] = list(regions)
    if like is None:
        table["stages"] = [
            {
                "id": VOTING_STAGES[0],
                "name": "Pemungutan suara",
                "name_en": "Voting day",
                "start": voting_day,
                "end": voting_day,
                "basis": basis,
                "confidence": confidence,
            }
        ]
    else:
        stages = [_projected(s, like, keep_regions=not own_regions) for s in like.stages if s.held]
        if not stages:
            raise TahapanError(
                Words(
                    f"{like.id} tidak punya tahapan yang dilaksanakan untuk disalin",
                    f"{like.id} has no held stage to copy",
                ),
                hint=Words(
                    "Pilih pemilu lain untuk --like.", "Choose another election for --like."
                ),
            )
        _check_calendar(like, voting_day)
        table["stages"] = stages
        if not like.regions:
            # a national voting day is a day off by law (UU 7/2017 Art. 167(3)): working days
            # counted across it skip it, as they skipped 14 February 2024
            table["holidays"] = [
                {
                    "date": voting_day,
                    "name": "Hari pemungutan suara (hari yang diliburkan secara nasional, Pasal 167 ayat (3) UU 7/2017)",
                    "name_en": "Voting day (a holiday by UU 7/2017 art. 167(3))",
                }
            ]
    return table


def _check_calendar(like: Election, voting_day: date) -> None:
    """Every projected date must exist: a voting day near year 1 or 9999 leaves none to count to."""
    from datetime import timedelta

    from tahapan.errors import DateError

    days = [d for _, s in like.walk() for d in (s.start, s.end) if d is not None]
    assert like.voting_day is not None  # refused before, in election_tables
    try:
        for day in (min(days), max(days)):
            _ = voting_day + timedelta(days=(day - like.voting_day).days)
    except OverflowError:
        raise DateError(
            Words(
                f"hari pemungutan suara {format_date(voting_day, lang='id')} terlalu jauh: tahapan {like.id} tidak "
                "muat di kalender sebelum atau sesudahnya",
                f"voting day {voting_day} is too far out: the stages of {like.id} do not fit in the "
                "calendar before or after it",
            ),
            hint=Words(
                "Isi tanggal antara tahun 2 dan 9998.", "Give a date between the years 2 and 9998."
            ),
        ) from None


def _projected(stage: Stage, like: Election, *, keep_regions: bool) -> Tables:
    """A held stage of the template and its held sub-stages, dated by H from voting day, with every
    field the template's has but those schedule/fields.py leaves behind (its notes, among them)."""
    assert like.voting_day is not None  # refused before, in election_tables
    table: Tables = {}
    for name in STAGE_FIELDS:
        value: Any = True if name == "projected" else getattr(stage, name)
        if name in NOT_PROJECTED or value == DEFAULTS[name]:
            continue  # a default is left out, as the writer leaves it (an unknown start too)
        if name in ("start", "end"):
            table[name] = {"h": (value - like.voting_day).days}
        elif name == "basis":
            table[name] = projected_basis(like, value)
        elif name == "regions":
            if keep_regions:
                table[name] = list(value)
        elif name == "stages":
            children = [_projected(c, like, keep_regions=keep_regions) for c in value if c.held]
            if children:
                table[name] = children
        else:
            table[name] = list(value) if isinstance(value, tuple) else value
    return table
