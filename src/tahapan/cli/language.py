"""The language of help pages and usage errors, known before any command is built: --lang,
TAHAPAN_LANG, then the config, read only when a help page or a usage error needs it (a command reads
it anyway). Nothing here imports typer: the kept help page (help_cache.py) is shown without it."""

from __future__ import annotations

import os

#: set when neither --lang nor TAHAPAN_LANG chose the language: the config's decides, if asked
FROM_CONFIG = {"pending": False}


def choose_language(argv: list[str]) -> None:
    """--lang on the command line, else TAHAPAN_LANG, else (later) the config's; Indonesian until
    then and when the choice is no language tahapan speaks."""
    from tahapan.i18n import LANGUAGES, set_language

    chosen = None
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            chosen = argv[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg.partition("=")[2]
    chosen = chosen or os.environ.get("TAHAPAN_LANG")
    # without either, the config decides, read only if a help page or a usage error needs it:
    # reading it here would cost every run the config's path lookup
    FROM_CONFIG["pending"] = not chosen
    set_language(chosen if chosen in LANGUAGES else "id")


def settle_language() -> None:
    """The config's language, for a help page or a usage error (a broken config leaves it)."""
    if not FROM_CONFIG["pending"]:
        return
    FROM_CONFIG["pending"] = False
    from tahapan.config import load_config
    from tahapan.errors import TahapanError
    from tahapan.i18n import LANGUAGES, set_language

    try:
        chosen = load_config().get("lang")
    except TahapanError:
        return
    if chosen in LANGUAGES:
        set_language(chosen)
