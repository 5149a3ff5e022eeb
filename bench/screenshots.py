"""Every tab and dialog of the gate, the office and a supervision team, at the two small screens gates have, as PNGs in
docs/screenshots/sizes/WxH/: what a reviewer looks at before a screen lands. Prints what it wrote.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/screenshots.py

The windows are laid out at the room a 1366x768 and a 1280x720 screen leave beside a 40-px taskbar;
a dialog at its own size, no larger than that room. A demo gate (two days) and an office that
imported it give the tables rows.
"""
from __future__ import annotations

import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from PySide6.QtWidgets import QWidget

    from gui.app import install_language, make_app
    from gui.main_window import MainWindow
    from gui.office_window import OfficeWindow
    from models import sync
    from models.app.demo import DEMO_PINS, create_demo
    from models.app.desk import Desk
    from models.store.db import open_database
    from models.trust.operators import Role
    from tests.conftest import NOW
    from gui.inspection_window import InspectionWindow
    from models.app.team_demo import create_team_demo
    from tests.gui.screens import (
        SCREENS,
        first_run_dialog,
        gate_dialogs,
        lay_out,
        office_dialogs,
        own_size,
        room,
        team_dialogs,
    )
    from tests.sync_helpers import enroll

    app = make_app()
    install_language(app, "zh_CN")
    work = Path(tempfile.mkdtemp(prefix="gatedesk-shots-"))
    gate_db = open_database(work / "gate" / "gatedesk.sqlite3")
    create_demo(gate_db, days=2, visits_per_day=40, parcels_per_day=12, seed=3, now=NOW)
    desk = Desk(gate_db, clock=lambda: NOW)
    admin = next(o for o in desk.staff.operators() if o.role == Role.ADMIN.value)
    desk.staff.sign_in(admin.id, DEMO_PINS["admin"])
    made = sync.export_bundle(gate_db, work / "usb", sheets=False, now=NOW + timedelta(minutes=1))
    office_db = open_database(work / "office" / "gatedesk.sqlite3")
    office = Desk(office_db, clock=lambda: NOW + timedelta(hours=1))
    office.sync.complete_office_setup(office_name="温泉社区居委会", community="温泉社区", admin_name="周主任",
                                      pin="2468", pin_again="2468", office_label="居委会")
    enroll(office_db, made.path)  # as its administrator would, after checking the fingerprint
    office.sync.importer().run_all([made.path])
    blank_db = open_database(work / "new" / "gatedesk.sqlite3")
    team_db = open_database(work / "team" / "gatedesk.sqlite3")
    create_team_demo(team_db, now=NOW)
    team = Desk(team_db, clock=lambda: NOW)
    team.staff.sign_in(next(o.id for o in team.staff.operators() if o.role == Role.ADMIN.value), DEMO_PINS["admin"])

    def shot(widget: QWidget, folder: Path, name: str, size) -> None:
        lay_out(widget, size)
        path = folder / f"{name}.png"
        widget.grab().save(str(path))
        print(f"{path.relative_to(ROOT)}  {widget.width()}x{widget.height()}")

    for screen in SCREENS:
        folder = ROOT / "docs" / "screenshots" / "sizes" / f"{screen.width()}x{screen.height()}"
        folder.mkdir(parents=True, exist_ok=True)
        for label, window, dialogs in (("gate", MainWindow(desk), gate_dialogs),
                                       ("office", OfficeWindow(office), office_dialogs),
                                       ("team", InspectionWindow(team), team_dialogs)):
            window.ready_for_keys()
            for i in range(window.tabs.count()):
                window.tabs.setCurrentIndex(i)
                shot(window, folder, f"{label}-tab{i + 1}", room(screen))
            named: dict[str, int] = {}
            for dialog in dialogs(window.desk, window):
                name = type(dialog).__name__
                named[name] = named.get(name, 0) + 1  # the sign-in dialog, and again at a hand-over
                name += f"-{named[name]}" if named[name] > 1 else ""
                shot(dialog, folder, f"{label}-dialog-{name}", own_size(dialog, screen))
                dialog.close()
            window.close()
        dialog = first_run_dialog(Desk(blank_db))
        shot(dialog, folder, f"first-run-{type(dialog).__name__}", own_size(dialog, screen))
        dialog.close()
    for db in (gate_db, office_db, blank_db, team_db):
        db.close()


if __name__ == "__main__":
    main()
