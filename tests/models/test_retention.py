"""Personal data goes when its time is up; counts stay; offices erase the same records; the end
of the campaign leaves nothing personal, not even in the database file's free pages."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from models.app.demo import DEMO_PINS, create_demo
from models.app.desk import Desk
from models.app.records_service import NotConfirmed
from models.gate.visits import Visit
from models.kit.validation import InvalidInput
from models.residents import Resident
from models.station.isolation import CaseForm, IsolationCase
from models.station.isolation import Outcome as CaseOutcome
from models.station.parcels import Parcel
from models.store.db import open_database
from models.sync import Importer, ensure_office, export_bundle
from models.sync.tables import Tombstone
from models.trust import audit, retention
from models.trust.operators import NotAllowed, Role
from tests.sync_helpers import enroll


def demo_desk(tmp_path, now, name="gate", days=40):
    db = open_database(tmp_path / name / "gatedesk.sqlite3")
    create_demo(db, days=days, visits_per_day=20, parcels_per_day=5, now=now, seed=7)
    desk = Desk(db, clock=lambda: now)
    return desk


def sign_in(desk, name):
    op = next(o for o in desk.staff.operators() if o.name == name)
    key = {"林管理": "admin", "陈主管": "supervisor", "张保安": "guard1"}[name]
    desk.staff.sign_in(op.id, DEMO_PINS[key])
    return op


def visit_ages(db, cutoff):
    with db.session() as s:
        old = s.execute(select(Visit.name, Visit.phone, Visit.id_number, Visit.destination, Visit.decision, Visit.rev)
                        .where(Visit.created_at < cutoff)).all()
        new = s.execute(select(Visit.name).where(Visit.created_at >= cutoff)).scalars().all()
    return old, new


def test_personal_fields_of_old_records_are_erased_and_counts_stay(tmp_path, now):
    desk = demo_desk(tmp_path, now)
    cutoff = now - timedelta(days=28)
    with desk.db.session() as s:
        visits_before = s.scalar(select(func.count()).select_from(Visit))
        refused_before = s.scalar(select(func.count()).select_from(Visit).where(Visit.decision == "refuse"))
    old_before, _ = visit_ages(desk.db, cutoff)
    assert old_before and all(v.name for v in old_before)
    result = desk.records.erase_expired()
    old, new = visit_ages(desk.db, cutoff)
    assert result.counts["visit"] == len(old_before)
    assert all(v.name is None and v.phone is None and v.id_number is None and v.destination is None for v in old)
    assert all(v.rev == b.rev + 1 for v, b in zip(old, old_before))  # a new revision travels to the office
    assert new and all(new)  # recent records untouched
    with desk.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Visit)) == visits_before
        assert s.scalar(select(func.count()).select_from(Visit).where(Visit.decision == "refuse")) == refused_before
        old_parcels = s.execute(select(Parcel.recipient_name, Parcel.room).where(Parcel.received_at < cutoff)).all()
        assert old_parcels and all(p.recipient_name is None and p.room == "" for p in old_parcels)
        [entry] = [e for e in audit.entries(s) if e.action == "purge"]
        assert f"visit={len(old_before)}" in entry.detail and entry.operator_id is None
    # Once a day is enough; a second run the same day does nothing.
    assert desk.records.erase_expired(once_a_day=True) is None
    desk.db.close()


def test_an_open_case_is_kept_until_closed_and_then_erased_by_age(tmp_path, now):
    desk = demo_desk(tmp_path, now, days=1)
    sign_in(desk, "张保安")
    long_ago = now - timedelta(days=35)
    desk.clock = lambda: long_ago
    case = desk.isolation.open_isolation_case(CaseForm(name="赵六", phone="13900139000", reason="发热"))
    desk.clock = lambda: now
    desk.records.erase_expired()
    with desk.db.session() as s:
        assert s.get(IsolationCase, case.id).name == "赵六"  # still open: still needed
    desk.isolation.close_case(case.id, CaseOutcome.OTHER)
    desk.records.erase_expired()
    with desk.db.session() as s:
        closed = s.get(IsolationCase, case.id)
        assert (closed.name, closed.phone) == ("", None) and closed.outcome == CaseOutcome.OTHER.value
    desk.db.close()


def test_the_office_erases_the_same_records_and_an_old_bundle_cannot_bring_them_back(tmp_path, now, open_office):
    desk = demo_desk(tmp_path, now)
    first = export_bundle(desk.db, tmp_path / "stick1", now=now, sheets=False).path
    office = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    ensure_office(office)
    enroll(office, desk)
    assert Importer(office, clock=lambda: now).run(first).status == "accepted"
    cutoff = now - timedelta(days=28)
    # Records already past retention when they come are blanked as they arrive.
    old, new = visit_ages(office, cutoff)
    assert old and all(v.name is None and v.phone is None for v in old) and all(new)
    desk.records.erase_expired()
    later = now + timedelta(hours=1)
    second = export_bundle(desk.db, tmp_path / "stick2", now=later, sheets=False).path
    assert Importer(office, clock=lambda: later).run(second).status == "accepted"
    old, new = visit_ages(office, cutoff)
    assert old and all(v.name is None and v.phone is None for v in old) and all(new)
    # A copy of the first bundle turns up again: what was erased stays erased.
    (tmp_path / "again").mkdir()
    again = tmp_path / "again" / first.name
    again.write_bytes(first.read_bytes())
    assert Importer(office, clock=lambda: later).run(again).status == "accepted"
    assert all(v.name is None for v in visit_ages(office, cutoff)[0])
    desk.db.close()
    office.close()


def test_a_late_bundle_is_blanked_as_it_arrives_but_open_cases_and_parcels_are_kept(tmp_path, now, open_office):
    """A gate that never erased sends forty days at once: the office keeps nothing past retention
    even for the moment before its own daily pass, and says so in its audit log."""
    gate = demo_desk(tmp_path, now)
    cutoff = now - timedelta(days=28)
    with gate.db.session() as s:  # a case placed long ago that is still open
        oldest = s.execute(select(IsolationCase).order_by(IsolationCase.placed_at).limit(1)).scalar_one()
        assert oldest.placed_at < cutoff
        oldest.closed_at, oldest.outcome = None, None
        s.commit()
        kept_case = oldest.id
    bundle = export_bundle(gate.db, tmp_path / "stick", now=now, sheets=False).path
    gate.db.close()
    office = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    ensure_office(office)
    enroll(office, bundle)
    assert Importer(office, clock=lambda: now).run(bundle).status == "accepted"
    old, new = visit_ages(office, cutoff)
    assert old and all(v.name is None and v.phone is None and v.id_number is None for v in old)
    assert new and all(name for name in new)
    with office.session() as s:
        cases = s.execute(select(IsolationCase)).scalars().all()
        assert s.get(IsolationCase, kept_case).name  # open: kept whatever its age
        assert all(c.name == "" for c in cases if c.placed_at < cutoff and c.closed_at is not None)
        waiting = s.execute(select(Parcel.recipient_name).where(Parcel.received_at < cutoff,
                                                                 Parcel.status == "waiting")).scalars().all()
        assert all(n is not None for n in waiting)
        assert s.execute(select(func.count()).select_from(Parcel).where(
            Parcel.received_at < cutoff, Parcel.status != "waiting", Parcel.recipient_name.is_not(None))).scalar() == 0
        purges = [e.detail for e in audit.entries(s) if e.action == "purge"]
    assert len(purges) == 1 and "on_arrival" in purges[0] and f"visit={len(old)}" in purges[0]
    office.close()


def test_an_office_erases_on_its_own_and_ignores_the_old_copies(tmp_path, now, open_office):
    gate = demo_desk(tmp_path, now, days=20)
    first = export_bundle(gate.db, tmp_path / "stick1", now=now, sheets=False).path
    gate.db.close()
    office_db = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    ensure_office(office_db)
    enroll(office_db, first)
    assert Importer(office_db, clock=lambda: now).run(first).status == "accepted"
    later = now + timedelta(days=15)
    cutoff = later - timedelta(days=28)
    with office_db.session() as s:  # all within retention when imported
        assert all(s.execute(select(Visit.name)).scalars())
    office = Desk(office_db, clock=lambda: later)
    result = office.records.erase_expired()
    assert result.counts["visit"] > 0
    with office_db.session() as s:
        revs_after = dict(s.execute(select(Visit.id, Visit.rev)).all())
    # The office does not make revisions of a gate's records; it marks its copies erased instead.
    summary = Importer(office_db, clock=lambda: later + timedelta(minutes=1)).run(first)
    assert summary.already_imported or not summary.conflicts
    assert all(v.name is None for v in visit_ages(office_db, cutoff)[0])
    with office_db.session() as s:
        assert dict(s.execute(select(Visit.id, Visit.rev)).all()) == revs_after
    office_db.close()


def test_a_supervisor_deletes_with_a_reason_and_the_office_follows(tmp_path, now, open_office):
    desk = demo_desk(tmp_path, now, days=1)
    office = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    ensure_office(office)
    enroll(office, desk)
    first = Importer(office, clock=lambda: now).run(export_bundle(desk.db, tmp_path / "s1", now=now, sheets=False).path)
    assert first.status == "accepted"
    sign_in(desk, "张保安")
    with desk.db.session() as s:
        victim = s.execute(select(Visit.id).where(~Visit.id.in_(select(IsolationCase.visit_id).where(
            IsolationCase.visit_id.is_not(None)))).limit(1)).scalar()
    with pytest.raises(NotAllowed):  # guards cannot delete
        desk.gate.delete_visit(victim, "登记重复")
    sup = next(o for o in desk.staff.operators() if o.name == "陈主管")
    with desk.authorised(sup.id, DEMO_PINS["supervisor"], Role.SUPERVISOR):
        with pytest.raises(InvalidInput):
            desk.gate.delete_visit(victim, "  ")
        desk.gate.delete_visit(victim, "登记重复")
        with desk.db.session() as s:
            assert s.get(Visit, victim) is None
            stone = s.execute(select(Tombstone).where(Tombstone.record_id == victim)).scalar_one()
            assert (stone.reason, stone.operator_id) == ("登记重复", sup.id)
            assert [e.record_id for e in audit.entries(s) if e.action == "delete"] == [victim]
        with office.session() as s:
            assert s.get(Visit, victim) is not None  # the office has its copy until the deletion arrives
        later = now + timedelta(hours=1)
        second = Importer(office, clock=lambda: later).run(
            export_bundle(desk.db, tmp_path / "s2", now=later, sheets=False).path)
        assert second.status == "accepted"
        with office.session() as s:
            assert s.get(Visit, victim) is None
        desk.db.close()
        office.close()


def test_the_end_of_the_campaign_leaves_no_personal_data_anywhere(tmp_path, now):
    desk = demo_desk(tmp_path, now, days=3)
    desk.records.daily_backup()
    backups = list((tmp_path / "gate" / "backups").glob("*.sqlite3"))
    assert backups
    with desk.db.session() as s:
        visits_before = s.scalar(select(func.count()).select_from(Visit))
        some_name = s.execute(select(Resident.name).limit(1)).scalar()
        some_phone = s.execute(select(Visit.phone).where(Visit.phone.is_not(None)).limit(1)).scalar()
    sign_in(desk, "林管理")
    with pytest.raises(NotConfirmed):
        desk.records.end_campaign("yes")
    with desk.db.session() as s:
        assert retention.personal_left(s) > 0
    done = desk.records.end_campaign(desk.records.campaign_phrase())
    with desk.db.session() as s:
        assert retention.personal_left(s) == 0
        assert s.scalar(select(func.count()).select_from(Visit)) == visits_before
        assert [e.action for e in audit.entries(s)][0] == "erase_all"
    assert done.backups_removed == len(backups) and not list((tmp_path / "gate" / "backups").glob("*.sqlite3"))
    desk.db.close()
    raw = b"".join(p.read_bytes() for p in (tmp_path / "gate").glob("gatedesk.sqlite3*"))
    assert some_name.encode() not in raw and some_phone.encode() not in raw


def test_only_an_administrator_ends_the_campaign(tmp_path, now):
    desk = demo_desk(tmp_path, now, days=1)
    sign_in(desk, "陈主管")
    with pytest.raises(NotAllowed):
        desk.records.end_campaign(desk.records.campaign_phrase())
    with desk.db.session() as s:
        assert retention.personal_left(s) > 0
    desk.db.close()


def test_a_deleted_registration_is_not_left_readable_in_the_file(tmp_path, now):
    """SQLite leaves a deleted row's bytes in the page unless told to overwrite them."""
    from tests.models.test_trust import visitor

    desk = demo_desk(tmp_path, now, days=1)
    sign_in(desk, "张保安")
    saved = desk.gate.register(visitor(name="欧阳娜娜", phone="13705912345"))
    sup = next(o for o in desk.staff.operators() if o.name == "陈主管")
    with desk.authorised(sup.id, DEMO_PINS["supervisor"], Role.SUPERVISOR):
        desk.gate.delete_visit(saved.visit.id, "登记错误")
        with desk.db.engine.connect() as c:  # Debian's SQLite does this by default; Windows' does not
            assert c.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
        desk.db.close()
        raw = b"".join(p.read_bytes() for p in (tmp_path / "gate").glob("gatedesk.sqlite3*"))
        assert "欧阳娜娜".encode() not in raw and b"13705912345" not in raw


def test_erasing_in_small_chunks_reaches_the_same_end_and_each_chunk_is_audited(tmp_path, now):
    desk = demo_desk(tmp_path, now)
    cutoff = now - timedelta(days=28)
    old_before, _ = visit_ages(desk.db, cutoff)
    stop_after = iter([False, False, True])
    part = desk.records.erase_expired(chunk=50, stopping=lambda: next(stop_after, True))
    assert part.counts["visit"] == 100  # two chunks, then told to stop (the window closed)
    rest = desk.records.erase_expired(chunk=50)
    assert rest.counts["visit"] == len(old_before) - 100
    old, _ = visit_ages(desk.db, cutoff)
    assert all(v.name is None for v in old)
    with desk.db.session() as s:
        purges = [e for e in audit.entries(s, limit=1000) if e.action == "purge"]
        assert sum(int(p.detail.split("visit=")[1].split()[0]) for p in purges if "visit=" in p.detail) == len(old)
    # The next day reads only the day that aged out since (the mark of the last complete pass).
    desk.clock = lambda: now + timedelta(days=1)
    next_day = desk.records.erase_expired()
    assert 0 < next_day.counts["visit"] <= 20 * 2
    desk.db.close()


def test_two_office_pcs_erasing_at_once_on_one_server(tmp_path, now, pg_server):
    """Every office PC runs the daily erasure; on a server they meet. One erases, the other leaves
    it to it; nothing fails, everything due is erased, the audit chain stays whole."""
    import threading


    gate = demo_desk(tmp_path, now, days=20)  # within retention when it arrives
    first = export_bundle(gate.db, tmp_path / "stick1", now=now, sheets=False).path
    gate.db.close()
    url = pg_server.new_database()
    office_db = open_database(url)
    ensure_office(office_db)
    enroll(office_db, first)
    assert Importer(office_db, clock=lambda: now).run(first).status == "accepted"
    later = now + timedelta(days=15)
    pcs = [Desk(open_database(url), clock=lambda: later) for _ in range(2)]
    results, errors, start = [], [], threading.Barrier(2)

    def erase(desk):
        start.wait()
        try:
            results.append(desk.records.erase_expired(chunk=200))
        except Exception as exc:  # noqa: BLE001 - what the window would show as a failed erasure
            errors.append(exc)

    threads = [threading.Thread(target=erase, args=(pc,)) for pc in pcs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    assert any(r is not None and r.complete and r.total > 0 for r in results)
    cutoff = later - timedelta(days=28)
    old, new = visit_ages(office_db, cutoff)
    assert old and all(v.name is None and v.phone is None for v in old) and all(new)
    with office_db.engine.connect() as c:
        assert audit.verify(c).first_bad is None
    for pc in pcs:
        pc.db.close()
    office_db.close()
