"""`tahapan publish DIR`: what a site an office serves shows (render/site_files.py makes its files),
so that phones subscribe to the schedule and other tahapan installations follow it.

- ``ics/semua.ics``, ``ics/ELECTION.ics`` and ``ics/wilayah/REGION.ics`` (every region: national
  stages, its province's, its own, re-votes scoped to it): subscribed calendars, polled every 12
  hours, each event with the SEQUENCE and LAST-MODIFIED of reports/versions.py;
- ``stages.toml`` (the merged schedule with its revision) and, signed, ``stages.toml.minisig``;
- ``perubahan.atom``: the documented changes, for feed readers; ``data.json``: the board's data;
- ``index.html``: the status board, with every feed's subscribe link and QR code.

"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

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
    #: the revision of the file each election came from: when an undated change was published
    election_revisions: dict[str, date | None] = field(default_factory=dict)

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
