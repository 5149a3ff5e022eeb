"""Open an isolation case by hand, for someone who did not come through the gate desk."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from gui import texts
from models.app.desk import Desk
from models.kit.validation import InvalidInput
from models.station.isolation import CaseForm


class CaseDialog(QDialog):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.case = None
        self.setWindowTitle(self.tr("New isolation case"))
        self.setMinimumWidth(480)
        box = QVBoxLayout(self)
        form = QFormLayout()
        self.inputs: dict[str, QLineEdit] = {}
        for key, label in (("name", self.tr("Name *")), ("phone", self.tr("Phone")), ("id_number", self.tr("ID number")),
                           ("reason", self.tr("Reason *")), ("temperature", self.tr("Temperature °C"))):
            edit = QLineEdit()
            edit.setObjectName(key)
            edit.setMinimumHeight(40)
            form.addRow(label, edit)
            self.inputs[key] = edit
        box.addLayout(form)
        self.error = QLabel("")
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        box.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)

    def accept(self) -> None:
        try:
            self.case = self.desk.isolation.open_isolation_case(CaseForm(**{k: e.text() for k, e in self.inputs.items()}))
        except InvalidInput as exc:
            labels = {"name": self.tr("Name *"), "phone": self.tr("Phone"), "id_number": self.tr("ID number"),
                      "reason": self.tr("Reason *"), "temperature": self.tr("Temperature °C")}
            self.error.setText("\n".join(f"{labels.get(e.field, e.field)}：{texts.message(e.message)}"
                                         for e in exc.errors))
            self.inputs[exc.errors[0].field].setFocus()
            return
        super().accept()
