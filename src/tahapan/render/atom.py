"""The documented changes of the published schedules as an Atom feed (RFC 4287), so that a moved
date reaches feed readers, chat bots and e-mail digests without tahapan.

Newest first; each entry's id is made from the change itself (its election, stage, old dates and
summary), so publishing again never makes a reader show an old change as new.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Any
from xml.sax import saxutils

from tahapan.i18n import format_range, language, pick, tr

if TYPE_CHECKING:
    from tahapan.reports.publish import Board

#: what XML 1.0 does not allow in a document (its Char production), however it is escaped
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    return saxutils.escape(_NOT_XML.sub("\ufffd", text))


def quoteattr(text: str) -> str:
    return saxutils.quoteattr(_NOT_XML.sub("\ufffd", text))


#: ids are tag URIs (RFC 4151) under a name that is no one's, as the events' UIDs are
TAG = "tag:tahapan.invalid,2024:perubahan"


def atom_text(board: Board) -> str:
    entries = sorted(
        (_entry(board, election, change) for election, change in board.changes),
        key=lambda entry: entry[0],
        reverse=True,
    )  # newest first by the date each entry says
    stamps = [stamp for stamp, _ in entries]
    base = _stamp(board.revision) if board.revision else None
    updated = max([*stamps, *([base] if base else [])], default=_stamp(board.status.date))
    title = tr("Perubahan jadwal tahapan pemilu", "Changes to the election timetables")
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{language()}">',
        f"  <title>{escape(title)}</title>",
        "  <subtitle>"
        + escape(
            tr(
                "Perubahan tanggal yang terdokumentasi, dengan dasar hukumnya",
                "Documented changes of dates, with their legal basis",
            )
        )
        + "</subtitle>",
        # one office's feed is not another's: its public address names it when there is one
        f"  <id>{escape(_link(board, 'perubahan.atom')) if board.base_url else TAG}</id>",
        f"  <updated>{_text(updated)}</updated>",
        f'  <link rel="alternate" href={quoteattr(_link(board, "index.html"))}/>',
    ]
    # relative without --url: readers resolve it against the address they fetched
    lines.append(f'  <link rel="self" href={quoteattr(_link(board, "perubahan.atom"))}/>')
    lines += [
        "  <author><name>tahapan</name></author>",
        '  <generator uri="https://pypi.org/project/tahapan/">tahapan</generator>',
    ]
    lines += [text for _, text in entries]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _entry(board: Board, election: Any, change: Any) -> tuple[datetime, str]:
    from tahapan.folders import hasher

    digest = hasher(8)
    digest.update(
        "\0".join(
            str(v)
            for v in (election.id, change.stage, change.old_start, change.old_end, change.summary)
        ).encode("utf-8")
    )
    # an undated change: when the file that records it was revised, not the site's newest revision
    published = board.election_revisions.get(election.id)
    when = _stamp(change.date or published or board.revision or board.status.date)
    summary = pick(change.summary, change.summary_en)
    body = [summary, tr("Dasar: ", "Basis: ") + change.basis]
    stage = _stage(election, change.stage)
    if stage is not None and (change.old_start or change.old_end):
        old_end = change.old_end or stage.end
        body.append(
            tr("Tanggal: ", "Dates: ")
            + f"{format_range(change.old_start, old_end)} → {format_range(stage.start, stage.end)}"
        )
    body.append(tr("Kepastian: ", "Confidence: ") + change.confidence)
    if change.date is None:
        body.append(
            tr(
                "Tanggal keputusan perubahan tidak disebut sumber.",
                "The sources do not give the day the change was decided.",
            )
        )
    name = pick(election.name, election.name_en)
    text = "\n".join(
        [
            "  <entry>",
            f"    <title>{escape(f'{name}: {summary}')}</title>",
            f"    <id>{TAG}/{election.id}/{digest.hexdigest()}</id>",
            f"    <updated>{_text(when)}</updated>",
            # the page for people, and the calendar that holds the change, for a calendar app
            f'    <link rel="alternate" type="text/html" href={quoteattr(_link(board, "index.html#perubahan"))}/>',
            f'    <link rel="related" type="text/calendar" href={quoteattr(_link(board, f"ics/{election.id}.ics"))}/>',
            f"    <category term={quoteattr(election.id)}/>",
            f'    <summary type="text">{escape(summary)}</summary>',
            f'    <content type="text">{escape(chr(10).join(body))}</content>',
            "  </entry>",
        ]
    )
    return when, text


def _stage(election: Any, ref: str | None) -> Any:
    if ref is None:
        return None
    return next((s for path, s in election.walk() if ref in (path, s.id)), None)


def _link(board: Board, path: str) -> str:
    return f"{board.base_url.rstrip('/')}/{path}" if board.base_url else path


def _stamp(day: date) -> datetime:
    return datetime.combine(day, time(), UTC)


def _text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
