"""One exception family and the exit-code table.

The core raises these; only the CLI layer (``tahapan.cli.application``) turns them into a message on stderr
and an exit status, so every command fails the same way.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tahapan.i18n import Message


class ExitCode(IntEnum):
    OK = 0
    #: the answer is "no" or "look at this": a check did not hold, problems were found
    ATTENTION = 1
    #: bad input: an unparseable date, an unknown election or stage, an unreadable or invalid file
    BAD_INPUT = 2
    #: a bug in tahapan: a one-line "please report" message (TAHAPAN_DEBUG=1 shows the traceback)
    INTERNAL = 70
    #: a file could not be written: no permission, a read-only or full disk, a folder in the way
    #: (sysexits' EX_CANTCREAT); what was there before is kept
    CANT_WRITE = 73
    #: the answer could not be written to stdout: a full disk, a closed stdout (sysexits' EX_IOERR)
    OUTPUT = 74
    #: a notification (--notify) could not be sent; the answer was still printed (sysexits'
    #: EX_TEMPFAIL: try again later); or the optional extra a choice needs (Apprise for --notify,
    #: openpyxl for .xlsx) is not installed: it works once installed
    NOTIFY = 75
    #: interrupted (Ctrl-C), as shells report SIGINT
    INTERRUPTED = 130
    #: the reader of stdout went away (`tahapan list | head -1`), as shells report SIGPIPE
    BROKEN_PIPE = 141


class TahapanError(Exception):
    """Base of every error a user can cause; carries its message lines and exit code."""

    exit_code: ExitCode = ExitCode.BAD_INPUT

    def __init__(self, message: Message, *, hint: Message | None = None) -> None:
        super().__init__(message)
        #: in both languages when the core raised it (``Words``): the CLI prints the chosen one
        self.message = message
        self.hint = hint

    def __str__(self) -> str:  # a traceback or a log: the chosen language
        from tahapan.i18n import said

        return said(self.message)

    def lines(self) -> list[Message]:
        out = [self.message]
        if self.hint:
            out.append(self.hint)
        return out


class DateError(TahapanError):
    """A date the user gave could not be understood."""


class UnknownNameError(TahapanError):
    """An election, stage or time zone that is not known."""


class DataError(TahapanError):
    """A schedule file that cannot be read or does not validate; one line per problem."""

    def __init__(self, problems: list[Message], *, hint: Message | None = None) -> None:
        super().__init__(problems[0] if problems else "invalid schedule data", hint=hint)
        self.problems = problems


class UnreadableError(DataError):
    """A file that cannot be read at all (missing, a directory, no permission): `validate` exits 2."""


class WriteError(TahapanError):
    """A file tahapan was asked to write could not be written; the old one is untouched."""

    exit_code = ExitCode.CANT_WRITE


class NotifyError(TahapanError):
    """A notification could not be sent (or Apprise is not installed)."""

    exit_code = ExitCode.NOTIFY


class ExtraMissingError(TahapanError):
    """An optional extra is not installed (openpyxl for .xlsx): exit 75, as Apprise's absence."""

    exit_code = ExitCode.NOTIFY


class OutputError(TahapanError):
    """stdout could not be written."""

    exit_code = ExitCode.OUTPUT
