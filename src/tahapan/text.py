"""Text from schedule files made safe to show anywhere.

A name may hold HTML, quotes, emoji or right-to-left script, and every output copes with those (each
escapes what its format needs). What no output should pass on are control characters (an ESC would
drive the terminal; a tab or newline would split a tab-separated line) and the bidirectional
override and isolate characters that can make text read in a different order than it is stored.
Those become U+FFFD (visible, so the file can be fixed); tabs and line breaks (every character
that some reader takes as one: U+2028, U+2029, NEL, vertical tab, form feed) become spaces, except in
notes, which may run over several lines.

``safe_lines`` does the same for messages that echo a file's text (an unknown key, an id, a rule's
target) on their way to the terminal: every error and every `validate` line passes through it.
"""

from __future__ import annotations

REPLACEMENT = "\ufffd"


def _span(first: int, last: int) -> range:
    return range(first, last + 1)


#: tabs and every line break, as spaces
_BREAKS = (0x09, 0x0A, 0x0D, 0x0B, 0x0C, *_span(0x1C, 0x1E), 0x85, 0x2028, 0x2029)
#: C0 and C1 controls and DEL; LRE/RLE/PDF/LRO/RLO and LRI/RLI/FSI/PDI (U+202A-202E, U+2066-2069)
_UNSAFE = (*_span(0x00, 0x1F), *_span(0x7F, 0x9F), *_span(0x202A, 0x202E), *_span(0x2066, 0x2069))
# a table for str.translate rather than regular expressions: compiling those (their character
# classes reach past Latin-1) cost every run more than all the text it shows
_TABLE = {**dict.fromkeys(_UNSAFE, REPLACEMENT), **dict.fromkeys(_BREAKS, " ")}


def needs_cleaning(text: str) -> bool:
    """Whether one_line or block would change the text (those above, and the line breaks of
    str.splitlines): text without one, as nearly all is, is shown as it is, without a copy."""
    if text.isascii() and text.isprintable():
        return False
    return text.translate(_TABLE) != text


def one_line(text: str) -> str:
    if text.isascii() and text.isprintable():  # the common case: nothing to replace
        return text
    return text.translate(_TABLE)


def block(text: str) -> str:
    """Several lines allowed: every line break becomes a newline, tabs become spaces."""
    if not needs_cleaning(text):
        return text
    return "\n".join(one_line(line) for line in text.splitlines())


def safe_lines(text: str) -> str:
    """A message made of lines (its own newlines kept), each made safe to show."""
    return "\n".join(one_line(line) for line in text.split("\n"))
