"""The Indonesian of the help of changes, data and publish, by id (see help_id.py)."""

from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------------------------- changes
    "changes": (
        "dac2385c",
        "Tampilkan perubahan jadwal. Kode keluar: 0 = tidak ada, 1 = ada perubahan, 2 = masukan "
        "salah.",
    ),
    "changes.OLD-NEW": (
        "99103dbb",
        "Dua berkas jadwal yang dibandingkan, masing-masing dibaca sendiri. Tanpa berkas: "
        "perubahan pada jadwal yang dipakai sejak terakhir kali perintah ini dijalankan.",
    ),
    "changes.all": ("302cbcf2", "Semua perubahan dalam riwayat, bukan hanya yang belum dilihat."),
    # ----------------------------------------------------------------------------------- perubahan
    "perubahan": ("d164a0a4", "Nama lain `changes`: apa yang berubah dalam jadwal."),
    # ---------------------------------------------------------------------------------------- data
    "data": (
        "d4598f6a",
        "Sumber jadwal yang dipakai beserta revisinya, dan data hari libur; `data update` "
        "memasang jadwal yang lebih baru, `data rollback` mengembalikan yang sebelumnya.",
    ),
    "data.SOURCE": (
        "751b0d08",
        "Berkas jadwal atau alamat http(s). Tanpa ini: semua sumber yang pernah dipasang.",
    ),
    "data.rollback": (
        "207be7e2",
        "Batalkan pembaruan terakhir: jadwal dari sumber itu kembali ke versi sebelumnya (atau "
        "dicabut bila baru sekali dipasang), lalu tampilkan apa yang berubah.",
    ),
    "data.rollback.SOURCE": (
        "46e23abc",
        "Sumber yang dikembalikan. Jika tidak diisi: yang terakhir dipasang.",
    ),
    "data.update": (
        "623ab1a5",
        "Pasang jadwal dari berkas atau alamat web. Isinya diperiksa dulu secara menyeluruh, lalu "
        "perubahannya ditampilkan. Kode keluar: 0 = terpasang atau sudah mutakhir; 2 = tidak sah "
        "atau ditolak; 75 = tidak tersambung ke internet atau server bermasalah (tidak ada yang "
        "diubah).",
    ),
    "data.update.force": (
        "622712e1",
        "Tetap pasang walaupun revisinya lebih lama dari yang terpasang.",
    ),
    "data.update.key": (
        "23890235",
        "Kunci publik minisign (baris base64-nya, atau berkas .pub): SUMBER.minisig harus tanda "
        "tangan yang sah untuk kunci itu. Kunci ini disimpan untuk pembaruan berikutnya dari "
        "sumber tersebut.",
    ),
    "data.update.timeout": (
        "1dda220c",
        "Hentikan unduhan setelah sekian detik (tidak ada yang diubah).",
    ),
    # ------------------------------------------------------------------------------------- publish
    "publish": (
        "7089fdd0",
        "Terbitkan jadwal sebagai situs statis: kalender langganan, halaman status, berkas "
        "jadwal, dan daftar perubahannya.",
    ),
    "publish.DIR": (
        "3754125f",
        "Folder situs: belum ada, kosong, atau dibuat oleh `tahapan publish` sebelumnya.",
    ),
    "publish.cases": (
        "7c006ee6",
        "Tulis juga kasus.ics: tenggat kasus yang masih terbuka (`tahapan kasus`), yang hanya "
        "dapat dibaca oleh Anda sendiri. Berkas ini bersifat pribadi: jangan disajikan untuk "
        "umum. Berkas lain di FOLDER tidak memuat kasus apa pun.",
    ),
    "publish.election": (
        "e540e7ec",
        "Terbitkan hanya pemilu ini; boleh berulang. Jika tidak diisi: semua pemilu yang tersedia.",
    ),
    "publish.from": ("2fabfd08", "Terbitkan hanya tahapan mulai dari bulan tanggal ini."),
    "publish.max-days": (
        "70e91a94",
        "Lewati tahapan yang lebih panjang dari HARI hari (tahapan yang berlangsung "
        "bertahun-tahun, mis. perencanaan) di kalender agar tidak menutupi kalender ponsel. "
        "FOLDER mengingatnya: penerbitan berikutnya ikut melewatinya sampai --max-days 0 memuat "
        "semuanya lagi.",
    ),
    "publish.sign": (
        "e5d98c49",
        "Kunci rahasia minisign: tulis juga stages.toml.minisig (kata sandi kunci terenkripsi "
        "dari TAHAPAN_SIGN_PASSWORD).",
    ),
    "publish.to": ("068dc45b", "Terbitkan hanya tahapan sampai bulan tanggal ini."),
    "publish.url": (
        "edb65f90",
        "Alamat publik FOLDER (https://...), perlu diisi agar papan memuat alamat webcal:// dan "
        "kode QR untuk ponsel; tanpa ini tautan bersifat relatif dan kode QR tidak ditampilkan.",
    ),
    "publish.year": ("b2faaeda", "Terbitkan hanya tahapan pada tahun ini."),
}
