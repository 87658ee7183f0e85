"""The Indonesian of the help of `kasus` and `hitung --chain` (see help_id.py)."""

from __future__ import annotations

HELP = {
    "Count a deadline chain (`tahapan kasus chains`) from the date and time given, without "
    'keeping a case: hitung --chain phpu-pileg "2024-03-20 22:19".': (
        "Hitung rantai tenggat (`tahapan kasus chains`) dari tanggal dan jam yang diberikan, "
        'tanpa menyimpan kasus: hitung --chain phpu-pileg "2024-03-20 22:19".'
    ),
    "Case deadlines: a report, an election crime, a dispute. Each case follows a chain of legal "
    "deadlines from one event; without a subcommand, the open cases and their next deadline, the "
    "nearest first.": (
        "Catat dan hitung tenggat penanganan kasus: laporan atau temuan dugaan pelanggaran, "
        "tindak pidana, sengketa proses, dan perselisihan hasil. Setiap kasus mengikuti satu "
        "alur tenggat yang dihitung sejak peristiwa awal. Tanpa perintah lanjutan, ditampilkan "
        "kasus yang masih terbuka beserta tenggat terdekatnya."
    ),
    "Closed cases too.": "Termasuk kasus yang sudah ditutup.",
    "The open cases, each with its next deadline and the days left, the nearest first.": (
        "Kasus yang masih terbuka, masing-masing dengan tenggat berikutnya dan sisa harinya, "
        "yang terdekat lebih dulu."
    ),
    "The deadline chains: what each starts from, and every step's rule and article.": (
        "Tampilkan alur tenggat: peristiwa awal setiap alur, serta ketentuan dan pasal setiap "
        "langkahnya."
    ),
    "One chain, shown step by step: pemilu-pidana, phpu-pileg...": (
        "Satu alur, ditampilkan langkah demi langkah: pemilu-pidana, phpu-pileg..."
    ),
    "Add a case: its deadlines are counted from the event, in the region's zone (else WIB).": (
        "Tambahkan kasus: tenggatnya dihitung sejak peristiwa awal, dalam zona waktu wilayahnya "
        "(jika tidak ada, WIB)."
    ),
    "Case id: lower-case words joined by hyphens, e.g. pidana-2024-001.": (
        "ID kasus: huruf kecil, angka, dan tanda hubung, mis. pidana-2024-001."
    ),
    "The chain it follows (`tahapan kasus chains` lists them).": (
        "Alur tenggat yang diikuti (daftarnya: `tahapan kasus chains`)."
    ),
    'The event it starts from: a date (2024-01-05) or a date and time ("2024-03-20 22:19", '
    '"20/03/2024 22.19 WITA"), in the case\'s zone.': (
        'Peristiwa awal: tanggal (2024-01-05) atau tanggal dan jam ("2024-03-20 22:19", '
        '"20/03/2024 22.19 WITA"), dalam zona waktu kasus.'
    ),
    "What the case is about.": 'Uraian singkat kasus, mis. "Dugaan politik uang di Kecamatan Kota".',
    "Every step of a case: its deadline, the rule and article, the date under a conflicting "
    "rule, and whether it is done. Exit 1 when a deadline was missed.": (
        "Tampilkan setiap langkah kasus: tenggatnya, ketentuan dan pasalnya, tanggal menurut "
        "ketentuan lain yang berbeda, dan apakah sudah terjadi. Kode keluar 1 bila ada tenggat "
        "yang terlewat."
    ),
    "Record that a step happened: the steps after it count from that real date.": (
        "Catat bahwa suatu langkah sudah terjadi: tenggat langkah berikutnya dihitung ulang "
        "dari tanggal itu."
    ),
    "The step that happened (its id).": "ID langkah, mis. penerusan (daftarnya: tahapan kasus chains ALUR).",
    'When it happened: a date, or a date and time ("2024-03-22 14:05"). Default: today.': (
        'Kapan terjadinya: tanggal, atau tanggal dan jam ("2024-03-22 14:05"). Jika tidak diisi: '
        "hari ini."
    ),
    "Take the record back.": "Batalkan catatan itu.",
    "Close a case: it leaves the list, the daily check and status (kept in the file).": (
        "Tutup kasus: tidak lagi muncul di daftar, di pemeriksaan harian (`tahapan check`), dan"
        " di `tahapan status` (tetap tersimpan di berkas)."
    ),
    "Open a closed case again.": "Buka kembali kasus yang sudah ditutup.",
    "Remove a case from the file (the previous version is kept as .bak).": (
        "Hapus kasus dari berkas (versi sebelumnya disimpan sebagai .bak)."
    ),
    "With --within/--remind: the deadlines of your open cases (`tahapan kasus`) too; a missed "
    "one is said by --within until recorded, by --remind the day after.": (
        "Bersama --within/--remind: tenggat kasus yang masih terbuka (`tahapan kasus`) ikut "
        "ditampilkan; tenggat yang terlewat tetap ditampilkan oleh --within sampai langkahnya "
        "dicatat, dan oleh --remind sehari setelah tenggat."
    ),
    "Also your open cases' deadlines (`tahapan kasus`): marked on their day in the grids, each "
    "a private event in ics (not in csv). Cases are private: shown only when asked.": (
        "Tampilkan juga tenggat kasus yang masih terbuka (`tahapan kasus`): ditandai pada harinya "
        "di kalender bulanan, dan di ics masing-masing menjadi acara pribadi (tidak untuk csv). "
        "Kasus bersifat pribadi: hanya ditampilkan bila diminta."
    ),
    "Also write kasus.ics: your open cases' deadlines (`tahapan kasus`), readable by you alone. "
    "It is private: do not serve it publicly. Nothing else in DIR names a case.": (
        "Tulis juga kasus.ics: tenggat kasus yang masih terbuka (`tahapan kasus`), yang hanya "
        "dapat dibaca oleh Anda sendiri. Berkas ini bersifat pribadi: jangan disajikan untuk "
        "umum. Berkas lain di FOLDER tidak memuat kasus apa pun."
    ),
    "The case's region: its time zone (WIB, WITA, WIT) and local holidays. Default: the "
    "config's region. Find it with `tahapan regions TEXT`.": (
        "Wilayah kasus: menentukan zona waktu (WIB, WITA, WIT) dan hari libur daerahnya. Jika "
        "tidak diisi: wilayah dalam pengaturan. Cari dengan `tahapan regions TEKS`."
    ),
    "The day the case is closed. Default: today.": (
        "Tanggal penutupan kasus. Jika tidak diisi: hari ini."
    ),
}
