"""Schedule files from the web (`tahapan data update URL`) over http(s) with the standard library:
bounded in size as files on disk are and in time for the whole download (however slowly it comes),
conditional (ETag, Last-Modified) so that an unchanged file costs one short answer. Failures name the
address (never its user:password) and what happened: ``DownloadError`` (exit 75) when the network or
the server fails for now, exit 2 when the address is wrong. urllib is imported when a download starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tahapan import __version__
from tahapan.errors import ExitCode, TahapanError
from tahapan.i18n import tr
from tahapan.schedule.read import MAX_FILE_BYTES

if TYPE_CHECKING:
    import socket
    import urllib.request
    from email.message import Message
    from http.client import HTTPResponse

#: the largest schedule downloaded: the bound of a schedule file on disk
MAX_BYTES = MAX_FILE_BYTES
#: seconds for the whole download, not for each read of the socket
TIMEOUT = 30.0
#: the most asked of the socket at once
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Download:
    """A server's answer: ``body`` is None for 304 Not Modified (the copy at hand is current), and then
    the validators given are kept where the server sends none."""

    #: where the answer came from, after any redirects (percent-encoded, without user:password)
    url: str
    body: bytes | None
    etag: str | None
    last_modified: str | None


class DownloadError(TahapanError):
    """The network or the server failed for now (offline, DNS, refused, a timeout, 5xx, 429, a cut
    connection): nothing was changed; try again later (sysexits' EX_TEMPFAIL)."""

    exit_code = ExitCode.NOTIFY


class TooLargeError(TahapanError):
    """The answer is larger than a schedule file may be (by its Content-Length or while reading)."""


def is_url(text: str) -> bool:
    """An http:// or https:// address (the scheme in any case), not a path."""
    return text[:8].lower().startswith(("http://", "https://"))


def shown(url: str) -> str:
    """``url`` as messages show it: without a user:password part and without a #fragment."""
    scheme, found, rest = url.partition("://")
    if not found:
        return url.partition("#")[0]
    end = min((i for i in map(rest.find, "/?#") if i >= 0), default=len(rest))
    return f"{scheme}://{rest[:end].rpartition('@')[2]}{rest[end:].partition('#')[0]}"


def download(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
) -> Download:
    """GET ``url``, conditionally when ``etag`` or ``last_modified`` is given; redirects are followed,
    but never from https to http."""
    import http.client
    import urllib.error
    import urllib.request

    target, name, authorization = _parse(url)
    headers = {"User-Agent": f"tahapan/{__version__}", "Accept-Encoding": "identity"}
    if etag and _usable(etag):
        headers["If-None-Match"] = etag
    if last_modified and _usable(last_modified):
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(target, headers=headers)
    if authorization:  # unredirected: a redirect to another host is not sent the password
        request.add_unredirected_header("Authorization", authorization)
    watch = _Watch(timeout)
    try:
        opener = _opener(watch)
        try:
            response: HTTPResponse = opener.open(request, timeout=watch.remaining())
        except urllib.error.HTTPError as err:
            err.close()
            if err.code != 304:
                raise _status_error(err.code, name) from None
            tag, modified = _validators(err.headers)
            return Download(err.url, None, tag or etag, modified or last_modified)
        with response:
            body = _body(response, watch, name, max_bytes)
            return Download(response.geturl(), body, *_validators(response.headers))
    except TahapanError:
        raise
    except (OSError, http.client.HTTPException, UnicodeError) as err:
        raise _failure(err, watch.expired, name, timeout) from None
    finally:
        watch.stop()


def _parse(url: str) -> tuple[str, str, str | None]:
    """The address to request (percent-encoded, no user:password, no fragment), the one to show,
    and the Authorization header for its user:password if it has one."""
    import string
    from urllib.parse import quote, unquote, urlsplit, urlunsplit

    name = shown(url)
    try:
        parts = urlsplit(url)
        _ = parts.port  # a port that is no number raises here
    except ValueError:
        parts = None
    host = parts.netloc.rpartition("@")[2] if parts else ""
    fit = parts is not None and parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    if parts is None or not fit or not host.isprintable() or " " in host:
        raise _bad(name, *_NOT_AN_ADDRESS)
    # spaces, non-ASCII and control characters are sent percent-encoded, as browsers send them
    path, query = (quote(part, safe=string.punctuation) for part in (parts.path, parts.query))
    target = urlunsplit((parts.scheme.lower(), host, path, query, ""))
    if parts.username is None and parts.password is None:
        return target, name, None
    import base64

    pair = f"{unquote(parts.username or '')}:{unquote(parts.password or '')}".encode()
    return target, name, "Basic " + base64.b64encode(pair).decode("ascii")


def _usable(value: str) -> bool:
    """A validator that can be sent back (one stored badly, with a line break, is not)."""
    return bool(value.strip()) and value.isprintable()


def _validators(headers: Message) -> tuple[str | None, str | None]:
    """The answer's ETag and Last-Modified, each None if absent or not fit to send back."""
    values = (headers.get(key) for key in ("ETag", "Last-Modified"))
    tag, modified = (v.strip() if isinstance(v, str) and _usable(v) else None for v in values)
    return tag, modified


class _Watch:
    """The whole download's deadline. Socket timeouts bound each wait, not the sum of them (a server
    dripping a byte a second never trips one), so at the deadline a timer shuts every socket opened
    so far: whatever read is waiting then ends at once, and ``expired`` says why."""

    def __init__(self, timeout: float) -> None:
        import threading
        import time

        self._clock = time.monotonic
        self._deadline = self._clock() + timeout
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self.expired = False
        self._timer = threading.Timer(max(timeout, 0.0), self._expire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        """Seconds left; TimeoutError when none are."""
        left = self._deadline - self._clock()
        if self.expired or left <= 0:
            self.expired = True
            raise TimeoutError
        return left

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)

    def stop(self) -> None:
        self._timer.cancel()
        self._timer.join()


def _shut(sock: socket.socket) -> None:
    import contextlib
    import socket

    # the plain socket's shutdown, under TLS too: it wakes a reader in another thread without
    # touching the TLS object that reader is using; OSError: closed already, the download is over
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _opener(watch: _Watch) -> urllib.request.OpenerDirector:
    """urllib's opener (the environment's proxies included) whose connections the watch sees and
    whose redirects stay on http(s) and never go from https to http."""
    import urllib.request

    def watched(http_class: Any) -> Any:
        def connection(host: str, **kwargs: Any) -> Any:
            kwargs["timeout"] = watch.remaining()  # connecting waits no longer than what is left
            conn = http_class(host, **kwargs)
            connect = conn.connect

            def connect_watched() -> None:
                connect()
                watch.add(conn.sock)

            conn.connect = connect_watched
            return conn

        return connection

    class Http(urllib.request.HTTPHandler):
        def do_open(self, http_class: Any, req: urllib.request.Request, **kwargs: Any) -> Any:
            return super().do_open(watched(http_class), req, **kwargs)

    class Https(urllib.request.HTTPSHandler):
        def do_open(self, http_class: Any, req: urllib.request.Request, **kwargs: Any) -> Any:
            return super().do_open(watched(http_class), req, **kwargs)

    class Redirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(
            self,
            req: urllib.request.Request,
            fp: Any,
            code: int,
            msg: str,
            headers: Any,
            newurl: str,
        ) -> urllib.request.Request | None:
            old, new = (u.partition(":")[0].lower() for u in (req.full_url, newurl))
            if new in ("http", "https") and (old, new) != ("https", "http"):
                return super().redirect_request(req, fp, code, msg, headers, newurl)
            fp.close()
            to, away = shown(newurl), ("dari https ke http", "from https to http")
            if new != "http":
                away = ("ke selain http(s)", "away from http(s)")
            raise _bad(
                shown(req.full_url),
                f"server mengalihkan ke {to}; pengalihan {away[0]} tidak diikuti",
                f"the server redirected to {to}; a redirect {away[1]} is not followed",
            )

    return urllib.request.build_opener(Http(), Https(), Redirects())


def _body(response: HTTPResponse, watch: _Watch, name: str, max_bytes: int) -> bytes:
    """The answer's body, read a chunk at a time (``read1``: what has come, not a full chunk) so
    that the size and the deadline are checked as it comes."""
    encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding != "identity":  # asked for none; a compressed body would escape the size bound
        raise _bad(
            name,
            f"server mengirim isi terkompresi ({encoding}) padahal diminta tanpa kompresi",
            f"the server sent a compressed body ({encoding}) though none was asked for",
        )
    expected = response.length  # None when unknown (chunked, or up to the connection's end)
    if expected is not None and expected > max_bytes:
        raise _too_large(name, max_bytes, expected)
    chunks = []
    got = 0
    while chunk := response.read1(min(CHUNK, max_bytes + 1 - got)):
        watch.remaining()
        got += len(chunk)
        if got > max_bytes:
            raise _too_large(name, max_bytes)
        chunks.append(chunk)
    watch.remaining()  # a read cut short by the deadline is a timeout, not a short file
    if expected is not None and got < expected:
        raise _for_now(
            name,
            f"sambungan terputus setelah {got} dari {expected} bita",
            f"the connection was cut off after {got} of {expected} bytes",
        )
    return b"".join(chunks)


def _too_large(name: str, max_bytes: int, size: int | None = None) -> TahapanError:
    limit = _size(max_bytes)
    found = (
        f"{_size(size)}" if size is not None else tr(f"lebih dari {limit}", f"more than {limit}")
    )
    return _bad(
        name,
        f"terlalu besar ({found}); berkas jadwal diunduh sampai {limit}",
        f"too large ({found}); schedule files are downloaded up to {limit}",
        TooLargeError,
    )


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f}".removesuffix(".0") + " MB"
    return tr(f"{n} bita", f"{n} bytes")


def _status_error(code: int, name: str) -> TahapanError:
    """An answer other than 2xx or 304: the server's fault for now (5xx, 408, 429), or the address's."""
    from http.client import responses

    status = f"HTTP {code} ({responses[code]})" if code in responses else f"HTTP {code}"
    id_text, en_text = f"server menjawab {status}", f"the server answered {status}"
    if code >= 500 or code in (408, 429):
        return _for_now(name, id_text, en_text)
    if 300 <= code < 400:  # no Location, a kind urllib does not follow, or a loop
        id_text += ", pengalihan yang tidak dapat diikuti"
        en_text += ", a redirect that cannot be followed"
    return _bad(name, id_text, en_text)


def _failure(err: Exception, expired: bool, name: str, timeout: float) -> TahapanError:
    """What went wrong on the way, in words: most of it is the network's, for now."""
    import http.client
    import socket
    import ssl
    import urllib.error

    reason: object = err.reason if isinstance(err, urllib.error.URLError) else err
    if expired or isinstance(reason, TimeoutError):
        return _for_now(
            name,
            f"unduhan tidak selesai dalam {timeout:g} detik",
            f"the download did not finish within {timeout:g} seconds",
        )
    if isinstance(reason, ssl.SSLCertVerificationError):
        why = reason.verify_message or reason.reason
        return _bad(
            name,
            f"sertifikat server tidak dapat diverifikasi ({why})",
            f"the server's certificate could not be verified ({why})",
        )
    if isinstance(reason, (str, http.client.InvalidURL, UnicodeError)):
        return _bad(name, *_NOT_AN_ADDRESS)
    if isinstance(reason, socket.gaierror):
        what = (
            "nama host tidak ditemukan (DNS: tidak tersambung ke internet, atau nama yang salah)",
            "the host name was not found (DNS: no network, or a wrong name)",
        )
    elif isinstance(reason, ssl.SSLError):
        what = (
            f"sambungan aman gagal ({reason.reason})",
            f"the secure connection failed ({reason.reason})",
        )
    elif isinstance(reason, ConnectionRefusedError):
        what = ("sambungan ditolak", "the connection was refused")
    elif isinstance(reason, http.client.IncompleteRead):
        what = ("sambungan terputus sebelum berkasnya utuh", "the connection was cut off mid-file")
    elif isinstance(reason, ConnectionError):
        what = ("sambungan terputus", "the connection was cut off")
    elif isinstance(reason, http.client.HTTPException):
        what = ("jawaban server tidak dapat dibaca", "the server's answer could not be read")
    else:
        why = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
        what = (f"jaringan gagal ({why})", f"the network failed ({why})")
    return _for_now(name, *what)


def _for_now(name: str, id_text: str, en_text: str) -> DownloadError:
    """The network's or the server's failure, for now: exit 75."""
    later = tr("Tidak ada yang diubah; coba lagi nanti.", "Nothing was changed; try again later.")
    return DownloadError(f"{name}: " + tr(id_text, en_text), hint=later)


def _bad(
    name: str, id_text: str, en_text: str, kind: type[TahapanError] = TahapanError
) -> TahapanError:
    """The address's fault (exit 2): trying again would not help."""
    check = tr(
        "Periksa alamatnya; tidak ada yang diubah.", "Check the address; nothing was changed."
    )
    return kind(f"{name}: " + tr(id_text, en_text), hint=check)


_NOT_AN_ADDRESS = (
    "bukan alamat http:// atau https:// yang sah",
    "not a valid http:// or https:// address",
)
