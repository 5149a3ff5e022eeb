"""Two office PCs on one PostgreSQL server: PC 1 imports a USB stick while PC 2 keeps refreshing
its dashboard. Prints how long PC 2's refreshes took before and during the import (a reader must
never wait for the importer's locks), and saves screenshots of both windows.

    xvfb-run -a -s "-screen 0 1400x800x24" .venv/bin/python bench/two_office_pcs.py [--gates 6] [--days 14]

It starts a throw-away server (tests/pg.py; or GATEDESK_TEST_POSTGRES), makes demo gates and their
bundles, imports half of them, then runs the two windows as two processes.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out" / "two_pcs"
COMPOUNDS = [("榕城花园", "东门"), ("榕城花园", "西门"), ("三坊小区", "北门"), ("金山小区", "南门"), ("温泉新村", "正门"),
             ("五四北苑", "东门"), ("华林小区", "北门"), ("屏山新村", "西门")]


def prepare(url: str, gates: int, days: int) -> None:
    from models.app.demo import create_demo
    from models.app.desk import Desk
    from models.store.db import open_database
    from models.sync import Importer, export_bundle
    from tests.sync_helpers import enroll

    now = datetime.now(timezone.utc)
    office = open_database(url)
    Desk(office).sync.complete_office_setup(office_name="温泉街道办公室", community="温泉社区", admin_name="周主任",
                                            pin="2468", pin_again="2468", office_label="办公室")
    first = []
    for i, (compound, gate) in enumerate(COMPOUNDS[:gates]):
        db = open_database(OUT / f"gate{i}" / "gatedesk.sqlite3")
        create_demo(db, days=days, visits_per_day=1500, seed=i + 1, compound=compound, gate=gate, now=now)
        enroll(office, db)
        path = export_bundle(db, OUT / ("first" if i < gates // 2 else "stick"), sheets=False, now=now).path
        if i < gates // 2:
            first.append(path)
        db.close()
    Importer(office).run_all(first)
    office.close()


def window(role: str, url: str) -> None:
    from gui.app import install_language, make_app
    from gui.office_window import OfficeWindow
    from models.app.desk import Desk
    from models.store.db import open_database

    app = make_app()
    install_language(app, "zh_CN")
    desk = Desk(open_database(url))
    desk.staff.sign_in(desk.staff.operators()[0].id, "2468")
    w = OfficeWindow(desk)
    w.resize(1366, 768)
    w.show()

    def wait(done, timeout=600.0):
        end = time.monotonic() + timeout
        while not done() and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    if role == "importer":
        panel = w.importer
        panel.add_paths([OUT / "stick"])
        wait(lambda: not (panel.op and panel.op.running))
        (OUT / "importing").touch()
        panel.import_all()
        wait(lambda: False, 1.5)
        app.primaryScreen().grabWindow(0).save(str(OUT / "pc1-importing.png"))
        wait(lambda: not (panel.op and panel.op.running))
        (OUT / "imported").touch()
    else:
        w.tabs.setCurrentIndex(1)
        before, during = [], []
        while not (OUT / "imported").exists():
            t0 = time.perf_counter()
            w.dashboard.refresh()
            app.processEvents()
            (during if (OUT / "importing").exists() else before).append(time.perf_counter() - t0)
            if len(during) == 3:
                w.grab().save(str(OUT / "pc2-dashboard-during-import.png"))
            time.sleep(0.2)
        print(json.dumps({"before": before, "during": during}))
    w.close()
    desk.db.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gates", type=int, default=6)
    parser.add_argument("--days", type=int, default=14)
    parser.add_argument("--role")
    parser.add_argument("--url")
    args = parser.parse_args()
    if args.role:
        return window(args.role, args.url)
    import shutil

    from tests import pg

    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    server = pg.Server()
    try:
        url = server.new_database()
        prepare(url, args.gates, args.days)
        me = [sys.executable, __file__, "--url", url, "--role"]
        browser = subprocess.Popen([*me, "browser"], stdout=subprocess.PIPE, text=True)
        time.sleep(3)
        subprocess.run([*me, "importer"], check=True)
        times = json.loads(browser.communicate(timeout=600)[0].strip().splitlines()[-1])
    finally:
        server.stop()
    print(f"{'PC 2 dashboard refresh (1366x768)':<45} | {'n':>4} | {'min':>8} | {'median':>8} | {'max':>8}")
    print("-" * 86)
    for label, values in (("before PC 1 imports", times["before"]), ("while PC 1 imports", times["during"])):
        ms = [v * 1000 for v in values]
        print(f"{label:<45} | {len(ms):>4} | {min(ms):>6.0f}ms | {statistics.median(ms):>6.0f}ms | {max(ms):>6.0f}ms")
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
