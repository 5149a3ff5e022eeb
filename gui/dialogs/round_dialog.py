"""A disinfection round of an area: where, with what, by whom (the operator on duty), when."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from gui import texts
from models.app.desk import Desk
from models.kit.validation import InvalidInput


class RoundDialog(QDialog):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Disinfection round"))
        self.setMinimumWidth(460)
        box = QVBoxLayout(self)
        form = QFormLayout()
        self.area = QComboBox()
        self.area.setObjectName("area")
        self.area.setEditable(True)
        self.area.addItems([self.tr("Gate"), self.tr("Isolation point"), self.tr("Drop-off station"),
                            self.tr("Lifts and stairs"), self.tr("Bins")])
        self.agent = QLineEdit()
        self.agent.setObjectName("agent")
        self.agent.setPlaceholderText(self.tr("e.g. 含氯消毒液 500 mg/L"))
        self.note = QLineEdit()
        self.note.setObjectName("note")
        form.addRow(self.tr("Area"), self.area)
        form.addRow(self.tr("Disinfectant"), self.agent)
        form.addRow(self.tr("Note"), self.note)
        box.addLayout(form)
        self.error = QLabel("")
        self.error.setObjectName("dialogError")
        box.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.saved = None

    def accept(self) -> None:
        try:
            self.saved = self.desk.parcels.record_round(area=self.area.currentText(), agent=self.agent.text(),
                                                note=self.note.text())
        except InvalidInput as exc:
            self.error.setText(texts.message(exc.errors[0].message))
            self.agent.setFocus()
            return
        super().accept()
