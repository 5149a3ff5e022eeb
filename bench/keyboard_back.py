"""What the application-wide filter that gives a window the keyboard back after a dialog closes
(`gui.app.KeyboardBack`) costs each key typed: 2,000 keys into a field with and without it,
alternated three times each, in the same process. Prints min and median per key.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/keyboard_back.py
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

KEYS = 2000


def main() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    from gui.app import KeyboardBack, make_app

    app = make_app()
    field = QLineEdit()
    field.show()
    keeper = next(c for c in app.children() if isinstance(c, KeyboardBack))

    def per_key() -> float:
        start = time.perf_counter()
        for _ in range(KEYS):
            QTest.keyClick(field, Qt.Key_A)
        app.processEvents()
        field.clear()
        return (time.perf_counter() - start) / KEYS * 1e6

    runs: dict[str, list[float]] = {"without the filter (floor)": [], "with the filter": []}
    for i in range(6):
        if i % 2 == 0:
            app.removeEventFilter(keeper)
            runs["without the filter (floor)"].append(per_key())
        else:
            app.installEventFilter(keeper)
            runs["with the filter"].append(per_key())
    floor = statistics.median(runs["without the filter (floor)"])
    print("| run | min µs/key | median µs/key | median ÷ floor |")
    print("| --- | --- | --- | --- |")
    for name, values in runs.items():
        print(f"| {name} | {min(values):.1f} | {statistics.median(values):.1f} | "
              f"{statistics.median(values) / floor:.2f}× |")


if __name__ == "__main__":
    main()
