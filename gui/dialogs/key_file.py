"""Loading another office's key file (a gate: its office's; an office: the office above it's)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from models.app.desk import Desk
from models.store.i18n import QT_TRANSLATE_NOOP
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


def load_office_key(desk: Desk, parent: QWidget) -> None:
    """A station's Admin ▸ Office key: its bundles are encrypted for that office from now on."""
    from gui.dialogs.sign_in_dialog import authority

    def tr(text: str) -> str:
        return QCoreApplication.translate("KeyFile", text)

    with authority(desk, parent, "sync.load_office_key",
                   tr(QT_TRANSLATE_NOOP("KeyFile", "An administrator's PIN is needed."))) as allowed:
        if not allowed:
            return
        key = load_key_file(desk, parent, tr(QT_TRANSLATE_NOOP("KeyFile", "Office key")),
                            tr(QT_TRANSLATE_NOOP("KeyFile", "The office's key file")),
                            tr(QT_TRANSLATE_NOOP("KeyFile", "{0} is not an office key file.")))
    if key is not None:
        QMessageBox.information(parent, tr(QT_TRANSLATE_NOOP("KeyFile", "Office key")), tr(QT_TRANSLATE_NOOP(
            "KeyFile", "From now on bundles are encrypted for {0}. Check the key fingerprint with the office by "
                       "phone: {1}")).format(key.office, key.key_id))
