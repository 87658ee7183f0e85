"""Reminders where officers read them: `check --notify URL` sends the answer through Apprise
(Telegram, e-mail, Slack, ntfy, WhatsApp and the rest), an optional extra imported only here."""

from __future__ import annotations

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


def senders(urls: Sequence[str]) -> list[tuple[str, Any]] | None:
    """Each URL read by Apprise; one it cannot read will never work: bad input (exit 2), not "try
    again later", so that cron does not retry a broken setup forever. None without Apprise: the
    answer is still printed, and `send` says how to install it."""
    try:
        import apprise
    except ImportError:
        return None
    out = []
    for url in urls:
        one = apprise.Apprise()
        if not one.add(url):
            raise TahapanError(
                tr(
                    f"--notify {shown(url)}: alamat tidak diterima Apprise (skema tidak dikenal atau "
                    "bagian yang wajib tidak ada)",
                    f"--notify {shown(url)}: Apprise does not accept the URL (an unknown scheme, or "
                    "a required part missing)",
                ),
                hint=tr(
                    "Contoh: tgram://TOKEN/CHAT_ID, mailto://pengguna:sandi@contoh.id, ntfy://topik",
                    "E.g. tgram://TOKEN/CHAT_ID, mailto://user:password@example.id, ntfy://topic",
                ),
            )
        out.append((url, one))
    return out


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
