"""`tahapan data update`, `data rollback` and `data`: schedules fetched from a real HTTP server on
127.0.0.1, signed with a real minisign key pair made here, and installed only when whole and valid."""

from __future__ import annotations

import json
import os
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import REPO, installed_command
from test_signature import FOUND, SIGNERS

SHIPPED = (REPO / "data" / "stages.toml").read_text(encoding="utf-8")


def schedule(revision: str, campaign_end: str = "2024-11-23") -> bytes:
    """The shipped schedule as a newer revision would publish it, Pilkada's campaign ending on
    ``campaign_end`` (the shipped 23 November unless moved)."""
    text = SHIPPED.replace("revision = 2026-12-06", f"revision = {revision}", 1)
    old = 'start = 2024-09-25\nend = 2024-11-23\nbasis = "PKPU 2/2024"'
    assert old in text
    return text.replace(
        old, f'start = 2024-09-25\nend = {campaign_end}\nbasis = "PKPU 2/2024"'
    ).encode()


class Server:
    """Routes of a real HTTP server: path -> (status, body, headers); what each request sent."""

    def __init__(self) -> None:
        self.routes: dict[str, dict] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path, {"status": 404, "body": b"not found"})
                if route.get("delay"):
                    import time

                    time.sleep(route["delay"])
                if route.get("hang"):
                    server.release.wait(30)  # answers nothing until the test ends
                    return
                body = route.get("body", b"")
                etag = route.get("etag")
                if etag and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(route.get("status", 200))
                self.send_header("Content-Length", str(route.get("length", len(body))))
                if etag:
                    self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def serve(self, path: str, body: bytes, **route: object) -> str:
        self.routes[path] = {"body": body, **route}
        return self.url + path

    def close(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(autouse=True)
def wide(monkeypatch):
    """Addresses and paths make long lines; wrapping is checked in test_changes.py."""
    monkeypatch.setenv("COLUMNS", "200")


@pytest.fixture
def server(monkeypatch) -> Iterator[Server]:
    for name in (
        "http_proxy",
        "https_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ):
        monkeypatch.delenv(name, raising=False)
    found = Server()
    yield found
    found.close()


def updates_folder(tmp_path: Path) -> Path:
    return tmp_path / "data" / "tahapan" / "pembaruan"


def campaign_end(cli, *extra: str) -> str:
    data = json.loads(cli("list", "-e", "pilkada-2024", "--json", *extra).stdout)
    [campaign] = [s for s in data["elections"][0]["stages"] if s["id"] == "kampanye"]
    return campaign["end"]


def installed(tmp_path: Path) -> dict[str, bytes]:
    """Every file of the updates folder and its bytes: what a failed update must leave alone."""
    folder = updates_folder(tmp_path)
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*"))} if folder.is_dir() else {}


def test_an_update_is_installed_shown_and_then_current(cli, server, tmp_path):
    url = server.serve("/stages.toml", schedule("2027-01-10", "2024-11-20"), etag='"v1"')
    result = cli("data", "update", url)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{url}: dipasang revisi 2027-01-10",
        "  Pilkada Serentak 2024 (pilkada-2024)",
        "    diubah: Pelaksanaan kampanye",
        "      lama: 25 Sep – 23 Nov 2024",
        "      baru: 25 Sep – 20 Nov 2024 (tanggal akhir dimajukan 3 hari, 2 hari kerja)",
        "      dasar hukum (tidak berubah): PKPU 2/2024",
        "  1 perubahan.",
    ]
    assert campaign_end(cli) == "2024-11-20"
    [row] = [
        r for r in json.loads(cli("data", "--json").stdout)["sources"] if r["kind"] == "update"
    ]
    assert (row["source"], row["revision"], row["used"], row["signed"]) == (
        url,
        "2027-01-10",
        True,
        False,
    )
    assert (Path(row["file"]).stat().st_mode & 0o777) == 0o600
    # the same again: the server is asked with the ETag it gave, answers 304, nothing changes
    before = installed(tmp_path)
    again = cli("data", "update", url)
    assert (again.exit_code, again.stdout) == (0, f"{url}: sudah mutakhir (revisi 2027-01-10)\n")
    assert server.requests[-1][1].get("If-None-Match") == '"v1"'
    assert installed(tmp_path).keys() == before.keys()
    [outcome] = json.loads(cli("data", "update", url, "--json", "--lang", "en").stdout)["updates"]
    assert (outcome["source"], outcome["action"], outcome["revision"], outcome["changes"]) == (
        url,
        "current",
        "2027-01-10",
        [],
    )
    # the update is a change of schedule like any other: `changes` names it
    shown = json.loads(cli("changes", "--json").stdout)
    assert [(c["stage"], c["by"]) for c in shown["changes"]] == [
        ("kampanye", f"tahapan data update {url}")
    ]


@pytest.mark.parametrize(
    ("route", "code", "words"),
    [
        ({"status": 500, "body": b"oops"}, 75, "500"),
        ({"hang": True}, 75, "1 detik"),
        ({"length": 40 * 1024 * 1024, "body": b"schema = 1\n"}, 2, "terlalu besar (40 MB)"),
        ({"body": b"<html><body>Halaman tidak ditemukan</body></html>"}, 2, "stages.toml:1:"),
        ({"body": b"schema = 1\n"}, 2, "revision = 2027-01-10"),
    ],
    ids=["server-error", "hanging", "oversized", "wrong-content", "no-revision"],
)
def test_a_failed_update_changes_nothing(cli, server, tmp_path, route, code, words):
    good = server.serve("/baik.toml", schedule("2027-01-10", "2024-11-20"))
    assert cli("data", "update", good).exit_code == 0
    before = installed(tmp_path)
    server.routes["/stages.toml"] = route
    result = cli("data", "update", server.url + "/stages.toml", "--timeout", "1")
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    assert words in result.stderr
    assert installed(tmp_path) == before
    assert campaign_end(cli) == "2024-11-20"


def test_an_older_revision_is_refused_unless_forced(cli, server, tmp_path):
    url = server.serve("/stages.toml", schedule("2027-02-01", "2024-11-20"))
    assert cli("data", "update", url).exit_code == 0
    server.serve("/stages.toml", schedule("2027-01-15", "2024-11-21"))
    before = installed(tmp_path)
    refused = cli("data", "update", url)
    assert refused.exit_code == 2
    assert "revisi 2027-01-15 lebih lama dari yang terpasang (2027-02-01)" in refused.stderr
    assert installed(tmp_path) == before
    forced = cli("data", "update", url, "--force")
    assert (
        forced.exit_code == 0
        and "dipasang revisi 2027-01-15, sebelumnya 2027-02-01" in forced.stdout
    )
    assert campaign_end(cli) == "2024-11-21"


def test_an_update_older_than_the_shipped_data_would_not_be_used(cli, server, tmp_path):
    url = server.serve("/lama.toml", schedule("2026-01-01", "2024-11-20"))
    refused = cli("data", "update", url)
    assert refused.exit_code == 2 and "lebih lama dari data bawaan" in refused.stderr
    assert installed(tmp_path) == {}
    forced = cli("data", "update", url, "--force")
    assert forced.exit_code == 0 and "TIDAK DIPAKAI" in forced.stdout
    # installed, but set aside: the shipped dates stand, and `data` says why
    assert campaign_end(cli) == "2024-11-23"
    [row] = [
        r for r in json.loads(cli("data", "--json").stdout)["sources"] if r["kind"] == "update"
    ]
    assert row["used"] is False
    assert "TIDAK DIPAKAI: revisinya lebih lama daripada data bawaan tahapan." in cli("data").stdout


def test_rollback_puts_back_the_previous_update_then_removes_the_first(cli, server, tmp_path):
    url = server.serve("/stages.toml", schedule("2027-01-10", "2024-11-20"))
    assert cli("data", "update", url).exit_code == 0
    server.serve("/stages.toml", schedule("2027-02-10", "2024-11-19"))
    assert cli("data", "update", url).exit_code == 0
    assert campaign_end(cli) == "2024-11-19"
    back = cli("data", "rollback")
    assert back.exit_code == 0 and back.stdout.startswith(
        f"{url}: dikembalikan ke revisi 2027-01-10\n"
    )
    assert "20 Nov 2024" in back.stdout
    assert campaign_end(cli) == "2024-11-20"
    # the undone file, still published, is not installed again by the cron line
    kept = cli("data", "update")
    assert kept.exit_code == 0 and "sudah dicabut dengan `data rollback`" in kept.stdout
    assert campaign_end(cli) == "2024-11-20"
    gone = cli("data", "rollback")
    assert (
        gone.exit_code == 0
        and f"{url}: pembaruan dicabut; jadwal kembali seperti sebelum pembaruan ini" in gone.stdout
    )
    assert campaign_end(cli) == "2024-11-23"
    assert not list(updates_folder(tmp_path).glob("*.toml"))
    none = cli("data", "rollback")
    assert none.exit_code == 2 and "belum ada pembaruan yang terpasang" in none.stderr


def test_update_alone_refreshes_every_source_and_a_path_is_one(cli, server, tmp_path):
    url = server.serve("/stages.toml", schedule("2027-01-10", "2024-11-20"), etag='"a"')
    local = tmp_path / "kantor.toml"
    local.write_bytes(
        b'schema = 1\nrevision = 2027-01-12\n\n[[elections]]\nid = "rapat-2027"\nname = "Rapat"\n'
        b'name_en = "Meeting"\nvoting_day = 2027-03-01\nbasis = "Surat"\n\n[[elections.stages]]\n'
        b'id = "rapat"\nname = "Rapat"\nname_en = "Meeting"\nstart = 2027-02-01\nend = 2027-02-02\n'
        b'basis = "Surat"\nconfidence = "P"\n'
    )
    assert cli("data", "update", url).exit_code == 0
    assert cli("data", "update", str(local)).exit_code == 0
    server.serve("/stages.toml", schedule("2027-03-01", "2024-11-18"), etag='"b"')
    # -q prints nothing but errors, as everywhere: the install is seen in what is loaded
    refreshed = cli("data", "update", "-q")
    assert (refreshed.exit_code, refreshed.stdout, refreshed.stderr) == (0, "", "")
    again = cli("data", "update").stdout
    assert f"{url}: sudah mutakhir (revisi 2027-03-01)" in again
    assert f"{local}: sudah mutakhir (revisi 2027-01-12)" in again
    assert campaign_end(cli) == "2024-11-18"
    assert (
        json.loads(cli("list", "-e", "rapat-2027", "--json").stdout)["elections"][0]["id"]
        == "rapat-2027"
    )


def test_no_source_yet_is_said(cli):
    result = cli("data", "update")
    assert result.exit_code == 2 and "belum ada sumber pembaruan" in result.stderr


# ----------------------------------------------------------------------------------- signatures


@pytest.fixture(params=FOUND)
def signer(request, tmp_path):
    return SIGNERS[request.param](tmp_path / "kunci")


def test_a_signed_update_is_verified_and_its_key_remembered(cli, server, tmp_path, signer):
    body = schedule("2027-01-10", "2024-11-20")
    url = server.serve("/stages.toml", body)
    server.serve("/stages.toml.minisig", signer.sign(body))
    result = cli("data", "update", url, "--key", signer.public_line)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{url}: dipasang revisi 2027-01-10 (tanda tangan sah)\n")
    # the key is remembered: a later, tampered file is refused without --key being given again
    tampered = schedule("2027-02-10", "2024-11-01")
    server.serve("/stages.toml", tampered)
    before = installed(tmp_path)
    refused = cli("data", "update", url)
    assert refused.exit_code == 2
    assert "tanda tangan" in refused.stderr.lower()
    assert installed(tmp_path) == before
    assert campaign_end(cli) == "2024-11-20"
    # a signed newer file with the key as a .pub file: installed
    server.serve("/stages.toml.minisig", signer.sign(tampered, legacy=True))
    assert cli("data", "update", url, "--key", str(signer.pub_file)).exit_code == 0
    assert campaign_end(cli) == "2024-11-01"


def test_an_unsigned_source_is_refused_when_a_key_is_given(cli, server, tmp_path, signer):
    url = server.serve("/stages.toml", schedule("2027-01-10", "2024-11-20"))
    result = cli("data", "update", url, "--key", signer.public_line)
    assert result.exit_code == 2
    assert "stages.toml.minisig" in result.stderr and "404" in result.stderr
    assert installed(tmp_path) == {}


def test_a_signature_by_another_key_is_refused(cli, server, tmp_path, signer):
    other = type(signer)(tmp_path / "kunci-lain")
    body = schedule("2027-01-10", "2024-11-20")
    url = server.serve("/stages.toml", body)
    server.serve("/stages.toml.minisig", other.sign(body))
    result = cli("data", "update", url, "--key", signer.public_line)
    assert result.exit_code == 2 and installed(tmp_path) == {}


# --------------------------------------------------------------------------- tahapan data itself


def test_data_names_sources_revisions_and_holiday_data(cli, tmp_path):
    result = cli("data")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Sumber jadwal, dalam urutan penggabungan:"
    assert any(
        line.strip().startswith("revisi 2026-12-06 — Audit 6 Desember 2026") for line in lines
    )
    assert lines[-1].startswith("Data hari libur: paket holidays ")
    assert lines[-1].endswith("libur nasional dan cuti bersama menurut SKB sampai 2027.")
    data = json.loads(cli("data", "--json", "--lang", "en").stdout)
    assert data["holidays"]["package"] == "holidays" and data["holidays"]["decrees_until"] == 2027
    assert [r["kind"] for r in data["sources"]] == ["shipped", "shipped"]
    assert data["sources"][1]["revision"] == "2026-12-06"


def test_data_warns_of_working_days_no_decree_covers_yet(cli, tmp_path, monkeypatch):
    mine = tmp_path / "jadwal.toml"
    mine.write_text(
        'schema = 1\n\n[[elections]]\nid = "latihan-2029"\nname = "Latihan"\nname_en = "Drill"\n'
        'voting_day = 2029-02-14\nbasis = "Catatan"\n\n[[elections.stages]]\nid = "rapat"\n'
        'name = "Rapat"\nname_en = "Meeting"\nstart = 2029-01-02\n'
        'end = { after = "pemungutan-suara", working_days = 3 }\nbasis = "Catatan"\nconfidence = "D"\n'
        '\n[[elections.stages]]\nid = "pemungutan-suara"\nname = "Pemungutan suara"\n'
        'name_en = "Voting day"\nstart = 2029-02-14\nend = 2029-02-14\nbasis = "Catatan"\nconfidence = "D"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("TAHAPAN_USER_FILE", str(mine))
    result = cli("data")
    assert result.exit_code == 0, result.output
    assert "peringatan: latihan-2029/rapat dihitung dalam hari kerja sampai " in result.stderr
    assert " 2029, tetapi data hari libur" in result.stderr  # the date in words, not ISO
    assert "keputusan (SKB) sampai 2027" in result.stderr


def test_hitung_json_names_the_holiday_data(cli):
    data = json.loads(cli("hitung", "2025-08-15 + 1 hari kerja", "--json").stdout)
    assert data["result"]["date"] == "2025-08-19"  # 18 August 2025 is cuti bersama
    assert data["holidays"]["package"] == "holidays" and data["holidays"]["decrees_until"] >= 2027


def test_update_through_the_installed_command(server, tmp_path):
    url = server.serve("/stages.toml", schedule("2027-01-10", "2024-11-20"))
    env = {**os.environ, "TAHAPAN_NOW": "2023-11-29T08:00:00+07:00"}
    done = subprocess.run(
        [*installed_command(), "data", "update", url, "--lang", "en"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{url}: installed revision 2027-01-10\n")
    offline = subprocess.run(
        [*installed_command(), "data", "update", "http://127.0.0.1:9/stages.toml"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert offline.returncode == 75 and "Tidak ada yang diubah; coba lagi nanti." in offline.stderr


def test_your_own_edits_still_work_over_an_update(cli, server):
    url = server.serve("/stages.toml", schedule("2027-01-10"))
    assert cli("data", "update", url).exit_code == 0
    edit = cli(
        "stage",
        "set",
        "kampanye",
        "-e",
        "pilkada-2024",
        "--end",
        "2024-11-19",
        "--basis",
        "Surat KPU kabupaten (contoh)",
        "--confidence",
        "P",
    )
    assert edit.exit_code == 0, edit.output
    assert campaign_end(cli) == "2024-11-19"


def test_an_update_older_than_another_source_says_what_really_changes(cli, server):
    newer = server.serve("/provinsi.toml", schedule("2027-03-01", "2024-11-22"))
    older = server.serve("/kabupaten.toml", schedule("2027-02-01", "2024-11-20"))
    assert cli("data", "update", newer).exit_code == 0
    # installed, but the newer revision of the other source holds these elections: nothing moves
    result = cli("data", "update", older)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "  Jadwal yang berlaku tidak berubah."
    assert campaign_end(cli) == "2024-11-22"


# ------------------------------------------------------------------- found by an adversarial pass


def test_a_password_in_the_address_is_never_shown_or_recorded(cli, server, tmp_path):
    body = schedule("2027-01-10", "2024-11-20")
    server.serve("/stages.toml", body)
    url = server.url.replace("://", "://petugas:RahasiaSekali@") + "/stages.toml"
    seen = [cli("data", "update", url), cli("data"), cli("data", "--json"), cli("changes", "--all")]
    server.serve("/stages.toml", b"schema = 1\nrevision = 2027-02-01\nrusak = = 1\n")
    seen.append(cli("data", "update", url))
    assert seen[0].exit_code == 0 and seen[-1].exit_code == 2
    for result in seen:
        assert "RahasiaSekali" not in result.stdout + result.stderr
    assert "http://127.0.0.1:" in seen[0].stdout
    # kept only where it must be, to fetch again: the 0600 list of sources
    assert "RahasiaSekali" in (updates_folder(tmp_path) / "sources.json").read_text()
    assert (
        "RahasiaSekali"
        not in (tmp_path / "data" / "tahapan" / "riwayat" / "history.jsonl").read_text()
    )


def test_a_key_given_later_is_checked_even_when_the_server_says_unchanged(
    cli, server, tmp_path, signer
):
    url = server.serve("/stages.toml", schedule("2027-01-10", "2024-11-20"), etag='"x"')
    assert cli("data", "update", url).exit_code == 0
    # the server would answer 304; the key must still be checked against the file: there is no
    # signature, so it is refused, and the key is not taken as verified
    result = cli("data", "update", url, "--key", signer.public_line)
    assert result.exit_code == 2 and "tanda tangan sah" not in result.stdout
    [row] = [
        r for r in json.loads(cli("data", "--json").stdout)["sources"] if r["kind"] == "update"
    ]
    assert row["signed"] is False
    empty = cli("data", "update", url, "--key", "")
    assert empty.exit_code == 2 and "--key kosong" in empty.stderr


def test_a_relative_key_file_is_remembered_as_the_key_itself(
    cli, server, tmp_path, signer, monkeypatch
):
    body = schedule("2027-01-10", "2024-11-20")
    url = server.serve("/stages.toml", body)
    server.serve("/stages.toml.minisig", signer.sign(body))
    monkeypatch.chdir(signer.pub_file.parent)
    assert cli("data", "update", url, "--key", signer.pub_file.name).exit_code == 0
    monkeypatch.chdir(tmp_path)  # cron runs elsewhere
    newer = schedule("2027-02-10", "2024-11-19")
    server.serve("/stages.toml", newer)
    server.serve("/stages.toml.minisig", signer.sign(newer))
    assert cli("data", "update").exit_code == 0
    assert campaign_end(cli) == "2024-11-19"
    saved = json.loads((updates_folder(tmp_path) / "sources.json").read_text())
    assert saved["sources"][0]["key"] == signer.public_line


def test_a_folder_others_can_write_to_is_not_loaded(cli, tmp_path):
    folder = updates_folder(tmp_path)
    folder.mkdir(parents=True)
    (folder / "ditanam.toml").write_bytes(schedule("2027-01-10", "2024-11-18"))
    folder.chmod(0o777)
    assert campaign_end(cli) == "2024-11-23"
    folder.chmod(0o700)
    assert campaign_end(cli) == "2024-11-18"  # the user's own folder: used
    (folder / "ditanam.toml").chmod(0o666)  # a file others can write to is not the user's either
    assert campaign_end(cli) == "2024-11-23"


def test_a_refusal_outranks_being_offline(cli, server, tmp_path):
    good = server.serve("/baik.toml", schedule("2027-01-10"))
    bad = server.serve("/rusak.toml", b"schema = 1\nrevision = 2027-01-11\nx = = 1\n")
    assert cli("data", "update", good).exit_code == 0
    registry = updates_folder(tmp_path) / "sources.json"
    data = json.loads(registry.read_text())
    data["sources"].append({**data["sources"][0], "source": bad, "file": "rusak-0000000000.toml"})
    data["sources"].append(
        {**data["sources"][0], "source": "http://127.0.0.1:9/x.toml", "file": "x-0000000000.toml"}
    )
    registry.write_text(json.dumps(data))
    result = cli("data", "update")
    assert result.exit_code == 2
    assert "sambungan ditolak" in result.stderr


def test_a_broken_installed_update_can_still_be_rolled_back(cli, server, tmp_path):
    url = server.serve("/stages.toml", schedule("2027-01-10", "2024-11-20"))
    assert cli("data", "update", url).exit_code == 0
    [installed_file] = updates_folder(tmp_path).glob("*.toml")
    installed_file.write_bytes(installed_file.read_bytes() + b"\nrusak = = 1\n")
    status = cli("status")
    assert status.exit_code == 2 and "tahapan data rollback" in status.stderr
    back = cli("data", "rollback")
    assert back.exit_code == 0, back.output
    assert cli("status").exit_code == 0 and campaign_end(cli) == "2024-11-23"


@pytest.mark.parametrize(
    "content",
    [
        "[]",
        "null",
        '{"sources": "abc"}',
        '{"sources": [null]}',
        '{"sources": [{}]}',
        '{"sources": [{"source": "x", "file": "../../../korban.txt"}], "installs": ["x"]}',
        '{"sources": [{"source": 1, "file": "a.toml"}]}',
    ],
)
def test_a_damaged_list_of_sources_is_bad_input_and_harms_nothing(cli, tmp_path, content):
    folder = updates_folder(tmp_path)
    folder.mkdir(parents=True, mode=0o700)
    (folder / "sources.json").write_text(content)
    victim = tmp_path / "korban.txt"
    victim.write_text("milik pengguna")
    for args in (("data", "rollback"), ("data", "update")):
        result = cli(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "daftar sumber pembaruan" in result.stderr
    assert victim.read_text() == "milik pengguna"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("data", "update", "ftp://127.0.0.1/stages.toml"), "gunakan alamat http:// atau https://"),
        (("data", "update", "file:///etc/hosts"), "gunakan alamat http:// atau https://"),
        (("data", "update", "x.toml", "--timeout", "nan"), "--timeout harus angka detik"),
    ],
)
def test_sources_and_options_that_cannot_be_used(cli, args, words):
    result = cli(*args)
    assert result.exit_code == 2 and words in result.stderr


def test_two_installs_at_once_keep_both_sources(server, tmp_path):
    import time

    a = server.serve("/a.toml", schedule("2027-01-10", "2024-11-20"), delay=1.0)
    b = server.serve("/b.toml", schedule("2027-01-11", "2024-11-20"), delay=1.0)
    env = {**os.environ, "TAHAPAN_NOW": "2023-11-29T08:00:00+07:00"}
    runs = [
        subprocess.Popen(
            [*installed_command(), "data", "update", url],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for url in (a, b)
    ]
    codes = [run.wait(timeout=60) for run in runs]
    time.sleep(0.1)
    assert codes == [0, 0]
    saved = json.loads((updates_folder(tmp_path) / "sources.json").read_text())
    assert sorted(e["source"] for e in saved["sources"]) == sorted([a, b])
