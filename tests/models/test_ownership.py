"""A record belongs to the station that first delivered it: no other station's bundle can
change it, delete it or hang its own records on it, whatever the office trusts."""
from __future__ import annotations

import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from models.app.demo import create_demo
from models.store.db import open_database
from models.sync import Importer, ensure_office, export_bundle
from tests.conftest import NOW, OFFICE_NOW, as_of
from tests.models.test_sync import snapshot
from tests.sync_helpers import craft, enroll, joined, lines, member, signing_key


@pytest.fixture(scope="module")
def gates(tmp_path_factory):
    """Victim gate B and attacker gate A (a real, enrolled gate gone bad), each with a bundle."""
    root = tmp_path_factory.mktemp("owners")
    out = {}
    for name, compound, gate, seed in (("B", "榕城花园", "东门", 1), ("A", "三坊小区", "北门", 2)):
        db = open_database(root / name / "gatedesk.sqlite3")
        create_demo(db, days=1, visits_per_day=30, parcels_per_day=5, seed=seed, compound=compound, gate=gate,
                    now=NOW)
        out[name] = (db, export_bundle(db, root / "usb" / name, sheets=False, now=NOW).path)
    yield out
    for db, _ in out.values():
        db.close()


@pytest.fixture
def office(tmp_path, gates, open_office):
    db = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    ensure_office(db)
    enroll(db, gates["A"][0], gates["B"][0])
    importer = Importer(db, clock=lambda: OFFICE_NOW)
    assert [importer.run(gates[n][1]).status for n in ("B", "A")] == ["accepted", "accepted"]
    yield db
    db.close()


def as_attacker(gates, tmp_path, name: str, edit) -> Path:
    """A's own bundle with one member rewritten by edit(A's records, B's records)."""
    a_path, b_path = gates["A"][1], gates["B"][1]
    theirs = member(b_path, name)
    return craft(a_path, tmp_path / f"attack-{name}", signing_key(gates["A"][0]),
                 members={name: lambda data: joined(edit(lines(data), theirs))},
                 manifest=lambda m: m.update(sequence=m["sequence"] + 1))


def a_station(gates) -> str:
    return member(gates["A"][1], "gate.jsonl")[0]["station_id"]


def expect(office, path: Path, code: str, record: str | None = None):
    before = snapshot(office)
    summary = Importer(office, clock=lambda: OFFICE_NOW).run(path)
    assert (summary.status, summary.problem.code if summary.problem else None) == ("rejected", code), summary.problem
    if record is not None:
        assert summary.problem.record_id == record
    assert snapshot(office) == before
    return summary


def test_another_station_cannot_overwrite_a_visit_with_a_higher_revision(gates, office, tmp_path):
    station = a_station(gates)

    def overwrite(mine, theirs):
        victim = dict(theirs[0], station_id=station, rev=theirs[0]["rev"] + 5, gate_id=mine[0]["gate_id"],
                      decision="refuse")
        return mine + [victim]

    path = as_attacker(gates, tmp_path, "visit.jsonl", overwrite)
    victim_id = member(gates["B"][1], "visit.jsonl")[0]["id"]
    summary = expect(office, path, "not_owner", victim_id)
    said = summary.problem.message.render(__import__("models.store.i18n", fromlist=["x"]).plain_translator("zh_CN"))
    assert victim_id in said and "榕城花园 东门" in said


def test_another_station_cannot_rename_a_compound(gates, office, tmp_path):
    station = a_station(gates)
    theirs = member(gates["B"][1], "compound.jsonl")[0]
    path = as_attacker(gates, tmp_path, "compound.jsonl", lambda mine, _t: mine + [
        dict(theirs, station_id=station, gate_id=None, rev=theirs["rev"] + 1, name="被改名小区")])
    expect(office, path, "not_owner", theirs["id"])


def test_another_station_cannot_delete_a_record(gates, office, tmp_path):
    station = a_station(gates)
    victim = member(gates["B"][1], "parcel.jsonl")[0]
    mine = member(gates["A"][1], "gate.jsonl")[0]
    stone = {"id": "0d5e8a2c-1b7f-4a8e-9c3d-2f6b1a0e9d84", "station_id": station, "gate_id": mine["id"],
             "operator_id": None, "created_at": "2022-11-28T01:00:00.000000Z",
             "updated_at": "2022-11-28T01:00:00.000000Z", "rev": 1, "record_type": "parcel",
             "record_id": victim["id"], "reason": "retention"}
    path = as_attacker(gates, tmp_path, "tombstone.jsonl", lambda m, _t: m + [stone])
    expect(office, path, "not_owner", victim["id"])
    with office.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM parcel WHERE id = :i"), {"i": victim["id"]}).scalar() == 1


def case_record(station: str, gate: str, visit_id: str, case_id: str) -> dict:
    at = "2022-11-28T01:30:00.000000Z"
    return {"id": case_id, "station_id": station, "gate_id": gate, "operator_id": None, "created_at": at,
            "updated_at": at, "rev": 1, "visit_id": visit_id, "name": "王五", "phone": None, "id_number": None,
            "reason_codes": "fever", "reason": "", "temperature": 38.1, "placed_at": at, "handed_to": None,
            "handed_at": None, "outcome": None, "closed_at": None, "closed_by": None}


def test_a_record_cannot_hang_on_another_stations_record(gates, office, tmp_path):
    station = a_station(gates)
    a_gate = member(gates["A"][1], "gate.jsonl")[0]["id"]
    b_visit = member(gates["B"][1], "visit.jsonl")[0]["id"]
    case_id = "5a1d7c3e-8b2f-4e6a-9d0c-7f3b2a1e6c58"
    path = as_attacker(gates, tmp_path, "isolation_case.jsonl",
                       lambda mine, _t: mine + [case_record(station, a_gate, b_visit, case_id)])
    expect(office, path, "not_owner", case_id)


def test_a_record_that_refers_to_nothing_is_refused(gates, office, tmp_path):
    station = a_station(gates)
    a_gate = member(gates["A"][1], "gate.jsonl")[0]["id"]
    case_id = "6b2e8d4f-9c3a-4f7b-8e1d-0a4c3b2f7d69"
    path = as_attacker(gates, tmp_path, "isolation_case.jsonl", lambda mine, _t: mine + [
        case_record(station, a_gate, "00000000-0000-4000-8000-000000000000", case_id)])
    summary = expect(office, path, "missing_reference", case_id)
    assert "visit 00000000-0000-4000-8000-000000000000" in summary.problem.message.params["target"]


def test_a_record_cannot_claim_another_gate(gates, office, tmp_path):
    b_gate = member(gates["B"][1], "gate.jsonl")[0]["id"]
    path = as_attacker(gates, tmp_path, "visit.jsonl", lambda mine, _t: [dict(mine[0], gate_id=b_gate)] + mine[1:])
    expect(office, path, "not_owner", member(gates["A"][1], "visit.jsonl")[0]["id"])


def test_a_record_the_office_made_itself_is_not_a_bundles_to_change(gates, tmp_path, open_office):
    from models.app.desk import Desk

    db = open_office(tmp_path / "office2" / "gatedesk.sqlite3")
    desk = Desk(db)
    desk.sync.complete_office_setup(office_name="温泉社区居委会", community="温泉社区", admin_name="林管理",
                               pin="1234", pin_again="1234", office_label="办公室")
    enroll(db, gates["A"][0])
    own_admin = desk.staff.operators()[0]

    def take_over(mine, _theirs):
        return mine + [dict(mine[0], id=own_admin.id, name="冒名", role="admin")]

    path = as_attacker(gates, tmp_path, "operator.jsonl", take_over)
    expect(db, path, "not_owner", own_admin.id)
    db.close()


def test_a_deletion_of_a_record_others_refer_to_is_refused_cleanly(gates, office, tmp_path):
    """The gate's own bundle: a case placed on one of its visits, and a deletion of that visit."""
    b_db, b_path = gates["B"]
    gate = member(b_path, "gate.jsonl")[0]
    referenced = member(b_path, "visit.jsonl")[0]["id"]
    case = case_record(gate["station_id"], gate["id"], referenced, "8d4f0a6b-1e5c-4a9d-b3f2-7c6e5d4a9b80")
    stone = {"id": "7c2e9a4b-3d1f-4b8e-a6c0-5e9d8f7a6b21", "station_id": gate["station_id"], "gate_id": gate["id"],
             "operator_id": None, "created_at": "2022-11-28T01:00:00.000000Z",
             "updated_at": "2022-11-28T01:00:00.000000Z", "rev": 1, "record_type": "visit",
             "record_id": referenced, "reason": "error"}
    path = craft(b_path, tmp_path / "b-deletes.gdbundle", signing_key(b_db),
                 members={"tombstone.jsonl": lambda data: data + joined([stone]),
                          "isolation_case.jsonl": lambda data: data + joined([case])},
                 manifest=lambda m: m.update(sequence=m["sequence"] + 1))
    summary = expect(office, path, "still_referenced", referenced)
    assert "isolation_case 8d4f0a6b" in summary.problem.message.params["referrer"]


def test_a_record_deleted_at_the_office_by_mistake_comes_back_with_its_owners_next_bundle(gates, office, tmp_path):
    b_db, _ = gates["B"]
    victim = member(gates["B"][1], "parcel.jsonl")[0]["id"]
    with office.engine.begin() as c:  # a text editor, or a slip at the office
        c.execute(text("DELETE FROM parcel WHERE id = :i"), {"i": victim})
    again = export_bundle(b_db, tmp_path / "again", sheets=False, now=NOW + timedelta(hours=1),
                          day_from=NOW.date() - timedelta(days=1), day_to=NOW.date() + timedelta(days=1))
    summary = Importer(office, clock=lambda: OFFICE_NOW).run(again.path)
    assert summary.status == "accepted" and summary.created.get("parcel") == 1
    with office.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM parcel WHERE id = :i"), {"i": victim}).scalar() == 1


def test_a_new_station_is_held_and_applies_nothing_until_enrolled(gates, tmp_path, open_office):
    db = open_office(tmp_path / "office3" / "gatedesk.sqlite3")
    ensure_office(db)
    before = snapshot(db)
    summary = Importer(db, clock=lambda: OFFICE_NOW).run(gates["B"][1])
    assert (summary.status, summary.problem.code) == ("held", "not_enrolled")
    assert summary.fingerprint == __import__("tests.sync_helpers", fromlist=["x"]).fingerprint(gates["B"][0])
    assert (summary.compound, summary.gate) == ("榕城花园", "东门")
    assert snapshot(db) == before
    # Trust on first use, for small communities, is a setting (off by default).
    from models.setup.settings import load_settings, save_settings

    with db.session() as s:
        settings = load_settings(s)
        assert settings.trust_new_stations is False
        settings.trust_new_stations = True
        save_settings(s, settings)
        s.commit()
    assert Importer(db, clock=lambda: OFFICE_NOW).run(gates["B"][1]).status == "accepted"
    db.close()


def test_an_enrolled_station_with_trust_on_first_use_still_owns_nothing_of_others(gates, tmp_path, open_office):
    """Trust on first use admits a stranger's bundle, never the right to change another gate's records."""
    from models.setup.settings import load_settings, save_settings

    db = open_office(tmp_path / "office4" / "gatedesk.sqlite3")
    ensure_office(db)
    with db.session() as s:
        settings = load_settings(s)
        settings.trust_new_stations = True
        save_settings(s, settings)
        s.commit()
    assert Importer(db, clock=lambda: OFFICE_NOW).run(gates["B"][1]).status == "accepted"
    stranger = tmp_path / "stranger" / "gatedesk.sqlite3"
    sdb = open_database(stranger)
    create_demo(sdb, days=1, visits_per_day=5, seed=9, compound="某小区", gate="南门", now=NOW)
    own = export_bundle(sdb, tmp_path / "s", sheets=False, now=NOW).path
    station = member(own, "gate.jsonl")[0]["station_id"]
    theirs = member(gates["B"][1], "visit.jsonl")[0]
    forged = craft(own, tmp_path / "stranger.gdbundle", signing_key(sdb), members={
        "visit.jsonl": lambda data: data + joined([dict(theirs, station_id=station, gate_id=None, rev=9)])})
    expect(db, forged, "not_owner", theirs["id"])
    sdb.close()
    db.close()


def test_the_same_record_twice_in_a_bundle_is_refused(gates, office, tmp_path):
    b_db, b_path = gates["B"]
    path = craft(b_path, tmp_path / "twice.gdbundle", signing_key(b_db), members={
        "visit.jsonl": lambda data: data + joined([dict(lines(data)[0], destination="9-9-909")])},
        manifest=lambda m: m.update(sequence=m["sequence"] + 1))
    expect(office, path, "duplicate_record", member(b_path, "visit.jsonl")[0]["id"])


@pytest.mark.parametrize("huge", [False, True], ids=["ids in memory", "ids in the database"])
def test_the_same_record_twice_in_two_batches_of_a_file_is_refused(gates, office, tmp_path, monkeypatch, huge):
    """Across batches too, whether the file's ids are kept in memory or (a file too large for that)
    in a scratch table of the database."""
    from models.store import bulk
    from models.sync import batches

    monkeypatch.setattr(batches, "BATCH", 7)
    if huge:
        monkeypatch.setattr(bulk, "IN_MEMORY_IDS", 0)
    b_db, b_path = gates["B"]
    path = craft(b_path, tmp_path / "twice.gdbundle", signing_key(b_db), members={
        "visit.jsonl": lambda data: data + joined([dict(lines(data)[0], destination="9-9-909")])},
        manifest=lambda m: m.update(sequence=m["sequence"] + 1))
    expect(office, path, "duplicate_record", member(b_path, "visit.jsonl")[0]["id"])


def test_equal_content_written_differently_is_not_a_conflict(gates, office, tmp_path):
    import json

    b_db, b_path = gates["B"]

    def respaced(data: bytes) -> bytes:
        return b"".join(json.dumps(r, ensure_ascii=True, indent=None, separators=(", ", ": ")).encode() + b"\n"
                        for r in reversed(lines(data)))

    path = craft(b_path, tmp_path / "respaced.gdbundle", signing_key(b_db), members={"visit.jsonl": respaced},
                 manifest=lambda m: m.update(sequence=m["sequence"] + 1))
    summary = Importer(office, clock=lambda: OFFICE_NOW).run(path)
    assert summary.status == "accepted" and summary.conflicts == [] and summary.total("created") == 0
    assert summary.unchanged["visit"] == len(member(b_path, "visit.jsonl"))


def test_an_office_attacked_before_owners_were_kept_gets_the_record_back(gates, tmp_path):
    """A v6 office where another station's tombstone deleted a gate's record for good: after the
    upgrade, the gate's own next bundle brings it back."""
    b_db, b_path = gates["B"]
    path = tmp_path / "old-office" / "gatedesk.sqlite3"
    db = open_database(path)
    ensure_office(db)
    enroll(db, b_db)
    assert Importer(db, clock=lambda: OFFICE_NOW).run(b_path).status == "accepted"
    victim = member(b_path, "parcel.jsonl")[0]["id"]
    db.close()
    con = sqlite3.connect(path)  # what the v6 importer did with a stranger's tombstone
    con.execute("DELETE FROM parcel WHERE id = ?", (victim,))
    con.execute("UPDATE sync_record SET rev = 2147483647, digest = 'deleted' WHERE id = ?", (victim,))
    con.execute("INSERT INTO tombstone (id, station_id, gate_id, operator_id, created_at, updated_at, rev, "
                "record_type, record_id, reason) VALUES ('1f0e9d8c-7b6a-4958-8473-625140312f0e', "
                "'9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', NULL, NULL, '2022-11-28 01:00:00', '2022-11-28 01:00:00', 1, "
                "'parcel', ?, 'x')", (victim,))
    con.commit()
    con.close()
    _downgrade_to_v6(path)
    db = open_database(path, backups=tmp_path / "bk")
    with db.engine.connect() as c:
        owner = c.execute(text("SELECT station_id FROM sync_record WHERE id = :i"), {"i": victim}).scalar()
        others = c.execute(text("SELECT count(*) FROM sync_record WHERE station_id IS NULL")).scalar()
    assert owner is None and others == 1  # only the deletion lost its owner
    again = export_bundle(b_db, tmp_path / "again", sheets=False, now=NOW + timedelta(hours=1),
                          day_from=NOW.date() - timedelta(days=1), day_to=NOW.date() + timedelta(days=1))
    summary = Importer(db, clock=lambda: OFFICE_NOW).run(again.path)
    assert summary.status == "accepted" and summary.created.get("parcel") == 1
    with db.engine.connect() as c:
        assert c.execute(text("SELECT station_id FROM sync_record WHERE id = :i"), {"i": victim}).scalar() == \
            member(b_path, "parcel.jsonl")[0]["station_id"]
    db.close()


def _downgrade_to_v6(path: Path) -> None:
    """The office file as v6 left it: sync tables without owners, anchors or enrollments."""
    con = sqlite3.connect(path)
    v6 = {
        "sync_record": ("CREATE TABLE sync_record (id VARCHAR(36) NOT NULL, record_type VARCHAR(32) NOT NULL, "
                        "rev INTEGER NOT NULL, digest VARCHAR(32) NOT NULL, PRIMARY KEY (id))",
                        "id, record_type, rev, digest"),
    }
    for table, (ddl, cols) in v6.items():
        con.execute(f"CREATE TABLE {table}_x AS SELECT {cols} FROM {table}")
        con.execute(f"DROP TABLE {table}")
        con.execute(ddl)
        con.execute(f"INSERT INTO {table} SELECT {cols} FROM {table}_x")
        con.execute(f"DROP TABLE {table}_x")
    for table, cols in (("sync_export", "audit_seq, audit_hash"), ("sync_station", "audit_alarm, audit_alarm_seq"),
                        ("sync_receipt", "audit_seq, audit_hash, audit_prev_seq, audit_prev_hash")):
        for col in cols.split(", "):
            con.execute(f"ALTER TABLE {table} DROP COLUMN {col}")
    con.execute("DROP TABLE sync_enrollment")
    con.execute("DROP TABLE pin_guard")
    # the office's units came with v8, the offices that forward to it with v10
    for statement in as_of(7):
        con.execute(statement)
    # nor had it ever received a testing round (v13), nor a rota (v17)
    con.execute("DELETE FROM sync_record WHERE record_type IN ('testing_round', 'round_person', 'round_correction', "
                "'home_need', 'home_service', 'volunteer', 'duty_post', 'rota_shift', 'shift_assignment', "
                "'shift_checkin')")
    con.execute("DROP INDEX ix_tombstone_record")
    con.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    shutil.rmtree(path.parent / "backups", ignore_errors=True)
