"""tahapan: where a date falls in Indonesia's official election timetables.

The core (models, loading, timeline arithmetic) imports neither typer nor rich; the CLI in
``tahapan.cli`` is one more user of it.
"""

__version__ = "0.1.0"
