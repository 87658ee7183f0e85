"""The Indonesian of every help text, by its stable id (`h("status.days", "How many ...")` in the
code): the root, the shared options and the reading commands here; the edits in help_id_edit.py,
changes, data and publish in help_id_updates.py, `kasus` in help_id_cases.py.

Each entry is (fingerprint, Indonesian): the fingerprint marks the English the Indonesian was
translated from. When the English changes, tests/test_help_ids.py names the id: review the
Indonesian, then write the new fingerprint it gives."""

from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------------------------------- root
    "root": (
        "c37fc433",
        "Tahapan pemilu: posisi hari ini dalam jadwal resmi, hitung mundur, dan tenggat. Tanpa "
        "perintah, aplikasi menjalankan `status` beserta opsinya.",
    ),
    "root.install-completion": ("24db388f", "Pasang pelengkapan perintah untuk shell ini."),
    "root.no-color": ("0c493d8e", "Tanpa warna dan gaya, seperti bila NO_COLOR diisi."),
    "root.show-completion": (
        "324e7536",
        "Tampilkan skrip pelengkapan untuk shell ini, untuk disalin atau dipasang sendiri.",
    ),
    "root.version": ("c379c574", "Tampilkan versi, lalu keluar."),
    # ---------------------------------------------------------------------------------------- calc
    "calc": ("0ab3efd4", "Nama lain `hitung`: hitung tanggal dengan hari, hari kerja dan rentang."),
    # ----------------------------------------------------------------------------------------- opt
    "opt.alarm": (
        "a5f03920",
        "ics: pengingat HARI sebelum hari pertama setiap tahapan dan sebelum hari terakhirnya, "
        "pukul 08.00 (boleh berulang).",
    ),
    "opt.data": (
        "1bfdd3c3",
        "Berkas jadwal (TOML) tambahan yang digabungkan dengan data bawaan dan didahulukan bila "
        "isinya berbeda; boleh berulang. Variabel lingkungan: TAHAPAN_DATA (nama berkas "
        "dipisahkan dengan titik dua).",
    ),
    "opt.election": (
        "f9cac09d",
        "ID pemilu, mis. pemilu-2024; boleh berulang. Jika tidak diisi: pemilu yang tahapannya "
        "berlangsung pada atau mendekati tanggal itu.",
    ),
    "opt.from": ("57ef2ac4", "Hari pertama (seluruh bulannya ditampilkan)."),
    "opt.json": (
        "70d7d115",
        "Tampilkan hasil dalam format JSON (skema 1), bukan tampilan terminal.",
    ),
    "opt.lang": ("bebf33c6", "Bahasa keluaran: id (Indonesia, bawaan) atau en (Inggris)."),
    "opt.month": ("9eb64d6c", "Satu bulan, mis. 2024-11."),
    "opt.on": (
        "5c39ebde",
        'Tanggal yang dilihat: 2023-11-29, 29/11/2023, "29 November 2023", besok, H-3 ... Jika '
        "tidak diisi: hari ini.",
    ),
    "opt.output": (
        "d27cfe4e",
        "Tulis ke BERKAS (BERKAS yang sudah ada disimpan sebagai BERKAS.bak). Jika tidak diisi: "
        "ditampilkan di layar.",
    ),
    "opt.quiet": (
        "e7e1e01f",
        "Tidak mencetak apa pun selain pesan kesalahan, seperti grep -q (tanpa jawaban, catatan, "
        "atau peringatan); hasilnya dibaca dari kode keluar. JSON dan berkas (-o, -f ics...) tetap "
        "ditulis.",
    ),
    "opt.region": (
        "5e9ebfe5",
        'Provinsi, kabupaten atau kota menurut kode Kemendagri, ID, nama atau alias (35.71, "Kota '
        'Kediri", Tangsel, Jatim): ditampilkan tahapan nasional, tahapan provinsi, dan tahapan '
        "khusus wilayah itu, menurut zona waktunya. Cari nama wilayah dengan `tahapan regions "
        "TEKS`.",
    ),
    "opt.to": ("f8b4066a", "Hari terakhir (seluruh bulannya ditampilkan)."),
    "opt.tz": (
        "000f9fdd",
        "Zona waktu yang menentukan 'hari ini': WIB, WITA, WIT atau nama IANA. Jika tidak diisi: "
        "zona di pengaturan, zona wilayah, zona komputer bila di Indonesia, atau Asia/Jakarta.",
    ),
    "opt.year": ("d67437f7", "Dua belas bulan dalam satu tahun."),
    # ---------------------------------------------------------------------------------------- edit
    "edit.file": ("08bac9f1", "Berkas jadwal yang diubah."),
    # -------------------------------------------------------------------------------------- status
    "status": (
        "dbab0b95",
        "Tahapan yang berjalan pada suatu tanggal (bawaan hari ini), hari ke-N dari M, dan "
        "tenggat berikutnya.",
    ),
    "status.days": ("7259fdb2", "Jumlah hari ke depan untuk daftar tahapan yang akan datang."),
    # ---------------------------------------------------------------------------------------- list
    "list": (
        "28adbebe",
        "Tahapan setiap pemilu dengan tanggalnya, ditandai posisi tanggal itu.\n\nTanpa -e: pemilu "
        "yang punya tahapan dekat tanggal itu (semuanya bila tidak ada yang dekat; --all untuk "
        "selalu semuanya).",
    ),
    "list.all": ("47a8cdd1", "Semua pemilu yang dimuat, dekat tanggal itu atau tidak."),
    "list.sources": (
        "eda4de10",
        "Tampilkan berkas asal setiap tahapan, dan apa yang diubah berkas sesudahnya.",
    ),
    # ---------------------------------------------------------------------------------------- show
    "show": (
        "cdfd106b",
        "Satu tahapan lengkap: tanggal, dasar hukum, kepastian, subtahapan, dan posisi tanggal "
        "itu.",
    ),
    "show.STAGE": (
        "4cec824a",
        "ID atau jalur tahapan, mis. kampanye, kampanye/rapat-umum, pemilu-2024/kampanye.",
    ),
    # --------------------------------------------------------------------------------------- check
    "check": (
        "a53d2b80",
        "Periksa tenggat dan status tahapan, lalu jawab dengan kode keluar: 0 = ya atau tidak ada "
        "tenggat, 1 = tidak atau ada tenggat, 2 = masukan salah.",
    ),
    "check.active": (
        "2b8e7955",
        "Kode keluar 0 bila TAHAPAN berjalan pada tanggal itu, 1 bila tidak.",
    ),
    "check.cases": (
        "942bb0d7",
        "Bersama --within/--remind: tenggat kasus yang masih terbuka (`tahapan kasus`) ikut "
        "ditampilkan; tenggat yang terlewat tetap ditampilkan oleh --within sampai langkahnya "
        "dicatat, dan oleh --remind sehari setelah tenggat.",
    ),
    "check.changes": (
        "6d524f02",
        "Tampilkan setiap perubahan jadwal yang belum dilaporkan `check --changes` (tanggal lama "
        "-> baru), dengan kode keluar 1; boleh bersama --within/--remind. Riwayat baru diperbarui "
        "setelah jawabannya terkirim.",
    ),
    "check.notify": (
        "41cb19cb",
        "Kirim juga jawabannya lewat Apprise (tgram://, mailto://, slack://, ntfy://, "
        "json://...), bila ada; `config` mengirim ke alamat notify di pengaturan. Boleh berulang.",
    ),
    "check.remind": (
        "617b005c",
        "Tampilkan setiap tahapan yang mulai atau berakhir tepat HARI lagi (7,3,1,0; 0 = hari "
        "ini), dengan kode keluar 1: setiap pengingat sekali saja.",
    ),
    "check.within": (
        "dbfb89f4",
        "Tampilkan setiap tahapan yang mulai atau berakhir dalam HARI (7, 10 hari, 2 minggu), "
        "dengan kode keluar 1; kode keluar 0 bila tidak ada.",
    ),
    # -------------------------------------------------------------------------------------- hitung
    "hitung": (
        "edffdeb0",
        "Hitung tanggal: H-30, tanggal + N hari (kerja), dan jumlah hari dalam rentang (tanggal "
        "awal dan akhir ikut dihitung). Hari kerja tidak mencakup hari Sabtu dan Minggu, libur "
        "nasional, cuti bersama, dan hari libur pemungutan suara pemilu itu.",
    ),
    "hitung.EXPRESSION": (
        "20f9668a",
        'Tanggal, tanggal dan jumlah ("2024-12-06 + 3 hari kerja", "3 hari kerja setelah '
        '2024-03-20"), atau rentang ("2023-11-28 .. 2024-02-10").',
    ),
    # ---------------------------------------------------------------------------------------- pace
    "pace": (
        "4421c8e4",
        "Laju pekerjaan: persentase selesai dibanding waktu tahapan yang sudah berjalan, "
        "perkiraan tanggal selesai pada laju sejauh ini; kode keluar 1 bila tertinggal dari "
        "jadwal.",
    ),
    "pace.STAGE": (
        "49de9038",
        "ID atau jalur tahapan, mis. coklit, pemutakhiran-data-pemilih/coklit.",
    ),
    "pace.done": (
        "a66516dc",
        "Bagian pekerjaan yang selesai: 53.33, 53,33, 53.33% atau jumlah dari total (1200/2250, "
        "1.200/2.250).",
    ),
    # ------------------------------------------------------------------------------------ validate
    "validate": (
        "c7feed97",
        "Periksa berkas jadwal: kode keluar 0 = sah, 1 = ada masalah (daftarnya ditampilkan), 2 = "
        "berkas tidak dapat dibaca.\n\nSetiap berkas diperiksa seperti saat aplikasi memakainya: "
        "digabungkan dengan data bawaan, dalam urutan yang diberikan.",
    ),
    "validate.FILE": ("2b191973", "Berkas jadwal (TOML) yang diperiksa."),
    # ------------------------------------------------------------------------------------- regions
    "regions": (
        "34bf9272",
        "Wilayah yang dikenali aplikasi ini: 38 provinsi dan 514 kabupaten/kota, dengan kode "
        "Kemendagri, jenis, zona waktu, dan provinsi. Dengan TEKS, ditampilkan wilayah yang "
        "cocok: pertama yang sama persis, lalu yang namanya memuat setiap kata TEKS, lalu yang "
        "namanya mengandung TEKS. Kode keluar 1 bila tidak ada yang cocok.",
    ),
    "regions.TEXT": (
        "01a66e4a",
        "Kode, ID atau nama yang dicari, utuh atau sebagian (kediri, 35.71, Tangsel, kota).",
    ),
    "regions.province": (
        "8f937da5",
        "Hanya wilayah provinsi ini (kode, ID atau nama: 35, jawa-timur, Jatim).",
    ),
    # ------------------------------------------------------------------------------------ calendar
    "calendar": (
        "acc8adc2",
        "Kalender tahapan: kisi bulan (Senin-Minggu) di terminal, PDF atau HTML; iCalendar, CSV, "
        "JSON.\n\nBulan bawaan: dari bulan ini (atau bulan --on) sampai bulan tahapan berikutnya "
        "dimulai. Format ics dan csv memuat semua tahapan pemilu yang dipilih, kecuali bila bulan "
        "ditentukan dengan --month, --year, atau --from/--to.",
    ),
    "calendar.cases": (
        "e8c5c554",
        "Tampilkan juga tenggat kasus yang masih terbuka (`tahapan kasus`): ditandai pada harinya "
        "di kalender bulanan, dan di ics masing-masing menjadi acara pribadi (tidak untuk csv). "
        "Kasus bersifat pribadi: hanya ditampilkan bila diminta.",
    ),
    "calendar.format": (
        "5b7d577f",
        "term, pdf, html, ics, csv atau json. Jika tidak diisi: dari akhiran BERKAS -o (.pdf, "
        ".html...), selain itu term.",
    ),
    "calendar.max-days": (
        "233c2e2f",
        "ics: lewati tahapan yang lebih panjang dari HARI hari (tahapan yang berlangsung "
        "bertahun-tahun, mis. perencanaan) agar tidak menutupi kalender ponsel; jumlahnya disebut "
        "di stderr.",
    ),
    "calendar.one-page": (
        "9ea6733a",
        "pdf: setiap bulan pada satu lembar A4, dicetak lebih kecil (tidak ada teks di bawah 7 "
        "pt) dan keterangan dalam tiga kolom; yang tetap tidak muat ditinggalkan dan disebutkan "
        "di stderr.",
    ),
    # -------------------------------------------------------------------------------------- export
    "export": (
        "5afcbda6",
        "Jadwal gabungan (data bawaan dan berkas Anda) sebagai satu berkas TOML, atau sebagai "
        "baris: CSV atau buku kerja Excel.",
    ),
    "export.format": (
        "daa9e1c1",
        "toml (berkas jadwal), csv atau xlsx (Excel, satu lembar per pemilu). Jika tidak diisi: "
        "dari akhiran BERKAS -o, selain itu toml.",
    ),
    # -------------------------------------------------------------------------------------- import
    "import": (
        "caabd4a9",
        "CSV atau buku kerja Excel berisi tahapan (satu baris per tahapan) menjadi berkas jadwal "
        "TOML; baris yang salah disebut menurut baris dan kolomnya.",
    ),
    "import.FILE": (
        "3f91a32b",
        "Baris seperti yang ditulis `export --format csv` atau `--format xlsx`; CSV boleh dipisah "
        "koma, titik koma atau tab, tanggal ISO atau tanggal/bulan/tahun (27/11/2024).",
    ),
}

from tahapan.cli.help_id_cases import HELP as _CASES  # noqa: E402
from tahapan.cli.help_id_edit import HELP as _EDIT  # noqa: E402
from tahapan.cli.help_id_updates import HELP as _UPDATES  # noqa: E402

HELP.update(_EDIT | _UPDATES | _CASES)

#: metavars are words, their own ids
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
