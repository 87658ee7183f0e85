"""Standard streams as the world hands them: an encoding that cannot hold the text, a full disk,
a closed stdout or stderr. The answer is written with lookalikes ("#" for a bar's block) or "?"
where the encoding lacks a character; a stdout that cannot be written is a message and exit 74,
never an internal error."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from typing import Any

# the notes after a command's work, silenced by -q; they live with the output (render/notes.py)
from tahapan.render.notes import say as say


class _Stdout:
    """sys.stdout whose failed writes (disk full, closed, I/O error) become an ``OutputError``;
    a reader that went away stays a BrokenPipeError, which is quiet (exit 141)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return int(self._stream.write(text))
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as err:
            from tahapan.render import output_error

            raise output_error(err) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as err:
            from tahapan.render import output_error

            raise output_error(err) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class _Closed:
    """Stands for a stream that was closed before tahapan started."""

    encoding = "utf-8"
    errors = "replace"

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))


#: what a character the stream's encoding lacks is written as: output redirected on Windows is in
#: the ANSI code page (cp1252), which has no bar blocks, arrows or box lines; one character for one,
#: so that Rich's columns stay aligned. Any other character becomes "?"
LOOKALIKES = {
    "█": "#", "▓": "#", "░": "-", "▒": "-", "─": "-", "━": "-", "│": "|", "┃": "|",
    "—": "-", "–": "-", "‒": "-", "−": "-", "…": ".", "·": "-", "•": "*", "\u00a0": " ",
    "→": ">", "←": "<", "◀": "<", "★": "*", "≤": "<", "≥": ">", "≈": "~", "×": "x",
    "‘": "'", "’": "'", "“": '"', "”": '"',
}  # fmt: skip
#: the name the handler is registered under (codecs.register_error)
LOOKALIKE = "tahapan-lookalike"


def _lookalike(err: UnicodeError) -> tuple[str, int]:
    if not isinstance(err, UnicodeEncodeError):
        raise err
    text = err.object[err.start : err.end]
    return "".join(
        LOOKALIKES.get(c, "+" if "\u250c" <= c <= "\u257f" else "?") for c in text
    ), err.end


def prepare() -> None:
    """Make stdout and stderr safe to write: lookalikes or "?" for what the encoding cannot hold,
    a stderr that goes nowhere when it was closed, a stdout whose failures are messages."""
    import codecs

    codecs.register_error(LOOKALIKE, _lookalike)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the run
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors=LOOKALIKE)
    sys.stdout = _Stdout(sys.stdout if sys.stdout is not None else _Closed())


def discard_stdout() -> None:
    """After a failed write, send what is still buffered nowhere, so that Python's own flush at exit
    does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno() if sys.__stdout__ else 1)
    except (OSError, ValueError):
        pass
