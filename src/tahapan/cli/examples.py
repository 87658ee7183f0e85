"""The examples and exit codes at the foot of each command's --help.

An officer reads `tahapan check --help` at the moment of writing a cron line: the lines to copy and
what each exit code means belong there, not only in docs/. The examples are command lines (the same
in both languages); the tests parse every one against its command and run those that only read.
"""

from __future__ import annotations

from typing import NamedTuple

from tahapan.errors import ExitCode


class Meaning(NamedTuple):
    id: str
    en: str


#: what a code means when a command gives no meaning of its own
COMMON: dict[int, Meaning] = {
    ExitCode.OK: Meaning("selesai", "done"),
    ExitCode.BAD_INPUT: Meaning(
        "masukan salah: tanggal, pemilu, tahapan, wilayah atau berkas yang tidak dikenal",
        "bad input: an unknown date, election, stage, region or file",
    ),
    ExitCode.CANT_WRITE: Meaning(
        "berkas tidak dapat ditulis; isi lamanya tetap utuh",
        "a file could not be written; what was there is kept",
    ),
}
_DUE = Meaning(
    "ada yang perlu diperhatikan: tenggat dalam rentang itu, tahapan tidak berjalan, atau ada "
    "perubahan jadwal",
    "attention: something is due in the window, the stage is not running, or a date changed",
)
_NOTIFY = Meaning(
    "pengingat gagal dikirim (hasilnya tetap ditampilkan); coba lagi nanti",
    "the notification could not be sent (the answer was printed); try again later",
)


class Page(NamedTuple):
    examples: tuple[str, ...]
    #: the codes the command gives, with a meaning of its own where COMMON's does not fit
    codes: dict[int, Meaning | None]


_READ: dict[int, Meaning | None] = {ExitCode.OK: None, ExitCode.BAD_INPUT: None}
_WRITE: dict[int, Meaning | None] = {**_READ, ExitCode.CANT_WRITE: None}
_CASE_INPUT = Meaning(
    "masukan salah: tanggal, alur, langkah, ID kasus, wilayah, atau berkas kasus",
    "bad input: an unknown date, chain, step, case id, region or cases file",
)
_CASE_READ: dict[int, Meaning | None] = {ExitCode.OK: None, ExitCode.BAD_INPUT: _CASE_INPUT}
_CASE_WRITE: dict[int, Meaning | None] = {**_CASE_READ, ExitCode.CANT_WRITE: None}

PAGES: dict[str, Page] = {
    "status": Page(
        (
            "tahapan status",
            'tahapan status -r "Kota Kediri"',
            "tahapan status --on 2024-11-25 --lang en",
            "tahapan status --on H-7 -e pilkada-2024 --json",
        ),
        _READ,
    ),
    "list": Page(
        ("tahapan list -e pilkada-2024", "tahapan list -r Tangsel --json"),
        _READ,
    ),
    "show": Page(
        (
            "tahapan show kampanye -e pemilu-2024",
            'tahapan show coklit -r "Kota Kediri" --on 2024-07-01',
        ),
        _READ,
    ),
    "check": Page(
        (
            "tahapan check --active kampanye -e pemilu-2024",
            "tahapan check --within 7 --tz WITA",
            "tahapan check --remind 7,3,1,0 --notify config -q",
            "tahapan check --changes",
        ),
        {
            ExitCode.OK: Meaning("ya, atau tidak ada tenggat", "yes, or nothing is due"),
            ExitCode.ATTENTION: _DUE,
            ExitCode.BAD_INPUT: None,
            ExitCode.NOTIFY: _NOTIFY,
        },
    ),
    "hitung": Page(
        (
            "tahapan hitung H-30 -e pemilu-2024",
            "tahapan hitung 2024-04-05 + 3 hari kerja",
            "tahapan hitung 2023-11-28 .. 2024-02-10",
            'tahapan hitung --chain phpu-pileg "2024-03-20 22:19"',
        ),
        _READ,
    ),
    "pace": Page(
        ("tahapan pace coklit -e pilkada-2024 --done 53.33 --on 2024-07-01",),
        {
            ExitCode.OK: Meaning("sesuai jadwal", "on schedule"),
            ExitCode.ATTENTION: Meaning("tertinggal dari jadwal", "behind schedule"),
            ExitCode.BAD_INPUT: None,
        },
    ),
    "validate": Page(
        ("tahapan validate jadwal.toml",),
        {
            ExitCode.OK: Meaning("berkas sah", "the files are valid"),
            ExitCode.ATTENTION: Meaning(
                "ada masalah (daftarnya ditampilkan)", "problems found (listed)"
            ),
            ExitCode.BAD_INPUT: Meaning("berkas tidak dapat dibaca", "a file cannot be read"),
        },
    ),
    "changes": Page(
        ("tahapan changes", "tahapan changes jadwal-lama.toml jadwal-baru.toml"),
        {
            ExitCode.OK: Meaning("tidak ada perubahan", "nothing changed"),
            ExitCode.ATTENTION: Meaning("ada perubahan", "something changed"),
            ExitCode.BAD_INPUT: None,
        },
    ),
    "data update": Page(
        (
            "tahapan data update https://kpu.example.go.id/jadwal/stages.toml --key RWQ...",
            "tahapan data update -q",
        ),
        {
            ExitCode.OK: Meaning(
                "terpasang, atau jadwal sudah mutakhir", "installed, or already current"
            ),
            ExitCode.BAD_INPUT: Meaning(
                "ditolak: tidak sah, tanda tangan salah, atau lebih lama dari yang terpasang",
                "refused: invalid, badly signed, or older than the one installed",
            ),
            ExitCode.NOTIFY: Meaning(
                "tidak tersambung ke internet atau server bermasalah; tidak ada yang berubah",
                "offline or a server error; nothing changed",
            ),
        },
    ),
    "publish": Page(
        ("tahapan publish /var/www/jadwal --url https://kpu-kab.example.go.id/jadwal",),
        _WRITE,
    ),
    "regions": Page(
        ("tahapan regions kediri", "tahapan regions -p jatim --json"),
        {
            ExitCode.OK: None,
            ExitCode.ATTENTION: Meaning("tidak ada yang cocok", "nothing matches"),
            ExitCode.BAD_INPUT: None,
        },
    ),
    "calendar": Page(
        (
            "tahapan calendar -e pilkada-2024 --month 2024-11",
            "tahapan calendar -e pilkada-2024 --year 2024 -f pdf -o kalender.pdf",
            "tahapan calendar -r Tangsel -f ics -o jadwal.ics",
        ),
        _WRITE,
    ),
    "export": Page(
        ("tahapan export -e pilkada-2024 -f csv -o jadwal.csv",),
        _WRITE,
    ),
    "import": Page(
        ("tahapan import jadwal.csv -o jadwal.toml",),
        _WRITE,
    ),
    "config set": Page(
        (
            'tahapan config set region "Kota Kediri"',
            "tahapan config set notify tgram://TOKEN/CHAT_ID",
        ),
        _WRITE,
    ),
    "config get": Page(
        ("tahapan config get region",),
        {
            ExitCode.OK: None,
            ExitCode.ATTENTION: Meaning("kunci itu belum diatur", "the key is not set"),
            ExitCode.BAD_INPUT: None,
        },
    ),
    "stage add": Page(
        (
            'tahapan stage add pilkada-2024/apel-siaga --name "Apel siaga" --start H-3 '
            '--end H-3 --basis "Surat KPU Kota" --confidence P',
        ),
        _WRITE,
    ),
    "stage set": Page(
        (
            "tahapan stage set pilkada-2024/kampanye --end 2024-11-20 "
            '--basis "PKPU 99/2024" --confidence P',
        ),
        _WRITE,
    ),
    "election add": Page(
        ("tahapan election add pemilu-2029 --like pemilu-2024 --voting-day 2029-02-14",),
        _WRITE,
    ),
    "election set-voting-day": Page(
        ("tahapan election set-voting-day pemilu-2029 2029-02-21",),
        _WRITE,
    ),
    "kasus add": Page(
        (
            "tahapan kasus add pidana-001 --chain pemilu-pidana --from 2024-01-05 "
            '--name "Dugaan politik uang" -r "Kota Kediri"',
            'tahapan kasus add phpu-2024 --chain phpu-pileg --from "2024-03-20 22:19"',
        ),
        _CASE_WRITE,
    ),
    "kasus show": Page(
        ("tahapan kasus show pidana-001", "tahapan kasus show pidana-001 --json"),
        {
            ExitCode.OK: None,
            ExitCode.ATTENTION: Meaning(
                "ada tenggat yang terlewat dan belum dicatat", "a deadline was missed"
            ),
            ExitCode.BAD_INPUT: _CASE_INPUT,
        },
    ),
    "kasus done": Page(
        (
            "tahapan kasus done pidana-001 penerusan --on 2024-01-06",
            'tahapan kasus done phpu-2024 permohonan --on "2024-03-22 14:05"',
        ),
        _CASE_WRITE,
    ),
    "kasus close": Page(("tahapan kasus close pidana-001",), _CASE_WRITE),
    "kasus remove": Page(("tahapan kasus remove pidana-001",), _CASE_WRITE),
    "kasus chains": Page(("tahapan kasus chains", "tahapan kasus chains phpu-pileg"), _CASE_READ),
}
#: the aliases show their command's page
PAGES["calc"] = PAGES["hitung"]
PAGES["perubahan"] = PAGES["changes"]


def page(path: list[str]) -> Page | None:
    """The page of a command, by its words after `tahapan` (`["stage", "set"]`)."""
    return PAGES.get(" ".join(path))


def meaning(code: int, own: Meaning | None) -> Meaning:
    found = own or COMMON.get(code)
    assert found is not None, f"exit code {code} needs a meaning"
    return found
