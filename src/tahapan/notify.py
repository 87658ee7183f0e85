"""Reminders where officers read them: `check --notify URL` sends the answer through Apprise
(Telegram, e-mail, Slack, ntfy, WhatsApp and the rest), an optional extra imported only here."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from tahapan.errors import NotifyError, TahapanError
from tahapan.i18n import tr

INSTALL = "pip install 'tahapan[notify]'"


def is_url(url: str) -> bool:
    """Shaped as an Apprise URL: scheme://..."""
    scheme, found, _ = url.partition("://")
    return bool(found) and scheme.isalnum()


def shown(url: str) -> str:
    """A URL as it may be printed: its scheme alone. Apprise puts tokens anywhere, even where a host
    would be (tgram://BOT_TOKEN/CHAT_ID), so nothing after the scheme is ever shown."""
    if not is_url(url):
        return tr("(alamat tidak sah)", "(not a URL)")
    return url.partition("://")[0] + "://..."


def shape(text: str) -> str:
    """What was typed, with every part between separators masked: `tgram://***` shows that the
    chat id is missing without printing the token. Any part may be a secret (a bot token, a
    password, an ntfy topic), and stderr lands in cron mail and logs others read."""
    scheme, found, rest = text.partition("://")
    if found and scheme.isalnum():
        return scheme + "://" + _SECRET.sub("***", rest)
    return _SECRET.sub("***", text)


#: a run of anything but the separators of a URL: it may be a token
_SECRET = re.compile(r"[^/:@?&=]+")


def senders(urls: Sequence[tuple[str, str]]) -> list[tuple[str, Any]] | None:
    """Each URL read by Apprise, given as (URL, where it came from: "--notify" or CONFIG). One it
    cannot read will never work: bad input (exit 2), not "try again later", so that cron does not
    retry a broken setup forever; every such URL is said in one message. None without Apprise
    (once the URLs are at least shaped as URLs): the answer is still printed, and `send` says how
    to install it."""
    apprise: Any
    try:
        import apprise
    except ImportError:
        apprise = None
    read = [(url, origin, apprise.Apprise() if apprise else None) for url, origin in urls]
    refused = [
        (url, origin)
        for url, origin, one in read
        if not is_url(url) or (one is not None and not one.add(url))
    ]
    if refused:
        raise _refused(refused)
    return [(url, one) for url, _, one in read] if apprise else None


#: `check --notify config`: the URLs come from the config file's notify key
CONFIG = "config"


def _refused(refused: Sequence[tuple[str, str]]) -> TahapanError:
    where = {
        "--notify": "--notify",
        CONFIG: tr("alamat notify di pengaturan", "the config's notify key"),
    }
    listed = ", ".join(f"{where[origin]} {shape(url)}" for url, origin in refused)
    hint = tr("Contoh: tgram://TOKEN/CHAT_ID", "E.g. tgram://TOKEN/CHAT_ID")
    if any(origin == CONFIG for _, origin in refused):
        hint += tr(
            "; perbaiki dengan: tahapan config set notify tgram://TOKEN/CHAT_ID",
            "; fix it with: tahapan config set notify tgram://TOKEN/CHAT_ID",
        )
    return TahapanError(
        tr(
            f"{listed}: alamat tidak diterima Apprise (jenis alamat tidak dikenal atau ada bagian "
            "wajib yang belum diisi; sebagian alamat disamarkan dengan ***)",
            f"{listed}: Apprise does not accept the URL (an unknown scheme, or a required part "
            "missing; the URL's parts are masked as ***)",
        ),
        hint=hint,
    )


def send(senders: Sequence[tuple[str, Any]] | None, title: str, body: str) -> None:
    """Send ``title`` and ``body`` through every sender; NotifyError naming the ones that failed."""
    if senders is None:
        raise NotifyError(
            tr("--notify memerlukan Apprise", "--notify needs Apprise"),
            hint=tr(f"Pasang dengan: {INSTALL}", f"Install it with: {INSTALL}"),
        )
    failed = [shown(url) for url, one in senders if not one.notify(title=title, body=body)]
    if failed:
        raise NotifyError(
            tr(
                f"pemberitahuan tidak terkirim ke {', '.join(failed)}",
                f"the notification was not sent to {', '.join(failed)}",
            ),
            hint=tr(
                "Periksa alamat dan jaringannya; jawaban check sendiri tidak berubah.",
                "Check the URL and the network; check's own answer is unchanged.",
            ),
        )
