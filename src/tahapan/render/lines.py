"""Prose fitted to a width without breaking a command in it.

Messages and hints name commands to copy ("Lihat: tahapan status --help", "`tahapan data
rollback`"). A line break inside one gives a command that fails when pasted, and a break between an
option and its value gives a wrong one. So a command stays on the line where it starts when it fits
there, else it starts a line of its own, and only a command longer than a whole line is broken, between
its arguments, with a shell continuation (`` \\``), so that the copied lines still run as one command.
Everything else wraps between words, as textwrap would (a word longer than the line is not cut).
"""

from __future__ import annotations

import os
import re
import sys

#: the commands of `tahapan` (cli.application.COMMANDS, which a test holds this to): in prose,
#: "tahapan" followed by one of them starts a command; "tahapan yang berjalan" does not
COMMAND_WORDS = frozenset(
    {
        *("status", "list", "show", "check", "hitung", "calc", "pace", "validate", "changes"),
        *("perubahan", "data", "publish", "regions", "calendar", "export", "import", "config"),
        *("stage", "election", "kasus"),
    }
)

#: the widths a view or a message is laid out for, whatever COLUMNS says
MIN_WIDTH, MAX_WIDTH = 20, 400

CONTINUATION = " \\"

# a word of a command: quoted parts kept whole (--name "Pemilu 2029" is two words, not three)
_WORD = re.compile(r"""(?:"[^"]*"|'[^']*'|[^\s"'])+|["']""")
_START = re.compile(r"(?<![\w-])(`?)tahapan(?= )")


def on_terminal() -> bool:
    return bool(sys.stderr.isatty())


def message_width() -> int | None:
    """The width of the terminal a message goes to (COLUMNS when set, else the terminal's own);
    None (lines kept whole) when stderr is a pipe, a log or cron's mail, where a reader or grep
    wants each message on one line."""
    try:
        if not on_terminal():
            return None
        columns = os.environ.get("COLUMNS", "")
        width = (
            int(columns)
            if columns.isdigit() and int(columns) > 0
            else os.get_terminal_size(sys.stderr.fileno()).columns
        )
    except (OSError, ValueError, AttributeError):
        return None
    return min(max(width, MIN_WIDTH), MAX_WIDTH)


def wrap(text: str, width: int | None, *, first: str = "", rest: str = "  ") -> list[str]:
    """``text`` (one line) as lines of at most ``width`` columns: the first after ``first``, the
    others after ``rest``. ``width`` None: one line, unbroken."""
    if width is None or len(first) + len(text) <= width:
        return [first + text]  # as written: a line that fits keeps its spacing (aligned columns)
    lines = _Lines(first, rest)
    broken = False  # the last unit was a command broken over lines: what follows starts a line
    for unit in _units(text):
        joined = " ".join(unit)
        if broken:
            lines.new()
            broken = False
        if lines.fits(joined, width):
            lines.put(joined)
        elif len(rest) + len(joined) <= width or len(unit) == 1:
            lines.new()
            lines.put(joined)
        else:  # a command longer than a line: broken between its arguments, with " \"
            lines.new()
            for i, part in enumerate(unit):
                room = width - (len(CONTINUATION) if i < len(unit) - 1 else 0)
                if not lines.empty and not lines.fits(part, room):
                    lines.new(CONTINUATION, "  ")
                    broken = True
                lines.put(part)
    return lines.done()


class _Lines:
    def __init__(self, first: str, rest: str) -> None:
        self.rest = rest
        self.lines = [first]
        self.empty = True  # nothing on the last line yet but its indent

    def fits(self, text: str, width: int) -> bool:
        return len(self.lines[-1]) + (0 if self.empty else 1) + len(text) <= width

    def put(self, text: str) -> None:
        self.lines[-1] += text if self.empty else " " + text
        self.empty = False

    def new(self, end: str = "", more: str = "") -> None:
        if self.empty and len(self.lines[-1]) <= len(self.rest + more):
            return  # a new line would give no more room
        self.lines[-1] += "" if self.empty else end
        self.lines.append(self.rest + more)
        self.empty = True

    def done(self) -> list[str]:
        return [line.rstrip() if not line.endswith(CONTINUATION) else line for line in self.lines]


def _units(text: str) -> list[list[str]]:
    """The text as units to place: a prose word is a unit of one part; a command is one unit whose
    parts are its arguments, an option together with its value. Punctuation that touches a command
    (a comma after it, a bracket before) belongs to its first or last part."""
    units: list[list[str]] = []
    pos = 0
    glue = False  # the next unit touches the previous one (no space between them)
    for start, end in _commands(text):
        for word, touches in _words(text[pos:start], glue):
            _add(units, [word], touches)
        glue = start > 0 and not text[start - 1].isspace()
        _add(units, _arguments(text[start:end]), glue)
        glue, pos = True, end
    for word, touches in _words(text[pos:], glue):
        _add(units, [word], touches)
    return units


def _words(text: str, glue: bool) -> list[tuple[str, bool]]:
    out = []
    for match in re.finditer(r"\S+", text):
        out.append((match.group(), glue and match.start() == 0))
    return out


def _add(units: list[list[str]], unit: list[str], touches: bool) -> None:
    if touches and units:
        last = units[-1]
        units[-1] = [*last[:-1], last[-1] + unit[0], *unit[1:]]
    else:
        units.append(unit)


def _arguments(command: str) -> list[str]:
    words = _WORD.findall(command)
    parts: list[str] = []
    for word in words:
        value = not word.startswith("-") and not word.startswith("`")
        if parts and parts[-1].startswith("-") and " " not in parts[-1] and value:
            parts[-1] += " " + word  # an option and its value are never apart
        else:
            parts.append(word)
    return parts


def _commands(text: str) -> list[tuple[int, int]]:
    """Where commands are: a `quoted` one whole; a bare one from "tahapan COMMAND" (or "tahapan
    --help") to the end of its clause (a comma, semicolon, full stop or closing bracket ends it)."""
    found = []
    pos = 0
    while (match := _START.search(text, pos)) is not None:
        start = match.start()
        if match.group(1):
            close = text.find("`", match.end())
            if close < 0:
                break
            found.append((start, close + 1))
            pos = close + 1
            continue
        after = text[match.end() :].split(maxsplit=1)
        if not after or not (after[0].startswith("-") or after[0].strip(",;.:)") in COMMAND_WORDS):
            pos = match.end()
            continue
        end = _clause_end(text, match.end())
        found.append((start, end))
        pos = end
    return found


def _clause_end(text: str, pos: int) -> int:
    for match in _WORD.finditer(text, pos):
        word = match.group()
        tail = len(word) - len(word.rstrip(",;.:)"))
        if word.strip(".") == "":  # "..", a range in `tahapan hitung`
            continue
        if tail:
            return match.end() - tail
    return len(text.rstrip())


def message(lines: list[str], *, lead: str = "tahapan: ") -> str:
    """A message for stderr: its first line after ``lead``, the others (hints) indented, each
    wrapped to the terminal's width; a line the message breaks itself keeps its own indent."""
    width = message_width()
    out: list[str] = []
    for i, line in enumerate(lines):
        for j, part in enumerate(line.split("\n")):
            out += wrap(part, width, first="" if j else lead if i == 0 else "  ")
    return "".join(f"{line}\n" for line in out)


def nothing(result: object) -> None:
    """The view of `check -q`: nothing at all; the exit code says whether something is due."""
    return None
