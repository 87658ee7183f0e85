"""Command-line interface: a thin Typer layer over the core."""

from typing import Any

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point.

    Ctrl-C ends the run at once with 130, wherever it lands: Python would otherwise raise
    KeyboardInterrupt inside whatever is running, and while the stack still imports that can be
    inside importlib's own machinery, which prints a traceback no handler of ours can catch. Files
    stay whole all the same: a write is a rename of a finished temporary file, and a temporary file
    left behind is swept by the next writer (as after SIGKILL, which the tests exercise).
    """
    import gc
    import os
    import signal
    import sys

    # A run makes a few hundred thousand objects while it imports, nearly all of which live to its
    # end, and a national data set (100,000 stages) millions: at the collector's usual pace (every
    # 700 new objects) it walks them over and over, a few per cent of a short run and a third of
    # `list` on such a set. Garbage that is a cycle still goes, after 50,000 new objects.
    gc.set_threshold(50_000, 10, 10)
    from tahapan.errors import ExitCode

    interrupted = int(ExitCode.INTERRUPTED)
    signal.signal(signal.SIGINT, lambda signum, frame: os._exit(interrupted))
    try:
        if not _show_kept_help(sys.argv[1:]):
            from tahapan.cli.application import main as run

            run()
    except SystemExit as done:
        _end_now(done.code)
        raise
    finally:
        # the answer is out: a Ctrl-C during Python's own shutdown changes nothing
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _end_now(0)


def _show_kept_help(argv: list[str]) -> bool:
    """`tahapan --help` as an earlier run drew it (cli/help_cache.py), without importing typer."""
    from tahapan.cli.help_cache import show_kept
    from tahapan.errors import OutputError

    try:
        return show_kept(argv)
    except (OutputError, BrokenPipeError) as err:
        from tahapan.cli.application import output_failed

        output_failed(err)


def _end_now(code: object) -> None:
    """Exit with ``code`` at once, once the answer is out, when nothing is left for Python's own
    shutdown to do but free memory, which is about a tenth of a short run: no thread still runs
    and no exit handler is registered (every file tahapan writes is closed, renamed and synced
    before its command returns). Otherwise, and when stdout or stderr cannot be flushed, this
    returns and Python ends the run as ever."""
    import atexit
    import os
    import sys

    if code is not None and not isinstance(code, int):
        return  # a message to print: Python's to say
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return
    handlers = getattr(atexit, "_ncallbacks", None)
    if handlers is None or handlers():
        return
    if sys.getprofile() is not None:  # `python -m cProfile -o F` writes F after the run returns
        return
    try:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
    except Exception:
        return
    os._exit(code or 0)


def __getattr__(name: str) -> Any:
    # the whole app is built on demand (tests, docs); a run builds only its own command
    if name == "app":
        from tahapan.cli.application import build_app

        return build_app()
    raise AttributeError(name)
