"""The visit log as a window onto SQL: rowCount is one COUNT query, and only the rows on screen
are fetched (gui.paged: a page at a time, cached, the far half read from the far end)."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from gui.paged import PagedRows
from gui.visit_columns import VISIT_ROLE, CellContext, VisitColumnsMixin  # noqa: F401 - VISIT_ROLE re-exported
from models.app.desk import Desk
from models.gate.visit_log import VisitQuery

PAGE = 100  # a screen shows ~25 rows


class VisitLogTableModel(VisitColumnsMixin, QAbstractTableModel):
    column_keys = ("date_time_in", "kind", "name", "phone", "id_number", "destination", "temperature", "code",
                   "decision", "time_out", "operator")
    (COL_TIME, COL_KIND, COL_NAME, COL_PHONE, COL_ID, COL_DESTINATION, COL_TEMPERATURE, COL_CODE,
     COL_DECISION, COL_TIME_OUT, COL_OPERATOR) = range(11)

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self._init_columns()
        self.desk = desk
        self.cells = CellContext(zone=desk.settings.zone)
        self.query = VisitQuery()
        self.rows = PagedRows(lambda **page: desk.gate.page_visits(self.query, **page), page=PAGE)

    def search(self, query: VisitQuery) -> None:
        self.beginResetModel()
        self.query = query
        self.cells = CellContext(zone=self.desk.settings.zone, operators=self.desk.staff.operator_names())
        self.rows.reset(self.desk.gate.count_visits(query))
        self.endResetModel()

    def refresh(self) -> None:
        self.search(self.query)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.rows.total

    def sortable(self, column: int) -> bool:
        return self.columns[column].sort is not None

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        key = self.columns[column].sort
        if key is None:
            return  # only indexed columns sort, so a million rows still sort in SQL at once
        self.search(replace(self.query, sort=key, descending=order == Qt.DescendingOrder))

    def visit_at(self, row: int):
        """The visit's columns, read-only and masked (a reveal shows one in full)."""
        return self.rows.at(row)
