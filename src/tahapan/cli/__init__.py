"""Command-line interface: a thin Typer layer over the core."""

from tahapan.cli.app import app, main

__all__ = ["app", "main"]
