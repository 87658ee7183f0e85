"""index.html of `tahapan publish`: the status board, built from the shipped schedules, read as
HTML, and laid out by a real browser at a phone's width and a desktop's."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import date
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import chromium, needs_chromium
from tahapan.days.dates import today
from tahapan.i18n import format_date, set_language
from tahapan.model import Change
from tahapan.render.board_html import board_html
from tahapan.reports.publish import Board, Feed, documented
from tahapan.reports.status import build_status
from tahapan.schedule.load import load_catalog

BASE = "https://jadwal.kpu-contoh.go.id/tahapan"
#: a morning of the 2024 local elections' last campaign week, and a quiet day two years on
BUSY, QUIET = "2024-11-20T08:00:00+07:00", "2026-12-06T08:00:00+07:00"


def board_for(monkeypatch, now=BUSY, *, base_url=BASE, elections=None, all_regions=False, **kw):
    """A Board as `tahapan publish` makes it: the shipped schedules on the day TAHAPAN_NOW names,
    the whole schedule's feed, the local elections' feed, and region feeds (Jawa Timur and Kota
    Kediri, the city listed first; or every shipped region)."""
    monkeypatch.setenv("TAHAPAN_NOW", now)
    catalog = load_catalog()
    if elections is not None:
        catalog = catalog.with_elections(elections(catalog.elections))
    status = build_status(catalog, on=today("Asia/Jakarta"), timezone="Asia/Jakarta")
    pilkada = next(e for e in catalog.elections if e.id == "pilkada-2024")
    feeds = [
        Feed("all", "semua", "Semua tahapan", "All stages", "ics/semua.ics", 86),
        Feed("election", pilkada.id, pilkada.name, pilkada.name_en, "ics/pilkada-2024.ics", 23),
    ]
    by_id = {r.id: r for r in catalog.regions}
    chosen = catalog.regions if all_regions else [by_id["kota-kediri"], by_id["jawa-timur"]]
    for region in chosen:
        province = by_id.get(region.parent) if region.parent else None
        feeds.append(Feed(
            "region", region.id, region.name, region.name_en or region.name,
            f"ics/wilayah/{region.id}.ics", 64, province.id if province else None,
            province.name if province else None,
        ))  # fmt: skip
    kw.setdefault("changes", documented(catalog.elections))
    return Board(status, feeds, base_url, date(2025, 9, 1), "Revisi September 2025", **kw)


class Page(HTMLParser):
    """The links of a page, the text of each list item, and the SVGs' outer markup."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        #: what the copy buttons copy
        self.copies: list[str] = []
        self.items: list[str] = []
        self._open: list[list[str]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.append(dict(attrs)["href"])
        if tag == "button" and "data-copy" in dict(attrs):
            self.copies.append(dict(attrs)["data-copy"])
        if tag == "li":
            self._open.append([])

    def handle_endtag(self, tag):
        if tag == "li" and self._open:
            self.items.append(" ".join("".join(self._open.pop()).split()))

    def handle_data(self, data):
        for item in self._open:
            item.append(data)


def item(page: Page, starting: str) -> str:
    return next(i for i in page.items if i.startswith(starting))


def modules(svg: str) -> set[tuple[int, int]]:
    """The dark modules a segno SVG path draws (runs of 'h' along rows, the 4-module border off)."""
    path = re.search(r'<path class="qrline"[^>]* d="([^"]+)"', svg)
    assert path is not None, svg[:200]
    x = y = 0.0
    dark = set()
    for op, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", path.group(1)):
        if op == "M":
            x, y = float(a), float(b)
        elif op == "m":
            x, y = x + float(a), y + float(b)
        else:
            dark.update((int(y - 0.5) - 4, int(x) + i - 4) for i in range(int(a)))
            x += float(a)
    return dark


def test_the_board_shows_the_near_elections_and_every_feed(monkeypatch):
    board = board_for(monkeypatch)
    html = board_html(board)
    page = Page(html)
    assert html.startswith('<!DOCTYPE html>\n<html lang="id">')
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "<h1>Jadwal tahapan pemilu</h1>" in html
    assert format_date(date(2024, 11, 20), weekday=True) == "Rabu, 20 November 2024"
    assert "Rabu, 20 November 2024" in html and "1 September 2025 — Revisi September 2025" in html
    assert [es.election.id for es in board.status.elections] == ["pilkada-2024"]
    for es in board.status.elections:
        assert escape(es.election.name) in html
    assert 'Pilkada Serentak 2024 <span class="badge">H-7</span>' in html
    assert "Pemungutan suara Rabu, 27 November 2024, 7 hari lagi" in html
    running = item(page, "Pelaksanaan kampanye")
    assert "hari ke-57 dari 60" in running and "sisa 3 hari" in running
    assert "25 Sep – 23 Nov 2024" in running
    nxt = item(page, "Masa tenang")
    assert "mulai Minggu, 24 Nov 2024" in nxt and "H-3" in nxt and "dalam 4 hari" in nxt
    assert "Sedang berjalan" in html and "Berikutnya" in html and "proyeksi" not in html
    for feed in board.feeds:
        # the https address is copied for Google Calendar, never a link: tapped on a phone it
        # would download the file and offer a one-time import
        assert board.url(feed) in page.copies and board.url(feed) not in page.hrefs
        assert board.webcal(feed) in page.hrefs
        assert board.webcal(feed).startswith("webcal://jadwal.kpu-contoh.go.id/tahapan/ics/")
    for name in ("perubahan.atom", "data.json", "stages.toml"):
        assert f"{BASE}/{name}" in page.hrefs
    assert f"tahapan data update {BASE}/stages.toml" in html
    for words in (
        "Langganan kalender",
        "Dari URL",
        "Tambah Kalender Langganan",
        "Berlangganan dari web",
        "salin alamat ini, jangan diketuk",
    ):
        assert words in html
    # self-contained: nothing loaded from anywhere, and one script, the copy buttons'
    assert "<script src" not in html and '<link rel="stylesheet"' not in html
    assert "@import" not in html and "url(" not in html
    assert html.count("<script>") == 1 and html.count('class="copy" hidden') == 4


def test_without_a_public_address_links_are_relative_and_there_is_no_qr_code(monkeypatch):
    board = board_for(monkeypatch, base_url=None)
    html = board_html(board)
    page = Page(html)
    for feed in board.feeds:
        assert board.webcal(feed) is None and feed.path in page.hrefs
    assert {"perubahan.atom", "data.json", "stages.toml"} <= set(page.hrefs)
    assert "webcal://" not in "".join(page.hrefs) and "<svg" not in html
    assert "tahapan data update ALAMAT/stages.toml" in html
    assert "Alamat publik situs ini tidak diberikan" in html


def test_a_qr_code_per_calendar_draws_its_subscribe_address(monkeypatch):
    import segno

    board = board_for(monkeypatch)
    html = board_html(board)
    svgs = re.findall(r"<svg.*?</svg>", html, re.S)
    main = [f for f in board.feeds if f.kind != "region"]
    assert len(svgs) == len(main) == 2  # none per region
    for feed, svg in zip(main, svgs, strict=True):
        address = board.webcal(feed)
        assert f"<title>{address}</title>" in svg
        code = segno.make_qr(address, error="m")
        assert isinstance(code.version, int)  # a full QR code, never a Micro one phones cannot read
        drawn = {(r, c) for r, row in enumerate(code.matrix) for c, v in enumerate(row) if v}
        assert modules(svg) == drawn
    regions = html[html.index("<details>") :]
    assert "<svg" not in regions


def test_region_feeds_are_grouped_by_province_the_province_first(monkeypatch):
    board = board_for(monkeypatch)
    html = board_html(board)
    group = re.search(r"<details><summary>(.*?)</summary>(.*?)</details>", html, re.S)
    assert group is not None and html.count("<details>") == 1
    assert group.group(1).startswith("Jawa Timur ")
    names = re.findall(r'<li[^>]*><a href="[^"]+">([^<]+)</a>', group.group(2))
    assert names == ["Jawa Timur", "Kota Kediri"]
    assert f'data-copy="{BASE}/ics/wilayah/kota-kediri.ics"' in group.group(2)
    assert 'href="webcal://jadwal.kpu-contoh.go.id/tahapan/ics/wilayah/kota-kediri.ics"' in html


def test_every_shipped_region_is_listed_once(monkeypatch):
    board = board_for(monkeypatch, all_regions=True)
    html = board_html(board)
    regions = [f for f in board.feeds if f.kind == "region"]
    assert len(regions) == 552
    assert html.count("<details>") == len({f.province or f.id for f in regions}) == 38
    for feed in regions:
        assert html.count(f'href="{board.webcal(feed)}"') == 1


def test_a_projected_stage_is_never_shown_as_official(monkeypatch):
    def project(elections):
        ids = {"kampanye", "masa-tenang"}
        return [
            replace(e, stages=tuple(replace(s, projected=s.id in ids) for s in e.stages))
            if e.id == "pilkada-2024" else e
            for e in elections
        ]  # fmt: skip

    page = Page(html := board_html(board_for(monkeypatch, elections=project)))
    assert "(proyeksi)" in item(page, "Pelaksanaan kampanye")
    assert "(proyeksi)" in item(page, "Masa tenang")
    assert "proyeksi" not in item(page, "Pemungutan suara")
    assert '<span class="badge warn">PROYEKSI</span>' in html
    assert "bukan tanggal resmi" in html


def test_a_stage_with_an_unknown_start_shows_a_question_mark(monkeypatch):
    def unknown(elections):
        return [
            replace(
                e,
                stages=tuple(replace(s, start=None) if s.id == "kampanye" else s for s in e.stages),
            )
            for e in elections
        ]

    running = item(
        Page(board_html(board_for(monkeypatch, elections=unknown))), "Pelaksanaan kampanye"
    )
    assert "mulai ?" in running and "hari ke-" not in running and "sisa 3 hari" in running


def test_text_from_the_data_is_escaped(monkeypatch):
    def rename(elections):
        return [
            replace(e, name="<script>alert('x')</script>") if e.id == "pilkada-2024" else e
            for e in elections
        ]

    board = board_for(monkeypatch, elections=rename)
    board.revision_note = 'Revisi "<marquee>"'
    board.feeds[1] = replace(board.feeds[1], name="Pilkada <img src=x>")
    html = board_html(board)
    assert "alert" in html and "<script>alert" not in html and html.count("<script>") == 1
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<marquee" not in html and "Revisi &quot;&lt;marquee&gt;&quot;" in html
    assert "<img" not in html and "Pilkada &lt;img src=x&gt;" in html


def test_the_same_board_gives_the_same_bytes(monkeypatch):
    first = board_html(board_for(monkeypatch))
    assert board_html(board_for(monkeypatch)) == first


def test_english(monkeypatch):
    set_language("en")
    html = board_html(board_for(monkeypatch))
    page = Page(html)
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "Election timetable" in html and "Wednesday, 20 November 2024" in html
    assert "2024 Simultaneous Regional Elections" in html
    running = item(page, "Campaign period")
    assert "day 57 of 60" in running and "3 days left" in running
    assert "in 4 days" in item(page, "Quiet period") and "Running now" in html and "Next" in html
    assert "Subscribe to the calendar" in html and "From URL" in html
    assert "Sedang berjalan" not in html


def test_a_quiet_day_lists_the_loaded_elections(monkeypatch):
    board = board_for(monkeypatch, QUIET)
    html = board_html(board)
    assert board.status.elections == [] and board.status.date == date(2026, 12, 6)
    assert "Minggu, 6 Desember 2026" in html
    assert "Tidak ada tahapan pemilu yang berjalan atau dimulai dalam 60 hari ke depan." in html
    page = Page(html)
    for election in board.status.loaded:
        line = item(page, election.name)
        if election.voting_day is None:  # Pemilu 2029: what is known, no date
            assert "hari pemungutan suara belum ditetapkan" in line and "20 bulan" in line
        else:
            assert format_date(election.voting_day, weekday=True, short=True) in line
    # between elections the board shows the PDPB recaps, the next ones marked estimates
    assert [p.election.id for p in board.status.programmes] == ["pdpb"]
    assert (
        "Rekapitulasi PDPB Tingkat Nasional per semester (KPU RI)" in html and "(perkiraan)" in html
    )
    assert html.count("Sedang berjalan") == 1  # the programme's panel alone: no election runs


def test_the_latest_ten_changes_newest_first(monkeypatch):
    shipped = documented(load_catalog().elections)
    election = shipped[0][0]
    dated = [
        (election, Change(summary=f"Perubahan ke-{n}", summary_en=f"Change {n}", basis="Keputusan KPU",
                          confidence="P", date=date(2024, 1, n)))
        for n in range(12, 0, -1)
    ]  # fmt: skip
    html = board_html(board_for(monkeypatch, changes=dated + shipped))
    shown = re.findall(r"Perubahan ke-(\d+)", html)
    assert shown == [str(n) for n in range(12, 2, -1)]
    assert "Jumat, 12 Januari 2024" in html and "Dasar: Keputusan KPU" in html
    assert "5 perubahan lebih lama" in html


def test_a_moved_stage_shows_its_old_and_new_dates(monkeypatch):
    html = board_html(board_for(monkeypatch))
    assert "Tanggal: 19 Apr 2025 → 16 Apr 2025" in html
    assert html.index("PKPU 8/2024 tentang pencalonan") > html.index("Tanggal: 19 Apr 2025")


# --- a real browser ------------------------------------------------------------------------------

#: measures the board inside an iframe of exactly the width asked for (a headless window is never
#: narrower than 500 px), every region list opened, and writes what it found into the title
PROBE = """<!DOCTYPE html><html><head><title>-</title></head><body style="margin:0">
<iframe id="f" src="index.html" style="width:WIDTHpx;height:800px;border:0"></iframe>
<script>
document.getElementById("f").onload = function () {
  var doc = this.contentDocument, root = doc.documentElement, small = [], wide = [], low = [];
  doc.querySelectorAll("details").forEach(function (d) { d.open = true; });
  doc.querySelectorAll("body *").forEach(function (e) {
    var r = e.getBoundingClientRect(), style = doc.defaultView.getComputedStyle(e);
    if (r.width && r.right > root.clientWidth + 0.5) wide.push(e.tagName + "." + e.className);
    var text = Array.prototype.some.call(e.childNodes, function (n) { return n.nodeType === 3 && n.data.trim(); });
    if (text && r.width && parseFloat(style.fontSize) < 14) small.push(e.tagName + "." + e.className);
    if (e.matches("button, summary, nav a, ul.regions a") && r.width && r.height < 36) low.push(e.tagName);
  });
  document.title = JSON.stringify({scroll: root.scrollWidth, client: root.clientWidth,
    wide: wide.slice(0, 5), small: small.slice(0, 5), low: low.slice(0, 5), copy: doc.querySelectorAll("button.copy:not([hidden])").length});
};
</script></body></html>"""


def layout(html: str, width: int, tmp_path: Path) -> dict:
    import json

    (tmp_path / "index.html").write_text(html, encoding="utf-8")
    probe = tmp_path / f"probe-{width}.html"
    probe.write_text(PROBE.replace("WIDTH", str(width)), encoding="utf-8")
    done = subprocess.run(
        [
            chromium() or "chromium", "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--hide-scrollbars",
            "--allow-file-access-from-files", "--window-size=1400,900",
            "--run-all-compositor-stages-before-draw", "--virtual-time-budget=10000", "--dump-dom",
            probe.as_uri(),
        ],
        check=True, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    title = re.search(r"<title>(.*?)</title>", done.stdout, re.S)
    assert title is not None and title.group(1).startswith("{"), done.stdout[:500]
    return json.loads(title.group(1).replace("&quot;", '"'))


@needs_chromium
@pytest.mark.parametrize("now", [BUSY, QUIET])
@pytest.mark.parametrize("width", [390, 1280])
def test_chromium_lays_the_board_out_without_sideways_scrolling(monkeypatch, tmp_path, now, width):
    html = board_html(board_for(monkeypatch, now, all_regions=True))
    found = layout(html, width, tmp_path)
    assert found["client"] == width
    assert found["scroll"] <= width, found
    assert found["wide"] == [], found
    assert found["small"] == [], found  # no text under 14 px
    assert found["low"] == [], found  # buttons, the region links and the menu are easy to tap
    assert found["copy"] == 2 + 552  # the script shows every copy button


@needs_chromium
def test_chromium_with_long_names_and_an_address_without_breaks(monkeypatch, tmp_path):
    long = "Kabupaten" + "Panjangsekali" * 12
    board = board_for(monkeypatch, base_url="https://" + "sub" * 40 + ".example.go.id/" + "x" * 80)
    board.feeds[2] = replace(board.feeds[2], name=long)
    board.revision_note = "catatan-" * 30
    found = layout(board_html(board), 390, tmp_path)
    assert found["scroll"] <= 390 and found["wide"] == [], found
