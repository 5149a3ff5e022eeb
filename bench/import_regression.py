"""Does the office import get slower? This code against an earlier commit, and both against raw
sqlite3 executemany of the same rows (the practical limit), side by side in one run.

    .venv/bin/python bench/import_regression.py [BASELINE_COMMIT] [--days N] [--visits-per-day M] [--rounds R]

The baseline commit (default: the one before issue 11's work, d6ffb51) is checked out with
`git worktree` under bench/out/. A demo gate is made and exported as one bundle per day by this
code; then, R rounds in a rotating order, each importer takes the same bundles into a fresh
office database in a child process of its own. Prints min and median of each, and the ratios.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from table import print_table  # noqa: E402

BASELINE = "d6ffb51"

CHILD = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
# Decided by the layout, not by trying: the editable install would find the newer modules.
if (Path({root!r}) / "models" / "store").is_dir():
    from models.store.db import open_database
else:  # a baseline from before the feature packages
    from models.db import open_database
from models.sync import Importer, ensure_office
office = Path(sys.argv[1])
files = [Path(p) for p in sys.argv[3:]]
db = open_database(office / "gatedesk.sqlite3")
ensure_office(db)
enroll = json.loads(sys.argv[2])
importer = Importer(db, enroll=enroll) if enroll else Importer(db)
t0 = time.perf_counter()
out = [importer.run(f) for f in files]
elapsed = time.perf_counter() - t0
db.close()
print(json.dumps({{"seconds": elapsed, "status": sorted({{s.status for s in out}}),
                  "created": sum(s.total("created") for s in out)}}))
"""


def child(root: Path, office: Path, files: list[Path], enroll: list[str]) -> dict:
    r = subprocess.run([sys.executable, "-c", CHILD.format(root=str(root)), str(office), json.dumps(enroll),
                        *map(str, files)], capture_output=True, text=True, check=True,
                       env=dict(os.environ, PYTHONDONTWRITEBYTECODE=""))
    return json.loads(r.stdout.strip().splitlines()[-1])


def raw(office: Path, files: list[Path]) -> dict:
    from bench.sync_bench import fresh_office, raw_executemany

    seconds, n = raw_executemany(fresh_office(office), files)
    return {"seconds": seconds, "created": n, "status": ["accepted"]}


def baseline_tree(commit: str) -> Path:
    tree = ROOT / "bench" / "out" / f"baseline-{commit}"
    if not tree.exists():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), commit], check=True,
                       capture_output=True)
    return tree


def enrolls(tree: Path) -> bool:
    """Does that code hold new stations until enrolled (issue 11 on)?"""
    flat = tree / "models" / "sync.py"
    return not flat.exists() or "enroll" in flat.read_text(encoding="utf-8")


def main() -> None:
    args = sys.argv[1:]
    commit = args[0] if args and not args[0].startswith("--") else BASELINE

    def opt(name: str, default: int) -> int:
        return int(args[args.index(name) + 1]) if name in args else default

    days, per_day, rounds = opt("--days", 5), opt("--visits-per-day", 20_000), opt("--rounds", 5)
    tree = baseline_tree(commit)
    work = Path(tempfile.mkdtemp(prefix="gatedesk-import-regression-"))
    from models.app.demo import create_demo
    from models.store.clock import utcnow
    from models.store.db import open_database
    from models.sync import export_bundle, station_fingerprint

    now = utcnow()
    gate = open_database(work / "gate" / "gatedesk.sqlite3")
    create_demo(gate, days=days, visits_per_day=per_day, parcels_per_day=per_day // 20, seed=11, now=now)
    zone = __import__("zoneinfo").ZoneInfo("Asia/Shanghai")
    from models.kit.demo_data import demo_days

    files = []
    for midnight in demo_days(now.astimezone(zone), days):
        files.append(export_bundle(gate, work / "usb", day_from=midnight.date(), day_to=midnight.date(),
                                   sheets=False, now=now + timedelta(minutes=1)).path)
    with gate.session() as s:
        fingerprint = station_fingerprint(s)
        s.commit()
    gate.close()
    variants = {
        "this code": lambda office: child(ROOT, office, files, [fingerprint]),
        f"baseline {commit}": lambda office: child(tree, office, files, [fingerprint] if enrolls(tree) else []),
        "raw executemany": lambda office: raw(office, files),
    }
    times: dict[str, list[float]] = {name: [] for name in variants}
    created: dict[str, int] = {}
    names = list(variants)
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]  # rotate who goes first
        for name in order:
            office = work / f"office-{r}-{names.index(name)}"
            result = variants[name](office)
            assert result["status"] == ["accepted"], (name, result)
            times[name].append(result["seconds"])
            created[name] = result["created"]
            shutil.rmtree(office, ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    rows = []
    med = {n: sorted(t)[len(t) // 2] for n, t in times.items()}
    low = {n: min(t) for n, t in times.items()}
    records = created["this code"]
    for name in names:
        rows.append((f"{name}: import {len(files)} bundles, {created[name]:,} records", f"{med[name]:.1f} s",
                     f"{low[name]:.1f} s min", f"{created[name] / med[name]:,.0f} rec/s"))
    this, base, limit = names
    rows.append(("this code ÷ baseline (median; min)", f"{med[this] / med[base]:.2f}×", f"{low[this] / low[base]:.2f}×",
                 "≤ 1.0× (no regression)"))
    rows.append(("this code ÷ raw executemany (median; min)", f"{med[this] / med[limit]:.2f}×",
                 f"{low[this] / low[limit]:.2f}×", "≤ 2×"))
    rows.append(("baseline ÷ raw executemany (median; min)", f"{med[base] / med[limit]:.2f}×",
                 f"{low[base] / low[limit]:.2f}×", "—"))
    print(f"machine: {os.cpu_count()} CPUs; python {sys.version.split()[0]}; {rounds} rounds, rotating order; "
          f"{records:,} records in {len(files)} day bundles")
    print_table(rows)


if __name__ == "__main__":
    t0 = time.perf_counter()
    main()
    print(f"({time.perf_counter() - t0:.0f} s)")
