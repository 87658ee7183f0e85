"""The site `tahapan publish DIR` writes, served over HTTP on 127.0.0.1 and read by real clients:

- vdirsyncer subscribes to a region's feed (an `http` storage synced into a `filesystem` one) and
  follows a moved stage;
- a second tahapan installs the signed stages.toml with `data update --key` and refuses it once
  tampered with;
- feedparser reads perubahan.atom;
- the same input gives the same bytes in any folder, from any process.

Every client runs as a subprocess with its configuration in tmp_path, no network beyond 127.0.0.1
and no standard input. The clients come with the test extras (`pip install '.[test]'`) and the
minisign binary with .ci/run: a missing one fails the test rather than skipping it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import urllib.request
from collections import Counter
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from conftest import installed_command

ELECTION, STAGE = "pilkada-2024", "kampanye"
UID = f"{ELECTION}.{STAGE}@tahapan.invalid"
FEED = "ics/wilayah/kota-kediri.ics"
#: the shipped last day of Pilkada 2024's campaign, and the one the office moves it to
SHIPPED_END, MOVED_END = "2024-11-23", "2024-11-20"
PASSWORD = "kata sandi kantor"
PROXIES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


def _script(name: str) -> str | None:
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else shutil.which(name)


VDIRSYNCER = _script("vdirsyncer")
MINISIGN = shutil.which("minisign")


# ------------------------------------------------------------------------------ the web server


class Served:
    """A real HTTP server on 127.0.0.1 (any free port) serving ``folder`` as a web server serves a
    site: each request reads the folder by its path, so a publish that exchanges DIR is seen at
    once. Remembers the paths asked for."""

    TYPES: ClassVar[dict[str, str]] = {  # as a server configured for the site would label them
        ".ics": "text/calendar; charset=utf-8",
        ".atom": "application/atom+xml",
        ".json": "application/json",
        ".html": "text/html; charset=utf-8",
        ".toml": "application/toml",
        ".minisig": "text/plain",
    }

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.requests: list[str] = []
        served = self

        class Handler(SimpleHTTPRequestHandler):
            extensions_map: ClassVar[dict[str, str]] = {
                **SimpleHTTPRequestHandler.extensions_map,
                **Served.TYPES,
            }

            def __init__(self, *args, **kwargs) -> None:
                super().__init__(*args, directory=str(served.folder), **kwargs)

            def send_head(self):
                served.requests.append(self.path)
                return super().send_head()

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Served:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def get(self, path: str) -> tuple[int, str, bytes]:
        """(status, Content-Type, body) of ``path`` as a client gets it."""
        with urllib.request.urlopen(self.url + path, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read()


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """No proxy: every client here (vdirsyncer's aiohttp trusts the environment) talks to the
    server on 127.0.0.1 itself."""
    for name in PROXIES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.setenv("COLUMNS", "200")  # addresses make long lines


def move_campaign(tmp_path: Path, monkeypatch, *, revision: str | None = None) -> None:
    """The office moves the campaign's last day in its own schedule file (of a newer revision
    than the shipped data when ``revision`` is given)."""
    mine = tmp_path / "jadwal-kantor.toml"
    head = f"schema = 1\nrevision = {revision}\n" if revision else "schema = 1\n"
    mine.write_text(
        f'{head}[[elections]]\nid = "{ELECTION}"\n[[elections.stages]]\nid = "{STAGE}"\n'
        f'end = {MOVED_END}\nbasis = "Surat KPU (contoh)"\nconfidence = "P"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("TAHAPAN_USER_FILE", str(mine))


def publish(cli, folder: Path, *args: str) -> None:
    result = cli("publish", str(folder), *args)
    assert result.exit_code == 0, result.output
    assert "berkas ditulis" in result.stderr


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# ------------------------------------------------------------------------------ 1. vdirsyncer


def feed_events(text: bytes) -> dict[str, object]:
    import icalendar

    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    found = {str(e["uid"]): e for e in events}
    assert len(found) == len(events), "a UID twice in one feed"
    return found


def content(event) -> tuple[str, ...]:
    """An event's properties but its UID (which vdirsyncer's http storage replaces), as sorted
    unfolded lines: equal for the same event however a client wrote it back."""
    lines = event.to_ical().decode("utf-8").replace("\r\n ", "").split("\r\n")
    return tuple(sorted(line for line in lines if line and not line.startswith("UID:")))


def stored(folder: Path) -> dict[str, object]:
    """The filesystem storage: file name -> its one event."""
    import icalendar

    out = {}
    for item in sorted(folder.glob("*.ics")):
        [event] = icalendar.Calendar.from_ical(item.read_bytes()).walk("VEVENT")
        out[item.name] = event
    return out


#: vdirsyncer with its http storage keeping the feed's UIDs: the storage replaces each UID with a
#: hash of the event's content (HttpStorage._ignore_uids, "required for tests", no setting), so
#: only this way does a sync over HTTP match events by the UIDs tahapan writes
KEEPING_UIDS = (
    "import sys\n"
    "from vdirsyncer.storage.http import HttpStorage\n"
    "assert HttpStorage._ignore_uids is True, 'vdirsyncer no longer replaces UIDs'\n"
    "HttpStorage._ignore_uids = False\n"
    "from vdirsyncer.cli import app\n"
    "sys.argv[0] = 'vdirsyncer'\n"
    "sys.exit(app())\n"
)


def vdirsyncer(config: Path, *args: str, keep_uids: bool) -> str:
    assert VDIRSYNCER, "vdirsyncer is not installed: pip install '.[test]'"
    command = [sys.executable, "-c", KEEPING_UIDS] if keep_uids else [VDIRSYNCER]
    done = subprocess.run(
        [*command, "-c", str(config), *args],
        capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 0, (args, done.stdout, done.stderr)
    return done.stdout + done.stderr


def subscription(tmp_path: Path, url: str) -> tuple[Path, Path]:
    """A vdirsyncer configuration of its own: the feed's address (read only) paired with a folder
    of one .ics file per event."""
    local = tmp_path / "langganan"
    local.mkdir()
    config = tmp_path / "vdirsyncer.conf"
    config.write_text(
        f"""\
[general]
status_path = {json.dumps(str(tmp_path / "vdirsyncer-status"))}

[pair langganan]
a = "feed"
b = "lokal"
collections = null

[storage feed]
type = "http"
url = {json.dumps(url)}

[storage lokal]
type = "filesystem"
path = {json.dumps(str(local))}
fileext = ".ics"
""",
        encoding="utf-8",
    )
    return config, local


def check_feed_headers(body: bytes) -> None:
    import icalendar

    unfolded = body.decode("utf-8").replace("\r\n ", "")
    for header in (
        "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
        "X-PUBLISHED-TTL:PT12H",
        "X-WR-CALNAME:Tahapan — Kota Kediri",
    ):
        assert f"\r\n{header}\r\n" in unfolded, header
    calendar = icalendar.Calendar.from_ical(body)
    assert str(calendar["X-WR-CALNAME"]) == "Tahapan — Kota Kediri"
    assert str(calendar["X-PUBLISHED-TTL"]) == "PT12H"


def campaign_in(events: dict[str, object]) -> list[tuple[str, object]]:
    """The (key, event) pairs that are Pilkada 2024's campaign, told apart by what a reader sees."""
    return [
        (key, e)
        for key, e in events.items()
        if str(e["summary"]) == "Pelaksanaan kampanye"
        and ELECTION in e["categories"].to_ical().decode()
    ]


@pytest.mark.parametrize("keep_uids", [False, True], ids=["http-storage", "http-keeping-uids"])
def test_a_subscribed_region_feed_follows_a_moved_stage(cli, tmp_path, monkeypatch, keep_uids):
    folder = tmp_path / "situs"
    publish(cli, folder)
    with Served(folder) as site:
        status, kind, body = site.get(f"/{FEED}")
        assert status == 200 and kind.startswith("text/calendar")
        check_feed_headers(body)
        published = feed_events(body)
        assert published[UID]["dtend"].dt == date(2024, 11, 24)
        config, local = subscription(tmp_path, f"{site.url}/{FEED}")
        vdirsyncer(config, "discover", keep_uids=keep_uids)
        site.requests.clear()
        vdirsyncer(config, "sync", keep_uids=keep_uids)
        assert f"/{FEED}" in site.requests  # the client read the feed through the server
        first = stored(local)
        first_bytes = tree(local)
        # the client holds every event of the feed once, as the feed has it
        assert len(first) == len(published) > 30
        assert Counter(content(e) for e in first.values()) == Counter(
            content(e) for e in published.values()
        )
        [(old_name, old)] = campaign_in(first)

        move_campaign(tmp_path, monkeypatch)
        publish(cli, folder)
        body = site.get(f"/{FEED}")[2]
        check_feed_headers(body)
        republished = feed_events(body)
        assert republished.keys() == published.keys()
        said = vdirsyncer(config, "sync", keep_uids=keep_uids)

    second = stored(local)
    second_bytes = tree(local)
    assert len(second) == len(first)  # no event added, none lost
    assert Counter(content(e) for e in second.values()) == Counter(
        content(e) for e in republished.values()
    )
    [(new_name, new)] = campaign_in(second)
    assert new["dtstart"].dt == old["dtstart"].dt == date(2024, 9, 25)
    assert (old["dtend"].dt, new["dtend"].dt) == (date(2024, 11, 24), date(2024, 11, 21))
    assert int(new["sequence"]) > int(old["sequence"])
    assert new["last-modified"].dt >= old["last-modified"].dt
    # every other event is left as it was: the same file, the same bytes
    assert {k: v for k, v in second_bytes.items() if k != new_name} == {
        k: v for k, v in first_bytes.items() if k != old_name
    }
    if keep_uids:
        # matched by the UID tahapan wrote: the same item updated in place
        assert f"Copying (updating) item {UID}" in said, said
        assert new_name == old_name
        assert str(new["uid"]) == str(old["uid"]) == UID
        assert {str(e["uid"]) for e in second.values()} == set(published)
    else:
        # the stock http storage knows an event by its content: the old one is replaced
        assert new_name != old_name and old_name not in second_bytes
        assert said.count("Deleting item") == 1 and said.count("Copying (uploading) item") == 1


# ------------------------------------------------------------------------------ 2. a second tahapan


def key_pair(folder: Path) -> tuple[Path, str]:
    """A minisign key pair encrypted with PASSWORD: the secret key file and the public key line.
    The binary's (the reference, which CI installs) under a memory cap, so that scrypt is cheap;
    py-minisign's where the binary is missing on a developer's machine."""
    folder.mkdir()
    secret, pub = folder / "kantor.key", folder / "kantor.pub"
    if MINISIGN:
        # short of memory, minisign lowers scrypt's cost until it fits (0.11: "the KDF used less
        # memory than the default"); the cap is set by the shell, not in a forked Python
        subprocess.run(
            ["sh", "-c", 'ulimit -v 120000 && exec "$0" "$@"', MINISIGN,
             "-G", "-p", str(pub), "-s", str(secret)],
            input=f"{PASSWORD}\n{PASSWORD}\n", capture_output=True, text=True, check=True,
            timeout=120,
        )  # fmt: skip
    else:
        assert not os.environ.get("CI"), "the minisign binary is not installed, and CI installs it"
        import minisign as py_minisign

        made = py_minisign.KeyPair.generate()
        made.secret_key.encrypt(PASSWORD)
        secret.write_bytes(bytes(made.secret_key) + b"\n")
        pub.write_bytes(bytes(made.public_key) + b"\n")
    assert b"encrypted" in secret.read_bytes().splitlines()[0]
    return secret, pub.read_text(encoding="utf-8").splitlines()[1]


def other_office(tmp_path: Path):
    """Run the installed `tahapan` as another office would: its own data, cache and settings, the
    same clock, none of the publisher's files or password."""
    home = tmp_path / "kantor-lain"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("TAHAPAN_USER_FILE", "TAHAPAN_SIGN_PASSWORD") and k.lower() not in PROXIES
    }
    env.update(
        HOME=str(home / "home"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_CONFIG_HOME=str(home / "config"),
    )

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*installed_command(), *args],
            capture_output=True, text=True, env=env, timeout=120, stdin=subprocess.DEVNULL,
        )  # fmt: skip

    def campaign() -> dict[str, object]:
        done = run("show", STAGE, "-e", ELECTION, "--json")
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)["stage"]

    def installed() -> dict[str, bytes]:
        updates = home / "data" / "tahapan" / "pembaruan"
        return {p.name: p.read_bytes() for p in sorted(updates.glob("*"))}

    return run, campaign, installed


def test_a_signed_site_is_installed_by_another_tahapan_and_a_tampered_one_refused(
    cli, tmp_path, monkeypatch
):
    secret, public_line = key_pair(tmp_path / "kunci")
    folder = tmp_path / "situs"
    run, campaign, installed = other_office(tmp_path)
    assert campaign()["end"] == SHIPPED_END
    with Served(folder) as site:
        move_campaign(tmp_path, monkeypatch)
        monkeypatch.setenv("TAHAPAN_SIGN_PASSWORD", PASSWORD)
        publish(cli, folder, "--url", site.url, "--sign", str(secret))
        signature = folder / "stages.toml.minisig"
        assert signature.read_bytes().splitlines()[2] == (
            b"trusted comment: tahapan publish; revisi 2026-12-06; file:stages.toml"
        )
        if MINISIGN:  # the reference verifier agrees
            checked = subprocess.run(
                [MINISIGN, "-Vm", str(folder / "stages.toml"), "-P", public_line],
                capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
            )  # fmt: skip
            assert checked.returncode == 0, checked.stderr
        data = json.loads(site.get("/data.json")[2])
        assert {f["url"] for f in data["feeds"]} >= {
            f"{site.url}/ics/semua.ics",
            f"{site.url}/{FEED}",
        }

        url = f"{site.url}/stages.toml"
        done = run("data", "update", url, "--key", public_line)
        assert done.returncode == 0, (done.stdout, done.stderr)
        assert done.stdout.startswith(f"{url}: dipasang revisi 2026-12-06 (tanda tangan sah)\n")
        assert "/stages.toml.minisig" in site.requests
        moved = campaign()
        assert (moved["start"], moved["end"], moved["basis"]) == (
            "2024-09-25",
            MOVED_END,
            "Surat KPU (contoh)",
        )
        before = installed()
        assert before

        # someone changes stages.toml on the server, not the signature
        published = folder / "stages.toml"
        text = published.read_text(encoding="utf-8")
        old = f'end = {MOVED_END}\nbasis = "Surat KPU (contoh)"'
        assert text.count(old) == 1
        published.write_text(text.replace(old, 'end = 2024-11-01\nbasis = "Surat KPU (contoh)"'))
        later = published.stat().st_mtime + 120  # a newer file, as a replaced one would be
        os.utime(published, (later, later))
        for args in (("data", "update"), ("data", "update", url, "--key", public_line)):
            refused = run(*args)  # the cron line (the key remembered), then the key given again
            assert refused.returncode == 2, (args, refused.stdout, refused.stderr)
            assert "tanda tangan" in refused.stderr.lower(), refused.stderr
            assert installed() == before
            assert campaign()["end"] == MOVED_END


# ------------------------------------------------------------------------------ 3. feedparser


def check_atom(parsed) -> list[str]:
    """What a feed reader needs of the feed and each entry; returns the entries' ids."""
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    feed = parsed.feed
    assert feed.title == "Perubahan jadwal tahapan pemilu"
    assert feed.id.startswith(("tag:", "https://"))
    assert feed.updated_parsed is not None
    assert len(parsed.entries) == 3  # Parigi Moutong, Papua, the PKPU 8/2024 amendment
    for entry in parsed.entries:
        assert entry.id and entry.title and entry.link
        [calendar] = [link for link in entry.links if link.rel == "related"]
        assert calendar.type == "text/calendar"
        assert entry.updated_parsed is not None
    ids = [entry.id for entry in parsed.entries]
    assert len(set(ids)) == 3
    return ids


def test_the_atom_feed_reads_in_a_feed_reader(cli, tmp_path, monkeypatch):
    import feedparser

    folder = tmp_path / "situs"
    publish(cli, folder)
    with Served(folder) as site:
        address = f"{site.url}/perubahan.atom"
        fetched = feedparser.parse(address)  # as a reader subscribes: by the feed's address
        assert fetched.status == 200
        first = check_atom(fetched)
        # relative links, resolved against the feed's address, lead to files the site serves
        assert fetched.feed.link == f"{site.url}/index.html"
        related = [next(x.href for x in e.links if x.rel == "related") for e in fetched.entries]
        for link in [fetched.feed.link, *related]:
            status, _, body = site.get(link.removeprefix(site.url))
            assert status == 200 and body
        assert all(link.startswith(f"{site.url}/ics/") for link in related)
        assert all(e.link == f"{site.url}/index.html#perubahan" for e in fetched.entries)

    # the site changes, with a newer revision, and gets a public address: the same entries (a
    # reader shows none of them as new), absolute links
    base = "https://kpu-kab.example.go.id/jadwal"
    move_campaign(tmp_path, monkeypatch, revision="2027-01-10")
    publish(cli, folder, "--url", base)
    again = feedparser.parse((folder / "perubahan.atom").read_bytes())
    assert check_atom(again) == first
    assert again.feed.updated == "2027-01-10T00:00:00Z"  # the feed itself did change
    [self_link] = [link.href for link in again.feed.links if link.rel == "self"]
    assert (
        self_link == f"{base}/perubahan.atom" == again.feed.id
    )  # this office's feed, by its address
    assert again.feed.link == f"{base}/index.html"
    for entry in again.entries:
        calendar = next(x.href for x in entry.links if x.rel == "related")
        assert calendar.startswith(f"{base}/ics/")
        assert (folder / calendar.removeprefix(f"{base}/")).is_file()


# ------------------------------------------------------------------------------ 4. the same bytes


def test_the_same_input_gives_the_same_site_in_any_folder(cli, tmp_path, monkeypatch):
    """Folders of other names, another process with another hash seed, machine zone and a cold
    cache: every file the same, index.html, data.json and the signature included."""
    secret, _ = key_pair(tmp_path / "kunci")
    monkeypatch.setenv("TAHAPAN_SIGN_PASSWORD", PASSWORD)
    publish(cli, tmp_path / "awal")  # this machine's history sees the schedule before the move
    move_campaign(tmp_path, monkeypatch)
    args = ("--url", "https://kpu-kab.example.go.id/jadwal", "--sign", str(secret))
    first = tmp_path / "a" / "situs"
    first.parent.mkdir()
    publish(cli, first, *args)
    site = tree(first)
    assert {"index.html", "data.json", "perubahan.atom", "stages.toml.minisig", FEED} <= set(site)
    assert int(feed_events(site[FEED])[UID]["sequence"]) == 1  # the move is in it

    other = tmp_path / "b" / "situs-kantor"
    other.parent.mkdir()
    env = {
        **os.environ,
        "PYTHONHASHSEED": "12345",
        "TZ": "America/New_York",  # not an Indonesian zone: the schedule's own zones count
        "XDG_CACHE_HOME": str(tmp_path / "cache-lain"),
    }
    done = subprocess.run(
        [*installed_command(), "publish", str(other), *args],
        capture_output=True, text=True, env=env, cwd=other.parent, timeout=120,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    again = tree(other)
    assert again.keys() == site.keys()
    assert [name for name in site if again[name] != site[name]] == []
    assert str(first).encode() not in site["index.html"] + site["data.json"]
