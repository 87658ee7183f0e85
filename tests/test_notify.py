"""`check --notify`: the answer through Apprise, to a receiver on 127.0.0.1 (Apprise's json://
form); no test reaches beyond the loopback."""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

pytest.importorskip("apprise")


@pytest.fixture
def receiver():
    """A local HTTP server that keeps the JSON bodies posted to it; yields (URL, bodies)."""
    bodies: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            bodies.append(json.loads(self.rfile.read(length)))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):  # quiet
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"json://127.0.0.1:{server.server_port}/", bodies
    server.shutdown()
    server.server_close()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_due_events_arrive_at_the_receiver(cli, receiver):
    url, bodies = receiver
    result = cli(
        "check", "--within", "7", "-e", "pilkada-2024", "--on", "2024-11-20", "--notify", url
    )
    assert result.exit_code == 1 and result.stderr == ""
    assert result.stdout.count("\n") == len(bodies[0]["message"].splitlines())  # one line each
    (body,) = bodies
    assert body["title"] == f"Tenggat tahapan: {result.stdout.count(chr(10))}"
    # a phone is read by a person: the election's name; stdout keeps the id for scripts
    assert (
        "27 Nov 2024 (H) Pemungutan suara · Pilkada Serentak 2024 · 7 hari lagi" in body["message"]
    )
    assert (
        "23 Nov 2024 (H-4) Pelaksanaan kampanye berakhir · Pilkada Serentak 2024 · 3 hari lagi"
        in body["message"]
    )
    assert "pilkada-2024" not in body["message"]
    assert "2024-11-27\tH\tpilkada-2024\tpemungutan-suara\tsatu hari\t" in result.stdout


def test_english_and_remind_and_nothing_sent_when_nothing_is_due(cli, receiver):
    url, bodies = receiver
    cli(
        "check",
        "--remind",
        "1",
        "-e",
        "pilkada-2024",
        "--on",
        "2024-11-26",
        "--notify",
        url,
        "--lang",
        "en",
    )
    assert bodies[0]["title"].startswith("Stage deadlines: ")
    assert "Voting day · 2024 Simultaneous Regional Elections · tomorrow" in bodies[0]["message"]
    quiet = cli(
        "check", "--remind", "7", "-e", "pilkada-2024", "--on", "2024-10-05", "--notify", url
    )
    assert quiet.exit_code == 0 and len(bodies) == 1  # nothing due: nothing sent


def test_urls_from_the_config_and_the_config_stays_private(cli, receiver, tmp_path):
    url, bodies = receiver
    assert cli("config", "set", "notify", url, "-q").exit_code == 0
    from tahapan.config import config_path

    assert config_path().stat().st_mode & 0o777 == 0o600
    result = cli(
        "check",
        "--active",
        "kampanye",
        "-e",
        "pilkada-2024",
        "--on",
        "2024-10-01",
        "--notify",
        "config",
    )
    assert result.exit_code == 0
    assert result.stdout.startswith("ya: pilkada-2024/kampanye berjalan")  # scripts read this
    assert bodies[0]["title"] == "Tahapan berjalan"
    assert bodies[0]["message"] == (
        "Pelaksanaan kampanye (Pilkada Serentak 2024) sedang berjalan, hari ke-7 dari 60, "
        "sisa 53 hari"
    )


def test_active_sends_a_sentence_with_names(cli, receiver):
    url, bodies = receiver
    asked = ("check", "--active", "kampanye", "-e", "pemilu-2024", "--notify", url)
    assert cli(*asked, "--on", "2023-11-29").exit_code == 0
    assert bodies[0]["message"] == (
        "Masa Kampanye Pemilu (Pemilu 2024) sedang berjalan, hari ke-2 dari 75, sisa 73 hari"
    )
    assert cli(*asked, "--on", "2023-11-29", "--lang", "en").exit_code == 0
    assert bodies[1]["title"] == "Stage running"
    assert bodies[1]["message"] == (
        "Campaign period (2024 General Election) is running, day 2 of 75, 73 days left"
    )
    assert cli(*asked, "--on", "2023-10-29").exit_code == 1
    assert bodies[2]["title"] == "Tahapan tidak berjalan"
    assert bodies[2]["message"] == (
        "Masa Kampanye Pemilu (Pemilu 2024) tidak berjalan pada 29 Okt 2023 (mulai dalam 30 hari)"
    )


def test_a_failed_send_is_exit_75_and_the_answer_is_still_printed(cli):
    url = f"json://127.0.0.1:{closed_port()}/secret-token"
    result = cli(
        "check", "--within", "7", "-e", "pilkada-2024", "--on", "2024-11-20", "--notify", url
    )
    assert result.exit_code == 75
    assert "Pemungutan suara" in result.stdout
    assert result.stderr.startswith("tahapan: pemberitahuan tidak terkirim ke json://...")
    assert "secret-token" not in result.stderr and "127.0.0.1" not in result.stderr


def test_without_apprise_the_message_says_how_to_install_it(cli, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "apprise", None)  # import apprise now fails
    result = cli(
        "check",
        "--within",
        "7",
        "-e",
        "pilkada-2024",
        "--on",
        "2024-11-20",
        "--notify",
        "json://x/",
    )
    assert result.exit_code == 75 and "Pemungutan suara" in result.stdout
    assert "pip install 'tahapan[notify]'" in result.stderr


def test_notify_config_without_urls_is_bad_input(cli):
    result = cli("check", "--within", "7", "--on", "2024-11-20", "--notify", "config")
    assert result.exit_code == 2 and "notify" in result.stderr


def test_no_token_is_ever_printed(cli, monkeypatch):
    import apprise

    # the send fails here, never reaching Telegram: this test stays on the machine
    monkeypatch.setattr(apprise.Apprise, "notify", lambda self, *a, **k: False)
    # the README's own Telegram form: the bot token stands where a host would
    url = "tgram://123456789:SECRETBOTTOKEN/12345"
    result = cli(
        "check", "--within", "7", "-e", "pilkada-2024", "--on", "2024-11-20", "--notify", url, "-q"
    )
    assert (
        result.exit_code == 75
        and "SECRET" not in result.stderr
        and "123456789" not in result.stderr
    )
    mailto = "mailto://user:pw-SECRET@example.invalid?to=a@example.invalid,b@example.invalid"
    saved = cli("config", "set", "notify", mailto)
    assert saved.exit_code == 0 and "SECRET" not in saved.stderr  # commas belong to the URL
    assert cli("config", "get", "notify").stdout == mailto + "\n"
    assert "SECRET" not in cli("config", "list").stdout
    refused = cli("config", "set", "notify", "u:SECRET@host")
    assert refused.exit_code == 2 and "SECRET" not in refused.stderr


@pytest.mark.parametrize(
    ("url", "seen"),
    [
        ("tgram://SECRET", "tgram://***"),
        ("foo://x", "foo://***"),
        ("tgram://1:SECRET@", "tgram://***:***@"),
    ],
)
def test_a_refused_url_is_said_once_masked_with_an_example_before_any_answer(cli, url, seen):
    result = cli("check", "--within", "7", "-e", "pilkada-2024", "--on", "2024-11-20",
                 "--notify", url)  # fmt: skip
    assert result.exit_code == 2 and result.stdout == ""  # no answer before the refusal
    assert result.stderr == (
        f"tahapan: --notify {seen}: alamat tidak diterima Apprise (jenis alamat tidak dikenal atau "
        "ada bagian wajib yang belum diisi; sebagian alamat disamarkan dengan ***)\n"
        "  Contoh: tgram://TOKEN/CHAT_ID\n"
    )


def test_a_refused_url_in_the_config_names_the_config_key(run, tmp_path):
    # a config written by hand (or before Apprise was installed): `config set` refuses the URL
    config = tmp_path / "config" / "tahapan" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('notify = ["tgram://SECRET", "json://127.0.0.1:9/"]\n', encoding="utf-8")
    done = run("check", "--within", "7", "-e", "pilkada-2024", "--on", "2024-11-20",
               "--notify", "config", "--lang", "en")  # fmt: skip
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == (
        "tahapan: the config's notify key tgram://***: Apprise does not accept the URL (an "
        "unknown scheme, or a required part missing; the URL's parts are masked as ***)\n"
        "  E.g. tgram://TOKEN/CHAT_ID; fix it with: tahapan config set notify "
        "tgram://TOKEN/CHAT_ID\n"
    )


@pytest.mark.parametrize("url", ["notaurl", "json:/x", "://x"])
def test_a_malformed_url_is_bad_input_not_a_failed_send(cli, url):
    result = cli(
        "check", "--within", "7", "-e", "pilkada-2024", "--on", "2024-11-20", "--notify", url, "-q"
    )
    assert result.exit_code == 2 and "--notify" in result.stderr


def test_tokens_never_reach_a_file_others_can_read(cli, tmp_path, monkeypatch):
    """An office config at 0644 gets a notify URL: the new content is 0600 already when it takes
    the config's place (the mode is set on the temporary file, not after the rename)."""
    import os

    from tahapan import safefile
    from tahapan.config import config_path

    assert cli("config", "set", "lang", "id", "-q").exit_code == 0
    config = config_path()
    config.chmod(0o644)
    seen = []
    real_replace = os.replace

    def replace(source, destination):
        seen.append(os.stat(source).st_mode & 0o777)
        real_replace(source, destination)

    monkeypatch.setattr(safefile.os, "replace", replace)
    url = "json://127.0.0.1:9/secret-token"
    assert cli("config", "set", "notify", url, "-q").exit_code == 0
    assert seen == [0o600] and config.stat().st_mode & 0o777 == 0o600
    assert cli("config", "set", "lang", "en", "-q").exit_code == 0  # it stays private
    assert config.stat().st_mode & 0o777 == 0o600


def test_config_set_refuses_a_url_apprise_cannot_read_and_keeps_the_old_one(cli, run):
    assert cli("config", "set", "notify", "tgram://123456789:AAF/-100123", "-q").exit_code == 0
    refused = cli("config", "set", "notify", "tgram://123456789:AAF/-100123 foo://x")
    assert refused.exit_code == 2
    assert refused.stderr.startswith(
        "tahapan: alamat notify di pengaturan foo://***: alamat tidak diterima Apprise"
    )
    assert "AAF" not in refused.stderr and "Contoh: tgram://TOKEN/CHAT_ID" in refused.stderr
    kept = run("config", "get", "notify")
    assert (kept.returncode, kept.stdout) == (0, "tgram://123456789:AAF/-100123\n")
