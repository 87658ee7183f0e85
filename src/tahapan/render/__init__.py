"""Output: one ``render(result, format)`` for every command.

JSON is the result's payload under the schema number (written here only); every other format is a
view found in ``render/views.py`` by the result's class and the format, and imported only when
drawn: Rich for people at a terminal, plain lines for scripts and cron, PDF, HTML, iCalendar, CSV,
xlsx and TOML files. Under -q the terminal view is not drawn (`render/notes.py`); a file format still
is, as JSON is.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from tahapan.render.formats import TERM, Content, Format
from tahapan.render.formats import format_named as format_named  # the CLI names formats by it
from tahapan.render.notes import quiet, say

if TYPE_CHECKING:
    from tahapan.errors import OutputError
    from tahapan.reports import Result

#: the version of every JSON answer's shape; a change that removes or renames a key raises it
JSON_SCHEMA = 1


def json_pieces(result: Result) -> Iterator[str]:
    """The JSON answer as json.dumps(indent=2) writes it, piece by piece: a payload's long lists
    (``reports.Streamed``) are made as they are written."""
    import json

    encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
    yield from encoder.iterencode({"schema": JSON_SCHEMA, **result.payload()})
    yield "\n"


def render(result: Result, format: Format = "term", output: Path | None = None) -> int:
    """Draw ``result`` as ``format`` on stdout (or into ``output``); the run's exit code."""
    if format == TERM and output is None and quiet():
        return result.exit_code  # -q: the exit code is the answer
    if format == "json":
        content: Content = json_pieces(result)
    else:
        from tahapan.render.views import find

        content = find(result, format, file=output is not None)(result)
    if content is not None:
        write_out(content, output, kind=format.upper(), file=format != TERM)
        if output is not None:
            from tahapan.i18n import tr

            say(tr(f"ditulis {output}", f"wrote {output}"))
    return result.exit_code


def write_out(
    content: str | bytes | Iterator[str],
    output: Path | None,
    *,
    kind: str = "PDF",
    file: bool = False,
) -> None:
    """An answer to stdout, or to ``output`` the safe way (atomically, the old one kept as .bak; a
    pipe or device written into). A binary answer (a PDF, an XLSX: ``kind``) is not sent to a
    terminal.

    A ``file`` format (JSON, CSV, iCalendar, TOML, HTML) goes to stdout as UTF-8 bytes as written:
    through the text layer, Windows would turn its "\r\n" into "\r\r\n" (a blank line after each
    CSV row, a broken ICS) and encode it in the ANSI code page, "?" for every character beyond."""
    if output is not None:
        from tahapan.safefile import save

        if isinstance(content, str):
            content = content.encode("utf-8")
        save(output, content if isinstance(content, bytes) else _encoded(content))
        return
    if not isinstance(content, (str, bytes)):  # pieces: written as they come
        sys.stdout.flush()
        for block in _encoded(content):
            _write_bytes(block)
        return
    if isinstance(content, str):
        if not file:
            sys.stdout.write(content)
            return
        sys.stdout.flush()  # what was written before goes first
        _write_bytes(content.encode("utf-8"))
        return
    if sys.stdout.isatty():
        from tahapan.errors import TahapanError
        from tahapan.i18n import tr

        raise TahapanError(
            tr(f"{kind} tidak dicetak ke terminal", f"{kind} is not printed to the terminal"),
            hint=tr(f"Tambahkan -o BERKAS.{kind.lower()}.", f"Give -o FILE.{kind.lower()}."),
        )
    _write_bytes(content)


def _encoded(pieces: Iterator[str], size: int = 1 << 16) -> Iterator[bytes]:
    """Pieces of text as blocks of about ``size`` bytes of UTF-8: a write per block, not per
    piece (the JSON encoder's pieces are single tokens)."""
    block: list[str] = []
    length = 0
    for piece in pieces:
        block.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(block).encode("utf-8")
            block, length = [], 0
    if block:
        yield "".join(block).encode("utf-8")


def _write_bytes(content: bytes) -> None:
    buffer = getattr(sys.stdout, "buffer", None)  # None: stdout was closed
    try:
        if buffer is None:
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        buffer.write(content)
        buffer.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as err:
        raise output_error(err) from None


def output_error(err: BaseException) -> OutputError:
    """A stream that cannot be written (a full disk, a closed stdout) as the error users see."""
    from tahapan.errors import OutputError
    from tahapan.i18n import tr

    known = {
        errno.ENOSPC: tr("disk penuh", "the disk is full"),
        errno.EDQUOT: tr("kuota disk habis", "the disk quota is used up"),
        errno.EBADF: tr("saluran keluaran (stdout) tertutup", "stdout is closed"),
        errno.EIO: tr("galat masukan/keluaran", "an input/output error"),
    }
    code = err.errno if isinstance(err, OSError) else None
    reason = known.get(code or 0) or (
        err.strerror if isinstance(err, OSError) and err.strerror else str(err)
    )
    return OutputError(
        tr(f"keluaran tidak dapat ditulis: {reason}", f"the output cannot be written: {reason}"),
        hint=tr(
            "Periksa tujuan keluaran (disk penuh? saluran keluaran tertutup?), atau tulis ke berkas dengan -o.",
            "Check where the output goes (a full disk? stdout closed?), or write a file with -o.",
        ),
    )
