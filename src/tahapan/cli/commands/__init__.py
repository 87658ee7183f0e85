"""One module per command, named after it; each holds `command`: its function, or the Typer of
its subcommands. ``cli.application`` imports only the one a run needs."""
