"""The Indonesian of the help of config, stage and election, by id (see help_id.py)."""

from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
    # -------------------------------------------------------------------------------------- config
    "config": (
        "04af9927",
        "Baca dan ubah nilai bawaan: election, tz, lang, region, data, notify. Disimpan sebagai "
        "TOML; letak lain dapat ditentukan dengan TAHAPAN_CONFIG.",
    ),
    "config.KEY": ("d6314341", "Sebuah kunci: election, tz, lang, region, data atau notify."),
    "config.get": ("9e0e2f72", "Tampilkan nilai KUNCI; kode keluar 1 bila kunci itu belum diatur."),
    "config.list": (
        "1009a211",
        "Tampilkan setiap kunci dengan nilainya, atau (-) bila belum diatur.",
    ),
    "config.path": ("2b08fa02", "Tampilkan letak berkas pengaturan (mungkin belum ada)."),
    "config.set": (
        "f75c491e",
        "Isi KUNCI dengan NILAI (daftar seperti election dan data dipisah koma).",
    ),
    "config.set.VALUE": ("bdce1dcf", "Nilainya; daftar dipisah koma."),
    "config.unset": ("5c2a87f1", "Hapus KUNCI, sehingga nilai bawaan berlaku lagi."),
    # --------------------------------------------------------------------------------------- stage
    "stage": (
        "921f0364",
        "Tambah, ubah atau hapus tahapan di berkas jadwal Anda sendiri (bawaan: jadwal.toml di "
        "folder data pengguna; letak lain dapat ditentukan dengan TAHAPAN_USER_FILE atau --file). "
        "Setiap perubahan diperiksa terlebih dahulu.",
    ),
    "stage.STAGE": (
        "766183fc",
        "Jalur tahapan, dengan pemilunya, mis. pemilu-2024/rapat-koordinasi, atau kampanye/apel "
        "dengan -e.",
    ),
    "stage.add": (
        "bde9e388",
        "Tambah tahapan (atau subtahapan: induk/anak) ke pemilu yang dimuat.",
    ),
    "stage.basis": ("713f8d0f", "Dasar hukum: surat, keputusan atau peraturan."),
    "stage.confidence": ("2d7e416d", "P, P+2S, 2S, 1S atau D."),
    "stage.end": ("7af32249", "Hari terakhir, bentuk yang sama."),
    "stage.name": ("aaf130f7", "Nama resmi (bahasa Indonesia)."),
    "stage.name-en": (
        "c592f65f",
        "Nama dalam bahasa Inggris; boleh tidak diisi: tanpa itu, keluaran bahasa Inggris memakai "
        "--name.",
    ),
    "stage.note": ("7f11470c", "Catatan yang ditampilkan bersama tahapan."),
    "stage.region": ("a7e42166", "Wilayah tahapan itu (kode, ID atau nama); boleh berulang."),
    "stage.remove": (
        "f5c9e954",
        "Hapus tahapan yang Anda tambahkan, atau perubahan Anda atas tahapan berkas lain (yang "
        "asli kembali).",
    ),
    "stage.set": (
        "a17de345",
        "Ubah tahapan: di berkas Anda, atau sebagai perubahan atas tahapan dari berkas lain (beri "
        "--basis dan --confidence bersama tanggal baru, agar dasar hukum yang lama tidak dianggap "
        "berlaku untuk tanggal baru itu). Pada satu pelaksanaan kegiatan berulang "
        "(pdpb/rekap-nasional-2026-12-16), perintah ini mencatat tanggal sebenarnya.",
    ),
    "stage.set.held": ("8c1f72b0", "Tandai tahapan sebagai dilaksanakan, atau tidak dilaksanakan."),
    "stage.start": (
        "5cf119b6",
        "Hari pertama: 2024-11-20, 20/11/2024, H-7 (disimpan sebagai aturan).",
    ),
    # ------------------------------------------------------------------------------------ election
    "election": (
        "406605d5",
        "Tambah pemilu ke berkas jadwal Anda sendiri (direncanakan dari pemilu lain dengan "
        "--like, tanggalnya lalu ditandai sebagai proyeksi), atau hapus yang Anda tambahkan.",
    ),
    "election.ID": (
        "0213684e",
        "ID pemilu: kata dalam huruf kecil yang disambung tanda hubung, mis. pemilu-2029.",
    ),
    "election.add": (
        "8c38754d",
        "Tambah pemilu: dari templat dengan --like, atau dari hari pemungutan suaranya saja (lalu "
        "isi dengan `tahapan stage add`).",
    ),
    "election.add.basis": (
        "b9ef45d8",
        "Dasar hukum (wajib tanpa --like: keputusan, putusan atau surat yang menetapkan hari "
        "pemungutan suara).",
    ),
    "election.add.confidence": ("6fcd60e3", "P, P+2S, 2S, 1S atau D (wajib tanpa --like)."),
    "election.add.like": (
        "dd48a9d4",
        "Salin tahapan yang dilaksanakan pada pemilu ini, dengan jarak H yang sama dari hari "
        "pemungutan suara yang baru (ditandai sebagai proyeksi di setiap tampilan).",
    ),
    "election.add.name": (
        "dd739172",
        'Nama dalam bahasa Indonesia: "Pemilu 2029" (wajib untuk pemilu baru; pemilu yang dimuat '
        "tanpa hari pemungutan suara memakai namanya sendiri).",
    ),
    "election.add.name-en": ("120cd1b5", "Nama dalam bahasa Inggris (bawaan: sama dengan --name)."),
    "election.add.region": (
        "05c2bcda",
        "Wilayah penyelenggaraannya (kode, ID atau nama); boleh berulang. Menggantikan wilayah "
        "templat, termasuk wilayah tahapannya. Jika tidak diisi: wilayah templat, atau nasional.",
    ),
    "election.add.tz": (
        "77cf5a16",
        "Zona waktunya (bawaan: zona wilayahnya bila sama, atau zona templat, atau WIB).",
    ),
    "election.add.voting-day": (
        "3bd24567",
        'Hari pemungutan suara (hari H): 2029-02-14, 14/02/2029, "14 Februari 2029".',
    ),
    "election.remove": (
        "2ae8cd7f",
        "Hapus pemilu yang dibuat di berkas Anda (yang ditambahkan dengan `election add`).",
    ),
    "election.remove.ID": ("950f06bd", "Pemilu yang dibuat di berkas Anda."),
    "election.set-voting-day": (
        "1823797c",
        "Isi (atau ubah) hari pemungutan suara sebuah pemilu di berkas Anda: setiap tanggal yang "
        "ditulis dengan H ikut bergeser.",
    ),
    "election.set-voting-day.DATE": (
        "e3e85018",
        'Hari pemungutan suara: 2029-02-14, 14/02/2029, "14 Februari 2029".',
    ),
    "election.set-voting-day.ID": ("d2bf7787", "ID pemilu, mis. pemilu-2029."),
    "election.set-voting-day.basis": (
        "fd5e37a4",
        "Keputusan atau peraturan yang menetapkan hari pemungutan suara. Bila diisi bersama "
        "--confidence, hari itu dicatat resmi; tahapan yang ditetapkan kantor Anda sendiri juga "
        "menjadi resmi, sedangkan tahapan hasil proyeksi tetap proyeksi.",
    ),
    "election.set-voting-day.confidence": ("1f1913d4", "P, P+2S, 2S, 1S atau D (bersama --basis)."),
}
