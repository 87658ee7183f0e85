"""Schedule files from the web (`tahapan data update URL`): one download over http(s) with the
standard library, bounded in size as files on disk are (``MAX_BYTES``) and in time for the whole
download (``TIMEOUT``: connecting, the answer's headers and its body together, however slowly they
come), and conditional (ETag, Last-Modified) so that an unchanged file costs one short answer.

Every failure is a ``TahapanError`` naming the address (never its user:password part) and what
happened: ``DownloadError`` (exit 75, try again later) when the network or the server fails for now,
``TooLargeError`` and the others (exit 2) when the address itself is wrong. urllib is imported only
when a download starts.
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
    if _usable(etag):
        headers["If-None-Match"] = etag
    if _usable(last_modified):
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
            return Download(
                err.url or target,
                None,
                _header(err.headers, "ETag") or etag,
                _header(err.headers, "Last-Modified") or last_modified,
            )
        with response:
            body = _body(response, watch, name, max_bytes)
            return Download(
                response.geturl() or target,
                body,
                _header(response.headers, "ETag"),
                _header(response.headers, "Last-Modified"),
            )
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
    if (
        parts is None
        or parts.scheme.lower() not in ("http", "https")
        or not parts.hostname
        or not host.isprintable()
        or " " in host
    ):
        raise TahapanError(
            f"{name}: " + tr("bukan alamat http:// atau https:// yang sah", "not a valid http:// or https:// address"),
            hint=_check_address(),
        )
    # spaces, non-ASCII and control characters are sent percent-encoded, as browsers send them
    path, query = (quote(part, safe=string.punctuation) for part in (parts.path, parts.query))
    target = urlunsplit((parts.scheme.lower(), host, path, query, ""))
    if parts.username is None and parts.password is None:
        return target, name, None
    import base64

    pair = f"{unquote(parts.username or '')}:{unquote(parts.password or '')}".encode()
    return target, name, "Basic " + base64.b64encode(pair).decode("ascii")


def _usable(value: str | None) -> bool:
    """A validator that can be sent back (one stored badly, with a line break, is not)."""
    return bool(value and value.strip() and value.isprintable())


def _header(headers: Message, key: str) -> str | None:
    value = headers.get(key)
    return value.strip() if isinstance(value, str) and _usable(value) else None


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
    import socket

    try:
        # the plain socket's shutdown, under TLS too: it wakes a reader in another thread without
        # touching the TLS object that reader is using
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:  # closed already: the download ended as the deadline came
        pass


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
            self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any, newurl: str
        ) -> urllib.request.Request | None:
            old, new = (u.partition(":")[0].lower() for u in (req.full_url, newurl))
            if new in ("http", "https") and (old, new) != ("https", "http"):
                return super().redirect_request(req, fp, code, msg, headers, newurl)
            fp.close()
            why = (
                tr("pengalihan dari https ke http tidak diikuti", "a redirect from https to http is not followed")
                if new == "http"
                else tr("pengalihan ke selain http(s) tidak diikuti", "a redirect away from http(s) is not followed")
            )
            raise TahapanError(
                f"{shown(req.full_url)}: "
                + tr(f"server mengalihkan ke {shown(newurl)}; {why}", f"the server redirected to {shown(newurl)}; {why}"),
                hint=_check_address(),
            )

    return urllib.request.build_opener(Http(), Https(), Redirects())


def _body(response: HTTPResponse, watch: _Watch, name: str, max_bytes: int) -> bytes:
    """The answer's body, read a chunk at a time (``read1``: what has come, not a full chunk) so
    that the size and the deadline are checked as it comes."""
    encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding != "identity":  # asked for none; a compressed body would escape the size bound
        raise TahapanError(
            f"{name}: "
            + tr(
                f"server mengirim isi terkompresi ({encoding}) padahal diminta tanpa kompresi",
                f"the server sent a compressed body ({encoding}) though none was asked for",
            ),
            hint=_check_address(),
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
        raise DownloadError(
            f"{name}: "
            + tr(
                f"sambungan terputus setelah {got} dari {expected} byte",
                f"the connection was cut off after {got} of {expected} bytes",
            ),
            hint=_later(),
        )
    return b"".join(chunks)


def _too_large(name: str, max_bytes: int, size: int | None = None) -> TooLargeError:
    limit = _size(max_bytes)
    found = f"{_size(size)}" if size is not None else tr(f"lebih dari {limit}", f"more than {limit}")
    return TooLargeError(
        f"{name}: "
        + tr(
            f"terlalu besar ({found}); berkas jadwal diunduh sampai {limit}",
            f"too large ({found}); schedule files are downloaded up to {limit}",
        ),
        hint=_check_address(),
    )


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f}".removesuffix(".0") + " MB"
    return tr(f"{n} byte", f"{n} bytes")


def _status_error(code: int, name: str) -> TahapanError:
    """An answer other than 2xx or 304: the server's fault for now (5xx, 408, 429), or the address's."""
    from http import HTTPStatus

    try:
        status = f"HTTP {code} ({HTTPStatus(code).phrase})"
    except ValueError:
        status = f"HTTP {code}"
    answered = f"{name}: " + tr(f"server menjawab {status}", f"the server answered {status}")
    if code >= 500 or code in (408, 429):
        return DownloadError(answered, hint=_later())
    if 300 <= code < 400:  # no Location, a kind urllib does not follow, or a loop
        answered += tr(", pengalihan yang tidak dapat diikuti", ", a redirect that cannot be followed")
    return TahapanError(answered, hint=_check_address())


def _failure(err: Exception, expired: bool, name: str, timeout: float) -> TahapanError:
    """What went wrong on the way, in words: most of it is the network's, for now."""
    import http.client
    import socket
    import ssl
    import urllib.error

    reason: object = err.reason if isinstance(err, urllib.error.URLError) else err
    hint = _later()
    if expired or isinstance(reason, TimeoutError):
        what = tr(f"unduhan tidak selesai dalam {timeout:g} detik", f"the download did not finish within {timeout:g} seconds")
    elif isinstance(reason, ssl.SSLCertVerificationError):
        detail = reason.verify_message or reason.reason
        return TahapanError(
            f"{name}: "
            + tr(f"sertifikat server tidak dapat diverifikasi ({detail})", f"the server's certificate could not be verified ({detail})"),
            hint=_check_address(),
        )
    elif isinstance(reason, (str, http.client.InvalidURL, UnicodeError)):
        return TahapanError(
            f"{name}: " + tr("bukan alamat http:// atau https:// yang sah", "not a valid http:// or https:// address"),
            hint=_check_address(),
        )
    elif isinstance(reason, socket.gaierror):
        what = tr("nama host tidak ditemukan (DNS)", "the host name could not be found (DNS)")
        hint = tr(
            "Tidak ada yang diubah; periksa alamat dan sambungan internetnya, lalu coba lagi nanti.",
            "Nothing was changed; check the address and the network connection, and try again later.",
        )
    elif isinstance(reason, ConnectionRefusedError):
        what = tr("sambungan ditolak", "the connection was refused")
    elif isinstance(reason, http.client.IncompleteRead):
        what = tr("sambungan terputus sebelum berkasnya lengkap", "the connection was cut off before the whole file came")
    elif isinstance(reason, ConnectionError):
        what = tr("sambungan terputus", "the connection was cut off")
    elif isinstance(reason, ssl.SSLError):
        what = tr(f"sambungan aman (TLS) gagal ({reason.reason})", f"the secure connection (TLS) failed ({reason.reason})")
    elif isinstance(reason, http.client.HTTPException):
        what = tr("jawaban server tidak dapat dibaca", "the server's answer could not be read")
    else:
        detail = (reason.strerror if isinstance(reason, OSError) else None) or str(reason) or type(reason).__name__
        what = tr(f"jaringan gagal ({detail})", f"the network failed ({detail})")
    return DownloadError(f"{name}: {what}", hint=hint)


def _later() -> str:
    return tr("Tidak ada yang diubah; coba lagi nanti.", "Nothing was changed; try again later.")


def _check_address() -> str:
    return tr("Periksa alamatnya; tidak ada yang diubah.", "Check the address; nothing was changed.")
