"""`tahapan data update URL` downloads: against a real HTTP server on 127.0.0.1 (and an HTTPS one
where openssl can make it a certificate), every way a download ends, each with its exception, exit
code and message."""

from __future__ import annotations

import base64
import os
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import LATIHAN
from tahapan import __version__
from tahapan.download import (
    MAX_BYTES,
    TIMEOUT,
    Download,
    DownloadError,
    TooLargeError,
    download,
    is_url,
)
from tahapan.errors import ExitCode, TahapanError
from tahapan.i18n import set_language
from tahapan.schedule.read import MAX_FILE_BYTES

BODY = LATIHAN.encode()
ETAG = '"v1"'
MODIFIED = "Wed, 29 Nov 2023 01:00:00 GMT"
#: "it ended": far above every timeout given here, far below a hang
ENDED = 10.0


def _reply(h, code: int, body: bytes = b"", **headers: str) -> None:
    h.send_response(code)
    for name, value in {"Content-Length": str(len(body)), **headers}.items():
        h.send_header(name.replace("_", "-"), value)
    h.end_headers()
    h.wfile.write(body)


def _chunk(h, data: bytes) -> None:
    h.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
    h.wfile.flush()


def _ok(h):
    if h.headers.get("If-None-Match") == ETAG:
        _reply(h, 304, ETag=ETAG)
    else:
        _reply(h, 200, BODY, ETag=ETAG, Last_Modified=MODIFIED, Content_Type="text/plain")


def _hang(h):
    h.server.stop.wait()  # the request is read; no answer ever comes


def _drip(h):
    h.send_response(200)
    h.send_header("Content-Length", "10000")
    h.end_headers()
    h.wfile.flush()
    for _ in range(10000):  # a byte every tenth of a second: no socket timeout ever trips
        h.wfile.write(b"x")
        h.wfile.flush()
        if h.server.stop.wait(0.1):
            return


def _drip_headers(h):
    h.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
    for _ in range(10000):
        h.wfile.write(b"x")
        h.wfile.flush()
        if h.server.stop.wait(0.1):
            return


def _big_length(h):
    h.send_response(200)
    h.send_header("Content-Length", str(40 * 1024 * 1024))
    h.end_headers()  # and no body: the size alone is refused


def _big_chunked(h):
    h.send_response(200)
    h.send_header("Transfer-Encoding", "chunked")
    h.end_headers()
    for _ in range(200):
        _chunk(h, b"y" * 1000)
    _chunk(h, b"")


def _big_unsized(h):
    h.close_connection = True
    h.send_response(200)
    h.send_header("Connection", "close")
    h.end_headers()
    for _ in range(200):
        h.wfile.write(b"z" * 1000)


def _truncated(h):
    h.close_connection = True
    h.send_response(200)
    h.send_header("Content-Length", "1000")
    h.end_headers()
    h.wfile.write(b"a" * 100)


def _truncated_chunked(h):
    h.close_connection = True
    h.send_response(200)
    h.send_header("Transfer-Encoding", "chunked")
    h.end_headers()
    _chunk(h, b"b" * 100)
    h.wfile.write(b"3e8\r\n" + b"c" * 10)  # a 1000-byte chunk, cut after 10


ROUTES = {
    "/ok": _ok,
    "/bare304": lambda h: _reply(h, 304),
    "/500": lambda h: _reply(h, 500, b"oops"),
    "/503": lambda h: _reply(h, 503, Retry_After="120"),
    "/429": lambda h: _reply(h, 429),
    "/404": lambda h: _reply(h, 404, b"not here"),
    "/hang": _hang,
    "/drip": _drip,
    "/drip-headers": _drip_headers,
    "/big-length": _big_length,
    "/big-chunked": _big_chunked,
    "/big-unsized": _big_unsized,
    "/truncated": _truncated,
    "/truncated-chunked": _truncated_chunked,
    "/redirect": lambda h: _reply(h, 302, Location="/ok"),
    "/loop": lambda h: _reply(h, 302, Location="/loop"),
    "/to-ftp": lambda h: _reply(h, 302, Location="ftp://127.0.0.1/jadwal.toml"),
    "/to-http": lambda h: _reply(h, 302, Location=h.server.elsewhere),
    "/gzip": lambda h: _reply(h, 200, b"\x1f\x8b", Content_Encoding="gzip"),
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = ENDED  # no handler thread waits for ever on a client

    def do_GET(self):
        self.server.seen.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        route = ROUTES.get(self.path, lambda h: _reply(h, 404))
        try:
            route(self)
        except OSError:  # the client went away, as it does on a timeout or a size refused
            self.close_connection = True

    def log_message(self, format, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = False  # so that server_close() joins every handler thread
    block_on_close = True

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        if tls:
            self.socket = tls.wrap_socket(self.socket, server_side=True)
        self.scheme = "https" if tls else "http"
        self.stop = threading.Event()
        self.seen: list[tuple[str, dict[str, str]]] = []
        self.elsewhere = ""
        self._thread = threading.Thread(target=self.serve_forever, args=(0.05,))
        self._thread.start()

    def url(self, path: str, auth: str = "") -> str:
        return f"{self.scheme}://{auth}127.0.0.1:{self.server_address[1]}{path}"

    def close(self) -> None:
        self.stop.set()  # the hanging and dripping handlers return
        self.shutdown()
        self.server_close()
        self._thread.join(ENDED)


@pytest.fixture(autouse=True)
def no_proxy_for_loopback(monkeypatch):
    """A proxy in the environment is kept by download(); 127.0.0.1 must not go through it."""
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.setenv(name, "127.0.0.1,localhost")


@pytest.fixture
def servers():
    """Start servers with ``servers()`` or ``servers(tls)``; all are stopped, and every thread
    they and the downloads started is gone, at the end."""
    before = set(threading.enumerate())
    started: list[Server] = []

    def start(tls: ssl.SSLContext | None = None) -> Server:
        started.append(Server(tls))
        return started[-1]

    yield start
    for server in started:
        server.close()
    deadline = time.monotonic() + ENDED
    while set(threading.enumerate()) - before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert set(threading.enumerate()) - before == set()


@pytest.fixture
def server(servers):
    return servers()


@pytest.fixture
def tls(tmp_path, monkeypatch):
    """A server context with a self-signed certificate for 127.0.0.1, trusted by clients through
    SSL_CERT_FILE (where OpenSSL looks for its trusted certificates)."""
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed: no certificate for the HTTPS tests")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    return context


def failure(url: str, kind: type[TahapanError], code: ExitCode, **kwargs) -> str:
    """download(url) fails with exactly ``kind`` and exit ``code``; its message and hint, as lines."""
    with pytest.raises(TahapanError) as caught:
        download(url, **kwargs)
    assert type(caught.value) is kind
    assert caught.value.exit_code == code
    return "\n".join(caught.value.lines())


def later(text: str) -> None:
    assert "Tidak ada yang diubah; coba lagi nanti." in text


def test_the_bounds():
    assert MAX_BYTES == MAX_FILE_BYTES == 32 * 1024 * 1024
    assert TIMEOUT == 30.0
    assert DownloadError.exit_code == ExitCode.NOTIFY == 75
    assert TooLargeError.exit_code == ExitCode.BAD_INPUT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("http://example.org/jadwal.toml", True),
        ("https://example.org/jadwal.toml", True),
        ("HTTPS://Example.org/x", True),
        ("Http://example.org", True),
        ("ftp://example.org/jadwal.toml", False),
        ("jadwal.toml", False),
        ("./http://x", False),
        ("C:\\jadwal.toml", False),
        ("httpx://example.org", False),
        ("", False),
    ],
)
def test_is_url(text, expected):
    assert is_url(text) is expected


def test_importing_the_module_imports_no_network_code():
    code = (
        "import sys, tahapan.download; "
        "print(sorted(m for m in ('urllib.request', 'http.client', 'ssl', 'socket', 'threading') "
        "if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_200_gives_the_body_and_its_validators(server):
    got = download(server.url("/ok"))
    assert got == Download(server.url("/ok"), BODY, ETAG, MODIFIED)
    [(path, headers)] = server.seen
    assert path == "/ok"
    assert headers["user-agent"] == f"tahapan/{__version__}"
    assert headers["accept-encoding"] == "identity"
    assert "if-none-match" not in headers and "authorization" not in headers


def test_304_when_the_etag_matches(server):
    got = download(server.url("/ok"), etag=ETAG, last_modified=MODIFIED)
    assert got == Download(server.url("/ok"), None, ETAG, MODIFIED)
    [(_, headers)] = server.seen
    assert headers["if-none-match"] == ETAG
    assert headers["if-modified-since"] == MODIFIED


def test_304_without_validators_keeps_the_ones_given(server):
    got = download(server.url("/bare304"), etag='W/"old"', last_modified=MODIFIED)
    assert got == Download(server.url("/bare304"), None, 'W/"old"', MODIFIED)


def test_a_validator_with_a_line_break_is_not_sent(server):
    got = download(server.url("/ok"), etag='"v1"\r\nX-Evil: 1')
    assert got.body == BODY
    [(_, headers)] = server.seen
    assert "if-none-match" not in headers and "x-evil" not in headers


def test_a_redirect_is_followed(server):
    got = download(server.url("/redirect"), etag=ETAG)
    assert got == Download(server.url("/ok"), None, ETAG, None)
    assert [(path, headers.get("if-none-match")) for path, headers in server.seen] == [
        ("/redirect", ETAG),
        ("/ok", ETAG),
    ]


def test_500_is_for_now(server):
    text = failure(server.url("/500"), DownloadError, ExitCode.NOTIFY)
    assert f"{server.url('/500')}: server menjawab HTTP 500 (Internal Server Error)" in text
    later(text)


@pytest.mark.parametrize(
    ("path", "status"), [("/503", "503 (Service Unavailable)"), ("/429", "429 (Too Many Requests)")]
)
def test_503_and_429_are_for_now(server, path, status):
    text = failure(server.url(path), DownloadError, ExitCode.NOTIFY)
    assert f"server menjawab HTTP {status}" in text
    later(text)


def test_404_is_a_wrong_address(server):
    text = failure(server.url("/404"), TahapanError, ExitCode.BAD_INPUT)
    assert text == (
        f"{server.url('/404')}: server menjawab HTTP 404 (Not Found)\n"
        "Periksa alamatnya; tidak ada yang diubah."
    )


def test_messages_speak_english_when_asked(server):
    set_language("en")
    text = failure(server.url("/404"), TahapanError, ExitCode.BAD_INPUT)
    assert text == (
        f"{server.url('/404')}: the server answered HTTP 404 (Not Found)\n"
        "Check the address; nothing was changed."
    )
    text = failure(server.url("/500"), DownloadError, ExitCode.NOTIFY)
    assert text.endswith("Nothing was changed; try again later.")


def test_a_server_that_never_answers_ends_at_the_timeout(server):
    start = time.monotonic()
    text = failure(server.url("/hang"), DownloadError, ExitCode.NOTIFY, timeout=1)
    assert time.monotonic() - start < ENDED
    assert "unduhan tidak selesai dalam 1 detik" in text
    later(text)


@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_a_dripping_server_ends_at_the_timeout(server, path):
    start = time.monotonic()
    text = failure(server.url(path), DownloadError, ExitCode.NOTIFY, timeout=1)
    assert time.monotonic() - start < ENDED
    assert f"{server.url(path)}: unduhan tidak selesai dalam 1 detik" in text


def test_a_content_length_too_large_is_refused_before_reading(server):
    text = failure(server.url("/big-length"), TooLargeError, ExitCode.BAD_INPUT)
    assert "terlalu besar (40 MB); berkas jadwal diunduh sampai 32 MB" in text
    assert "tidak ada yang diubah" in text


@pytest.mark.parametrize("path", ["/big-chunked", "/big-unsized"])
def test_a_body_of_no_stated_length_is_cut_at_max_bytes(server, path):
    text = failure(server.url(path), TooLargeError, ExitCode.BAD_INPUT, max_bytes=10_000)
    assert f"{server.url(path)}: terlalu besar (lebih dari 10000 bita)" in text


def test_a_body_as_large_as_max_bytes_is_taken(server):
    assert download(server.url("/ok"), max_bytes=len(BODY)).body == BODY
    failure(server.url("/ok"), TooLargeError, ExitCode.BAD_INPUT, max_bytes=len(BODY) - 1)


def test_a_body_cut_short_of_its_content_length_is_for_now(server):
    text = failure(server.url("/truncated"), DownloadError, ExitCode.NOTIFY)
    assert "sambungan terputus setelah 100 dari 1000 bita" in text
    later(text)


def test_a_chunked_body_cut_short_is_for_now(server):
    text = failure(server.url("/truncated-chunked"), DownloadError, ExitCode.NOTIFY)
    assert "sambungan terputus sebelum berkasnya utuh" in text
    later(text)


def test_a_refused_connection_is_for_now():
    with socket.socket() as bound:  # bound, never listening: connecting is refused
        bound.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{bound.getsockname()[1]}/jadwal.toml"
        text = failure(url, DownloadError, ExitCode.NOTIFY)
    assert f"{url}: sambungan ditolak" in text
    later(text)


def test_a_dns_failure_is_for_now(monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)

    def offline(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", offline)
    text = failure("http://jadwal.invalid/x.toml", DownloadError, ExitCode.NOTIFY)
    assert "http://jadwal.invalid/x.toml: nama host tidak ditemukan (DNS" in text
    later(text)


def test_a_proxy_in_the_environment_is_kept_but_not_for_loopback(server, monkeypatch):
    dead = "http://127.0.0.2:9"  # nothing there: a request through it would fail
    for name in ("http_proxy", "HTTP_PROXY"):
        monkeypatch.setenv(name, dead)
    assert download(server.url("/ok")).body == BODY
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.setenv(name, "")
    failure(server.url("/ok"), DownloadError, ExitCode.NOTIFY)


def test_a_redirect_loop_is_a_wrong_address(server):
    text = failure(server.url("/loop"), TahapanError, ExitCode.BAD_INPUT)
    assert "HTTP 302 (Found), pengalihan yang tidak dapat diikuti" in text


def test_a_redirect_away_from_http_is_not_followed(server):
    text = failure(server.url("/to-ftp"), TahapanError, ExitCode.BAD_INPUT)
    assert "server mengalihkan ke ftp://127.0.0.1/jadwal.toml" in text
    assert "pengalihan ke selain http(s) tidak diikuti" in text


def test_a_compressed_body_is_refused(server):
    text = failure(server.url("/gzip"), TahapanError, ExitCode.BAD_INPUT)
    assert "server mengirim isi terkompresi (gzip)" in text


def test_user_and_password_are_sent_but_never_shown_nor_redirected(server):
    got = download(server.url("/redirect", auth="kpu:rah%40sia@"))
    assert got.url == server.url("/ok")
    (_, first), (_, second) = server.seen
    assert first["authorization"] == "Basic " + base64.b64encode(b"kpu:rah@sia").decode()
    assert "authorization" not in second
    text = failure(server.url("/404", auth="kpu:rah%40sia@"), TahapanError, ExitCode.BAD_INPUT)
    assert text.startswith(server.url("/404") + ":")
    assert "kpu" not in text and "rah" not in text


def test_an_address_with_spaces_and_accents_is_sent_percent_encoded(server):
    text = failure(server.url("/jadwal baru é.toml#bagian"), TahapanError, ExitCode.BAD_INPUT)
    assert [path for path, _ in server.seen] == ["/jadwal%20baru%20%C3%A9.toml"]
    assert text.startswith(server.url("/jadwal baru é.toml") + ": server menjawab HTTP 404")


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.org/x.toml",
        "http://",
        "https:///x.toml",
        "http://host:port/x",
        "http://[::1/x",
        "jadwal.toml",
    ],
)
def test_not_an_address(url):
    text = failure(url, TahapanError, ExitCode.BAD_INPUT)
    assert "bukan alamat http:// atau https:// yang sah" in text


def test_https_downloads_with_a_trusted_certificate(servers, tls):
    server = servers(tls)
    assert download(server.url("/ok")) == Download(server.url("/ok"), BODY, ETAG, MODIFIED)


def test_https_is_never_redirected_to_http(servers, tls):
    plain, secure = servers(), servers(tls)
    secure.elsewhere = plain.url("/ok")
    text = failure(secure.url("/to-http"), TahapanError, ExitCode.BAD_INPUT)
    assert f"{secure.url('/to-http')}: server mengalihkan ke {plain.url('/ok')}" in text
    assert "pengalihan dari https ke http tidak diikuti" in text
    assert plain.seen == []


def test_a_dripping_https_server_ends_at_the_timeout(servers, tls):
    server = servers(tls)
    start = time.monotonic()
    text = failure(server.url("/drip"), DownloadError, ExitCode.NOTIFY, timeout=1)
    assert time.monotonic() - start < ENDED
    assert "unduhan tidak selesai dalam 1 detik" in text


def test_an_untrusted_certificate_is_refused(servers, tls, monkeypatch):
    server = servers(tls)
    monkeypatch.setenv("SSL_CERT_FILE", os.devnull)
    text = failure(server.url("/ok"), TahapanError, ExitCode.BAD_INPUT)
    assert "sertifikat server tidak dapat diverifikasi" in text
    assert server.seen == []


def test_a_path_given_by_mistake_is_not_an_address(tmp_path: Path):
    text = failure(str(tmp_path / "jadwal.toml"), TahapanError, ExitCode.BAD_INPUT)
    assert "bukan alamat" in text
