"""The visit log as a window onto SQL: only the rows on screen are fetched.

rowCount is one COUNT query; each page of rows is fetched when first shown and cached. Pages
past the middle are read in reverse order from the far end, so jumping to the last of a
million rows costs no more than showing the first.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from sqlalchemy import Row

from gui.visit_columns import VISIT_ROLE, CellContext, VisitColumnsMixin  # noqa: F401 - VISIT_ROLE re-exported
from models.app.desk import Desk
from models.gate.visits import VisitQuery

PAGE = 100  # a screen shows ~25 rows
CACHED_PAGES = 50


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
        self.total = 0
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()

    def search(self, query: VisitQuery) -> None:
        self.beginResetModel()
        self.query = query
        self._pages.clear()
        self.cells = CellContext(zone=self.desk.settings.zone, operators=self.desk.staff.operator_names())
        self.total = self.desk.gate.count_visits(query)
        self.endResetModel()

    def refresh(self) -> None:
        self.search(self.query)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.total

    def sortable(self, column: int) -> bool:
        return self.columns[column].sort is not None

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        key = self.columns[column].sort
        if key is None:
            return  # only indexed columns sort, so a million rows still sort in SQL at once
        self.search(replace(self.query, sort=key, descending=order == Qt.DescendingOrder))

    def _page(self, number: int) -> list[Row]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        start = number * PAGE
        end = min(start + PAGE, self.total)
        if start > self.total // 2:
            rows = self.desk.gate.page_visits(self.query, offset=self.total - end, limit=end - start, reverse=True)
            rows.reverse()
        else:
            rows = self.desk.gate.page_visits(self.query, offset=start, limit=end - start)
        self._pages[number] = rows
        if len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)
        return rows

    def visit_at(self, row: int) -> Row | None:
        """The visit's columns, read-only (load the Visit by id to change it)."""
        if not 0 <= row < self.total:
            return None
        page = self._page(row // PAGE)
        i = row % PAGE
        return page[i] if i < len(page) else None
