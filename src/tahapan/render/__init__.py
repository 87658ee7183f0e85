"""Output: JSON for scripts, Rich for people. Rich is imported only when a person is reading."""

from __future__ import annotations

import errno
import json
import os
import sys
from pathlib import Path
from typing import Any, Protocol


class Report(Protocol):
    def to_json(self) -> dict[str, Any]: ...


def json_text(report: Report) -> str:
    return json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"


def emit(report: Report, *, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json_text(report))
        return
    if getattr(report, "plain_text", False):
        from tahapan.render.plain import render as render_plain

        render_plain(report)
        return
    from tahapan.render.terminal import render

    render(report)


def write_out(content: str | bytes, output: Path | None) -> None:
    """An answer to stdout, or to ``output`` the safe way (atomically, the old one kept as .bak; a
    pipe or device written into). A binary answer (a PDF) is not sent to a terminal."""
    if output is not None:
        from tahapan.safefile import save

        save(output, content if isinstance(content, bytes) else content.encode("utf-8"))
        return
    if isinstance(content, str):
        sys.stdout.write(content)
        return
    if sys.stdout.isatty():
        from tahapan.errors import TahapanError
        from tahapan.i18n import tr

        raise TahapanError(
            tr("PDF tidak dicetak ke terminal", "a PDF is not printed to the terminal"),
            hint=tr("Beri -o FILE.pdf.", "Give -o FILE.pdf."),
        )
    buffer = getattr(sys.stdout, "buffer", None)  # None: stdout was closed
    try:
        if buffer is None:
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        buffer.write(content)
        buffer.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as err:
        from tahapan.cli.streams import output_error

        raise output_error(err) from None
