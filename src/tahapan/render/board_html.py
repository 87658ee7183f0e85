"""index.html of `tahapan publish DIR`: the status board an office serves beside its calendars.

One self-contained page (inline CSS, every text escaped, the same Board giving the same bytes): the
elections near the board's date, the calendars to subscribe to, with QR codes, and the documented
changes. It reads on a 390 px phone with no sideways scrolling, and prints. A few lines of script
only make the "copy" buttons work; without script they stay hidden and every address is a link.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from string import Template
from typing import Any

from tahapan import colours as c
from tahapan.days import timeline as tl
from tahapan.i18n import PROJECTED, days, format_date, format_range, h_label, pick, tr
from tahapan.model import Election, Stage
from tahapan.reports.publish import Board, Feed
from tahapan.reports.status import ElectionStatus

#: the changes the board lists; all of them are in perubahan.atom
MAX_CHANGES = 10
ZONES = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}  # fmt: skip
#: the H badge and the whole-schedule card; a running stage's bar
ACCENT, RUNNING = "#0d47a1", "#2e7d32"

STYLE = Template("""
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { font-family: system-ui, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; font-size: 16px;
  line-height: 1.5; color: #111; background: #fff; margin: 0 auto; padding: 12px 16px 32px;
  max-width: 56rem; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.4rem 0 0.2rem; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 2rem 0 0.6rem; } h3 { font-size: 1.05rem; margin: 1rem 0 0.3rem; }
a { color: #0b4fb4; } p, ul, ol { margin: 0.4rem 0; } .name { font-weight: 600; }
.quiet, .meta { color: $quiet; } .meta, code, .addr { font-size: 15px; }
code, .addr { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.nw { display: inline-block; } .lead { font-size: 1.1rem; font-weight: 600; margin: 0; }
nav a { display: inline-block; padding: 8px 16px 8px 0; font-weight: 600; }
.election, .feed { border: 1px solid #bbb; border-radius: 8px; padding: 4px 14px 12px; margin: 0 0 16px; }
.election h2 { margin: 0.6rem 0 0.2rem; }
.badge { display: inline-block; font-size: 0.95rem; font-weight: 700; padding: 0 8px; border-radius: 4px;
  white-space: nowrap; vertical-align: 0.1em; background: $accent; color: $accent_ink; }
.warn { color: $warning; font-weight: 700; } .badge.warn { background: #fff; border: 2px solid $warning; }
ul.stages, ul.regions { list-style: none; padding: 0; }
ul.stages li { padding: 4px 0 4px 10px; border-left: 4px solid #ccc; margin: 6px 0; }
ul.stages li.sub { margin-left: 14px; border-left-color: #e0e0e0; } ul.stages li.now { border-left-color: $running; }
.bar { height: 8px; background: #e3e3e3; border-radius: 4px; margin: 4px 0; max-width: 24rem; }
.bar span { display: block; height: 100%; background: $running; border-radius: 4px; }
.feeds { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 24rem), 1fr)); gap: 12px; }
.feed { margin: 0; break-inside: avoid; } .feed.all { border: 2px solid $accent; }
.feed::after { content: ""; display: block; clear: both; } .feed p { margin: 0 0 0.3rem; }
.qr { float: right; margin: 8px 0 4px 10px; } .qr svg { width: 8rem; height: 8rem; display: block; }
a.addr { line-height: 1.9; } .files a { display: inline-block; padding: 6px 0; }
button.copy { font: inherit; font-size: 15px; min-height: 44px; padding: 4px 12px; margin: 2px 0;
  border: 1px solid $accent; border-radius: 6px; background: #fff; color: $accent; }
ul.regions li { display: flex; align-items: center; gap: 12px; border-bottom: 1px solid #eee; }
ul.regions a { padding: 8px 0; } ul.regions a:first-child { flex: 1; } ul.regions .copy { min-height: 36px; }
ul.regions li.province > a:first-child { font-weight: 700; }
details { border-top: 1px solid #ddd; } details:last-of-type { border-bottom: 1px solid #ddd; }
summary { cursor: pointer; padding: 10px 0; font-weight: 600; }
ol.howto li, ul.changes li { margin: 0 0 0.6rem; } ul.changes, ul.files { padding-left: 1.2rem; }
footer { margin-top: 2rem; border-top: 1px solid #ccc; padding-top: 8px; font-size: 14px; color: $quiet; }
.print { display: none; }
@media print {
  body { max-width: none; font-size: 11pt; padding: 0; } a { color: #111; }
  /* the 552 regions' lists are for the screen: paper gets the page's address */
  nav, button.copy, details { display: none !important; } .print { display: block; }
  .election, .feed, li { break-inside: avoid; } h2, h3 { break-after: avoid; }
}
""").substitute(
    quiet=c.QUIET, warning=c.WARNING, accent=ACCENT, accent_ink=c.ink(ACCENT), running=RUNNING,
)  # fmt: skip

#: the "copy" buttons: shown and wired only where script runs; a relative address becomes absolute
SCRIPT = """document.querySelectorAll("button.copy").forEach(function (b) {
  b.hidden = false;
  b.onclick = function () {
    var text = new URL(b.getAttribute("data-copy"), document.baseURI).href, ask = function () { prompt("", text); };
    if (!navigator.clipboard || !window.isSecureContext) return ask();
    navigator.clipboard.writeText(text).then(function () { b.textContent = b.getAttribute("data-done"); }, ask);
  };
});"""


#: how to subscribe, with each calendar's own words for its menus (fixed markup, no data in it)
STEPS = (
    ("<b>Android / Google Kalender</b>: buka calendar.google.com di peramban (bukan aplikasinya), tekan + "
     "di samping “Kalender lain” → “Dari URL”, tempel alamat https, lalu “Tambahkan kalender”.",
     "<b>Android / Google Calendar</b>: open calendar.google.com in a browser (not the app), press + next to "
     "“Other calendars” → “From URL”, paste the https address, then “Add calendar”."),
    ("<b>iPhone</b>: ketuk tautan webcal:// atau pindai kode QR dengan Kamera, lalu “Berlangganan”; atau "
     "Pengaturan → Kalender → Akun → Tambah Akun → Lainnya → Tambah Kalender Langganan.",
     "<b>iPhone</b>: tap the webcal:// link or scan the QR code with the Camera, then “Subscribe”; or "
     "Settings → Calendar → Accounts → Add Account → Other → Add Subscribed Calendar."),
    ("<b>Outlook</b>: Tambah kalender → Berlangganan dari web, tempel alamatnya, beri nama, lalu Impor.",
     "<b>Outlook</b>: Add calendar → Subscribe from web, paste the address, name it, then Import."),
)  # fmt: skip


def board_html(board: Board) -> str:
    status = board.status
    title = tr("Jadwal tahapan pemilu", "Election timetable")
    zone = escape(ZONES.get(status.timezone, status.timezone))
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


def _copy(href: str, label: str) -> str:
    return (
        f'<button type="button" class="copy" hidden data-copy="{escape(href)}" '
        f'data-done="{_t("Tersalin", "Copied")}">{label}</button>'
    )


def _projected(stage: Stage | Election) -> str:
    """' (proyeksi)' after a projected stage, or an election with one: its dates are another
    election's pattern, never to be read as official."""
    walk = stage.walk() if isinstance(stage, Election) else [("", stage)]
    projected = any(s.projected for _, s in walk)
    return f' <span class="warn">({_t(*PROJECTED)})</span>' if projected else ""


def _name(name: str, name_en: str | None, stage: Stage | Election) -> str:
    return f'<span class="name">{escape(pick(name, name_en))}</span>{_projected(stage)}'


def _countdown(election: Election, h: int) -> str:
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
        out.append('<p class="lead">' + _t(
            f"Tidak ada tahapan yang berjalan atau dimulai dalam {status.horizon} hari ke depan.",
            f"No stage runs or starts within the next {days(status.horizon)}.",
        ) + f'</p><h2>{_t("Pemilu yang dimuat", "Loaded elections")}</h2><ul class="stages">')  # fmt: skip
        for e in status.loaded:
            voting = format_date(e.voting_day, weekday=True, short=True)
            when = f"{tr('pemungutan suara', 'voting day')} {voting} · {h_label(tl.h_day(e, status.date))}"
            out.append(f'<li>{_name(e.name, e.name_en, e)}<div class="meta">{escape(when)}</div></li>')  # fmt: skip
        out.append("</ul>")
    out.extend(_election(es) for es in status.elections)
    shown = [es.election for es in status.elections] or status.loaded
    if any(_projected(e) for e in shown):
        from tahapan.i18n import projection_note

        out.append(f'<p class="warn">{escape(projection_note())}</p>')
    out.append("</section>")
    return "\n".join(out)


def _election(es: ElectionStatus) -> str:
    e = es.election
    mark = f' <span class="badge warn">{_t(*PROJECTED).upper()}</span>' if _projected(e) else ""
    name = f'{escape(pick(e.name, e.name_en))} <span class="badge">{h_label(es.h)}</span>{mark}'
    out = [f'<article class="election"><h2>{name}</h2>']
    out.append(f"<p>{_countdown(e, es.h)}</p>")
    scope = pick(e.scope, e.scope_en)
    if scope:
        out.append(f'<p class="meta">{escape(scope)}</p>')
    out.append(f"<h3>{_t('Sedang berjalan', 'Running now')}</h3>")
    if es.active:
        out.append('<ul class="stages">' + "".join(_active(a) for a in es.active) + "</ul>")
    else:
        out.append(f'<p class="quiet">{_t("Tidak ada tahapan berjalan.", "No stage runs.")}</p>')
    if es.upcoming:
        out.append(f"<h3>{_t('Berikutnya', 'Next')}</h3>")
        out.append('<ul class="stages">' + "".join(_upcoming(e, u) for u in es.upcoming) + "</ul>")
    if es.ended:
        names = [f"{pick(x.ref.stage.name, x.ref.stage.name_en)} ({_ago(x.days_since)})" for x in es.ended]  # fmt: skip
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
    name = _name(stage.name, stage.name_en, stage)
    return f'<li class="now{" sub" if a.ref.depth else ""}">{name}{bar}{_meta(parts)}</li>'


def _upcoming(election: Election, u: tl.UpcomingStage) -> str:
    stage = u.ref.stage
    assert stage.start is not None  # an upcoming stage's start is known
    n = u.days_until
    when = tr("besok", "tomorrow") if n == 1 else tr(f"dalam {n} hari", f"in {days(n)}")
    starts = tr("mulai ", "starts ") + format_date(stage.start, weekday=True, short=True)
    meta = _meta([escape(t) for t in (starts, h_label(tl.h_day(election, stage.start)), when)])
    sub = ' class="sub"' if u.ref.depth else ""
    return f"<li{sub}>{_name(stage.name, stage.name_en, stage)}{meta}</li>"


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
    google = _t("Google Kalender", "Google Calendar")
    out.append(
        f"<p>{google}:<br>{_address(url)}<br>{_copy(url, _t('Salin alamat', 'Copy address'))}</p></div>"
    )
    return "\n".join(out)


def _region(board: Board, feed: Feed) -> str:
    url, webcal = board.url(feed), board.webcal(feed)
    name = escape(pick(feed.name, feed.name_en))
    parts = [f'<a href="{escape(webcal or url)}">{name}</a>']
    if webcal:
        parts.append(f'<a href="{escape(url)}">https</a>')
    parts.append(_copy(url, _t("Salin", "Copy")))
    return f"<li{' class=province' if feed.province is None else ''}>{' '.join(parts)}</li>"


def _subscribe(board: Board) -> str:
    title = _t("Langganan kalender", "Subscribe to the calendar")
    out = [f'<section id="langganan"><h2>{title}</h2><p>' + _t(
        "Cukup berlangganan sekali: aplikasi kalender mengambil jadwal ini lagi secara berkala, jadi perubahan "
        "tanggal ikut masuk sendiri. Jangan unduh lalu impor berkas .ics, karena salinan impor tidak ikut berubah.",
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
        "Tahapan nasional, provinsi, dan daerah itu sendiri. Ketuk nama wilayah untuk berlangganan.",
        "The national stages, the province's and the region's own. Tap a region to subscribe.",
    ) + "</p>"]  # fmt: skip
    listed = _t(f"Daftar {len(feeds)} wilayah ada di halaman ini", f"The {len(feeds)} regions are on this page")  # fmt: skip
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
    lines = [f'<span class="name">{escape(title)}</span>{_projected(stage) if stage else ""}']
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
    other = _t("Untuk tahapan lain", "For another tahapan")
    out.append(f"<p>{other}: <code>tahapan data update {escape(source)}</code></p></section>")
    return "\n".join(out)


def _footer(board: Board) -> str:
    status = board.status
    on = f"{format_date(status.date, weekday=True)} ({ZONES.get(status.timezone, status.timezone)})"
    return "<footer>" + _t(
        f"Keadaan pada {on}. Tanggal resmi mengikuti keputusan KPU; periksa dasar hukum tiap tahapan. "
        "Dibuat dengan tahapan.",
        f"As of {on}. The official dates are KPU's decisions; check each stage's legal basis. Made with tahapan.",
    ) + "</footer>"  # fmt: skip
