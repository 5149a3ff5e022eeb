"""Figures for issue 6 (trust) on the 1,000,000-visit demo station. Prints a table; asserts nothing.

    python main.py demo --data-dir bench/out/1m --days 100 --visits-per-day 10000 --seed 42
    .venv/bin/python bench/trust_bench.py bench/out/1m

Works on a copy of the database (the end of the campaign is measured on a second copy).
"""
from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from table import pct, print_table  # noqa: E402


def ms(x: float) -> str:
    return f"{x * 1000:.1f} ms" if x < 10 else f"{x:.1f} s"


def main(src: Path) -> None:
    from sqlalchemy import func, select

    from models.app.demo import DEMO_PINS
    from models.app.desk import Desk
    from models.app.records_service import ERASE_CHUNK
    from models.gate.visits import Visit, VisitForm
    from models.store.backups import daily_backup, integrity_problem
    from models.store.db import open_database

    rows = []
    work = Path(tempfile.mkdtemp(prefix="trust-bench-"))
    db_path = work / "gatedesk.sqlite3"
    shutil.copyfile(src / "gatedesk.sqlite3", db_path)
    size = db_path.stat().st_size / 2**30

    runs = []
    for _ in range(3):
        t = time.perf_counter()
        assert integrity_problem(db_path) is None
        runs.append(time.perf_counter() - t)
    rows.append((f"quick check of the whole file ({size:.2f} GB): a start after a crash waits for it",
                 ms(statistics.median(runs)), ms(max(runs)) + " max", "—"))

    db = open_database(db_path, background_checkpoints=True)
    desk = Desk(db)
    with db.session() as s:
        newest = s.execute(select(func.max(Visit.created_at))).scalar()
    guard = next(o for o in desk.staff.operators() if o.name == "张保安")
    desk.staff.sign_in(guard.id, DEMO_PINS["guard1"])

    saves = []
    for i in range(500):
        form = VisitForm(kind="visitor", name=f"测试{i}", phone=f"139{i:08d}", destination="1-1-101", host="甲",
                         temperature="36.5", code_color="green", nat_result="negative", risk_flag=False, mask=True, nat_sampled_at="10h")
        t = time.perf_counter()
        desk.gate.register(form)  # validate, decide, insert, audit entry, commit
        saves.append(time.perf_counter() - t)
        time.sleep(0.05)
    floor = []
    probe = work / "fsync-probe"
    with open(probe, "wb") as f:
        for _ in range(500):
            t = time.perf_counter()
            f.write(b"x" * 49152)
            f.flush()
            os.fsync(f.fileno())
            floor.append(time.perf_counter() - t)
            time.sleep(0.05)
    rows.append(("disk floor: write 48 KB + fsync (n=500, 50 ms apart)", f"{pct(floor, 50) * 1000:.2f} ms",
                 f"{pct(floor, 99) * 1000:.2f} ms p99", "—"))
    rows.append(("save one registration, with its audit entry (n=500, 50 ms apart)",
                 f"{pct(saves, 50) * 1000:.2f} ms", f"{pct(saves, 99) * 1000:.2f} ms p99", "p99 ≤ 5 ms"))

    # Retention on a station that never erased: one chunk (what a save may wait for), then the
    # whole backlog, a day later, and a pass with nothing due. Each runs on the housekeeping thread.
    desk.clock = lambda: newest + timedelta(hours=1)
    chunks = []
    for _ in range(5):
        steps = iter([False, True])
        t = time.perf_counter()
        desk.records.erase_expired(stopping=lambda: next(steps, True))  # exactly one chunk
        chunks.append(time.perf_counter() - t)
    rows.append((f"erase: one chunk ({ERASE_CHUNK} records a table, its own transaction)",
                 ms(statistics.median(chunks)), ms(max(chunks)) + " max", "—"))
    t = time.perf_counter()
    first = desk.records.erase_expired()
    rows.append((f"erase: the rest of a 100-day backlog ({first.counts.get('visit', 0):,} visits)",
                 ms(time.perf_counter() - t), "", "—"))
    desk.clock = lambda: newest + timedelta(days=1, hours=1)
    t = time.perf_counter()
    daily = desk.records.erase_expired()
    rows.append((f"erase: a day later ({daily.counts.get('visit', 0):,} visits)", ms(time.perf_counter() - t), "",
                 "—"))
    desk.clock = lambda: newest + timedelta(days=1, hours=2)
    runs = []
    for _ in range(5):
        t = time.perf_counter()
        desk.records.erase_expired()
        runs.append(time.perf_counter() - t)
    rows.append(("erase: nothing due", ms(statistics.median(runs)), ms(max(runs)) + " max", "—"))

    t = time.perf_counter()
    daily_backup(db_path, work / "backups", "bench", 7)
    rows.append(("daily backup (backup API + its integrity check)", ms(time.perf_counter() - t), "", "—"))

    t = time.perf_counter()
    with db.session() as s:
        from models.trust import audit
        verdict = audit.verify(s)
    rows.append((f"audit verify ({verdict.entries:,} entries)", ms(time.perf_counter() - t), "", "—"))
    db.close()

    second = work / "campaign"
    second.mkdir()
    shutil.copyfile(src / "gatedesk.sqlite3", second / "gatedesk.sqlite3")
    db = open_database(second / "gatedesk.sqlite3")
    desk = Desk(db)
    admin = next(o for o in desk.staff.operators() if o.name == "林管理")
    desk.staff.sign_in(admin.id, DEMO_PINS["admin"])
    t = time.perf_counter()
    done = desk.records.end_campaign(desk.records.campaign_phrase())
    rows.append((f"end of the campaign ({done.erased.total:,} records, then VACUUM)", ms(time.perf_counter() - t),
                 "", "—"))
    db.close()
    print_table(rows)
    shutil.rmtree(work)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
