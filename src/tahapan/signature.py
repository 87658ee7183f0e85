"""Minisign signatures on downloaded schedule files, checked as `minisign -V` checks them.

The format, from minisign's own source (src/minisign.c: sig_load, pubkey_load_string, verify):

- a public key is base64 of "Ed" + an 8-byte key id + the 32-byte Ed25519 key; a .pub file holds
  "untrusted comment: ..." and then that line;
- a .minisig file has four lines: "untrusted comment: ...", base64 of an algorithm ("ED": Ed25519
  over BLAKE2b-512 of the file, the default since minisign 0.9; "Ed": Ed25519 over the file itself,
  `minisign -S -l`) + the key id + the 64-byte signature, "trusted comment: <text>", and base64 of
  the global signature: Ed25519 over the 64-byte signature followed by the text.

"ED" is not RFC 8032's Ed25519ph (that one prehashes with SHA-512): it is plain Ed25519 over the
BLAKE2b-512 digest. Ed25519 is checked with PyNaCl, whose libsodium is the library minisign itself
verifies with, so what one accepts the other accepts; it is imported only when a signature is
checked, since every other command starts without it. Signatures are made in tahapan.signing.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from tahapan.errors import TahapanError
from tahapan.i18n import tr

_KEY_ALG = b"Ed"  # a key has one algorithm; the same key signs in both modes
_PREHASHED, _LEGACY = b"ED", b"Ed"
_UNTRUSTED, _TRUSTED = b"untrusted comment: ", b"trusted comment: "
#: a .pub file is two short lines; a larger file (or a device) is not read past this
_MAX_KEY_FILE = 4096
#: what a mistyped key looks like, as opposed to a mistyped path: told apart only for the message
_KEYISH = re.compile(r"[A-Za-z0-9+/]{40,}={0,2}")


class SignatureError(TahapanError):
    """A public key or a signature that cannot be used, or a signature that does not hold."""


@dataclass(frozen=True, slots=True)
class PublicKey:
    key_id: bytes  # 8 bytes, repeated in every signature the key makes
    key: bytes  # the 32-byte Ed25519 public key

    def __post_init__(self) -> None:
        if len(self.key_id) != 8 or len(self.key) != 32:
            raise ValueError("a minisign key id is 8 bytes and its Ed25519 key 32")

    @property
    def id_text(self) -> str:
        return _id_text(self.key_id)


def _id_text(key_id: bytes) -> str:
    # as minisign prints it: in the .pub file's comment and in its "key id" error
    return (
        f"{int.from_bytes(key_id, 'little'):X}"  # no leading zeros: as minisign prints it (PRIX64)
    )


def _b64(text: bytes | str, size: int) -> bytes | None:
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):  # ValueError: non-ASCII text
        return None
    return raw if len(raw) == size else None


def _key_from_line(line: bytes | str) -> PublicKey | None:
    raw = _b64(line, 42)
    if raw is None or raw[:2] != _KEY_ALG:
        return None
    return PublicKey(raw[2:10], raw[10:])


def read_public_key(given: str) -> PublicKey:
    """The key from the base64 line `minisign -P` takes, or from the path of a .pub file."""
    text = given.strip()
    key = _key_from_line(text)
    if key is not None:
        return key
    accepted = tr(
        "Berikan baris kunci seperti yang diterima `minisign -P` (56 karakter base64, diawali RW) "
        "atau letak berkas .pub-nya.",
        "Give the key line as `minisign -P` takes it (56 characters of base64, starting with RW) "
        "or the path of its .pub file.",
    )
    path = Path(os.path.expanduser(text))  # Path.expanduser raises for "~nosuchuser"
    if not text or not os.path.exists(path):  # exists() is False, not an error, for "a\0b"
        shown = text if len(text) <= 80 else text[:77] + "..."
        if _KEYISH.fullmatch(text):
            message = tr(
                f"{shown} bukan kunci publik minisign", f"{shown} is not a minisign public key"
            )
        else:
            message = tr(
                f'"{shown}" bukan kunci publik minisign dan bukan berkas',
                f'"{shown}" is neither a minisign public key nor a file',
            )
        raise SignatureError(message, hint=accepted)
    try:
        with path.open("rb") as f:
            content = f.read(_MAX_KEY_FILE)
    except OSError as err:
        raise SignatureError(
            f"{path}: " + tr("tidak dapat dibaca", "cannot be read") + f" ({err.strerror})",
            hint=accepted,
        ) from None
    lines = [line.strip() for line in content.splitlines()]
    if lines and lines[0].startswith(_UNTRUSTED.strip()):
        key = _key_from_line(lines[1]) if len(lines) > 1 else None
    else:  # a file holding only the key line is taken too
        filled = [line for line in lines if line]
        key = _key_from_line(filled[0]) if len(filled) == 1 else None
    if key is None:
        raise SignatureError(
            f"{path}: "
            + tr("bukan berkas kunci publik minisign", "not a minisign public key file"),
            hint=tr(
                'Berkas .pub berisi dua baris: "untrusted comment: ..." lalu kuncinya '
                "(56 karakter base64, diawali RW).",
                'A .pub file has two lines: "untrusted comment: ..." then the key '
                "(56 characters of base64, starting with RW).",
            ),
        )
    return key


def _no_pynacl(verb: str) -> SignatureError:
    return SignatureError(
        tr(
            f"PyNaCl diperlukan untuk {verb} tanda tangan tetapi tidak terpasang",
            f"PyNaCl is needed to {verb} signatures but is not installed",
        ),
        hint=tr("Pasang dengan: pip install pynacl", "Install it with: pip install pynacl"),
    )


def _malformed(detail: str) -> SignatureError:
    return SignatureError(
        tr(f"bukan tanda tangan minisign: {detail}", f"not a minisign signature: {detail}"),
        hint=tr(
            "Berkas .minisig berisi empat baris: untrusted comment, tanda tangan, trusted comment, "
            "lalu tanda tangan komentar itu.",
            "A .minisig file has four lines: an untrusted comment, the signature, a trusted "
            "comment, then that comment's signature.",
        ),
    )


def _printable(comment: bytes) -> bool:
    # minisign's is_printable: valid UTF-8 with no control character but the tab (C1 included)
    try:
        text = comment.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return all(c == "\t" or not (c < " " or "\x7f" <= c <= "\x9f") for c in text)


def _parse(signature: bytes) -> tuple[bool, bytes, bytes, bytes, bytes]:
    """(prehashed, key id, signature, trusted comment, global signature), or SignatureError."""
    parts = signature.split(b"\n", 4)  # lines past the fourth are ignored, as minisign does
    if len(parts) < 4:
        count = len(parts) if parts[-1] else len(parts) - 1
        raise _malformed(tr(f"hanya {count} dari 4 baris", f"it has {count} of the 4 lines"))
    lines = [line.removesuffix(b"\r") for line in parts[:4]]
    for number, line in enumerate(lines, 1):
        if b"\r" in line:
            raise _malformed(
                tr(f"baris {number} memuat CR di tengah", f"line {number} holds a CR in the middle")
            )
    if not lines[0].startswith(_UNTRUSTED):
        raise _malformed(
            tr(
                'baris 1 tidak diawali "untrusted comment: "',
                'line 1 does not start with "untrusted comment: "',
            )
        )
    packed = _b64(lines[1], 74)
    if packed is None:
        raise _malformed(
            tr(
                "baris 2 bukan tanda tangan (74 bita base64)",
                "line 2 is not a signature (74 bytes in base64)",
            )
        )
    algorithm, key_id, sig = packed[:2], packed[2:10], packed[10:]
    if algorithm not in (_PREHASHED, _LEGACY):
        shown = algorithm.decode("ascii", "backslashreplace")
        raise _malformed(
            tr(
                f"algoritme {shown} tidak dikenal (minisign memakai ED atau Ed)",
                f"unknown algorithm {shown} (minisign uses ED or Ed)",
            )
        )
    if not lines[2].startswith(_TRUSTED):
        raise _malformed(
            tr(
                'baris 3 tidak diawali "trusted comment: "',
                'line 3 does not start with "trusted comment: "',
            )
        )
    comment = lines[2][len(_TRUSTED) :]
    if not _printable(comment):
        raise _malformed(
            tr(
                "trusted comment memuat karakter tak tercetak",
                "the trusted comment holds unprintable characters",
            )
        )
    global_sig = _b64(lines[3], 64)
    if global_sig is None:
        raise _malformed(
            tr(
                "baris 4 bukan tanda tangan komentar (64 bita base64)",
                "line 4 is not the comment's signature (64 bytes in base64)",
            )
        )
    return algorithm == _PREHASHED, key_id, sig, comment, global_sig


def verify(data: bytes, signature: bytes, key: PublicKey) -> str:
    """The trusted comment of ``signature`` (a .minisig file's content) when it holds for ``data``
    and ``key``; SignatureError otherwise."""
    prehashed, key_id, sig, comment, global_sig = _parse(signature)
    if key_id != key.key_id:
        raise SignatureError(
            tr(
                f"tanda tangan dibuat dengan kunci {_id_text(key_id)}, bukan dengan kunci publik "
                f"yang diberikan ({key.id_text})",
                f"the signature was made with key {_id_text(key_id)}, not with the given public "
                f"key ({key.id_text})",
            ),
            hint=tr(
                "Pakai kunci publik penanda tangan berkas itu: baris pertama berkas .pub menyebut id kuncinya.",
                "Use the public key of whoever signed the file: a .pub file's first line names its key id.",
            ),
        )
    try:
        from nacl.exceptions import BadSignatureError
        from nacl.signing import VerifyKey
    except ImportError:  # a checkout whose environment predates the dependency
        raise _no_pynacl(tr("memeriksa", "check")) from None
    verifier = VerifyKey(key.key)
    try:
        verifier.verify(hashlib.blake2b(data).digest() if prehashed else data, sig)
    except BadSignatureError:
        raise SignatureError(
            tr(
                "tanda tangan tidak cocok dengan berkasnya: berkas diubah setelah ditandatangani, "
                "atau tanda tangan itu untuk berkas lain",
                "the signature does not match the file: the file was changed after it was signed, "
                "or the signature is for another file",
            )
        ) from None
    try:
        verifier.verify(sig + comment, global_sig)
    except BadSignatureError:
        raise SignatureError(
            tr(
                "tanda tangan trusted comment tidak cocok: komentar itu diubah setelah ditandatangani",
                "the trusted comment's signature does not match: the comment was changed after signing",
            )
        ) from None
    return comment.decode("utf-8")
