"""The locked station: the data is out of sight until someone gives their PIN.

After an idle spell the guard on duty unlocks; anyone else, or anyone at a shift change,
signs in and takes over the gate."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from gui import texts
from gui.dialogs.sign_in_dialog import OperatorPinBox
from models.desk import Desk
from models.operators import WrongPin


class LockPage(QWidget):
    unlocked = Signal()

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.reason = "idle"
        box = QVBoxLayout(self)
        box.addStretch(1)
        self.title = QLabel()
        self.title.setObjectName("lockTitle")
        self.title.setAlignment(Qt.AlignCenter)
        self.title.setWordWrap(True)
        box.addWidget(self.title)
        self.who = OperatorPinBox(desk.operators())
        self.who.setMaximumWidth(480)
        box.addWidget(self.who, 0, Qt.AlignHCenter)
        self.who.pin.returnPressed.connect(self.unlock)
        self.button = QPushButton(self.tr("Unlock"))
        self.button.setObjectName("primary")
        self.button.setMinimumHeight(48)
        self.button.setMinimumWidth(240)
        self.button.clicked.connect(self.unlock)
        box.addWidget(self.button, 0, Qt.AlignHCenter)
        self.error = QLabel("")
        self.error.setObjectName("dialogError")
        self.error.setAlignment(Qt.AlignCenter)
        box.addWidget(self.error)
        box.addStretch(2)

    def show_for(self, reason: str) -> None:
        self.reason = reason
        self.title.setText("🔒  " + (self.tr("Shift change: the next operator signs in.") if reason == "shift" else
                                    self.tr("Locked after a quiet spell. Type your PIN to go on.")))
        current = self.who.who.findData(self.desk.operator.id if self.desk.operator else None)
        if current >= 0:
            self.who.who.setCurrentIndex(current)
        self.who.pin.clear()
        self.error.clear()
        self.who.pin.setFocus()

    def unlock(self) -> None:
        try:
            self.desk.unlock(self.who.operator_id(), self.who.pin.text(), reason=self.reason)
        except WrongPin as exc:
            self.error.setText(texts.message(exc.message))
            self.who.pin.clear()
            self.who.pin.setFocus()
            return
        self.unlocked.emit()
