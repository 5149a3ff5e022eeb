"""A community office forwards its gates' records upward in an office bundle: the district holds them
in the gates' own names, gate → community → district and gate → district give one copy, and a
forwarding office can bring nothing outside the unit it speaks for."""
from __future__ import annotations

import json
import uuid
import zipfile
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, text

from models.app.demo import create_demo
from models.store.clock import local_today
from models.store.db import open_database
from models.sync import (
    Importer,
    NoUnit,
    NotAnOffice,
    OfficeUnit,
    ensure_office,
    export_bundle,
    forward_bundle,
    not_reported,
    set_office_unit,
    units,
)
from models.formats import bundle
from models.sync.tables import SyncRecord, SyncStation
from tests.conftest import NOW
from tests.models.test_sync import snapshot
from tests.sync_helpers import craft, enroll, fingerprint, joined, lines, signing_key

LATER = NOW + timedelta(hours=2)
CHINA = ZoneInfo("Asia/Shanghai")
UNIT = OfficeUnit("鼓楼区", "温泉街道", "温泉社区")
# name, compound, gate, (district, sub-district, community) as each gate's set-up typed them
GATES = (
    ("A", "榕城花园", "东门", ("鼓楼区", "温泉街道", "温泉社区")),
    ("B", "三坊小区", "北门", ("", "", "温泉 社区")),  # the upper levels left empty, spaced apart
    ("C", "金山小区", "南门", ("鼓楼区", "东街街道", "东街社区")),  # another community
)


def make_gate(root, compound, gate, names, seed, visits=20):
    """A gate with a day of the demo and its first bundle."""
    db = open_database(root / "gatedesk.sqlite3")
    create_demo(db, days=1, visits_per_day=visits, parcels_per_day=3, seed=seed, compound=compound, gate=gate,
                now=NOW)
    with db.engine.begin() as c:
        c.execute(text("UPDATE compound SET district = :d, subdistrict = :s, community = :c, rev = rev + 1"),
                  dict(zip("dsc", names)))
    return db, export_bundle(db, root / "usb", sheets=False, now=NOW + timedelta(minutes=1)).path


@pytest.fixture(scope="module")
def gates(tmp_path_factory):
    root = tmp_path_factory.mktemp("forward")
    out = {name: make_gate(root / name, compound, gate, names, seed=i + 1, visits=20 + i)
           for i, (name, compound, gate, names) in enumerate(GATES)}
    yield out
    for db, _ in out.values():
        db.close()


def make_community(path, gates, *names):
    """温泉社区's office on its own file, with the bundles of the named gates imported."""
    db = open_database(path)
    ensure_office(db)
    with db.session() as s:
        set_office_unit(s, UNIT)
        s.commit()
    enroll(db, *(gates[n][0] for n in names))
    for n in names:  # an hour before it forwards
        assert Importer(db, clock=lambda: LATER - timedelta(hours=1)).run(gates[n][1]).status == "accepted"
    return db


@pytest.fixture
def community(tmp_path, gates):
    db = make_community(tmp_path / "community" / "gatedesk.sqlite3", gates, "A", "B")
    yield db
    db.close()


@pytest.fixture
def district(tmp_path, open_office):
    db = open_office(tmp_path / "district" / "gatedesk.sqlite3")
    ensure_office(db)
    yield db
    db.close()


def forward(community, tmp_path, minutes=0):
    return forward_bundle(community, tmp_path / "up", now=LATER + timedelta(minutes=minutes))


def import_into(district, path, **kw):
    return Importer(district, clock=lambda: LATER + timedelta(hours=1), **kw).run(path)


def held(db) -> dict[str, tuple]:
    """Every record the office holds from gates: id -> (type, revision, digest, owner)."""
    with db.engine.connect() as c:
        return {r[0]: tuple(r[1:]) for r in c.execute(select(
            SyncRecord.id, SyncRecord.record_type, SyncRecord.rev, SyncRecord.digest, SyncRecord.station_id))}


def station_of(gates, name) -> str:
    with zipfile.ZipFile(gates[name][1]) as zf:
        return json.loads(zf.read("manifest.json"))["station"]["id"]


def test_a_district_taking_records_past_retention_blanks_them_as_they_arrive(gates, community, district, tmp_path):
    """Retention holds on the relay path too: a community's forward reaching the district a month
    late leaves no name there, though the community (within retention) still holds them."""
    from models.gate.visits import Visit
    from models.trust import audit

    sent = forward(community, tmp_path)
    enroll(district, sent.path)
    month = LATER + timedelta(days=30)
    assert Importer(district, clock=lambda: month).run(sent.path).status == "accepted"
    with district.session() as s:
        names = s.execute(select(Visit.name)).scalars().all()
        purges = [e.detail for e in audit.entries(s) if e.action == "purge"]
    assert len(names) == 41 and not any(names)
    assert purges and all("on_arrival" in p for p in purges)
    assert sum(int(p.split("visit=")[1].split()[0]) for p in purges if "visit=" in p) == 41
    with community.session() as s:
        assert all(s.execute(select(Visit.name)).scalars())


def test_gate_to_community_to_district_keeps_each_record_in_its_gates_name(gates, community, district, tmp_path):
    sent = forward(community, tmp_path)
    assert sent.counts["visit"] == 20 + 21 and not sent.encrypted
    enroll(district, sent.path)  # the district's administrator checked the community office's fingerprint
    summary = import_into(district, sent.path)
    assert summary.status == "accepted", summary.problem
    assert summary.created["visit"] == 41 and not summary.conflicts
    assert held(district) == held(community)  # the same records, revisions, contents and owners
    assert {v[3] for v in held(district).values()} == {station_of(gates, "A"), station_of(gates, "B")}
    with district.reading() as s:
        tree = units.tree(s)
        gone_quiet = not_reported(s, local_today(NOW, CHINA), CHINA, now=LATER)
    [wenquan] = [u for u in tree.units.values() if u.name == "温泉社区"]
    # B's set-up named only its community: it sits where the community office says it is.
    assert [u.name for u in tree.path(wenquan.id)] == ["鼓楼区", "温泉街道", "温泉社区"]
    assert len(tree.compounds_under(wenquan.id)) == 2
    assert gone_quiet == []  # the gates' bundles the community received count as reported


def test_direct_and_forwarded_copies_of_a_gate_are_one(gates, community, district, tmp_path):
    enroll(district, gates["A"][0])
    assert import_into(district, gates["A"][1]).status == "accepted"  # gate → district by USB
    sent = forward(community, tmp_path)
    enroll(district, sent.path)
    summary = import_into(district, sent.path)
    assert summary.status == "accepted", summary.problem
    assert summary.created["visit"] == 21 and summary.unchanged["visit"] == 20 and not summary.conflicts
    assert held(district) == held(community)
    # And the other way round: the gate's own bundle after the forwarded copy changes nothing.
    again = import_into(district, gates["A"][1])
    assert again.status == "accepted" and again.already_imported


def test_the_same_office_bundle_twice_changes_nothing(community, district, tmp_path):
    sent = forward(community, tmp_path)
    enroll(district, sent.path)
    assert import_into(district, sent.path).status == "accepted"
    before = snapshot(district)
    again = import_into(district, sent.path)
    assert again.status == "accepted" and again.already_imported and again.total("created") == 0
    assert snapshot(district) == before


def test_the_next_forward_holds_only_what_arrived_since(gates, district, tmp_path):
    gate_db, first_bundle = make_gate(tmp_path / "D", "五四北苑", "西门", UNIT.names, seed=9)
    community = make_community(tmp_path / "community" / "gatedesk.sqlite3", dict(gates, D=(gate_db, first_bundle)),
                               "B", "D")
    first = forward(community, tmp_path)
    enroll(district, first.path)
    assert import_into(district, first.path).status == "accepted"
    assert forward(community, tmp_path, minutes=10).counts.get("visit", 0) == 0  # nothing new arrived
    create_demo_visits(gate_db, 7)
    newer = export_bundle(gate_db, tmp_path / "usb2", sheets=False, now=NOW + timedelta(minutes=30))
    assert Importer(community, clock=lambda: LATER + timedelta(minutes=20)).run(newer.path).status == "accepted"
    second = forward(community, tmp_path, minutes=30)
    assert 7 <= second.counts["visit"] < 20  # D's new ones (and what its bundle brought again), nothing of B's
    summary = import_into(district, second.path)
    assert summary.status == "accepted" and summary.created["visit"] == 7
    assert held(district) == held(community)
    community.close()
    gate_db.close()


def create_demo_visits(db, n):
    """n more visits at the gate, ten minutes after its first export (copies of its first ones)."""
    with db.engine.begin() as c:
        rows = c.execute(text("SELECT * FROM visit ORDER BY created_at LIMIT :n"), {"n": n}).mappings().all()
        for r in rows:
            row = dict(r, id=str(uuid.uuid4()), created_at=NOW + timedelta(minutes=10),
                       updated_at=NOW + timedelta(minutes=10), rev=1)
            c.execute(text(f"INSERT INTO visit ({', '.join(row)}) VALUES ({', '.join(':' + k for k in row)})"), row)


def test_an_office_without_a_unit_or_a_gate_cannot_forward(gates, tmp_path):
    db = open_database(tmp_path / "bare" / "gatedesk.sqlite3")
    ensure_office(db)
    with pytest.raises(NoUnit):
        forward_bundle(db, tmp_path / "up", now=LATER)
    db.close()
    with pytest.raises(NotAnOffice):
        forward_bundle(gates["A"][0], tmp_path / "up", now=LATER)


# -- what a forwarding office may not do --------------------------------------------------------------
def expect(district, path, code, status="rejected"):
    before = snapshot(district)
    summary = import_into(district, path)
    assert (summary.status, summary.problem.code if summary.problem else None) == (status, code), summary.problem
    assert snapshot(district) == before
    return summary


def forged(community, sent, tmp_path, *, manifest=None, members=None, name="forged.gdbundle", drop=()):
    """The community office's bundle rewritten and signed again with the community office's own key:
    what an office gone bad (or a stolen office file) can make."""
    return craft(sent.path, tmp_path / name, signing_key(community), manifest=manifest, members=members, drop=drop)


def test_a_gate_outside_the_office_unit_is_refused(gates, tmp_path, district):
    db = make_community(tmp_path / "greedy" / "gatedesk.sqlite3", gates, "A", "C")
    sent = forward(db, tmp_path)
    enroll(district, sent.path)
    summary = expect(district, sent.path, "not_in_scope")
    assert "东街社区" in summary.problem.message.params["where"]
    db.close()


def test_an_office_cannot_widen_its_unit_later(gates, community, district, tmp_path):
    sent = forward(community, tmp_path)
    enroll(district, sent.path)
    assert import_into(district, sent.path).status == "accepted"
    wider = forged(community, sent, tmp_path, manifest=lambda m: m.update(
        sequence=2, compound=dict(m["compound"], community="", subdistrict="")))
    expect(district, wider, "unit_changed")


# A relay can leave a gate's bundle out, never change one: each attack below is what a community
# office gone bad (or its stolen file) can make, signed again with the community office's own key.
def relayed_parts(path) -> tuple[dict, list[dict]]:
    """An office bundle's members (name -> bytes) and its relayed.jsonl index."""
    with zipfile.ZipFile(path) as zf:
        raw = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    return raw, lines(raw["relayed.jsonl"])


def relayed_of(path, gates, name) -> tuple[str, bytes]:
    """The member holding gate name's bundle in an office bundle, and its bytes."""
    raw, index = relayed_parts(path)
    [entry] = [e for e in index if e["station_id"] == station_of(gates, name)]
    return entry["member"], raw[entry["member"]]


def rewrap(community, sent, tmp_path, member, gate_bundle: bytes, name="forged.gdbundle", index=None):
    """The office bundle with one relayed gate's bundle replaced (its checksums in the office's manifest
    made true again) and signed by the office."""
    return forged(community, sent, tmp_path, name=name,
                  members={member: lambda _old: gate_bundle, **({"relayed.jsonl": index} if index else {})})


def tampered_gate_bundle(gates, name, tmp_path, *, key=None, manifest=None, members=None) -> bytes:
    """Gate name's own bundle changed as a relay could: re-signed with key (None: the gate's signature kept)."""
    out = craft(gates[name][1], tmp_path / f"tampered-{name}.gdbundle", key, manifest=manifest, members=members)
    return out.read_bytes()


def visits_of(gates, name) -> list[dict]:
    with zipfile.ZipFile(gates[name][1]) as zf:
        return lines(zf.read("visit.jsonl"))


@pytest.mark.parametrize("change", ["content", "invent", "revision", "tombstone"])
def test_a_relay_cannot_change_invent_overwrite_or_delete_a_gates_records(gates, community, district, tmp_path,
                                                                         change):
    """Issue: the district took a community's changed visit at the same revision, invented visits, a
    rev+1 and tombstones of records it had received from the gate itself."""
    enroll(district, gates["A"][0])
    assert import_into(district, gates["A"][1]).status == "accepted"  # the gate's own bundle, directly
    sent = forward(community, tmp_path)
    enroll(district, sent.path)
    visits = visits_of(gates, "A")

    def edit(data):
        records = lines(data)
        if change == "content":
            records[0] = dict(records[0], destination="9-9-909")
        elif change == "invent":
            records.append(dict(records[0], id=str(uuid.uuid4())))
        elif change == "revision":
            records[0] = dict(records[0], rev=records[0]["rev"] + 1, destination="9-9-909")
        return joined(records)

    def tombstones(data):
        return data + joined([{**{k: v for k, v in visits[i].items() if k in (
            "station_id", "gate_id", "operator_id", "created_at", "updated_at")}, "id": str(uuid.uuid4()), "rev": 1,
            "record_type": "visit", "record_id": visits[i]["id"], "reason": "erased"} for i in range(3)])

    edits = {"tombstone.jsonl": tombstones} if change == "tombstone" else {"visit.jsonl": edit}
    member, _ = relayed_of(sent.path, gates, "A")
    changed = tampered_gate_bundle(gates, "A", tmp_path, members=edits)  # the gate's signature kept
    expect(district, rewrap(community, sent, tmp_path, member, changed), "bad_signature")
    # Signed again with the relay's own key under the gate's name: not the key the district knows.
    posing = tampered_gate_bundle(gates, "A", tmp_path, key=signing_key(community), members=edits,
                                  manifest=lambda m: m["station"].update(
                                      public_key=bundle.signing_public_key(signing_key(community))))
    expect(district, rewrap(community, sent, tmp_path, member, posing, name="posing.gdbundle"), "key_changed")
    # The gate's signed manifest kept and a member swapped under it: the sizes and checksums it signed fail.
    original = zipfile.ZipFile(gates["A"][1])
    swapped = tmp_path / "swapped.gdbundle"
    with zipfile.ZipFile(swapped, "w") as zf:
        for info in original.infolist():
            data = original.read(info.filename)
            zf.writestr(info.filename, edits[info.filename](data) if info.filename in edits else data)
    original.close()
    expect(district, rewrap(community, sent, tmp_path, member, swapped.read_bytes(), name="swapped-office.gdbundle"),
           "corrupt")


def test_a_relay_cannot_move_a_gate_into_its_unit(gates, tmp_path, district):
    """Issue: a community forwarded gate B of another community with B's compound line rewritten to
    its own; a district that held B's own bundle lost 20 visits, one that never saw B took B in."""
    enroll(district, gates["C"][0])
    assert import_into(district, gates["C"][1]).status == "accepted"
    greedy = make_community(tmp_path / "greedy" / "gatedesk.sqlite3", gates, "A", "C")
    sent = forward(greedy, tmp_path)
    enroll(district, sent.path)
    expect(district, sent.path, "not_in_scope")  # C's own set-up says 东街社区
    member, _ = relayed_of(sent.path, gates, "C")

    def ours(m):
        m["compound"].update(community="温泉社区", subdistrict="温泉街道")

    moved = tampered_gate_bundle(gates, "C", tmp_path, manifest=ours)
    expect(district, rewrap(greedy, sent, tmp_path, member, moved), "bad_signature")
    # Nor can a district that never saw C be told otherwise: C's own signed set-up is what counts.
    elsewhere = open_office_db(tmp_path / "elsewhere" / "gatedesk.sqlite3")
    enroll(elsewhere, sent.path)
    summary = Importer(elsewhere, clock=lambda: LATER + timedelta(hours=1)).run(sent.path)
    assert (summary.status, summary.problem.code) == ("rejected", "not_in_scope")
    assert held(elsewhere) == {}
    elsewhere.close()
    greedy.close()


def open_office_db(path):
    db = open_database(path)
    ensure_office(db)
    return db


def test_the_relays_index_must_name_what_the_gate_signed(gates, community, district, tmp_path):
    sent = forward(community, tmp_path)
    enroll(district, sent.path)

    def lie(data):
        index = lines(data)
        index[0]["sequence"] += 1
        return joined(index)

    expect(district, forged(community, sent, tmp_path, members={"relayed.jsonl": lie}), "bad_manifest")

    def twice(data):
        index = lines(data)
        return joined(index + [dict(index[0])])

    expect(district, forged(community, sent, tmp_path, name="twice.gdbundle", members={"relayed.jsonl": twice}),
           "missing_member")


def test_a_legacy_office_bundle_vouching_for_its_gates_records_is_refused(gates, community, district, tmp_path):
    """Formats 2 and 3 carried gates' records under the forwarding office's signature alone: the
    issue's attack (tombstones and a rev+1 of a gate's visits, re-signed by the community) in that
    form changes nothing at a district that holds the gate's own bundle."""
    enroll(district, gates["B"][0])
    assert import_into(district, gates["B"][1]).status == "accepted"
    sent = forward(community, tmp_path)
    enroll(district, sent.path)
    visits = visits_of(gates, "B")
    with zipfile.ZipFile(gates["B"][1]) as zf:
        b_manifest = json.loads(zf.read("manifest.json"))

    def rewritten(data):
        records = lines(data)
        records[0] = dict(records[0], rev=records[0]["rev"] + 1, destination="9-9-909")
        return joined(records)

    def tombstones(data):
        return data + joined([{**{k: visits[i][k] for k in ("station_id", "gate_id", "operator_id", "created_at",
                                                             "updated_at")}, "id": str(uuid.uuid4()), "rev": 1,
                               "record_type": "visit", "record_id": visits[i]["id"], "reason": "erased"}
                              for i in range(1, 20)])

    with zipfile.ZipFile(sent.path) as zf:
        office_manifest = json.loads(zf.read("manifest.json"))

    def legacy(m):
        m.update(kind="office", format_version=2, station=office_manifest["station"],
                 compound=office_manifest["compound"], gate=office_manifest["gate"],
                 forwarded=[{"station": b_manifest["station"], "compound": dict(b_manifest["compound"],
                                                                                community="温泉社区"),
                             "gate": b_manifest["gate"], "last_seq": 1, "last_bundle_at": b_manifest["created_at"]}])
        m["members"].append({"name": "receipt.jsonl", "type": "receipt", "records": 0, "bytes": 0,
                             "sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"})

    old = craft(gates["B"][1], tmp_path / "legacy.gdbundle", signing_key(community), manifest=legacy,
                members={"visit.jsonl": rewritten, "tombstone.jsonl": tombstones}, parts={"receipt.jsonl": b""})
    summary = expect(district, old, "relay_unverified")
    assert "温泉社区" in str(summary.problem.message.params["office"])


def test_gate_to_community_to_subdistrict_to_district_keeps_the_gates_own_signature(gates, tmp_path, open_office):
    """Relayed twice: what the gate signed reaches the district unchanged, encrypted on every leg."""
    from models.sync import OfficeKeyFile, load_office_key, office_key_file

    def key_for(below, above, name):
        with above.session() as s:
            key = office_key_file(s, name)
            s.commit()
        with below.session() as s:
            load_office_key(s, OfficeKeyFile.loads(key.dumps()))
            s.commit()

    community = make_community(tmp_path / "community" / "gatedesk.sqlite3", gates, "A", "B")
    subdistrict = open_office(tmp_path / "subdistrict" / "gatedesk.sqlite3")
    ensure_office(subdistrict)
    with subdistrict.session() as s:
        set_office_unit(s, OfficeUnit("鼓楼区", "温泉街道", ""))
        s.commit()
    district = open_office(tmp_path / "district2" / "gatedesk.sqlite3")
    ensure_office(district)
    key_for(community, subdistrict, "温泉街道")
    key_for(subdistrict, district, "鼓楼区")
    up = forward(community, tmp_path)
    assert up.encrypted and up.counts["visit"] == 41
    enroll(subdistrict, up.path)
    first = Importer(subdistrict, clock=lambda: LATER + timedelta(minutes=30)).run(up.path)
    assert first.status == "accepted" and first.created["visit"] == 41, first.problem
    assert {r["new_gate_fingerprint"] for r in first.relayed} == {fingerprint(gates["A"][0]),
                                                                 fingerprint(gates["B"][0])}
    top = forward_bundle(subdistrict, tmp_path / "up2", now=LATER + timedelta(minutes=40))
    assert top.encrypted and top.counts["visit"] == 41
    enroll(district, top.path)
    summary = import_into(district, top.path)
    assert summary.status == "accepted" and summary.created["visit"] == 41, summary.problem
    assert held(district) == held(community)
    with district.reading() as s:
        keys = {r[0]: r[1] for r in s.execute(select(SyncStation.station_id, SyncStation.public_key))}
    assert {bundle.key_id(k) for k in keys.values()} == {fingerprint(gates["A"][0]), fingerprint(gates["B"][0])}
    # The gate's own bundle afterwards, and the community's bundle sent straight to the district too: one copy.
    enroll(district, gates["A"][0])
    assert import_into(district, gates["A"][1]).already_imported
    for db in (community, subdistrict, district):
        db.close()


def test_an_office_not_enrolled_is_held_and_a_gate_cannot_pose_as_an_office(gates, community, district, tmp_path):
    sent = forward(community, tmp_path)
    assert "温泉社区" in expect(district, sent.path, "not_enrolled", "held").problem.message.params["station"]
    # A gate the district knows, signing an office bundle with its own key, is not an office here.
    enroll(district, gates["A"][0])
    assert import_into(district, gates["A"][1]).status == "accepted"
    a_db, a_path = gates["A"]
    with zipfile.ZipFile(a_path) as zf:
        a_station = json.loads(zf.read("manifest.json"))["station"]
    posing = craft(sent.path, tmp_path / "posing.gdbundle", signing_key(a_db),
                   manifest=lambda m: m.update(station=a_station, gate=dict(m["gate"], id=a_station["gate_id"])))
    expect(district, posing, "bad_manifest")


def test_a_gate_deletion_reaches_the_district_through_the_community(gates, district, tmp_path):
    from models.app.demo import DEMO_PINS
    from models.app.desk import Desk
    from models.gate.visits import Visit
    from models.station.isolation import IsolationCase
    from models.trust.operators import Role

    gate_db, first_bundle = make_gate(tmp_path / "D", "五四北苑", "西门", UNIT.names, seed=9)
    community = make_community(tmp_path / "community" / "gatedesk.sqlite3", {"D": (gate_db, first_bundle)}, "D")
    first = forward(community, tmp_path)
    enroll(district, first.path)
    assert import_into(district, first.path).status == "accepted"
    desk = Desk(gate_db, clock=lambda: NOW + timedelta(minutes=10))
    with gate_db.session() as s:
        victim = s.execute(select(Visit.id).where(~Visit.id.in_(select(IsolationCase.visit_id).where(
            IsolationCase.visit_id.is_not(None)))).limit(1)).scalar()
    sup = next(o for o in desk.staff.operators() if o.name == "陈主管")
    with desk.authorised(sup.id, DEMO_PINS["supervisor"], Role.SUPERVISOR):
        desk.gate.delete_visit(victim, "登记重复")
        newer = export_bundle(gate_db, tmp_path / "usb2", sheets=False, now=NOW + timedelta(minutes=30))
        assert Importer(community, clock=lambda: LATER + timedelta(minutes=20)).run(newer.path).status == "accepted"
        second = forward(community, tmp_path, minutes=30)
        assert second.counts["tombstone"] == 1
        assert import_into(district, second.path).status == "accepted"
        with district.session() as s:
            assert s.get(Visit, victim) is None
        assert held(district) == held(community)
        community.close()
        gate_db.close()


def test_an_office_set_up_at_its_first_run_forwards_as_a_supervisor_and_it_is_audited(gates, district, tmp_path):
    from models.app.desk import Desk
    from models.trust import audit
    from models.trust.operators import NotAllowed, Role

    db = open_database(tmp_path / "community" / "gatedesk.sqlite3")
    desk = Desk(db, clock=lambda: LATER)
    desk.sync.complete_office_setup(office_name="温泉社区居委会", community="温泉社区", subdistrict="温泉街道",
                                    district="鼓楼区", admin_name="周主任", pin="2468", pin_again="2468",
                                    office_label="社区办公室")
    assert desk.sync.office_unit() == UNIT
    enroll(db, gates["A"][0])
    assert desk.sync.importer().run(gates["A"][1]).status == "accepted"
    desk.staff.sign_off()
    with pytest.raises(NotAllowed):  # no one on duty with a supervisor's authority
        desk.sync.forward_bundle(tmp_path / "up")
    admin = desk.staff.operators()[0]
    with desk.authorised(admin.id, "2468", Role.ADMIN):
        sent = desk.sync.forward_bundle(tmp_path / "up")
        assert sent.path.name.startswith("温泉社区居委会_office_") and sent.counts["visit"] == 20
        with db.reading() as s:
            [entry] = [e for e in audit.entries(s) if e.action == "forward"]
        assert entry.operator_id == admin.id and "gates=1" in entry.detail
        enroll(district, sent.path)
        summary = import_into(district, sent.path)
        assert summary.status == "accepted" and (summary.compound, summary.gate) == ("温泉社区居委会", "社区办公室")
        db.close()


def test_a_forward_over_the_limit_leaves_the_rest_for_the_next(gates, community, district, tmp_path, monkeypatch):
    from models.sync import forward as forward_module

    monkeypatch.setattr(forward_module, "MAX_RELAYED", 1)
    first, second = forward(community, tmp_path), forward(community, tmp_path, minutes=1)
    assert (first.remaining, second.remaining) == (1, 0)
    assert first.counts["visit"] + second.counts["visit"] == 41
    assert forward(community, tmp_path, minutes=2).counts == {}  # nothing is sent twice
    enroll(district, first.path)
    assert [import_into(district, p.path).created["visit"] for p in (second, first)] in ([21, 20], [20, 21])
    assert held(district) == held(community)


@pytest.mark.parametrize("garbage, code", [
    (b"not a zip at all", "not_a_bundle"),
    (b"PK\x03\x04" + bytes(100), "truncated"),
])
def test_a_relayed_member_that_is_not_a_gates_bundle_is_refused(gates, community, district, tmp_path, garbage,
                                                                code):
    sent = forward(community, tmp_path)
    enroll(district, sent.path)
    member, _ = relayed_of(sent.path, gates, "A")
    expect(district, rewrap(community, sent, tmp_path, member, garbage), code)


def test_the_district_keeps_the_communitys_audit_checkpoints(gates, community, district, tmp_path):
    """An office's forwards carry its own audit chain's head, signed: whoever rewrites the community's
    database cannot hide a cut from the district, which holds the earlier checkpoint."""
    first = forward(community, tmp_path)
    enroll(district, first.path)
    assert import_into(district, first.path).audit_alarm is None
    with zipfile.ZipFile(first.path) as zf:
        head = json.loads(zf.read("manifest.json"))["audit"]
    with community.engine.begin() as c:  # the newest entries cut, the anchor beside the file rewritten to match
        c.execute(text("DELETE FROM audit_event WHERE seq >= :s"), {"s": head["seq"]})
    second = forward(community, tmp_path, minutes=5)
    summary = import_into(district, second.path)
    assert summary.status == "accepted" and summary.audit_alarm == "backwards"


def test_an_office_held_for_enrollment_is_told_as_an_office(community, district, tmp_path, capsys, monkeypatch):
    """Issue: the command line told a district to check an office's bundle against 'the gate's set-up
    sheet'."""
    import main

    sent = forward(community, tmp_path)
    summary = import_into(district, sent.path)
    assert (summary.status, summary.problem.code, summary.held_office) == ("held", "not_enrolled", True)
    assert "设置单" not in str(summary.problem.message.render(lambda _c, t: t))
    if district.path is None:
        return  # the command line below opens the district's file
    monkeypatch.setenv("GATEDESK_LANG", "en")
    assert main.main(["import", "--data-dir", str(district.path.parent), str(sent.path)]) == 1
    said = capsys.readouterr().out
    assert "the office" in said and "set-up sheet" not in said and summary.fingerprint in said


def test_a_teams_visits_travel_through_a_relay_in_the_teams_name(gates, community, district, tmp_path):
    """A supervision team of 温泉社区 (it visits another community's compound) is taken in at its
    community office and reaches the district in the forward as the team signed it: visits and
    findings there, owned by the team's station, the team still no compound. The relay's checks are
    the gates' (tested above): an office forwards the teams of its own unit, as it does its gates."""
    from models import supervision
    from models.app.desk import Desk
    from models.supervision import Answer, Party, StandardKind

    team_db = open_database(tmp_path / "team" / "gatedesk.sqlite3")
    try:
        team = Desk(team_db, clock=lambda: NOW + timedelta(minutes=30))
        team.sync.complete_inspection_setup(team_name="督导一组", admin_name="王科长", pin="1357", pin_again="1357",
                                            district="鼓楼区", subdistrict="温泉街道", community="温泉社区")
        [view] = team.supervision.standards(StandardKind.INSPECTION)
        with gates["C"][0].reading() as s:  # 金山小区, in 东街社区
            from models.setup.site import this_station

            a = this_station(s)
        visit = team.supervision.open_visit(compound_id=a.compound_id, compound_name=a.compound_name,
                                            standard_id=view.standard.id, announced=False)
        for item in view.items:
            team.supervision.answer_item(visit.id, item.id, Answer.FAIL if item.code == "5" else Answer.PASS)
        from PIL import Image

        Image.new("RGB", (1000, 700), (30, 120, 60)).save(tmp_path / "logbook.png")
        photo = team.supervision.attach_photo(visit.id, tmp_path / "logbook.png")
        team.supervision.sign_off_visit(visit.id, party=Party.PROPERTY, party_name="金山物业")
        made = export_bundle(team_db, tmp_path / "usb", sheets=False, now=NOW + timedelta(minutes=45))
        enroll(community, team_db)
        taken = Importer(community, clock=lambda: LATER - timedelta(minutes=30)).run(made.path)
        assert taken.status == "accepted", (taken.problem.code, taken.problem.message)
        sent = forward(community, tmp_path)
        assert sent.counts.get("inspection") == 1 and sent.counts.get("finding") == 1
        assert sent.counts.get("inspection_photo") == 1  # the visit's photo goes up with it
        enroll(district, sent.path)
        summary = import_into(district, sent.path)
        assert summary.status == "accepted", summary.problem
        with district.reading() as s:
            [there] = supervision.visits(s)
            [finding] = supervision.open_findings(s)
            team_station = team.ctx.station_id
            assert (there.station_id, there.compound_id, there.announced) == (team_station, a.compound_id, False)
            assert (finding.station_id, finding.code, finding.party_name) == (team_station, "5", "金山物业")
            assert sum(supervision.by_kind(s).values()) == 2  # A and B: the team's own place is no compound
            [picture] = supervision.photos_of(s, there.id)
            assert (picture.id, bytes(picture.data)) == (photo.id, bytes(photo.data))
    finally:
        team_db.close()
