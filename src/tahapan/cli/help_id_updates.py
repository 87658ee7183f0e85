"""The Indonesian of the help of changes, data and publish (see help_id.py)."""

from __future__ import annotations

HELP = {
    # ----------------------------------------------------------------------------------- changes
    "What changed in the schedules: exit 0 nothing, 1 something changed, 2 bad input.": (
        "Tampilkan perubahan jadwal. Kode keluar: 0 = tidak ada, 1 = ada perubahan, 2 = masukan "
        "salah."
    ),
    "Alias of `changes`: what changed in the schedules.": (
        "Nama lain `changes`: apa yang berubah dalam jadwal."
    ),
    "Two schedule files to compare, each read on its own. Without them: what changed in the "
    "loaded schedules since you last looked.": (
        "Dua berkas jadwal yang dibandingkan, masing-masing dibaca sendiri. Tanpa berkas: "
        "perubahan pada jadwal yang dipakai sejak terakhir kali perintah ini dijalankan."
    ),
    "Every change in the history, not only those not seen yet.": (
        "Semua perubahan dalam riwayat, bukan hanya yang belum dilihat."
    ),
    "Exit 1 and print each change of schedule not reported to `check --changes` yet (old dates "
    "-> new); combines with --within/--remind. The history moves on only once the answer is "
    "delivered.": (
        "Tampilkan setiap perubahan jadwal yang belum dilaporkan `check --changes` (tanggal lama -> "
        "baru), dengan kode keluar 1; boleh bersama --within/--remind. Riwayat baru diperbarui "
        "setelah jawabannya terkirim."
    ),
    # -------------------------------------------------------------------------------------- data
    "The schedule sources in use and their revisions, and the holiday data; `data update` "
    "installs a newer schedule, `data rollback` puts the previous one back.": (
        "Sumber jadwal yang dipakai beserta revisinya, dan data hari libur; `data update` "
        "memasang jadwal yang lebih baru, `data rollback` mengembalikan yang sebelumnya."
    ),
    "Install a schedule file from a path or an address: checked whole, then its changes shown. "
    "Exit 0 installed or already current, 2 invalid or refused, 75 offline or a server error "
    "(nothing changed).": (
        "Pasang jadwal dari berkas atau alamat web. Isinya diperiksa dulu secara menyeluruh, lalu "
        "perubahannya ditampilkan. Kode keluar: 0 = terpasang atau sudah mutakhir; 2 = tidak sah "
        "atau ditolak; 75 = tidak tersambung ke internet atau server bermasalah (tidak ada yang "
        "diubah)."
    ),
    "Schedule file path or http(s) address. Without it: every source installed before.": (
        "Berkas jadwal atau alamat http(s). Tanpa ini: semua sumber yang pernah dipasang."
    ),
    "minisign public key (its base64 line, or a .pub file): SOURCE.minisig must be a valid "
    "signature by it. Remembered for the source.": (
        "Kunci publik minisign (baris base64-nya, atau berkas .pub): SUMBER.minisig harus tanda "
        "tangan yang sah untuk kunci itu. Kunci ini disimpan untuk pembaruan berikutnya dari sumber "
        "tersebut."
    ),
    "Install even when the revision is older than the one installed.": (
        "Tetap pasang walaupun revisinya lebih lama dari yang terpasang."
    ),
    "Give up a download after this many seconds (nothing is changed).": (
        "Hentikan unduhan setelah sekian detik (tidak ada yang diubah)."
    ),
    "Put back the previous installed update (or remove a first one), and show what that changed.": (
        "Batalkan pembaruan terakhir: jadwal dari sumber itu kembali ke versi sebelumnya (atau "
        "dicabut bila baru sekali dipasang), lalu tampilkan apa yang berubah."
    ),
    "The source to roll back. Default: the one installed last.": (
        "Sumber yang dikembalikan. Jika tidak diisi: yang terakhir dipasang."
    ),
    "Every schedule source in use (shipped, updates, your file, overlays) with its revision.": (
        "Setiap sumber jadwal yang dipakai (bawaan, pembaruan, berkas Anda, tambahan) dengan "
        "revisinya."
    ),
    # ----------------------------------------------------------------------------------- publish
    "Publish the schedules as a static site: calendars to subscribe to, a status board, the "
    "schedule file and its changes.": (
        "Terbitkan jadwal sebagai situs statis: kalender langganan, halaman status, berkas jadwal, "
        "dan daftar perubahannya."
    ),
    "Publish only the stages of this year.": "Terbitkan hanya tahapan pada tahun ini.",
    "Publish only the stages from this date's month on.": (
        "Terbitkan hanya tahapan mulai dari bulan tanggal ini."
    ),
    "Publish only the stages up to this date's month.": (
        "Terbitkan hanya tahapan sampai bulan tanggal ini."
    ),
    "Publish only this election; repeatable. Default: every loaded election.": (
        "Terbitkan hanya pemilu ini; boleh berulang. Jika tidak diisi: semua pemilu yang tersedia."
    ),
    "The site's folder: missing, empty, or made by an earlier publish.": (
        "Folder situs: belum ada, kosong, atau dibuat oleh `tahapan publish` sebelumnya."
    ),
    "The public address of DIR (https://...), needed for the webcal:// addresses and QR codes "
    "phones subscribe with. Without it, links are relative and there are no QR codes.": (
        "Alamat publik FOLDER (https://...), perlu diisi agar papan memuat alamat webcal:// dan kode "
        "QR untuk ponsel; tanpa ini tautan bersifat relatif dan kode QR tidak ditampilkan."
    ),
    "minisign secret key: also write stages.toml.minisig (an encrypted key's password from "
    "TAHAPAN_SIGN_PASSWORD).": (
        "Kunci rahasia minisign: tulis juga stages.toml.minisig (kata sandi kunci terenkripsi dari "
        "TAHAPAN_SIGN_PASSWORD)."
    ),
}
