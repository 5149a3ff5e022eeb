"""Nothing reported saved is lost when the process dies mid-burst, and hostile input never
crashes a form's validation or the bundle reader, nor leaves anything half-written."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import func, select

from models.gate.visits import Visit
from models.store.backups import integrity_problem
from models.store.db import open_database

BURST = textwrap.dedent("""
    import sys
    from pathlib import Path
    from models.store.db import open_database
    from models.app.demo import DEMO_PINS, create_demo
    from models.app.desk import Desk
    from models.gate.visits import VisitForm

    db = open_database(Path(sys.argv[1]), background_checkpoints=True)
    create_demo(db, days=1, visits_per_day=5)
    desk = Desk(db)
    guard = next(o for o in desk.staff.operators() if o.name == "张保安")
    desk.staff.sign_in(guard.id, DEMO_PINS["guard1"])
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        saved = desk.gate.register(VisitForm(kind="visitor", name=f"访客{i}", phone=f"138{i:08d}", destination="1-1-101",
                                        host="甲", temperature="36.5", code_color="green", nat_result="negative",
                                        nat_sampled_at="10h", risk_flag=False, mask=True))
        print(saved.visit.id, flush=True)  # the guard sees "saved" only after the commit returned
""")


def test_a_process_killed_mid_burst_loses_nothing_it_reported_saved(tmp_path):
    path = tmp_path / "gatedesk.sqlite3"
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen([sys.executable, "-c", BURST, str(path)], stdout=subprocess.PIPE, text=True,
                            cwd=root, env={**os.environ, "PYTHONPATH": str(root)})
    assert proc.stdout.readline().strip() == "ready"
    reported = []
    while len(reported) < 300:
        reported.append(proc.stdout.readline().strip())
    os.kill(proc.pid, signal.SIGKILL)
    rest, _ = proc.communicate(timeout=30)
    reported += [line for line in rest.splitlines() if line]  # printed before the kill landed
    assert proc.returncode == -signal.SIGKILL
    assert integrity_problem(path) is None
    db = open_database(path)
    with db.session() as s:
        stored = set(s.execute(select(Visit.id)).scalars())
        assert s.scalar(select(func.count()).select_from(Visit)) >= 5 + len(reported)
    db.close()
    assert set(reported) <= stored
