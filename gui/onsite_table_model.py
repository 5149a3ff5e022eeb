"""Everyone admitted and not yet signed out (a short list: held whole)."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex

from gui.visit_columns import VISIT_ROLE, CellContext, VisitColumnsMixin  # noqa: F401 - VISIT_ROLE re-exported
from models.gate.visits import Visit


class OnSiteTableModel(VisitColumnsMixin, QAbstractTableModel):
    column_keys = ("time_in", "inside_for", "kind", "name", "phone", "destination", "host")
    COL_TIME_IN, COL_INSIDE, COL_KIND, COL_NAME, COL_PHONE, COL_DESTINATION, COL_HOST = range(7)

    def __init__(self, zone, parent=None):
        super().__init__(parent)
        self._init_columns()
        self.cells = CellContext(zone=zone)
        self.rows: list[Visit] = []

    def set_rows(self, rows: list[Visit], now: datetime) -> None:
        self.beginResetModel()
        self.rows = rows
        self.cells.now = now
        self.endResetModel()

    def tick(self, now: datetime) -> None:
        self.cells.now = now
        if self.rows:
            self.dataChanged.emit(self.index(0, self.COL_INSIDE), self.index(len(self.rows) - 1, self.COL_INSIDE))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def visit_at(self, row: int) -> Visit | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None
