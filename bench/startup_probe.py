"""Child process for bench/startup_bench.py and bench/gate_bench.py: start as a user would.

    python bench/startup_probe.py bare           a bare PySide6 window (the floor)
    python bench/startup_probe.py gatedesk DIR   GateDesk's real start-up path (gui.app.run) up to its
                                                 first window, the sign-in

Prints 'ready' once the first window is painted; for GateDesk, 'names' when that painted window
already shows the operators' names (read from the file before the database layer loads), and
'filled' once the database layer has arrived (OK can check a PIN); then exits (GateDesk through
its own Cancel, so the next launch starts from a cleanly closed database, as usual).
"""
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def ready(widget) -> None:
    widget.grab()  # the first frame is really painted
    print("ready", flush=True)


def main() -> None:
    from PySide6.QtCore import QTimer

    if sys.argv[1] == "bare":
        from PySide6.QtWidgets import QApplication, QLabel

        app = QApplication(sys.argv[:1])
        window = QLabel("hello")
        window.show()
        QTimer.singleShot(0, lambda: (ready(window), os._exit(0)))
        app.exec()
    else:
        from gui.app import run

        def first(widget) -> None:
            ready(widget)
            if widget.who.who.count():
                print("names", flush=True)

            def filled() -> None:
                if widget.desk is not None:
                    widget.grab()
                    print("filled", flush=True)
                    widget.reject()  # closes the database cleanly, as a guard's Cancel would
                    return
                QTimer.singleShot(5, filled)
            QTimer.singleShot(0, filled)

        run(Path(sys.argv[2]), on_first_window=first)


if __name__ == "__main__":
    main()
