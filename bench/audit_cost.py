"""What the audit entry adds to a registration's save. Prints a table; asserts nothing.

    .venv/bin/python bench/audit_cost.py bench/out/1m

Alternates runs with and without the audit entry (300 saves each, 50 ms apart) on one copy of
the station, so both see the same disk at the same hour.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from table import pct, print_table  # noqa: E402


def main(src: Path, rounds: int = 3) -> None:
    from models.app.demo import DEMO_PINS
    from models.app.desk import Desk
    from models.gate.visits import VisitForm
    from models.store.db import open_database

    work = Path(tempfile.mkdtemp(prefix="audit-cost-"))
    shutil.copyfile(src / "gatedesk.sqlite3", work / "gatedesk.sqlite3")
    db = open_database(work / "gatedesk.sqlite3", background_checkpoints=True)
    desk = Desk(db)
    guard = next(o for o in desk.staff.operators() if o.name == "张保安")
    desk.staff.sign_in(guard.id, DEMO_PINS["guard1"])
    audited = desk._audit
    times: dict[str, list[float]] = {"with": [], "without": []}
    n = 0
    for _ in range(rounds):
        for mode in ("with", "without"):
            desk._audit = audited if mode == "with" else (lambda *a, **k: None)
            for _ in range(300):
                n += 1
                form = VisitForm(kind="visitor", name="王小明", phone=f"139{n:08d}", destination="3-2-501",
                                 host="王大明", temperature="36.5", code_color="green", nat_result="negative",
                                 risk_flag=False, mask=True, nat_sampled_at="20h")
                time.sleep(0.05)
                t = time.perf_counter()
                desk.gate.register(form)
                times[mode].append(time.perf_counter() - t)
    db.close()
    shutil.rmtree(work)
    rows = [(f"save one registration, {mode} its audit entry (n={len(v)})", f"{pct(v, 50) * 1000:.2f} ms",
             f"{pct(v, 99) * 1000:.2f} ms p99", "p99 ≤ 5 ms") for mode, v in times.items()]
    print_table(rows)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
