"""Sync figures for docs/BENCHMARKS.md (issue 4). Prints a table; asserts nothing.

    python main.py demo --data-dir bench/out/sync-gate --days 50 --visits-per-day 20000 \\
        --parcels-per-day 100 --seed 11
    .venv/bin/python bench/sync_bench.py bench/out/sync-gate

Exports one bundle per day (50 bundles, ~1M records), then imports them into a fresh office
database, each import in a child process so its peak memory is its own. Beside it, in the same
run: the same rows through raw sqlite3 executemany (the practical limit) and through
`sqlite-utils insert` (what a user would reach for; `pip install sqlite-utils` to include it).
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from table import pct, print_table  # noqa: E402

CHILD = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from models.store.db import open_database
from models.sync import Importer, ensure_office
db = open_database(Path(sys.argv[1]) / "gatedesk.sqlite3")
ensure_office(db)
files = [Path(p) for p in sys.argv[2:]]
from models.formats import bundle
with bundle.open_bundle(files[0]) as first:  # the office has enrolled the gate it benchmarks
    importer = Importer(db, enroll=[bundle.key_id(first.public_key)])
t0 = time.perf_counter()
out = [importer.run(f) for f in files]
elapsed = time.perf_counter() - t0
db.close()
print(json.dumps({{"seconds": elapsed, "status": sorted({{s.status for s in out}}),
                  "created": sum(s.total("created") for s in out),
                  "unchanged": sum(s.total("unchanged") for s in out),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def child_import(office: Path, files: list[Path]) -> dict:
    r = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT)), str(office), *map(str, files)],
                       capture_output=True, text=True, check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def raw_executemany(office: Path, files: list[Path]) -> tuple[float, int]:
    """json.loads each line and executemany it into the same tables: no checks, no comparison."""
    import sqlite3

    from models.formats import bundle
    from models.sync import record_types
    from models.sync import withheld as withheld_of

    withheld = {k: v for name in record_types() for k, v in withheld_of(name).items()}

    con = sqlite3.connect(office / "gatedesk.sqlite3", isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("PRAGMA cache_size=-65536")
    columns = {name: [c.name for c in model.__table__.columns] for name, model in record_types().items()}
    n = 0
    t0 = time.perf_counter()
    for f in files:
        with bundle.open_bundle(f) as opened:
            con.execute("BEGIN")
            for member in opened.members:
                cols = columns[member.record_type]
                sql = f"INSERT OR IGNORE INTO \"{member.record_type}\" ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
                rows = []
                for line in opened.lines(member):
                    rec = json.loads(line)
                    rows.append(tuple(rec.get(c, withheld.get(c)) for c in cols))
                    if len(rows) >= 2000:
                        con.executemany(sql, rows)
                        n += len(rows)
                        rows = []
                con.executemany(sql, rows)
                n += len(rows)
            con.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    con.close()
    return elapsed, n


def sqlite_utils_insert(work: Path, files: list[Path]) -> tuple[float, int] | None:
    exe = shutil.which("sqlite-utils") or str(Path(sys.executable).parent / "sqlite-utils")
    if not Path(exe).exists():
        return None
    from models.formats import bundle

    jsonl = work / "jsonl"
    jsonl.mkdir()
    parts = []
    for i, f in enumerate(files):
        with bundle.open_bundle(f) as opened:
            for member in opened.members:
                if member.records:
                    p = jsonl / f"{i:03d}-{member.record_type}.jsonl"
                    with open(p, "wb") as out:
                        for line in opened.lines(member):
                            out.write(line)
                    parts.append((member.record_type, p, member.records))
    db = work / "sqlite-utils.db"
    t0 = time.perf_counter()
    for table, p, _ in parts:
        subprocess.run([exe, "insert", str(db), table, str(p), "--nl", "--pk", "id", "--ignore"], check=True,
                       capture_output=True)
    return time.perf_counter() - t0, sum(n for _, _, n in parts)


def main() -> None:
    src = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "bench" / "out" / "sync-gate")
    work = Path(tempfile.mkdtemp(prefix="gatedesk-sync-bench-"))
    shutil.copy(src / "gatedesk.sqlite3", work / "gate.sqlite3")

    from models.store.clock import local_today, utcnow
    from models.store.db import open_database
    from models.sync import export_bundle

    gate = open_database(work / "gate.sqlite3")
    zone = ZoneInfo("Asia/Shanghai")
    today = local_today(utcnow(), zone)
    days = [today - timedelta(days=i) for i in range(49, -1, -1)]
    usb = work / "usb"
    rows = []

    export_times, files, per_day = [], [], []
    for day in days:
        t0 = time.perf_counter()
        r = export_bundle(gate, usb, day_from=day, day_to=day, sheets=False)
        export_times.append(time.perf_counter() - t0)
        files.append(r.path)
        per_day.append(r.counts["visit"])
    total = sum(json.loads(zipinfo_manifest(f))["_records"] for f in files)
    rows.append((f"export one day's bundle (~{int(pct(per_day, 50)):,} visits/day, n=50)",
                 f"{pct(export_times, 50):.2f} s", f"{max(export_times):.2f} s max", "—"))
    t0 = time.perf_counter()
    with_sheets = export_bundle(gate, work / "people", day_from=days[-2], day_to=days[-2])
    rows.append((f"  … with the day's .xlsx + CSV for people ({with_sheets.counts['visit']:,} visits)",
                 f"{time.perf_counter() - t0:.2f} s", "", "—"))
    t0 = time.perf_counter()
    big = export_bundle(gate, work / "big", day_from=days[0], day_to=days[-1], sheets=False)
    big_time = time.perf_counter() - t0
    rows.append((f"export all 50 days as one bundle ({big.records:,} records, "
                 f"{big.path.stat().st_size / 1e6:.0f} MB)", f"{big_time:.1f} s", "", "—"))
    gate.close()

    first = child_import(work / "office", files)
    rate = first["created"] / first["seconds"]
    again = child_import(work / "office", files)
    raw_time, raw_n = raw_executemany(fresh_office(work / "raw"), files)
    raw_rate = raw_n / raw_time
    rows.append((f"import {len(files)} bundles, {total:,} records (fresh office)", f"{first['seconds']:.1f} s",
                 f"{rate:,.0f} rec/s", "≥ 100,000 rec/s"))
    rows.append(("  raw sqlite3 executemany, same rows, same tables", f"{raw_time:.1f} s", f"{raw_rate:,.0f} rec/s",
                 "practical limit"))
    rows.append(("  import time ÷ raw executemany time", f"{first['seconds'] / raw_time:.2f}×", "", "≤ 2×"))
    su = sqlite_utils_insert(work, files)
    if su is None:
        rows.append(("  sqlite-utils insert, same rows", "not installed", "", "—"))
    else:
        rows.append(("  sqlite-utils insert, same rows (new tables, pk id)", f"{su[0]:.1f} s", f"{su[1] / su[0]:,.0f} rec/s",
                     "—"))
    rows.append(("re-import the same 50 bundles", f"{again['seconds']:.1f} s",
                 f"{first['seconds'] / again['seconds']:.0f}× faster", "≥ 5× faster"))
    rows.append(("peak memory, importing the 50 bundles", f"{first['rss_mb']:.0f} MB", "", "≤ 300 MB"))
    one = child_import(work / "office-big", [big.path])
    rows.append((f"peak memory, importing one {big.records:,}-record bundle", f"{one['rss_mb']:.0f} MB",
                 f"{one['created'] / one['seconds']:,.0f} rec/s", "≤ 300 MB"))
    assert first["status"] == again["status"] == one["status"] == ["accepted"]
    shutil.rmtree(work, ignore_errors=True)
    print(f"machine: {os.cpu_count()} CPUs; python {sys.version.split()[0]}; "
          f"bench peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print_table(rows)


def fresh_office(path: Path) -> Path:
    from models.store.db import open_database
    from models.sync import ensure_office

    db = open_database(path / "gatedesk.sqlite3")
    ensure_office(db)
    db.close()
    return path


def zipinfo_manifest(path: Path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    manifest["_records"] = sum(m["records"] for m in manifest["members"])
    return json.dumps(manifest)


if __name__ == "__main__":
    main()
