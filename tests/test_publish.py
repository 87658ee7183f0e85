"""`tahapan publish DIR`: what the site holds, and that writing it is safe beside a live server."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import installed_command

URL = "https://kpu.example.go.id/jadwal"


def _events(path: Path) -> dict[str, object]:
    import icalendar

    return {
        str(e["uid"]): e for e in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    }


def _tree(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file: its bytes, modification time and inode."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _move_campaign(tmp_path: Path, end: str, monkeypatch) -> None:
    mine = tmp_path / "jadwal.toml"
    mine.write_text(
        f'schema = 1\n[[elections]]\nid = "pilkada-2024"\n[[elections.stages]]\nid = "kampanye"\n'
        f'end = {end}\nbasis = "Surat KPU (contoh)"\nconfidence = "P"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("TAHAPAN_USER_FILE", str(mine))


def test_a_site_of_feeds_for_every_region(cli, tmp_path):
    site = tmp_path / "situs"
    result = cli("publish", str(site), "--url", URL)
    assert result.exit_code == 0, result.output
    assert "kalender" in result.stderr
    regions = json.loads(cli("regions", "--json").stdout)["regions"]
    feeds = sorted(p.stem for p in (site / "ics" / "wilayah").glob("*.ics"))
    assert feeds == sorted(r["id"] for r in regions) and len(feeds) == 552
    for name in (
        "index.html",
        "data.json",
        "stages.toml",
        "perubahan.atom",
        ".tahapan-publish",
        "ics/semua.ics",
        "ics/pilkada-2024.ics",
    ):
        assert (site / name).is_file(), name
    text = (site / "ics" / "wilayah" / "kota-pangkalpinang.ics").read_text(encoding="utf-8")
    unfolded = text.replace("\r\n ", "")
    for header in (
        "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
        "X-PUBLISHED-TTL:PT12H",
        "X-WR-CALNAME:Tahapan — Kota Pangkal Pinang",
        "X-WR-CALDESC:Tahapan yang diikuti di Kota Pangkal Pinang",
    ):
        assert header in unfolded
    # the region follows national stages, its own re-election, and not another region's re-vote
    uids = _events(site / "ics" / "wilayah" / "kota-pangkalpinang.ics")
    assert "pemilihan-ulang-2025.kampanye@tahapan.invalid" in uids
    assert "pemilu-2024.pemungutan-suara@tahapan.invalid" in uids
    assert not any(u.startswith("psu-2025-08-06.") for u in uids)
    papua = _events(site / "ics" / "wilayah" / "papua.ics")
    assert "psu-2025-08-06.kampanye@tahapan.invalid" in papua
    data = json.loads((site / "data.json").read_text(encoding="utf-8"))
    assert data["schema"] == 1 and data["revision"] == "2026-12-06"
    [everything] = [f for f in data["feeds"] if f["kind"] == "all"]
    assert everything["url"] == f"{URL}/ics/semua.ics"
    assert everything["webcal"] == "webcal://kpu.example.go.id/jadwal/ics/semua.ics"
    assert everything["events"] == len(_events(site / "ics" / "semua.ics"))


def test_publishing_the_same_again_touches_nothing(cli, tmp_path):
    site = tmp_path / "situs"
    assert cli("publish", str(site)).exit_code == 0
    before = _tree(site)
    again = cli("publish", str(site))
    assert again.exit_code == 0 and "0 berkas ditulis, 568 tetap, 0 dihapus" in again.stderr
    assert _tree(site) == before  # same bytes, same times, same inodes
    other = tmp_path / "lain"
    assert cli("publish", str(other)).exit_code == 0
    assert {k: v[0] for k, v in _tree(other).items()} == {k: v[0] for k, v in before.items()}


def test_a_moved_stage_rewrites_only_the_feeds_that_hold_it(cli, tmp_path, monkeypatch):
    site = tmp_path / "situs"
    assert cli("publish", str(site), "-e", "pilkada-2024", "-e", "pemilu-2024").exit_code == 0
    before = _tree(site)
    _move_campaign(tmp_path, "2024-11-20", monkeypatch)
    assert cli("publish", str(site), "-e", "pilkada-2024", "-e", "pemilu-2024").exit_code == 0
    after = _tree(site)
    changed = {k for k in after if after[k][0] != before[k][0]}
    assert "ics/pilkada-2024.ics" in changed and "ics/wilayah/kota-kediri.ics" in changed
    assert "ics/pemilu-2024.ics" not in changed
    assert after["ics/pemilu-2024.ics"][1:] == before["ics/pemilu-2024.ics"][1:]  # the same file
    uid = "pilkada-2024.kampanye@tahapan.invalid"
    new = _events(site / "ics" / "pilkada-2024.ics")[uid]
    assert int(new["sequence"]) == 1 and str(new["dtend"].dt) == "2024-11-21"


def test_a_folder_that_is_not_a_site_is_left_alone(cli, tmp_path):
    folder = tmp_path / "dokumen"
    folder.mkdir()
    (folder / "laporan.docx").write_bytes(b"penting")
    result = cli("publish", str(folder))
    assert result.exit_code == 2
    assert "tidak kosong dan bukan hasil `tahapan publish`" in result.stderr
    assert [p.name for p in folder.iterdir()] == ["laporan.docx"]
    a_file = tmp_path / "berkas.txt"
    a_file.write_text("x")
    assert cli("publish", str(a_file)).exit_code == 2 and a_file.read_text() == "x"
    missing = cli("publish", str(tmp_path / "tidak" / "ada"))
    assert missing.exit_code == 2 and "tidak ada" in missing.stderr
    assert not list(tmp_path.glob(".*tahapan-baru*"))


def test_files_no_longer_published_are_removed_inside_the_site_only(cli, tmp_path):
    site = tmp_path / "situs"
    assert cli("publish", str(site)).exit_code == 0
    beside = tmp_path / "jangan-dihapus.txt"
    beside.write_text("tetap")
    result = cli("publish", str(site), "-r", "papua")
    assert result.exit_code == 0
    assert [p.name for p in (site / "ics" / "wilayah").iterdir()] == ["papua.ics"]
    assert "558 dihapus" in result.stderr  # 551 other regions, 7 elections not held in Papua
    assert beside.read_text() == "tetap"


@pytest.mark.parametrize("url", ["kpu.go.id", "ftp://x/y", "https://", "javascript:alert(1)"])
def test_a_bad_url_is_refused(cli, tmp_path, url):
    result = cli("publish", str(tmp_path / "situs"), "--url", url)
    assert result.exit_code == 2 and "--url bukan alamat http(s)" in result.stderr
    assert not (tmp_path / "situs").exists()


def test_the_atom_feed_holds_the_documented_changes(cli, tmp_path):
    import xml.etree.ElementTree as ET

    site = tmp_path / "situs"
    assert cli("publish", str(site), "--url", URL).exit_code == 0
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.parse(site / "perubahan.atom").getroot()
    entries = feed.findall("a:entry", ns)
    assert len(entries) == 3  # Parigi Moutong, Papua, the PKPU 8/2024 amendment
    ids = [e.findtext("a:id", namespaces=ns) for e in entries]
    assert len(set(ids)) == 3 and all(
        i.startswith("tag:tahapan.invalid,2024:perubahan/") for i in ids
    )
    texts = [e.findtext("a:content", namespaces=ns) for e in entries]
    assert any("19 Apr 2025 → 16 Apr 2025" in t for t in texts)
    assert any("9 Agu 2025 → 6 Agu 2025" in t for t in texts)
    assert feed.find("a:link[@rel='self']", ns).get("href") == f"{URL}/perubahan.atom"
    assert feed.findtext("a:id", namespaces=ns) == f"{URL}/perubahan.atom"
    calendars = [e.find("a:link[@rel='related']", ns) for e in entries]
    assert all(
        c.get("type") == "text/calendar" and c.get("href").startswith(f"{URL}/ics/")
        for c in calendars
    )


def test_publish_through_the_installed_command(tmp_path):
    env = {**os.environ, "TAHAPAN_NOW": "2026-12-06T08:00:00+07:00"}
    site = tmp_path / "situs"
    done = subprocess.run(
        [*installed_command(), "publish", str(site), "-q", "--lang", "en"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert (site / "ics" / "wilayah" / "kota-kediri.ics").is_file()
    assert "X-WR-CALNAME:Stages — " in (site / "ics" / "pemilu-2024.ics").read_text(
        encoding="utf-8"
    )


def test_the_published_revision_follows_the_offices_own_changes(cli, tmp_path, monkeypatch):
    """An office's own edit carries no revision: the published file says the day this office's
    history saw it, so another tahapan with newer shipped data does not set it aside as older."""
    monkeypatch.setenv("TAHAPAN_NOW", "2027-01-05T08:00:00+07:00")
    site = tmp_path / "situs"
    assert cli("publish", str(site)).exit_code == 0
    assert "revision = 2026-12-06\n" in (site / "stages.toml").read_text(encoding="utf-8")
    _move_campaign(tmp_path, "2024-11-20", monkeypatch)
    assert cli("publish", str(site)).exit_code == 0
    text = (site / "stages.toml").read_text(encoding="utf-8")
    assert "revision = 2027-01-05\n" in text
    assert (
        'revision_note = "jadwal resmi revisi 2026-12-06, dengan perubahan kantor ini sampai 5 Januari 2027"'
        in text
    )


# ------------------------------------------------------------------- found by an adversarial pass


def test_a_file_put_in_the_site_by_hand_is_never_deleted(cli, tmp_path):
    site = tmp_path / "situs"
    assert cli("publish", str(site)).exit_code == 0
    (site / "catatan.txt").write_text("milik petugas")
    result = cli("publish", str(site), "--lang", "en")
    assert result.exit_code == 2 and "catatan.txt" in result.stderr
    assert (site / "catatan.txt").read_text() == "milik petugas"
    fake = tmp_path / "palsu"
    fake.mkdir()
    (fake / ".tahapan-publish").symlink_to(tmp_path / "situs" / ".tahapan-publish")
    (fake / "skripsi.doc").write_text("penting")
    assert cli("publish", str(fake)).exit_code == 2
    assert (fake / "skripsi.doc").read_text() == "penting"


def test_the_folder_keeps_its_mode_and_files_are_readable_whatever_the_umask(cli, tmp_path):
    site = tmp_path / "situs"
    site.mkdir()
    site.chmod(0o2750)
    old = os.umask(0o077)
    try:
        assert cli("publish", str(site)).exit_code == 0
    finally:
        os.umask(old)
    assert oct(site.stat().st_mode & 0o7777) == oct(0o2750)
    assert oct((site / "index.html").stat().st_mode & 0o777) == oct(0o644)
    assert oct((site / "ics").stat().st_mode & 0o777) == oct(0o755)


def test_a_build_an_interrupted_publish_left_is_swept(cli, tmp_path):
    site = tmp_path / "situs"
    assert cli("publish", str(site), "-r", "papua").exit_code == 0
    leftover = tmp_path / ".situs.tahapan-baru-999999999"  # no such process
    (leftover / "ics").mkdir(parents=True)
    assert cli("publish", str(site)).exit_code == 0
    assert not leftover.exists()
    assert not [p for p in tmp_path.iterdir() if ".tahapan-baru-" in p.name]


def test_two_publishes_at_once_give_one_whole_site(tmp_path):
    env = {**os.environ, "TAHAPAN_NOW": "2026-12-06T08:00:00+07:00"}
    site = tmp_path / "situs"
    runs = [
        subprocess.Popen([*installed_command(), "publish", str(site), "-q", *extra], env=env)
        for extra in (["--lang", "en"], ["-r", "kota-kediri"])
    ]
    assert [run.wait(timeout=120) for run in runs] == [0, 0]
    # whichever came last, the site is that one's whole: its board and its feeds agree
    lang = "en" if (site / "ics" / "wilayah" / "papua.ics").exists() else "id"
    assert f'<html lang="{lang}"' in (site / "index.html").read_text(encoding="utf-8")
    listed = (site / ".tahapan-publish").read_text(encoding="utf-8").splitlines()[1:]
    present = sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file() and p.name != ".tahapan-publish"
    )
    assert present == sorted(listed)


def test_publishing_from_inside_the_site(cli, tmp_path, monkeypatch):
    site = tmp_path / "situs"
    assert cli("publish", str(site)).exit_code == 0
    monkeypatch.chdir(site)
    assert cli("publish", ".", "--lang", "en").exit_code == 0
    assert '<html lang="en"' in (tmp_path / "situs" / "index.html").read_text(encoding="utf-8")
    assert not [p for p in tmp_path.iterdir() if ".tahapan-baru-" in p.name]


@pytest.mark.parametrize(
    "url",
    [
        "https://petugas:rahasia@x.example/j",
        "https://x.example/j?a=1",
        "https://x.example/j#f",
        "https://x.example/a b",
    ],
)
def test_an_address_that_would_leak_or_break_links_is_refused(cli, tmp_path, url):
    result = cli("publish", str(tmp_path / "situs"), "--url", url)
    assert result.exit_code == 2 and "--url bukan alamat http(s)" in result.stderr
    assert "rahasia" not in result.stdout


def test_an_international_host_is_published_as_phones_resolve_it(cli, tmp_path):
    site = tmp_path / "situs"
    assert (
        cli("publish", str(site), "--url", "HTTPS://Pemilu.bücher.example/Jadwal/").exit_code == 0
    )
    data = json.loads((site / "data.json").read_text(encoding="utf-8"))
    [everything] = [f for f in data["feeds"] if f["kind"] == "all"]
    assert everything["url"] == "https://pemilu.xn--bcher-kva.example/Jadwal/ics/semua.ics"


def test_an_election_named_like_the_all_stages_feed_is_refused(cli, tmp_path):
    odd = tmp_path / "semua.toml"
    odd.write_text(
        'schema = 1\n[[elections]]\nid = "semua"\nname = "Semua"\nname_en = "All"\n'
        'voting_day = 2027-03-01\nbasis = "x"\n[[elections.stages]]\nid = "a"\nname = "A"\n'
        'name_en = "A"\nstart = 2027-01-01\nend = 2027-01-02\nbasis = "x"\nconfidence = "P"\n',
        encoding="utf-8",
    )
    result = cli("publish", str(tmp_path / "situs"), "--data", str(odd))
    assert result.exit_code == 2 and "'semua'" in result.stderr
    assert not (tmp_path / "situs").exists()


def test_characters_xml_cannot_hold_do_not_break_the_atom_feed(cli, tmp_path):
    import xml.etree.ElementTree as ET

    odd = tmp_path / "ubah.toml"
    odd.write_text(
        'schema = 1\n[[elections]]\nid = "pemilu-2024"\n[[elections.changes]]\n'
        'summary = "geser \\uFFFE"\nsummary_en = "moved \\uFFFF"\nbasis = "SK KPU"\nconfidence = "P"\n',
        encoding="utf-8",
    )
    assert cli("publish", str(tmp_path / "situs"), "--data", str(odd)).exit_code == 0
    ET.parse(tmp_path / "situs" / "perubahan.atom")  # well-formed


def test_nothing_to_publish_leaves_the_site_as_it_was(cli, tmp_path):
    site = tmp_path / "situs"
    assert cli("publish", str(site)).exit_code == 0
    before = _tree(site)
    result = cli("publish", str(site), "--year", "1900")
    assert result.exit_code == 2 and "tidak ada tahapan untuk diterbitkan" in result.stderr
    assert _tree(site) == before


def test_the_published_schedule_holds_whole_elections_whatever_the_feeds_hold(cli, tmp_path):
    import tomllib

    site = tmp_path / "situs"
    assert (
        cli("publish", str(site), "-r", "kabupaten-barito-utara", "--year", "2025").exit_code == 0
    )
    data = tomllib.loads((site / "stages.toml").read_text(encoding="utf-8"))
    papua = next(e for e in data["elections"] if e["id"] == "psu-2025-08-06")
    assert {s["id"] for s in papua["stages"]} == {
        "kampanye",
        "masa-tenang",
        "pemungutan-suara-ulang",
    }
