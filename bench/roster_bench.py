"""A 20,000-row resident roster read and imported, against raw sqlite3 inserts of the same rows.

    .venv/bin/python bench/roster_bench.py [--rows N] [--rounds R] [--window]

Each round makes a fresh station and imports the same CSV through the core (what the dialog runs
on its worker thread: reading, checking rooms and phones, households looked up once), then inserts
the same households and residents with raw executemany into another fresh station (no checks):
the practical limit. Alternating, min and median of each. With --window, the roster window imports
the sheet too (its worker, its progress) while a 50 ms timer measures how long its event loop ever
paused, beside the same timer on an idle event loop for as long: the pause past the timer's 50 ms.
"""
from __future__ import annotations

import random
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from table import print_table  # noqa: E402


def roster(path: Path, n: int) -> list[tuple[str, str, str]]:
    rng = random.Random(5)
    rows = []
    for b in range(1, 200):
        for u in range(1, 5):
            for f in range(1, 34):
                for r in range(1, 3):
                    rows.append((f"{b}-{u}-{f:02d}{r:02d}", f"住户{len(rows)}", f"1{rng.randrange(3, 10)}"
                                 f"{rng.randrange(10**9):09d}"))
                    if len(rows) == n:
                        path.write_text("房号,姓名,手机\n" + "\n".join(",".join(x) for x in rows) + "\n", encoding="utf-8")
                        return rows
    raise ValueError(n)


def station(folder: Path):
    from models.store.db import open_database
    from models.trust.first_run import SetupForm, complete_setup

    db = open_database(folder / "gatedesk.sqlite3")
    with db.session() as s:
        ctx = complete_setup(s, SetupForm(compound_name="榕城花园", gate_name="东门", admin_name="林管理",
                                          admin_pin="1234", admin_pin_again="1234"))
        s.commit()
    return db, ctx


def core(folder: Path, sheet: Path) -> tuple[float, int]:
    from models import residents
    from models.store.clock import utcnow

    db, ctx = station(folder)
    t0 = time.perf_counter()
    with db.session() as s:
        result = residents.import_roster(s, ctx, sheet, now=utcnow())
        s.commit()
    elapsed = time.perf_counter() - t0
    db.close()
    return elapsed, result.added


def raw(folder: Path, rows: list[tuple[str, str, str]]) -> tuple[float, int]:
    db, ctx = station(folder)
    db.close()
    con = sqlite3.connect(folder / "gatedesk.sqlite3", isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    t0 = time.perf_counter()
    con.execute("BEGIN")
    now = "2026-12-01 00:00:00.000000"
    homes: dict[str, str] = {}
    people = []
    for room, name, phone in rows:
        home = homes.get(room)
        if home is None:
            home = homes[room] = str(uuid.uuid4())
        people.append((str(uuid.uuid4()), ctx.station_id, ctx.gate_id, now, now, home, name, phone))
    b, u, r = zip(*(room.split("-") for room in homes))
    con.executemany("INSERT INTO household (id, station_id, gate_id, created_at, updated_at, rev, building, unit, room)"
                    " VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)",
                    [(h, ctx.station_id, ctx.gate_id, now, now, bb, uu, rr) for h, bb, uu, rr in zip(homes.values(), b, u, r)])
    con.executemany("INSERT INTO resident (id, station_id, gate_id, created_at, updated_at, rev, household_id, name, phone,"
                    " active) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, 1)", people)
    con.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    con.close()
    return elapsed, len(people)


def window(work: Path, sheet: Path, n: int, rounds: int) -> list[tuple[str, str, str, str]]:
    """The roster window importing the sheet on its worker: the longest pauses of its event loop (a
    50 ms timer's late ticks), beside the same timer on an idle event loop for as long (the floor)."""
    import os
    from contextlib import ExitStack

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from gui.app import install_language, make_app
    from gui.dialogs.residents_dialog import ResidentsDialog
    from models.app.desk import Desk
    from models.trust.operators import Role

    app = QApplication.instance() or QApplication(sys.argv)
    make_app()
    install_language(app, "zh_CN")

    def ticking(run) -> tuple[list[float], float]:
        ticks = [time.perf_counter()]
        timer = QTimer()
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        timer.start(50)
        took = run()
        timer.stop()
        return [b - a for a, b in zip(ticks, ticks[1:])], took

    def imported(i: int):
        db, _ctx = station(work / f"w{i}")
        desk = Desk(db)
        held = ExitStack()  # the administrator's PIN, for the import and the work it starts
        held.enter_context(desk.authorised(desk.staff.operators()[0].id, "1234", Role.ADMIN))
        dialog = ResidentsDialog(desk)
        dialog.show()
        clock = QElapsedTimer()
        clock.start()

        def run():
            dialog.import_sheet(sheet)
            while dialog.roster_op.running:
                app.processEvents(QEventLoop.AllEvents, 20)
            return clock.elapsed() / 1000
        gaps, took = ticking(run)
        assert dialog.model.rowCount() == n
        dialog.close()
        dialog.deleteLater()
        held.close()
        db.close()
        return gaps, took

    def idle(seconds: float):
        def run():
            end = time.perf_counter() + seconds
            while time.perf_counter() < end:
                app.processEvents(QEventLoop.AllEvents, 20)
            return seconds
        return ticking(run)

    worst, floor = [], []
    for i in range(rounds):
        gaps, took = imported(i)
        worst.append(max(gaps) - 0.05)
        floor.append(max(idle(took)[0]) - 0.05)
    out = []
    for label, values in ((f"roster window importing {n:,} rows: longest pause of its event loop", worst),
                          ("  an idle event loop for as long: longest pause (the floor)", floor)):
        target = "unnoticed (< 0.5 s)" if values is worst else "—"
        values = sorted(values)
        out.append((label, f"{values[len(values) // 2] * 1000:.0f} ms", f"{values[-1] * 1000:.0f} ms max", target))
    return out


def main() -> None:
    args = sys.argv[1:]
    n = int(args[args.index("--rows") + 1]) if "--rows" in args else 20_000
    rounds = int(args[args.index("--rounds") + 1]) if "--rounds" in args else 5
    work = Path(tempfile.mkdtemp(prefix="gatedesk-roster-bench-"))
    sheet = work / "roster.csv"
    rows = roster(sheet, n)
    times: dict[str, list[float]] = {"core": [], "raw": []}
    for i in range(rounds):
        for name in (["core", "raw"] if i % 2 == 0 else ["raw", "core"]):
            t, added = core(work / f"c{i}", sheet) if name == "core" else raw(work / f"r{i}", rows)
            assert added == n, (name, added)
            times[name].append(t)
    med = {k: sorted(v)[len(v) // 2] for k, v in times.items()}
    low = {k: min(v) for k, v in times.items()}
    print(f"{n:,} rows, {rounds} rounds alternating")
    print_table([
        (f"roster import through the core ({n:,} rows)", f"{med['core']:.2f} s", f"{low['core']:.2f} s min",
         "in the background, with progress"),
        ("  raw sqlite3 executemany, same rows", f"{med['raw']:.2f} s", f"{low['raw']:.2f} s min", "practical limit"),
        ("  core ÷ raw (median; min)", f"{med['core'] / med['raw']:.1f}×", f"{low['core'] / low['raw']:.1f}×", "—"),
    ] + (window(work, sheet, n, rounds) if "--window" in args else []))


if __name__ == "__main__":
    main()
