"""Notes on stderr: what a command did ("written", "added") and what it warns of. -q silences them
all, and the terminal view with them; an error is not a note (cli/application.py reports it)."""

from __future__ import annotations

import sys

#: set by -q/--quiet: print nothing but errors, as `grep -q`
QUIET = {"on": False}


def be_quiet(value: bool) -> bool:
    """-q's callback: from then on ``say`` prints nothing, and neither does the terminal view."""
    QUIET["on"] = bool(value)
    return value


def quiet() -> bool:
    return QUIET["on"]


def say(text: str) -> None:
    """A note to stderr: it may name files the user chose, whose names may hold anything, so it
    passes the same filter as every error. Nothing under -q: cron mails only what goes wrong."""
    if QUIET["on"]:
        return
    from tahapan.render.lines import message
    from tahapan.text import safe_lines

    sys.stderr.write(message([safe_lines(text)]))
