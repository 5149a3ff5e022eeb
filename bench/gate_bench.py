"""Gate desk figures for docs/BENCHMARKS.md (issue 2). Prints a table; asserts nothing.

    python main.py demo --data-dir bench/out/1m --days 100 --visits-per-day 10000 --seed 42
    xvfb-run -a .venv/bin/python bench/gate_bench.py bench/out/1m

Work is done on a copy of the database so the demo stays as built.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from table import pct, print_table  # noqa: E402


def startup(kind: str, data_dir: Path | None, runs: int = 7) -> list[float]:
    out = []
    for _ in range(runs):
        args = [sys.executable, str(ROOT / "bench" / "startup_probe.py"), kind] + ([str(data_dir)] if data_dir else [])
        t0 = time.perf_counter()
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
        line = proc.stdout.readline()
        t1 = time.perf_counter()
        proc.wait()
        assert line.strip() == "ready", line
        out.append(t1 - t0)
    return out


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def main() -> None:
    src = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "bench" / "out" / "1m")
    work = Path(tempfile.mkdtemp(prefix="gatedesk-bench-"))
    shutil.copy(src / "gatedesk.sqlite3", work / "gatedesk.sqlite3")
    # As after a clean close (the usual start); a start after a crash first checks the whole
    # file: bench/trust_bench.py measures that.
    from models.store.backups import clean_mark

    clean_mark(work / "gatedesk.sqlite3").touch()
    rows: list[tuple[str, str, str, str]] = []

    from models.app.desk import Desk
    from models.gate.visits import VisitForm
    from models.gate.visit_log import VisitQuery
    from models.store import paths
    from models.store.db import open_database

    db = open_database(paths.database_path(work), background_checkpoints=True)  # as the app does
    desk = Desk(db)
    total = desk.gate.count_visits(VisitQuery())
    guard = next(o for o in desk.staff.operators() if o.role == "guard")
    desk.staff.sign_in(guard.id, "1111")
    import gc

    gc.freeze()  # as gui.app.run does once the main window is up

    # Start-up, whole process, beside a bare PySide6 window.
    bare = startup("bare", None)
    ours = startup("gatedesk", work)
    rows.append(("start-up: bare PySide6 window", f"{statistics.median(bare) * 1000:.0f} ms", f"{max(bare) * 1000:.0f} ms", "—"))
    rows.append((f"start-up: GateDesk to its sign-in window painted ({total:,} visits)", f"{statistics.median(ours) * 1000:.0f} ms",
                 f"{max(ours) * 1000:.0f} ms", "≤ 1000 ms"))

    # One registration: validate, decide, insert, commit (WAL, synchronous=FULL).
    i = 0

    def save():
        nonlocal i
        i += 1
        desk.gate.register(VisitForm(kind="visitor", name="王小明", phone=f"139{i:08d}", destination="3-2-501",
                                host="王大明", temperature="36.5", code_color="green", nat_result="negative",
                                risk_flag=False, mask=True, nat_sampled_at="20h"))

    def paced_save():
        # A real gate saves every few seconds at most; 50 ms apart is still far busier, and lets
        # the background checkpointer run between saves as it does in use.
        time.sleep(0.05)
        t0 = time.perf_counter()
        save()
        return time.perf_counter() - t0

    for _ in range(20):
        paced_save()
    saves = [paced_save() for _ in range(500)]

    # The disk's own floor: one durable append of a save's size (~12 pages), paced the same.
    probe = work / "fsync.probe"
    fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    floor = []
    for _ in range(520):
        time.sleep(0.05)
        t0 = time.perf_counter()
        os.write(fd, b"x" * 49152)
        os.fsync(fd)
        floor.append(time.perf_counter() - t0)
    os.close(fd)
    floor = floor[20:]
    rows.append(("disk floor: write 48 KB + fsync (n=500, 50 ms apart)", f"{pct(floor, 50) * 1000:.2f} ms",
                 f"{pct(floor, 99) * 1000:.2f} ms p99", "—"))
    rows.append(("save one registration (n=500, 50 ms apart)", f"{pct(saves, 50) * 1000:.2f} ms", f"{pct(saves, 99) * 1000:.2f} ms p99",
                 "p99 ≤ 5 ms"))

    # Searches as the log runs them: a COUNT and the first page of 200 rows.
    from gui.visit_log_table_model import PAGE

    def search(text):
        q = VisitQuery(text=text)
        return lambda: (desk.gate.count_visits(q), desk.gate.page_visits(q, offset=0, limit=PAGE))

    for label, text in (("search: phone tail '5678'", "5678"), ("search: full phone", "13900000001"),
                        ("search: surname '张' (a common one)", "张"), ("search: name prefix '欧阳'", "欧阳"),
                        ("search: full name '王小明'", "王小明"), ("search: ID tail '002X'", "002X")):
        timed(search(text), 3)
        t = timed(search(text), 200)
        n = desk.gate.count_visits(VisitQuery(text=text))
        rows.append((f"{label} ({n:,} hits)", f"{pct(t, 50) * 1000:.2f} ms", f"{pct(t, 99) * 1000:.2f} ms p99", "≤ 20 ms"))

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from gui.app import install_language, make_app
    from gui.log_panel import LogPanel
    from gui.main_window import MainWindow

    app = make_app()
    install_language(app, "zh_CN")

    # PIN accepted -> main window painted (PIN check, shift, counts, panels).
    def sign_in_to_window():
        desk.staff.sign_in(guard.id, "1111")
        w = MainWindow(desk)
        w.show()
        w.grab()
        w.close()

    sign_in_to_window()
    t = timed(sign_in_to_window, 10)
    rows.append(("sign-in: PIN accepted to main window painted", f"{pct(t, 50) * 1000:.0f} ms",
                 f"{max(t) * 1000:.0f} ms max", "—"))

    # Opening the log and jumping to its last row, through the real model and view.

    def open_and_jump():
        panel = LogPanel(desk)  # the real log tab: search, then Ctrl+End
        panel.resize(1200, 700)
        panel.show()
        panel.search()
        app.processEvents()
        panel.table.scrollToBottom()
        app.processEvents()
        panel.close()

    open_and_jump()
    t = timed(open_and_jump, 10)
    rows.append((f"log: open + jump to last row ({total:,} rows)", f"{pct(t, 50) * 1000:.1f} ms",
                 f"{max(t) * 1000:.1f} ms max", "≤ 200 ms"))

    db.close()
    shutil.rmtree(work, ignore_errors=True)
    print_table(rows)


if __name__ == "__main__":
    main()
