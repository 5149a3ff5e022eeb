"""A supervisor deletes a registration made in error, with a reason; a tombstone keeps the fact."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from gui import texts
from gui.dialogs.sign_in_dialog import OperatorPinBox
from models.app.actions import role_for
from models.app.desk import Desk
from models.app.gate_service import TOMBSTONE_REASON_MAX
from models.gate.visits import Visit
from models.kit.validation import InvalidInput
from models.trust.operators import NotAllowed, WrongPin


class DeleteDialog(QDialog):
    def __init__(self, desk: Desk, visit: Visit, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.visit = visit
        self.deleted = False
        self.setWindowTitle(self.tr("Delete a registration"))
        self.setMinimumWidth(480)
        box = QVBoxLayout(self)
        note = QLabel(self.tr("Delete the registration of {0} at {1}? Only for one made in error. The deletion, "
                              "your name and the reason are kept, and the office deletes its copy too.").format(
            visit.name, texts.local_time(visit.created_at, desk.settings.zone, "%m-%d %H:%M")))
        note.setWordWrap(True)
        box.addWidget(note)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(TOMBSTONE_REASON_MAX)
        self.reason.setMinimumHeight(44)
        form.addRow(self.tr("Reason (required)"), self.reason)
        box.addLayout(form)
        self.who = OperatorPinBox(desk.staff.operators(), minimum=role_for("gate.delete_visit"))
        box.addWidget(self.who)
        self.error = QLabel("")
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        box.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        delete = buttons.addButton(self.tr("Delete"), QDialogButtonBox.DestructiveRole)
        delete.setObjectName("deleteButton")
        delete.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.reason.setFocus()

    def accept(self) -> None:
        try:
            with self.desk.authorised(self.who.operator_id(), self.who.pin.text(), role_for("gate.delete_visit")):
                self.desk.gate.delete_visit(self.visit.id, self.reason.text())
        except (WrongPin, NotAllowed) as exc:
            self.error.setText(texts.message(exc.message))
            self.who.pin.clear()
            return
        except InvalidInput as exc:
            self.error.setText(texts.message(exc.errors[0].message))
            self.reason.setFocus()
            return
        self.deleted = True
        super().accept()
