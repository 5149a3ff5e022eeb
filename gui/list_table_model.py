"""A table model over a short list held whole (open cases, waiting parcels): the shared plumbing."""
from __future__ import annotations

import operator

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt


class ListTableModel(QAbstractTableModel):
    """Subclasses set self.headers and answer data(); rows are replaced whole by set_rows(), or
    changed in place by update_rows()."""

    headers: list[str] = []

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def update_rows(self, rows: list, *, key, same=operator.eq) -> None:
        """Replace the rows as what changed: rows gone are removed, rows that differ (by `same`) are
        repainted, the rest left alone, so a view keeps its selection and scroll and repaints a line,
        not the table. A list whose order changed otherwise is reset whole."""
        new_keys = [key(r) for r in rows]
        old_keys = [key(r) for r in self.rows]
        if new_keys != old_keys:
            wanted = set(new_keys)
            kept = [k for k in old_keys if k in wanted]
            if kept != new_keys or len(wanted) != len(new_keys):  # not just some rows gone
                self.set_rows(rows)
                return
            for i in range(len(old_keys) - 1, -1, -1):  # from the bottom: the indexes above stay true
                if old_keys[i] not in wanted:
                    self.beginRemoveRows(QModelIndex(), i, i)
                    del self.rows[i]
                    self.endRemoveRows()
        old, self.rows = self.rows, rows
        last = self.columnCount() - 1
        for i, (a, b) in enumerate(zip(old, rows)):
            if not same(a, b):
                self.dataChanged.emit(self.index(i, 0), self.index(i, last))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    # Many narrow figure columns: a heading of several words is set one word a line, so a column is
    # as wide as its numbers and longest word, not its whole English heading.
    stacked_headings = False

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            text = self.headers[section]
            return "\n".join(text.split()) if self.stacked_headings else text
        return None
