"""The sign-in window usable (its operators' names in it), against a bare PySide6 window: whole
processes, alternated, min and median. Prints a table; asserts nothing.

    python main.py demo --data-dir bench/out/10k --days 10 --visits-per-day 1000 --seed 42
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/sign_in_bench.py bench/out/10k [rounds]

Each GateDesk launch starts from a cleanly closed database (the probe cancels the sign-in), as a
guard's usual start does. .pyc files are kept (PYTHONDONTWRITEBYTECODE unset), as on a user's PC.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent



def launch(args: list[str]) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(ROOT / "bench" / "startup_probe.py"), *args],
                            stdout=subprocess.PIPE, text=True, env=env)
    seen = {}
    for line in proc.stdout:
        seen[line.strip()] = time.perf_counter() - t0
    proc.wait()
    return seen


def main(data_dir: Path, rounds: int = 9) -> None:
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "models"), str(ROOT / "gui")], check=True)
    launch(["bare"]), launch(["gatedesk", str(data_dir)])  # warm the disk cache for both
    bare, painted, named, filled = [], [], [], []
    for i in range(rounds):
        for kind in (("bare", "gatedesk") if i % 2 == 0 else ("gatedesk", "bare")):
            if kind == "bare":
                bare.append(launch(["bare"])["ready"])
            else:
                seen = launch(["gatedesk", str(data_dir)])
                painted.append(seen["ready"])
                named.append(seen["names"])
                filled.append(seen["filled"])

    def ms(values):
        return f"{min(values) * 1000:.0f} ms", f"{statistics.median(values) * 1000:.0f} ms"

    floor_min, floor_median = min(bare), statistics.median(bare)
    rows = [("start-up: bare PySide6 window (the floor)", *ms(bare), "")]
    for label, values in (("start-up: GateDesk sign-in window painted", painted),
                          ("start-up: ... with the operators' names in it", named),
                          ("start-up: ... the database layer loaded (OK checks the PIN)", filled)):
        rows.append((label, *ms(values),
                     f"{min(values) / floor_min:.2f}× / {statistics.median(values) / floor_median:.2f}×"))
    print(f"{rounds} rounds each, alternated; platform {os.environ.get('QT_QPA_PLATFORM', 'default')}")
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}} | {'min':>8} | {'median':>8} | ratio to the floor (min / median)")
    print("-" * (width + 60))
    for r in rows:
        print(f"{r[0]:<{width}} | {r[1]:>8} | {r[2]:>8} | {r[3]}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 9)
