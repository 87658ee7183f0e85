"""Minisign signatures: keys and signatures made by real signers, checked as `minisign -V` checks them.

The key pairs come from the `minisign` binary when it is installed (the reference), and from
py-minisign, an independent implementation, when that is installed; each test runs once per signer
found. With neither, the tests fail rather than skip: a signature check that is never exercised
must not pass CI. A pair made by minisign 0.11 is also written out below, so that some real
signatures are checked on any machine.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tahapan.errors import ExitCode
from tahapan.i18n import set_language
from tahapan.signature import PublicKey, SignatureError, read_public_key, verify

MINISIGN = shutil.which("minisign")
try:
    import minisign as py_minisign  # py-minisign
except ImportError:
    py_minisign = None

DATA = b'schema = 1\n\n[[elections]]\nid = "latihan"\nname = "Latihan"\n'
COMMENT = "timestamp:1700000000\tfile:stages.toml"

# made with minisign 0.11: `minisign -G -W`, then `minisign -S [-l] -t ...` over FIXED_DATA
FIXED_KEY = "RWQv7zeHvZ0LfEzc+3/oIDZMmdxm/aJU5M2rWrYW2pEBylxPXLMdAsEw"
FIXED_KEY_ID = "7C0B9DBD8737EF2F"  # as the .pub file's comment gives it
FIXED_DATA = b"schema = 1\n# signed by minisign 0.11\n"
FIXED_PREHASHED = b"""\
untrusted comment: signature from minisign secret key
RUQv7zeHvZ0LfMzxyrHyqQ2qjQjt8b2AKMQPHfbzgQVAMyB7avrJC11ubW61O7uG/hTFS2vK/HpYLnTgcB6l98Qsg7h7S0707Q8=
trusted comment: timestamp:1700000000\tfile:stages.toml\thashed
PzqSFfmFpUWWEJ/Md//eKVsu3bzMsPsEwjeRsK/1KorhJKwjvuYdsu2BHwzca/ksqwnebIX0ztl6/P0EC6gqCQ==
"""
FIXED_LEGACY = b"""\
untrusted comment: signature from minisign secret key
RWQv7zeHvZ0LfP+nAzgASH2XksOvG2CpZ+3IuJ6QMxxaoBxNwN50b4O8AV4psZubwOd5W9B0bFy1NMwdwlTkO65HJJ5pNa+irgA=
trusted comment: timestamp:1700000000\tfile:stages.toml
7uCTeJVDq5Muw/4uTmMAGrf21tRRYntGu3o92Rn4GHa+25gQAWYzPbRyZWVPhMKFUh3lOmwokk5NE74aypubBg==
"""


class BinarySigner:
    """A key pair of the `minisign` binary, made without a password (-W)."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir()
        self.folder = folder
        self.pub_file, self.secret = folder / "k.pub", folder / "k.key"
        self._run("-G", "-W", "-p", str(self.pub_file), "-s", str(self.secret))
        self.public_line = self.pub_file.read_text().splitlines()[1]

    def _run(self, *args: str) -> None:
        assert MINISIGN
        subprocess.run([MINISIGN, *args], stdin=subprocess.DEVNULL, capture_output=True, check=True)

    def sign(self, data: bytes, *, legacy: bool = False, comment: str = COMMENT) -> bytes:
        target, sig = self.folder / "stages.toml", self.folder / "stages.toml.minisig"
        target.write_bytes(data)
        mode = ["-l"] if legacy else []  # -l: the legacy "Ed" signature over the file itself
        self._run(
            "-S", *mode, "-s", str(self.secret), "-m", str(target), "-x", str(sig), "-t", comment
        )
        return sig.read_bytes()


class PySigner:
    """A key pair of py-minisign."""

    def __init__(self, folder: Path) -> None:
        assert py_minisign is not None
        folder.mkdir()
        self.pair = py_minisign.KeyPair.generate()
        self.pub_file = folder / "k.pub"
        self.pub_file.write_bytes(bytes(self.pair.public_key) + b"\n")
        self.public_line = self.pair.public_key.to_base64().decode()

    def sign(self, data: bytes, *, legacy: bool = False, comment: str = COMMENT) -> bytes:
        made = self.pair.secret_key.sign(data, prehash=not legacy, trusted_comment=comment)
        return bytes(made) + b"\n"


SIGNERS = {"minisign": BinarySigner, "py-minisign": PySigner}
FOUND = [name for name, there in (("minisign", MINISIGN), ("py-minisign", py_minisign)) if there]


@pytest.fixture(params=FOUND or ["none"])
def new_signer(request, tmp_path):
    """Makes a fresh key pair of one signer on each call."""
    if request.param == "none":
        pytest.fail(
            "neither the minisign binary nor py-minisign is installed: apt-get install minisign"
        )
    made = iter(range(100))
    return lambda: SIGNERS[request.param](tmp_path / f"key{next(made)}")


@pytest.fixture
def signer(new_signer):
    return new_signer()


@pytest.fixture
def english():
    set_language("en")  # conftest sets Indonesian back after each test


def refused(*args) -> SignatureError:
    with pytest.raises(SignatureError) as caught:
        if len(args) == 1:
            read_public_key(*args)
        else:
            verify(*args)
    err = caught.value
    assert err.exit_code == ExitCode.BAD_INPUT
    # no chained exception: nothing but the message reaches the user
    assert (err.__cause__ is None and err.__suppress_context__) or err.__context__ is None
    return err


def lines_of(sig: bytes) -> list[bytes]:
    return sig.split(b"\n")


def with_line(sig: bytes, number: int, new: bytes) -> bytes:
    lines = lines_of(sig)
    lines[number - 1] = new
    return b"\n".join(lines)


# --- signatures that hold ---


@pytest.mark.parametrize("legacy", [False, True], ids=["prehashed", "legacy"])
def test_a_signature_verifies_and_gives_its_trusted_comment(signer, legacy):
    sig = signer.sign(DATA, legacy=legacy)
    # base64 of "ED" starts "RU", of "Ed" "RW": the mode asked for is the one tested
    assert lines_of(sig)[1].startswith(b"RW" if legacy else b"RU")
    assert verify(DATA, sig, read_public_key(signer.public_line)) == COMMENT


@pytest.mark.parametrize("legacy", [False, True], ids=["prehashed", "legacy"])
def test_an_empty_file_and_a_comment_beyond_ascii_verify(signer, legacy):
    comment = "timestamp:1700000000\tfile:jadwal-pilkada.toml\tdisahkan KPU ✓"
    if isinstance(signer, PySigner):
        comment = comment.removesuffix(" ✓")  # py-minisign writes ASCII comments only
    sig = signer.sign(b"", legacy=legacy, comment=comment)
    assert verify(b"", sig, read_public_key(signer.public_line)) == comment


def test_the_key_as_a_line_and_as_a_pub_file_are_the_same_key(signer):
    from_line = read_public_key(signer.public_line)
    assert read_public_key(f"  {signer.public_line}\n") == from_line  # pasted with blanks
    assert read_public_key(str(signer.pub_file)) == from_line
    assert len(from_line.key_id) == 8 and len(from_line.key) == 32
    if isinstance(signer, BinarySigner):  # minisign names the key id in the .pub file's comment
        first = signer.pub_file.read_text().splitlines()[0]
        assert first == f"untrusted comment: minisign public key {from_line.id_text}"
    assert verify(DATA, signer.sign(DATA), read_public_key(str(signer.pub_file))) == COMMENT


def test_a_pub_file_of_the_key_line_alone_and_one_with_crlf_are_read(signer, tmp_path):
    alone, crlf = tmp_path / "alone.pub", tmp_path / "crlf.pub"
    alone.write_text(signer.public_line + "\n")
    crlf.write_bytes(signer.pub_file.read_bytes().replace(b"\n", b"\r\n"))
    key = read_public_key(signer.public_line)
    assert read_public_key(str(alone)) == key == read_public_key(str(crlf))


def test_a_pub_file_under_home_is_found_by_tilde(signer):
    home = Path(os.environ["HOME"])  # tmp_path/home, from conftest
    home.mkdir(exist_ok=True)
    shutil.copy(signer.pub_file, home / "kpu.pub")
    assert read_public_key("~/kpu.pub") == read_public_key(signer.public_line)


@pytest.mark.parametrize("change", ["crlf", "no final newline", "a fifth line"])
def test_line_endings_minisign_takes_are_taken(signer, change):
    sig = signer.sign(DATA)
    changed = {
        "crlf": sig.replace(b"\n", b"\r\n"),
        "no final newline": sig.rstrip(b"\n"),
        "a fifth line": sig + b"anything\n",  # minisign reads four lines and no more
    }[change]
    assert verify(DATA, changed, read_public_key(signer.public_line)) == COMMENT


def test_signatures_written_by_minisign_0_11_verify():
    key = read_public_key(FIXED_KEY)
    assert key.id_text == FIXED_KEY_ID
    assert verify(FIXED_DATA, FIXED_PREHASHED, key) == COMMENT + "\thashed"
    assert verify(FIXED_DATA, FIXED_LEGACY, key) == COMMENT


# --- signatures that do not hold ---


@pytest.mark.parametrize("legacy", [False, True], ids=["prehashed", "legacy"])
def test_changed_data_is_refused(signer, legacy, english):
    sig, key = signer.sign(DATA, legacy=legacy), read_public_key(signer.public_line)
    for changed in (DATA + b"\n", DATA.replace(b"latihan", b"latihaN"), b""):
        err = refused(changed, sig, key)
        assert err.message == (
            "the signature does not match the file: the file was changed after it was signed, "
            "or the signature is for another file"
        )


def test_changed_data_is_refused_in_indonesian_by_default(signer):
    err = refused(DATA + b" ", signer.sign(DATA), read_public_key(signer.public_line))
    assert err.message.startswith("tanda tangan tidak cocok dengan berkasnya: berkas diubah")


@pytest.mark.parametrize("legacy", [False, True], ids=["prehashed", "legacy"])
def test_a_changed_trusted_comment_is_refused(signer, legacy, english):
    sig, key = signer.sign(DATA, legacy=legacy), read_public_key(signer.public_line)
    later = with_line(sig, 3, b"trusted comment: timestamp:1900000000\tfile:stages.toml")
    err = refused(DATA, later, key)
    assert err.message == (
        "the trusted comment's signature does not match: the comment was changed after signing"
    )
    # the comment's signature taken from another signature of the same key does not fit either
    other = signer.sign(DATA, legacy=legacy, comment="timestamp:1900000000")
    swapped = with_line(sig, 4, lines_of(other)[3])
    assert "trusted comment's signature does not match" in refused(DATA, swapped, key).message


def test_a_signature_by_another_key_is_refused_with_both_key_ids(new_signer, english):
    ours, theirs = new_signer(), new_signer()
    key, their_key = read_public_key(ours.public_line), read_public_key(theirs.public_line)
    assert key.key_id != their_key.key_id
    err = refused(DATA, theirs.sign(DATA), key)
    assert err.message == (
        f"the signature was made with key {their_key.id_text}, not with the given public key "
        f"({key.id_text})"
    )
    assert ".pub" in (err.hint or "")
    # the same key id on another key is still refused: the id only picks the key, Ed25519 decides
    impostor = PublicKey(their_key.key_id, key.key)
    assert "does not match the file" in refused(DATA, theirs.sign(DATA), impostor).message


def _repacked(sig: bytes, algorithm: bytes) -> bytes:
    packed = base64.b64decode(lines_of(sig)[1])
    return with_line(sig, 2, base64.b64encode(algorithm + packed[2:]))


GARBAGE = {
    "empty": (lambda s: b"", "it has 0 of the 4 lines"),
    "two lines": (lambda s: b"\n".join(lines_of(s)[:2]) + b"\n", "it has 2 of the 4 lines"),
    "a detached GPG signature": (
        lambda s: (
            b"-----BEGIN PGP SIGNATURE-----\n\niQEzBAABCAAdFiEE\n-----END PGP SIGNATURE-----\n"
        ),
        'line 1 does not start with "untrusted comment: "',
    ),
    "an HTML error page": (
        lambda s: b"<html>\n<head><title>404 Not Found</title></head>\n<body>\n</body>\n</html>\n",
        'line 1 does not start with "untrusted comment: "',
    ),
    "signature not base64": (
        lambda s: with_line(s, 2, b"not base64 at all!"),
        "line 2 is not a signature (74 bytes in base64)",
    ),
    "signature cut short": (
        lambda s: with_line(s, 2, lines_of(s)[1][:-8]),
        "line 2 is not a signature (74 bytes in base64)",
    ),
    "unknown algorithm": (
        lambda s: _repacked(s, b"XY"),
        "unknown algorithm XY (minisign uses ED or Ed)",
    ),
    "no trusted comment": (
        lambda s: with_line(s, 3, b"timestamp:1700000000"),
        'line 3 does not start with "trusted comment: "',
    ),
    "escape in the comment": (
        lambda s: with_line(s, 3, b"trusted comment: \x1b[2Jtimestamp:1"),
        "the trusted comment holds unprintable characters",
    ),
    "not UTF-8": (
        lambda s: with_line(s, 3, b"trusted comment: \xc0\xaf"),
        "the trusted comment holds unprintable characters",
    ),
    "CR inside a line": (
        lambda s: with_line(s, 3, b"trusted comment: a\rb"),
        "line 3 holds a CR in the middle",
    ),
    "global signature cut": (
        lambda s: with_line(s, 4, lines_of(s)[3][:40]),
        "line 4 is not the comment's signature (64 bytes in base64)",
    ),
}


@pytest.mark.parametrize("case", GARBAGE)
def test_a_malformed_signature_file_is_refused_saying_what_is_wrong(signer, case, english):
    spoil, detail = GARBAGE[case]
    err = refused(DATA, spoil(signer.sign(DATA)), read_public_key(signer.public_line))
    assert err.message == f"not a minisign signature: {detail}"
    assert err.hint and "four lines" in err.hint


NOT_KEYS = {
    "empty": ("", '"" is neither a minisign public key nor a file'),
    "blank": ("   ", '"" is neither a minisign public key nor a file'),
    "a missing file": (
        "kpu-2029.pub",
        '"kpu-2029.pub" is neither a minisign public key nor a file',
    ),
    "NUL in a path": ("a\0b", '"a\0b" is neither a minisign public key nor a file'),
    "an unknown user's home": (
        "~nosuchuser/kpu.pub",
        '"~nosuchuser/kpu.pub" is neither a minisign public key nor a file',
    ),
    "a key cut short": (FIXED_KEY[:-4], f"{FIXED_KEY[:-4]} is not a minisign public key"),
    "a key with a typo": (FIXED_KEY[:10] + "!" + FIXED_KEY[11:], None),
    "a secret key's algorithm": (
        base64.b64encode(b"ED" + bytes(40)).decode(),
        f"{base64.b64encode(b'ED' + bytes(40)).decode()} is not a minisign public key",
    ),
    "a signature line": (
        lines_of(FIXED_LEGACY)[1].decode(),
        f"{lines_of(FIXED_LEGACY)[1].decode()[:77]}... is not a minisign public key",
    ),
}


@pytest.mark.parametrize("case", NOT_KEYS)
def test_text_that_is_no_public_key_is_refused_saying_what_is_taken(case, english):
    given, message = NOT_KEYS[case]
    err = refused(given)
    if message:
        assert err.message == message
    else:
        assert err.message.startswith(f'"{given}" is neither')  # "!" is no base64: taken for a path
    assert err.hint and "minisign -P" in err.hint and "RW" in err.hint and ".pub" in err.hint


def test_files_that_hold_no_public_key_are_refused(tmp_path, english):
    cases = {
        "secret.key": b"untrusted comment: minisign secret key\nRWRTY0IyAAAA\n",
        "empty.pub": b"",
        "comment-only.pub": b"untrusted comment: minisign public key 7C0B9DBD8737EF2F\n",
        "two-keys.txt": f"{FIXED_KEY}\n{FIXED_KEY}\n".encode(),
        "binary.bin": bytes(range(256)) * 40,
    }
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
        err = refused(str(tmp_path / name))
        assert err.message == f"{tmp_path / name}: not a minisign public key file", name
        assert err.hint and 'two lines: "untrusted comment: ..." then the key' in err.hint
    folder = refused(str(tmp_path))
    assert folder.message.startswith(f"{tmp_path}: cannot be read (")


# --- how it is built ---


def test_importing_the_module_does_not_load_pynacl():
    code = "import sys, tahapan.signature; print(sorted(m for m in sys.modules if m.startswith('nacl')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_without_pynacl_the_message_says_what_to_install(monkeypatch, english):
    monkeypatch.setitem(sys.modules, "nacl.signing", None)  # makes the import fail
    err = refused(FIXED_DATA, FIXED_PREHASHED, read_public_key(FIXED_KEY))
    assert err.message == "PyNaCl is needed to check signatures but is not installed"
    assert err.hint == "Install it with: pip install pynacl"
