"""Schedule files from disk to TOML tables: bounded in size, depth and key length, UTF-8 checked,
every failure a ``DataError`` or ``UnreadableError`` naming the file (and line)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tahapan.errors import DataError, UnreadableError
from tahapan.i18n import Message, Words, toml_syntax_message

if TYPE_CHECKING:
    from tahapan.schedule.merge import SourceFile


def read_source(path: Path) -> SourceFile:
    return source_from_bytes(path, read_bytes(path))


def source_from_bytes(path: Path, raw: bytes) -> SourceFile:
    import tomllib  # a cached run reads no TOML at all

    from tahapan.schedule.merge import SourceFile
    from tahapan.schedule.toml_pieces import loads

    text = decode(path, raw)
    _check_keys(path, text)
    try:
        data = loads(text)
    except tomllib.TOMLDecodeError as err:
        raise DataError([toml_syntax_message(path, err)]) from None
    except RecursionError:
        raise DataError([f"{path}: " + _too_deep()]) from None
    if _depth(data) > MAX_DEPTH:
        raise DataError([f"{path}: " + _too_deep()])
    return SourceFile(path, text, data)


#: dotted keys (a.b.c = 1) longer than this are refused before parsing: the parser's work and memory
#: grow with the square of the parts, and a 60 kB key of 30,000 parts takes gigabytes; a schedule
#: needs a handful (each level of sub-stages is two)
MAX_KEY_PARTS = 40


@cache
def _long_key() -> re.Pattern[str]:
    """A run of more than MAX_KEY_PARTS dotted key parts, anywhere (a line's key or an inline
    table's); compiled when a file is first read, not on a cached run."""
    # each part starts where a word starts and is taken whole (possessive): a 5 MB word is passed
    # over once, not tried again from each of its letters
    return re.compile(
        r"""(?<![A-Za-z0-9_-])(?:(?:[A-Za-z0-9_-]++|"[^"\n]*+"|'[^'\n]*+')[ \t]*\.[ \t]*)"""
        + f"{{{MAX_KEY_PARTS},}}"
    )


@cache
def _many_dots() -> re.Pattern[str]:
    """MAX_KEY_PARTS dots on one line: every long key has them (its parts and dots hold no
    newline), and this search, which the regex engine starts only at a dot, spares a large file
    the slower one above."""
    return re.compile(r"\.(?:[^\n.]*+\.)" + f"{{{MAX_KEY_PARTS - 1}}}")


def _check_keys(path: Path, text: str) -> None:
    if _many_dots().search(text) is None:
        return
    found = _long_key().search(text)
    if found is None:
        return
    number = text.count("\n", 0, found.start()) + 1
    parts = found.group().count(".") + 1
    raise DataError(
        [
            f"{path}:{number}: "
            + Words(
                f"kunci bertitik terlalu panjang ({parts} bagian); paling banyak {MAX_KEY_PARTS}",
                f"dotted key too long ({parts} parts); at most {MAX_KEY_PARTS}",
            )
        ]
    )


def _too_deep() -> Message:
    return Words(
        f"tabel bersarang terlalu dalam; subtahapan paling dalam {MAX_DEPTH} tingkat",
        f"tables nested too deeply; sub-stages go at most {MAX_DEPTH} levels deep",
    )


def _depth(data: Any) -> int:
    """How deep tables and lists nest, counted without recursion (so any depth can be measured)."""
    deepest = 0
    # one level at a time, tables and lists only: a schedule's many strings and dates end no deeper
    level = [data] if isinstance(data, (dict, list)) else []
    while level:
        level = [
            child
            for node in level
            for child in (node.values() if isinstance(node, dict) else node)
            if isinstance(child, (dict, list))
        ]
        deepest += 1 if level else 0
    return deepest // 2  # each level of stages is a list and a table


def read_text(path: Path) -> str:
    return decode(path, read_bytes(path))


#: the largest schedule file read: a national office's 25,000 stages take 6.5 MB; this bounds the
#: memory and time a mistaken file (a log, a database dump) can take
MAX_FILE_BYTES = 32 * 1024 * 1024
#: how deep sub-stages may nest; real schedules use three levels at most
MAX_DEPTH = 16


def read_bytes(path: Path) -> bytes:
    import stat

    try:
        if not stat.S_ISREG(path.stat().st_mode) and not path.is_dir():
            # a FIFO would block for ever and /dev/zero never ends: schedules are regular files
            raise UnreadableError(
                [
                    f"{path}: "
                    + Words(
                        "bukan berkas biasa (pipa atau perangkat); berkas jadwal dibaca dari berkas TOML",
                        "not a regular file (a pipe or a device); schedules are read from TOML files",
                    )
                ]
            )
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            size = path.stat().st_size / 1024 / 1024
            raise UnreadableError(
                [
                    f"{path}: "
                    + Words(
                        f"terlalu besar ({size:.1f} MB); berkas jadwal dibaca sampai {MAX_FILE_BYTES // 1024 // 1024} MB",
                        f"too large ({size:.1f} MB); schedule files are read up to {MAX_FILE_BYTES // 1024 // 1024} MB",
                    )
                ]
            )
        return raw
    except FileNotFoundError:
        raise UnreadableError(
            [f"{path}: " + Words("berkas tidak ditemukan", "no such file")]
        ) from None
    except IsADirectoryError:
        raise UnreadableError(
            [
                f"{path}: "
                + Words("ini folder, bukan berkas TOML", "is a directory, not a TOML file")
            ]
        ) from None
    except PermissionError:
        raise UnreadableError(
            [f"{path}: " + Words("tidak ada izin membaca", "permission denied")]
        ) from None
    except OSError as err:
        raise UnreadableError(
            [f"{path}: " + Words("tidak dapat dibaca", "cannot be read") + f" ({err.strerror})"]
        ) from None


def decode(path: Path, raw: bytes) -> str:
    try:
        # utf-8-sig: files saved by Windows editors start with a byte-order mark.
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise DataError(
            [
                f"{path}:{line}: "
                + Words(
                    f"bukan teks UTF-8 (bita 0x{raw[err.start]:02x}); simpan berkas sebagai UTF-8",
                    f"not UTF-8 text (byte 0x{raw[err.start]:02x}); save the file as UTF-8",
                )
            ]
        ) from None


def file_summary(data: dict[str, Any]) -> tuple[int, int]:
    """Elections and stages written in one file's tables (for `validate`'s report)."""

    def count(stages: Any) -> int:
        if not isinstance(stages, list):
            return 0
        return sum(1 + count(s.get("stages")) for s in stages if isinstance(s, dict))

    elections = data.get("elections", [])
    if not isinstance(elections, list):
        return 0, 0
    return len(elections), sum(count(e.get("stages")) for e in elections if isinstance(e, dict))
