"""The user's config file: defaults that keep cron lines short.

Precedence, highest first: command-line option, environment (TAHAPAN_ELECTION, TAHAPAN_TZ,
TAHAPAN_LANG, TAHAPAN_REGION, TAHAPAN_DATA), this file, built-in default. The file is TOML in the platform's user config directory
(XDG on Linux), or wherever TAHAPAN_CONFIG points; every write replaces it atomically.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tahapan.errors import DataError, TahapanError
from tahapan.i18n import LANGUAGES, toml_syntax_message, tr
from tahapan.model import canonical_zone, is_valid_id
from tahapan.records import FrozenRecord

CONFIG_VARIABLE = "TAHAPAN_CONFIG"
HEADER = "# tahapan configuration, written by `tahapan config set`.\n"


@dataclass(frozen=True, repr=False, eq=False)
class Key(FrozenRecord):
    """A key of the config file, with its help in both languages."""

    name: str
    is_list: bool
    help_id: str
    help_en: str


KEYS = {
    k.name: k
    for k in (
        Key(
            "election",
            True,
            "pemilu bawaan, mis. pemilu-2024,pilkada-2024",
            "default elections, e.g. pemilu-2024,pilkada-2024",
        ),
        Key(
            "tz",
            False,
            "zona waktu bawaan: WIB, WITA, WIT atau nama IANA",
            "default time zone: WIB, WITA, WIT or an IANA name",
        ),
        Key("lang", False, "bahasa keluaran: id atau en", "output language: id or en"),
        Key(
            "region",
            False,
            "wilayah bawaan: ID, kode atau nama, mis. 19.71",
            "default region: id, code or name, e.g. 19.71",
        ),
        Key(
            "data",
            True,
            "berkas jadwal tambahan yang selalu dibaca",
            "further schedule files always read",
        ),
        Key(
            "notify",
            True,
            "alamat Apprise untuk `check --notify config` (berkas pengaturan hanya bisa dibaca pemiliknya, 0600)",
            "Apprise URLs for `check --notify config` (the config file is kept 0600)",
        ),
    )
}


USER_FILE_VARIABLE = "TAHAPAN_USER_FILE"
DATA_VARIABLE = "TAHAPAN_DATA"


def user_file() -> Path:
    """The user's own schedule file, which `tahapan stage add|set|remove` writes."""
    override = os.environ.get(USER_FILE_VARIABLE, "").strip()
    if override:
        return Path(override).expanduser()
    from tahapan.folders import user_path

    return user_path("data") / "jadwal.toml"


CASES_VARIABLE = "TAHAPAN_CASES_FILE"


def cases_file() -> Path:
    """The user's cases (`tahapan kasus`): kasus.toml beside the user's own schedule file."""
    override = os.environ.get(CASES_VARIABLE, "").strip()
    if override:
        return Path(override).expanduser()
    return user_file().with_name("kasus.toml")


def has_cases() -> bool:
    """Whether the user keeps cases at all: `status` and `check` look no further when not."""
    return os.path.lexists(cases_file())  # what else is there is named when it is read


def installed_updates() -> list[Path]:
    """The schedule files `tahapan data update` installed, oldest revision first (each replaces
    the elections it holds in the files before it)."""
    import stat

    from tahapan.folders import is_private, updates_path

    folder = updates_path()
    # only a folder that is the user's alone, and the user's own regular files in it: a folder
    # others can write to, or a link to one, would let them move the dates every command reads
    if not (is_private(folder.parent, stat.S_ISDIR) and is_private(folder, stat.S_ISDIR)):
        return []
    try:
        found = sorted(p for p in folder.glob("*.toml") if is_private(p, stat.S_ISREG))
    except OSError:
        return []
    if len(found) < 2:
        return found
    return sorted(found, key=lambda p: (_revision_of(p), p.name))


def revision_key(revision: Any) -> str:
    """A parsed revision as installed_updates orders files (ISO text sorts as dates do)."""
    return revision.isoformat()[:10] if hasattr(revision, "isoformat") else ""


def _revision_of(path: Path) -> str:
    """The revision a file declares among its top-level keys (before its first table), however
    long the comment above it: the same order `data update` checks an update in."""
    try:
        with path.open("rb") as handle:
            for raw in handle:
                line = raw.decode("utf-8", "replace").strip()
                if line.startswith("["):
                    break
                key, _, value = line.partition("=")
                if key.strip() == "revision":
                    return value.strip()[:10]
    except OSError:
        return ""
    return ""


def data_files(config: dict[str, Any], data: list[Path] | None) -> list[Path]:
    """Overlay files in merge order: installed updates, then the user's own file (`tahapan stage add` writes it) when it
    exists, then the config's, then TAHAPAN_DATA's, then --data; a file named twice is read once."""
    from_env = [p for p in os.environ.get(DATA_VARIABLE, "").split(os.pathsep) if p.strip()]
    own = user_file()
    paths = installed_updates()
    paths += [own] if own.is_file() else []
    paths += (
        [Path(p) for p in config.get("data", [])] + [Path(p) for p in from_env] + list(data or [])
    )
    unique: list[Path] = []
    for path in paths:
        if not any(same_file(path, seen) for seen in unique):
            unique.append(path)
    return unique


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (through symlinks and relative parts)."""
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


def config_path() -> Path:
    override = os.environ.get(CONFIG_VARIABLE, "").strip()
    if override:
        return Path(override).expanduser()
    from tahapan.folders import user_path

    return user_path("config") / "config.toml"


def _unknown_key(key: str) -> TahapanError:
    import difflib  # only when a name is wrong

    close = difflib.get_close_matches(key, list(KEYS), n=1)
    guess = (
        tr(f' Apakah yang dimaksud "{close[0]}"?', f' Did you mean "{close[0]}"?') if close else ""
    )
    return TahapanError(
        tr(f"kunci pengaturan tidak dikenal: {key!r}.", f"unknown config key: {key!r}.") + guess,
        hint=tr("Kunci yang diterima: ", "Accepted keys: ") + ", ".join(KEYS),
    )


def check_value(key: str, value: Any) -> Any:
    """The value in its stored form, or a ValueError saying what is accepted.

    ``value`` is a string from `config set` (lists comma-separated) or a value read from the file.
    """
    if KEYS[key].is_list:
        from_command_line = isinstance(value, str)
        if not from_command_line and not isinstance(value, list):
            raise ValueError(tr("harus daftar teks", "must be a list of strings"))
        if not from_command_line:
            items = value
        elif key == "data":  # a path may hold spaces: only commas separate files
            items = [i for i in value.split(",") if i.strip()]
        elif key == "notify":  # Apprise URLs hold commas (mailto://...?to=a,b): spaces separate
            items = value.split()
        else:
            items = value.replace(",", " ").split()
        if not all(isinstance(i, str) and i.strip() for i in items):
            raise ValueError(tr("harus daftar teks", "must be a list of strings"))
        items = [i.strip() for i in items]
        if key == "notify" and not items:  # an empty list would read as set, and send nowhere
            raise ValueError(
                tr(
                    "tidak boleh kosong; untuk menghapusnya: tahapan config unset notify",
                    "must not be empty; to remove it: tahapan config unset notify",
                )
            )
        if key == "notify" and not all(_is_url(i) for i in items):
            raise ValueError(
                tr("alamat Apprise berbentuk skema://...", "Apprise URLs look like scheme://...")
            )
        bad = [i for i in items if key == "election" and not is_valid_id(i)]
        if bad:
            raise ValueError(
                tr(f"bukan id pemilu: {', '.join(bad)}", f"not election ids: {', '.join(bad)}")
            )
        if key == "data" and from_command_line:
            # stored absolute, so that cron (another working directory) finds the same files
            items = [str(Path(i).expanduser().absolute()) for i in items]
        return items
    if not isinstance(value, str):
        raise ValueError(tr("harus teks", "must be a string"))
    if not value.strip():
        raise ValueError(tr("tidak boleh kosong", "must not be empty"))
    if key == "lang" and value not in LANGUAGES:
        raise ValueError(tr("pilihan: id, en", "accepted: id, en"))
    if key == "tz":
        canonical_zone(value)  # its ValueError says what is accepted
    return value


#: a config holds a few keys; reading stops here, so /dev/zero as a config ends
MAX_CONFIG_BYTES = 1024 * 1024


def _read(path: Path) -> str:
    import stat

    if stat.S_ISFIFO(path.stat().st_mode) or stat.S_ISSOCK(path.stat().st_mode):
        # a pipe would hold every command (cron's too) until something writes into it
        raise OSError(tr("pipa, bukan berkas", "a pipe, not a file"))
    with path.open("rb") as handle:
        raw = handle.read(MAX_CONFIG_BYTES + 1)
    if len(raw) > MAX_CONFIG_BYTES:
        raise OSError(tr("lebih dari 1 MB", "over 1 MB"))
    return raw.decode("utf-8-sig")


def load_config(path: Path | None = None) -> dict[str, Any]:
    path = path or config_path()
    try:
        text = _read(path)
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as err:
        raise DataError(
            [
                f"{path}: "
                + tr("pengaturan tidak dapat dibaca", "config cannot be read")
                + f" ({err})"
            ]
        ) from None
    import tomllib  # only when there is a config file: most runs have none

    try:
        raw = tomllib.loads(text)
    except RecursionError:
        raise DataError(
            [f"{path}: " + tr("tabel bersarang terlalu dalam", "tables nested too deeply")]
        ) from None
    except tomllib.TOMLDecodeError as err:
        raise DataError([toml_syntax_message(path, err)]) from None
    problems = []
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in KEYS:
            unknown = _unknown_key(key)
            problems.append(f"{path}: {key}: {unknown.message} {unknown.hint}")
            continue
        try:
            values[key] = check_value(key, value)
        except ValueError as err:
            problems.append(f"{path}: {key}: {err}")
    if problems:
        raise DataError(list(problems))
    return values


def _is_url(text: str) -> bool:
    from tahapan.notify import is_url  # only when notify URLs are checked

    return is_url(text)


def _masked(key: str, value: Any) -> str:
    """A value as a message may show it: notify URLs carry tokens, so only their schemes."""
    if key != "notify":
        return repr(value)
    from tahapan.notify import shown

    items = value.split() if isinstance(value, str) else list(value)
    return " ".join(shown(str(item)) for item in items)


def set_value(
    key: str, value: str, path: Path | None = None, *, resolve: Resolver | None = None
) -> Any:
    if key not in KEYS:
        raise _unknown_key(key)
    try:
        stored = check_value(key, value)
    except ValueError as err:
        raise TahapanError(
            tr(
                f"nilai tidak diterima untuk {key}: {_masked(key, value)} ({err})",
                f"value not accepted for {key}: {_masked(key, value)} ({err})",
            ),
            hint=tr(f"{key}: ", f"{key}: ") + tr(KEYS[key].help_id, KEYS[key].help_en),
        ) from None
    stored = _resolved(key, stored, resolve)
    path = path or config_path()
    from tahapan.safefile import locked, target

    where = target(path, make_folder=True)
    with locked(where):  # two `config set` at once both land
        values = load_config(where)
        values[key] = stored
        write_atomic(where, values)
    return stored


#: checks a value against the data it names (``schedule.config_values.resolved``: it loads the
#: schedules, which live above this module), and returns the value to store
Resolver = Callable[[str, Any], Any]


def _resolved(key: str, stored: Any, resolve: Resolver | None) -> Any:
    """A value checked against what it names, so that a stored config never makes every later
    command (cron's included) fail: notify URLs must be ones Apprise can read (when it is
    installed); a region, elections and data files are checked by ``resolve``."""
    if key == "notify":
        from tahapan.notify import CONFIG, senders

        senders([(url, CONFIG) for url in stored])
        return stored
    if key not in ("region", "election", "data") or resolve is None:
        return stored
    return resolve(key, stored)


def unset_value(key: str, path: Path | None = None) -> None:
    if key not in KEYS:
        raise _unknown_key(key)
    path = path or config_path()
    from tahapan.safefile import locked, target

    where = target(path, make_folder=True)
    with locked(where):
        values = load_config(where)
        if key in values:
            del values[key]
            write_atomic(where, values)


def get_value(key: str, path: Path | None = None) -> Any:
    if key not in KEYS:
        raise _unknown_key(key)
    return load_config(path).get(key)


def write_atomic(path: Path, values: dict[str, Any]) -> None:
    """Replace the whole file atomically: a crash leaves the old file or the new one, never half. A
    new config is private (0600); an existing one keeps its mode, unless it holds notification
    tokens, which make it 0600 before they reach the disk."""
    import tomli_w

    from tahapan.safefile import commit

    private = 0o600 if "notify" in values else None
    data = (HEADER + tomli_w.dumps(values)).encode("utf-8")
    commit(path, data, backup=False, new_mode=0o600, mode=private)
