"""Reads never wait for writes: while another connection holds the write lock (an office import
runs for minutes), every read of the desk and the command line's stats return at once."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from models.app.demo import create_demo
from models.app.desk import Desk
from models.gate.visits import VisitQuery
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
            assert time.perf_counter() - started < 1.0, name  # the busy timeout is 5 s: it did not wait
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
