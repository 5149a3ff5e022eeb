"""Correct a closed isolation case: the field, the new value, and why. The old value is kept."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from gui import texts
from models.app.desk import Desk
from models.kit.validation import InvalidInput
from models.station.isolation import CORRECTABLE, OUTCOME_LABELS, IsolationCase, Outcome


class CorrectionDialog(QDialog):
    def __init__(self, desk: Desk, case: IsolationCase, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.case = case
        self.saved = None
        self.setWindowTitle(self.tr("Correct a closed case"))
        self.setMinimumWidth(480)
        labels = {"name": self.tr("Name"), "phone": self.tr("Phone"), "id_number": self.tr("ID number"),
                  "reason": self.tr("Reason"), "handed_to": self.tr("Handed to"), "outcome": self.tr("Outcome")}
        box = QVBoxLayout(self)
        note = QLabel(self.tr("A closed case is not edited in place: the old value, the new value and your "
                              "reason are kept, and the case gets a new revision."))
        note.setWordWrap(True)
        note.setObjectName("hint")
        box.addWidget(note)
        form = QFormLayout()
        self.field = QComboBox()
        self.field.setObjectName("field")
        for key in CORRECTABLE:
            self.field.addItem(labels[key], key)
        self.value = QLineEdit()
        self.value.setObjectName("value")
        self.outcome = QComboBox()
        self.outcome.setObjectName("outcomeValue")
        for o in Outcome:
            self.outcome.addItem(texts.lookup("Isolation", OUTCOME_LABELS[o]), o.value)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setFixedHeight(80)
        form.addRow(self.tr("Field"), self.field)
        form.addRow(self.tr("New value"), self.value)
        form.addRow(self.tr("New outcome"), self.outcome)
        form.addRow(self.tr("Reason (required)"), self.reason)
        box.addLayout(form)
        self.error = QLabel("")
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        box.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.field.currentIndexChanged.connect(self._field_changed)
        self._field_changed()

    def _field_changed(self) -> None:
        is_outcome = self.field.currentData() == "outcome"
        self.value.setEnabled(not is_outcome)
        self.outcome.setEnabled(is_outcome)

    def accept(self) -> None:
        field = self.field.currentData()
        value = self.outcome.currentData() if field == "outcome" else self.value.text()
        try:
            self.saved = self.desk.isolation.correct_case(self.case.id, field, value, self.reason.toPlainText())
        except InvalidInput as exc:
            self.error.setText(texts.message(exc.errors[0].message))
            return
        super().accept()
