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

from gui import texts
from models.desk import Desk
from models.masking import mask_id_number, mask_name, mask_phone
from models.visits import SortKey, VisitQuery

VISIT_ROLE = Qt.UserRole + 1
PAGE = 200
CACHED_PAGES = 50


class VisitLogTableModel(QAbstractTableModel):
    (COL_TIME, COL_KIND, COL_NAME, COL_PHONE, COL_ID, COL_DESTINATION, COL_TEMPERATURE, COL_CODE,
     COL_DECISION, COL_TIME_OUT, COL_OPERATOR) = range(11)
    SORTABLE = {COL_TIME: SortKey.TIME, COL_NAME: SortKey.NAME, COL_KIND: SortKey.KIND, COL_DECISION: SortKey.DECISION}

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.query = VisitQuery()
        self.total = 0
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self._operators: dict[str, str] = {}
        self.headers = [self.tr("Time in"), self.tr("Who"), self.tr("Name"), self.tr("Phone"), self.tr("ID number"),
                        self.tr("Going to"), self.tr("°C"), self.tr("Code"), self.tr("Decision"),
                        self.tr("Time out"), self.tr("Operator")]

    def search(self, query: VisitQuery) -> None:
        self.beginResetModel()
        self.query = query
        self._pages.clear()
        self._operators = self.desk.operator_names()
        self.total = self.desk.count_visits(query)
        self.endResetModel()

    def refresh(self) -> None:
        self.search(self.query)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.headers[section]
        return None

    _ROLES = frozenset({Qt.DisplayRole, Qt.TextAlignmentRole, VISIT_ROLE})

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        key = self.SORTABLE.get(column)
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
            rows = self.desk.page_visits(self.query, offset=self.total - end, limit=end - start, reverse=True)
            rows.reverse()
        else:
            rows = self.desk.page_visits(self.query, offset=start, limit=end - start)
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

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        # The view asks for a dozen roles per cell; answer the ones we do not serve at once.
        if role not in self._ROLES or not index.isValid():
            return None
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignRight | Qt.AlignVCenter) if index.column() == self.COL_TEMPERATURE else None
        v = self.visit_at(index.row())
        if v is None:
            return None
        if role == VISIT_ROLE:
            return v
        zone = self.desk.settings.zone
        c = index.column()
        if c == self.COL_TIME:
            return texts.local_time(v.created_at, zone, "%Y-%m-%d %H:%M")
        if c == self.COL_KIND:
            return texts.kind(v.kind)
        if c == self.COL_NAME:
            return mask_name(v.name)
        if c == self.COL_PHONE:
            return mask_phone(v.phone)
        if c == self.COL_ID:
            return mask_id_number(v.id_number)
        if c == self.COL_DESTINATION:
            return v.destination or ""
        if c == self.COL_TEMPERATURE:
            return "" if v.temperature is None else f"{v.temperature:.1f}"
        if c == self.COL_CODE:
            return texts.code_color(v.code_color)
        if c == self.COL_DECISION:
            label = texts.outcome(v.decision)
            return label + " *" if v.override_by else label
        if c == self.COL_TIME_OUT:
            return texts.local_time(v.time_out, zone, "%H:%M")
        if c == self.COL_OPERATOR:
            return self._operators.get(v.operator_id or "", "")
        return None
