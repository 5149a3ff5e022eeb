"""A supervisor changes a gate decision, with a written reason."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from gui import texts
from gui.dialogs.sign_in_dialog import OperatorPinBox
from models.app.actions import role_for
from models.app.desk import Desk
from models.gate.rules import Outcome
from models.gate.visits import Visit
from models.kit.validation import InvalidInput
from models.trust.operators import NotAllowed, WrongPin


class OverrideDialog(QDialog):
    def __init__(self, desk: Desk, visit: Visit, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.visit = visit
        self.result_visit: Visit | None = None
        self.setWindowTitle(self.tr("Supervisor override"))
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("{0}: decided «{1}»").format(visit.name, texts.outcome(visit.decision))))
        form = QFormLayout()
        self.outcome = QComboBox()
        self.outcome.setObjectName("outcome")
        for o in Outcome:
            if o.value != visit.decision:
                self.outcome.addItem(texts.outcome(o), o.value)
        form.addRow(self.tr("New decision"), self.outcome)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setFixedHeight(90)
        form.addRow(self.tr("Reason (required)"), self.reason)
        box.addLayout(form)
        self.who = OperatorPinBox(desk.staff.operators(), minimum=role_for("gate.override"))
        box.addWidget(self.who)
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
            with self.desk.authorised(self.who.operator_id(), self.who.pin.text(),
                                      role_for("gate.override")) as sup:
                self.result_visit = self.desk.gate.override(visit_id=self.visit.id, supervisor_id=sup.id,
                                                            outcome=Outcome(self.outcome.currentData()),
                                                            reason=self.reason.toPlainText())
        except (WrongPin, NotAllowed) as exc:
            self.error.setText(texts.message(exc.message))
            self.who.pin.clear()
            return
        except InvalidInput as exc:
            self.error.setText(texts.message(exc.errors[0].message))
            self.reason.setFocus()
            return
        super().accept()
