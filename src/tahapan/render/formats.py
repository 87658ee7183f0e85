"""The output formats, each by its one name, and what a view returns."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal, get_args

#: every output format, by the one name users type (`-f term`) and the code uses
Format = Literal["term", "json", "pdf", "html", "ics", "csv", "toml", "xlsx"]
#: what a view returns: the answer to write, or None when it has printed itself; a long answer
#: (JSON, CSV) comes as pieces of text, written as they come so that memory does not grow with it
Content = str | bytes | Iterator[str] | None

#: the format read by people, written in the terminal's encoding; every other one is a file's
TERM: Format = "term"


def format_named(name: str) -> Format:
    """``name`` as a ``Format``: the formats a command offers are a subset of these."""
    formats: tuple[Format, ...] = get_args(Format)
    for known in formats:
        if name == known:
            return known
    raise ValueError(f"no format {name!r}")
