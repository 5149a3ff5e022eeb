"""Everyone admitted and not yet signed out (a short list: held whole)."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from gui import texts
from models.masking import mask_name, mask_phone
from models.visits import Visit

VISIT_ROLE = Qt.UserRole + 1


class OnSiteTableModel(QAbstractTableModel):
    COL_TIME_IN, COL_INSIDE, COL_KIND, COL_NAME, COL_PHONE, COL_DESTINATION, COL_HOST = range(7)

    def __init__(self, zone, parent=None):
        super().__init__(parent)
        self.zone = zone
        self.rows: list[Visit] = []
        self.now: datetime | None = None
        self.headers = [self.tr("Time in"), self.tr("Inside for"), self.tr("Who"), self.tr("Name"),
                        self.tr("Phone"), self.tr("Going to"), self.tr("Host")]

    def set_rows(self, rows: list[Visit], now: datetime) -> None:
        self.beginResetModel()
        self.rows = rows
        self.now = now
        self.endResetModel()

    def tick(self, now: datetime) -> None:
        self.now = now
        if self.rows:
            self.dataChanged.emit(self.index(0, self.COL_INSIDE), self.index(len(self.rows) - 1, self.COL_INSIDE))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        v = self.rows[index.row()]
        if role == VISIT_ROLE:
            return v
        if role != Qt.DisplayRole:
            return None
        c = index.column()
        if c == self.COL_TIME_IN:
            return texts.local_time(v.created_at, self.zone, "%H:%M")
        if c == self.COL_INSIDE:
            return texts.duration(self.now - v.created_at) if self.now else ""
        if c == self.COL_KIND:
            return texts.kind(v.kind)
        if c == self.COL_NAME:
            return mask_name(v.name)
        if c == self.COL_PHONE:
            return mask_phone(v.phone)
        if c == self.COL_DESTINATION:
            return v.destination or ""
        if c == self.COL_HOST:
            return mask_name(v.host)
        return None
