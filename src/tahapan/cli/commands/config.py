"""`tahapan config`: read and change the user's defaults (see tahapan.config)."""

from __future__ import annotations

from typing import Annotated, Literal

import typer

from tahapan.cli.help import Command, Group, h, helped, options_metavar, subcommand_metavar
from tahapan.cli.options import JsonOpt, QuietOpt
from tahapan.config import config_path, set_value, unset_value

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
    from tahapan.cli.language import settle_language

    settle_language()


KeyArg = Annotated[
    str,
    typer.Argument(
        metavar="KEY",
        help=h("config.KEY", "A key: election, tz, lang, region, data or notify."),
        show_default=False,
    ),
]


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
def config_get(key: KeyArg) -> int:
    """Print the value of KEY; exit 1 when it is not set."""
    return _answer("get", key)


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
def config_list() -> int:
    """Print every key with its value, or with (-) when it is not set."""
    return _answer("list")


@command.command("path", cls=Command, options_metavar=options_metavar())
@helped("config.path")
def config_path_cmd() -> int:
    """Print where the config file is (it may not exist yet)."""
    return _answer("path")


def _answer(action: Literal["get", "list", "path"], key: str | None = None) -> int:
    from tahapan.render import render
    from tahapan.reports.settings import settings_report

    return render(settings_report(action, key))
