"""Output: one ``render(result, format)`` for every command.

JSON is the result's payload under the schema number (written here only); every other format is a
view found in ``VIEWS`` by the result's type and the format, and imported only when drawn: Rich for
people at a terminal, plain lines for scripts and cron, PDF, HTML, iCalendar, CSV, xlsx and TOML
files.
"""

from __future__ import annotations

import errno
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tahapan.reports import Result

#: the version of every JSON answer's shape; a change that removes or renames a key raises it
JSON_SCHEMA = 1

#: (result type, format) -> (module in tahapan.render, function). A view returns the text or bytes
#: to write (to stdout or -o), or None when it has printed itself (a Rich view sizes to the terminal)
VIEWS: dict[tuple[str, str], tuple[str, str]] = {
    ("StatusReport", "text"): ("terminal", "status_view"),
    ("ListReport", "text"): ("terminal", "list_view"),
    ("ShowReport", "text"): ("terminal", "show_view"),
    ("CheckReport", "text"): ("plain", "check_text"),
    ("CheckReport", "quiet"): ("lines", "nothing"),
    ("CalcReport", "text"): ("plain", "calc_text"),
    ("ChangesReport", "text"): ("changes", "changes_text"),
    ("SourcesReport", "text"): ("data", "sources_text"),
    ("UpdateReport", "text"): ("data", "update_text"),
    ("PaceReport", "text"): ("plain", "pace_text"),
    ("ValidateReport", "text"): ("plain", "validate_text"),
    ("RegionsReport", "text"): ("plain", "regions_text"),
    ("CalendarReport", "text"): ("terminal", "calendar_view"),
    ("CalendarReport", "txt"): ("terminal", "calendar_text"),
    ("CalendarReport", "pdf"): ("calendar_pdf", "write_pdf"),
    ("CalendarReport", "html"): ("calendar_html", "write_html"),
    ("ScheduleExport", "toml"): ("files", "toml_text"),
    ("ScheduleExport", "csv"): ("files", "csv_text"),
    ("ScheduleExport", "ics"): ("files", "ics_text"),
    ("ScheduleExport", "xlsx"): ("workbook", "xlsx_bytes"),
    ("CaseReport", "text"): ("cases", "case_text"),
    ("CasesReport", "text"): ("cases", "cases_text"),
    ("ChainsReport", "text"): ("chains", "chains_text"),
    ("CaseEdit", "text"): ("cases", "edit_text"),
    ("EditReport", "text"): ("edits", "edit_text"),
}


def json_text(result: Result) -> str:
    return (
        json.dumps({"schema": JSON_SCHEMA, **result.payload()}, ensure_ascii=False, indent=2) + "\n"
    )


def render(result: Result, format: str = "text", output: Path | None = None) -> int:
    """Draw ``result`` as ``format`` on stdout (or into ``output``); the run's exit code."""
    if format == "json":
        content: str | bytes | None = json_text(result)
    else:
        import importlib

        module, function = VIEWS[type(result).__name__, format]
        view = getattr(importlib.import_module(f"tahapan.render.{module}"), function)
        content = view(result)
    if content is not None:
        write_out(content, output, kind=format.upper(), file=format not in PEOPLE)
        if output is not None:
            from tahapan.cli.streams import say
            from tahapan.i18n import tr

            say(tr(f"ditulis {output}", f"wrote {output}"))
    return result.exit_code


#: the formats read by people, written in the terminal's encoding; every other one is a file's
PEOPLE = ("text", "txt")


def write_out(
    content: str | bytes, output: Path | None, *, kind: str = "PDF", file: bool = False
) -> None:
    """An answer to stdout, or to ``output`` the safe way (atomically, the old one kept as .bak; a
    pipe or device written into). A binary answer (a PDF, an XLSX: ``kind``) is not sent to a
    terminal.

    A ``file`` format (JSON, CSV, iCalendar, TOML, HTML) goes to stdout as UTF-8 bytes as written:
    through the text layer, Windows would turn its "\r\n" into "\r\r\n" (a blank line after each
    CSV row, a broken ICS) and encode it in the ANSI code page, "?" for every character beyond."""
    if output is not None:
        from tahapan.safefile import save

        save(output, content if isinstance(content, bytes) else content.encode("utf-8"))
        return
    if isinstance(content, str):
        if not file:
            sys.stdout.write(content)
            return
        sys.stdout.flush()  # what was written before goes first
        _write_bytes(content.encode("utf-8"))
        return
    if sys.stdout.isatty():
        from tahapan.errors import TahapanError
        from tahapan.i18n import tr

        raise TahapanError(
            tr(f"{kind} tidak dicetak ke terminal", f"{kind} is not printed to the terminal"),
            hint=tr(f"Tambahkan -o BERKAS.{kind.lower()}.", f"Give -o FILE.{kind.lower()}."),
        )
    _write_bytes(content)


def _write_bytes(content: bytes) -> None:
    buffer = getattr(sys.stdout, "buffer", None)  # None: stdout was closed
    try:
        if buffer is None:
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        buffer.write(content)
        buffer.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as err:
        from tahapan.cli.streams import output_error

        raise output_error(err) from None
