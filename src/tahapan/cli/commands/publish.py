"""`tahapan publish DIR`: a static site of subscribable calendars, a status board and the schedule
itself, for any web server; safe to run from cron beside it."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tahapan.cli.help import h, helped
from tahapan.cli.options import (
    AlarmOpt,
    DataOpt,
    LangOpt,
    OnOpt,
    QuietOpt,
    RegionOpt,
    TzOpt,
    open_session,
    resolve_on,
)
from tahapan.errors import TahapanError
from tahapan.i18n import format_date, tr

if TYPE_CHECKING:
    from tahapan.cli.options import Session

#: the choice a site remembers for its next publish (in its marker file)
MAX_DAYS = "max-days"

#: the password of an encrypted minisign secret key (--sign): never on the command line
PASSWORD_VARIABLE = "TAHAPAN_SIGN_PASSWORD"
#: the one file `publish --cases` adds: the cases' deadlines, private
CASES_FILE = "kasus.ics"


@helped("publish")
def command(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="DIR",
            help=h(
                "publish.DIR", "The site's folder: missing, empty, or made by an earlier publish."
            ),
            show_default=False,
        ),
    ],
    url: Annotated[
        str | None,
        typer.Option(
            "--url",
            metavar="BASE",
            help=h(
                "publish.url",
                "The public address of DIR (https://...), needed for the webcal:// addresses and "
                "QR codes phones subscribe with. Without it, links are relative and there are no QR codes.",
            ),
            show_default=False,
        ),
    ] = None,
    sign: Annotated[
        Path | None,
        typer.Option(
            "--sign",
            metavar="KEY",
            help=h(
                "publish.sign",
                "minisign secret key: also write stages.toml.minisig (an encrypted key's "
                "password from TAHAPAN_SIGN_PASSWORD).",
            ),
            show_default=False,
        ),
    ] = None,
    alarm: AlarmOpt = None,
    max_days: Annotated[
        int | None,
        typer.Option(
            "--max-days",
            metavar="DAYS",
            min=0,
            help=h(
                "publish.max-days",
                "Leave stages longer than DAYS days (multi-year background stages such as "
                "planning) out of the calendars, so that they do not cover a phone calendar. DIR "
                "remembers it: later publishes do the same until --max-days 0 puts them back.",
            ),
            show_default=False,
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            metavar="YYYY",
            help=h("publish.year", "Publish only the stages of this year."),
            show_default=False,
        ),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="DATE",
            help=h("publish.from", "Publish only the stages from this date's month on."),
            show_default=False,
        ),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option(
            "--to",
            metavar="DATE",
            help=h("publish.to", "Publish only the stages up to this date's month."),
            show_default=False,
        ),
    ] = None,
    election: Annotated[
        list[str] | None,
        typer.Option(
            "--election",
            "-e",
            metavar="ID",
            envvar="TAHAPAN_ELECTION",
            help=h(
                "publish.election",
                "Publish only this election; repeatable. Default: every loaded election.",
            ),
            show_default=False,
        ),
    ] = None,
    cases: Annotated[
        bool,
        typer.Option(
            "--cases",
            help=h(
                "publish.cases",
                "Also write kasus.ics: your open cases' deadlines (`tahapan kasus`), readable by "
                "you alone. It is private: do not serve it publicly. Nothing else in DIR names a case.",
            ),
        ),
    ] = False,
    region: RegionOpt = None,
    on: OnOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    quiet: QuietOpt = False,
    data: DataOpt = None,
) -> None:
    """Publish the schedules as a static site: calendars to subscribe to, a status board, the
    schedule file and its changes."""
    from tahapan.days import months
    from tahapan.days.dates import now
    from tahapan.days.months import within
    from tahapan.render.site_files import build_site
    from tahapan.reports.status import build_status
    from tahapan.reports.versions import current_versions, election_revisions
    from tahapan.schedule.select import pick_elections
    from tahapan.site import publish_tree, remembered

    base = _base_url(url)
    key = _secret_key(sign) if sign is not None else None
    # a subscribed calendar keeps one content whoever runs publish: cron's choice holds for a
    # publish by hand too, until it is changed
    kept = remembered(folder).get(MAX_DAYS)
    if max_days is None and kept is not None and kept.isdigit():
        from tahapan.cli.streams import say

        max_days = int(kept)
        say(
            tr(
                f"--max-days {kept} seperti terbitan sebelumnya ke {folder} (--max-days 0 memuat "
                "lagi semua tahapan)",
                f"--max-days {kept} as the previous publish into {folder} (--max-days 0 puts "
                "every stage back)",
            )
        )
    limit = max_days or None
    session = open_session(data=data, lang=lang, tz=tz, elections=election, region=region)
    today = resolve_on(session, on)
    catalog = session.catalog
    chosen = (
        pick_elections(catalog, session.elections) if session.elections else list(catalog.elections)
    )
    asked = months.requested_range(None, year, start, end, today)
    if asked is not None:
        chosen = [within(e, *asked) for e in chosen]
    loaded = session.loaded or catalog
    regions = [session.region] if session.region else list(loaded.regions)
    status = build_status(
        catalog,
        on=today,
        timezone=session.zone,
        election_ids=session.elections,
        region=session.region,
    )
    stamp = now("UTC")
    versions = current_versions(loaded, chosen, stamp)  # records what changed in the files first
    site = build_site(
        loaded,
        chosen,
        regions,
        status=status,
        base_url=base,
        alarm_days=tuple(alarm or ()),
        stamp=stamp,
        versions=versions,
        revision=_revision(session.files, {e.id for e in chosen}),
        election_revisions=election_revisions(loaded, chosen),
        sign=key,
        max_days=limit,
    )
    if not any(feed.events for feed in site.board.feeds):
        # a typo in a cron line (--year 1900) must not empty every subscriber's calendar
        raise TahapanError(
            tr(
                "tidak ada tahapan untuk diterbitkan dengan pilihan ini; situs tidak diubah",
                "no stage to publish with these choices; the site was not changed",
            ),
            hint=tr(
                "Periksa -e, -r, --year, --from dan --to.", "Check -e, -r, --year, --from and --to."
            ),
        )
    if limit is not None:
        from tahapan.cli.commands.calendar import say_left_out

        say_left_out(chosen, limit)
    private: frozenset[str] = frozenset()
    if cases:
        private = _add_cases(session, today, site.files, tuple(alarm or ()))
    done = publish_tree(folder, site.files, {MAX_DAYS: str(limit)} if limit else {}, private)
    from tahapan.cli.streams import say

    say(
        tr(
            f"{folder}: {done.written} berkas ditulis, {done.kept} tetap, {done.removed} dihapus "
            f"({len(site.board.feeds)} kalender)",
            f"{folder}: {done.written} files written, {done.kept} unchanged, {done.removed} "
            f"removed ({len(site.board.feeds)} calendars)",
        )
    )
    if private:
        say(
            tr(
                f"{folder / CASES_FILE}: tenggat kasus, PRIBADI (hanya dapat dibaca pemiliknya); "
                "jangan letakkan di server umum",
                f"{folder / CASES_FILE}: case deadlines, PRIVATE (readable by its owner alone); "
                "do not put it on a public server",
            )
        )


def _add_cases(
    session: Session, day: date, files: dict[str, bytes], alarm_days: tuple[int, ...]
) -> frozenset[str]:
    """`--cases`: the open cases' deadlines as one more file, the only one that names a case; none
    when the user keeps no cases file (said on stderr)."""
    from tahapan.cli.commands.calendar import open_case_pins
    from tahapan.render.calendar_ics import calendar_text, pin_events

    pins = open_case_pins(session, day)
    if pins is None:
        return frozenset()
    text = calendar_text(
        pin_events(pins, alarm_days=alarm_days),
        name=tr("Tenggat kasus (pribadi)", "Case deadlines (private)"),
        description=tr(
            "Tenggat kasus yang masih terbuka, dari berkas kasus tahapan; pribadi",
            "The open cases' deadlines, from tahapan's cases file; private",
        ),
        refresh=True,
    )
    files[CASES_FILE] = text.encode("utf-8")
    return frozenset({CASES_FILE})


def _base_url(url: str | None) -> str | None:
    """The public address, as links and QR codes will carry it: http(s), a host, a path; no
    user:password (it would be published), query or fragment (links are made by appending)."""
    if url is None:
        return None
    import re
    from urllib.parse import urlsplit, urlunsplit

    text = url.strip()
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        parts, host, port = None, "", None
    wrong = (
        parts is None
        or parts.scheme.lower() not in ("http", "https")
        or not host
        or "@" in parts.netloc
        or parts.query
        or parts.fragment
        or re.search(r"[\s\"<>\\^`{|}\x00-\x1f\x7f]", text)
    )
    if wrong or parts is None:
        raise TahapanError(
            tr(f"--url bukan alamat http(s): {url!r}", f"--url is not an http(s) address: {url!r}"),
            hint=tr(
                "Alamat folder situs tanpa nama pengguna, ? atau #, mis. --url "
                "https://kpu-kab.example.go.id/jadwal",
                "The site folder's address without a user name, ? or #, e.g. --url "
                "https://kpu.example.org/schedule",
            ),
        )
    try:
        ascii_host = host.encode("idna").decode("ascii")  # a QR code carries what phones resolve
    except UnicodeError:
        ascii_host = host
    netloc = ascii_host + (f":{port}" if port else "")
    return urlunsplit((parts.scheme.lower(), netloc, parts.path.rstrip("/"), "", ""))


def _secret_key(path: Path) -> object:
    from tahapan.signing import read_secret_key

    return read_secret_key(path, os.environ.get(PASSWORD_VARIABLE) or None)


def _revision(files: tuple[Path, ...], elections: set[str]) -> tuple[date | None, str | None]:
    """What the published stages.toml declares, so that another tahapan orders it: the newest
    revision among the schedule files in use, or the day this office's history last saw these
    elections change, if later (an office's own edits carry no revision of their own, and an update
    older than the shipped data is set aside by the tahapan that installs it)."""
    from tahapan.history import History
    from tahapan.reports.changes import file_source
    from tahapan.schedule.catalog import shipped_paths

    best: tuple[date | None, str | None] = (None, None)
    for path in [*shipped_paths(), *files]:
        try:
            source = file_source(path)
        except TahapanError:
            continue
        if source.revision and (best[0] is None or source.revision > best[0]):
            best = (source.revision, source.revision_note)
    history = History.open()
    seen = [r.at[:10] for r in history.all() if r.change.election in elections] if history else []
    if seen:
        last = date.fromisoformat(max(seen))
        if best[0] is None or last > best[0]:
            base = f"revisi {best[0]}" if best[0] else "tanpa revisi"
            note = tr(
                f"jadwal resmi {base}, dengan perubahan kantor ini sampai {format_date(last)}",
                f"official schedule {base.replace('revisi', 'revision').replace('tanpa revisi', 'without revision')}, "
                f"with this office's changes up to {last}",
            )
            best = (last, note)
    return best
