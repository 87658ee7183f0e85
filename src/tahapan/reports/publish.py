"""`tahapan publish DIR`: the files of a site an office serves, so that phones subscribe to the
schedule and other tahapan installations follow it.

- ``ics/semua.ics``, ``ics/ELECTION.ics`` and ``ics/wilayah/REGION.ics`` (every region: national
  stages, its province's, its own, re-votes scoped to it): subscribed calendars, polled every 12
  hours, each event with the SEQUENCE and LAST-MODIFIED of reports/versions.py;
- ``stages.toml`` (the merged schedule with its revision) and, signed, ``stages.toml.minisig``;
- ``perubahan.atom``: the documented changes, for feed readers; ``data.json``: the board's data;
- ``index.html``: the status board, with every feed's subscribe link and QR code.

Each event is serialised once and shared by every feed that holds it: 552 region feeds cost one
pass over the stages, not 552.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from tahapan.i18n import pick, tr
from tahapan.model import Election, Region
from tahapan.reports.status import StatusReport

FeedKind = Literal["all", "election", "region"]
ALL_FEED = "semua"


@dataclass(frozen=True)
class Feed:
    kind: FeedKind
    #: "semua", an election id, or a region id
    id: str
    name: str
    name_en: str
    #: the file inside DIR ("ics/wilayah/kota-kediri.ics")
    path: str
    events: int
    #: region feeds: the province, to group them on the board
    province: str | None = None
    province_name: str | None = None


@dataclass
class Board:
    """What index.html and data.json show."""

    status: StatusReport
    feeds: list[Feed]
    #: the public address of DIR (https://...), or None: links are relative
    base_url: str | None = None
    revision: date | None = None
    revision_note: str | None = None
    #: documented changes, newest first: (election, change)
    changes: list[tuple[Election, Any]] = field(default_factory=list)

    def url(self, feed: Feed) -> str:
        return f"{self.base_url.rstrip('/')}/{feed.path}" if self.base_url else feed.path

    def webcal(self, feed: Feed) -> str | None:
        """The address a phone subscribes with (webcal://), when DIR's public address is known."""
        if not self.base_url:
            return None
        return "webcal://" + self.url(feed).split("://", 1)[1]

    def payload(self) -> dict[str, Any]:
        return {
            "date": self.status.date.isoformat(),
            "timezone": self.status.timezone,
            "revision": self.revision.isoformat() if self.revision else None,
            "revision_note": self.revision_note,
            "status": self.status.payload(),
            "feeds": [
                {
                    "kind": f.kind,
                    "id": f.id,
                    "name": f.name,
                    "name_en": f.name_en,
                    "path": f.path,
                    "url": self.url(f),
                    "webcal": self.webcal(f),
                    "events": f.events,
                    "province": f.province,
                }
                for f in self.feeds
            ],
        }


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
    sign: Any = None,
) -> Site:
    """Every file of the site. ``loaded`` is the catalog the elections come from (for scoping to
    each region); ``sign`` a signature.SecretKey for stages.toml.minisig."""
    from tahapan.render.calendar_ics import calendar_text, event_text
    from tahapan.schedule.regions import scope

    events: dict[tuple[str, str], str] = {}

    def texts(elections: Sequence[Election]) -> list[str]:
        out = []
        for election in elections:
            for path, stage in election.walk():
                if not stage.held:
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
    for election in chosen:
        body = texts([election])
        add(
            Feed(
                "election",
                election.id,
                election.name,
                election.name_en,
                f"ics/{election.id}.ics",
                len(body),
            ),
            body,
            tr(f"Tahapan {election.name}", f"Stages of {election.name_en}")
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
    files["stages.toml"] = schedule_file(chosen, loaded.regions, revision).encode("utf-8")
    if sign is not None:
        from tahapan.signing import sign as make_signature

        comment = f"tahapan publish; revisi {revision[0] or '-'}; file:stages.toml"
        files["stages.toml.minisig"] = make_signature(
            files["stages.toml"], sign, trusted_comment=comment
        )
    from tahapan.render.atom import atom_text
    from tahapan.render.board_html import board_html

    files["perubahan.atom"] = atom_text(board).encode("utf-8")
    files["data.json"] = (
        json.dumps({"schema": 1, **board.payload()}, ensure_ascii=False, indent=2) + "\n"
    ).encode("utf-8")
    files["index.html"] = board_html(board).encode("utf-8")
    return Site(files, board)


def documented(elections: Sequence[Election]) -> list[tuple[Election, Any]]:
    """Every documented change of these elections, newest first (an undated one after the dated)."""
    found = [(e, c) for e in elections for c in e.changes]
    return sorted(found, key=lambda ec: (ec[1].date or date.min, ec[0].id), reverse=True)


def schedule_file(
    elections: Sequence[Election],
    regions: Sequence[Region],
    revision: tuple[date | None, str | None],
) -> str:
    """The merged schedule as one file another tahapan installs with `data update`: its revision
    on top, the regions its elections name, then the elections."""
    from tahapan.reports.export import regions_used
    from tahapan.schedule.writer import schedule_text

    used = regions_used(regions, elections)
    text = schedule_text(elections, used)
    head = ["schema = 1"]
    if revision[0]:
        head.append(f"revision = {revision[0].isoformat()}")
    if revision[1]:
        head.append("revision_note = " + json.dumps(revision[1], ensure_ascii=False))
    comment = (
        "# Diterbitkan dengan `tahapan publish`; pasang dengan `tahapan data update ALAMAT`.\n"
    )
    return comment + text.replace("schema = 1", "\n".join(head), 1)
