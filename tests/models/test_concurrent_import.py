"""Several office PCs import into one PostgreSQL database at once: overlapping bundle sets, in any
order, end with exactly the union a serial import gives — no duplicate, no lost update, no deadlock
said to anyone, each file whole — and the audit chain stays one unbroken chain."""
from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from models.app.demo import create_demo
from models.app.desk import Desk
from models.gate.visits import VisitForm
from models.store.db import open_database
from models.sync import Importer, ensure_office, export_bundle
from models.trust import audit
from tests.conftest import NOW
from tests.sync_helpers import enroll

ROOT = Path(__file__).resolve().parent.parent.parent
LATER = NOW + timedelta(hours=3)
GATES = (("榕城花园", "东门", 1), ("榕城花园", "西门", 2), ("三坊小区", "北门", 3), ("金山小区", "南门", 4))
ROUNDS = int(os.environ.get("GATEDESK_CONCURRENT_ROUNDS", "6"))
RECORD_TABLES = ("compound", "gate", "operator", "visit", "isolation_case", "parcel", "disinfection_round",
                 "readiness_check", "sync_record", "sync_station", "sync_receipt", "tombstone", "sync_conflict")


@pytest.fixture(scope="module")
def bundles(tmp_path_factory) -> tuple[list, list[Path]]:
    """Four gates (two of one compound), two bundles each: the second updates records of the first."""
    root = tmp_path_factory.mktemp("district")
    gates, paths = [], []
    for compound, gate, seed in GATES:
        db = open_database(root / gate / "gatedesk.sqlite3")
        create_demo(db, days=1, visits_per_day=120, parcels_per_day=15, seed=seed, compound=compound, gate=gate,
                    now=NOW)
        paths.append(export_bundle(db, root / "usb", sheets=False, now=NOW).path)
        desk = Desk(db, clock=lambda: NOW + timedelta(minutes=30))
        guard = next(o for o in desk.staff.operators() if o.role == "guard")
        desk.staff.sign_in(guard.id, "1111")
        for visit in desk.gate.on_site()[:5]:
            desk.gate.sign_out(visit.id)  # updates: a higher revision of records already sent
        desk.gate.register(VisitForm(kind="visitor", name="王五", phone=f"1380013800{seed}", destination="3-1-502",
                                     host="李四", temperature="36.5", code_color="green", nat_result="negative",
                                     nat_sampled_at="20h", risk_flag=False, mask=True))
        paths.append(export_bundle(db, root / "usb", sheets=False, now=NOW + timedelta(hours=1)).path)
        gates.append(db)
    yield gates, paths
    for db in gates:
        db.close()


@pytest.fixture(scope="module")
def ready_office(bundles, pg_server):
    """An office database on the server with every gate enrolled: the template of each round."""
    gates, _ = bundles
    url = pg_server.new_database()
    db = open_database(url)
    ensure_office(db)
    enroll(db, *gates)
    db.close()
    yield url
    pg_server.drop_database(url)


# When each file happened to be imported, by which clock, and what each receipt counted as new or
# unchanged (a gate's second bundle imported before its first creates what the first then finds):
# not part of what was imported.
IMPORT_TIMES = {"first_seen", "last_imported_at", "imported_at", "detected_at", "created", "updated", "unchanged"}


def union(url: str) -> dict[str, list]:
    """What the office holds, leaving out when each file happened to be imported."""
    db = open_database(url)
    try:
        with db.engine.connect() as c:
            return {table: sorted((tuple((k, repr(v)) for k, v in sorted(r.items()) if k not in IMPORT_TIMES)
                                   for r in c.execute(text(f'SELECT * FROM "{table}"')).mappings()), key=repr)
                    for table in RECORD_TABLES}
    finally:
        db.close()


def chain(url: str) -> tuple[int, int | None]:
    db = open_database(url)
    try:
        with db.engine.connect() as c:
            verdict = audit.verify(c, anchor=None)
            imports = c.execute(text("SELECT count(*) FROM audit_event WHERE action = 'import'")).scalar()
        return imports, verdict.first_bad
    finally:
        db.close()


@pytest.fixture(scope="module")
def serial(bundles, ready_office, pg_server):
    _, paths = bundles
    url = pg_server.new_database(template=ready_office.rsplit("/", 1)[1])
    db = open_database(url)
    summaries = [Importer(db, clock=lambda: LATER).run(p) for p in paths]
    db.close()
    assert [s.status for s in summaries] == ["accepted"] * len(paths)
    yield union(url)
    pg_server.drop_database(url)


def importer_process(url: str, files: list[Path]) -> subprocess.CompletedProcess:
    """An office PC's `gatedesk import`, its clock at LATER (what it keeps is judged by its clock)."""
    return subprocess.run(["faketime", LATER.strftime("%Y-%m-%d %H:%M:%S"), sys.executable, str(ROOT / "main.py"),
                           "import", "--database", url, "--json", *map(str, files)],
                          capture_output=True, text=True, timeout=300, env=dict(os.environ, GATEDESK_LANG="en", TZ="UTC"))


@pytest.mark.skipif(shutil.which("faketime") is None, reason="faketime is not installed (apt-get install faketime)")
@pytest.mark.parametrize("round_", range(ROUNDS))
def test_office_pcs_importing_at_once_end_with_the_serial_union(bundles, ready_office, serial, pg_server, round_):
    _, paths = bundles
    rng = random.Random(round_)
    url = pg_server.new_database(template=ready_office.rsplit("/", 1)[1])
    # Three office PCs, each with most of the files (every file on at least two), each in its own order.
    sets = []
    for _ in range(3):
        chosen = [p for p in paths if rng.random() < 0.75]
        rng.shuffle(chosen)
        sets.append(chosen)
    for p in paths:
        holders = [s for s in sets if p in s]
        while len(holders) < 2:
            target = rng.choice([s for s in sets if p not in s])
            target.insert(rng.randrange(len(target) + 1), p)
            holders.append(target)
    with ThreadPoolExecutor(len(sets)) as pool:
        results = list(pool.map(lambda files: importer_process(url, files), sets))
    for r in results:
        assert r.returncode == 0, (r.stdout[-2000:], r.stderr[-2000:])
        assert "Traceback" not in r.stderr and "deadlock" not in (r.stdout + r.stderr).lower()
    assert union(url) == serial
    imports, first_bad = chain(url)
    assert first_bad is None and imports == len(paths)  # a bundle already imported is only checked
    pg_server.drop_database(url)


def test_two_runs_of_several_files_at_once_in_one_process_each(bundles, ready_office, serial, pg_server):
    """The office window imports a whole folder as one run (Importer.run_all): two windows at once."""
    two_runs_at_once(bundles, ready_office, serial, pg_server, lambda db, files: Importer(
        db, clock=lambda: LATER).run_all(files))


def test_two_runs_read_ahead_by_workers_at_once(bundles, ready_office, serial, pg_server, monkeypatch):
    """With workers reading ahead, a file's new records are claimed at once, and a file whose
    records turn out held (the other run brought them first) is run again asking: two runs in
    opposite orders still end with the serial union."""
    from models.sync import reader

    monkeypatch.setattr(reader, "READ_AHEAD_MIN_BYTES", 0)  # the demo's bundles are small
    two_runs_at_once(bundles, ready_office, serial, pg_server, lambda db, files: Importer(
        db, clock=lambda: LATER, workers=1).run_each(files))


def two_runs_at_once(bundles, ready_office, serial, pg_server, run) -> None:
    """Two runs of every file at once, in opposite orders, each on its own connection: each file
    accepted by both, and the office ends with the serial union and one unbroken audit chain."""
    _, paths = bundles
    url = pg_server.new_database(template=ready_office.rsplit("/", 1)[1])
    dbs = [open_database(url), open_database(url)]
    orders = [list(paths), list(reversed(paths))]
    with ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(lambda i: run(dbs[i], orders[i]), range(2)))
    for db in dbs:
        db.close()
    assert [s.status for run_ in runs for s in run_] == ["accepted"] * (2 * len(paths))
    assert union(url) == serial
    assert chain(url)[1] is None
    pg_server.drop_database(url)
