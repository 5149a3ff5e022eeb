"""Reads never wait for writes: while another connection holds the write lock (an office import
runs for minutes), every read of the desk and the command line's stats return at once."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from models.app.demo import DEMO_PINS, create_demo
from models.app.desk import Desk
from models.gate.visit_log import VisitQuery
from models.store.db import open_database
from tests.conftest import NOW

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def gate(tmp_path):
    db = open_database(tmp_path / "gate" / "gatedesk.sqlite3")
    create_demo(db, days=1, visits_per_day=30, seed=2, now=NOW)
    yield db
    db.close()


def hold_the_write_lock(path: Path) -> sqlite3.Connection:
    """Another writer, mid-transaction: what an office import is for minutes."""
    con = sqlite3.connect(path, isolation_level=None, timeout=0)
    con.execute("BEGIN IMMEDIATE")
    con.execute("INSERT INTO meta (key, value) VALUES ('held', 'x')")
    return con


def test_every_read_returns_at_once_while_another_connection_writes(gate):
    desk = Desk(gate, clock=lambda: NOW)
    guard = next(o for o in desk.staff.operators() if o.name == "张保安")
    desk.staff.sign_in(guard.id, DEMO_PINS["guard1"])  # the reads are the guard's screens'
    day = NOW.date()
    reads = {
        "operators": desk.staff.operators, "on_site": desk.gate.on_site, "today_counts": desk.gate.today_counts,
        "waiting_count": desk.parcels.waiting_count, "open_case_count": desk.isolation.open_case_count,
        "isolation_cases": desk.isolation.isolation_cases, "waiting_parcels": desk.parcels.waiting_parcels,
        "page_visits": lambda: desk.gate.page_visits(VisitQuery(), offset=0, limit=50),
        "count_visits": lambda: desk.gate.count_visits(VisitQuery()), "recall": lambda: desk.gate.recall("13800138000"),
        "readiness_today": desk.parcels.readiness_today, "parcel_counts": desk.parcels.parcel_counts,
        "completeness": desk.sync.completeness, "day_summary": lambda: desk.office.day_summary(day),
        "visit_series": lambda: desk.office.visit_series(day, 7), "open_conflicts": desk.sync.open_conflicts,
        "is_office": lambda: desk.is_office, "a new desk": lambda: Desk(gate, clock=lambda: NOW),
    }
    writer = hold_the_write_lock(gate.path)
    try:
        for name, read in reads.items():
            started = time.perf_counter()
            read()
            # a read that waited would wait the whole busy timeout (5 s) and then fail: a noisy
            # machine's slowness stays well below it
            assert time.perf_counter() - started < 4.5, name
    finally:
        writer.rollback()
        writer.close()


def test_stats_works_while_another_process_imports(gate):
    writer = hold_the_write_lock(gate.path)
    try:
        started = time.perf_counter()
        r = subprocess.run([sys.executable, str(ROOT / "main.py"), "stats", "--json", "--data-dir",
                            str(gate.path.parent)], capture_output=True, text=True, timeout=60)
        assert r.returncode == 0, r.stderr
        assert '"visits": 30' in r.stdout and time.perf_counter() - started < 4.5
    finally:
        writer.rollback()
        writer.close()


def test_office_reads_on_a_server_return_at_once_while_another_pc_imports(tmp_path, pg_server):
    """Several office PCs on one server: one imports (its file half applied, its locks held), the
    others look at the dashboard, drill down, write the report and run stats, and none of it waits."""
    import threading

    from models.sync import Importer, export_bundle
    from models.trust.operators import Role
    from tests.sync_helpers import enroll

    gates = []
    for name, seed in (("东门", 1), ("西门", 2)):
        db = open_database(tmp_path / name / "gatedesk.sqlite3")
        create_demo(db, days=2, visits_per_day=400, seed=seed, gate=name, now=NOW)
        gates.append((db, export_bundle(db, tmp_path / "usb" / name, sheets=False, now=NOW).path))
    url = pg_server.new_database()
    office = open_database(url)
    desk = Desk(office, clock=lambda: NOW)
    desk.sync.complete_office_setup(office_name="温泉社区居委会", community="温泉社区", admin_name="林管理",
                                    pin="1234", pin_again="1234", office_label="办公室")
    with desk.authorised(desk.staff.operators()[0].id, "1234", Role.ADMIN):
        enroll(office, *(db for db, _ in gates))
        assert Importer(office, clock=lambda: NOW).run(gates[0][1]).status == "accepted"

        halfway, finish = threading.Event(), threading.Event()

        def hold_mid_file(done, total):
            if done < total and not halfway.is_set():
                halfway.set()
                finish.wait(300)

        other_pc = open_database(url)
        importing = threading.Thread(target=lambda: Importer(other_pc, clock=lambda: NOW).run(
            gates[1][1], progress=hold_mid_file))
        importing.start()
        try:
            assert halfway.wait(30)
            day = NOW.date()
            summary = desk.office.day_summary(day)
            reads = {
                "day_summary": lambda: desk.office.day_summary(day), "visit_series": lambda: desk.office.visit_series(day, 7),
                "drill_visits": lambda: desk.office.drill_visits(compound_ids=summary.compounds[0].compound_ids, day=day),
                "open_conflicts": desk.sync.open_conflicts, "completeness": desk.sync.completeness,
                "operators": desk.staff.operators, "report": lambda: desk.office.write_report(day, tmp_path / "r.xlsx"),
            }
            # The import holds its locks until `finish` (or 300 s): a read that waited for them
            # could only return once the import had ended. Returning while it is still held is the
            # proof; how long a read takes on a shared machine is the bench's business.
            for name, read in reads.items():
                read()
                assert importing.is_alive() and not finish.is_set(), name
            r = subprocess.run([sys.executable, str(ROOT / "main.py"), "stats", "--json", "--database", url],
                               capture_output=True, text=True, timeout=120)
            assert r.returncode == 0 and '"visits": 800' in r.stdout, r.stderr  # the other file is not in yet
            assert importing.is_alive()
        finally:
            finish.set()
            importing.join(120)
        with office.reading() as s:
            from models.app.stats import record_counts
            assert record_counts(s)["visits"] == 1600  # and then it is, whole
        other_pc.close()
        office.close()
        for db, _ in gates:
            db.close()
