"""The files of a published site (`tahapan publish DIR`), path -> bytes, from the schedules.

Each event is serialised once and shared by every feed that holds it: 552 region feeds cost one
pass over the stages, not 552.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tahapan.i18n import pick, tr
from tahapan.model import Election, Region
from tahapan.reports.publish import ALL_FEED, Board, Feed, documented, schedule_file
from tahapan.reports.status import StatusReport


@dataclass
class Site:
    """The files of DIR (path -> bytes) and the board they were made from."""

    files: dict[str, bytes]
    board: Board


def build_site(
    loaded: Any,
    chosen: Sequence[Election],
    regions: Sequence[Region],
    *,
    status: StatusReport,
    base_url: str | None,
    alarm_days: Sequence[int],
    stamp: datetime,
    versions: dict[tuple[str, str], tuple[int, datetime]],
    revision: tuple[date | None, str | None],
    election_revisions: dict[str, date | None] | None = None,
    sign: Any = None,
    max_days: int | None = None,
) -> Site:
    """Every file of the site. ``loaded`` is the catalog the elections come from (for scoping to
    each region); ``sign`` a signature.SecretKey for stages.toml.minisig; ``max_days``: stages
    longer are left out of the calendars (not of stages.toml, which is the schedule whole)."""
    from tahapan.render.calendar_ics import calendar_text, event_text
    from tahapan.reports.export import left_out
    from tahapan.schedule.regions import scope

    events: dict[tuple[str, str], str] = {}

    def texts(elections: Sequence[Election]) -> list[str]:
        out = []
        for election in elections:
            for path, stage in election.walk():
                if not stage.held or left_out(stage, max_days):
                    continue
                key = (election.id, path)
                if key not in events:
                    events[key] = event_text(
                        election, path, stage, stamp=stamp, alarm_days=alarm_days, versions=versions
                    )
                out.append(events[key])
        return out

    files: dict[str, bytes] = {}
    feeds: list[Feed] = []

    def add(feed: Feed, body: list[str], description: str) -> None:
        name = pick(feed.name, feed.name_en)
        if feed.kind != "all":  # how a phone lists it beside the officer's other calendars
            name = tr(f"Tahapan — {name}", f"Stages — {name}")
        text = calendar_text(body, name=name, description=description, refresh=True)
        if feed.path in files:
            from tahapan.errors import TahapanError

            raise TahapanError(
                tr(
                    f"id {feed.id!r} dipakai dua kalender ({feed.path}); ganti id pemilu itu",
                    f"the id {feed.id!r} names two calendars ({feed.path}); rename that election",
                )
            )
        files[feed.path] = text.encode("utf-8")
        feeds.append(feed)

    everything = texts(chosen)
    add(
        Feed(
            "all", ALL_FEED, "Semua tahapan", "All stages", f"ics/{ALL_FEED}.ics", len(everything)
        ),
        everything,
        tr(
            "Semua tahapan pemilu dan pemilihan yang diterbitkan kantor ini",
            "Every election stage this office publishes",
        ),
    )
    today = status.date
    # the elections still ahead first, soonest first (those with no voting day yet after them);
    # then the past ones, latest first
    ahead = sorted(
        (e for e in chosen if e.voting_day is None or e.voting_day >= today),
        key=lambda e: (e.voting_day is None, e.voting_day or today),
    )
    past = sorted(
        (e for e in chosen if e.voting_day is not None and e.voting_day < today),
        key=lambda e: e.voting_day or today,
        reverse=True,
    )
    for election in [*ahead, *past]:
        body = texts([election])
        if not body:  # Pemilu 2029 before its stages: RFC 5545 wants an event in a calendar
            continue
        add(
            Feed(
                "election",
                election.id,
                election.name,
                election.name_en or election.name,
                f"ics/{election.id}.ics",
                len(body),
            ),
            body,
            tr(f"Tahapan {election.name}", f"Stages of {election.name_en or election.name}")
            + f" ({election.basis})",
        )
    narrowed = loaded.with_elections(chosen)
    by_id = {r.id: r for r in regions}
    for region in regions:
        seen = scope(narrowed, region)
        body = texts(seen.elections)
        province = by_id.get(region.parent) if region.parent else None
        add(
            Feed(
                "region",
                region.id,
                region.name,
                region.name_en or region.name,
                f"ics/wilayah/{region.id}.ics",
                len(body),
                province.id if province else None,
                province.name if province else None,
            ),
            body,
            tr(
                f"Tahapan yang diikuti di {region.name}: nasional, provinsi, dan daerah sendiri",
                f"Stages to follow in {region.name}: national, the province's and its own",
            ),
        )
    board = Board(status, feeds, base_url, revision[0], revision[1], documented(chosen))
    board.election_revisions = election_revisions or {}
    # whole elections, whatever -r or --year narrowed the feeds to: an installed update replaces
    # the elections it holds, so a part of one would delete the rest elsewhere
    wanted = {e.id for e in chosen}
    whole = [e for e in loaded.elections if e.id in wanted]
    files["stages.toml"] = schedule_file(whole, loaded.regions, revision).encode("utf-8")
    if sign is not None:
        from tahapan.signing import sign as make_signature

        comment = f"tahapan publish; revisi {revision[0] or '-'}; file:stages.toml"
        files["stages.toml.minisig"] = make_signature(
            files["stages.toml"], sign, trusted_comment=comment
        )
    from tahapan.render import JSON_SCHEMA
    from tahapan.render.atom import atom_text
    from tahapan.render.board_html import board_html

    files["perubahan.atom"] = atom_text(board).encode("utf-8")
    files["data.json"] = (
        json.dumps({"schema": JSON_SCHEMA, **board.payload()}, ensure_ascii=False, indent=2) + "\n"
    ).encode("utf-8")
    files["index.html"] = board_html(board).encode("utf-8")
    return Site(files, board)
