"""Reminders where officers read them: `check --notify URL` sends the answer through Apprise
(Telegram, e-mail, Slack, ntfy, WhatsApp and the rest), an optional extra imported only here."""

from __future__ import annotations

from collections.abc import Sequence

from tahapan.errors import NotifyError
from tahapan.i18n import tr

INSTALL = "pip install 'tahapan[notify]'"


def shown(url: str) -> str:
    """A URL as it may be printed: its scheme and host, never the tokens in its path or user part."""
    scheme, _, rest = url.partition("://")
    host = rest.split("/", 1)[0].rsplit("@", 1)[-1]
    return f"{scheme}://{host}/..."


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
                "Jawabannya tetap dicetak di atas. Periksa alamat dan jaringannya.",
                "The answer was still printed above. Check the URL and the network.",
            ),
        )
