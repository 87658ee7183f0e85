"""The Indonesian of the help of `kasus` and `hitung --chain`, by id (see help_id.py)."""

from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
    # -------------------------------------------------------------------------------------- hitung
    "hitung.chain": (
        "235837ca",
        "Hitung rantai tenggat (`tahapan kasus chains`) dari tanggal dan jam yang diberikan, "
        'tanpa menyimpan kasus: hitung --chain phpu-pileg "2024-03-20 22:19".',
    ),
    # --------------------------------------------------------------------------------------- kasus
    "kasus": (
        "508917f5",
        "Catat dan hitung tenggat penanganan kasus: laporan atau temuan dugaan pelanggaran, "
        "tindak pidana, sengketa proses, dan perselisihan hasil. Setiap kasus mengikuti satu alur "
        "tenggat yang dihitung sejak peristiwa awal. Tanpa perintah lanjutan, ditampilkan kasus "
        "yang masih terbuka beserta tenggat terdekatnya.",
    ),
    "kasus.ID": (
        "e0247613",
        "ID kasus: huruf kecil, angka, dan tanda hubung, mis. pidana-2024-001.",
    ),
    "kasus.add": (
        "6cd4d909",
        "Tambahkan kasus: tenggatnya dihitung sejak peristiwa awal, dalam zona waktu wilayahnya "
        "(jika tidak ada, WIB).",
    ),
    "kasus.add.chain": (
        "97da7506",
        "Alur tenggat yang diikuti (daftarnya: `tahapan kasus chains`).",
    ),
    "kasus.add.from": (
        "fcaae18c",
        'Peristiwa awal: tanggal (2024-01-05) atau tanggal dan jam ("2024-03-20 22:19", '
        '"20/03/2024 22.19 WITA"), dalam zona waktu kasus.',
    ),
    "kasus.add.name": (
        "417f7e75",
        'Uraian singkat kasus, mis. "Dugaan politik uang di Kecamatan Kota".',
    ),
    "kasus.add.region": (
        "af79d6dc",
        "Wilayah kasus: menentukan zona waktu (WIB, WITA, WIT) dan hari libur daerahnya. Jika "
        "tidak diisi: wilayah dalam pengaturan. Cari dengan `tahapan regions TEKS`.",
    ),
    "kasus.all": ("77dca000", "Termasuk kasus yang sudah ditutup."),
    "kasus.chains": (
        "57d03b35",
        "Tampilkan alur tenggat: peristiwa awal setiap alur, serta ketentuan dan pasal setiap "
        "langkahnya.",
    ),
    "kasus.chains.CHAIN": (
        "d5e42717",
        "Satu alur, ditampilkan langkah demi langkah: pemilu-pidana, phpu-pileg...",
    ),
    "kasus.close": (
        "59edcd0d",
        "Tutup kasus: tidak lagi muncul di daftar, di pemeriksaan harian (`tahapan check`), dan "
        "di `tahapan status` (tetap tersimpan di berkas).",
    ),
    "kasus.close.on": ("d6720f65", "Tanggal penutupan kasus. Jika tidak diisi: hari ini."),
    "kasus.close.reopen": ("02ebae12", "Buka kembali kasus yang sudah ditutup."),
    "kasus.done": (
        "487c0abe",
        "Catat bahwa suatu langkah sudah terjadi: tenggat langkah berikutnya dihitung ulang dari "
        "tanggal itu.",
    ),
    "kasus.done.STEP": (
        "78131ec4",
        "ID langkah, mis. penerusan (daftarnya: tahapan kasus chains ALUR).",
    ),
    "kasus.done.on": (
        "ec20786e",
        'Kapan terjadinya: tanggal, atau tanggal dan jam ("2024-03-22 14:05"). Jika tidak diisi: '
        "hari ini.",
    ),
    "kasus.done.undo": ("b87f77cd", "Batalkan catatan itu."),
    "kasus.remove": (
        "d5b95a8c",
        "Hapus kasus dari berkas (versi sebelumnya disimpan sebagai .bak).",
    ),
    "kasus.show": (
        "252ab0d2",
        "Tampilkan setiap langkah kasus: tenggatnya, ketentuan dan pasalnya, tanggal menurut "
        "ketentuan lain yang berbeda, dan apakah sudah terjadi. Kode keluar 1 bila ada tenggat "
        "yang terlewat.",
    ),
}
