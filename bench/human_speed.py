"""Issue 13's figures for docs/BENCHMARKS.md: start-up, one save, the poster command, each beside
its physical limit measured in the same run, the two alternated. Prints a table; asserts nothing.

    .venv/bin/python main.py demo --data-dir bench/out/h13 --days 30 --visits-per-day 2000 --seed 13
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/human_speed.py bench/out/h13
    xvfb-run -a .venv/bin/python bench/human_speed.py bench/out/h13 --startup-only

- start-up: a bare PySide6 window (import, QApplication, one label, painted) against GateDesk's
  real start-up (gui.app.run) to its sign-in window painted, and to that window filled with the
  operators (the database layer loaded). Whole processes.
- save: Desk.gate.register (what Enter does) against a raw INSERT + COMMIT of the same row into
  the same table through the standard library (same WAL + synchronous=FULL), and the disk's own
  write + fsync of 8 KB; 20 ms apart.
- poster: `main.py poster ... --out x.pdf` against a minimal qrcode + Pillow A4 page at 300 dpi
  with one line of Chinese, saved as PDF and as PNG. Whole processes.

The work is done on a copy of the database, so the demo stays as built.
"""
from __future__ import annotations

import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MINIMAL_PAGE = """
import sys
import qrcode
from PIL import Image, ImageDraw, ImageFont
from models.kit.fonts import drawing_fonts
(font_path, number), _ = drawing_fonts()
page = Image.new("RGB", (2480, 3508), "white")
qr = qrcode.make("GATEDESK:1:minimal").get_image().convert("RGB").resize((1400, 1400), Image.NEAREST)
page.paste(qr, (540, 900))
ImageDraw.Draw(page).text((400, 400), "榕城花园 东门 请扫码登记", fill="black",
                          font=ImageFont.truetype(str(font_path), 120, index=number))
page.save(sys.argv[1], resolution=300)  # by its suffix: .pdf (JPEG inside) or .png
"""


def whole_process(args: list[str], env=None) -> dict[str, float]:
    """Seconds from launch to each line the process prints ('ready', 'filled'), and to its exit."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    marks = {}
    for line in proc.stdout:
        marks[line.strip()] = time.perf_counter() - t0
    proc.wait()
    marks["exit"] = time.perf_counter() - t0
    return marks


def summary(label: str, values: list[float], floor: list[float] | None, unit: float = 1000,
            fmt: str = "{:.0f} ms") -> tuple[str, str, str, str]:
    ratio = ""
    if floor:
        ratio = f"{min(values) / min(floor):.2f}× / {statistics.median(values) / statistics.median(floor):.2f}×"
    return (label, fmt.format(min(values) * unit), fmt.format(statistics.median(values) * unit), ratio)


def print_rows(rows, heads=("min", "median", "ratio to its floor (min / median)")) -> None:
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}} | {heads[0]:>12} | {heads[1]:>12} | {heads[2]}")
    print("-" * (width + 70))
    for r in rows:
        print(f"{r[0]:<{width}} | {r[1]:>12} | {r[2]:>12} | {r[3]}")
    print()


def startup(work: Path, runs: int) -> list:
    probe = [sys.executable, str(ROOT / "bench" / "startup_probe.py")]
    bare, painted, filled = [], [], []
    from models.store.backups import clean_mark

    for _ in range(runs):  # alternated: the machine's noise falls on both alike
        bare.append(whole_process(probe + ["bare"])["ready"])
        clean_mark(work / "gatedesk.sqlite3").touch()  # as after a clean close, the usual start
        marks = whole_process(probe + ["gatedesk", str(work)])
        painted.append(marks["ready"])
        filled.append(marks["filled"])
    where = os.environ.get("QT_QPA_PLATFORM") or "xcb (Xvfb)"
    return [summary(f"start-up: bare PySide6 window [{where}]", bare, None),
            summary(f"start-up: GateDesk sign-in window painted [{where}]", painted, bare),
            summary(f"start-up: ... filled with the operators [{where}]", filled, bare)]


def saves(work: Path, n: int) -> list:
    from models.app.desk import Desk
    from models.gate.visits import VisitForm
    from models.store import paths
    from models.store.db import open_database

    db = open_database(paths.database_path(work), background_checkpoints=True)  # as the app does
    desk = Desk(db)
    guard = next(o for o in desk.staff.operators() if o.role == "guard")
    desk.staff.sign_in(guard.id, "1111")
    import gc

    gc.freeze()  # as gui.app.run does once the main window is up
    rng = random.Random(13)

    def save() -> float:
        form = VisitForm(kind="visitor", name="王小明", phone=f"139{rng.randrange(10**8):08d}", destination="3-2-501",
                         host="王大明", temperature="36.5", code_color="green", nat_result="negative",
                         risk_flag=False, mask=True, nat_sampled_at="20h")
        t0 = time.perf_counter()
        desk.gate.register(form)
        return time.perf_counter() - t0

    raw_con = sqlite3.connect(paths.database_path(work), isolation_level=None)
    raw_con.execute("PRAGMA synchronous=FULL")
    columns = [r[1] for r in raw_con.execute("PRAGMA table_info(visit)")]
    sql = f"INSERT INTO visit ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"

    def raw() -> float:
        row = list(raw_con.execute("SELECT * FROM visit ORDER BY rowid DESC LIMIT 1").fetchone())
        row[0] = str(uuid.uuid4())
        t0 = time.perf_counter()
        raw_con.execute("BEGIN IMMEDIATE")
        raw_con.execute(sql, row)
        raw_con.execute("COMMIT")
        return time.perf_counter() - t0

    fd = os.open(work / "fsync.probe", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)

    def fsync() -> float:
        t0 = time.perf_counter()
        os.write(fd, b"x" * 8192)
        os.fsync(fd)
        return time.perf_counter() - t0

    for _ in range(20):
        save(), raw(), fsync()
    s, r, f = [], [], []
    for _ in range(n):
        for fn, out in ((save, s), (raw, r), (fsync, f)):
            time.sleep(0.02)
            out.append(fn())
    os.close(fd)
    raw_con.close()
    db.close()

    def p(values, q):
        values = sorted(values)
        return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]
    fmt = "{:.2f} ms"
    return [
        (f"disk: write 8 KB + fsync (n={n})", fmt.format(p(f, .5) * 1000), fmt.format(p(f, .99) * 1000), ""),
        (f"raw INSERT + COMMIT of the same row (n={n})", fmt.format(p(r, .5) * 1000),
         fmt.format(p(r, .99) * 1000), ""),
        (f"save one registration (n={n})", fmt.format(p(s, .5) * 1000), fmt.format(p(s, .99) * 1000),
         f"median {p(s, .5) / p(r, .5):.2f}× the raw INSERT's; p99 {p(s, .99) / p(f, .99):.2f}× the fsync's"),
    ]


def poster(work: Path, runs: int) -> list:
    out = work / "poster.pdf"
    env = dict(os.environ, GATEDESK_LANG="zh_CN", PYTHONPATH=str(ROOT))
    cmd = [sys.executable, str(ROOT / "main.py"), "poster", "--data-dir", str(work), "--gate", "东门", "--out", str(out)]
    first = whole_process(cmd, env)["exit"]  # cuts the font for this poster once; kept in the data folder
    ours, as_pdf, as_png = [], [], []
    for _ in range(runs):
        as_pdf.append(whole_process([sys.executable, "-c", MINIMAL_PAGE, str(work / "minimal.pdf")], env)["exit"])
        as_png.append(whole_process([sys.executable, "-c", MINIMAL_PAGE, str(work / "minimal.png")], env)["exit"])
        ours.append(whole_process(cmd, env)["exit"])
    return [summary("minimal qrcode + Pillow A4 page saved as PDF", as_pdf, None),
            summary("minimal qrcode + Pillow A4 page saved as PNG", as_png, None),
            summary("poster command, whole process (font cut kept), against the PDF page", ours, as_pdf),
            summary("poster command, whole process (font cut kept), against the PNG page", ours, as_png),
            ("poster command, first run (cuts the font)", f"{first * 1000:.0f} ms", "", "")]


def main() -> None:
    src = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "bench" / "out" / "h13")
    startup_only = "--startup-only" in sys.argv
    poster_only = "--poster-only" in sys.argv
    work = Path(tempfile.mkdtemp(prefix="gatedesk-h13-"))
    shutil.copy(src / "gatedesk.sqlite3", work / "gatedesk.sqlite3")
    import PySide6

    print(f"PySide6 {PySide6.__version__}, Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}\n")
    if not poster_only:
        print_rows(startup(work, 11))
    if not startup_only and not poster_only:
        print_rows(saves(work, 500), ("median", "p99", "against its floors"))
    if not startup_only:
        print_rows(poster(work, 7))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
