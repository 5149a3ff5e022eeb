"""A table model over a short list held whole (open cases, waiting parcels): the shared plumbing."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt


class ListTableModel(QAbstractTableModel):
    """Subclasses set self.headers and answer data(); rows are replaced whole by set_rows()."""

    headers: list[str] = []

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

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
