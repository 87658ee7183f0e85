"""TOML text to tables, a large file a piece at a time: what ``tomllib.loads`` gives, in less memory.

A national office's file is mostly ``[[elections]]`` tables, one after another. Read whole, its
tables take five times the file's size, since every key (``name``, ``basis``, ``end`` ...) and every
repeated value (the same stage names and bases for 500 regions) is a string object of its own.
Read here in pieces cut before each ``[[elections]]`` line, each piece's keys are interned and its
repeated strings and dates shared as soon as it is read, so the tables of the whole file are never
held twice.

The answer is always the one ``tomllib.loads(text)`` gives, or its error:

- a piece begins at an ``[[elections]]`` header; such a header opens a new table of the top-level
  array and all that follows until the next header belongs to it, so reading the piece alone gives
  that table as reading the whole file would, as long as the piece names nothing but ``elections``
  at its top and the text before the first piece holds no ``elections`` (else the file is read
  whole);
- a cut that falls inside a multi-line string leaves the piece before it with a string that never
  ends, a syntax error; and any error in any piece sends the whole text to ``tomllib``, whose answer
  (or error, with its line and column) is the file's.
"""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Callable
from datetime import date
from typing import Any

#: where a file is cut: an ``[[elections]]`` header as the writer and the templates write it
_HEADER = "\n[[elections]]\n"
#: pieces are joined up to about this size, so that a file of small elections is not read in
#: thousands of calls; a file smaller than one piece is read whole
PIECE_CHARS = 256 * 1024


class _Whole(Exception):
    """A piece that does not stand alone: the file is read whole instead."""


def loads(text: str, parse: Callable[[str], dict[str, Any]] | None = None) -> dict[str, Any]:
    """The tables of a TOML document, as ``tomllib.loads(text)`` gives them, read by ``parse``
    (by default the faster parser when there is one, else tomllib)."""
    # as tomllib does first: a CRLF file's header lines end in "\r\n"
    text = text.replace("\r\n", "\n")
    read = parse or faster_parser() or tomllib.loads
    cuts = _cuts(text) if len(text) > PIECE_CHARS else []
    if not cuts and read is tomllib.loads:
        return tomllib.loads(text)
    try:
        return _by_pieces(text, cuts, read)
    except (Exception, RecursionError):  # a decode error, a piece that is not alone, anything
        # the whole text, read as it always was: its error names the line and column in the file
        return tomllib.loads(text)


def _by_pieces(text: str, cuts: list[int], read: Callable[[str], dict[str, Any]]) -> dict[str, Any]:
    if not cuts:
        return read(text)
    shared: dict[Any, Any] = {}
    data = _compact(read(text[: cuts[0]]), shared)
    if "elections" in data:
        raise _Whole
    elections: list[Any] = []
    for start, end in zip(cuts, [*cuts[1:], len(text)], strict=True):
        piece = read(text[start:end])
        if piece.keys() != {"elections"}:
            raise _Whole
        elections.extend(_compact_list(piece["elections"], shared))
    data["elections"] = elections
    return data


def _cuts(text: str) -> list[int]:
    """Where pieces start: at an ``[[elections]]`` line, at most one every PIECE_CHARS or so."""
    cuts: list[int] = []
    at = text.find(_HEADER)
    while at != -1:
        cuts.append(at + 1)  # the header's line, after the newline before it
        at = text.find(_HEADER, at + 1 + PIECE_CHARS)
    return cuts


def _compact(table: dict[str, Any], shared: dict[Any, Any]) -> dict[str, Any]:
    """The same table with interned keys, and each repeated string or date one object."""
    out = {}
    for key, value in table.items():
        kind = type(value)
        if kind is str or kind is date:
            value = shared.setdefault(value, value)
        elif kind is dict:
            value = _compact(value, shared)
        elif kind is list:
            value = _compact_list(value, shared)
        out[sys.intern(key)] = value
    return out


def _compact_list(values: list[Any], shared: dict[Any, Any]) -> list[Any]:
    # an array of tables, or of strings (regions, aliases); other arrays are kept as they are
    return [
        _compact(v, shared) if type(v) is dict else shared.setdefault(v, v) if type(v) is str else v
        for v in values
    ]


_faster: list[Callable[[str], dict[str, Any]] | None] = []


def faster_parser() -> Callable[[str], dict[str, Any]] | None:
    """tomli's ``loads`` when it is installed and reads TOML 1.0 as tomllib does, else None.

    tomllib is tomli's pure-Python source; tomli's wheels are the same parser compiled (mypyc),
    three times as fast on a national office's file. From 2.4 on tomli reads TOML 1.1, which
    accepts what tomllib refuses (``"\\e"``, a newline in an inline table): such a version is not
    used, so that a file that loads here loads with tomllib too. Any error it raises sends the text
    to tomllib, whose message is the one shown."""
    if not _faster:
        found = None
        try:
            from importlib import import_module

            tomli = import_module("tomli")
            try:
                tomli.loads('x = "\\e"')  # TOML 1.1 only
            except ValueError:
                found = tomli.loads
        except ImportError:
            pass
        _faster.append(found)
    return _faster[0]
