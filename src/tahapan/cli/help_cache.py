"""The root help page (`tahapan --help`) kept in the cache folder once drawn, and shown from there.

Drawing it builds every command (imports their modules, converts each signature), several times
what any other run costs; the page itself only changes with the code. The run that draws it keeps
it under a key of everything the page depends on: tahapan's version and the modules of its command
line (their size and time of change, so an edited checkout never shows an old page), typer's,
Python's, the command line, the language and the width Click wraps the page to. The next run with
the same key prints it without importing typer. Kept in the user's own cache folder as the
catalog is (schedule/cache.py), with a digest of the page checked on every read; TAHAPAN_NO_CACHE
turns it off too.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

FORMAT = 1
#: how many pages are kept (languages, widths); the oldest go first
KEEP = 8
_PREFIX = "help-"
#: the command lines whose page is kept: the root's help, the one that builds every command
_ASKED = (["--help"], ["-h"])
#: set by the entry point on a run that draws a page to keep: its command line
_DRAWING: dict[str, list[str]] = {}


def wanted(argv: list[str]) -> bool:
    # Windows consoles take Click's own stream wrapper, and completion runs are not help
    if argv not in _ASKED or os.name == "nt":
        return False
    from tahapan.schedule.cache import enabled

    return enabled() and not any(name.startswith("_TAHAPAN_COMPLETE") for name in os.environ)


def width() -> int:
    """The width Click's HelpFormatter wraps the page to (no terminal_width or
    max_content_width is set; tests/test_startup_imports.py holds the two together)."""
    import shutil

    return max(min(shutil.get_terminal_size().columns, 80) - 2, 50)


def _key(argv: list[str]) -> str:
    from tahapan import __version__
    from tahapan.folders import hasher
    from tahapan.i18n import language

    digest = hasher(16)
    digest.update(
        f"{FORMAT}\0{__version__}\0{sys.version}\0{' '.join(argv)}\0{language()}\0{width()}\0".encode()
    )
    for stamp in _stamps():
        digest.update(stamp.encode())
    return str(digest.hexdigest())


def _stamps() -> list[str]:
    """Size and time of change of every module the page is drawn from: the command line's own
    (with every command's help and its Indonesian), the words, and typer's package."""
    here = Path(__file__).parent
    files = [here.parent / "__init__.py", here.parent / "i18n.py"]
    for folder in (here, here / "commands"):
        with os.scandir(folder) as entries:
            files += sorted(Path(e.path) for e in entries if e.name.endswith(".py"))
    files += [Path(p, "typer", "__init__.py") for p in sys.path if p]
    stamps = []
    for path in files:
        try:
            info = path.stat()
        except OSError:
            continue
        stamps.append(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\0")
        if path.name == "__init__.py" and path.parent.name == "typer":
            break  # the typer that `import typer` finds: the first on the path
    return stamps


def _ascii(stream: object) -> bool:
    """Whether Click would write to a stream of its own rather than to this one: it does when
    this one's encoding is ASCII (or unknown)."""
    import codecs

    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "ascii").name == "ascii"
    except LookupError:
        return False


def _digest(text: bytes) -> bytes:
    from tahapan.folders import hasher

    digest = hasher(12)
    digest.update(text)
    return str(digest.hexdigest()).encode()


def kept(argv: list[str]) -> str | None:
    """The page kept for this command line as things stand, or None."""
    import stat

    from tahapan.cli.language import choose_language, settle_language
    from tahapan.folders import directory, is_private

    choose_language(argv)
    settle_language()  # as drawing the page would: the config's language, if it decides
    folder = directory()
    if folder is None:
        return None
    path = folder / f"{_PREFIX}{_key(argv)}.txt"
    if not is_private(path, stat.S_ISREG):
        return None
    try:
        check, _, page = path.read_bytes().partition(b"\n")
        return page.decode("utf-8") if check == _digest(page) else None
    except (OSError, UnicodeDecodeError):
        return None


def show_kept(argv: list[str]) -> bool:
    """Print the kept page as Click prints a drawn one (its text and a newline, flushed, to the
    stdout every run writes to); False when there is none to print. A failed write raises as
    after a drawn page (``OutputError``, ``BrokenPipeError``)."""
    if not wanted(argv) or _ascii(sys.stdout):
        return False
    page = kept(argv)
    if page is None:
        return False
    from tahapan.cli.streams import prepare

    prepare()
    sys.stdout.write(page + "\n")
    sys.stdout.flush()
    return True


def drawing(argv: list[str]) -> None:
    """This run draws the page of ``argv``: keep it once drawn, if it is one to keep."""
    if wanted(argv):
        _DRAWING["argv"] = argv


def keep(page: str) -> None:
    """Keep the page this run drew (the root's ``get_help``), under its key."""
    argv = _DRAWING.pop("argv", None)
    if argv is None:
        return
    from tahapan.folders import directory
    from tahapan.safefile import replace_bytes

    folder = directory(create=True)
    if folder is None:
        return
    raw = page.encode("utf-8")
    try:
        replace_bytes(folder / f"{_PREFIX}{_key(argv)}.txt", _digest(raw) + b"\n" + raw, mode=0o600)
        pages = sorted(
            folder.glob(f"{_PREFIX}*.txt"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in pages[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a page that cannot be kept is drawn again next time
