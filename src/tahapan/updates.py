"""Schedule updates without a new release: a schedule file fetched from a path or an http(s) address,
checked as a whole, and installed into the user's data folder (``pembaruan/``), where the loader
reads it after the shipped data (config.installed_updates).

- ``sources.json`` remembers each source: its file, its public key (then a signature is always
  required), the server's validators (ETag, Last-Modified) and the revision installed, so that
  `tahapan data update` alone refreshes them all and an unchanged source costs one short answer.
- Each install keeps the file it replaces as ``FILE.prev``; `tahapan data rollback` puts it back.
- Nothing here is run implicitly: only `tahapan data update` and `rollback` fetch or install.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tahapan.errors import DataError, TahapanError
from tahapan.i18n import tr

FORMAT = 1


@dataclass
class Entry:
    """A remembered source."""

    source: str
    file: str
    key: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    revision: str | None = None
    installed_at: str | None = None
    checked_at: str | None = None
    #: digest of the content `data rollback` undid: not installed again unless forced
    undone: str | None = None

    def table(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class Registry:
    folder: Path
    entries: dict[str, Entry] = field(default_factory=dict)
    #: sources in the order they were installed, newest last (what rollback undoes)
    installs: list[str] = field(default_factory=list)

    @property
    def path(self) -> Path:
        return self.folder / "sources.json"

    @classmethod
    def open(cls, folder: Path) -> Registry:
        registry = cls(folder)
        try:
            raw = registry.path.read_bytes()
        except FileNotFoundError:
            return registry
        except OSError as err:
            raise TahapanError(
                tr(
                    f"daftar sumber pembaruan {registry.path} tidak dapat dibaca ({err.strerror})",
                    f"the list of update sources {registry.path} cannot be read ({err.strerror})",
                )
            ) from None
        try:
            registry._read(json.loads(raw))
        except (ValueError, TypeError, KeyError, AttributeError) as err:
            raise TahapanError(
                tr(
                    f"daftar sumber pembaruan {registry.path} rusak ({err})",
                    f"the list of update sources {registry.path} is damaged ({err})",
                ),
                hint=tr(
                    "Perbaiki atau hapus berkas itu, lalu pasang lagi sumbernya dengan `tahapan "
                    "data update SUMBER --key ...`.",
                    "Repair or remove that file, then install the sources again with `tahapan data "
                    "update SOURCE --key ...`.",
                ),
            ) from None
        return registry

    def _read(self, data: Any) -> None:
        """The file's content, its shape checked: a `file` names a file of this folder only."""
        import re

        if not isinstance(data, dict) or not isinstance(data.get("sources", []), list):
            raise ValueError("not a table of sources")
        for table in data.get("sources", []):
            if not isinstance(table, dict):
                raise ValueError("a source is not a table")
            values = {k: v for k, v in table.items() if k in Entry.__dataclass_fields__}
            if not all(isinstance(v, str) for v in values.values()):
                raise ValueError("a source's fields must be text")
            entry = Entry(**values)
            if not re.fullmatch(r"[a-z0-9-]+\.toml", entry.file):
                raise ValueError(f"file {entry.file!r} is not a name in this folder")
            self.entries[entry.source] = entry
        installs = data.get("installs", [])
        if not isinstance(installs, list) or not all(isinstance(s, str) for s in installs):
            raise ValueError("installs is not a list of sources")
        self.installs = [s for s in installs if s in self.entries]

    def encoded(self) -> bytes:
        data = {
            "format": FORMAT,
            "sources": [e.table() for e in self.entries.values()],
            "installs": self.installs,
        }
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")

    def save(self, data: bytes | None = None) -> None:
        from tahapan.safefile import failed, replace_bytes

        try:
            replace_bytes(self.path, data if data is not None else self.encoded(), mode=0o600)
        except OSError as err:
            raise failed(self.path, err) from None

    def entry(self, source: str) -> Entry:
        found = self.entries.get(source)
        if found is None:
            found = Entry(source, file=f"{_slug(source)}.toml")
        return found


def _slug(source: str) -> str:
    """A file name for a source: readable, and unique by a digest of the whole address."""
    import re

    from tahapan.folders import hasher

    digest = hasher(5)
    digest.update(source.encode("utf-8", "surrogateescape"))
    tail = re.sub(r"[^a-z0-9]+", "-", source.lower().rsplit("/", 1)[-1].removesuffix(".toml"))
    return f"{tail.strip('-')[:40] or 'jadwal'}-{digest.hexdigest()}"


def normal_source(text: str) -> str:
    """A source as remembered: an address as given, a path made absolute (cron runs elsewhere;
    a symlink stays a symlink, so that moving it to a newer file is followed)."""
    import os
    import re

    from tahapan.download import is_url

    text = text.strip()
    if not text:
        raise TahapanError(tr("SUMBER kosong", "SOURCE is empty"))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise TahapanError(
            tr(
                "nama berkas SUMBER bukan UTF-8; ganti namanya dengan huruf biasa",
                "the SOURCE file name is not UTF-8; rename it with plain letters",
            )
        ) from None
    if is_url(text):
        return text
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", text):
        raise TahapanError(
            tr(
                f"alamat {display(text)} tidak didukung: gunakan alamat http:// atau https://, atau "
                "jalur berkas di komputer ini",
                f"the address {display(text)} is not supported: only http:// and https://, or a file",
            )
        )
    return os.path.abspath(os.path.expanduser(text))


def display(source: str) -> str:
    """A source as it is shown and recorded: an address without its user:password, and nothing a
    terminal would take as a control sequence."""
    from tahapan.download import is_url, shown
    from tahapan.text import one_line

    return one_line(shown(source) if is_url(source) else source)


def key_line(given: str) -> str:
    """The public key as minisign's base64 line, as it is remembered: not a path, which a cron run
    elsewhere could not find and which could change after it was trusted."""
    import base64

    from tahapan.signature import read_public_key

    key = read_public_key(given)
    return base64.b64encode(b"Ed" + key.key_id + key.key).decode("ascii")


@dataclass
class Fetched:
    """A source's content and where it came from; ``body`` None: unchanged since the last time."""

    body: bytes | None
    etag: str | None = None
    last_modified: str | None = None


def fetch(source: str, entry: Entry | None, *, force: bool, timeout: float = 30.0) -> Fetched:
    """The bytes of a source: a conditional download of an address, or a file read."""
    from tahapan.download import download, is_url

    if is_url(source):
        known = entry if entry is not None and not force else None
        got = download(
            source,
            etag=known.etag if known else None,
            last_modified=known.last_modified if known else None,
            timeout=timeout,
        )
        return Fetched(got.body, got.etag, got.last_modified)
    from tahapan.schedule.read import read_bytes

    return Fetched(read_bytes(Path(source)))


def fetch_signature(source: str, timeout: float = 30.0) -> bytes:
    """SOURCE.minisig, beside the source (always fetched whole: it is what vouches for the file)."""
    from tahapan.download import download, is_url

    where = signature_address(source)
    if is_url(source):
        got = download(where, max_bytes=64 * 1024, timeout=timeout)
        return got.body or b""
    try:
        with open(where, "rb") as handle:
            return handle.read(64 * 1024)
    except OSError as err:
        raise TahapanError(
            tr(
                f"tanda tangan {where} tidak dapat dibaca ({err.strerror}); sumber dengan kunci "
                "publik harus bertanda tangan minisign",
                f"the signature {where} cannot be read ({err.strerror}); a source with a public "
                "key must carry a minisign signature",
            )
        ) from None


def signature_address(source: str) -> str:
    """SOURCE.minisig: beside the file's path, before any query (a fragment is not sent)."""
    from tahapan.download import is_url

    if not is_url(source):
        return source + ".minisig"
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(source)
    return urlunsplit(parts._replace(path=parts.path + ".minisig", fragment=""))


def check_signature(source: str, body: bytes, key_text: str, *, timeout: float = 30.0) -> str:
    from tahapan.signature import read_public_key, verify

    key = read_public_key(key_text)  # a bad key is said before anything is fetched for it
    return verify(body, fetch_signature(source, timeout), key)


def revision_of(body: bytes, name: str) -> tuple[date, str | None]:
    """The revision a downloaded schedule declares; an update without one cannot be ordered, so it
    is refused."""
    from tahapan.schedule.read import source_from_bytes

    data = source_from_bytes(Path(name), body).data
    revision = data.get("revision")
    if not isinstance(revision, date) or isinstance(revision, datetime):
        raise DataError(
            [
                f"{name}: "
                + tr(
                    "pembaruan harus menyebut revisinya di baris atas, mis. revision = 2027-01-10",
                    "an update must give its revision at the top, e.g. revision = 2027-01-10",
                )
            ]
        )
    note = data.get("revision_note")
    return revision, note if isinstance(note, str) else None


def digest(body: bytes) -> str:
    from tahapan.folders import hasher

    found = hasher(16)
    found.update(body)
    return str(found.hexdigest())
