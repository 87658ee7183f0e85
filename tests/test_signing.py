"""Minisign signatures made by tahapan (tahapan.signing), with secret keys real signers wrote, and
checked by real verifiers.

Key pairs come from the `minisign` binary (the reference) and from py-minisign (an independent
implementation), with a password and without; each test runs once per kind found. A signature is
checked by tahapan's own verify and by every other verifier installed: `minisign -V` and
py-minisign. With neither installed the tests fail rather than skip. Tests that need the binary
itself skip without it, except under CI (which installs it), where they fail. A key pair and
signatures written by minisign 0.11 are also kept below, so that signing is compared byte for byte
with minisign on any machine.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tahapan.errors import ExitCode
from tahapan.i18n import set_language
from tahapan.signature import SignatureError, read_public_key, verify
from tahapan.signing import SecretKey, read_secret_key, sign

MINISIGN = shutil.which("minisign")
try:
    import minisign as py_minisign  # py-minisign
except ImportError:
    py_minisign = None

DATA = b'schema = 1\n\n[[elections]]\nid = "latihan"\nname = "Latihan"\n'
COMMENT = "tahapan publish; revisi 2025-01-10; file:stages.toml"
PASSWORD = "kata sandi rahasia"
#: a cap on minisign's address space: short of memory, `minisign -G` halves scrypt's cost (from
#: 2^25 operations and 1 GiB) until it fits, so a key it writes under the cap is quick to read
CHEAP = 120_000_000


@dataclass(frozen=True)
class Fixed:
    secret: str
    public: str
    signature: bytes  # `minisign -S -t FIXED_COMMENT -c "signature from tahapan secret key"`


FIXED_DATA = b"schema = 1\n# signed by minisign 0.11\n"
FIXED_COMMENT = "timestamp:1700000000\tfile:stages.toml"
# minisign 0.11, `minisign -G` with PASSWORD under the CHEAP cap: opslimit 2^21, memlimit 64 MiB
FIXED_ENCRYPTED = Fixed(
    "untrusted comment: minisign encrypted secret key\n"
    "RWRTY0IyM2wBn+R+DxQbwen6S1Y6/ojkValQvzSt9zUr3NGH5uIAACAAAAAAAAAAAAQAAAAANmNC8J0B65gsJjJCdvFvg+l9"
    "woWrzvu+mh5blHzNzwZMNj/WZX/BgFSEUIjWYcm2BSa7U43yP/L8KdE0068Cup0PDdGrpZdlD7pvAeFRKn8blBMyhgBDMRCC"
    "M91kC1ygrVIVjRvmxQk=\n",
    "RWTAGkFxCtQuoV2Cp1u8r6XWXq4Wj/8G6LrS4kq3fk5b1BQkY7BVT09k",
    b"""\
untrusted comment: signature from tahapan secret key
RUTAGkFxCtQuoZaKFKtut4Uhv8ccPenKIXo/wV5a3zl3u3fp9zSDq7nWcGzdqLGk3dskd03sVaxdn1S4nUCG0cefnEq0S3xVcA0=
trusted comment: timestamp:1700000000\tfile:stages.toml
cAhahjOMzKW1zYoQBiV6kb0BpmL++qtzYSm98MaJ0HTimCMT3xfSOmHvQrJPWyw9Yhs09dJSUS2xApoZSNkZDA==
""",
)
# minisign 0.11, `minisign -G -W`: no password, and the checksum left zero
FIXED_PLAIN = Fixed(
    "untrusted comment: minisign encrypted secret key\n"
    "RWQAAEIyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAVx3HnCwLkS1FgySoTfBn8MF4"
    "fw+E9Z8UJBo/wzyF3dUorJwoNBq6/L8YxdTFf5zxzdkohFK0pPCjZNHgS8loMUBha/NmEq6mAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAA=\n",
    "RWRXHcecLAuRLb8YxdTFf5zxzdkohFK0pPCjZNHgS8loMUBha/NmEq6m",
    b"""\
untrusted comment: signature from tahapan secret key
RURXHcecLAuRLbr/Bfa1eJwew5DqPAxZi20FXyhT1ln2CJBoA7BWH3TQVJYbTKGUKCMW5J/tIGtszi2eOKgIxO4LUpN4daa/DgQ=
trusted comment: timestamp:1700000000\tfile:stages.toml
+UQmOFFCeHpfRfPIOHJUFuka+WpZE7oChVjJixLNyBMNNAmVHpllkVr+GhF5u2RUFPZ2/TU1Dyzb+CraktnaDg==
""",
)


def run_minisign(*args: str, stdin: str = "", cap: int | None = None, check: bool = True):
    assert MINISIGN

    def limit() -> None:  # POSIX only: elsewhere the key costs what minisign asks by default
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    return subprocess.run(
        [MINISIGN, *args],
        input=stdin,
        capture_output=True,
        encoding="utf-8",
        check=check,
        preexec_fn=limit if cap is not None and os.name == "posix" else None,
    )


class Pair:
    """A key pair written to files: ``secret``, ``pub``; ``password`` None when it has none."""

    secret: Path
    pub: Path
    password: str | None

    def reference(self, data: bytes, comment: str, untrusted: str) -> bytes:
        """The signature another signer makes with this key: minisign's when installed."""
        if MINISIGN:
            target = self.secret.parent / "reference.toml"
            target.write_bytes(data)
            run_minisign(
                "-S", "-s", str(self.secret), "-m", str(target), "-t", comment, "-c", untrusted,
                stdin=f"{self.password}\n" if self.password is not None else "",
            )  # fmt: skip
            return target.with_name("reference.toml.minisig").read_bytes()
        made = py_minisign.SecretKey.from_file(self.secret)
        if self.password is not None:
            made.decrypt(self.password)
        return bytes(made.sign(data, untrusted_comment=untrusted, trusted_comment=comment)) + b"\n"


class BinaryPair(Pair):
    """`minisign -G`: encrypted with a password (under the CHEAP cap unless ``cheap`` is False), or
    not (-W)."""

    def __init__(self, folder: Path, password: str | None, *, cheap: bool = True) -> None:
        folder.mkdir()
        self.pub, self.secret, self.password = folder / "k.pub", folder / "k.key", password
        files = ["-p", str(self.pub), "-s", str(self.secret)]
        if password is None:
            run_minisign("-G", "-W", *files)
        else:
            run_minisign("-G", *files, stdin=f"{password}\n" * 2, cap=CHEAP if cheap else None)


class PyPair(Pair):
    """py-minisign's KeyPair.generate, encrypted with its own (small) scrypt settings or not."""

    def __init__(self, folder: Path, password: str | None) -> None:
        folder.mkdir()
        self.pub, self.secret, self.password = folder / "k.pub", folder / "k.key", password
        made = py_minisign.KeyPair.generate()
        if password is not None:
            made.secret_key.encrypt(password)
        self.secret.write_bytes(bytes(made.secret_key) + b"\n")
        self.pub.write_bytes(bytes(made.public_key) + b"\n")


KINDS = {
    "minisign -W": lambda folder: BinaryPair(folder, None),
    "minisign with a password": lambda folder: BinaryPair(folder, PASSWORD),
    "py-minisign": lambda folder: PyPair(folder, None),
    "py-minisign with a password": lambda folder: PyPair(folder, PASSWORD),
}
FOUND = [k for k in KINDS if (MINISIGN if k.startswith("minisign") else py_minisign)]


def _made(kind: str, tmp_path: Path) -> Pair:
    if kind == "none":
        pytest.fail(
            "neither the minisign binary nor py-minisign is installed: apt-get install minisign"
        )
    return KINDS[kind](tmp_path / "keys")


@pytest.fixture(params=FOUND or ["none"])
def pair(request, tmp_path) -> Pair:
    return _made(request.param, tmp_path)


@pytest.fixture(params=[k for k in FOUND if k.endswith("password")] or ["none"])
def encrypted_pair(request, tmp_path) -> Pair:
    return _made(request.param, tmp_path)


def need_binary() -> None:
    if not MINISIGN:
        if os.environ.get("CI"):
            pytest.fail("the minisign binary is not installed, and CI installs it")
        pytest.skip("the minisign binary is not installed")


@pytest.fixture
def english():
    set_language("en")  # conftest sets Indonesian back after each test


def write(folder: Path, name: str, content: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def others_accept(pair: Pair, data: bytes, sig: bytes, comment: str) -> None:
    """The signature holds for `minisign -V` and for py-minisign, whichever are installed."""
    assert MINISIGN or py_minisign
    if MINISIGN:  # as another office would check what publish wrote
        folder = pair.pub.parent / "published"
        folder.mkdir(exist_ok=True)
        (folder / "stages.toml").write_bytes(data)
        (folder / "stages.toml.minisig").write_bytes(sig)
        out = run_minisign("-Vm", str(folder / "stages.toml"), "-p", str(pair.pub))
        assert out.stdout.splitlines()[-1] == f"Trusted comment: {comment}"
    if py_minisign:
        made = py_minisign.Signature.from_bytes(sig)
        py_minisign.PublicKey.from_file(pair.pub).verify(data, made)
        assert made.trusted_comment == comment


def others_refuse(pair: Pair, data: bytes, sig: bytes) -> None:
    if MINISIGN:
        target = write(pair.pub.parent, "tampered.toml", data)
        write(pair.pub.parent, "tampered.toml.minisig", sig)
        out = run_minisign("-Vm", str(target), "-p", str(pair.pub), check=False)
        assert out.returncode == 1 and "verification failed" in out.stderr
    if py_minisign:
        with pytest.raises(py_minisign.exceptions.VerifyError):
            py_minisign.PublicKey.from_file(pair.pub).verify(
                data, py_minisign.Signature.from_bytes(sig)
            )


def refused(path: Path, password: str | None = None) -> SignatureError:
    with pytest.raises(SignatureError) as caught:
        read_secret_key(path, password)
    err = caught.value
    assert err.exit_code == ExitCode.BAD_INPUT
    # no chained exception: nothing but the message reaches the user
    assert (err.__cause__ is None and err.__suppress_context__) or err.__context__ is None
    return err


def key_bytes(secret: str) -> bytearray:
    return bytearray(base64.b64decode(secret.splitlines()[1]))


def with_key_bytes(folder: Path, raw: bytes | bytearray) -> Path:
    line = base64.b64encode(bytes(raw)).decode()
    return write(folder, "changed.key", f"untrusted comment: minisign secret key\n{line}\n")


# --- signatures that hold ---


def test_a_signature_holds_for_minisign_py_minisign_and_tahapan(pair):
    key = read_secret_key(pair.secret, pair.password)
    assert key.public == read_public_key(str(pair.pub))
    sig = sign(DATA, key, trusted_comment=COMMENT)
    lines = sig.split(b"\n")
    assert len(lines) == 5 and lines[4] == b""  # four lines, each ended
    assert lines[0] == b"untrusted comment: signature from tahapan secret key"
    assert lines[1].startswith(b"RU")  # base64 of "ED": prehashed, minisign's default
    others_accept(pair, DATA, sig, COMMENT)
    assert verify(DATA, sig, read_public_key(str(pair.pub))) == COMMENT


def test_the_signature_is_byte_for_byte_the_one_minisign_makes(pair):
    key = read_secret_key(pair.secret, pair.password)
    untrusted = "ditandatangani kantor KPU"
    made = sign(DATA, key, trusted_comment=COMMENT, untrusted_comment=untrusted)
    assert made == pair.reference(DATA, COMMENT, untrusted)


def test_signing_twice_gives_the_same_bytes(pair):
    key = read_secret_key(pair.secret, pair.password)
    first = sign(DATA, key, trusted_comment=COMMENT)
    assert sign(DATA, key, trusted_comment=COMMENT) == first
    assert sign(DATA, read_secret_key(pair.secret, pair.password), trusted_comment=COMMENT) == first
    assert sign(DATA + b"\n", key, trusted_comment=COMMENT) != first
    assert sign(DATA, key, trusted_comment=COMMENT + " ") != first


@pytest.mark.parametrize(
    "data, comment",
    [
        (b"", COMMENT),
        (DATA, "timestamp:1700000000\tfile:jadwal-pilkada.toml\tdisahkan KPU ✓"),
        (DATA, ""),
        (DATA, "t" * 8173),  # the longest minisign reads back
    ],
    ids=["empty file", "beyond ASCII", "empty comment", "longest comment"],
)
def test_edge_files_and_comments_hold_for_the_other_verifiers(pair, data, comment):
    key = read_secret_key(pair.secret, pair.password)
    sig = sign(data, key, trusted_comment=comment, untrusted_comment="u" * 1003)
    others_accept(pair, data, sig, comment)
    assert verify(data, sig, key.public) == comment


def test_keys_and_signatures_written_by_minisign_0_11(tmp_path):
    for fixed, password in ((FIXED_ENCRYPTED, PASSWORD), (FIXED_PLAIN, None)):
        key = read_secret_key(write(tmp_path, "fixed.key", fixed.secret), password)
        assert key.public == read_public_key(fixed.public)
        assert sign(FIXED_DATA, key, trusted_comment=FIXED_COMMENT) == fixed.signature
    assert key_bytes(FIXED_PLAIN.secret)[-32:] == bytes(32)  # -W: the checksum left zero


def test_a_key_minisign_made_with_its_full_password_settings(tmp_path):
    """1 GiB and 2^25 operations, as `minisign -G` writes on any machine with the memory."""
    need_binary()
    pair = BinaryPair(tmp_path / "keys", PASSWORD, cheap=False)
    raw = key_bytes(pair.secret.read_text())
    assert int.from_bytes(raw[38:46], "little") == 1 << 25
    assert int.from_bytes(raw[46:54], "little") == 1 << 30
    key = read_secret_key(pair.secret, PASSWORD)
    others_accept(pair, DATA, sign(DATA, key, trusted_comment=COMMENT), COMMENT)


def test_the_password_is_read_as_minisign_reads_a_line(tmp_path):
    secret = write(tmp_path, "k.key", FIXED_ENCRYPTED.secret)
    key = read_secret_key(secret, PASSWORD)
    assert read_secret_key(secret, PASSWORD + "\n") == key
    assert read_secret_key(secret, PASSWORD + "\r\n") == key


def test_a_password_given_for_a_key_without_one_is_not_used(tmp_path):
    secret = write(tmp_path, "k.key", FIXED_PLAIN.secret)
    assert read_secret_key(secret, "anything") == read_secret_key(secret, None)


def test_a_key_file_of_the_key_line_alone_or_with_crlf_is_read(tmp_path):
    key = read_secret_key(write(tmp_path, "k.key", FIXED_PLAIN.secret), None)
    alone = write(tmp_path, "alone.key", FIXED_PLAIN.secret.splitlines()[1])
    crlf = write(tmp_path, "crlf.key", FIXED_PLAIN.secret.replace("\n", "\r\n"))
    assert read_secret_key(alone, None) == key == read_secret_key(crlf, None)


# --- signatures that do not hold ---


def test_tampering_after_signing_is_caught(pair, english):
    key = read_secret_key(pair.secret, pair.password)
    sig = sign(DATA, key, trusted_comment=COMMENT)
    changed_data = DATA.replace(b"Latihan", b"Latihan!")
    others_refuse(pair, changed_data, sig)
    with pytest.raises(SignatureError, match="the file was changed after it was signed"):
        verify(changed_data, sig, key.public)
    later = sig.replace(b"revisi 2025-01-10", b"revisi 2029-01-10")
    assert later != sig
    others_refuse(pair, DATA, later)
    with pytest.raises(SignatureError, match="the comment was changed after signing"):
        verify(DATA, later, key.public)


# --- keys that are refused ---


def test_a_wrong_password_is_refused_as_such(tmp_path, english):
    secret = write(tmp_path, "k.key", FIXED_ENCRYPTED.secret)
    for wrong in ("rahasia", PASSWORD.upper(), PASSWORD + " ", " " + PASSWORD, ""):
        err = refused(secret, wrong)
        assert err.message == f"{secret}: wrong password for this secret key", wrong
        assert err.hint and "TAHAPAN_SIGN_PASSWORD" in err.hint


def test_a_wrong_password_is_refused_in_indonesian_by_default(encrypted_pair):
    secret = encrypted_pair.secret
    err = refused(secret, "bukan ini")
    assert err.message == f"{secret}: kata sandi salah untuk kunci rahasia ini"


def test_an_encrypted_key_without_a_password_is_refused_saying_how_to_give_one(
    encrypted_pair, english
):
    err = refused(encrypted_pair.secret)
    assert err.message == (
        f"{encrypted_pair.secret}: this secret key is protected by a password, and none was given"
    )
    assert err.hint == (
        "Set TAHAPAN_SIGN_PASSWORD to its password, or use a key made without one "
        "(`minisign -G -W`)."
    )


def test_a_public_key_given_as_the_secret_key_is_refused(pair, english):
    alone = write(pair.pub.parent, "line.pub", pair.pub.read_text().splitlines()[1])
    for given in (pair.pub, alone):
        err = refused(given, pair.password)
        assert err.message == f"{given}: this is a minisign public key, not its secret key"
        assert err.hint and err.hint.startswith("The .pub file is for checking")


def test_what_is_no_secret_key_file_is_refused(tmp_path, english):
    not_keys = {
        "empty.key": b"",
        "stages.toml": DATA,
        "stages.toml.minisig": FIXED_PLAIN.signature,
        "comment-only.key": b"untrusted comment: minisign encrypted secret key\n",
        "cut.key": FIXED_PLAIN.secret[:-10].encode(),
        "two-keys.key": (FIXED_PLAIN.secret.splitlines()[1] + "\n").encode() * 2,
        "binary.bin": bytes(range(256)) * 40,
    }
    for name, content in not_keys.items():
        err = refused(write(tmp_path, name, content))
        assert err.message == f"{tmp_path / name}: not a minisign secret key file", name
        assert err.hint and "minisign -G" in err.hint
    assert refused(tmp_path / "nope.key").message == f"{tmp_path / 'nope.key'}: no such file"
    assert refused(tmp_path).message == f"{tmp_path}: not a file"


#: where each part of a secret key's 158 bytes starts (minisign.h: SeckeyStruct)
AT = {"sig_alg": 0, "kdf_alg": 2, "chk_alg": 4, "seed": 62, "public half": 94, "checksum": 126}


@pytest.mark.parametrize(
    "part, message",
    [
        ("sig_alg", "not a minisign secret key file"),
        ("kdf_alg", "not a minisign secret key file"),
        ("chk_alg", "not a minisign secret key file"),
        ("seed", "the secret key is damaged (its public half does not match)"),
        ("public half", "the secret key is damaged (its public half does not match)"),
        ("checksum", "the secret key is damaged (its checksum does not match)"),
    ],
)
def test_a_damaged_or_foreign_key_is_refused(tmp_path, english, part, message):
    raw = key_bytes(FIXED_PLAIN.secret)  # unencrypted: what is changed is seen as it is
    raw[AT[part]] ^= 0x01
    changed = with_key_bytes(tmp_path, raw)
    assert refused(changed).message == f"{changed}: {message}"


def test_a_key_asking_scrypt_for_more_than_minisign_does_is_refused_at_once(tmp_path, english):
    for at in (38, 46):  # opslimit, memlimit: little-endian, so byte 7 is the top one
        raw = key_bytes(FIXED_ENCRYPTED.secret)
        raw[at + 7] = 0x40
        changed = with_key_bytes(tmp_path, raw)
        assert refused(changed, PASSWORD).message == (
            f"{changed}: the secret key is damaged (it asks scrypt for more than minisign ever does)"
        )


def test_scrypt_settings_that_cannot_run_are_refused(tmp_path, english):
    raw = key_bytes(FIXED_ENCRYPTED.secret)
    raw[46:54] = bytes(8)  # memlimit 0: minisign never writes less than 16 MiB
    changed = with_key_bytes(tmp_path, raw)
    assert refused(changed, PASSWORD).message == (
        f"{changed}: the secret key is damaged (its scrypt settings cannot be used)"
    )


def test_too_little_memory_for_scrypt_is_said(tmp_path, monkeypatch, english):
    import nacl.exceptions
    import nacl.pwhash.scrypt

    def failing(*args, **kwargs):  # what PyNaCl raises when libsodium cannot allocate
        raise nacl.exceptions.RuntimeError("Unexpected failure in key derivation")

    monkeypatch.setattr(nacl.pwhash.scrypt, "kdf", failing)
    secret = write(tmp_path, "k.key", FIXED_ENCRYPTED.secret)
    assert refused(secret, PASSWORD).message == (
        f"{secret}: not enough memory to open the key with its password (64 MiB needed)"
    )


# --- comments that cannot be signed ---


@pytest.mark.parametrize(
    "trusted, untrusted, message",
    [
        ("a\nb", "u", "the trusted comment holds a line break or another unprintable character"),
        ("a\rb", "u", "the trusted comment holds a line break or another unprintable character"),
        (
            "a\x1b[2Jb",
            "u",
            "the trusted comment holds a line break or another unprintable character",
        ),
        ("a\ud800", "u", "the trusted comment holds a line break or another unprintable character"),
        ("t", "a\nb", "the untrusted comment holds a line break or another unprintable character"),
        ("t", "a\0b", "the untrusted comment holds a line break or another unprintable character"),
        ("t" * 8174, "u", "the trusted comment is 8174 bytes long; minisign reads at most 8173"),
        ("é" * 4087, "u", "the trusted comment is 8174 bytes long; minisign reads at most 8173"),
        ("t", "u" * 1004, "the untrusted comment is 1004 bytes long; minisign reads at most 1003"),
    ],
)
def test_a_comment_minisign_could_not_read_back_is_refused(
    tmp_path, english, trusted, untrusted, message
):
    key = read_secret_key(write(tmp_path, "k.key", FIXED_PLAIN.secret), None)
    with pytest.raises(SignatureError) as caught:
        sign(DATA, key, trusted_comment=trusted, untrusted_comment=untrusted)
    assert caught.value.message == f"cannot sign: {message}"


# --- how it is built ---


def test_importing_the_module_does_not_load_pynacl():
    code = (
        "import sys, tahapan.signing; print(sorted(m for m in sys.modules if m.startswith('nacl')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_secret_key_does_not_show_its_secret(tmp_path):
    key = read_secret_key(write(tmp_path, "k.key", FIXED_PLAIN.secret), None)
    assert repr(key) == f"SecretKey(key_id={key.key_id!r})"
    with pytest.raises(ValueError):  # halves of two keys do not make one
        SecretKey(key.key_id, key.sk[:32] + bytes(32))
    with pytest.raises(ValueError):
        SecretKey(key.key_id[:4], key.sk)


def test_without_pynacl_the_message_says_what_to_install(tmp_path, monkeypatch, english):
    key = read_secret_key(write(tmp_path, "k.key", FIXED_PLAIN.secret), None)
    monkeypatch.setitem(sys.modules, "nacl.signing", None)  # makes the import fail
    with pytest.raises(SignatureError) as caught:
        sign(DATA, key, trusted_comment=COMMENT)
    assert caught.value.message == "PyNaCl is needed to make signatures but is not installed"
    monkeypatch.setitem(sys.modules, "nacl.pwhash", None)
    assert refused(tmp_path / "k.key").hint == "Install it with: pip install pynacl"
