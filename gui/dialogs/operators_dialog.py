"""The administrator adds operators (guards, supervisors, administrators)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)

from gui import texts
from models.app.desk import Desk
from models.kit.validation import InvalidInput
from models.trust.operators import ROLE_LABELS, Role


class OperatorsDialog(QDialog):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Operators"))
        self.setMinimumWidth(480)
        box = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("operatorList")
        box.addWidget(self.list)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.role = QComboBox()
        self.role.setObjectName("role")
        for role in Role:
            self.role.addItem(texts.lookup("Operators", ROLE_LABELS[role]), role.value)
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.Password)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("PIN (4–12 digits)"), self.pin)
        box.addLayout(form)
        self.error = QLabel("")
        self.error.setObjectName("dialogError")
        box.addWidget(self.error)
        self.add_button = QPushButton(self.tr("Add operator"))
        self.add_button.setObjectName("addOperator")
        self.add_button.setMinimumHeight(44)
        self.add_button.clicked.connect(self.add)
        box.addWidget(self.add_button)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for op in self.desk.staff.operators():
            self.list.addItem(f"{op.name}  —  {texts.lookup('Operators', ROLE_LABELS[Role(op.role)])}")

    def add(self) -> None:
        try:
            self.desk.staff.add_operator(name=self.name.text(), role=Role(self.role.currentData()), pin=self.pin.text())
        except InvalidInput as exc:
            self.error.setText(texts.message(exc.errors[0].message))
            return
        self.error.setText("")
        self.name.clear()
        self.pin.clear()
        self.refresh()
