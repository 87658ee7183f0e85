"""`tahapan config`: read and change the user's defaults (see tahapan.config)."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from tahapan.cli.help import Command, Group, h, helped, options_metavar, subcommand_metavar
from tahapan.cli.options import JsonOpt, QuietOpt
from tahapan.config import KEYS, config_path, get_value, load_config, set_value, unset_value
from tahapan.i18n import tr

command = typer.Typer(
    cls=Group,
    options_metavar=options_metavar(),
    subcommand_metavar=subcommand_metavar(),
    name="config",
    help=h(
        "config",
        "Read and change defaults: election, tz, lang, region, data, notify. Stored as TOML; "
        "TAHAPAN_CONFIG moves the file.",
    ),
    no_args_is_help=True,
)


@command.callback()
def _speak_the_configs_language() -> None:
    # config commands take no --lang: they answer in TAHAPAN_LANG's or the config's own language
    from tahapan.cli.help import settle_language

    settle_language()


KeyArg = Annotated[
    str,
    typer.Argument(
        metavar="KEY",
        help=h("config.KEY", "A key: election, tz, lang, region, data or notify."),
        show_default=False,
    ),
]


def _show(value: Any, key: str = "") -> str:
    if key == "notify":  # tokens: `config get notify` prints them, messages never do
        from tahapan.notify import shown

        return " ".join(shown(url) for url in value)
    return ",".join(value) if isinstance(value, list) else str(value)


@command.command("set", cls=Command, options_metavar=options_metavar())
@helped("config.set")
def config_set(
    key: KeyArg,
    value: Annotated[
        str,
        typer.Argument(
            metavar="VALUE",
            help=h("config.set.VALUE", "The value; lists are comma-separated."),
            show_default=False,
        ),
    ],
    json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> int:
    """Set KEY to VALUE (lists such as election and data are comma-separated)."""
    from tahapan.cli.edit_session import output, tell
    from tahapan.render import render
    from tahapan.reports.edits import config_edit
    from tahapan.schedule.config_values import resolved

    result = config_edit("set", key, str(config_path()), set_value(key, value, resolve=resolved))
    tell(result)
    return render(result, output(json))


@command.command("get", cls=Command, options_metavar=options_metavar())
@helped("config.get")
def config_get(key: KeyArg) -> None:
    """Print the value of KEY; exit 1 when it is not set."""
    value = get_value(key)
    if value is None:  # exit 1 as grep; the reason on stderr, so an empty answer is not a mystery
        from tahapan.cli.streams import say

        say(
            tr(
                f"{key} belum diatur; nilai bawaan berlaku",
                f"{key} is not set; the default applies",
            )
        )
        raise typer.Exit(1)
    sys.stdout.write((" ".join(value) if key == "notify" else _show(value)) + "\n")


@command.command("unset", cls=Command, options_metavar=options_metavar())
@helped("config.unset")
def config_unset(key: KeyArg, json: JsonOpt = False, quiet: QuietOpt = False) -> int:
    """Remove KEY, so that the built-in default applies again."""
    from tahapan.cli.edit_session import output
    from tahapan.render import render
    from tahapan.reports.edits import config_edit

    unset_value(key)
    return render(config_edit("unset", key, str(config_path())), output(json))


@command.command("list", cls=Command, options_metavar=options_metavar())
@helped("config.list")
def config_list() -> None:
    """Print every key with its value, or with (-) when it is not set."""
    values = load_config()
    for key, spec in KEYS.items():
        shown = _show(values[key], key) if key in values else "(-)"
        sys.stdout.write(f"{key} = {shown}\t# {tr(spec.help_id, spec.help_en)}\n")


@command.command("path", cls=Command, options_metavar=options_metavar())
@helped("config.path")
def config_path_cmd() -> None:
    """Print where the config file is (it may not exist yet)."""
    sys.stdout.write(f"{config_path()}\n")
