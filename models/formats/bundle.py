"""The sync bundle container: a zip of JSON Lines members, a signed manifest, optional encryption.

This module knows bytes, not tables: it writes members streamed from iterables of lines and
hands back lines while proving, member by member, that they are what the station signed.
docs/SYNC_FORMAT.md is the specification; keep the two in step.
"""
from __future__ import annotations

import hashlib
import json
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.formats import crypto, wire
from models.formats.crypto import (  # noqa: F401 - the keys' functions, named as the bundle's
    PLAIN_CHUNK,
    Sealer,
    b64,
    key_id,
    new_office_key,
    new_signing_key,
    nonce,
    office_public_key,
    signing_public_key,
    unb64,
)
from models.formats.rejections import REASONS, BundleHeld, BundleRejected  # noqa: F401 - raised by name
from models.formats.wire import MAX_MEMBER_BYTES, MAX_MEMBERS, MAX_RELAYED
from models.store import files

# cryptography is imported inside the functions that sign, seal and open: start-up never needs it.

FORMAT = "gatedesk-bundle"
FORMAT_VERSION = 1  # a gate's bundle; older offices read it
OFFICE_FORMAT_VERSION = 2  # an office's bundle forwarding its gates' records (kind "office")
ROUNDS_FORMAT_VERSION = 3  # either kind, with the testing rounds' record types
# An office's bundle that relays its gates' own signed bundles unchanged (kind "office"): the office
# above verifies each against the gate's key. Formats 2 and 3 of kind "office" carried records on the
# forwarding office's word alone, and are refused (relay_unverified).
RELAY_FORMAT_VERSION = 4
# A station's bundle with supervision's record types: an inspection station's (kind "inspection" in
# its manifest's station part), or a gate's that carries none of them.
SUPERVISION_FORMAT_VERSION = 5
# A gate's bundle with the rota's record types (people on duty, posts, shifts, check-ins).
STAFFING_FORMAT_VERSION = 6
# An inspection station's bundle with its visits' photos.
PHOTOS_FORMAT_VERSION = 7
# An office's relaying bundle (format 4) that also carries its compounds' census, which the office
# above takes for the compounds of the relaying office's unit.
CENSUS_FORMAT_VERSION = 8
READS_UP_TO = CENSUS_FORMAT_VERSION


def relays(manifest) -> bool:
    """An office's bundle of format 4 or later: it may carry its gates' bundles beside its own
    members. A station's bundle, whatever its format, holds at most MAX_MEMBERS."""
    return manifest.kind == "office" and manifest.format_version >= RELAY_FORMAT_VERSION


def version_for(*, office: bool, newest_type: int = 1) -> int:
    """The oldest format that holds a bundle whose newest record type came in format newest_type:
    an office of an older version goes on reading whatever it can."""
    if newest_type > OFFICE_FORMAT_VERSION:
        return newest_type
    return OFFICE_FORMAT_VERSION if office else FORMAT_VERSION
RECEIPTS = "receipt"  # a format 2/3 office bundle's last member: the gates' bundles it received
RELAYED = "relayed"  # a format-4 office bundle's index of the gates' bundles it relays
RELAYED_BUNDLE = "relayed_bundle"  # the type of each relayed gate bundle's member, kept as the gate wrote it
CENSUS = "census"  # a format-8 office bundle's census: each compound's place and census line
SUFFIX = ".gdbundle"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
ENCRYPTED_SUFFIX = ".enc"

# Limits that turn absurd files away before they cost memory or disk (and MAX_MEMBERS, MAX_MEMBER_BYTES).
MAX_MANIFEST_BYTES = 1 << 20
MAX_LINE_BYTES = 1 << 20
MAX_RATIO = 200  # deflated JSON Lines compress ~10x; a zip bomb, thousands of times
RATIO_FLOOR = 1 << 20  # small members may compress better than the ratio without harm

READ_CHUNK = 1 << 20


# What zipfile raises for damaged bytes: not only BadZipFile (a flipped bit in a header can make
# it claim an unknown zip version, NotImplementedError, or a size that cannot be, ValueError).
ZIP_DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, struct.error, ValueError, OverflowError)


# -- writing -------------------------------------------------------------------------------
@dataclass
class MemberSpec:
    record_type: str
    lines: Iterable[bytes]  # a binary member: its bytes in pieces
    name: str | None = None  # the member's file name, when not "{record_type}.jsonl"
    binary: bool = False  # a whole file (a relayed bundle), counted as one record


def write_bundle(path: Path, manifest: dict[str, Any], members: Iterable[MemberSpec], *,
                 signing_key: str, office_key: str | None = None,
                 format_version: int = FORMAT_VERSION) -> dict[str, Any]:
    """Stream members into a new bundle at path, atomically; returns the manifest written.

    manifest holds the station's facts; this adds format, members and encryption. Memory stays
    bounded by one line and one compression window, whatever the number of records.
    """
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    manifest = dict(manifest, format=FORMAT, format_version=format_version, encryption=None)
    aead = None
    if office_key is not None:
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        office_pub = unb64(office_key)
        ephemeral = X25519PrivateKey.generate()
        ephemeral_pub = ephemeral.public_key().public_bytes_raw()
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(office_pub))
        aead = AESGCM(crypto.content_key(shared, ephemeral_pub, office_pub))
        manifest["encryption"] = {"scheme": "x25519-hkdf-sha256-aes256gcm-v1", "office_key_id": key_id(office_key),
                                  "ephemeral_public_key": b64(ephemeral_pub)}
    listed = []
    with files.written_whole(path) as partial:
        with zipfile.ZipFile(partial, "w", allowZip64=True) as zf:
            for index, spec in enumerate(members):
                name = (spec.name or spec.record_type + ".jsonl") + (ENCRYPTED_SUFFIX if aead else "")
                count = 0
                if aead is None:
                    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
                    info.compress_type = zipfile.ZIP_DEFLATED
                    digest, size = hashlib.sha256(), 0
                    with zf.open(info, "w", force_zip64=True) as out:
                        for line in spec.lines:
                            out.write(line)
                            digest.update(line)
                            size += len(line)
                            count += 1
                    count = 1 if spec.binary else count
                    listed.append({"name": name, "type": spec.record_type, "records": count,
                                   "bytes": size, "sha256": digest.hexdigest()})
                else:
                    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
                    info.compress_type = zipfile.ZIP_STORED
                    with zf.open(info, "w", force_zip64=True) as out:
                        sealer = Sealer(out, aead, index, name)
                        for line in spec.lines:
                            sealer.write(line)
                            count += 1
                        sealer.close()
                    count = 1 if spec.binary else count
                    listed.append({"name": name, "type": spec.record_type, "records": count,
                                   "bytes": sealer.size, "sha256": sealer.digest.hexdigest()})
            manifest["members"] = listed
            body = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode()
            signature = Ed25519PrivateKey.from_private_bytes(unb64(signing_key)).sign(body)
            zf.writestr(zipfile.ZipInfo(MANIFEST, date_time=(2020, 1, 1, 0, 0, 0)), body)
            zf.writestr(zipfile.ZipInfo(SIGNATURE, date_time=(2020, 1, 1, 0, 0, 0)), b64(signature))
    return manifest


# -- reading -------------------------------------------------------------------------------
def _safe_name(name: str) -> bool:
    return bool(name) and "/" not in name and "\\" not in name and ".." not in name and ":" not in name \
        and not name.startswith(".")


@dataclass
class Member:
    name: str
    record_type: str
    records: int
    size: int
    sha256: str


@dataclass
class OpenBundle:
    """A bundle whose manifest is signed and whose members are exactly those listed."""

    path: Path
    manifest: Any  # wire.Manifest: typed, every field checked
    members: list[Member]
    station_id: str
    public_key: str
    receipt_id: str  # SHA-256 of the signed manifest's content: the same bundle has the same one
    _zip: zipfile.ZipFile
    _aead: Any = None
    _indices: dict[str, int] = field(default_factory=dict)
    content_key: bytes | None = None  # what opens the members (None: not encrypted); a relay passes it on

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> OpenBundle:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def lines(self, member: Member) -> Iterator[bytes]:
        """The member's lines, each ending in \\n; raises BundleRejected when it is not as signed.

        The checksum and count are proven when the last line has been read, so a caller
        applies lines inside a transaction it rolls back on rejection.
        """
        digest = hashlib.sha256()
        count = 0
        try:
            with self._zip.open(member.name) as raw:
                chunks = self._plain_chunks(raw, member, digest)
                tail = b""
                for chunk in chunks:
                    pieces = (tail + chunk).split(b"\n")
                    tail = pieces.pop()
                    if len(tail) > MAX_LINE_BYTES:
                        raise BundleRejected("too_large", member=member.name)
                    for piece in pieces:
                        count += 1
                        yield piece + b"\n"
                if tail:
                    raise BundleRejected("corrupt", detail=f"{member.name}: last line unterminated")
        except ZIP_DAMAGE as exc:
            raise BundleRejected("corrupt", detail=f"{member.name}: {exc}") from exc
        if digest.hexdigest() != member.sha256:
            raise BundleRejected("checksum_mismatch", member=member.name)
        if count != member.records:
            raise BundleRejected("corrupt", detail=f"{member.name}: {count} records, manifest says {member.records}")

    def spool(self, member: Member, out, limit: int = MAX_MEMBER_BYTES) -> None:
        """A binary member's bytes (a relayed bundle) written to out as signed; raises BundleRejected
        when they are not, or would pass limit."""
        digest = hashlib.sha256()
        written = 0
        try:
            with self._zip.open(member.name) as raw:
                for chunk in self._plain_chunks(raw, member, digest):
                    written += len(chunk)
                    if written > limit:
                        raise BundleRejected("too_large", member=member.name)
                    out.write(chunk)
        except ZIP_DAMAGE as exc:
            raise BundleRejected("corrupt", detail=f"{member.name}: {exc}") from exc
        if digest.hexdigest() != member.sha256:
            raise BundleRejected("checksum_mismatch", member=member.name)

    def _plain_chunks(self, raw, member: Member, digest) -> Iterator[bytes]:
        if self._aead is None:
            while chunk := raw.read(READ_CHUNK):
                digest.update(chunk)
                yield chunk
            return
        from cryptography.exceptions import InvalidTag

        unzip = zlib.decompressobj()
        aad = member.name.encode()
        index = self._indices[member.name]
        # The same inflation limit as a plain member's: encryption must not hide a zip bomb.
        limit = min(MAX_MEMBER_BYTES, max(RATIO_FLOOR, MAX_RATIO * member.size))
        frame, final, inflated = 0, False, 0
        while True:
            head = raw.read(4)
            if not head:
                break
            if final or len(head) < 4:
                raise BundleRejected("corrupt", detail=f"{member.name}: data after the last frame")
            (length,) = struct.unpack(">I", head)
            if length > PLAIN_CHUNK + 64:
                raise BundleRejected("too_large", member=member.name)
            sealed = raw.read(length)
            digest.update(head)
            digest.update(sealed)
            if len(sealed) < length:
                raise BundleRejected("truncated")
            try:
                try:
                    plain = self._aead.decrypt(nonce(index, frame, False), sealed, aad)
                except InvalidTag:
                    plain = self._aead.decrypt(nonce(index, frame, True), sealed, aad)
                    final = True
            except InvalidTag:
                raise BundleRejected("checksum_mismatch", member=member.name) from None
            frame += 1
            # Bounded pieces: one small frame may inflate a lot; memory must not follow it.
            while plain:
                out = unzip.decompress(plain, READ_CHUNK * 4)
                plain = unzip.unconsumed_tail
                inflated += len(out)
                if inflated > limit:
                    raise BundleRejected("too_large", member=member.name)
                if out:
                    yield out
        if not final:
            raise BundleRejected("truncated")
        rest = unzip.flush()
        if rest:
            yield rest


def open_bundle(path: Path, *, office_key: str | None = None, known_key=None,
                trust_new_key: bool = False, admit_new=None, content_key: bytes | None = None) -> OpenBundle:
    """Open and verify the container; nothing is imported yet.

    known_key(station_id) returns the public key an office already holds for the station, or
    None for a station it has never seen; admit_new(public_key) then says whether that station
    is enrolled (without it, any signed station is admitted: a dry look at a file).
    content_key opens a gate's bundle that a relay passed on (encrypted for the office below).
    """
    try:
        with open(path, "rb") as f:
            head = f.read(4)
    except OSError as exc:
        raise BundleRejected("unreadable", detail=exc.strerror or str(exc)) from exc
    try:
        zf = zipfile.ZipFile(path)
    except OSError as exc:
        raise BundleRejected("unreadable", detail=exc.strerror or str(exc)) from exc
    except ZIP_DAMAGE as exc:
        raise BundleRejected("truncated" if head == b"PK\x03\x04" else "not_a_bundle") from exc
    try:
        return _verify(zf, path, office_key, known_key, trust_new_key, admit_new, content_key)
    except BaseException:
        zf.close()
        raise


def read_manifest(body: bytes):
    """The manifest's bytes, checked: (typed manifest, receipt id). Raises BundleRejected."""

    try:
        head = wire.FORMAT_ONLY.decode(body)
    except Exception as exc:  # noqa: BLE001 - msgspec's errors, RecursionError: any of them is a bad manifest
        raise BundleRejected("bad_manifest", detail=wire.explain(exc)) from None
    if head.format != FORMAT:
        raise BundleRejected("not_a_bundle")
    version = head.format_version
    if type(version) is not int:
        raise BundleRejected("bad_manifest", detail="format_version")
    if version > READS_UP_TO:
        raise BundleRejected("format_too_new", found=version, known=READS_UP_TO)
    try:
        manifest = wire.decode_manifest(body)
        # The receipt id is of the content (as version 1 offices computed it), not of the bytes.
        content = json.dumps(json.loads(body), sort_keys=True, ensure_ascii=False).encode()
    except wire.Invalid as exc:
        raise BundleRejected("bad_manifest", detail=exc.detail) from None
    except (ValueError, RecursionError, UnicodeError) as exc:
        raise BundleRejected("bad_manifest", detail=type(exc).__name__) from None
    if manifest.station.gate_id != manifest.gate.id:
        raise BundleRejected("bad_manifest", detail="station.gate_id")
    office = manifest.kind == "office"
    kinds = {FORMAT_VERSION: (False,), OFFICE_FORMAT_VERSION: (True,), ROUNDS_FORMAT_VERSION: (False, True),
             SUPERVISION_FORMAT_VERSION: (False,), STAFFING_FORMAT_VERSION: (False,), PHOTOS_FORMAT_VERSION: (False,),
             CENSUS_FORMAT_VERSION: (True,)}
    # Format 4 is an office's bundle relaying gates' bundles: it lists no forwarded gates of its own.
    forwards = office and version < RELAY_FORMAT_VERSION
    if office not in kinds.get(version, (True,)) or forwards != (manifest.forwarded is not None):
        raise BundleRejected("bad_manifest", detail="kind")
    if len(manifest.members) > (MAX_MEMBERS + MAX_RELAYED if relays(manifest) else MAX_MEMBERS):
        raise BundleRejected("bad_manifest", detail=f"{len(manifest.members)} members")
    for f in manifest.forwarded or ():
        if f.station.gate_id != f.gate.id:
            raise BundleRejected("bad_manifest", detail="forwarded.station.gate_id")
    return manifest, hashlib.sha256(content).hexdigest()


def _verify(zf: zipfile.ZipFile, path: Path, office_key, known_key, trust_new_key, admit_new,
            content_key: bytes | None = None) -> OpenBundle:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS + MAX_RELAYED + 2:
        raise BundleRejected("too_large", member=f"{len(infos)} members")
    names = [i.filename for i in infos]
    for name in names:
        if not _safe_name(name):
            raise BundleRejected("unsafe_path", member=name)
    if len(set(names)) != len(names):
        raise BundleRejected("corrupt", detail="a part appears twice")
    by_name = {i.filename: i for i in infos}
    for required in (MANIFEST, SIGNATURE):
        if required not in by_name:
            raise BundleRejected("missing_member" if names else "not_a_bundle", member=required)
    if by_name[MANIFEST].file_size > MAX_MANIFEST_BYTES or by_name[SIGNATURE].file_size > 1024:
        raise BundleRejected("too_large", member=MANIFEST)
    try:
        body = zf.read(MANIFEST)
        signature = zf.read(SIGNATURE)
    except ZIP_DAMAGE as exc:
        raise BundleRejected("corrupt", detail=str(exc)) from exc
    manifest, receipt_id = read_manifest(body)
    if len(infos) > MAX_MEMBERS and not relays(manifest):
        raise BundleRejected("too_large", member=f"{len(infos)} members")
    station_id, public_key = manifest.station.id, manifest.station.public_key
    members = [Member(m.name, m.type, m.records, m.bytes, m.sha256) for m in manifest.members]
    _check_signature(body, signature, public_key)
    held = known_key(station_id) if known_key else None
    if held is not None and held != public_key and not trust_new_key:
        raise BundleRejected("key_changed", station=_station_label(manifest), key=key_id(public_key))
    if held is None and admit_new is not None and not admit_new(public_key):
        raise BundleHeld(office=manifest.kind == "office", fingerprint=key_id(public_key),
                         station=_station_label(manifest),
                         compound=manifest.compound.name, gate=manifest.gate.name, sequence=manifest.sequence)
    listed = {m.name for m in members}
    if len(listed) != len(members):
        raise BundleRejected("corrupt", detail="a part is listed twice")
    for m in members:
        if not _safe_name(m.name):
            raise BundleRejected("unsafe_path", member=m.name)
        if m.name not in by_name:
            raise BundleRejected("missing_member", member=m.name)
    for name in names:
        if name not in listed and name not in (MANIFEST, SIGNATURE):
            raise BundleRejected("unexpected_member", member=name)
    for m in members:
        info = by_name[m.name]
        if info.file_size != m.size:
            raise BundleRejected("corrupt", detail=f"{m.name}: size differs from the manifest")
        if info.file_size > MAX_MEMBER_BYTES or (
                info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
            raise BundleRejected("too_large", member=m.name)
    key, indices = _decryptor(manifest, members, office_key, content_key)
    aead = None
    if key is not None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        aead = AESGCM(key)
    return OpenBundle(path=path, manifest=manifest, members=members, station_id=station_id,
                      public_key=public_key, receipt_id=receipt_id, _zip=zf, _aead=aead, _indices=indices,
                      content_key=key)


def _station_label(manifest) -> str:
    if manifest.gate.name == manifest.compound.name:  # an office named once (made on the command line)
        return manifest.compound.name
    return f"{manifest.compound.name} {manifest.gate.name}"


def _check_signature(body: bytes, signature: bytes, public_key: str) -> None:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(unb64(public_key)).verify(unb64(signature.decode("ascii").strip()), body)
    except (InvalidSignature, ValueError, UnicodeDecodeError) as exc:
        raise BundleRejected("bad_signature") from exc


def _decryptor(manifest, members: list[Member], office_key: str | None, content_key: bytes | None):
    """The members' content key (None: not encrypted) and each member's index in the nonce."""
    enc = manifest.encryption
    if enc is None:
        if any(m.name.endswith(ENCRYPTED_SUFFIX) for m in members):
            raise BundleRejected("bad_manifest", detail="encrypted parts without encryption details")
        return None, {}
    if enc.scheme != "x25519-hkdf-sha256-aes256gcm-v1":
        raise BundleRejected("bad_manifest", detail="unknown encryption scheme")
    indices = {m.name: i for i, m in enumerate(members)}
    if content_key is not None:  # a wrong key opens nothing: each frame's tag fails (checksum_mismatch)
        if len(content_key) != 32:
            raise BundleRejected("bad_manifest", detail="content key")
        return content_key, indices
    if office_key is None:
        raise BundleRejected("encrypted_no_key")
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

    mine = office_public_key(office_key)
    if enc.office_key_id != key_id(mine):
        raise BundleRejected("not_for_this_office", key=enc.office_key_id)
    try:
        ephemeral_pub = unb64(enc.ephemeral_public_key)
        shared = X25519PrivateKey.from_private_bytes(unb64(office_key)).exchange(
            X25519PublicKey.from_public_bytes(ephemeral_pub))
    except (KeyError, ValueError) as exc:
        raise BundleRejected("bad_manifest", detail="encryption details") from exc
    return crypto.content_key(shared, ephemeral_pub, unb64(mine)), indices
