"""index.html of `tahapan publish DIR`: the status board an office serves beside its calendars.

One self-contained page (inline CSS, every text escaped, the same Board giving the same bytes): the
elections near the board's date, the calendars to subscribe to, with QR codes, and the documented
changes. It reads on a 390 px phone with no sideways scrolling, and prints. A few lines of script
only make the "copy" buttons work; without script they stay hidden and every address is a link.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from tahapan.days import timeline as tl
from tahapan.i18n import (
    date_mark,
    days,
    election_mark,
    estimate_note,
    format_date,
    format_range,
    h_label,
    pick,
    tr,
)
from tahapan.model import ZONE_SHORT, Election
from tahapan.render.board_page import SCRIPT, STEPS, STYLE
from tahapan.render.words import h_text, no_voting_day, voting_day_text
from tahapan.reports.publish import Board, Feed
from tahapan.reports.status import ElectionStatus

#: the changes the board lists; all of them are in perubahan.atom
MAX_CHANGES = 10


def board_html(board: Board) -> str:
    status = board.status
    title = tr("Jadwal tahapan pemilu", "Election timetable")
    zone = escape(ZONE_SHORT.get(status.timezone, status.timezone))
    day = escape(format_date(status.date, weekday=True))
    lead = f'<p class="lead">{day} <span class="quiet">· {zone}</span></p>'
    head = [f"<h1>{escape(title)}</h1>{lead}"]
    revision = [format_date(board.revision) if board.revision else "", board.revision_note or ""]
    if any(revision):
        text = escape(" — ".join(t for t in revision if t))
        head.append(f'<p class="quiet">{_t("Revisi jadwal", "Schedule revision")}: {text}</p>')
    nav = (("Tahapan", "Stages"), ("Langganan", "Subscribe"), ("Perubahan", "Changes"))  # the ids
    head.append("<nav>" + "".join(f'<a href="#{a.lower()}">{_t(a, b)}</a>' for a, b in nav))
    body = "\n".join([*head, "</nav>", _stages(board), _subscribe(board), _changes(board)])
    return (
        f'<!DOCTYPE html>\n<html lang="{tr("id", "en")}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)} — {escape(format_date(status.date))}</title>\n"
        '<link rel="alternate" type="application/atom+xml" '
        f'href="{escape(_at(board, "perubahan.atom"))}">\n<style>{STYLE}</style>\n</head>\n'
        f"<body>\n{body}\n{_footer(board)}\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )


def _t(id_text: str, en_text: str) -> str:
    """Words in the chosen language, escaped for HTML."""
    return escape(tr(id_text, en_text))


def _at(board: Board, path: str) -> str:
    """A file of the site: its public address, or relative to index.html."""
    return f"{board.base_url.rstrip('/')}/{path}" if board.base_url else path


def _address(href: str) -> str:
    """An address as a link whose text breaks after a slash or a dot, not inside the file's name."""
    head, slash, tail = href.rpartition("/")
    text = escape(head + slash).replace("/", "/<wbr>").replace(".", ".<wbr>")
    return f'<a class="addr" href="{escape(href)}">{text.replace(":/<wbr>/<wbr>", "://")}{escape(tail)}</a>'


def _plain(href: str) -> str:
    """An address to copy, not to tap, broken as _address breaks it."""
    head, slash, tail = href.rpartition("/")
    text = escape(head + slash).replace("/", "/<wbr>").replace(".", ".<wbr>")
    return f'<code class="addr">{text.replace(":/<wbr>/<wbr>", "://")}{escape(tail)}</code>'


def _copy(href: str, label: str) -> str:
    return (
        f'<button type="button" class="copy" hidden data-copy="{escape(href)}" '
        f'data-done="{_t("Tersalin", "Copied")}">{label}</button>'
    )


def _projected(word: str | None) -> str:
    """' (proyeksi)', ' (asumsi kantor)' after a stage or an election whose dates are not
    official (``date_mark``, ``election_mark``), never to be read as official."""
    return f' <span class="warn">({escape(word)})</span>' if word else ""


def _mark(ref: tl.StageRef) -> str:
    """' (perkiraan)' in plain text, after an estimated stage's name in a sentence."""
    word = date_mark(ref.stage, ref.election)
    return f" ({word})" if word else ""


def _name(name: str, name_en: str | None, word: str | None) -> str:
    return f'<span class="name">{escape(pick(name, name_en))}</span>{_projected(word)}'


def _countdown(election: Election, h: int | None) -> str:
    if election.voting_day is None or h is None:
        return escape(no_voting_day(election))
    day = format_date(election.voting_day, weekday=True)
    if h < 0:
        return _t(f"Pemungutan suara {day}, {-h} hari lagi", f"Voting day {day}, in {days(-h)}")
    if h == 0:
        return _t(f"Hari ini pemungutan suara, {day}", f"Voting day today, {day}")
    return _t(f"Pemungutan suara {day}, {h} hari lalu", f"Voting day {day}, {days(h)} ago")


def _stages(board: Board) -> str:
    status = board.status
    out = ['<section id="tahapan">']
    if not status.elections:
        # between elections: the continuous programmes (PDPB) first, then what is loaded
        out.extend(_election(ps) for ps in status.programmes)
        if status.programmes:
            out.append(f'<p class="warn">{escape(estimate_note())}</p>')
        out.append('<p class="lead">' + (_t(
            f"Tidak ada tahapan pemilu yang berjalan atau dimulai dalam {status.horizon} hari ke depan.",
            f"No election stage runs or starts within the next {days(status.horizon)}.",
        ) if status.programmes else _t(
            f"Tidak ada tahapan yang berjalan atau dimulai dalam {status.horizon} hari ke depan.",
            f"No stage runs or starts within the next {days(status.horizon)}.",
        )) + f'</p><h2>{_t("Pemilu yang tersedia", "Loaded elections")}</h2><ul class="stages">')  # fmt: skip
        for e in status.loaded:
            when = voting_day_text(e, short=True, weekday=True)
            if e.voting_day is not None:
                when += f" · {h_label(tl.h_day(e, status.date))}"
            note = pick(e.note, e.note_en) if e.voting_day is None and e.note else ""
            extra = f'<div class="meta">{escape(note)}</div>' if note else ""
            name = _name(e.name, e.name_en, election_mark(e))
            out.append(f'<li>{name}<div class="meta">{escape(when)}</div>{extra}</li>')
        out.append("</ul>")
    out.extend(_election(es) for es in status.elections)
    shown = [es.election for es in status.elections] or status.loaded
    from tahapan.i18n import assumption_note, projection_note

    if any(e.projected or any(s.projected and not s.repeat for _, s in e.walk()) for e in shown):
        out.append(f'<p class="warn">{escape(projection_note())}</p>')
    if any(e.dating(s) == "assumption" for e in shown for _, s in e.walk()):
        out.append(f'<p class="warn">{escape(assumption_note())}</p>')
    out.append("</section>")
    return "\n".join(out)


def _election(es: ElectionStatus) -> str:
    e = es.election
    word = election_mark(e)
    mark = f' <span class="badge warn">{escape(word.upper())}</span>' if word else ""
    badge = "" if es.h is None else f' <span class="badge">{h_label(es.h)}</span>'
    name = f"{escape(pick(e.name, e.name_en))}{badge}{mark}"
    out = [f'<article class="election"><h2>{name}</h2>']
    out.append(f"<p>{_countdown(e, es.h)}</p>")
    scope = pick(e.scope, e.scope_en)
    if scope:
        out.append(f'<p class="meta">{escape(scope)}</p>')
    out.append(f"<h3>{_t('Sedang berjalan', 'Running now')}</h3>")
    if es.active:
        out.append('<ul class="stages">' + "".join(_active(a) for a in es.active) + "</ul>")
    else:
        # a programme's work is "kegiatan": PDPB runs outside the election stages
        none = (
            _t("Tidak ada kegiatan berjalan.", "No activity runs.")
            if e.kind == "programme"
            else _t("Tidak ada tahapan berjalan.", "No stage runs.")
        )
        out.append(f'<p class="quiet">{none}</p>')
    if es.upcoming:
        out.append(f"<h3>{_t('Berikutnya', 'Next')}</h3>")
        out.append('<ul class="stages">' + "".join(_upcoming(e, u) for u in es.upcoming) + "</ul>")
    if es.ended:
        names = [
            f"{pick(x.ref.stage.name, x.ref.stage.name_en)}{_mark(x.ref)} ({_ago(x.days_since)})"
            for x in es.ended
        ]
        ended = escape("; ".join(names))
        out.append(f'<p class="meta">{_t("Baru berakhir", "Just ended")}: {ended}</p>')
    out.append("</article>")
    return "\n".join(out)


def _ago(n: int) -> str:
    return tr("kemarin", "yesterday") if n == 1 else tr(f"{n} hari lalu", f"{days(n)} ago")


def _active(a: tl.ActiveStage) -> str:
    stage, bar = a.ref.stage, ""
    if a.day is None or a.days_total is None:
        parts = [_t("mulai ?", "start ?")]
    else:
        parts = [_t(f"hari ke-{a.day} dari {a.days_total}", f"day {a.day} of {a.days_total}")]
        width = round(100 * min(a.day, a.days_total) / a.days_total)
        bar = f'<div class="bar" aria-hidden="true"><span style="width:{width}%"></span></div>'
    if a.days_left == 0:
        parts.append(f'<span class="warn">{_t("hari terakhir", "last day")}</span>')
    else:
        parts.append(_t(f"sisa {a.days_left} hari", f"{days(a.days_left)} left"))
    parts.append(escape(format_range(stage.start, stage.end)))
    name = _name(stage.name, stage.name_en, date_mark(stage, a.ref.election))
    return f'<li class="now{" sub" if a.ref.depth else ""}">{name}{bar}{_meta(parts)}</li>'


def _upcoming(election: Election, u: tl.UpcomingStage) -> str:
    stage = u.ref.stage
    assert stage.start is not None  # an upcoming stage's start is known
    n = u.days_until
    when = tr("besok", "tomorrow") if n == 1 else tr(f"dalam {n} hari", f"in {days(n)}")
    starts = tr("mulai ", "starts ") + format_date(stage.start, weekday=True, short=True)
    h = "" if election.voting_day is None else h_text(election, stage.start)
    meta = _meta([escape(t) for t in (starts, h, when) if t])
    sub = ' class="sub"' if u.ref.depth else ""
    return f"<li{sub}>{_name(stage.name, stage.name_en, date_mark(stage, election))}{meta}</li>"


def _meta(parts: Sequence[str]) -> str:
    """Figures joined by dots, each kept on one line where the line is wide enough."""
    return (
        '<div class="meta">' + " · ".join(f'<span class="nw">{p}</span>' for p in parts) + "</div>"
    )


def _qr(address: str) -> str:
    import segno

    # always a full QR code: segno.make picks a Micro QR code for a short text, which phones'
    # cameras do not read
    code = segno.make_qr(address, error="m")
    svg = code.svg_inline(omitsize=True, border=4, dark="#000", light="#fff", title=address)
    label = f"{_t('Kode QR', 'QR code')}: {escape(address)}"
    return f'<div class="qr" role="img" aria-label="{label}">{svg}</div>'


def _feed(board: Board, feed: Feed) -> str:
    url, webcal = board.url(feed), board.webcal(feed)
    out = [f'<div class="feed {feed.kind}"><h3>{escape(pick(feed.name, feed.name_en))}</h3>']
    if board.base_url:  # a relative address in a QR code leads nowhere
        out.append(_qr(webcal or url))
    n, s = feed.events, "" if feed.events == 1 else "s"
    out.append(f'<p class="meta">{_t(f"{n} tahapan", f"{n} stage{s}")}</p>')
    if webcal:
        out.append(f"<p>iPhone, Outlook:<br>{_address(webcal)}</p>")
    google = _t(
        "Google Kalender (salin alamat ini, jangan diketuk)",
        "Google Calendar (copy this address, do not tap it)",
    )
    # with a webcal:// address, the https one is to copy, not to tap: tapped on a phone it
    # downloads the file and offers a one-time import, which never follows a change
    shown = _plain(url) if webcal else _address(url)
    out.append(
        f"<p>{google}:<br>{shown}<br>{_copy(url, _t('Salin alamat', 'Copy address'))}</p></div>"
    )
    return "\n".join(out)


def _region(board: Board, feed: Feed) -> str:
    url, webcal = board.url(feed), board.webcal(feed)
    name = escape(pick(feed.name, feed.name_en))
    parts = [f'<a href="{escape(webcal or url)}">{name}</a>']
    parts.append(
        _copy(url, _t("Salin alamat untuk Google Kalender", "Copy the address for Google Calendar"))
    )
    return f"<li{' class=province' if feed.province is None else ''}>{' '.join(parts)}</li>"


def _subscribe(board: Board) -> str:
    title = _t("Langganan kalender", "Subscribe to the calendar")
    out = [f'<section id="langganan"><h2>{title}</h2><p>' + _t(
        "Cukup berlangganan satu kali. Aplikasi kalender memperbarui jadwal ini secara otomatis, biasanya dalam "
        "beberapa jam hingga satu hari (Google Kalender bisa lebih lama); untuk tanggal yang baru berubah, "
        "pastikan di halaman ini. Jangan mengunduh lalu mengimpor berkas .ics: kalender hasil impor tidak ikut "
        "diperbarui.",
        "Subscribe once: the calendar app fetches this schedule again from time to time, so changed dates come "
        "in by themselves. Do not download and import the .ics file: an imported copy never changes.",
    ) + "</p>"]  # fmt: skip
    if not board.base_url:
        out.append('<p class="quiet">' + _t(
            "Alamat publik situs ini tidak diberikan saat diterbitkan, jadi tautan di bawah relatif, tanpa "
            "webcal:// dan tanpa kode QR. Salin alamatnya dari peramban.",
            "This site's public address was not given when it was published, so the links below are relative, "
            "with no webcal:// link and no QR code. Copy the address from the browser.",
        ) + "</p>")  # fmt: skip
    main = [_feed(board, f) for f in board.feeds if f.kind != "region"]
    out.append('<div class="feeds">' + "\n".join(main) + "</div>")
    steps = "".join(f"<li>{tr(*step)}</li>" for step in STEPS)
    howto = _t("Cara berlangganan", "How to subscribe")
    out.append(f'<h3>{howto}</h3><ol class="howto">{steps}</ol>')
    out.append(_regions(board, [f for f in board.feeds if f.kind == "region"]))
    out.append("</section>")
    return "\n".join(out)


def _regions(board: Board, feeds: Sequence[Feed]) -> str:
    """Region feeds by province, in the feeds' order, a province's own feed first in its group."""
    groups: dict[str, list[Feed]] = {}
    for feed in feeds:
        groups.setdefault(feed.province or feed.id, []).append(feed)
    if not groups:
        return ""
    out = [f"<h3>{_t('Per wilayah', 'By region')}</h3><p>" + _t(
        "Setiap kalender wilayah memuat tahapan nasional, tahapan provinsinya, dan tahapan kabupaten/kota itu "
        "sendiri (termasuk PSU di wilayah itu). iPhone/Outlook: ketuk nama wilayah. Google Kalender: salin "
        "alamatnya, lalu ikuti langkah Google Kalender di atas.",
        "Each region's calendar holds the national stages, its province's and its own (re-votes there "
        "included). iPhone/Outlook: tap the region's name. Google Calendar: copy its address, then follow "
        "the Google Calendar steps above.",
    ) + "</p>"]  # fmt: skip
    listed = _t(f"Kalender untuk {len(feeds)} wilayah tersedia di", f"Calendars for all {len(feeds)} regions:")  # fmt: skip
    out.append(f'<p class="print">{listed} {escape(_at(board, ""))}</p>')
    for key, group in groups.items():
        group.sort(key=lambda f: f.id != key)
        own = group[0].province is None  # the group starts with the province's own feed
        name = pick(group[0].name, group[0].name_en) if own else group[0].province_name or key
        n = len(group) - own
        count = _t(f"{n} kabupaten/kota", f"{n} regenc{'y' if n == 1 else 'ies'}/cities")
        items = "".join(_region(board, f) for f in group)
        out.append(
            f'<details><summary>{escape(name)} <span class="meta">({count})</span></summary>'
            f'<ul class="regions">{items}</ul></details>'
        )
    return "\n".join(out)


def _change(election: Election, change: Any) -> str:
    ref = change.stage
    stage = next((s for path, s in election.walk() if ref in (path, s.id)), None) if ref else None
    title = pick(election.name, election.name_en)
    if stage is not None:
        title += " · " + pick(stage.name, stage.name_en)
    lines = [
        f'<span class="name">{escape(title)}</span>{_projected(date_mark(stage, election)) if stage else ""}'
    ]
    if change.date:
        lines.append(f'<span class="meta">{escape(format_date(change.date, weekday=True))}</span>')
    lines.append(escape(pick(change.summary, change.summary_en)))
    if stage is not None and (change.old_start or change.old_end):
        old = format_range(change.old_start, change.old_end or stage.end)
        new = format_range(stage.start, stage.end)
        lines.append(escape(tr("Tanggal: ", "Dates: ") + f"{old} → {new}"))
    lines.append(f'<span class="meta">{_t("Dasar: ", "Basis: ")}{escape(change.basis)}</span>')
    return "<li>" + "<br>".join(lines) + "</li>"


def _changes(board: Board) -> str:
    out = [f'<section id="perubahan"><h2>{_t("Perubahan jadwal", "Schedule changes")}</h2>']
    if board.changes:
        items = "".join(_change(e, ch) for e, ch in board.changes[:MAX_CHANGES])
        out.append(f'<ul class="changes">{items}</ul>')
    else:
        none = _t("Belum ada perubahan jadwal yang terdokumentasi.", "No documented change yet.")
        out.append(f"<p>{none}</p>")
    more = len(board.changes) - MAX_CHANGES
    if more > 0:
        older = _t(f"{more} perubahan lebih lama", f"{more} older changes")
        out.append(f'<p class="quiet">{older}: perubahan.atom</p>')
    files = [
        ("perubahan.atom", _t("umpan perubahan (Atom)", "the changes as an Atom feed")),
        ("data.json", _t("data papan ini (JSON)", "this board's data (JSON)")),
        ("stages.toml", _t("jadwal lengkap (TOML)", "the full schedule (TOML)")),
    ]
    links = "".join(f'<li><a href="{escape(_at(board, p))}">{p}</a> — {t}</li>' for p, t in files)
    out.append(f'<ul class="files">{links}</ul>')
    source = _at(board, "stages.toml") if board.base_url else tr("ALAMAT", "ADDRESS") + "/stages.toml"  # fmt: skip
    other = _t(
        "Kantor lain yang memakai aplikasi tahapan dapat memasang jadwal ini dengan perintah",
        "Other offices running tahapan can install this schedule with",
    )
    out.append(f"<p>{other}: <code>tahapan data update {escape(source)}</code></p></section>")
    return "\n".join(out)


def _footer(board: Board) -> str:
    status = board.status
    on = f"{format_date(status.date, weekday=True)} ({ZONE_SHORT.get(status.timezone, status.timezone)})"
    return "<footer>" + _t(
        f"Keadaan pada {on}. Tanggal resmi mengikuti keputusan KPU; periksa dasar hukum tiap tahapan. "
        "Dibuat dengan aplikasi tahapan.",
        f"As of {on}. The official dates are KPU's decisions; check each stage's legal basis. Made with tahapan.",
    ) + "</footer>"  # fmt: skip
