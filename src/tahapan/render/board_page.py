"""The fixed parts of the status board (render/board_html.py): its style, the script of its copy
buttons, and how each calendar app subscribes, in each app's own words."""

from __future__ import annotations

from string import Template

from tahapan import colours as c

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
    ("<b>Android / Google Kalender</b>: di komputer (atau di peramban ponsel dengan mode “Situs desktop”) "
     "buka calendar.google.com, klik + di samping “Kalender lain” → “Dari URL”, tempel alamat https yang "
     "disalin di atas, lalu “Tambahkan kalender”. Bila belum muncul di aplikasi Google Kalender: Setelan → "
     "pilih kalender ini → aktifkan “Sinkronisasi”.",
     "<b>Android / Google Calendar</b>: on a computer (or in a phone browser in “Desktop site” mode) open "
     "calendar.google.com, click + next to “Other calendars” → “From URL”, paste the https address copied "
     "above, then “Add calendar”. If it does not show in the Google Calendar app: Settings → choose this "
     "calendar → turn on “Sync”."),
    ("<b>iPhone</b>: pindai kode QR dengan Kamera atau ketuk alamat webcal://, lalu “Berlangganan”. Cara "
     "lain: Pengaturan → Kalender → Akun → Tambah Akun → Lainnya → Tambah Kalender Langganan → tempel alamat "
     "di kolom Server → Berikutnya → Simpan (iOS 18: Pengaturan → App → Kalender → Akun Kalender).",
     "<b>iPhone</b>: scan the QR code with the Camera or tap the webcal:// address, then “Subscribe”. Or: "
     "Settings → Calendar → Accounts → Add Account → Other → Add Subscribed Calendar → paste the address as "
     "Server → Next → Save (iOS 18: Settings → Apps → Calendar → Calendar Accounts)."),
    ("<b>Outlook</b> (di web atau Outlook baru): Tambahkan kalender → Berlangganan dari web → tempel alamat → "
     "beri nama → Impor (namanya Impor, tetapi kalender tetap berlangganan dan ikut diperbarui).",
     "<b>Outlook</b> (on the web or the new Outlook): Add calendar → Subscribe from web → paste the address → "
     "name it → Import (it is called Import, but the calendar stays subscribed and follows changes)."),
)  # fmt: skip
