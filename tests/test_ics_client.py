"""The .ics file in real calendar clients: import it, change a stage, export and import again, and
the client holds the event once, with the new dates (an update, not a copy).

Two clients from the test extras, each run as a subprocess with its own configuration in tmp_path:

- khal (`khal import --batch`): it matches an event by UID and overwrites it without looking at
  SEQUENCE (khal's import help and controllers.import_event; it takes an older file back just the
  same). So the SEQUENCE and LAST-MODIFIED that clients which do compare them rely on are checked
  in the files themselves, with vobject and icalendar, and in the copy khal stored.
- vdirsyncer syncing the exported file (a `singlefile` storage) into a Radicale CalDAV server on
  loopback, what a phone with a CalDAV account then reads: vdirsyncer tells a changed event by its
  content and updates that resource in place.

Neither client needs a display, a network beyond 127.0.0.1, or standard input.
"""

from __future__ import annotations

import base64
import http.client
import importlib.util
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

ELECTION = "pilkada-2024"
STAGE = "kampanye"
UID = f"{ELECTION}.{STAGE}@tahapan.invalid"
#: the changed last day (the shipped data has 23 November 2024)
NEW_END = date(2024, 11, 22)
SET_STAGE = (
    "stage", "set", STAGE, "-e", ELECTION, "--end", NEW_END.isoformat(),
    "--basis", "PKPU 99/2024", "--confidence", "P",
)  # fmt: skip
OVERLAY = f"""\
schema = 1

[[elections]]
id = "{ELECTION}"

[[elections.stages]]
id = "{STAGE}"
end = {NEW_END.isoformat()}
basis = "PKPU 99/2024"
confidence = "P"
"""


def _script(name: str) -> str | None:
    """A console script installed beside this interpreter (the test extras'), else on PATH."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else shutil.which(name)


KHAL = _script("khal")
VDIRSYNCER = _script("vdirsyncer")
HAS_RADICALE = importlib.util.find_spec("radicale") is not None

# `pip install '.[test]'` brings both clients: in CI a missing one fails the test instead of skipping it
needs_khal = pytest.mark.skipif(
    KHAL is None and not os.environ.get("CI"),
    reason="khal is not installed here (pip install '.[test]' brings it)",
)
needs_vdirsyncer_radicale = pytest.mark.skipif(
    (VDIRSYNCER is None or not HAS_RADICALE) and not os.environ.get("CI"),
    reason="vdirsyncer or Radicale is not installed here (pip install '.[test]' brings them)",
)


# ------------------------------------------------------------------------------ reading events


@dataclass(frozen=True)
class Seen:
    """One VEVENT as a reader sees it: the dates, the version fields."""

    start: date
    end: date  # DTEND: the day after the last
    sequence: int
    last_modified: datetime
    dtstamp: datetime


def read_vobject(text: str) -> list[tuple[str, Seen]]:
    """Every VEVENT of ``text`` with vobject (a reader independent of the writer's icalendar)."""
    import vobject

    out = []
    for calendar in vobject.readComponents(io.StringIO(text)):
        for event in calendar.vevent_list:
            out.append(
                (
                    event.uid.value,
                    Seen(
                        start=event.dtstart.value,
                        end=event.dtend.value,
                        sequence=int(event.sequence.value),
                        last_modified=event.last_modified.value,
                        dtstamp=event.dtstamp.value,
                    ),
                )
            )
    return out


def read_icalendar(text: str) -> list[tuple[str, Seen]]:
    import icalendar

    return [
        (
            str(event["uid"]),
            Seen(
                start=event["dtstart"].dt,
                end=event["dtend"].dt,
                sequence=int(event["sequence"]),
                last_modified=event["last-modified"].dt,
                dtstamp=event["dtstamp"].dt,
            ),
        )
        for event in icalendar.Calendar.from_ical(text).walk("VEVENT")
    ]


def exported(path: Path) -> dict[str, Seen]:
    """An exported file's events by UID; both readers must read the same, each UID once."""
    text = path.read_text(encoding="utf-8")
    by_vobject = read_vobject(text)
    assert by_vobject == read_icalendar(text)
    uids = Counter(uid for uid, _ in by_vobject)
    assert all(n == 1 for n in uids.values()), uids.most_common(3)
    return dict(by_vobject)


def only_once(uids: list[str]) -> Counter[str]:
    counted = Counter(uids)
    twice = {uid: n for uid, n in counted.items() if n > 1}
    assert not twice, f"the client keeps these events more than once: {twice}"
    return counted


# ------------------------------------------------------------------------------ tahapan


def tahapan(run, *args: str) -> None:
    done = run(*args)
    assert done.returncode == 0, (args, done.stdout, done.stderr)


def export(run, path: Path, *extra: str) -> dict[str, Seen]:
    tahapan(run, "calendar", "-f", "ics", "-e", ELECTION, "-o", str(path), *extra)
    return exported(path)


def later_than_the_data(events: dict[str, Seen]) -> str:
    """A TAHAPAN_NOW after every LAST-MODIFIED of the unchanged file (the data's revision).

    LAST-MODIFIED is the later of the data's revision and the time the history saw the change, so
    the edit is made at a time that comes after the revision, as on a user's machine; the clock
    conftest pins (November 2023) is earlier than the shipped revision."""
    latest = max(seen.last_modified for seen in events.values())
    return (latest + timedelta(days=35)).replace(hour=1, minute=0, second=0).isoformat()


def change_the_stage(run, how: str, tmp_path: Path) -> tuple[str, ...]:
    """Make the change the way a user would; returns what every later export must pass."""
    if how == "stage set":
        tahapan(run, *SET_STAGE)
        assert (tmp_path / "data" / "tahapan" / "jadwal.toml").is_file()
        return ()
    overlay = tmp_path / "kantor.toml"
    overlay.write_text(OVERLAY, encoding="utf-8")
    return ("--data", str(overlay))


def check_the_versions(before: dict[str, Seen], after: dict[str, Seen]) -> None:
    """The changed stage: new last day, SEQUENCE one more, LAST-MODIFIED later, DTSTAMP equal to
    it; every other event as it was (a client must not be told that they changed)."""
    assert after.keys() == before.keys()
    old, new = before[UID], after[UID]
    assert old.end != NEW_END + timedelta(days=1), "the change must move the date"
    assert (new.start, new.end) == (old.start, NEW_END + timedelta(days=1))
    assert new.sequence == old.sequence + 1
    assert new.last_modified > old.last_modified
    assert new.dtstamp == new.last_modified and old.dtstamp == old.last_modified
    assert {uid: seen for uid, seen in after.items() if uid != UID} == {
        uid: seen for uid, seen in before.items() if uid != UID
    }


# ------------------------------------------------------------------------------ khal


def khal_setup(tmp_path: Path) -> tuple[Path, Path]:
    """A khal configuration of its own: one calendar, a vdir folder and a cache in tmp_path."""
    vdir = tmp_path / "khal" / "tahapan"
    vdir.mkdir(parents=True)
    config = tmp_path / "khal" / "config"
    config.write_text(
        f"""\
[calendars]
[[tahapan]]
path = {vdir}
type = calendar

[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
default_timezone = UTC
local_timezone = UTC

[sqlite]
path = {tmp_path / "khal" / "khal.db"}
""",
        encoding="utf-8",
    )
    return config, vdir


def khal(config: Path, *args: str) -> str:
    assert KHAL, "khal is not installed: pip install '.[test]'"
    done = subprocess.run(
        [KHAL, "-c", str(config), *args],
        capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 0, (args, done.stdout, done.stderr)
    return done.stdout


def khal_list(config: Path, events: dict[str, Seen]) -> list[tuple[str, str, str]]:
    """What khal shows: (uid, first day, last day) of each event once (`list --once`), over the days
    the file covers."""
    first = min(seen.start for seen in events.values())
    last = max(seen.end for seen in events.values())
    out = khal(
        config, "list", "--once", "--day-format", "", "--format", "{uid}|{start-date}|{end-date}",
        first.isoformat(), last.isoformat(),
    )  # fmt: skip
    return [tuple(line.split("|")) for line in out.splitlines() if line.strip()]


def khal_stored(vdir: Path) -> list[tuple[str, Seen]]:
    """The events in khal's vdir, one file each. Only names ending in .ics are items (khal and
    vdirsyncer list no other); khal 0.14 leaves a temporary `NAME.icsXXXXXXXX` beside a file it
    overwrote (pimutils/khal PR #1440), which is no event."""
    stored = []
    for item in sorted(vdir.glob("*.ics")):
        stored.extend(read_vobject(item.read_text(encoding="utf-8")))
    return stored


@needs_khal
@pytest.mark.parametrize("how", ["stage set", "overlay"])
def test_khal_updates_the_event_on_reimport(run, monkeypatch, tmp_path, how):
    config, vdir = khal_setup(tmp_path)
    before = export(run, tmp_path / "jadwal-1.ics")
    khal(config, "import", "--batch", str(tmp_path / "jadwal-1.ics"))
    shown = khal_list(config, before)
    assert only_once([uid for uid, _, _ in shown]) == Counter(list(before))
    old = before[UID]
    last_day = (old.end - timedelta(days=1)).isoformat()
    assert (UID, old.start.isoformat(), last_day) in shown

    monkeypatch.setenv("TAHAPAN_NOW", later_than_the_data(before))
    extra = change_the_stage(run, how, tmp_path)
    after = export(run, tmp_path / "jadwal-2.ics", *extra)
    check_the_versions(before, after)

    khal(config, "import", "--batch", str(tmp_path / "jadwal-2.ics"))
    shown = khal_list(config, after)
    # one event per UID, as many as the file has: the old one was replaced, not kept beside it
    assert only_once([uid for uid, _, _ in shown]) == Counter(list(after))
    assert (UID, old.start.isoformat(), NEW_END.isoformat()) in shown
    assert not [row for row in shown if row[0] == UID and row[2] != NEW_END.isoformat()]
    stored = khal_stored(vdir)
    assert only_once([uid for uid, _ in stored]) == Counter(list(after))
    assert dict(stored)[UID] == after[UID]  # the new dates, SEQUENCE and LAST-MODIFIED


# ------------------------------------------------------------------------------ vdirsyncer, Radicale


class Radicale:
    """A Radicale CalDAV server of this test's own on 127.0.0.1, storage and config in tmp_path,
    no authentication (a user name is still sent: the collection lives under it)."""

    USER = "tahapan"
    COLLECTION = f"/{USER}/kalender/"

    def __init__(self, tmp_path: Path) -> None:
        self.folder = tmp_path / "radicale"
        self.folder.mkdir()
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        for _ in range(3):  # a port picked free can be taken before Radicale binds it: pick again
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                self.port = probe.getsockname()[1]
            config = self.folder / "config"
            config.write_text(
                f"[server]\nhosts = 127.0.0.1:{self.port}\n\n[auth]\ntype = none\n\n"
                f"[rights]\ntype = owner_only\n\n[storage]\nfilesystem_folder = {self.folder / 'collections'}\n\n"
                "[web]\ntype = none\n\n[logging]\nlevel = warning\n",
                encoding="utf-8",
            )
            self.log = (self.folder / "log").open("wb")
            self.process = subprocess.Popen(
                [sys.executable, "-m", "radicale", "--config", str(config)],
                stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT,
            )  # fmt: skip
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and self.process.poll() is None:
                try:
                    socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                    return
                except OSError:
                    time.sleep(0.1)
            self.stop()
        raise AssertionError("Radicale did not start: " + (self.folder / "log").read_text())

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        if self.process is not None:
            self.log.close()

    def request(self, method: str, path: str, body: str = "", **headers: str) -> tuple[int, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            token = base64.b64encode(f"{self.USER}:x".encode()).decode()
            conn.request(
                method, path, body=body.encode(),
                headers={"Authorization": f"Basic {token}", **headers},
            )  # fmt: skip
            response = conn.getresponse()
            return response.status, response.read().decode("utf-8")
        finally:
            conn.close()

    def items(self) -> dict[str, str]:
        """Every calendar object resource in the collection: href -> its iCalendar text."""
        query = (
            '<?xml version="1.0" encoding="utf-8"?>'
            '<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
            "<D:prop><C:calendar-data/></D:prop>"
            '<C:filter><C:comp-filter name="VCALENDAR"/></C:filter></C:calendar-query>'
        )
        status, body = self.request(
            "REPORT", self.COLLECTION, query, Depth="1", **{"Content-Type": "application/xml"}
        )
        assert status == 207, (status, body)
        ns = {"D": "DAV:", "C": "urn:ietf:params:xml:ns:caldav"}
        out = {}
        for response in ET.fromstring(body).findall("D:response", ns):
            data = response.find(".//C:calendar-data", ns)
            if data is not None and data.text:
                out[response.findtext("D:href", namespaces=ns)] = data.text
        return out


def vdirsyncer(config: Path, *args: str) -> str:
    assert VDIRSYNCER, "vdirsyncer is not installed: pip install '.[test]'"
    done = subprocess.run(
        [VDIRSYNCER, "-c", str(config), *args],
        capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 0, (args, done.stdout, done.stderr)
    return done.stdout + done.stderr


def on_the_server(server: Radicale) -> dict[str, tuple[str, Seen]]:
    """uid -> (href, event) on the server, each UID in one resource only."""
    found = [
        (uid, href, seen)
        for href, text in server.items().items()
        for uid, seen in read_vobject(text)
    ]
    only_once([uid for uid, _, _ in found])
    return {uid: (href, seen) for uid, href, seen in found}


@needs_vdirsyncer_radicale
def test_vdirsyncer_updates_the_event_on_a_caldav_server(run, monkeypatch, tmp_path):
    assert HAS_RADICALE, "Radicale is not installed: pip install '.[test]'"
    server = Radicale(tmp_path)
    server.start()
    try:
        status, body = server.request("MKCALENDAR", Radicale.COLLECTION)
        assert status == 201, (status, body)
        calendar = tmp_path / "jadwal.ics"  # exported again to the same path, as a user would
        config = tmp_path / "vdirsyncer.conf"
        config.write_text(
            f"""\
[general]
status_path = {json.dumps(str(tmp_path / "vdirsyncer-status"))}

[pair tahapan]
a = "tahapan_file"
b = "tahapan_dav"
collections = null

[storage tahapan_file]
type = "singlefile"
path = {json.dumps(str(calendar))}

[storage tahapan_dav]
type = "caldav"
url = "http://127.0.0.1:{server.port}{Radicale.COLLECTION}"
username = "{Radicale.USER}"
password = "x"
""",
            encoding="utf-8",
        )
        before = export(run, calendar)
        vdirsyncer(config, "discover")
        vdirsyncer(config, "sync")
        first = on_the_server(server)
        assert {uid: seen for uid, (_, seen) in first.items()} == before

        monkeypatch.setenv("TAHAPAN_NOW", later_than_the_data(before))
        tahapan(run, *SET_STAGE)
        after = export(run, calendar)
        check_the_versions(before, after)
        said = vdirsyncer(config, "sync")
        assert f"Copying (updating) item {UID}" in said, said

        second = on_the_server(server)
        assert {uid: seen for uid, (_, seen) in second.items()} == after
        # the same resource was updated in place; no event was added or taken away
        assert {uid: href for uid, (href, _) in second.items()} == {
            uid: href for uid, (href, _) in first.items()
        }
    finally:
        server.stop()


# ------------------------------------------------------------------------------ the same file


@pytest.mark.parametrize("how", ["stage set", "overlay"])
def test_exporting_twice_without_a_change_gives_the_same_bytes(run, monkeypatch, tmp_path, how):
    """DTSTAMP and LAST-MODIFIED come from the data and the history, not from the clock: an
    unchanged schedule exports to the same bytes, today and a month later, and so does a changed
    one once the change is known."""
    first = tmp_path / "1.ics"
    export(run, first)
    export(run, tmp_path / "2.ics")
    assert (tmp_path / "2.ics").read_bytes() == first.read_bytes()
    events = exported(first)
    monkeypatch.setenv("TAHAPAN_NOW", later_than_the_data(events))
    export(run, tmp_path / "3.ics")
    assert (tmp_path / "3.ics").read_bytes() == first.read_bytes()

    extra = change_the_stage(run, how, tmp_path)
    changed = tmp_path / "4.ics"
    check_the_versions(events, export(run, changed, *extra))
    assert changed.read_bytes() != first.read_bytes()
    later = (datetime.fromisoformat(os.environ["TAHAPAN_NOW"]) + timedelta(days=9)).isoformat()
    monkeypatch.setenv("TAHAPAN_NOW", later)
    export(run, tmp_path / "5.ics", *extra)
    assert (tmp_path / "5.ics").read_bytes() == changed.read_bytes()
