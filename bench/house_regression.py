"""Did rebuilding the core into feature packages and services (issue 12) make the gate slower?
This code against an earlier commit, side by side in one run, each in child processes of its own,
in alternating order, with the physical floor of each figure measured in the same rounds:

    .venv/bin/python bench/house_regression.py [BASELINE_COMMIT] [--visits N] [--rounds R]

- start-up: process start to the sign-in window painted (gui.app.run), against a bare PySide6
  window (offscreen platform);
- save: one registration through the Desk, p50 and p99 of 300, against an fsync'd one-row
  INSERT into a scratch SQLite file on the same disk;
- search: a name search's count and its first page through the Desk, on the demo station.

The baseline (default 40d726d, the commit before issue 12) is checked out with `git worktree`
under bench/out/. The baseline builds one demo station; this code opens a copy of it once (which
upgrades it to this code's schema); each code then opens fresh copies of its own.
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from table import print_table  # noqa: E402

BASELINE = "40d726d"

# Runs in either code base: the Desk's actions moved into services in issue 12.
WORK = r"""
import json, sqlite3, statistics, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
# Decided by the layout, not by trying: the editable install would find the newer modules.
if (Path({root!r}) / "models" / "store").is_dir():
    from models.store.db import open_database
    from models.app.desk import Desk
    from models.gate.visits import VisitForm
    try:
        from models.gate.visit_log import VisitQuery
    except ImportError:  # the log's queries lived in visits.py before
        from models.gate.visits import VisitQuery
else:
    from models.db import open_database
    from models.desk import Desk
    from models.visits import VisitForm, VisitQuery
data = Path(sys.argv[1])
db = open_database(data / "gatedesk.sqlite3")
desk = Desk(db)
staff, gate = getattr(desk, "staff", desk), getattr(desk, "gate", desk)
op = next(o for o in staff.operators() if o.name == "张保安")
staff.sign_in(op.id, "1111")
saves = []
for i in range(300):
    form = VisitForm(kind="visitor", name="王小明", phone=f"139{{i:08d}}", origin="仓山区", destination="3-1-502",
                     host="李四", purpose="探亲", temperature="36.5", code_color="green", nat_result="negative",
                     nat_sampled_at="20h", risk_flag=False, mask=True)
    t0 = time.perf_counter()
    gate.register(form)
    saves.append(time.perf_counter() - t0)
searches = []
for i in range(30):
    t0 = time.perf_counter()
    q = VisitQuery(text="王")
    gate.count_visits(q)
    gate.page_visits(q, offset=0, limit=100)
    searches.append(time.perf_counter() - t0)
db.close()
floor = []
con = sqlite3.connect(data / "floor.sqlite3", isolation_level=None)
con.execute("PRAGMA journal_mode=WAL"); con.execute("PRAGMA synchronous=FULL")
con.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT)")
for i in range(300):
    t0 = time.perf_counter()
    con.execute("INSERT INTO t (v) VALUES (?)", ("x" * 200,))
    floor.append(time.perf_counter() - t0)
con.close()
q = lambda xs, p: sorted(xs)[min(len(xs) - 1, int(len(xs) * p))]
print(json.dumps({{"save_p50": q(saves, .5), "save_p99": q(saves, .99), "search": statistics.median(searches),
                  "floor_p50": q(floor, .5), "floor_p99": q(floor, .99)}}))
"""


def startup(root: Path, data: Path | None) -> float:
    """Seconds from process start to the first window painted."""
    import time

    args = [sys.executable, str(root / "bench" / "startup_probe.py")]
    args += ["gatedesk", str(data)] if data else ["bare"]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="")
    t0 = time.perf_counter()
    r = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120, cwd=root)
    elapsed = time.perf_counter() - t0
    assert "ready" in r.stdout, r.stderr[-2000:]
    return elapsed


BUILD = r"""
import sys
from datetime import datetime, timezone
from pathlib import Path
sys.path.insert(0, {root!r})
from models.app.demo import create_demo
from models.store.db import open_database
db = open_database(Path(sys.argv[1]))
create_demo(db, days=10, visits_per_day=int(sys.argv[2]), seed=5, now=datetime.now(timezone.utc))
db.close()
"""


def work(root: Path, data: Path) -> dict:
    r = subprocess.run([sys.executable, "-c", WORK.format(root=str(root)), str(data)], capture_output=True,
                       text=True, check=True, env=dict(os.environ, PYTHONDONTWRITEBYTECODE=""))
    return json.loads(r.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> None:
    commit = argv[0] if argv and not argv[0].startswith("--") else BASELINE
    visits = int(argv[argv.index("--visits") + 1]) if "--visits" in argv else 100_000
    rounds = int(argv[argv.index("--rounds") + 1]) if "--rounds" in argv else 5
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    tree = out / f"baseline-{commit}"
    if not tree.exists():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), commit], check=True,
                       capture_output=True)
    # startup_probe.py of this code runs either code base's gui.app.run
    shutil.copy(ROOT / "bench" / "startup_probe.py", tree / "bench" / "startup_probe.py")
    from models.store.db import open_database

    work_dir = Path(tempfile.mkdtemp(prefix="gatedesk-house-"))
    # The baseline builds the demo station (an older code cannot open a newer schema); this code
    # opens a copy once, which upgrades it, so neither start-up below includes an upgrade.
    base_station, this_station = work_dir / "station-baseline", work_dir / "station-this"
    subprocess.run([sys.executable, "-c", BUILD.format(root=str(tree)), str(base_station / "gatedesk.sqlite3"),
                    str(visits // 10)], check=True, capture_output=True, cwd=tree)
    shutil.copytree(base_station, this_station)
    open_database(this_station / "gatedesk.sqlite3").close()
    codes = {"this code": ROOT, f"baseline {commit}": tree}
    stations = {"this code": this_station, f"baseline {commit}": base_station}
    results: dict[str, dict[str, list[float]]] = {name: {} for name in [*codes, "floor"]}
    for r in range(rounds):
        order = list(codes.items()) if r % 2 == 0 else list(reversed(codes.items()))
        results["floor"].setdefault("startup", []).append(startup(ROOT, None))
        for name, root in order:
            copy = work_dir / f"copy-{r}-{name.split()[0]}"
            shutil.copytree(stations[name], copy)
            results[name].setdefault("startup", []).append(startup(root, copy))
            figures = work(root, copy)
            for key in ("save_p50", "save_p99", "search"):
                results[name].setdefault(key, []).append(figures[key])
            for key in ("floor_p50", "floor_p99"):
                results["floor"].setdefault(key, []).append(figures[key])
            shutil.rmtree(copy)
        print(f"round {r + 1}/{rounds} done", file=sys.stderr)
    this, base, floor = results["this code"], results[f"baseline {commit}"], results["floor"]

    def ms(xs):
        return f"{statistics.median(xs) * 1000:8.1f} ms", f"{min(xs) * 1000:8.1f} ms min"

    rows = []
    for label, key, floor_key in (("start-up to sign-in painted", "startup", "startup"),
                                  ("save one registration, p50", "save_p50", "floor_p50"),
                                  ("save one registration, p99", "save_p99", "floor_p99"),
                                  ("name search: count + first page", "search", None)):
        for name, res in (("  this code", this), (f"  baseline {commit}", base)):
            rows.append((f"{label}: {name.strip()}", *ms(res[key]), ""))
        ratio = statistics.median(this[key]) / statistics.median(base[key])
        ratio_min = min(this[key]) / min(base[key])
        rows.append((f"{label}: this ÷ baseline (median; min)", f"{ratio:.2f}×", f"{ratio_min:.2f}× min", "≤ 1.1×"))
        if floor_key:
            rows.append((f"{label}: floor ({'bare window' if key == 'startup' else 'fsync INSERT'})",
                         *ms(floor[floor_key]), "physical limit"))
    print(f"{visits:,} demo visits, {rounds} rounds alternating, Python {sys.version.split()[0]}")
    print_table(rows)
    shutil.rmtree(work_dir)


if __name__ == "__main__":
    main(sys.argv[1:])
