"""A suite of crafted bundles, as an attacker with a USB stick and a text editor would make them:
the container, the manifest, the records, other stations' records, numbers and sizes. Each is
rejected with its reason code and the office's database is unchanged (the embedded file byte for
byte, a server's database row for row); run
together with a valid bundle, the valid one is still imported."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from models.app.demo import DEMO_PINS, create_demo
from models.app.desk import Desk
from models.formats import bundle, wire
from models.gate.visits import VisitForm
from models.store.db import open_database
from models.sync import Importer, export_bundle
from tests.conftest import NOW
from tests.models.test_sync import snapshot
from tests.pg import copy_rows
from tests.sync_helpers import craft, enroll, fingerprint, joined, lines, member, signing_key

ROOT = Path(__file__).resolve().parent.parent.parent
LATER = NOW + timedelta(hours=2)  # the office's clock


@dataclass
class World:
    root: Path
    office: Path  # the office database as it stands before any hostile file (closed, no WAL)
    b_path: Path  # the victim gate's first bundle (imported)
    a_path: Path  # the attacker gate's first bundle (imported)
    b_key: str
    a_key: str
    valid: Path  # the victim gate's next bundle: valid, not yet imported
    office_station: str
    office_admin: str
    office_key: str


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    root = tmp_path_factory.mktemp("hostile")
    gates = {}
    for name, compound, gate, seed in (("B", "榕城花园", "东门", 1), ("A", "三坊小区", "北门", 2)):
        db = open_database(root / name / "gatedesk.sqlite3")
        create_demo(db, days=1, visits_per_day=40, parcels_per_day=8, seed=seed, compound=compound, gate=gate,
                    now=NOW)
        gates[name] = db
    b_path = export_bundle(gates["B"], root / "usb-b1", sheets=False, now=NOW).path
    a_path = export_bundle(gates["A"], root / "usb-a1", sheets=False, now=NOW).path
    b_desk = Desk(gates["B"], clock=lambda: NOW + timedelta(minutes=20))  # a registration after the first bundle
    b_desk.staff.sign_in(next(o.id for o in b_desk.staff.operators() if o.name == "张保安"), DEMO_PINS["guard1"])
    b_desk.gate.register(VisitForm(kind="visitor", name="王五", phone="13800138000", origin="仓山区", destination="3-1-502",
                              host="李四", purpose="探亲", temperature="36.5", code_color="green", nat_result="negative",
                              nat_sampled_at="20h", risk_flag=False, mask=True))
    valid = export_bundle(gates["B"], root / "usb-b2", sheets=False, now=NOW + timedelta(minutes=30)).path
    keys = {n: signing_key(db) for n, db in gates.items()}
    for db in gates.values():
        db.close()
    office_db = open_database(root / "office" / "gatedesk.sqlite3")
    desk = Desk(office_db, clock=lambda: LATER)
    desk.sync.complete_office_setup(office_name="温泉社区居委会", community="温泉社区", admin_name="林管理", pin="1234",
                               pin_again="1234", office_label="办公室")
    desk.staff.sign_in(desk.staff.operators()[0].id, "1234")  # the office's administrator makes its key file
    office_key = desk.sync.office_key_file().public_key
    enroll(office_db, b_path, a_path)
    importer = Importer(office_db, clock=lambda: LATER)
    assert [importer.run(p).status for p in (b_path, a_path)] == ["accepted", "accepted"]
    # The victim's bundle is of the newest format a gate writes (the demo keeps a rota; photos are a
    # team's, tests/models/test_supervision_photos_sync.py): a station's bundle of any format holds at
    # most 64 members; only an office's relay may hold more.
    assert json.loads(zipfile.ZipFile(b_path).read(bundle.MANIFEST))["format_version"] == \
        bundle.STAFFING_FORMAT_VERSION
    station, admin = desk.ctx.station_id, desk.staff.operators()[0].id
    office_db.close()
    assert not (root / "office" / "gatedesk.sqlite3-wal").exists()
    return World(root, root / "office" / "gatedesk.sqlite3", b_path, a_path, keys["B"], keys["A"], valid, station,
                 admin, office_key)


# -- building hostile files ----------------------------------------------------------------------
def raw_zip(dest: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return dest


def zip_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i.filename) for i in zf.infolist()}


def sign(key: str, body: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return bundle.b64(Ed25519PrivateKey.from_private_bytes(bundle.unb64(key)).sign(body)).encode()


def next_of(m: dict) -> None:
    m["sequence"] = 2


def as_b(w: World, dest: Path, *, manifest=None, members=None) -> Path:
    """B's bundle, changed and re-signed with B's own key (B's records, its sequence 2)."""
    def edit(m):
        next_of(m)
        if manifest:
            manifest(m)
    return craft(w.b_path, dest, w.b_key, manifest=edit, members=members)


def b_manifest_bytes(w: World, dest: Path, body: bytes, key: str | None = None) -> Path:
    """B's bundle with manifest.json replaced by these bytes (signed with B's key)."""
    parts = zip_parts(w.b_path)
    parts[bundle.MANIFEST] = body
    parts[bundle.SIGNATURE] = sign(key or w.b_key, body)
    return raw_zip(dest, parts)


def b_record(w: World, dest: Path, member_name: str, change: Callable[[dict], dict | bytes], index=0) -> Path:
    """B's bundle with one record of a member changed (a dict, or raw bytes for the line)."""
    def edit(data: bytes) -> bytes:
        records = data.splitlines(keepends=True)
        new = change(json.loads(records[index]))
        records[index] = new if isinstance(new, bytes) else wire.canonical_line(new)
        return b"".join(records)
    return as_b(w, dest, members={member_name: edit})


def as_a(w: World, dest: Path, member_name: str, extra: Callable[[World], list[dict]]) -> Path:
    """A's own bundle (A's key, its sequence 2) carrying records it has no right to."""
    return craft(w.a_path, dest, w.a_key, manifest=next_of,
                 members={member_name: lambda data: data + joined(extra(w))})


def a_station(w: World) -> tuple[str, str]:
    g = member(w.a_path, "gate.jsonl")[0]
    return g["station_id"], g["id"]


def case_of(station: str, gate: str, visit_id: str, case_id: str) -> dict:
    at = "2022-11-28T01:30:00.000000Z"
    return {"id": case_id, "station_id": station, "gate_id": gate, "operator_id": None, "created_at": at,
            "updated_at": at, "rev": 1, "visit_id": visit_id, "name": "王五", "phone": None, "id_number": None,
            "reason_codes": "fever", "reason": "", "temperature": 38.1, "placed_at": at, "handed_to": None,
            "handed_at": None, "outcome": None, "closed_at": None, "closed_by": None}


def stone(station: str, gate: str, rtype: str, rid: str, sid="0d5e8a2c-1b7f-4a8e-9c3d-2f6b1a0e9d84") -> dict:
    at = "2022-11-28T01:00:00.000000Z"
    return {"id": sid, "station_id": station, "gate_id": gate, "operator_id": None, "created_at": at,
            "updated_at": at, "rev": 1, "record_type": rtype, "record_id": rid, "reason": "x"}


def encrypted_bomb(w: World, dest: Path) -> Path:
    """A bundle encrypted to the office whose visit member inflates 20 MB from ~20 KB."""
    manifest = json.loads(zip_parts(w.b_path)[bundle.MANIFEST])
    keep = {k: manifest[k] for k in ("app", "created_at", "kind", "period", "station", "compound", "gate")}
    keep["sequence"] = 2
    parts = zip_parts(w.b_path)
    specs = [bundle.MemberSpec(m["type"], [b"\n" * (20 << 20)] if m["type"] == "visit" else
                               parts[m["name"]].splitlines(keepends=True)) for m in manifest["members"]]
    bundle.write_bundle(dest, keep, specs, signing_key=w.b_key, office_key=w.office_key,
                        format_version=manifest["format_version"])
    return dest


def big_manifest(w: World) -> bytes:
    m = json.loads(zip_parts(w.b_path)[bundle.MANIFEST])
    m["padding"] = "x" * (1 << 20)
    return json.dumps(m).encode()


def manifest_with(w: World, **changes) -> Callable[[dict], None]:
    def edit(m):
        for path, value in changes.items():
            target = m
            keys = path.split("__")
            for k in keys[:-1]:
                target = target[k]
            target[keys[-1]] = value
    return edit


B_VISIT = lambda w: member(w.b_path, "visit.jsonl")[0]  # noqa: E731


CASES: dict[str, tuple[str, Callable[[World, Path], Path]]] = {
    # -- the container --------------------------------------------------------------------------
    "empty file": ("not_a_bundle", lambda w, d: (d.write_bytes(b""), d)[1]),
    "random bytes": ("not_a_bundle", lambda w, d: (d.write_bytes(os.urandom(5000)), d)[1]),
    "a text file": ("not_a_bundle", lambda w, d: (d.write_text("我的数据包", encoding="utf-8"), d)[1]),
    "cut short": ("truncated", lambda w, d: (d.write_bytes(w.b_path.read_bytes()[:3000]), d)[1]),
    "zip header then junk": ("truncated", lambda w, d: (d.write_bytes(b"PK\x03\x04" + b"\x00" * 300), d)[1]),
    "a zip of something else": ("missing_member", lambda w, d: raw_zip(d, {"hello.txt": b"hi"})),
    "no signature": ("missing_member", lambda w, d: raw_zip(d, {
        k: v for k, v in zip_parts(w.b_path).items() if k != bundle.SIGNATURE})),
    "a part named ../evil": ("unsafe_path", lambda w, d: raw_zip(d, {**zip_parts(w.b_path), "../evil": b"x"})),
    "a part named /etc/cron.d/x": ("unsafe_path", lambda w, d: raw_zip(d, {**zip_parts(w.b_path), "/etc/cron.d/x": b"x"})),
    "a part the manifest does not list": ("unexpected_member", lambda w, d: raw_zip(
        d, {**zip_parts(w.b_path), "notes.txt": b"x"})),
    "65 parts": ("too_large", lambda w, d: raw_zip(d, {**zip_parts(w.b_path),
                                                       **{f"p{i}.txt": b"" for i in range(60)}})),
    # -- the manifest --------------------------------------------------------------------------
    "manifest not JSON": ("bad_manifest", lambda w, d: b_manifest_bytes(w, d, b"{not json")),
    "manifest a JSON array": ("bad_manifest", lambda w, d: b_manifest_bytes(w, d, b"[1,2,3]")),
    "manifest nested 100,000 deep": ("bad_manifest", lambda w, d: b_manifest_bytes(
        w, d, b"[" * 100_000 + b"]" * 100_000)),
    "manifest with a field nested 100,000 deep": ("bad_manifest", lambda w, d: b_manifest_bytes(
        w, d, zip_parts(w.b_path)[bundle.MANIFEST][:-2] + b',"x":' + b"[" * 100_000 + b"]" * 100_000 + b"}")),
    "manifest over 1 MiB": ("too_large", lambda w, d: b_manifest_bytes(w, d, big_manifest(w))),
    "another format": ("not_a_bundle", lambda w, d: as_b(w, d, manifest=manifest_with(w, format="zip-bundle"))),
    "a format newer than this office reads": ("format_too_new", lambda w, d: as_b(
        w, d, manifest=manifest_with(w, format_version=bundle.READS_UP_TO + 1))),
    # Format 2 is an office's bundle: a gate's records cannot pass for one, nor one for a gate's.
    "gate bundle as format 2": ("bad_manifest", lambda w, d: as_b(w, d, manifest=manifest_with(w, format_version=2))),
    "kind office in format 1": ("bad_manifest", lambda w, d: as_b(w, d, manifest=manifest_with(
        w, kind="office", forwarded=[], format_version=1))),
    # An office's bundle as GateDesk wrote them before relays carried the gates' own bundles.
    "kind office in format 3, vouching": ("relay_unverified", lambda w, d: as_b(w, d, manifest=manifest_with(
        w, kind="office", forwarded=[], format_version=3))),
    "kind office in format 4 listing forwarded gates": ("bad_manifest", lambda w, d: as_b(
        w, d, manifest=manifest_with(w, kind="office", forwarded=[], format_version=4))),
    "a gate bundle as format 4": ("bad_manifest", lambda w, d: as_b(w, d, manifest=manifest_with(w, format_version=4))),
    "format version as text": ("bad_manifest", lambda w, d: as_b(w, d, manifest=manifest_with(w, format_version="1"))),
    "sequence 2^64": ("bad_manifest", lambda w, d: as_b(w, d, manifest=manifest_with(w, sequence=2**64))),
    "sequence 10^12": ("bad_manifest", lambda w, d: as_b(w, d, manifest=manifest_with(w, sequence=10**12))),
    "sequence 0": ("bad_manifest", lambda w, d: as_b(w, d, manifest=manifest_with(w, sequence=0))),
    "sequence -1": ("bad_manifest", lambda w, d: as_b(w, d, manifest=manifest_with(w, sequence=-1))),
    "sequence as text": ("bad_manifest", lambda w, d: as_b(w, d, manifest=manifest_with(w, sequence="2"))),
    "sequence a million ahead": ("implausible_sequence", lambda w, d: as_b(w, d, manifest=manifest_with(
        w, sequence=1_000_001))),
    "made in year 9999": ("bad_manifest", lambda w, d: as_b(w, d, manifest=manifest_with(
        w, created_at="9999-12-31T23:59:59.999999Z"))),
    "made in year 1": ("bad_manifest", lambda w, d: as_b(w, d, manifest=manifest_with(
        w, created_at="0001-01-01T00:00:00.000000Z"))),
    "made on February 30": ("bad_manifest", lambda w, d: as_b(w, d, manifest=manifest_with(
        w, created_at="2022-02-30T01:00:00.000000Z"))),
    "made tomorrow": ("future_record", lambda w, d: as_b(w, d, manifest=manifest_with(
        w, created_at=wire.wire_time(LATER + timedelta(days=1))))),
    "station id in capitals": ("bad_manifest", lambda w, d: as_b(w, d, manifest=lambda m: m["station"].update(
        id=m["station"]["id"].upper()))),
    "public key not base64": ("bad_manifest", lambda w, d: as_b(w, d, manifest=manifest_with(
        w, station__public_key="not a key!"))),
    "station at another gate than the manifest's": ("bad_manifest", lambda w, d: as_b(w, d, manifest=manifest_with(
        w, station__gate_id="00000000-0000-4000-8000-000000000001"))),
    "a compound name of 101 characters": ("bad_manifest", lambda w, d: as_b(w, d, manifest=manifest_with(
        w, compound__name="园" * 101))),
    "records -1": ("bad_manifest", lambda w, d: as_b(w, d, manifest=lambda m: m["members"][0].update(records=-1))),
    "bytes 2^40": ("bad_manifest", lambda w, d: as_b(w, d, manifest=lambda m: m["members"][0].update(bytes=2**40))),
    "checksum not hex": ("bad_manifest", lambda w, d: as_b(w, d, manifest=lambda m: m["members"][0].update(
        sha256="z" * 64))),
    "65 members listed": ("bad_manifest", lambda w, d: as_b(w, d, manifest=lambda m: m.update(
        members=m["members"] * 5))),
    "a member listed twice": ("corrupt", lambda w, d: as_b(w, d, manifest=lambda m: m["members"].append(
        dict(m["members"][0])))),
    "members out of order": ("bad_manifest", lambda w, d: as_b(w, d, manifest=lambda m: m.update(
        members=list(reversed(m["members"]))))),
    "a record type missing": ("missing_member", lambda w, d: raw_zip(d, {
        k: v for k, v in zip_parts(as_b(w, d.with_name("x-" + d.name), manifest=lambda m: m.update(
            members=[x for x in m["members"] if x["type"] != "tombstone"]))).items() if k != "tombstone.jsonl"})),
    "a listed member absent": ("missing_member", lambda w, d: raw_zip(d, {
        k: v for k, v in zip_parts(as_b(w, d.with_name("y-" + d.name))).items() if k != "parcel.jsonl"})),
    # -- signatures and stations ------------------------------------------------------------------
    "manifest changed, signature not": ("bad_signature", lambda w, d: raw_zip(d, {
        **zip_parts(w.b_path), bundle.MANIFEST: zip_parts(w.b_path)[bundle.MANIFEST].replace(b'"sequence": 1',
                                                                                               b'"sequence": 9')})),
    "signature garbage": ("bad_signature", lambda w, d: raw_zip(d, {**zip_parts(w.b_path), bundle.SIGNATURE: b"!!"})),
    "a known gate with another key": ("key_changed", lambda w, d: craft(
        w.b_path, d, w.a_key, manifest=lambda m: (next_of(m), m["station"].update(
            public_key=bundle.signing_public_key(w.a_key))))),
    # -- contents, sizes -----------------------------------------------------------------------------
    "a member's bytes changed": ("checksum_mismatch", lambda w, d: raw_zip(d, {
        **zip_parts(w.b_path), "visit.jsonl": zip_parts(w.b_path)["visit.jsonl"].replace(b"admit", b"adm1t", 1)})),
    "a plain zip bomb": ("too_large", lambda w, d: as_b(w, d, members={"tombstone.jsonl": lambda _: b" " * (64 << 20)
                                                                        + b"\n"})),
    "an encrypted zip bomb": ("too_large", encrypted_bomb),
    "a line over 1 MiB": ("too_large", lambda w, d: as_b(w, d, members={
        "visit.jsonl": lambda data: b'{"name":"' + b"x" * (2 << 20) + b'"}\n' + data})),
    "last line unterminated": ("corrupt", lambda w, d: as_b(w, d, members={
        "visit.jsonl": lambda data: data + b'{"id":"x"}'})),
    # -- records -------------------------------------------------------------------------------
    "a record nested 100,000 deep": ("invalid_record", lambda w, d: b_record(
        w, d, "visit.jsonl", lambda r: b"[" * 100_000 + b"]" * 100_000 + b"\n")),
    "a record that is an array": ("invalid_record", lambda w, d: b_record(w, d, "visit.jsonl", lambda r: b"[1]\n")),
    "a record that is not JSON": ("invalid_record", lambda w, d: b_record(w, d, "visit.jsonl", lambda r: b"{oops\n")),
    "a record not in UTF-8": ("invalid_record", lambda w, d: b_record(
        w, d, "visit.jsonl", lambda r: wire.canonical_line(dict(r, name="王")).replace("王".encode(), b"\xff\xfe"))),
    "rev 2^70": ("invalid_record", lambda w, d: b_record(w, d, "visit.jsonl", lambda r: dict(r, rev=2**70))),
    "rev 0": ("invalid_record", lambda w, d: b_record(w, d, "visit.jsonl", lambda r: dict(r, rev=0))),
    "rev that no copy can beat": ("invalid_record", lambda w, d: b_record(
        w, d, "visit.jsonl", lambda r: dict(r, rev=2**31 - 1))),
    "rev as text": ("invalid_record", lambda w, d: b_record(w, d, "visit.jsonl", lambda r: dict(r, rev="2"))),
    "items -1": ("invalid_record", lambda w, d: b_record(w, d, "disinfection_round.jsonl", lambda r: dict(r, items=-1))),
    "temperature NaN": ("invalid_record", lambda w, d: b_record(
        w, d, "visit.jsonl", lambda r: wire.canonical_line(dict(r, temperature=0.5)).replace(b"0.5", b"NaN"))),
    "temperature 1e400": ("invalid_record", lambda w, d: b_record(
        w, d, "visit.jsonl", lambda r: wire.canonical_line(dict(r, temperature=0.5)).replace(b"0.5", b"1e400"))),
    "temperature 10^12": ("invalid_record", lambda w, d: b_record(w, d, "visit.jsonl",
                                                                  lambda r: dict(r, temperature=1e12))),
    "temperature as text": ("invalid_record", lambda w, d: b_record(w, d, "visit.jsonl",
                                                                    lambda r: dict(r, temperature="hot"))),
    "an id in capitals": ("invalid_record", lambda w, d: b_record(w, d, "visit.jsonl",
                                                                  lambda r: dict(r, id=r["id"].upper()))),
    "an id that is no UUID": ("invalid_record", lambda w, d: b_record(w, d, "visit.jsonl",
                                                                      lambda r: dict(r, id="1 OR 1=1"))),
    "a field too many": ("invalid_record", lambda w, d: b_record(w, d, "visit.jsonl", lambda r: dict(r, admin=True))),
    "a field missing": ("invalid_record", lambda w, d: b_record(
        w, d, "visit.jsonl", lambda r: {k: v for k, v in r.items() if k != "decision"})),
    "a PIN hash sent with an operator": ("invalid_record", lambda w, d: b_record(
        w, d, "operator.jsonl", lambda r: dict(r, pin_hash="scrypt$x"))),
    "a name of 41 characters": ("invalid_record", lambda w, d: b_record(w, d, "visit.jsonl",
                                                                        lambda r: dict(r, name="王" * 41))),
    "a NUL in a name": ("invalid_record", lambda w, d: b_record(w, d, "visit.jsonl", lambda r: dict(r, name="王\x00五"))),
    "half a surrogate pair": ("invalid_record", lambda w, d: b_record(
        w, d, "visit.jsonl", lambda r: wire.canonical_line(dict(r, name="Q")).replace(b'"Q"', b'"\\ud800"'))),
    "a record made in year 9999": ("invalid_record", lambda w, d: b_record(
        w, d, "visit.jsonl", lambda r: dict(r, created_at="9999-01-01T00:00:00.000000Z"))),
    "a record made tomorrow": ("future_record", lambda w, d: b_record(
        w, d, "visit.jsonl", lambda r: dict(r, updated_at=wire.wire_time(LATER + timedelta(days=1))))),
    "signed out on February 30": ("invalid_record", lambda w, d: b_record(
        w, d, "visit.jsonl", lambda r: dict(r, time_out="2022-02-30T10:00:00.000000Z"))),
    "a time without microseconds": ("invalid_record", lambda w, d: b_record(
        w, d, "visit.jsonl", lambda r: dict(r, created_at="2022-11-28T01:00:00Z"))),
    "a time with an offset": ("invalid_record", lambda w, d: b_record(
        w, d, "visit.jsonl", lambda r: dict(r, created_at="2022-11-28T09:00:00.000000+08:00"))),
    "a mask as 1": ("invalid_record", lambda w, d: b_record(w, d, "visit.jsonl", lambda r: dict(r, mask=1))),
    "written by another station": ("invalid_record", lambda w, d: b_record(
        w, d, "visit.jsonl", lambda r: dict(r, station_id=a_station(w)[0]))),
    "the same record twice": ("duplicate_record", lambda w, d: as_b(w, d, members={
        "visit.jsonl": lambda data: data + joined([dict(lines(data)[0], destination="9-9-909")])})),
    # -- other stations' records ------------------------------------------------------------------
    "overwrites another gate's visit": ("not_owner", lambda w, d: as_a(w, d, "visit.jsonl", lambda w: [dict(
        B_VISIT(w), station_id=a_station(w)[0], gate_id=a_station(w)[1], rev=B_VISIT(w)["rev"] + 5)])),
    "renames another gate's compound": ("not_owner", lambda w, d: as_a(w, d, "compound.jsonl", lambda w: [dict(
        member(w.b_path, "compound.jsonl")[0], station_id=a_station(w)[0], gate_id=None, rev=9, name="改名")])),
    "takes over another gate": ("not_owner", lambda w, d: as_a(w, d, "gate.jsonl", lambda w: [dict(
        member(w.b_path, "gate.jsonl")[0], station_id=a_station(w)[0], gate_id=None, rev=9)])),
    "deletes another gate's parcel": ("not_owner", lambda w, d: as_a(w, d, "tombstone.jsonl", lambda w: [stone(
        *a_station(w), "parcel", member(w.b_path, "parcel.jsonl")[0]["id"])])),
    "a case on another gate's visit": ("not_owner", lambda w, d: as_a(w, d, "isolation_case.jsonl", lambda w: [
        case_of(*a_station(w), B_VISIT(w)["id"], "5a1d7c3e-8b2f-4e6a-9d0c-7f3b2a1e6c58")])),
    "a visit at another gate": ("not_owner", lambda w, d: as_a(w, d, "visit.jsonl", lambda w: [dict(
        member(w.a_path, "visit.jsonl")[0], id="6c3f9e5a-2d4b-4f8c-9a1e-8b7d6c5f4e30",
        gate_id=member(w.b_path, "gate.jsonl")[0]["id"])])),
    "the office's own administrator": ("not_owner", lambda w, d: as_a(w, d, "operator.jsonl", lambda w: [dict(
        member(w.a_path, "operator.jsonl")[0], id=w.office_admin, name="冒名", role="admin")])),
    "the office's own station": ("not_owner", lambda w, d: craft(
        w.a_path, d, w.a_key, manifest=lambda m: (next_of(m), m["station"].update(id=w.office_station)))),
    "a case on a visit that does not exist": ("missing_reference", lambda w, d: as_a(
        w, d, "isolation_case.jsonl", lambda w: [case_of(*a_station(w), "00000000-0000-4000-8000-000000000000",
                                                          "6b2e8d4f-9c3a-4f7b-8e1d-0a4c3b2f7d69")])),
    # a parent written earlier in the same file, of another kind: found as written, refused all the same
    "a home service whose resident is a round it brought": ("missing_reference", lambda w, d: as_b(w, d, members={
        "testing_round.jsonl": lambda data: data + joined([dict(
            member(w.b_path, "testing_round.jsonl")[0], id="3c8e1a5f-7d2b-4e9a-8f6c-1b0a9d8e7c65")]),
        "home_service.jsonl": lambda data: data + joined([dict(
            member(w.b_path, "home_service.jsonl")[0], id="4d9f2b6a-8e3c-4f0b-9a7d-2c1b0e9f8d76",
            need_id="3c8e1a5f-7d2b-4e9a-8f6c-1b0a9d8e7c65", parcel_id=None)])})),
    "a deletion of an unknown kind": ("invalid_record", lambda w, d: as_a(w, d, "tombstone.jsonl", lambda w: [stone(
        *a_station(w), "resident", "7d3e1f5a-4b6c-4a8d-9e2f-1a0b9c8d7e6f")])),
    "a deletion of a record still referred to": ("still_referenced", lambda w, d: as_b(w, d, members={
        "isolation_case.jsonl": lambda data: data + joined([case_of(
            B_VISIT(w)["station_id"], B_VISIT(w)["gate_id"], B_VISIT(w)["id"], "8d4f0a6b-1e5c-4a9d-b3f2-7c6e5d4a9b80")]),
        "tombstone.jsonl": lambda data: data + joined([stone(B_VISIT(w)["station_id"], B_VISIT(w)["gate_id"], "visit",
                                                            B_VISIT(w)["id"])])})),
}


def build(world: World, name: str) -> Path:
    folder = world.root / "cases"
    folder.mkdir(exist_ok=True)
    dest = folder / f"{len(list(folder.glob('*.gdbundle'))):03d}.gdbundle"
    return CASES[name][1](world, dest)


@pytest.fixture(scope="module")
def crafted(world) -> dict[str, Path]:
    return {name: build(world, name) for name in CASES}


def test_the_suite_is_large_enough():
    assert len(CASES) >= 60


@dataclass
class OfficeCopy:
    """A fresh copy of the world's office on this run's engine."""
    open: Callable
    unchanged: Callable[[], bool]
    url: str | None = None  # on a server


@pytest.fixture(scope="module")
def pg_world(world, pg_server):
    """The world's office, row for row, on the server: a template each test copies. With its snapshot."""
    url = pg_server.new_database()
    source, target = open_database(world.office), open_database(url)
    copy_rows(source, target)
    before = snapshot(target)
    source.close()
    target.close()
    yield url, before
    pg_server.drop_database(url)


@pytest.fixture
def world_office(world, office_engine, tmp_path, request) -> OfficeCopy:
    if office_engine == "sqlite":
        path = tmp_path / "gatedesk.sqlite3"
        shutil.copy(world.office, path)
        return OfficeCopy(lambda: open_database(path), lambda: path.read_bytes() == world.office.read_bytes())
    server = request.getfixturevalue("pg_server")
    template, before = request.getfixturevalue("pg_world")
    url = server.new_database(template=template.rsplit("/", 1)[1])

    def unchanged() -> bool:
        db = open_database(url)
        try:
            return snapshot(db) == before
        finally:
            db.close()
    return OfficeCopy(lambda: open_database(url), unchanged, url)


@pytest.mark.parametrize("name", list(CASES))
def test_each_is_rejected_with_its_reason_and_the_office_file_is_unchanged(world, crafted, world_office, name):
    db = world_office.open()
    summary = Importer(db, clock=lambda: LATER).run(crafted[name])
    db.close()
    expected = CASES[name][0]
    assert (summary.status, summary.problem.code if summary.problem else None) == ("rejected", expected), \
        (name, summary.problem and summary.problem.message.render(lambda c, t: t))
    assert summary.problem.message.render(lambda c, t: t)  # a message for people
    assert world_office.unchanged(), name


def test_a_station_never_enrolled_is_held_and_changes_nothing(world, world_office, tmp_path):
    stranger = open_database(tmp_path / "s" / "gatedesk.sqlite3")
    create_demo(stranger, days=1, visits_per_day=5, seed=9, compound="某小区", gate="南门", now=NOW)
    path = export_bundle(stranger, tmp_path / "usb", sheets=False, now=NOW).path
    stranger.close()
    db = world_office.open()
    summary = Importer(db, clock=lambda: LATER).run(path)
    db.close()
    assert (summary.status, summary.problem.code, summary.fingerprint) == ("held", "not_enrolled", fingerprint(path))
    assert world_office.unchanged()


def test_with_all_of_them_in_one_run_the_valid_bundle_is_still_imported(world, crafted, world_office):
    db = world_office.open()
    paths = list(crafted.values()) + [world.valid]
    summaries = Importer(db, clock=lambda: LATER).run_all(paths)
    db.close()
    by_path = {s.path: s for s in summaries}
    for name, path in crafted.items():
        assert (by_path[path].status, by_path[path].problem.code) == ("rejected", CASES[name][0]), name
    assert by_path[world.valid].status == "accepted" and by_path[world.valid].total("created") > 0


def test_the_command_line_prints_one_object_per_file_and_imports_the_valid_one(world, crafted, tmp_path):
    data = tmp_path / "office"
    data.mkdir()
    shutil.copy(world.office, data / "gatedesk.sqlite3")
    # The command line imports by the computer's clock, not the suite's: "tomorrow" is only tomorrow for an office
    # whose clock is the suite's, so those two files are left to the tests above.
    paths = [str(p) for n, p in crafted.items() if CASES[n][0] != "future_record"] + [str(world.valid)]
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", "--data-dir", str(data), "--json", *paths],
                       capture_output=True, text=True, timeout=300, env=dict(os.environ, GATEDESK_LANG="zh_CN"))
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr[-2000:]
    objects = [json.loads(line) for line in r.stdout.splitlines()]
    assert [o["file"] for o in objects] == paths
    odd = [(o["file"], o["status"], o["reason"]) for o in objects[:-1] if o["status"] != "rejected" or not o["message"]]
    assert odd == []
    assert objects[-1]["status"] == "accepted" and objects[-1]["created"] > 0
