"""First run: the compound, this gate, and the first administrator — about two minutes."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from gui import texts
from models.desk import Desk
from models.site import SetupForm
from models.validation import InvalidInput


class SetupDialog(QDialog):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Set up GateDesk"))
        self.setMinimumWidth(560)
        box = QVBoxLayout(self)
        intro = QLabel(self.tr("Welcome. Tell GateDesk which compound and gate this computer serves, and who "
                               "administers it. Fields marked * are required."))
        intro.setWordWrap(True)
        box.addWidget(intro)
        form = QFormLayout()
        self.inputs: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        rows = [
            ("compound_name", self.tr("Compound name *"), False),
            ("address", self.tr("Address"), False),
            ("community", self.tr("Community (社区)"), False),
            ("subdistrict", self.tr("Sub-district (街道)"), False),
            ("district", self.tr("District (区)"), False),
            ("gate_name", self.tr("This gate *"), False),
            ("admin_name", self.tr("Administrator's name *"), False),
            ("admin_pin", self.tr("Administrator's PIN (4–12 digits) *"), True),
            ("admin_pin_again", self.tr("PIN again *"), True),
        ]
        for key, label, secret in rows:
            edit = QLineEdit()
            edit.setObjectName(key)
            edit.setMinimumHeight(40)
            if secret:
                edit.setEchoMode(QLineEdit.Password)
            err = QLabel("")
            err.setObjectName("fieldError")
            err.hide()
            form.addRow(label, edit)
            form.addRow("", err)
            self.inputs[key] = edit
            self.errors[key] = err
        box.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)

    def accept(self) -> None:
        form = SetupForm(**{k: e.text() for k, e in self.inputs.items()})
        try:
            self.desk.complete_setup(form)
        except InvalidInput as exc:
            msgs = {}
            for err in exc.errors:
                msgs.setdefault(err.field, texts.message(err.message))
            for key, label in self.errors.items():
                label.setText(msgs.get(key, ""))
                label.setVisible(key in msgs)
            first = next(k for k in self.inputs if k in msgs)
            self.inputs[first].setFocus()
            return
        super().accept()
