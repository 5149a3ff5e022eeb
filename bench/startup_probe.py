"""Child process for bench/gate_bench.py: start as GateDesk starts, print 'ready' once painted.

    python bench/startup_probe.py bare             a bare PySide6 window (the floor)
    python bench/startup_probe.py gatedesk DIR     GateDesk's main window on DIR, an operator signed in
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    which = sys.argv[1]
    if which == "bare":
        from PySide6.QtWidgets import QApplication, QLabel

        app = QApplication(sys.argv[:1])
        window = QLabel("hello")
    else:
        from gui.app import install_language, make_app
        from models import paths
        from models.db import open_database
        from models.desk import Desk

        app = make_app()
        install_language(app, "zh_CN")
        desk = Desk(open_database(paths.database_path(Path(sys.argv[2]))))
        guard = next(o for o in desk.operators() if o.role == "guard")
        desk.sign_in(guard.id, "1111")  # the demo guard's PIN
        from gui.main_window import MainWindow

        window = MainWindow(desk)
    window.show()
    from PySide6.QtCore import QTimer

    def ready():
        window.grab()  # the first frame is really painted
        print("ready", flush=True)
        app.quit()

    QTimer.singleShot(0, ready)
    app.exec()


if __name__ == "__main__":
    main()
