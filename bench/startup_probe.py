"""Child process for bench/gate_bench.py: start as a user would, print 'ready' once painted.

    python bench/startup_probe.py bare           a bare PySide6 window (the floor)
    python bench/startup_probe.py gatedesk DIR   GateDesk's real start-up path up to its first
                                                 window (sign-in), through gui.app.run
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def ready(widget) -> None:
    from PySide6.QtWidgets import QApplication

    widget.grab()  # the first frame is really painted
    print("ready", flush=True)
    widget.reject() if hasattr(widget, "reject") else QApplication.quit()


def main() -> None:
    if sys.argv[1] == "bare":
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QLabel

        app = QApplication(sys.argv[:1])
        window = QLabel("hello")
        window.show()
        QTimer.singleShot(0, lambda: ready(window))
        app.exec()
    else:
        from gui.app import run

        run(Path(sys.argv[2]), on_first_window=ready)


if __name__ == "__main__":
    main()
