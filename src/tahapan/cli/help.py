"""Typer's and Click's own words in the chosen language: the help's sections, usage line and
markers, and every usage error, which is printed as tahapan's other messages are (`tahapan: ...`
on stderr, a hint under it, exit 2).

Typer asks gettext for its words (``typer.core._``), so a table answers it; the vendored Click
writes English directly, so its few fixed strings are set here (the usage prefix, the help option)
and its error messages are read by pattern and said again. English keeps Click's words.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from typer.core import TyperCommand, TyperGroup

from tahapan.cli.language import settle_language
from tahapan.i18n import language, tr

#: typer.core's gettext strings
WORDS = {
    "Arguments": "Argumen",
    "Options": "Opsi",
    "Commands": "Perintah",
    "default: {default}": "bawaan: {default}",
    "required": "wajib",
    "env var: {var}": "variabel lingkungan: {var}",
    "(dynamic)": "(dinamis)",
    "Missing command.": "perintah tidak diberikan.",
    "No such command {name!r}.": "tidak ada perintah {name!r}.",
    "Aborted!": "Dibatalkan.",
}
#: options officers try, and the one tahapan has
SYNONYMS = {
    "--date": "--on",
    "--tanggal": "--on",
    "--tgl": "--on",
    "--hari-ini": "--on",
    "--pemilu": "--election",
    "--pemilihan": "--election",
    "--wilayah": "--region",
    "--daerah": "--region",
    "--kabupaten": "--region",
    "--kota": "--region",
    "--provinsi": "--region",
    "--zona": "--tz",
    "--timezone": "--tz",
    "--bahasa": "--lang",
    "--language": "--lang",
    "--berkas": "--data",
    "--file": "--data",
    "--keluaran": "--output",
    "--dari": "--from",
    "--sampai": "--to",
    "--bulan": "--month",
    "--tahun": "--year",
    "--format": "--format",
    "--diam": "--quiet",
    "--selesai": "--done",
}


def _gettext(message: str) -> str:
    settle_language()  # typer asks while building a help page or an error: the config may decide
    return WORDS.get(message, message) if language() == "id" else message


def install() -> None:
    """Answer typer's gettext calls in the chosen language (looked up when each is made)."""
    import typer.core

    typer.core._ = _gettext  # type: ignore[attr-defined]


def options_metavar() -> str:
    return tr("[OPSI]", "[OPTIONS]")


def subcommand_metavar() -> str:
    return tr("PERINTAH [ARGUMEN]...", "COMMAND [ARGS]...")


# ------------------------------------------------------------------------------ help ids

#: every help text the loaded modules declared: its id -> its English, as written in the code
ENGLISH: dict[str, str] = {}
#: ids declared twice with different English (tests/test_help_ids.py wants none)
CLASHES: list[str] = []
F = TypeVar("F", bound=Callable[..., Any])


def h(help_id: str, english: str) -> str:
    """The English of a help text, recorded under its stable id: the catalog (help_id*.py) holds
    its Indonesian under the same id, so rewording the English never loses the translation."""
    if ENGLISH.setdefault(help_id, english) != english:
        CLASHES.append(help_id)
    return english


def helped(help_id: str) -> Callable[[F], F]:
    """A command whose docstring is its help text, recorded under `help_id` as `h` does."""

    def record(function: F) -> F:
        h(help_id, function.__doc__ or "")
        return function

    return record


def plain(text: str) -> str:
    """A help text as compared: whitespace run together (Click and typer reflow what they show)."""
    return " ".join(text.split())


def help_ids() -> dict[str, str]:
    """The plain English of each declared help text -> its id."""
    return {plain(english): help_id for help_id, english in ENGLISH.items()}


def fingerprint(english: str) -> str:
    """A short mark of the English a translation was made from; the catalog keeps it."""
    import hashlib

    return hashlib.sha256(plain(english).encode()).hexdigest()[:8]


# typer's own options of the root, translated as tahapan's are
h("root.install-completion", "Install completion for the current shell.")
h(
    "root.show-completion",
    "Show completion for the current shell, to copy it or customize the installation.",
)


def translated(text: str | None) -> str | None:
    """A help text in the chosen language: the catalog's Indonesian for the id of the English
    written in the code, else the text as it is."""
    if text is None or language() != "id":
        return text
    from tahapan.cli.help_id import HELP

    entry = HELP.get(help_ids().get(plain(text), ""))
    return entry[1] if entry is not None else text


def _metavar(text: str | None) -> str | None:
    if text is None or language() != "id":
        return text
    from tahapan.cli.help_id import METAVARS

    return METAVARS.get(text, text)


def _text_metavar(param: Any) -> str | None:
    """TEXT for an option that takes words and names no metavar (Click would show `<str>`)."""
    taking_text = getattr(param.type, "name", "") == "str" and not getattr(param, "is_flag", True)
    return "TEXT" if taking_text else None


class _Words:
    """The usage line, the help option, and every help text in the chosen language."""

    help: str | None
    options_metavar: str | None

    def format_help_text(self, ctx: Any, formatter: Any) -> None:
        original = self.help
        self.help = translated(original)
        try:
            super().format_help_text(ctx, formatter)  # type: ignore[misc]
        finally:
            self.help = original

    def get_short_help_str(self, limit: int = 45) -> str:
        original = self.help
        self.help = translated(original)
        try:
            return str(super().get_short_help_str(limit))  # type: ignore[misc]
        finally:
            self.help = original

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        settle_language()
        self.options_metavar = options_metavar()
        if hasattr(self, "subcommand_metavar"):
            self.subcommand_metavar = subcommand_metavar()
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(
            ctx.command_path, " ".join(pieces), prefix=tr("Pemakaian: ", "Usage: ")
        )

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = tr("Tampilkan bantuan ini, lalu keluar.", "Show this message and exit.")
        return option

    def format_help(self, ctx: Any, formatter: Any) -> None:
        # translated only while a help page is drawn: a normal run parses with the English as is
        settle_language()
        params = [p for p in self.get_params(ctx) if hasattr(p, "help")]  # type: ignore[attr-defined]
        english = [(p.help, p.metavar) for p in params]
        for param, (text, metavar) in zip(params, english, strict=True):
            param.help, param.metavar = translated(text), _metavar(metavar or _text_metavar(param))
        try:
            super().format_help(ctx, formatter)  # type: ignore[misc]
        finally:
            for param, (text, metavar) in zip(params, english, strict=True):
                param.help, param.metavar = text, metavar

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        super().format_epilog(ctx, formatter)  # type: ignore[misc]
        from tahapan.cli.examples import meaning, page

        found = page(ctx.command_path.split()[1:])
        if found is None:
            return
        with formatter.section(tr("Contoh", "Examples")):
            # written as they are, never re-wrapped: a copied line must run
            for line in found.examples:
                formatter.write(" " * formatter.current_indent + line + "\n")
        with formatter.section(tr("Kode keluar", "Exit codes")):
            formatter.write_dl(
                [(str(code), tr(*meaning(code, own))) for code, own in found.codes.items()]
            )


install()


class Command(_Words, TyperCommand):
    """Every tahapan command."""


class Group(_Words, TyperGroup):
    """A group of subcommands (`config`, `stage`, `election`)."""


# ------------------------------------------------------------------------------ usage errors


def usage_error(err: Any) -> list[str]:
    """A Click usage error as tahapan's message lines: the message, then a hint."""
    from typer._click import exceptions as x

    ctx = getattr(err, "ctx", None)
    where = ctx.command_path if ctx is not None else "tahapan"
    hint = tr(f"Lihat: {where} --help", f"See: {where} --help")
    if isinstance(err, x.NoSuchOption):
        return [_no_such_option(err, ctx), hint]
    if isinstance(err, x.MissingParameter):
        return [_missing(err, ctx), hint]
    if isinstance(err, x.BadParameter):
        return [_bad_value(err, ctx), hint]
    return [_say_again(err.format_message()), hint]


def _name(param: Any, ctx: Any) -> str:
    if param is None:
        return "?"
    if getattr(param, "param_type_name", "") == "argument":
        shown = (
            str(param.make_metavar(ctx) if ctx is not None else param.name).strip("{}[]").upper()
        )
        return _metavar(shown) or shown
    return "/".join(param.opts)


def _no_such_option(err: Any, ctx: Any) -> str:
    name = err.option_name
    known = {o for p in (ctx.command.params if ctx is not None else []) for o in p.opts}
    meant = SYNONYMS.get(name.split("=", 1)[0])
    if meant in known:
        return tr(
            f"tidak ada opsi {name}; apakah yang dimaksud {meant}?",
            f"no such option: {name}; did you mean {meant}?",
        )
    close = sorted(err.possibilities or [])
    guess = (
        tr(" Mungkin yang dimaksud: ", " Did you mean: ") + ", ".join(close) + "?" if close else ""
    )
    return tr(f"tidak ada opsi {name}.", f"no such option: {name}.") + guess


def _missing(err: Any, ctx: Any) -> str:
    name = _name(err.param, ctx)
    if getattr(err.param, "param_type_name", err.param_type) == "argument":
        return tr(f"argumen {name} wajib diberikan", f"missing argument {name}")
    return tr(f"opsi {name} wajib diberikan", f"missing option {name}")


def _bad_value(err: Any, ctx: Any) -> str:
    name = _name(err.param, ctx) if err.param_hint is None else str(err.param_hint)
    return tr(f"nilai tidak sah untuk {name}: ", f"invalid value for {name}: ") + _say_again(
        err.message
    )


#: Click's sentences and tahapan's Indonesian for them
_PATTERNS = [
    (r"(.*) is not in the range (.*)\.", r"\1 di luar rentang \2."),
    (r"(.*) is not a valid (?:int|integer)(?: range)?\.", r"\1 bukan bilangan bulat."),
    (r"(.*) is not a valid float(?: range)?\.", r"\1 bukan bilangan."),
    (r"(.*) is not a valid boolean\..*", r"\1 bukan ya/tidak (true/false)."),
    (r"(.*) is not one of (.*)\.", r"\1 bukan salah satu dari \2."),
    (r"Option (.*) requires an argument\.", r"opsi \1 memerlukan nilai."),
    (r"Option (.*) requires (.*) arguments\.", r"opsi \1 memerlukan \2 nilai."),
    (r"Option (.*) does not take a value\.", r"opsi \1 tidak menerima nilai."),
    (r"Got unexpected extra argument\(s\) \((.*)\)", r"argumen berlebih: \1"),
    (
        r"No such command (.*)\. Did you mean (.*)\?",
        r"tidak ada perintah \1. Mungkin yang dimaksud \2?",
    ),
    (r"No such command (.*)\.", r"tidak ada perintah \1."),
    (r"(.*)\. Did you mean (.*)\?", r"\1. Mungkin yang dimaksud \2?"),
]


def _say_again(message: str) -> str:
    if language() != "id":
        return message
    for pattern, words in _PATTERNS:
        if re.fullmatch(pattern, message, re.S):
            return re.sub(pattern, words, message, flags=re.S)
    return message


def report(err: Any) -> None:
    from typer._click.exceptions import NoArgsIsHelpError

    from tahapan.text import safe_lines

    settle_language()
    if isinstance(err, NoArgsIsHelpError) and err.ctx is not None:
        # `tahapan stage` alone: the group's help page, which names its subcommands
        sys.stderr.write(err.ctx.get_help() + "\n")
        return
    from tahapan.render.lines import message

    sys.stderr.write(message([safe_lines(line) for line in usage_error(err)]))
