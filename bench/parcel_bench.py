"""Drop-off station figures for docs/BENCHMARKS.md (issue 3). Prints a table; asserts nothing.

    python main.py demo --data-dir bench/out/parcels-1m --days 100 --visits-per-day 100 \\
        --parcels-per-day 10000 --seed 7
    .venv/bin/python bench/parcel_bench.py bench/out/parcels-1m

Work is done on a copy of the database so the demo stays as built.
"""
from __future__ import annotations

import gc
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from table import pct, print_table  # noqa: E402


def main() -> None:
    src = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "bench" / "out" / "parcels-1m")
    work = Path(tempfile.mkdtemp(prefix="gatedesk-bench-"))
    shutil.copy(src / "gatedesk.sqlite3", work / "gatedesk.sqlite3")

    from models.app.desk import Desk
    from models.app.stats import record_counts
    from models.station.parcels import IntakeForm
    from models.store import paths
    from models.store.db import open_database

    db = open_database(paths.database_path(work), background_checkpoints=True)  # as the app does
    desk = Desk(db)
    with db.session() as s:
        total = record_counts(s)["parcels"]
    guard = next(o for o in desk.staff.operators() if o.role == "guard")
    desk.staff.sign_in(guard.id, "1111")
    gc.freeze()  # as gui.app.run does once the main window is up
    rows = []

    n = 0

    def intake() -> float:
        """Scanner Enter to saved: validate, issue a pick-up code, insert, durable commit."""
        nonlocal n
        n += 1
        time.sleep(0.05)  # a scanner-fed pile still comes item by item; leaves the checkpointer a gap
        t0 = time.perf_counter()
        desk.parcels.take_in(IntakeForm(kind="parcel", carrier="顺丰", tracking_no=f"SF{n:012d}", room="3-2-501",
                                recipient_name="王大明", phone_tail="5678", shelf="A-3"))
        return time.perf_counter() - t0

    for _ in range(20):
        intake()
    saves = [intake() for _ in range(500)]

    fd = os.open(work / "fsync.probe", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    floor = []
    for _ in range(520):
        time.sleep(0.05)
        t0 = time.perf_counter()
        os.write(fd, b"x" * 16384)  # about the pages an intake changes
        os.fsync(fd)
        floor.append(time.perf_counter() - t0)
    os.close(fd)
    floor = floor[20:]

    rows.append(("disk floor: write 16 KB + fsync (n=500, 50 ms apart)", f"{pct(floor, 50) * 1000:.2f} ms",
                 f"{pct(floor, 99) * 1000:.2f} ms p99", "—"))
    rows.append((f"parcel intake to saved ({total:,} parcels, n=500)", f"{pct(saves, 50) * 1000:.2f} ms",
                 f"{pct(saves, 99) * 1000:.2f} ms p99", "p99 ≤ 5 ms"))

    waiting = desk.parcels.waiting_parcels()
    codes = [p.pickup_code for p in waiting[:200]]
    t = []
    for code in codes:
        t0 = time.perf_counter()
        desk.parcels.find_parcels(code=code)
        t.append(time.perf_counter() - t0)
    rows.append(("pick-up: find by code (n=200)", f"{pct(t, 50) * 1000:.2f} ms", f"{pct(t, 99) * 1000:.2f} ms p99", "—"))
    t = []
    for _ in range(20):
        t0 = time.perf_counter()
        desk.parcels.waiting_parcels()
        desk.parcels.parcel_counts()
        t.append(time.perf_counter() - t0)
    rows.append((f"station list: waiting + day counts ({len(waiting):,} waiting)", f"{pct(t, 50) * 1000:.1f} ms",
                 f"{max(t) * 1000:.1f} ms max", "—"))
    t = []
    for _ in range(10):
        t0 = time.perf_counter()
        desk.parcels.disinfect_waiting("含氯消毒液")
        t.append(time.perf_counter() - t0)
    rows.append(("disinfect all new items in one round", f"{pct(t, 50) * 1000:.1f} ms", f"{max(t) * 1000:.1f} ms max", "—"))

    db.close()
    shutil.rmtree(work, ignore_errors=True)
    print_table(rows)


if __name__ == "__main__":
    main()
