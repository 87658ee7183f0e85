"""Reminders where officers read them: `check --notify URL` sends the answer through Apprise
(Telegram, e-mail, Slack, ntfy, WhatsApp and the rest), an optional extra imported only here."""

from __future__ import annotations

from collections.abc import Sequence

from tahapan.errors import NotifyError
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


def send(urls: Sequence[str], title: str, body: str) -> None:
    """Send ``title`` and ``body`` to every URL; NotifyError naming the ones that failed."""
    try:
        import apprise
    except ImportError:
        raise NotifyError(
            tr("--notify memerlukan Apprise", "--notify needs Apprise"),
            hint=tr(f"Pasang dengan: {INSTALL}", f"Install it with: {INSTALL}"),
        ) from None
    failed = []
    for url in urls:
        one = apprise.Apprise()
        if not one.add(url) or not one.notify(title=title, body=body):
            failed.append(shown(url))
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
