"""Poster, pass-sheet and pass-scan figures for docs/BENCHMARKS.md (issue 5). Prints a table.

    .venv/bin/python bench/poster_bench.py

Builds a small demo station in a temporary folder, adds residents until there are 500 valid
passes (a 50-page sheet), then times the commands as a user runs them (whole process: start
Python, open the database, render, write), the same renders inside a running app, and a pass
scan from Enter to the passage committed, through the real gate page.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from table import pct, print_table  # noqa: E402

RUNS = 5


def command(*args) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "main.py"), *args], check=True, capture_output=True,
                   env=dict(os.environ, GATEDESK_LANG="zh_CN", GATEDESK_PIN="1234"))  # the demo administrator's
    return time.perf_counter() - t0


def main() -> None:
    from models import residents as rs
    from models.app.demo import create_demo
    from models.app.desk import Desk
    from models.store.db import open_database

    work = Path(tempfile.mkdtemp(prefix="gatedesk-poster-bench-"))
    data = work / "gate"
    db = open_database(data / "gatedesk.sqlite3")
    create_demo(db, days=7, visits_per_day=200)
    desk = Desk(db)
    with db.session() as s:
        have = len(rs.valid_passes(s, today=desk.today()))
        for i in range(500 - have):
            r = rs.add_resident(s, desk.ctx, room=f"9-{i // 100 + 1}-{i % 100 + 101}", name="王大明", phone=None,
                                now=desk.clock())
            rs.issue_pass(s, desk.ctx, resident_id=r.id, today=desk.today(), now=desk.clock())
        s.commit()
    rows = []
    for suffix in ("pdf", "png"):
        t = [command("poster", "--data-dir", str(data), "--gate", "东门", "--out", str(work / f"p.{suffix}"))
             for _ in range(RUNS)]
        rows.append((f"poster {suffix.upper()}, whole command (n={RUNS})", f"{pct(t, 50):.2f} s", f"{max(t):.2f} s max",
                     "≤ 1 s"))
    t = [command("passes", "--data-dir", str(data), "--operator", "林管理", "--out", str(work / "passes.pdf"))
         for _ in range(3)]
    rows.append(("pass sheet: 500 passes, 50 pages PDF, whole command (n=3)", f"{pct(t, 50):.2f} s",
                 f"{max(t):.2f} s max", "≤ 10 s"))

    from models.gate.posters import write_poster

    spec = desk.posters.poster_spec(desk.ctx.gate_id)
    write_poster(spec, work / "warm.pdf")  # fonts and modules loaded once, as in the running app
    for suffix in ("pdf", "png"):
        t = []
        for _ in range(RUNS):
            t0 = time.perf_counter()
            write_poster(desk.posters.poster_spec(desk.ctx.gate_id), work / f"warm.{suffix}")
            t.append(time.perf_counter() - t0)
        rows.append((f"poster {suffix.upper()} inside the running app (n={RUNS})", f"{pct(t, 50):.2f} s",
                     f"{max(t):.2f} s max", "≤ 1 s"))

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from gui.app import install_language, make_app
    from gui.main_window import MainWindow

    app = make_app()
    install_language(app, "zh_CN")
    with desk.authorised(next(o.id for o in desk.staff.operators() if o.name == "林管理"), "1234", __import__(
            "models.trust.operators", fromlist=["x"]).Role.ADMIN):
        cards = desk.residents.pass_cards()[:200]
    desk.staff.sign_in(next(o.id for o in desk.staff.operators() if o.name == "张保安"), "1111")
    window = MainWindow(desk)
    window.show()
    gate = window.gate
    times = []
    for card in cards:
        for direction in ("in", "out"):
            gate.phone.setFocus()
            QTest.keyClicks(gate.phone, card.payload)  # the scanner's characters, then its Enter:
            t0 = time.perf_counter()
            QTest.keyClick(gate.phone, Qt.Key_Return)
            if direction == "in":
                QTest.keyClicks(gate.temperature, "36.5")
                t0 = time.perf_counter()
                QTest.keyClick(gate.temperature, Qt.Key_Return)
            times.append(time.perf_counter() - t0)
    with db.session() as s:
        recorded = s.exec(__import__("sqlmodel").select(__import__("sqlalchemy").func.count())
                          .select_from(rs.Passage).where(rs.Passage.decision == "admit")).one()
    rows.append((f"pass scan: Enter to passage committed, gate page (n={len(times)})",
                 f"{pct(times, 50) * 1000:.1f} ms", f"{pct(times, 99) * 1000:.1f} ms p99", "≤ 50 ms"))
    window.close()
    db.close()
    print(f"machine: {os.cpu_count()} CPUs; python {sys.version.split()[0]}; passages recorded {recorded}")
    print_table(rows)


if __name__ == "__main__":
    main()
