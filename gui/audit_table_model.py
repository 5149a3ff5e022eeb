"""The audit log as a window onto SQL, newest first: only the entries on screen are read, so a
year's million entries open as fast as a day's."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from gui import texts
from gui.paged import PagedRows
from models.app.desk import Desk
from models.trust.audit import ACTIONS


class AuditTableModel(QAbstractTableModel):
    COL_SEQ, COL_TIME, COL_WHO, COL_WHAT, COL_DETAIL = range(5)

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.headers = [self.tr("No."), self.tr("Time"), self.tr("Who"), self.tr("What"), self.tr("Details")]
        self.rows = PagedRows(desk.records.audit_page, page=200)
        self.names: dict[str, str] = {}

    def refresh(self) -> None:
        self.beginResetModel()
        self.names = self.desk.staff.operator_names()
        self.rows.reset(self.desk.records.audit_count())
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.rows.total

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.headers[section]
        return None

    def entry_at(self, row: int):
        return self.rows.at(row)

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid() or role != Qt.DisplayRole:
            return None
        e = self.rows.at(index.row())
        if e is None:
            return None
        col = index.column()
        if col == self.COL_SEQ:
            return str(e.seq)
        if col == self.COL_TIME:
            return texts.local_time(e.at, self.desk.settings.zone, "%Y-%m-%d %H:%M:%S")
        if col == self.COL_WHO:
            return self.names.get(e.operator_id, "") if e.operator_id else self.tr("GateDesk")
        if col == self.COL_WHAT:
            return texts.lookup("Audit", ACTIONS[e.action]) if e.action in ACTIONS else e.action
        return self.detail(e)

    def detail(self, e) -> str:
        """Details in words where they are a word; counts and field names as they are."""
        if e.action in ("locked", "unlocked"):
            return {"idle": self.tr("untouched too long"), "shift": self.tr("shift change")}.get(e.detail, e.detail)
        if e.action == "register" and e.detail:
            return texts.outcome(e.detail)
        return e.detail
