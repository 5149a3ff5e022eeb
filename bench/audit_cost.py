"""What the audit entry, and the anchor its commit moves, add to a registration's save. Prints a
table; asserts nothing.

    .venv/bin/python bench/audit_cost.py bench/out/1m

Alternates runs with the audit entry and its anchor, with the entry but the anchor left where it
is, and without either (300 saves each, 50 ms apart) on one copy of the station, so all three see
the same disk at the same hour.
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
    audited = desk.audit
    anchor = db.anchor
    modes = ("with its audit entry and anchor", "with its audit entry, no anchor", "without either")
    times: dict[str, list[float]] = {m: [] for m in modes}
    n = 0
    for _ in range(rounds):
        for mode in modes:
            desk.audit = (lambda *a, **k: None) if mode == modes[2] else audited
            db._keeper.path = anchor if mode == modes[0] else None
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
    rows = [(f"save one registration, {mode} (n={len(v)})", f"{pct(v, 50) * 1000:.2f} ms",
             f"{pct(v, 99) * 1000:.2f} ms p99", "p99 ≤ 5 ms") for mode, v in times.items()]
    print_table(rows)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
