"""The bundle's keys and sealing: Ed25519 signing keys for stations, X25519 keys for offices,
and members compressed then encrypted in AES-GCM frames (docs/SYNC_FORMAT.md, "Encryption").

cryptography is imported inside the functions that sign, seal and open: start-up never needs it.
"""
from __future__ import annotations

import base64
import hashlib
import struct
import zlib

PLAIN_CHUNK = 1 << 16  # encrypted members are sealed in frames of at most this much compressed data
HKDF_INFO = b"gatedesk-bundle-v1"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def new_signing_key() -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return b64(Ed25519PrivateKey.generate().private_bytes_raw())


def signing_public_key(private_b64: str) -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return b64(Ed25519PrivateKey.from_private_bytes(unb64(private_b64)).public_key().public_bytes_raw())


def new_office_key() -> str:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    return b64(X25519PrivateKey.generate().private_bytes_raw())


def office_public_key(private_b64: str) -> str:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    return b64(X25519PrivateKey.from_private_bytes(unb64(private_b64)).public_key().public_bytes_raw())


def key_id(public_b64: str) -> str:
    """A short fingerprint people can read over the phone."""
    digest = hashlib.sha256(unb64(public_b64)).hexdigest()[:16]
    return "-".join(digest[i:i + 4] for i in range(0, 16, 4))


def content_key(shared: bytes, ephemeral_pub: bytes, office_pub: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral_pub + office_pub, info=HKDF_INFO).derive(shared)


def nonce(member_index: int, frame: int, final: bool) -> bytes:
    return struct.pack(">I", member_index) + frame.to_bytes(7, "big") + (b"\x01" if final else b"\x00")


class Sealer:
    """Compress then encrypt a member in frames: [4-byte length][AES-GCM ciphertext]..."""

    def __init__(self, out, aead, index: int, name: str):
        self.out, self.aead, self.index, self.aad = out, aead, index, name.encode()
        self.zip = zlib.compressobj(6)
        self.pending = b""
        self.frame = 0
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        self.pending += self.zip.compress(data)
        while len(self.pending) > PLAIN_CHUNK:
            self._seal(self.pending[:PLAIN_CHUNK], final=False)
            self.pending = self.pending[PLAIN_CHUNK:]

    def close(self) -> None:
        self.pending += self.zip.flush()
        while len(self.pending) > PLAIN_CHUNK:
            self._seal(self.pending[:PLAIN_CHUNK], final=False)
            self.pending = self.pending[PLAIN_CHUNK:]
        self._seal(self.pending, final=True)

    def _seal(self, chunk: bytes, *, final: bool) -> None:
        sealed = self.aead.encrypt(nonce(self.index, self.frame, final), chunk, self.aad)
        framed = struct.pack(">I", len(sealed)) + sealed
        self.out.write(framed)
        self.digest.update(framed)
        self.size += len(framed)
        self.frame += 1
