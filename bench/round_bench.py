"""A testing round at a compound of 5,000 residents, as the sampling point runs it (issue 15).
Prints a table; asserts nothing.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/round_bench.py [--residents 5000] [--scans 500]

Side by side in one run, alternated, each paced 50 ms apart as scans at a sampling point are:

- scan to recorded: a pass read, verified and checked off in the open round, committed (what the
  panel calls on each scan), beside the disk's floor: one durable write of a save's size + fsync;
- refresh: the figures per building and the building's door-knocking list (what the panel reads
  after each action), beside the same figures counted by raw sqlite3 (one GROUP BY, no ORM);
- the same refresh in the real panel after a scan (the Qt models reset, the event loop drained of
  the paint it causes), beside a bare Qt table view of the panel's size given the same rows;
- opening the round (5,000 lines written) and the first paint of the panel.
"""
from __future__ import annotations

import argparse
from contextlib import ExitStack
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from table import pct, print_table  # noqa: E402


def compound(work: Path, residents: int):
    """A station with `residents` people in 20 buildings, 2 units, 25 floors, each with a pass."""
    from models import residents as rs
    from models.app.desk import Desk
    from models.store.clock import utcnow
    from models.store.db import open_database
    from models.trust.first_run import SetupForm
    from models.trust.operators import Role

    db = open_database(work / "gatedesk.sqlite3", background_checkpoints=True)  # as the app does
    desk = Desk(db)
    desk.staff.complete_setup(SetupForm(compound_name="榕城花园", gate_name="东门", admin_name="林管理",
                                        admin_pin="1234", admin_pin_again="1234"))
    admin = desk.staff.operators()[0]
    held = ExitStack()  # the administrator's PIN holds until the roster is made
    held.enter_context(desk.authorised(admin.id, "1234", Role.ADMIN))
    desk.staff.add_operator(name="张保安", role=Role.GUARD, pin="1111")
    now, today = utcnow(), desk.today()
    payloads = []
    with db.session() as s:
        made = 0
        for b in range(1, 21):
            for u in range(1, 3):
                for f in range(1, 26):
                    for flat in range(1, 3):
                        for _person in range(3):
                            if made == residents:
                                break
                            r = rs.add_resident(s, desk.ctx, room=f"{b}-{u}-{f}{flat:02d}", name=f"住户{made}",
                                                phone=None, now=now)
                            p = rs.issue_pass(s, desk.ctx, resident_id=r.id, today=today, now=now)
                            payloads.append((p, r.household_id))
                            made += 1
        key = rs.pass_key(s)
        texts = [rs.pass_payload(p, s.get(rs.Household, h), key) for p, h in payloads]
        s.commit()
    held.close()
    guard = next(o for o in desk.staff.operators() if o.name == "张保安")
    desk.staff.sign_in(guard.id, "1111")
    return db, desk, admin, texts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--residents", type=int, default=5000)
    ap.add_argument("--scans", type=int, default=500)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gatedesk-round-bench-"))
    rows: list[tuple[str, str, str, str]] = []
    from models.trust.operators import Role

    db, desk, admin, texts = compound(work, args.residents)
    with desk.authorised(admin.id, "1234", Role.ADMIN):
        t0 = time.perf_counter()
        r = desk.rounds.open_round(title="全员核酸", points=["1#楼下", "篮球场"])
        opened = time.perf_counter() - t0
    rows.append((f"open a round of {args.residents:,} residents (their lines written)", f"{opened * 1000:.0f} ms", "—",
                 "—"))

    import gc

    gc.freeze()  # as gui.app.run does once the main window is up
    probe = work / "fsync.probe"
    fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    raw = sqlite3.connect(work / "gatedesk.sqlite3")
    scans, floor, refresh, limit = [], [], [], []
    building = "7"

    def figures_raw():
        raw.execute("SELECT building, count(*), sum(sampled_at IS NOT NULL) FROM round_person WHERE round_id = ? "
                    "GROUP BY building", (r.id,)).fetchall()
        raw.execute("SELECT * FROM round_person WHERE round_id = ? AND building = ? AND sampled_at IS NULL",
                    (r.id, building)).fetchall()

    for i in range(args.scans + 20):
        time.sleep(0.05)
        t0 = time.perf_counter()
        desk.rounds.scan_for_round(r.id, texts[(i * 37) % len(texts)], "1#楼下")
        scans.append(time.perf_counter() - t0)
        time.sleep(0.05)
        t0 = time.perf_counter()
        os.write(fd, b"x" * 16384)
        os.fsync(fd)
        floor.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        desk.rounds.round_progress(r.id)
        desk.rounds.not_sampled(r.id, building)
        refresh.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        figures_raw()
        limit.append(time.perf_counter() - t0)
    os.close(fd)
    scans, floor, refresh, limit = scans[20:], floor[20:], refresh[20:], limit[20:]
    rows.append(("disk floor: write 16 KB + fsync", f"{pct(floor, 50) * 1000:.2f} ms", f"{pct(floor, 99) * 1000:.2f} ms p99",
                 "—"))
    rows.append((f"scan to recorded (n={args.scans}, 50 ms apart)", f"{pct(scans, 50) * 1000:.2f} ms",
                 f"{pct(scans, 99) * 1000:.2f} ms p99", "p99 ≤ 50 ms"))
    rows.append(("  ÷ disk floor", f"{pct(scans, 50) / pct(floor, 50):.1f}×", f"{pct(scans, 99) / pct(floor, 99):.1f}× p99",
                 "—"))
    rows.append(("raw sqlite3: the figures by building + one building's list", f"{pct(limit, 50) * 1000:.2f} ms",
                 f"{pct(limit, 99) * 1000:.2f} ms p99", "—"))
    rows.append(("refresh: figures by building + door-knocking list (core)", f"{pct(refresh, 50) * 1000:.2f} ms",
                 f"{pct(refresh, 99) * 1000:.2f} ms p99", "≤ 50 ms"))
    rows.append(("  ÷ raw sqlite3", f"{pct(refresh, 50) / pct(limit, 50):.1f}×", f"{pct(refresh, 99) / pct(limit, 99):.1f}× p99",
                 "—"))

    # The same in the real panel, beside a bare table view given the same rows.
    from PySide6.QtWidgets import QApplication, QTableView

    from gui.app import install_language, make_app
    from gui.testing_panel import PeopleTableModel, TestingPanel

    app = QApplication.instance() or QApplication(sys.argv)
    make_app()
    install_language(app, "zh_CN")
    t0 = time.perf_counter()
    panel = TestingPanel(desk)
    panel.resize(1280, 760)
    panel.show()
    panel.refresh()
    app.processEvents()
    first = time.perf_counter() - t0
    rows.append(("the panel built, filled and shown", f"{first * 1000:.0f} ms", "—", "—"))
    panel.buildings.selectRow(6)
    panel.showing.setCurrentIndex(panel.LISTS.index("building"))  # the longest list: a whole building
    bare = QTableView()
    bare_model = PeopleTableModel(desk)
    bare.setModel(bare_model)
    bare.resize(1280, 760)  # the panel's size: painting the same area
    bare.show()
    app.processEvents()
    shown_rows = desk.rounds.call_sheet(r.id, building)
    ui, floor_ui = [], []
    # Until what changed is painted: the refresh, then the event loop drained (its paint events).
    for i in range(120):
        desk.rounds.scan_for_round(r.id, texts[(i * 53) % len(texts)], "1#楼下")  # the figures change
        app.processEvents()
        t0 = time.perf_counter()
        panel.refresh_figures()
        panel.refresh_list()
        app.processEvents()
        ui.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        bare_model.set_rows(list(shown_rows))
        app.processEvents()
        floor_ui.append(time.perf_counter() - t0)
    ui, floor_ui = ui[20:], floor_ui[20:]
    rows.append((f"bare QTableView, same size: {len(shown_rows)} rows set and painted", f"{pct(floor_ui, 50) * 1000:.2f} ms",
                 f"{pct(floor_ui, 99) * 1000:.2f} ms p99", "—"))
    rows.append(("panel refresh after a scan: figures + a building's list, painted", f"{pct(ui, 50) * 1000:.2f} ms",
                 f"{pct(ui, 99) * 1000:.2f} ms p99", "≤ 50 ms"))
    rows.append(("  ÷ bare table", f"{pct(ui, 50) / pct(floor_ui, 50):.1f}×", f"{pct(ui, 99) / pct(floor_ui, 99):.1f}× p99",
                 "—"))
    db.close()
    raw.close()
    shutil.rmtree(work, ignore_errors=True)
    print_table(rows)


if __name__ == "__main__":
    main()
