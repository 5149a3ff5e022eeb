"""What the office sees: figures per compound (gates of one compound together), who has not reported."""
from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import text

from models import sync
from models.app.demo import create_demo
from models.office import dashboard as office
from models.store.clock import local_today
from models.store.db import open_database
from models.sync import Importer, ensure_office, export_bundle
from tests.sync_helpers import enroll

ZONE = ZoneInfo("Asia/Shanghai")


def test_two_gates_of_one_compound_are_one_compound_and_figures_add_up(tmp_path, now, open_office):
    off = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    ensure_office(off)
    for gate, seed in (("东门", 1), ("西门", 2)):
        db = open_database(tmp_path / gate / "gatedesk.sqlite3")
        create_demo(db, days=3, visits_per_day=50, parcels_per_day=10, seed=seed, gate=gate, now=now)
        enroll(off, db)
        path = export_bundle(db, tmp_path / "usb", sheets=False, now=now).path
        assert Importer(off, clock=lambda: now).run(path).status == "accepted"
        db.close()
    today = local_today(now, ZONE)
    with off.session() as s:
        summary = office.day_summary(s, today, ZONE)
        series = office.series(s, today, 7, ZONE)
        late = sync.not_reported(s, today - timedelta(days=1), ZONE, now=now)
        fresh = sync.not_reported(s, today, ZONE, now=now)
    [compound] = summary.compounds
    assert compound.compound == "榕城花园" and compound.gates == 2 and len(compound.compound_ids) == 2
    assert set(compound.by_gate) == {"东门", "西门"}
    assert summary.total.visits == compound.figures.visits == 100
    with off.engine.connect() as c:
        refused = c.execute(text("SELECT count(*) FROM visit WHERE decision = 'refuse'")).scalar()
    assert sum(d[2] for d in series) == refused  # three days of demo data fall inside the seven
    assert sum(d[1] for d in series) == 300
    assert late == [] and fresh == []  # bundles written just now reach past yesterday's end
    with off.session() as s:
        rows = office.drill_visits(s, compound_ids=compound.compound_ids, day=today, zone=ZONE)
    assert len(rows) == 100 and all("*" in r.name for r in rows)
    off.close()


def test_a_gate_that_sent_nothing_recently_is_listed_as_not_reported(tmp_path, now, open_office):
    off = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    ensure_office(off)
    db = open_database(tmp_path / "g" / "gatedesk.sqlite3")
    create_demo(db, days=5, visits_per_day=20, seed=3, now=now)
    enroll(off, db)
    today = local_today(now, ZONE)
    old = export_bundle(db, tmp_path / "usb", day_from=today - timedelta(days=4), day_to=today - timedelta(days=3),
                        sheets=False, now=now)
    assert Importer(off, clock=lambda: now).run(old.path).status == "accepted"
    with off.session() as s:
        missing = sync.not_reported(s, today - timedelta(days=1), ZONE, now=now)
    assert len(missing) == 1 and missing[0].startswith("榕城花园 东门")
    db.close()
    off.close()


def test_the_report_asks_the_office_clock_who_has_not_reported(tmp_path, now, open_office):
    """Written on the day, a bundle from this morning is enough: the report used the computer's
    clock instead and listed every gate as not reported."""
    from openpyxl import load_workbook

    from models.app.desk import Desk
    from models.trust.operators import Role

    off = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    db = open_database(tmp_path / "g" / "gatedesk.sqlite3")
    create_demo(db, days=1, visits_per_day=20, seed=3, now=now)
    enroll(off, db)
    path = export_bundle(db, tmp_path / "usb", sheets=False, now=now).path
    desk = Desk(off, clock=lambda: now + timedelta(hours=1))
    desk.sync.complete_office_setup(office_name="温泉社区居委会", community="温泉社区", admin_name="林管理",
                                    pin="1234", pin_again="1234", office_label="办公室")
    admin = desk.staff.operators()[0]
    with desk.authorised(admin.id, "1234", Role.ADMIN):
        assert desk.sync.importer().run(path).status == "accepted"
        rows = list(load_workbook(desk.office.write_report(local_today(now, ZONE), tmp_path / "r.xlsx"))
                    .active.iter_rows(values_only=True))
        assert ("未报送",) not in [r[:1] for r in rows]
        db.close()
        off.close()


def test_two_stations_set_up_with_the_same_names_are_told_apart(tmp_path, now, open_office):
    """Issue: two demo stations (榕城花园 东门 each) merged into one line at the office and could not be
    told apart. Each is named with its key's fingerprint, the one on its set-up sheet."""
    from tests.sync_helpers import fingerprint

    off = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    ensure_office(off)
    prints = []
    for n in (1, 2):
        db = open_database(tmp_path / f"g{n}" / "gatedesk.sqlite3")
        create_demo(db, days=1, visits_per_day=10, seed=n, now=now)
        enroll(off, db)
        prints.append(fingerprint(db))
        path = export_bundle(db, tmp_path / f"usb{n}", sheets=False, now=now - timedelta(days=2)).path
        assert Importer(off, clock=lambda: now).run(path).status == "accepted"
        db.close()
    with off.session() as s:
        reports = sync.completeness(s)
        quiet = sync.not_reported(s, local_today(now, ZONE), ZONE, now=now)
    assert sorted(r.gate_label for r in reports) == sorted(f"东门 · {p}" for p in prints)
    assert len(set(quiet)) == 2 and all(any(p in line for line in quiet) for p in prints)
    off.close()


def test_a_gate_needs_attention_once_a_days_bundle_is_late_or_its_numbers_have_gaps(tmp_path, now, open_office):
    """The gates table's red lines are the core's judgement: a day's bundle may come a little late."""
    off = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    ensure_office(off)
    db = open_database(tmp_path / "g" / "gatedesk.sqlite3")
    create_demo(db, days=1, visits_per_day=10, seed=3, now=now)
    enroll(off, db)
    assert Importer(off, clock=lambda: now).run(export_bundle(db, tmp_path / "usb", sheets=False, now=now).path) \
        .status == "accepted"
    db.close()
    with off.session() as s:
        [report] = sync.completeness(s)
    assert not report.needs_attention(now + timedelta(hours=25))  # yesterday's bundle, an hour late
    assert report.needs_attention(now + timedelta(hours=27))
    report.missing = [(2, 2)]
    assert report.needs_attention(now)
    off.close()
