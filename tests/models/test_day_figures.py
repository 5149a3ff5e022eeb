"""The office's registrations per gate and local day are always what its visits say: after an import,
a later revision, a deletion, a decided conflict, another time zone, and at an office from before
the figures existed (both engines)."""
from __future__ import annotations

from collections import Counter
from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select, text

from models.app.demo import DEMO_PINS
from models.app.desk import Desk
from models.gate.visits import Visit
from models.store.clock import local_today
from models.store.db import open_database
from models.sync import Importer, day_figures, export_bundle
from models.sync.day_figures import VisitDay
from models.trust.operators import Role
from tests.conftest import NOW
from tests.models.test_units import LATER, gates, office  # noqa: F401 - fixtures
from tests.sync_helpers import changed_first_destination, craft, joined, lines, signing_key


def from_the_visits(db, zone: ZoneInfo) -> dict[tuple[str, str], tuple[int, int, int, int]]:
    counts: Counter = Counter()
    with db.engine.connect() as c:
        for gate, at, decision, reasons in c.execute(select(Visit.gate_id, Visit.created_at, Visit.decision,
                                                            Visit.reasons)):
            key = (gate, day_figures.local_day(at, zone))
            counts[key + ("v",)] += 1
            counts[key + ("r",)] += decision == "refuse"
            counts[key + ("i",)] += decision == "isolate"
            counts[key + ("f",)] += "fever" in (reasons or "")
    return {(g, d): (counts[(g, d, "v")], counts[(g, d, "r")], counts[(g, d, "i")], counts[(g, d, "f")])
            for g, d, kind in counts if kind == "v"}


def held(db) -> dict[tuple[str, str], tuple[int, int, int, int]]:
    with db.engine.connect() as c:
        return {(r.gate_id, r.day): (r.visits, r.refused, r.isolated, r.fevers)
                for r in c.execute(select(VisitDay.__table__))}


def test_the_figures_are_counted_once_then_kept_by_every_import(office, gates, tmp_path):  # noqa: F811
    zone = office.settings.zone
    day = local_today(NOW, zone)
    with office.db.engine.begin() as c:  # as an office from before the figures has it
        c.execute(text("DELETE FROM visit_day"))
        c.execute(text("DELETE FROM meta WHERE key = 'visit_day_zone'"))
    summary = office.office.day_summary(day)  # the first read counts them, in the office's zone
    assert held(office.db) == from_the_visits(office.db, zone) and held(office.db)
    assert summary.total.visits == sum(v[0] for (g, d), v in held(office.db).items() if d == day.isoformat())
    # A later bundle of a gate (a copy: the gates serve other tests): a registration changed
    # (refused now), another deleted.
    _, dbs = gates
    copy = tmp_path / "gate" / "gatedesk.sqlite3"
    copy.parent.mkdir()
    import sqlite3

    with sqlite3.connect(dbs[0].path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    gate_db = open_database(copy)
    with gate_db.engine.begin() as c:
        first, second = c.execute(text("SELECT id FROM visit WHERE decision = 'admit' ORDER BY id LIMIT 2")).scalars()
        c.execute(text("UPDATE visit SET decision = 'refuse', reasons = 'fever', rev = rev + 1, "
                       "updated_at = :t WHERE id = :i"), {"t": NOW + timedelta(minutes=30), "i": first})
    gate = Desk(gate_db, clock=lambda: NOW + timedelta(minutes=31))
    with gate.authorised(next(o.id for o in gate.staff.operators() if o.name == "陈主管"), DEMO_PINS["supervisor"],
                   Role.SUPERVISOR):
        gate.gate.delete_visit(second, "登记重复")
        later = export_bundle(gate_db, tmp_path / "later", sheets=False, now=NOW + timedelta(minutes=40))
        gate_db.close()
        assert Importer(office.db, clock=lambda: LATER).run(later.path).status == "accepted"
        assert held(office.db) == from_the_visits(office.db, zone)
        before = office.office.day_summary(day).total
        assert office.office.visit_series(day, 28)[-1][1:] == (before.visits, before.refused, before.isolated)


def test_a_decided_conflict_and_another_zone_are_counted_again(office, gates, tmp_path):  # noqa: F811
    zone = office.settings.zone
    day = local_today(NOW, zone)
    office.office.day_summary(day)
    _, dbs = gates
    path = export_bundle(dbs[1], tmp_path / "again", sheets=False, now=NOW + timedelta(minutes=20),
                         day_from=NOW.date() - timedelta(days=2), day_to=NOW.date() + timedelta(days=1)).path

    def refused_at_same_revision(data: bytes) -> bytes:
        records = lines(changed_first_destination(data))
        records[0]["decision"] = "refuse" if records[0]["decision"] != "refuse" else "admit"
        return joined(records)

    conflicting = craft(path, tmp_path / "conflict.gdbundle", signing_key(dbs[1]),
                        members={"visit.jsonl": refused_at_same_revision},
                        manifest=lambda m: m.update(sequence=m["sequence"] + 5))
    summary = Importer(office.db, clock=lambda: LATER).run(conflicting)
    assert summary.status == "accepted" and summary.conflicts
    assert held(office.db) == from_the_visits(office.db, zone)  # the office's copy stays until decided
    with office.authorised(office.staff.operators()[0].id, "2468", Role.ADMIN):
        [conflict] = [c for c in office.sync.open_conflicts() if c.record_type == "visit"]
        office.sync.resolve_conflict(conflict.id, take_incoming=True)
        assert held(office.db) == from_the_visits(office.db, zone)
        # The office moves to another zone: its figures are counted again, by that zone's days.
        settings = office.settings.model_copy(update={"timezone": "Europe/London"})
        office.staff.update_settings(settings)
        london = ZoneInfo("Europe/London")
        office.office.day_summary(day)
        with office.db.engine.connect() as c:
            assert day_figures.counted_in(c) == "Europe/London"
        assert held(office.db) == from_the_visits(office.db, london)


def test_a_visit_at_23_50_and_one_at_00_10_china_time_count_on_their_own_days():
    china = ZoneInfo("Asia/Shanghai")
    assert day_figures.local_day("2026-12-01 15:50:00.000000", china) == "2026-12-01"  # 23:50 local
    assert day_figures.local_day("2026-12-01 16:10:00.000000", china) == "2026-12-02"  # 00:10 local
    from datetime import datetime, timezone

    assert day_figures.local_day(datetime(2026, 12, 1, 18, 30, tzinfo=timezone.utc), china) == "2026-12-02"  # 02:30
    # As the wire (and a server office) holds them, and in a zone whose offset is not whole hours.
    assert day_figures.local_day("2026-12-01T15:50:00.000000Z", china) == "2026-12-01"
    nepal = ZoneInfo("Asia/Kathmandu")  # UTC+05:45
    assert day_figures.local_day("2026-12-01T18:14:59.999999Z", nepal) == "2026-12-01"  # 23:59:59 local
    assert day_figures.local_day("2026-12-01T18:15:00.000000Z", nepal) == "2026-12-02"  # 00:00 local


def test_parcels_on_the_shelf_at_each_days_end_are_those_not_yet_handed_out(office, gates):  # noqa: F811
    """The dashboard asks with terms an index answers; the parcels it counts are still exactly those
    received before the day's end and waiting, or collected or delivered after it."""
    from models.station.parcels import Parcel
    from models.store.clock import day_bounds

    zone = office.settings.zone
    with office.db.session() as s:  # one collected and one delivered a day and more after arriving
        collected, delivered = s.execute(select(Parcel).order_by(Parcel.id).limit(2)).scalars()
        collected.status, collected.collected_at, collected.delivered_at = \
            "collected", collected.received_at + timedelta(hours=30), None
        delivered.status, delivered.collected_at, delivered.delivered_at = \
            "delivered", None, delivered.received_at + timedelta(hours=30)
        s.commit()
    with office.db.reading() as s:
        parcels = [(p.received_at, p.status, p.collected_at or p.delivered_at) for p in s.execute(select(Parcel)).scalars()]
    assert parcels
    for back in range(3):
        day = local_today(NOW, zone) - timedelta(days=back)
        _, end = day_bounds(day, zone)
        expected = sum(1 for received, status, handed_out in parcels
                       if received < end and (status == "waiting" or handed_out is not None and handed_out >= end))
        assert office.office.day_summary(day).total.parcels_waiting == expected, day
