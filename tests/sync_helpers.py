"""An office enrolls the gates a test imports from, as its administrator would after reading their
fingerprints on their set-up sheets."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

from models import sync
from models.formats import bundle, wire
from models.store.clock import utcnow


def fingerprint(source) -> str:
    """Of a gate's database, or of the key a bundle is signed with."""
    if isinstance(source, (str, Path)):
        with zipfile.ZipFile(source) as zf:
            return bundle.key_id(json.loads(zf.read(bundle.MANIFEST))["station"]["public_key"])
    db = getattr(source, "db", source)  # a Desk or a Database
    with db.session() as s:
        found = sync.station_fingerprint(s)
        s.commit()
    return found


def enroll(office, *sources) -> None:
    db = getattr(office, "db", office)
    with db.engine.begin() as conn:
        for source in sources:
            fp = fingerprint(source)
            if not sync.enrolled(conn, fp):
                sync.enroll(conn, fp, now=utcnow(), operator_id=None, station_id="office")


def signing_key(gate) -> str:
    db = getattr(gate, "db", gate)
    with db.session() as s:
        key = sync.ensure_signing_key(s)
        s.commit()
    return key


def lines(data: bytes) -> list[dict]:
    return [json.loads(x) for x in data.splitlines()]


def member(path: Path, name: str) -> list[dict]:
    """The records of one member of a bundle, as the file holds them."""
    with zipfile.ZipFile(path) as zf:
        return lines(zf.read(name))


def joined(records) -> bytes:
    return b"".join(wire.canonical_line(r) for r in records)


def changed_first_destination(data: bytes) -> bytes:
    """A visit member whose first record says another destination at the same revision: what a
    gate's disk or a text editor makes, and the office keeps as a conflict."""
    lines = data.splitlines(keepends=True)
    record = json.loads(lines[0])
    record["destination"] = "9-9-909"
    lines[0] = wire.canonical_line(record)
    return b"".join(lines)


def craft(src: Path, dest: Path, key: str | None, *, manifest=None, members: dict | None = None,
          parts: dict | None = None, drop=(), signature: bytes | None = None) -> Path:
    """A bundle made from src as its station (or a forger holding key) could make it: members
    edited (bytes -> bytes) with the manifest's counts and checksums kept true, the manifest
    edited (a dict edited in place, or bytes), re-signed with key. parts replaces raw zip members."""
    import hashlib

    with zipfile.ZipFile(src) as zf:
        raw = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    body = json.loads(raw[bundle.MANIFEST])
    for name, edit in (members or {}).items():
        new = edit(raw[name])
        raw[name] = new
        for m in body["members"]:
            if m["name"] == name:
                m.update(sha256=hashlib.sha256(new).hexdigest(), bytes=len(new), records=new.count(b"\n"))
    if callable(manifest):
        edited = manifest(body)  # edits in place, or returns a new dict
        body = edited if isinstance(edited, dict) else body
    text = manifest if isinstance(manifest, bytes) else json.dumps(body, ensure_ascii=False, sort_keys=True,
                                                                   indent=1).encode()
    raw[bundle.MANIFEST] = text
    if key is not None:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        raw[bundle.SIGNATURE] = bundle.b64(Ed25519PrivateKey.from_private_bytes(bundle.unb64(key)).sign(text)).encode()
    if signature is not None:
        raw[bundle.SIGNATURE] = signature
    raw.update(parts or {})
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in raw.items():
            if name not in drop:
                zf.writestr(name, data)
    return dest
