"""The Indonesian of every help text, keyed on its English (the text written in the code, with its
whitespace run together): a catalog in the manner of gettext, for translators in this file and
help_id_updates.py (the commands of schedules that change: changes, data, publish) and
help_id_cases.py (`kasus`).
tests/test_structure.py checks that every command, option and argument has its entry."""

from __future__ import annotations

HELP = {
    # --------------------------------------------------------------------------------- the root
    "Election stages: where today falls in the official timetables, countdowns and deadlines. "
    "Without a command, tahapan runs `status`, with its options.": (
        "Tahapan pemilu: posisi hari ini dalam jadwal resmi, hitung mundur, dan tenggat. Tanpa "
        "perintah, aplikasi menjalankan `status` beserta opsinya."
    ),
    "No colour or styles, as when NO_COLOR is set.": (
        "Tanpa warna dan gaya, seperti bila NO_COLOR diisi."
    ),
    "Show the version and exit.": "Tampilkan versi, lalu keluar.",
    # ----------------------------------------------------------------------------- shared options
    "Further schedule file (TOML) merged over the shipped data; repeatable. Env: TAHAPAN_DATA "
    "(files separated by ':').": (
        "Berkas jadwal (TOML) tambahan yang digabungkan dengan data bawaan dan didahulukan bila "
        "isinya berbeda; boleh berulang. Variabel lingkungan: TAHAPAN_DATA (nama berkas dipisahkan "
        "dengan titik dua)."
    ),
    'Province, regency or city by Kemendagri code, id, name or alias (35.71, "Kota Kediri", '
    "Tangsel, Jatim): national stages, its province's and its own, in its time zone. `tahapan "
    "regions TEXT` searches them.": (
        "Provinsi, kabupaten atau kota menurut kode Kemendagri, ID, nama atau alias (35.71, "
        '"Kota Kediri", Tangsel, Jatim): ditampilkan tahapan nasional, tahapan provinsi, dan '
        "tahapan khusus wilayah itu, menurut zona waktunya. Cari nama wilayah dengan `tahapan "
        "regions TEKS`."
    ),
    "Election id, e.g. pemilu-2024; repeatable. Default: the elections with a stage near the date.": (
        "ID pemilu, mis. pemilu-2024; boleh berulang. Jika tidak diisi: pemilu yang tahapannya berlangsung pada atau mendekati "
        "tanggal itu."
    ),
    'Date to look at: 2023-11-29, 29/11/2023, "29 November 2023", besok, H-3 ... Default: today.': (
        'Tanggal yang dilihat: 2023-11-29, 29/11/2023, "29 November 2023", besok, H-3 ... '
        "Jika tidak diisi: hari ini."
    ),
    "Time zone that decides 'today': WIB, WITA, WIT or an IANA name. Default: the config's, the "
    "region's, the machine's when Indonesian, else Asia/Jakarta.": (
        "Zona waktu yang menentukan 'hari ini': WIB, WITA, WIT atau nama IANA. Jika tidak diisi: zona di "
        "pengaturan, zona wilayah, zona komputer bila di Indonesia, atau Asia/Jakarta."
    ),
    "Output language: id (Indonesian, the default) or en (English).": (
        "Bahasa keluaran: id (Indonesia, bawaan) atau en (Inggris)."
    ),
    "Write to FILE (atomically; an existing FILE is kept as FILE.bak). Default: stdout.": (
        "Tulis ke BERKAS (BERKAS yang sudah ada disimpan sebagai BERKAS.bak). "
        "Jika tidak diisi: ditampilkan di layar."
    ),
    "Print nothing but errors, as grep -q (no answer, no notes, no warnings); the exit code "
    "answers. JSON and files (-o, -f ics...) are still written.": (
        "Tidak mencetak apa pun selain kesalahan, seperti grep -q (tanpa jawaban, pesan, atau "
        "peringatan); kode keluar yang menjawab. JSON dan berkas (-o, -f ics...) tetap ditulis."
    ),
    "Print JSON (schema 1) instead of the terminal view.": (
        "Tampilkan hasil dalam format JSON (skema 1), bukan tampilan terminal."
    ),
    "The schedule file to change.": "Berkas jadwal yang diubah.",
    # ------------------------------------------------------------------------------------ status
    "Stages running on a date (default today), day N of M, and the next deadlines.": (
        "Tahapan yang berjalan pada suatu tanggal (bawaan hari ini), hari ke-N dari M, dan "
        "tenggat berikutnya."
    ),
    "How many days ahead to list upcoming stages.": (
        "Jumlah hari ke depan untuk daftar tahapan yang akan datang."
    ),
    # ------------------------------------------------------------------------------- list, show
    "The stages of each election with their dates, marking where the date falls. Without -e: the "
    "elections with a stage near the date (every one when none is near; --all for every one "
    "always).": (
        "Tahapan setiap pemilu dengan tanggalnya, ditandai posisi tanggal itu.\n\n"
        "Tanpa -e: pemilu yang punya tahapan dekat tanggal itu (semuanya bila tidak ada yang "
        "dekat; --all untuk selalu semuanya)."
    ),
    "Show the file each stage came from, and what later files changed.": (
        "Tampilkan berkas asal setiap tahapan, dan apa yang diubah berkas sesudahnya."
    ),
    "Every loaded election, near the date or not.": (
        "Semua pemilu yang dimuat, dekat tanggal itu atau tidak."
    ),
    "One stage in full: dates, legal basis, confidence, sub-stages, and where the date falls.": (
        "Satu tahapan lengkap: tanggal, dasar hukum, kepastian, subtahapan, dan posisi tanggal itu."
    ),
    "Stage id or path: kampanye, kampanye/rapat-umum, pemilu-2024/kampanye.": (
        "ID atau jalur tahapan, mis. kampanye, kampanye/rapat-umum, pemilu-2024/kampanye."
    ),
    # ------------------------------------------------------------------------------------- check
    "Answer with the exit status: 0 yes/nothing due, 1 no/something due, 2 bad input.": (
        "Periksa tenggat dan status tahapan, lalu jawab dengan kode keluar: 0 = ya atau tidak ada "
        "tenggat, 1 = tidak atau ada tenggat, 2 = masukan salah."
    ),
    "Exit 0 when this stage runs on the date, 1 when not.": (
        "Kode keluar 0 bila TAHAPAN berjalan pada tanggal itu, 1 bila tidak."
    ),
    "Exit 1 and print each stage starting or ending within DAYS (7, 10d, 2w); exit 0 when none.": (
        "Tampilkan setiap tahapan yang mulai atau berakhir dalam HARI (7, 10 hari, 2 minggu), dengan kode "
        "keluar 1; kode keluar 0 bila tidak ada."
    ),
    "Exit 1 and print each stage starting or ending exactly DAYS away (7,3,1,0; 0 = today): each "
    "reminder once.": (
        "Tampilkan setiap tahapan yang mulai atau berakhir tepat HARI lagi (7,3,1,0; 0 = hari ini), "
        "dengan kode keluar 1: setiap pengingat sekali saja."
    ),
    "Also send the answer through Apprise (tgram://, mailto://, slack://, ntfy://, json://...), "
    "when there is one; `config` sends to the config's notify URLs. Repeatable.": (
        "Kirim juga jawabannya lewat Apprise (tgram://, mailto://, slack://, ntfy://, json://...), "
        "bila ada; `config` mengirim ke alamat notify di pengaturan. Boleh berulang."
    ),
    # ------------------------------------------------------------------------------ hitung, pace
    "Date arithmetic: H-30, a date plus N days or working days, the days in a span (both ends "
    "counted). Working days skip weekends, national holidays, cuti bersama and the election's "
    "own.": (
        "Hitung tanggal: H-30, tanggal + N hari (kerja), dan jumlah hari dalam rentang (tanggal awal "
        "dan akhir ikut dihitung). Hari kerja tidak mencakup hari Sabtu dan Minggu, libur nasional, "
        "cuti bersama, dan hari libur pemungutan suara pemilu itu."
    ),
    "Alias of `hitung`: date arithmetic with days, working days and spans.": (
        "Nama lain `hitung`: hitung tanggal dengan hari, hari kerja dan rentang."
    ),
    'A date, a date and a count ("2024-12-06 + 3 hari kerja", "3 working days after 2024-03-20"), '
    'or a span ("2023-11-28 .. 2024-02-10").': (
        'Tanggal, tanggal dan jumlah ("2024-12-06 + 3 hari kerja", "3 hari kerja setelah '
        '2024-03-20"), atau rentang ("2023-11-28 .. 2024-02-10").'
    ),
    "Pace of work: share done against time gone by, the day it ends at this pace; exit 1 when "
    "behind.": (
        "Laju pekerjaan: persentase selesai dibanding waktu tahapan yang sudah berjalan, perkiraan "
        "tanggal selesai pada laju sejauh ini; kode keluar 1 bila tertinggal dari jadwal."
    ),
    "Stage id or path: coklit, pemutakhiran-data-pemilih/coklit.": (
        "ID atau jalur tahapan, mis. coklit, pemutakhiran-data-pemilih/coklit."
    ),
    "Share of the work done: 53.33, 53,33, 53.33% or a count out of a total (1200/2250).": (
        "Bagian pekerjaan yang selesai: 53.33, 53,33, 53.33% atau jumlah dari total (1200/2250, "
        "1.200/2.250)."
    ),
    # ---------------------------------------------------------------------- validate, regions
    "Check schedule files: exit 0 valid, 1 problems found (listed), 2 a file cannot be read. Each "
    "file is checked as tahapan would use it: merged over the shipped data, in the order given.": (
        "Periksa berkas jadwal: kode keluar 0 = sah, 1 = ada masalah (daftarnya ditampilkan), 2 = "
        "berkas tidak dapat dibaca.\n\nSetiap berkas diperiksa seperti saat aplikasi memakainya: "
        "digabungkan dengan data bawaan, dalam urutan yang diberikan."
    ),
    "Schedule files (TOML) to check.": "Berkas jadwal (TOML) yang diperiksa.",
    "The regions tahapan knows: 38 provinces and 514 regencies and cities, with Kemendagri code, "
    "kind, time zone and province. With TEXT, those it names: exact matches first, then names "
    "holding every word, then names containing it. Exit 1 when nothing matches, as grep does.": (
        "Wilayah yang dikenali aplikasi ini: 38 provinsi dan 514 kabupaten/kota, dengan kode "
        "Kemendagri, jenis, zona waktu, dan provinsi. Dengan TEKS, ditampilkan wilayah yang cocok: "
        "pertama yang sama persis, lalu yang namanya memuat setiap kata TEKS, lalu yang namanya "
        "mengandung TEKS. Kode keluar 1 bila tidak ada yang cocok."
    ),
    "Code, id or name to look for, whole or in part (kediri, 35.71, Tangsel, kota).": (
        "Kode, ID atau nama yang dicari, utuh atau sebagian (kediri, 35.71, Tangsel, kota)."
    ),
    "Only the regions of this province (code, id or name: 35, jawa-timur, Jatim).": (
        "Hanya wilayah provinsi ini (kode, ID atau nama: 35, jawa-timur, Jatim)."
    ),
    # ---------------------------------------------------------------------------------- calendar
    "Stage calendar: month grids (Senin-Minggu) in the terminal, PDF or HTML; iCalendar, CSV, "
    "JSON. Default months: from this month (or --on's) to the one the next stage starts in. ics "
    "and csv hold every stage of the chosen elections unless months are given.": (
        "Kalender tahapan: kisi bulan (Senin-Minggu) di terminal, PDF atau HTML; iCalendar, CSV, "
        "JSON.\n\nBulan bawaan: dari bulan ini (atau bulan --on) sampai bulan tahapan berikutnya "
        "dimulai. Format ics dan csv memuat semua tahapan pemilu yang dipilih, kecuali bila bulan "
        "ditentukan dengan --month, --year, atau --from/--to."
    ),
    "One month, e.g. 2024-11.": "Satu bulan, mis. 2024-11.",
    "The twelve months of a year.": "Dua belas bulan dalam satu tahun.",
    "First day (its whole month is shown).": "Hari pertama (seluruh bulannya ditampilkan).",
    "Last day (its whole month is shown).": "Hari terakhir (seluruh bulannya ditampilkan).",
    "term, pdf, html, ics, csv or json. Default: from the extension of -o FILE (.pdf, .html...), else term.": (
        "term, pdf, html, ics, csv atau json. Jika tidak diisi: dari akhiran BERKAS -o (.pdf, .html...), "
        "selain itu term."
    ),
    "ics: leave out stages longer than DAYS days (multi-year background stages such as "
    "planning), so that they do not cover a phone calendar; stderr says how many.": (
        "ics: lewati tahapan yang lebih panjang dari HARI hari (tahapan yang berlangsung bertahun-tahun, "
        "mis. perencanaan) agar tidak menutupi kalender ponsel; jumlahnya disebut di stderr."
    ),
    "Leave stages longer than DAYS days (multi-year background stages such as planning) out of "
    "the calendars, so that they do not cover a phone calendar. DIR remembers it: later "
    "publishes do the same until --max-days 0 puts them back.": (
        "Lewati tahapan yang lebih panjang dari HARI hari (tahapan yang berlangsung bertahun-tahun, mis. "
        "perencanaan) di kalender agar tidak menutupi kalender ponsel. FOLDER mengingatnya: "
        "penerbitan berikutnya ikut melewatinya sampai --max-days 0 memuat semuanya lagi."
    ),
    "ics: reminders DAYS before each stage's first day and before its last day, at 08:00 "
    "(repeatable).": (
        "ics: pengingat HARI sebelum hari pertama setiap tahapan dan sebelum hari terakhirnya, "
        "pukul 08.00 (boleh berulang)."
    ),
    "pdf: each month on one A4 sheet, set smaller (no text under 7 pt) and the key in three "
    "columns; what still does not fit is left out and named on stderr.": (
        "pdf: setiap bulan pada satu lembar A4, dicetak lebih kecil (tidak ada teks di bawah 7 pt) "
        "dan keterangan dalam tiga kolom; yang tetap tidak muat ditinggalkan dan disebutkan di stderr."
    ),
    # ---------------------------------------------------------------------------- export, import
    "The merged schedule (shipped data and your files) as one TOML file, or as rows: CSV or an "
    "Excel workbook.": (
        "Jadwal gabungan (data bawaan dan berkas Anda) sebagai satu berkas TOML, atau sebagai "
        "baris: CSV atau buku kerja Excel."
    ),
    "toml (a schedule file), csv or xlsx (Excel, one sheet per election). Default: from the "
    "extension of -o FILE, else toml.": (
        "toml (berkas jadwal), csv atau xlsx (Excel, satu lembar per pemilu). Jika tidak diisi: dari "
        "akhiran BERKAS -o, selain itu toml."
    ),
    "A CSV or an Excel workbook of stages (one row each) as a TOML schedule file; bad rows are "
    "named by row and column.": (
        "CSV atau buku kerja Excel berisi tahapan (satu baris per tahapan) menjadi berkas jadwal "
        "TOML; baris yang salah disebut menurut baris dan kolomnya."
    ),
    "Rows as `export --format csv` or `--format xlsx` writes them; a CSV may be separated by "
    "commas, semicolons or tabs, dates ISO or day first (27/11/2024).": (
        "Baris seperti yang ditulis `export --format csv` atau `--format xlsx`; CSV boleh "
        "dipisah koma, titik koma atau tab, tanggal ISO atau tanggal/bulan/tahun (27/11/2024)."
    ),
    # ------------------------------------------------------------------------------------ config
    "Read and change defaults: election, tz, lang, region, data, notify. Stored as TOML; "
    "TAHAPAN_CONFIG moves the file.": (
        "Baca dan ubah nilai bawaan: election, tz, lang, region, data, notify. Disimpan sebagai "
        "TOML; letak lain dapat ditentukan dengan TAHAPAN_CONFIG."
    ),
    "Set KEY to VALUE (lists such as election and data are comma-separated).": (
        "Isi KUNCI dengan NILAI (daftar seperti election dan data dipisah koma)."
    ),
    "Print the value of KEY; exit 1 when it is not set.": (
        "Tampilkan nilai KUNCI; kode keluar 1 bila kunci itu belum diatur."
    ),
    "Remove KEY, so that the built-in default applies again.": (
        "Hapus KUNCI, sehingga nilai bawaan berlaku lagi."
    ),
    "Print every key with its value, or with (-) when it is not set.": (
        "Tampilkan setiap kunci dengan nilainya, atau (-) bila belum diatur."
    ),
    "Print where the config file is (it may not exist yet).": (
        "Tampilkan letak berkas pengaturan (mungkin belum ada)."
    ),
    "The value; lists are comma-separated.": "Nilainya; daftar dipisah koma.",
    "A key: election, tz, lang, region, data or notify.": (
        "Sebuah kunci: election, tz, lang, region, data atau notify."
    ),
    "Install completion for the current shell.": "Pasang pelengkapan perintah untuk shell ini.",
    "Show completion for the current shell, to copy it or customize the installation.": (
        "Tampilkan skrip pelengkapan untuk shell ini, untuk disalin atau dipasang sendiri."
    ),
    # ------------------------------------------------------------------------------------- stage
    "Add, change or remove stages in your own schedule file (default: jadwal.toml in the user "
    "data directory; TAHAPAN_USER_FILE or --file moves it). Every change is validated first.": (
        "Tambah, ubah atau hapus tahapan di berkas jadwal Anda sendiri (bawaan: jadwal.toml di "
        "folder data pengguna; letak lain dapat ditentukan dengan TAHAPAN_USER_FILE atau --file). "
        "Setiap perubahan diperiksa terlebih dahulu."
    ),
    "Add a stage (or a sub-stage: parent/child) to an election that is loaded.": (
        "Tambah tahapan (atau subtahapan: induk/anak) ke pemilu yang dimuat."
    ),
    "Change a stage: in your file, or as an override of another file's stage (give --basis and "
    "--confidence with new dates, so the official ones are not claimed for them). On one "
    "occurrence of a repeating stage (pdpb/rekap-nasional-2026-12-16) it records that day's real "
    "date.": (
        "Ubah tahapan: di berkas Anda, atau sebagai perubahan atas tahapan dari berkas lain (beri "
        "--basis dan --confidence bersama tanggal baru, agar dasar hukum yang lama tidak dianggap "
        "berlaku untuk tanggal baru itu). Pada satu "
        "pelaksanaan kegiatan berulang (pdpb/rekap-nasional-2026-12-16), perintah ini mencatat "
        "tanggal sebenarnya."
    ),
    "Remove a stage you added, or your change to another file's stage (the original comes back).": (
        "Hapus tahapan yang Anda tambahkan, atau perubahan Anda atas tahapan berkas lain (yang "
        "asli kembali)."
    ),
    "Stage path, with its election: pemilu-2024/rapat-koordinasi, or kampanye/apel with -e.": (
        "Jalur tahapan, dengan pemilunya, mis. pemilu-2024/rapat-koordinasi, atau kampanye/apel "
        "dengan -e."
    ),
    "Official (Indonesian) name.": "Nama resmi (bahasa Indonesia).",
    "English name; optional: without it, English output shows --name.": (
        "Nama dalam bahasa Inggris; boleh tidak diisi: tanpa itu, keluaran bahasa Inggris "
        "memakai --name."
    ),
    "First day: 2024-11-20, 20/11/2024, H-7 (kept as a rule).": (
        "Hari pertama: 2024-11-20, 20/11/2024, H-7 (disimpan sebagai aturan)."
    ),
    "Last day, same forms.": "Hari terakhir, bentuk yang sama.",
    "Legal basis: the letter, decree or regulation.": (
        "Dasar hukum: surat, keputusan atau peraturan."
    ),
    "P, P+2S, 2S, 1S or D.": "P, P+2S, 2S, 1S atau D.",
    "A note shown with the stage.": "Catatan yang ditampilkan bersama tahapan.",
    "Region the stage belongs to (code, id or name); repeatable.": (
        "Wilayah tahapan itu (kode, ID atau nama); boleh berulang."
    ),
    "Mark the stage as held, or as not taking place.": (
        "Tandai tahapan sebagai dilaksanakan, atau tidak dilaksanakan."
    ),
    # ---------------------------------------------------------------------------------- election
    "Add an election to your own schedule file (planned from another one with --like, its dates "
    "then marked as projections), or remove one you added.": (
        "Tambah pemilu ke berkas jadwal Anda sendiri (direncanakan dari pemilu lain dengan "
        "--like, tanggalnya lalu ditandai sebagai proyeksi), atau hapus yang Anda tambahkan."
    ),
    "Add an election: from a template with --like, or its voting day alone (then fill it with "
    "`tahapan stage add`).": (
        "Tambah pemilu: dari templat dengan --like, atau dari hari pemungutan suaranya saja (lalu "
        "isi dengan `tahapan stage add`)."
    ),
    "Remove an election that your file defines (one added with `election add`).": (
        "Hapus pemilu yang dibuat di berkas Anda (yang ditambahkan dengan `election add`)."
    ),
    "Election id: lower-case words joined by hyphens, e.g. pemilu-2029.": (
        "ID pemilu: kata dalam huruf kecil yang disambung tanda hubung, mis. pemilu-2029."
    ),
    'Voting day (hari H): 2029-02-14, 14/02/2029, "14 Februari 2029".': (
        'Hari pemungutan suara (hari H): 2029-02-14, 14/02/2029, "14 Februari 2029".'
    ),
    'Name in Indonesian: "Pemilu 2029" (needed for a new election; an election loaded without a '
    "voting day keeps its own).": (
        'Nama dalam bahasa Indonesia: "Pemilu 2029" (wajib untuk pemilu baru; pemilu yang dimuat '
        "tanpa hari pemungutan suara memakai namanya sendiri)."
    ),
    "Set (or move) an election's voting day in your file: every date written as H follows it.": (
        "Isi (atau ubah) hari pemungutan suara sebuah pemilu di berkas Anda: setiap tanggal yang "
        "ditulis dengan H ikut bergeser."
    ),
    "The election, e.g. pemilu-2029.": "ID pemilu, mis. pemilu-2029.",
    'The voting day: 2029-02-14, 14/02/2029, "14 Februari 2029".': (
        'Hari pemungutan suara: 2029-02-14, 14/02/2029, "14 Februari 2029".'
    ),
    "Name in English (default: the same as --name).": (
        "Nama dalam bahasa Inggris (bawaan: sama dengan --name)."
    ),
    "Copy this election's held stages, dated by H from the new voting day (projections, marked so "
    "in every view).": (
        "Salin tahapan yang dilaksanakan pada pemilu ini, dengan jarak H yang sama dari hari "
        "pemungutan suara yang baru (ditandai sebagai proyeksi di setiap tampilan)."
    ),
    "Region it is held in (code, id or name); repeatable. It replaces the template's regions, its "
    "stages' included. Default: the template's, else nationwide.": (
        "Wilayah penyelenggaraannya (kode, ID atau nama); boleh berulang. Menggantikan wilayah "
        "templat, termasuk wilayah tahapannya. Jika tidak diisi: wilayah templat, atau nasional."
    ),
    "Its time zone (default: the regions' own when they share one, else the template's, else "
    "WIB).": ("Zona waktunya (bawaan: zona wilayahnya bila sama, atau zona templat, atau WIB)."),
    "Legal basis (needed without --like: the decree, ruling or letter that sets the voting day).": (
        "Dasar hukum (wajib tanpa --like: keputusan, putusan atau surat yang menetapkan hari "
        "pemungutan suara)."
    ),
    "P, P+2S, 2S, 1S or D (needed without --like).": "P, P+2S, 2S, 1S atau D (wajib tanpa --like).",
    "An election your file defines.": "Pemilu yang dibuat di berkas Anda.",
    "The decree or regulation that sets the day: with --confidence, the day is official, and so "
    "are the stages your office dated while it was projected.": (
        "Keputusan atau peraturan yang menetapkan hari pemungutan suara. Bila diisi bersama "
        "--confidence, hari itu dicatat resmi; tahapan yang ditetapkan kantor Anda sendiri juga "
        "menjadi resmi, sedangkan tahapan hasil proyeksi tetap proyeksi."
    ),
    "P, P+2S, 2S, 1S or D (with --basis).": "P, P+2S, 2S, 1S atau D (bersama --basis).",
}

from tahapan.cli.help_id_cases import HELP as _CASES  # noqa: E402
from tahapan.cli.help_id_updates import HELP as _UPDATES  # noqa: E402

HELP.update(_UPDATES | _CASES)

METAVARS = {
    "DATE": "TANGGAL",
    "DAYS": "HARI",
    "DAYS,...": "HARI,...",
    "ELECTION": "PEMILU",
    "EXPRESSION": "EKSPRESI",
    "FILE": "BERKAS",
    "FILE...": "BERKAS...",
    "PERCENT": "PERSEN",
    "PROVINCE": "PROVINSI",
    "REGION": "WILAYAH",
    "STAGE": "TAHAPAN",
    "TEXT": "TEKS",
    "YYYY": "TTTT",
    "YYYY-MM": "TTTT-BB",
    "ZONE": "ZONA",
    "KEY": "KUNCI",
    "VALUE": "NILAI",
    "[OLD NEW]": "[LAMA BARU]",
    "[SOURCE]...": "[SUMBER]...",
    "[SOURCE]": "[SUMBER]",
    "PUBKEY": "KUNCI_PUBLIK",
    "SECONDS": "DETIK",
    "DIR": "FOLDER",
    "BASE": "ALAMAT",
    "CHAIN": "ALUR",
    "[CHAIN]": "[ALUR]",
    "WHEN": "WAKTU",
    "STEP": "LANGKAH",
}
