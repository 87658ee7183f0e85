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

import re

REPLACEMENT = "\ufffd"
# C0 and C1 controls and DEL; LRE/RLE/PDF/LRO/RLO and LRI/RLI/FSI/PDI (U+202A-202E, U+2066-2069)
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


#: every character that one_line or block changes (those above, and the line breaks of
#: str.splitlines): text without one, as nearly all is, is shown as it is, without a copy
_ANY = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def needs_cleaning(text: str) -> bool:
    """Whether one_line or block would change the text."""
    return _ANY.search(text) is not None


def one_line(text: str) -> str:
    if _ANY.search(text) is None:
        return text
    return _UNSAFE.sub(REPLACEMENT, _BREAKS.sub(" ", text))


def block(text: str) -> str:
    """Several lines allowed: every line break becomes a newline, tabs become spaces."""
    if _ANY.search(text) is None:
        return text
    return "\n".join(one_line(line) for line in text.splitlines())


def safe_lines(text: str) -> str:
    """A message made of lines (its own newlines kept), each made safe to show."""
    return "\n".join(one_line(line) for line in text.split("\n"))
