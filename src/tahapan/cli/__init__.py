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

    from tahapan.errors import ExitCode

    # a national data set is 100,000 stages and more objects still: at Python's default (a
    # collection every 700 allocations) the collector walks them over and over, a third of `list`'s
    # time on such a set; every 10,000 keeps it collecting, as rarely as a short run can afford
    gc.set_threshold(10_000, 10, 10)
    interrupted = int(ExitCode.INTERRUPTED)
    signal.signal(signal.SIGINT, lambda signum, frame: os._exit(interrupted))
    from tahapan.cli.application import main as run

    try:
        run()
    finally:
        # the answer is out: a Ctrl-C during Python's own shutdown changes nothing
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def __getattr__(name: str) -> Any:
    # the whole app is built on demand (tests, docs); a run builds only its own command
    if name == "app":
        from tahapan.cli.application import build_app

        return build_app()
    raise AttributeError(name)
