"""The registrations behind a dashboard figure: one compound, one day, personal data masked."""
from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from gui import texts
from gui.list_table_model import ListTableModel
from gui.widgets import row_table
from models.app.desk import Desk
from models.office.dashboard import DRILL_LIMIT, DrillRow


class DrillTableModel(ListTableModel):
    def __init__(self, zone: ZoneInfo, parent=None):
        super().__init__(parent)
        self.zone = zone
        self.headers = [self.tr("Time"), self.tr("Gate"), self.tr("Who"), self.tr("Name"), self.tr("Phone"),
                        self.tr("ID number"), self.tr("Temperature"), self.tr("Decision"), self.tr("Reasons")]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid() or role != Qt.DisplayRole:
            return None
        r: DrillRow = self.rows[index.row()]
        reasons = "; ".join(texts.reason_name(c) for c in r.reasons.split(",") if c)
        return (texts.local_time(r.at, self.zone, "%H:%M"), r.gate, texts.kind(r.kind), r.name, r.phone,
                r.id_number, "" if r.temperature is None else f"{r.temperature:.1f}", texts.outcome(r.decision),
                reasons)[index.column()]


class DrillDialog(QDialog):
    def __init__(self, desk: Desk, compound_ids: list[str], day, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Registrations on {0}").format(day.isoformat()))
        self.resize(1000, 600)
        box = QVBoxLayout(self)
        rows = desk.office.drill_visits(compound_ids=compound_ids, day=day)
        note = self.tr("{0} registrations (names, phones and ID numbers masked).").format(len(rows))
        if len(rows) >= DRILL_LIMIT:
            note = self.tr("The first {0} registrations of the day (names, phones and ID numbers masked).").format(
                DRILL_LIMIT)
        box.addWidget(QLabel(note))
        self.model = DrillTableModel(ZoneInfo(desk.settings.timezone), self)
        self.model.set_rows(rows)
        self.table = row_table(self.model, "drillTable")
        box.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
