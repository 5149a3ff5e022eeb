"""A district's day, then its four weeks, on PostgreSQL: figures for docs/BENCHMARKS.md (issue 14).
Prints a table; asserts nothing.

    .venv/bin/python bench/district_day.py [--gates 1600] [--records 1250] [--days 28]   # ~1.5 h here

1. Generates the day's signed gate bundles (bench/district.py: 800 compounds of two gates).
2. Imports them into a fresh office database on the server, one importer process, then into
   another, two processes at once (each half of the bundles): the day's import time and each
   importer's peak memory.
3. Fills the 27 days before it with copies of the day's visits and parcels (new ids, times
   moved back a day at a time, by SQL on the server: importing four weeks would take hours here).
4. Times what the district's office asks: one of the questions a refresh asked before the figures
   per gate and day (the day's visits per gate, counted from the visits), the one pass that counts
   those figures (an upgraded office's first read), then the dashboard (the day's rollup and the
   four-week chart, as a refresh of the window asks them) and the daily report (.xlsx).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from district import IMPORT, Engine, child, make_bundles, result  # noqa: E402
from table import print_table  # noqa: E402

COPIED = ("visit", "parcel")  # what the dashboard counts by the hundred thousand a day


def fill_days(url: str, days: int) -> int:
    """Copies of the imported day's visits and parcels for each of the days before it: new ids, every
    time moved back a day at a time (references still point at the day's own records)."""
    import psycopg

    n = 0
    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as conn:
        for table in COPIED:
            columns = conn.execute("SELECT column_name, data_type FROM information_schema.columns "
                                   "WHERE table_name = %s ORDER BY ordinal_position", (table,)).fetchall()
            names = ", ".join(f'"{c}"' for c, _ in columns)
            conn.execute(f'CREATE TEMP TABLE day_rows AS SELECT * FROM "{table}"')
            for back in range(1, days):
                shifted = ", ".join(
                    f"md5(id || ':{back}')::uuid::text" if c == "id" else
                    f"\"{c}\" - interval '{back} days'" if kind.startswith("timestamp") else f'"{c}"'
                    for c, kind in columns)
                n += conn.execute(f'INSERT INTO "{table}" ({names}) SELECT {shifted} FROM day_rows').rowcount
            conn.execute("DROP TABLE day_rows")
        # A parcel of three days ago is not still on the shelf: the older copies were collected.
        conn.execute("UPDATE parcel SET status = 'collected', collected_at = received_at + interval '3 hours' "
                     "WHERE status = 'waiting' AND received_at < now() - interval '3 days'")
        conn.execute("VACUUM ANALYZE")
    return n


def timed(fn, rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gates", type=int, default=1600)
    parser.add_argument("--records", type=int, default=1250)
    parser.add_argument("--days", type=int, default=28)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gatedesk-district-day-"))
    rows = []
    t0 = time.perf_counter()
    files, fingerprints, total = make_bundles(work, args.gates, args.records)
    rows.append((f"generate {len(files):,} signed gate bundles, {total:,} records", f"{time.perf_counter() - t0:.0f} s",
                 "", "—"))
    enroll = work / "enroll.json"
    enroll.write_text(json.dumps(fingerprints))
    engine = Engine("postgresql", work)
    try:
        serial = result(child(IMPORT, engine.fresh(), str(enroll), *map(str, files)))
        rows.append((f"the day's import, one process ({total:,} records)", f"{serial['seconds']:.0f} s",
                     f"{serial['created'] / serial['seconds']:,.0f} rec/s", "—"))
        target = engine.fresh()
        t0 = time.perf_counter()
        halves = [child(IMPORT, target, str(enroll), *map(str, files[i::2])) for i in range(2)]
        parts = [result(p) for p in halves]
        both = time.perf_counter() - t0
        rows.append(("the day's import, two processes at once", f"{both:.0f} s",
                     f"{sum(p['created'] for p in parts) / both:,.0f} rec/s", "—"))
        rows.append(("peak memory of an importer", f"{max([serial['rss_mb']] + [p['rss_mb'] for p in parts]):.0f} MB",
                     "", "≤ 300 MB"))
        t0 = time.perf_counter()
        copied = fill_days(target, args.days)
        rows.append((f"fill {args.days - 1} more days by SQL ({copied:,} visits and parcels)",
                     f"{time.perf_counter() - t0:.0f} s", "", "—"))

        from sqlalchemy import func, select

        from models.app.desk import Desk
        from models.gate.visits import Visit
        from models.store.clock import day_bounds, local_today, utcnow
        from models.store.db import open_database
        from models.sync import day_figures

        db = open_database(target, create=False)
        desk = Desk(db)
        zone = desk.settings.zone
        day = local_today(utcnow(), zone)
        with db.engine.connect() as c:
            visits = c.exec_driver_sql("SELECT count(*) FROM visit").scalar()
            c.execute(day_figures.VisitDay.__table__.delete())  # the filled days are not counted yet
            c.exec_driver_sql("DELETE FROM meta WHERE key = 'visit_day_zone'")
            c.commit()
        # Before the figures per gate and day, a refresh counted the visits themselves: the day four
        # times over and each of the chart's 28 days. One of those questions, timed once (minutes).
        start, end = day_bounds(day, zone)
        with db.reading() as s:
            live = timed(lambda: s.execute(select(Visit.gate_id, func.count()).where(
                Visit.created_at >= start, Visit.created_at < end).group_by(Visit.gate_id)).all(), 1)
        rows.append(("before: the day's visits per gate counted from the visits", f"{live[0]:.0f} s",
                     "1 of 32 questions", "(before)"))
        with db.writing() as conn:
            first = timed(lambda: day_figures.ensure(conn, zone), 1)
        with db.reading() as s:
            kept = s.execute(select(day_figures.VisitDay.__table__.c.gate_id)).all()
        rows.append((f"count the figures per gate and day once ({len(kept):,} rows)", f"{first[0]:.0f} s", "",
                     "an upgraded office, once"))

        def refresh():
            desk.office.dashboard(day)
            desk.office.visit_series(day, 28)

        refreshes = timed(refresh, 5)
        rows.append((f"district dashboard refresh ({visits:,} visits in {args.days} days)",
                     f"{statistics.median(refreshes):.2f} s", f"{max(refreshes):.2f} s", "≤ 1 s"))
        summary = timed(lambda: desk.office.dashboard(day), 3)
        rows.append(("  of which the day's rollup", f"{statistics.median(summary):.2f} s", f"{max(summary):.2f} s", "—"))
        chart = timed(lambda: desk.office.visit_series(day, 28), 3)
        rows.append(("  of which the 28-day chart", f"{statistics.median(chart):.2f} s", f"{max(chart):.2f} s", "—"))
        report = timed(lambda: desk.office.write_report(day, work / "report.xlsx", scheduled=True), 3)
        rows.append(("daily report (.xlsx)", f"{statistics.median(report):.2f} s", f"{max(report):.2f} s", "—"))
        db.close()
    finally:
        engine.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(f"machine: {os.cpu_count()} CPUs; python {sys.version.split()[0]}")
    print_table(rows)


if __name__ == "__main__":
    main()
