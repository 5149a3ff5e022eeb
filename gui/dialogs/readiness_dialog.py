"""The daily readiness check: the gate's checklist, ticked at the start of the day, with remarks."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from gui import texts
from models.app.desk import Desk
from models.kit.validation import InvalidInput
from models.station.readiness import ITEM_LABELS


class ReadinessDialog(QDialog):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        today = desk.parcels.readiness_today()
        self.setWindowTitle(self.tr("Daily readiness check — {0}").format(today.day.isoformat()))
        self.setMinimumWidth(460)
        box = QVBoxLayout(self)
        if today.check is not None:
            done = QLabel(self.tr("Already ticked today; saving again records a new revision."))
            done.setObjectName("hint")
            box.addWidget(done)
        ticked = today.check.ticked if today.check else {}
        self.boxes: dict[str, QCheckBox] = {}
        for item in today.items:
            label = texts.lookup("Readiness", ITEM_LABELS[item]) if item in ITEM_LABELS else item
            cb = QCheckBox(label)
            cb.setObjectName(f"item_{item}")
            cb.setChecked(bool(ticked.get(item)))
            box.addWidget(cb)
            self.boxes[item] = cb
        box.addWidget(QLabel(self.tr("Remarks")))
        self.remarks = QPlainTextEdit(today.check.remarks if today.check else "")
        self.remarks.setObjectName("remarks")
        self.remarks.setFixedHeight(80)
        box.addWidget(self.remarks)
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
            self.saved = self.desk.parcels.record_readiness({k: cb.isChecked() for k, cb in self.boxes.items()},
                                                    self.remarks.toPlainText())
        except InvalidInput as exc:
            self.error.setText(texts.message(exc.errors[0].message))
            return
        super().accept()
