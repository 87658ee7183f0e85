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
    import os
    import signal
    import sys

    from tahapan.errors import ExitCode

    interrupted = int(ExitCode.INTERRUPTED)
    signal.signal(signal.SIGINT, lambda signum, frame: os._exit(interrupted))
    try:
        if not _show_kept_help(sys.argv[1:]):
            from tahapan.cli.application import main as run

            run()
    finally:
        # the answer is out: a Ctrl-C during Python's own shutdown changes nothing
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _show_kept_help(argv: list[str]) -> bool:
    """`tahapan --help` as an earlier run drew it (cli/help_cache.py), without importing typer."""
    from tahapan.cli.help_cache import show_kept
    from tahapan.errors import OutputError

    try:
        return show_kept(argv)
    except (OutputError, BrokenPipeError) as err:
        from tahapan.cli.application import output_failed

        output_failed(err)


def __getattr__(name: str) -> Any:
    # the whole app is built on demand (tests, docs); a run builds only its own command
    if name == "app":
        from tahapan.cli.application import build_app

        return build_app()
    raise AttributeError(name)
