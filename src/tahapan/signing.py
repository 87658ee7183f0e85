"""Minisign signatures made as `minisign -S` makes them, with a secret key `minisign -G` wrote.

The secret key file, from minisign's own source (src/minisign.h: SeckeyStruct; src/minisign.c:
seckey_load, decrypt_key, seckey_compute_chk), is "untrusted comment: ..." and base64 of

    "Ed" | KDF: "Sc" (scrypt) or two zero bytes (`minisign -G -W`) | "B2" | salt (32 bytes)
    | opslimit (8, little-endian) | memlimit (8, little-endian)
    | key id (8) | libsodium's Ed25519 secret key (64: the seed, then the public key) | checksum (32)

where the checksum is BLAKE2b-256 of "Ed" + key id + secret key. With "Sc" the last 104 bytes are
XORed with libsodium's crypto_pwhash_scryptsalsa208sha256 of the password (the file's opslimit and
memlimit; minisign writes 2^25 and 1 GiB unless memory is short), so the checksum tells a wrong
password. minisign 0.11 leaves an unencrypted key's checksum zero and does not check it; then the
public half, which must be the seed's, is what shows a damaged key.

A signature is written as minisign writes it (see tahapan.signature), prehashed: the same data,
key and comments give the same bytes as `minisign -S -t TRUSTED -c UNTRUSTED`. PyNaCl is imported
only when a key is read or a signature made.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from tahapan.i18n import tr
from tahapan.signature import (
    _KEY_ALG,
    _MAX_KEY_FILE,
    _PREHASHED,
    _TRUSTED,
    _UNTRUSTED,
    PublicKey,
    SignatureError,
    _b64,
    _key_from_line,
    _no_pynacl,
    _printable,
)

_SCRYPT, _NO_KDF, _CHK_ALG = b"Sc", b"\0\0", b"B2"
#: the most minisign asks of scrypt (libsodium's *_SENSITIVE): a file asking more is not run
_MAX_OPSLIMIT, _MAX_MEMLIMIT = 1 << 25, 1 << 30
#: the longest comments `minisign -V` reads back whole (its line buffers: 1024 and 8192 bytes)
_MAX_UNTRUSTED, _MAX_TRUSTED = 1024 - len(_UNTRUSTED) - 2, 8192 - len(_TRUSTED) - 2


@dataclass(frozen=True, slots=True)
class SecretKey:
    """A minisign secret key, decrypted; it signs for ``public``."""

    key_id: bytes  # 8 bytes
    sk: bytes = field(repr=False)  # libsodium's 64 bytes: the Ed25519 seed, then its public key

    def __post_init__(self) -> None:
        try:
            from nacl.signing import SigningKey
        except ImportError:
            raise _no_pynacl(tr("membuat", "make")) from None
        if len(self.key_id) != 8 or len(self.sk) != 64:
            raise ValueError("a minisign key id is 8 bytes and its Ed25519 secret key 64")
        if bytes(SigningKey(self.sk[:32]).verify_key) != self.sk[32:]:
            raise ValueError("the second half of an Ed25519 secret key is its seed's public key")

    @property
    def public(self) -> PublicKey:
        return PublicKey(self.key_id, self.sk[32:])


def _key_file_error(path: Path, message: str, hint: str | None = None) -> SignatureError:
    return SignatureError(f"{path}: {message}", hint=hint)


def read_secret_key(path: Path, password: str | None) -> SecretKey:
    """The key of a minisign secret key file, decrypted with ``password`` when it has one."""
    raw = _key_file(path)
    try:
        from nacl.exceptions import CryptoError
        from nacl.pwhash import scrypt
    except ImportError:
        raise _no_pynacl(tr("membuat", "make")) from None
    body, encrypted = raw[54:], raw[2:4] == _SCRYPT
    damaged = tr("kunci rahasia itu rusak", "the secret key is damaged")
    if encrypted:
        if password is None:
            raise _key_file_error(
                path,
                tr(
                    "kunci rahasia ini dilindungi kata sandi, tetapi kata sandinya tidak diberikan",
                    "this secret key is protected by a password, and none was given",
                ),
                tr(
                    "Isi TAHAPAN_SIGN_PASSWORD dengan kata sandinya, atau pakai kunci yang dibuat "
                    "tanpa kata sandi (`minisign -G -W`).",
                    "Set TAHAPAN_SIGN_PASSWORD to its password, or use a key made without one "
                    "(`minisign -G -W`).",
                ),
            )
        opslimit, memlimit = (int.from_bytes(raw[at : at + 8], "little") for at in (38, 46))
        if opslimit > _MAX_OPSLIMIT or memlimit > _MAX_MEMLIMIT:
            raise _key_file_error(
                path,
                damaged
                + tr(
                    " (meminta scrypt melebihi batas minisign)",
                    " (it asks scrypt for more than minisign ever does)",
                ),
            )
        # as minisign reads a password: a line, ending at the first CR or LF (or NUL)
        secret = re.split(rb"[\r\n\0]", password.encode("utf-8", "surrogateescape"), maxsplit=1)[0]
        try:
            stream = scrypt.kdf(len(body), secret, raw[6:38], opslimit=opslimit, memlimit=memlimit)
        except ValueError:  # nacl's ValueError: settings scrypt cannot run with
            raise _key_file_error(
                path,
                damaged
                + tr(
                    " (setelan scrypt-nya tidak dapat dipakai)",
                    " (its scrypt settings cannot be used)",
                ),
            ) from None
        except (CryptoError, MemoryError):  # libsodium could not allocate the memory
            mib = memlimit >> 20
            raise _key_file_error(
                path,
                tr(
                    f"memori tidak cukup untuk membuka kunci dengan kata sandinya (perlu {mib} MiB)",
                    f"not enough memory to open the key with its password ({mib} MiB needed)",
                ),
            ) from None
        body = bytes(a ^ b for a, b in zip(body, stream, strict=True))
    key_id, sk, chk = body[:8], body[8:72], body[72:]
    expected = hashlib.blake2b(_KEY_ALG + key_id + sk, digest_size=32).digest()
    if not hmac.compare_digest(expected, chk):
        if encrypted:
            raise _key_file_error(
                path,
                tr(
                    "kata sandi salah untuk kunci rahasia ini", "wrong password for this secret key"
                ),
                tr(
                    "Kata sandinya diambil dari TAHAPAN_SIGN_PASSWORD: harus yang diberikan kepada "
                    "`minisign -G` untuk kunci ini.",
                    "The password is taken from TAHAPAN_SIGN_PASSWORD: it must be the one given to "
                    "`minisign -G` for this key.",
                ),
            )
        if any(chk):  # minisign 0.11 writes an unencrypted key's checksum as zeros
            raise _key_file_error(
                path,
                damaged + tr(" (nilai pemeriksanya tidak cocok)", " (its checksum does not match)"),
            )
    try:
        return SecretKey(key_id, sk)
    except ValueError:
        raise _key_file_error(
            path,
            damaged
            + tr(" (kunci publiknya bukan pasangannya)", " (its public half does not match)"),
        ) from None


def _key_file(path: Path) -> bytes:
    """The 158 bytes of a secret key file's key line, its algorithms checked."""
    made_by = tr(
        "`minisign -G` menyimpan kunci rahasia di ~/.minisign/minisign.key, di samping berkas .pub.",
        "`minisign -G` saves the secret key as ~/.minisign/minisign.key, beside the .pub file.",
    )
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a folder, or a FIFO that would block
            raise _key_file_error(path, tr("bukan berkas", "not a file"), made_by)
        with path.open("rb") as f:
            content = f.read(_MAX_KEY_FILE)
    except FileNotFoundError:
        raise _key_file_error(path, tr("berkas itu tidak ada", "no such file"), made_by) from None
    except (OSError, ValueError) as err:  # ValueError: a NUL in the path
        reason = err.strerror if isinstance(err, OSError) else str(err)
        raise _key_file_error(
            path, tr("tidak dapat dibaca", "cannot be read") + f" ({reason})"
        ) from None
    lines = [line.strip() for line in content.splitlines()]
    if lines and lines[0].startswith(_UNTRUSTED.strip()):
        line = lines[1] if len(lines) > 1 else b""
    else:  # the key line alone, as read_public_key takes it
        filled = [line for line in lines if line]
        line = filled[0] if len(filled) == 1 else b""
    raw = _b64(line, 158)
    if (
        raw is not None
        and raw[:2] + raw[4:6] == _KEY_ALG + _CHK_ALG
        and raw[2:4] in (_SCRYPT, _NO_KDF)
    ):
        return raw
    if _key_from_line(line) is not None:
        raise _key_file_error(
            path,
            tr(
                "ini kunci publik minisign, bukan kunci rahasianya",
                "this is a minisign public key, not its secret key",
            ),
            tr(
                "Berkas .pub untuk memeriksa; tanda tangan dibuat dengan kunci rahasia. ",
                "The .pub file is for checking; signing takes the secret key. ",
            )
            + made_by,
        )
    raise _key_file_error(
        path, tr("bukan berkas kunci rahasia minisign", "not a minisign secret key file"), made_by
    )


def _comment(text: str, limit: int, name: str) -> bytes:
    raw = text.encode("utf-8", "surrogatepass")  # a lone surrogate makes invalid UTF-8: refused
    if not _printable(raw):
        raise SignatureError(
            tr(
                f"tidak dapat menandatangani: {name} memuat ganti baris atau karakter tak tercetak lain",
                f"cannot sign: the {name} holds a line break or another unprintable character",
            )
        )
    if len(raw) > limit:
        raise SignatureError(
            tr(
                f"tidak dapat menandatangani: {name} sepanjang {len(raw)} bita; minisign membaca paling banyak {limit}",
                f"cannot sign: the {name} is {len(raw)} bytes long; minisign reads at most {limit}",
            )
        )
    return raw


def sign(
    data: bytes,
    key: SecretKey,
    *,
    trusted_comment: str,
    untrusted_comment: str = "signature from tahapan secret key",
) -> bytes:
    """The content of a .minisig file for ``data``, byte for byte what `minisign -S -t TRUSTED
    -c UNTRUSTED` writes: prehashed ("ED"), and the same for the same arguments (Ed25519 draws no
    random numbers)."""
    trusted = _comment(trusted_comment, _MAX_TRUSTED, "trusted comment")
    untrusted = _comment(untrusted_comment, _MAX_UNTRUSTED, "untrusted comment")
    try:
        from nacl.signing import SigningKey
    except ImportError:
        raise _no_pynacl(tr("membuat", "make")) from None
    signer = SigningKey(key.sk[:32])
    sig = signer.sign(hashlib.blake2b(data).digest()).signature
    global_sig = signer.sign(sig + trusted).signature
    lines = [
        _UNTRUSTED + untrusted,
        base64.b64encode(_PREHASHED + key.key_id + sig),
        _TRUSTED + trusted,
        base64.b64encode(global_sig),
    ]
    return b"\n".join(lines) + b"\n"
