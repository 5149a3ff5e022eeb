"""One row's personal data in full, shown to a supervisor; the reveal is recorded."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from gui import texts
from models.gate.visits import Visit


class RevealDialog(QDialog):
    def __init__(self, visit: Visit, zone, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Registration in full"))
        self.setMinimumWidth(380)  # an 18-digit ID number and a full address read on one line
        box = QVBoxLayout(self)
        note = QLabel(self.tr("This view has been recorded in the audit log."))
        note.setObjectName("hint")
        box.addWidget(note)
        form = QFormLayout()
        rows = [
            (self.tr("Time in"), texts.local_time(visit.created_at, zone, "%Y-%m-%d %H:%M")),
            (self.tr("Who"), texts.kind(visit.kind)),
            (self.tr("Name"), visit.name or ""),
            (self.tr("Phone"), visit.phone or ""),
            (self.tr("ID number"), visit.id_number or ""),
            (self.tr("Coming from"), visit.origin or ""),
            (self.tr("Going to"), visit.destination or ""),
            (self.tr("Host"), visit.host or ""),
            (self.tr("Purpose"), visit.purpose or ""),
            (self.tr("Temperature °C"), "" if visit.temperature is None else f"{visit.temperature:.1f}"),
            (self.tr("Decision"), texts.outcome(visit.decision)),
            (self.tr("Time out"), texts.local_time(visit.time_out, zone, "%Y-%m-%d %H:%M")),
        ]
        for label, value in rows:
            v = QLabel(value)
            v.setObjectName(f"reveal_{label}")
            form.addRow(label, v)
        box.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.values = dict(rows)
