"""Command-line interface: a thin Typer layer over the core."""

import sys
from typing import Any

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point. The stack (typer, click) is imported here, inside the guard: a
    Ctrl-C that lands while it loads ends the run quietly with 130, not with a traceback."""
    try:
        from tahapan.cli.application import main as run

        run()
    except KeyboardInterrupt:
        sys.exit(130)


def __getattr__(name: str) -> Any:
    # the whole app is built on demand (tests, docs); a run builds only its own command
    if name == "app":
        from tahapan.cli.application import build_app

        return build_app()
    raise AttributeError(name)
