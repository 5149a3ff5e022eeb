"""Loading another office's key file (a gate: its office's; an office: the office above it's)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from models.app.desk import Desk
from models.sync import BadKeyFile, OfficeKeyFile


def load_key_file(desk: Desk, parent: QWidget, title: str, choose: str, bad: str) -> OfficeKeyFile | None:
    """Ask for the file and load it (the caller holds an administrator's authority); None when
    nothing was chosen, or when it is not another office's key file (said, bad's {0} naming it)."""
    name, _ = QFileDialog.getOpenFileName(parent, choose, "",
                                          QCoreApplication.translate("KeyFile", "Office key (*.json *.gdkey)"))
    if not name:
        return None
    try:
        with open(name, encoding="utf-8") as f:
            return desk.sync.load_office_key(f.read())
    except (OSError, UnicodeDecodeError, BadKeyFile):
        QMessageBox.warning(parent, title, bad.format(name))
        return None
