"""Gates export bundles, an office imports them: the union, exactly once, or nothing at all."""
from __future__ import annotations

import json
import shutil
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from models import sync
from models.app.demo import create_demo
from models.app.stats import record_counts
from models.formats import bundle, wire
from models.kit.validation import InvalidInput
from models.store.db import open_database
from models.store.i18n import plain_translator
from models.sync import Importer, ensure_office, export_bundle
from tests.conftest import NOW, OFFICE_NOW
from tests.sync_helpers import craft, enroll, signing_key

GATES = (("榕城花园", "东门", 1), ("三坊小区", "北门", 2))


@pytest.fixture(autouse=True)
def every_batch_claimed(monkeypatch):
    """On a server a batch of a few records is asked about first, a bigger one claimed: here every
    batch is claimed, so the demo's small members go through the claim, its staging merge and its
    take-back too (the other modules' demo-sized members go the other way)."""
    from models.store import bulk

    monkeypatch.setattr(bulk, "CLAIM_FROM", 1)


def make_gate(path: Path, compound: str, gate: str, seed: int, office=None):
    """A demo gate whose days end at the suite's fixed moment (enrolled at the office, if given)."""
    db = open_database(path / "gatedesk.sqlite3")
    create_demo(db, days=2, visits_per_day=60, parcels_per_day=20, seed=seed, compound=compound, gate=gate, now=NOW)
    if office is not None:
        enroll(office, db)
    return db


@pytest.fixture(scope="module")
def gates(tmp_path_factory):
    """Two demo gates and the first bundle of each."""
    root = tmp_path_factory.mktemp("gates")
    out = []
    for compound, gate, seed in GATES:
        db = make_gate(root / gate, compound, gate, seed)
        result = export_bundle(db, root / "usb", sheets=False, now=NOW)
        with db.session() as s:
            counts = record_counts(s)
        out.append((db, result.path, counts))
    yield out
    for db, _, _ in out:
        db.close()


@pytest.fixture
def office(tmp_path, gates, open_office):
    """An office that has enrolled both gates (on each engine)."""
    db = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    ensure_office(db)
    enroll(db, *(g[0] for g in gates))
    yield db
    db.close()


def copy(src: Path, tmp_path: Path, name: str | None = None) -> Path:
    dest = tmp_path / (name or src.name)
    shutil.copy(src, dest)
    return dest


def snapshot(db) -> dict:
    """Every row of every table: 'nothing changed' means this is equal."""
    with db.engine.connect() as c:
        return {n: sorted(map(tuple, c.execute(text(f'SELECT * FROM "{n}"'))), key=repr)
                for n in sorted(inspect(c).get_table_names())}


def rezip(src: Path, dest: Path, *, members=None, manifest=None, signing_key: str | None = None,
          extra: dict[str, bytes] | None = None, drop: set[str] = frozenset()) -> Path:
    """Rewrite a bundle, changing members or the manifest (re-signed only when given the key)."""
    with zipfile.ZipFile(src) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    for name, edit in (members or {}).items():
        parts[name] = edit(parts[name])
    if manifest is not None:
        body = json.loads(parts[bundle.MANIFEST])
        manifest(body)
        parts[bundle.MANIFEST] = json.dumps(body, ensure_ascii=False, sort_keys=True, indent=1).encode()
        if signing_key:
            from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

            key = Ed25519PrivateKey.from_private_bytes(bundle.unb64(signing_key))
            parts[bundle.SIGNATURE] = bundle.b64(key.sign(parts[bundle.MANIFEST])).encode()
    parts.update(extra or {})
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            if name not in drop:
                zf.writestr(name, data)
    return dest


def resign_member(src: Path, dest: Path, key: str, member: str, edit) -> Path:
    """A well-formed, correctly signed bundle whose member content was changed by its own station."""
    return craft(src, dest, key, members={member: edit})


# -- the union, in any order, exactly once ---------------------------------------------------
@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_two_gates_import_in_either_order_and_reimport_changes_nothing(gates, office, tmp_path, order):
    importer = Importer(office, clock=lambda: OFFICE_NOW)
    first = [importer.run(gates[i][1]) for i in order]
    assert [s.status for s in first] == ["accepted", "accepted"]
    with office.session() as s:
        counts = record_counts(s)
    for key in ("visits", "isolation_cases", "parcels", "disinfection_rounds", "readiness_checks", "compounds",
                "gates", "stations", "operators"):
        assert counts[key] == gates[0][2][key] + gates[1][2][key], key
    assert first[0].total("created") == sum(first[0].created.values()) > 100
    before = snapshot(office)
    again = [importer.run(gates[i][1]) for i in (1, 0)]
    assert [s.total("created") + s.total("updated") + len(s.conflicts) for s in again] == [0, 0]
    assert all(s.already_imported for s in again)
    assert snapshot(office) == before


def test_dry_run_reports_the_same_counts_and_changes_nothing(gates, office):
    before = snapshot(office)
    dry = Importer(office, clock=lambda: OFFICE_NOW).run(gates[0][1], dry_run=True)
    assert dry.status == "accepted" and dry.total("created") > 100
    assert snapshot(office) == before
    real = Importer(office, clock=lambda: OFFICE_NOW).run(gates[0][1])
    assert (real.created, real.updated, real.unchanged) == (dry.created, dry.updated, dry.unchanged)


def test_an_edit_at_the_gate_arrives_as_an_update_in_the_next_bundle(tmp_path, office):
    from models.gate import visits

    gate = make_gate(tmp_path / "g", "榕城花园", "东门", 5, office)
    first = export_bundle(gate, tmp_path / "usb", sheets=False, now=NOW)
    with gate.session() as s:
        inside = visits.on_site(s)[0]
        visits.sign_out(session=s, visit_id=inside.id, operator_id=None, now=NOW + timedelta(minutes=30))
        s.commit()
    second = export_bundle(gate, tmp_path / "usb", sheets=False, now=NOW + timedelta(hours=1))
    assert second.seq == first.seq + 1
    assert second.counts["visit"] < first.counts["visit"]  # only what changed since, and its parents
    importer = Importer(office, clock=lambda: OFFICE_NOW)
    # The newer bundle first: the older one then finds nothing newer to apply.
    s2, s1 = importer.run(second.path), importer.run(first.path)
    assert s2.created["visit"] >= 1 and s1.updated.get("visit", 0) == 0
    with office.engine.connect() as c:
        time_out, rev = c.execute(text("SELECT time_out, rev FROM visit WHERE id = :i"), {"i": inside.id}).one()
    assert time_out is not None and rev == 2
    gate.close()


def test_day_range_export_holds_only_those_days_and_is_numbered_too(tmp_path):
    gate = make_gate(tmp_path / "g", "榕城花园", "东门", 6)
    today = NOW.astimezone(__import__("zoneinfo").ZoneInfo("Asia/Shanghai")).date()
    whole = export_bundle(gate, tmp_path / "a", sheets=False, now=NOW)
    one_day = export_bundle(gate, tmp_path / "b", day_from=today, day_to=today, sheets=False, now=NOW)
    assert one_day.seq == whole.seq + 1
    assert 0 < one_day.counts["visit"] < whole.counts["visit"]
    assert one_day.path.name.endswith(f"{today:%Y%m%d}-{today:%Y%m%d}_00002.gdbundle")
    # A range the wrong way round, or with one end only, is refused before anything is numbered.
    for days in (dict(day_from=today, day_to=today - timedelta(days=1)), dict(day_from=today)):
        with pytest.raises(InvalidInput) as bad:
            export_bundle(gate, tmp_path / "c", sheets=False, now=NOW, **days)
        assert bad.value.fields() == {"day_to"}
    assert not (tmp_path / "c").exists() and export_bundle(gate, tmp_path / "d", sheets=False, now=NOW).seq == 3
    gate.close()


# -- conflicts -------------------------------------------------------------------------------
def test_same_id_and_revision_with_other_content_is_a_conflict_never_an_overwrite(gates, office, tmp_path):
    db, path, _ = gates[0]
    key = signing_key(db)

    def change_one_name(data: bytes) -> bytes:
        lines = data.splitlines(keepends=True)
        record = json.loads(lines[0])
        record["destination"] = "改过的去向"
        lines[0] = wire.canonical_line(record)
        return b"".join(lines)

    assert Importer(office, clock=lambda: OFFICE_NOW).run(path).status == "accepted"
    forged = resign_member(path, tmp_path / "x.gdbundle", key, "visit.jsonl", change_one_name)
    summary = Importer(office, clock=lambda: OFFICE_NOW).run(forged)
    assert summary.status == "accepted" and len(summary.conflicts) == 1
    (rtype, rid), = summary.conflicts
    with office.engine.connect() as c:
        dest = c.execute(text("SELECT destination FROM visit WHERE id = :i"), {"i": rid}).scalar_one()
    assert dest != "改过的去向"  # the office's copy stands until a person decides
    # The same conflicting file again: one conflict, not two.
    assert Importer(office, clock=lambda: OFFICE_NOW).run(forged).conflicts == []
    with office.session() as s:
        [conflict] = sync.open_conflicts(s)
    assert json.loads(conflict.incoming)["destination"] == "改过的去向"
    sync.resolve_conflict(office, conflict.id, take_incoming=True, operator_id=None)
    with office.engine.connect() as c:
        assert c.execute(text("SELECT destination FROM visit WHERE id = :i"), {"i": rid}).scalar_one() == "改过的去向"
    with office.session() as s:
        assert sync.open_conflicts(s) == []


# -- every rejection reason, and nothing changes ---------------------------------------------
def expect_rejected(office, path: Path, code: str, record: str | None = None):
    before = snapshot(office)
    summary = Importer(office, clock=lambda: OFFICE_NOW).run(path)
    assert summary.status == "rejected", summary
    assert summary.problem.code == code, summary.problem
    if record is not None:
        assert summary.problem.record_id == record
    assert summary.problem.message.text  # a sentence for people, not just a code
    assert snapshot(office) == before
    return summary


def test_truncated_file(gates, office, tmp_path):
    data = gates[0][1].read_bytes()
    cut = tmp_path / "cut.gdbundle"
    cut.write_bytes(data[: len(data) * 2 // 3])
    expect_rejected(office, cut, "truncated")


def test_not_a_bundle(office, tmp_path):
    junk = tmp_path / "junk.gdbundle"
    junk.write_bytes("这不是压缩包".encode() * 100)
    expect_rejected(office, junk, "not_a_bundle")


def test_changed_content_fails_its_checksum(gates, office, tmp_path):
    def flip(data: bytes) -> bytes:  # same length, so only the checksum can tell
        return data.replace(b'"rev":1', b'"rev":7', 1)

    bad = rezip(gates[0][1], tmp_path / "t.gdbundle", members={"visit.jsonl": flip})
    expect_rejected(office, bad, "checksum_mismatch")


def test_changed_manifest_fails_the_signature(gates, office, tmp_path):
    bad = rezip(gates[0][1], tmp_path / "t.gdbundle", manifest=lambda m: m.update(sequence=99))
    expect_rejected(office, bad, "bad_signature")


def test_another_key_for_a_known_station_is_refused_until_trusted(gates, office, tmp_path):
    db, path, _ = gates[0]
    assert Importer(office, clock=lambda: OFFICE_NOW).run(path).status == "accepted"
    other = bundle.new_signing_key()
    forged = rezip(path, tmp_path / "k.gdbundle", signing_key=other, manifest=lambda m: m["station"].update(
        public_key=bundle.signing_public_key(other)))
    expect_rejected(office, forged, "key_changed")
    assert Importer(office, clock=lambda: OFFICE_NOW, trust_new_key=True).run(forged).status == "accepted"


def test_newer_format(gates, office, tmp_path):
    bad = rezip(gates[0][1], tmp_path / "n.gdbundle", manifest=lambda m: m.update(format_version=bundle.READS_UP_TO + 1),
                signing_key=signing_key(gates[0][0]))
    expect_rejected(office, bad, "format_too_new")


def test_missing_and_extra_members(gates, office, tmp_path):
    missing = rezip(gates[0][1], tmp_path / "m.gdbundle", drop={"parcel.jsonl"})
    expect_rejected(office, missing, "missing_member")
    extra = rezip(gates[0][1], tmp_path / "e.gdbundle", extra={"notes.txt": b"hello"})
    expect_rejected(office, extra, "unexpected_member")


def test_paths_that_escape_the_folder(gates, office, tmp_path):
    bad = rezip(gates[0][1], tmp_path / "p.gdbundle", extra={"../../evil.jsonl": b"{}\n"})
    expect_rejected(office, bad, "unsafe_path")


def test_zip_bomb(gates, office, tmp_path):
    key = signing_key(gates[0][0])
    bomb = resign_member(gates[0][1], tmp_path / "b.gdbundle", key, "tombstone.jsonl",
                         lambda _: b" " * (64 << 20) + b"\n")
    assert bomb.stat().st_size < 1 << 20
    expect_rejected(office, bomb, "too_large")


def test_invalid_field_value_names_the_record(gates, office, tmp_path):
    def bad_temperature(data: bytes) -> bytes:
        lines = data.splitlines(keepends=True)
        record = json.loads(lines[-1])
        record["temperature"] = "hot"
        lines[-1] = wire.canonical_line(record)
        bad_temperature.id = record["id"]
        return b"".join(lines)

    bad = resign_member(gates[0][1], tmp_path / "v.gdbundle", signing_key(gates[0][0]), "visit.jsonl",
                        bad_temperature)
    summary = expect_rejected(office, bad, "invalid_record", record=bad_temperature.id)
    said = summary.problem.message.render(plain_translator("zh_CN"))
    assert "temperature" in said and "float" in said and "hot" not in said  # the field, never the value


def test_records_of_another_station_are_refused(gates, office, tmp_path):
    def steal(data: bytes) -> bytes:
        lines = data.splitlines(keepends=True)
        record = json.loads(lines[0])
        record["station_id"] = "00000000-0000-4000-8000-000000000000"
        lines[0] = wire.canonical_line(record)
        return b"".join(lines)

    bad = resign_member(gates[0][1], tmp_path / "s.gdbundle", signing_key(gates[0][0]), "parcel.jsonl", steal)
    expect_rejected(office, bad, "invalid_record")


def test_records_dated_in_the_future(gates, office):
    before = snapshot(office)
    summary = Importer(office, clock=lambda: NOW - timedelta(days=5)).run(gates[0][1])
    assert summary.status == "rejected" and summary.problem.code == "future_record"
    assert snapshot(office) == before


def test_a_bad_file_changes_nothing_and_the_others_still_import(gates, office, tmp_path):
    """The bad record sits in a late member: the file's earlier members must not stay behind."""
    def bad_round(data: bytes) -> bytes:
        lines = data.splitlines(keepends=True)
        record = json.loads(lines[0])
        record["items"] = -1.5
        lines[0] = wire.canonical_line(record)
        return b"".join(lines)

    bad = resign_member(gates[0][1], tmp_path / "late.gdbundle", signing_key(gates[0][0]),
                        "disinfection_round.jsonl", bad_round)
    results = [Importer(office, clock=lambda: OFFICE_NOW).run(p) for p in (bad, gates[1][1])]
    assert [r.status for r in results] == ["rejected", "accepted"]
    with office.session() as s:
        counts = record_counts(s)
    assert counts["visits"] == gates[1][2]["visits"]
    assert counts["compounds"] == 1


def test_cancel_leaves_the_database_as_before(gates, office):
    before = snapshot(office)
    calls = []
    summary = Importer(office, clock=lambda: OFFICE_NOW).run(gates[0][1], progress=lambda d, t: calls.append(d),
                                   cancelled=lambda: bool(calls))
    assert summary.status == "cancelled"
    assert snapshot(office) == before


# -- encryption ------------------------------------------------------------------------------
def test_encrypted_bundles_open_only_at_their_office(tmp_path, office):
    gate = make_gate(tmp_path / "g", "榕城花园", "东门", 3, office)
    with office.session() as s:
        key = sync.office_key_file(s, "温泉社区")
        s.commit()
    with gate.session() as s:
        sync.load_office_key(s, sync.OfficeKeyFile.loads(key.dumps()))
        s.commit()
    result = export_bundle(gate, tmp_path / "usb", sheets=False, now=NOW)
    assert result.encrypted
    with zipfile.ZipFile(result.path) as zf:
        raw = b"".join(zf.read(n) for n in zf.namelist() if n.endswith(".enc"))
    with gate.engine.connect() as c:
        a_name = c.execute(text("SELECT name FROM visit LIMIT 1")).scalar_one()
    assert a_name.encode() not in raw  # a lost USB stick shows no names

    other = open_database(tmp_path / "other" / "gatedesk.sqlite3")
    ensure_office(other)
    enroll(other, gate)
    with other.session() as s:
        sync.office_key_file(s, "别的社区")
        s.commit()
    expect_rejected(other, result.path, "not_for_this_office")
    other.close()
    keyless = open_database(tmp_path / "keyless" / "gatedesk.sqlite3")
    ensure_office(keyless)
    enroll(keyless, gate)
    expect_rejected(keyless, result.path, "encrypted_no_key")
    keyless.close()

    summary = Importer(office, clock=lambda: OFFICE_NOW).run(result.path)
    assert summary.status == "accepted" and summary.created["visit"] == 120
    # A frame cut out of the middle is caught, not silently skipped.
    cut = tmp_path / "cut.gdbundle"

    def drop_frame(data: bytes) -> bytes:
        import struct

        (n,) = struct.unpack(">I", data[:4])
        return data[4 + n:]

    resign_member(result.path, cut, signing_key(gate), "visit.jsonl.enc", drop_frame)
    assert Importer(office, clock=lambda: OFFICE_NOW).run(cut).status == "rejected"
    gate.close()


def test_office_key_file_round_trip_and_damage(office):
    with office.session() as s:
        key = sync.office_key_file(s, "温泉社区")
        again = sync.office_key_file(s, "温泉社区")
    assert key == again  # made once
    assert sync.OfficeKeyFile.loads(key.dumps()) == key
    damaged = json.loads(key.dumps())
    damaged["public_key"] = bundle.b64(b"\x01" * 32)
    with pytest.raises(sync.BadKeyFile):
        sync.OfficeKeyFile.loads(json.dumps(damaged))


# -- completeness, deletions ---------------------------------------------------------------------
def test_a_missing_sequence_number_is_a_visible_gap(tmp_path, office):
    gate = make_gate(tmp_path / "g", "榕城花园", "东门", 4, office)
    paths = [export_bundle(gate, tmp_path / f"usb{i}", sheets=False, now=NOW).path for i in range(3)]
    for p in (paths[0], paths[2]):
        assert Importer(office, clock=lambda: OFFICE_NOW).run(p).status == "accepted"
    with office.session() as s:
        report = next(r for r in sync.completeness(s) if r.gate_name == "东门" and r.last_seq == 3)
    assert (report.last_seq, report.missing, report.missing_count) == (3, [(2, 2)], 1)
    assert Importer(office, clock=lambda: OFFICE_NOW).run(paths[1]).status == "accepted"
    with office.session() as s:
        assert all(r.missing == [] for r in sync.completeness(s))
    gate.close()


def _a_parcel_deleted_between_two_bundles(tmp_path, office):
    """A gate's first bundle, then a parcel deleted on purpose, then its next bundle (the deletion)."""
    from models.setup.site import this_station
    from models.sync.tables import Tombstone

    gate = make_gate(tmp_path / "g", "榕城花园", "东门", 8, office)
    first = export_bundle(gate, tmp_path / "usb", sheets=False, now=NOW)
    with gate.engine.begin() as c:
        parcel_id = c.execute(text("SELECT id FROM parcel LIMIT 1")).scalar_one()
        c.execute(text("DELETE FROM parcel WHERE id = :i"), {"i": parcel_id})
    with gate.session() as s:
        ctx = this_station(s)
        deleted = NOW + timedelta(minutes=30)
        s.add(Tombstone(station_id=ctx.station_id, gate_id=ctx.gate_id, record_type="parcel",
                        record_id=parcel_id, reason="retention", created_at=deleted, updated_at=deleted))
        s.commit()
    return gate, first, export_bundle(gate, tmp_path / "usb", sheets=False, now=NOW + timedelta(hours=1)), parcel_id


def test_a_deletion_travels_and_an_older_bundle_cannot_bring_the_record_back(tmp_path, office):
    gate, first, second, parcel_id = _a_parcel_deleted_between_two_bundles(tmp_path, office)
    importer = Importer(office, clock=lambda: OFFICE_NOW)
    assert importer.run(first.path).status == "accepted"
    assert importer.run(second.path).status == "accepted"
    assert importer.run(first.path).status == "accepted"  # re-import the older one
    with office.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM parcel WHERE id = :i"), {"i": parcel_id}).scalar() == 0
    gate.close()


def test_a_record_whose_deletion_arrived_first_stays_out_when_its_older_bundle_comes(tmp_path, office):
    """The sticks came in the wrong order: the bundle carrying the deletion, then the older one
    carrying the record. The record stays deleted, and nothing of it is kept (on a server too,
    where the import claims a batch's new ids before it looks at them)."""
    gate, first, second, parcel_id = _a_parcel_deleted_between_two_bundles(tmp_path, office)
    importer = Importer(office, clock=lambda: OFFICE_NOW)
    assert importer.run(second.path).status == "accepted"
    older = importer.run(first.path)
    assert older.status == "accepted" and older.unchanged.get("parcel", 0) >= 1
    with office.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM parcel WHERE id = :i"), {"i": parcel_id}).scalar() == 0
        assert c.execute(text("SELECT count(*) FROM sync_record WHERE id = :i"), {"i": parcel_id}).scalar() == 0
        at_office = c.execute(text("SELECT count(*) FROM parcel")).scalar()
    with gate.engine.connect() as c:
        assert at_office == c.execute(text("SELECT count(*) FROM parcel")).scalar()  # the rest all came
    gate.close()


def test_operators_arrive_without_their_pins(gates, office):
    Importer(office, clock=lambda: OFFICE_NOW).run(gates[0][1])
    with gates[0][0].session() as s:
        sync.ensure_signing_key(s)
    with zipfile.ZipFile(gates[0][1]) as zf:
        assert b"pin_hash" not in zf.read("operator.jsonl")
    with office.engine.connect() as c:
        assert set(c.execute(text("SELECT pin_hash FROM operator")).scalars()) == {""}


def test_member_lines_are_streamed_not_loaded(gates):
    """Reading a member yields lines as it goes: the first arrives before the member is read."""
    with bundle.open_bundle(gates[0][1]) as opened:
        member = next(m for m in opened.members if m.record_type == "visit")
        lines = opened.lines(member)
        first = next(lines)
        assert json.loads(first)["id"]
        rest = sum(1 for _ in lines)
    assert rest + 1 == member.records


def test_the_people_files_are_masked_and_open_in_excel(tmp_path):
    from openpyxl import load_workbook

    gate = make_gate(tmp_path / "g", "榕城花园", "东门", 9)
    result = export_bundle(gate, tmp_path / "usb", language="zh_CN", now=NOW)
    xlsx, visits_csv = result.sheets[0], result.sheets[1]
    raw = visits_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    header = raw[3:].decode().splitlines()[0]
    assert "姓名" in header and "手机号" in header
    book = load_workbook(xlsx, read_only=True)
    assert book.sheetnames == ["登记", "隔离", "寄存"]
    rows = list(book["登记"].iter_rows(values_only=True))
    assert len(rows) == 1 + result.counts["visit"]
    phones = [r[3] for r in rows[1:] if r[3]]
    assert phones and all("****" in p for p in phones)
    with gate.engine.connect() as c:
        full = set(c.execute(text("SELECT phone FROM visit WHERE phone IS NOT NULL")).scalars())
    assert not full & set(phones)
    admin = export_bundle(gate, tmp_path / "full", full_data=True, now=NOW)
    rows = list(load_workbook(admin.sheets[0], read_only=True)["登记"].iter_rows(values_only=True))
    assert {r[3] for r in rows[1:] if r[3]} <= full
    gate.close()


def test_bundle_stays_importable_when_read_through_a_slow_reader(gates, office, tmp_path, monkeypatch):
    """A USB stick returns short reads; the line splitter must not lose or join lines."""
    monkeypatch.setattr(bundle, "READ_CHUNK", 777)
    assert Importer(office, clock=lambda: OFFICE_NOW).run(gates[0][1]).total("created") > 100


def test_a_run_of_files_is_atomic_per_file_and_cancellable_whole(gates, office, tmp_path):
    cut = tmp_path / "cut.gdbundle"
    cut.write_bytes(gates[0][1].read_bytes()[:4000])
    importer = Importer(office, clock=lambda: OFFICE_NOW)
    preview = importer.run_all([gates[0][1], cut, gates[1][1]], dry_run=True)
    assert [s.status for s in preview] == ["accepted", "rejected", "accepted"]
    before = snapshot(office)
    seen = []
    # Cancel while the last file is being read: the first file's records go too.
    cancelled = importer.run_all([gates[0][1], gates[1][1]], progress=lambda d, t: seen.append(d),
                                 cancelled=lambda: bool(seen) and seen[-1] >= 1000)
    assert [s.status for s in cancelled] == ["cancelled", "cancelled"]
    assert snapshot(office) == before
    done = importer.run_all([gates[0][1], cut, gates[1][1]])
    assert [s.status for s in done] == ["accepted", "rejected", "accepted"]
    assert [s.total("created") > 0 for s in done] == [True, False, True]
    with office.session() as s:
        assert record_counts(s)["visits"] == gates[0][2]["visits"] + gates[1][2]["visits"]


def test_damaged_bytes_inside_a_member(gates, office, tmp_path):
    """A bad sector on the stick: the zip's directory is intact, a member's compressed data is not."""
    src = gates[0][1]
    with zipfile.ZipFile(src) as zf:
        info = zf.getinfo("visit.jsonl")
    data = bytearray(src.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 200, start + 260):
        data[i] ^= 0xFF
    bad = tmp_path / "damaged.gdbundle"
    bad.write_bytes(bytes(data))
    summary = expect_rejected(office, bad, "corrupt")
    assert "visit.jsonl" in summary.problem.message.params["detail"]


def test_a_folder_scan_skips_hidden_files(gates, tmp_path):
    """A half-written bundle (hidden until complete) and the ._ files a Mac leaves on a stick
    are not offered for import."""
    from models.sync import bundle_files

    stick = tmp_path / "stick"
    stick.mkdir()
    real = stick / gates[0][1].name
    real.write_bytes(gates[0][1].read_bytes())
    (stick / f"._{real.name}").write_bytes(b"\x00\x05\x16\x07")
    (stick / f".{real.stem}.1a2b.partial.gdbundle").write_bytes(b"PK\x03\x04")
    assert bundle_files([stick]) == [real]
