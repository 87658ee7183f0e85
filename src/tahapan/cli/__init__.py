"""Command-line interface: a thin Typer layer over the core."""

from typing import Any

from tahapan.cli.application import main

__all__ = ["app", "main"]


def __getattr__(name: str) -> Any:
    # the whole app is built on demand (tests, docs); a run builds only its own command
    if name == "app":
        from tahapan.cli.application import build_app

        return build_app()
    raise AttributeError(name)
