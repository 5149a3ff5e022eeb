"""Records that arrived changed at a revision the office already holds: a person decides."""
from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui import texts
from gui.list_table_model import ListTableModel
from gui.widgets import row_table
from models.app.desk import Desk
from models.sync import ConflictView


class ConflictsTableModel(ListTableModel):
    ConflictRole = Qt.UserRole + 1

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.headers = [self.tr("Found"), self.tr("Kind of record"), self.tr("Record"), self.tr("Revision"),
                        self.tr("What differs")]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        c: ConflictView = self.rows[index.row()]
        if role == self.ConflictRole:
            return c
        if role == Qt.DisplayRole:
            zone = ZoneInfo(self.desk.settings.timezone)
            return (texts.local_time(c.detected_at, zone, "%Y-%m-%d %H:%M"), c.record_type, c.record_id[:8],
                    c.rev, ", ".join(d[0] for d in c.differences))[index.column()]
        return None


class ConflictsPanel(QWidget):
    conflicts_changed = Signal()

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        box = QVBoxLayout(self)
        intro = QLabel(self.tr("The same record arrived twice at the same revision with different contents. "
                               "GateDesk kept the office's copy and changed nothing; choose which copy is right."))
        intro.setWordWrap(True)
        box.addWidget(intro)
        self.model = ConflictsTableModel(desk, self)
        self.table = row_table(self.model, "conflictsTable", single=True)
        box.addWidget(self.table, 1)
        self.detail = QLabel("")
        self.detail.setObjectName("conflictDetail")
        self.detail.setWordWrap(True)
        box.addWidget(self.detail)
        row = QHBoxLayout()
        row.addStretch(1)
        self.keep_button = QPushButton(self.tr("Keep the office's copy"))
        self.take_button = QPushButton(self.tr("Take the copy that arrived"))
        for b in (self.keep_button, self.take_button):
            b.setMinimumHeight(44)
            b.setEnabled(False)
            row.addWidget(b)
        box.addLayout(row)
        self.keep_button.clicked.connect(lambda: self.resolve(take_incoming=False))
        self.take_button.clicked.connect(lambda: self.resolve(take_incoming=True))
        self.table.selectionModel().currentRowChanged.connect(self._selected)

    def refresh(self) -> None:
        self.model.set_rows(self.desk.sync.open_conflicts())
        self.detail.setText("" if self.model.rows else self.tr("No conflicts."))
        if self.model.rows:
            self.table.selectRow(0)
        else:
            self._selected(QModelIndex())

    def current(self) -> ConflictView | None:
        index = self.table.currentIndex()
        return self.model.data(index, ConflictsTableModel.ConflictRole) if index.isValid() else None

    def _selected(self, index: QModelIndex, _previous=None) -> None:
        c = self.model.data(index, ConflictsTableModel.ConflictRole) if index.isValid() else None
        for b in (self.keep_button, self.take_button):
            b.setEnabled(c is not None)
        if c is not None:
            lines = [self.tr("{0}: office has “{1}”, arrived “{2}”").format(*d) for d in c.differences]
            self.detail.setText("\n".join(lines))

    def resolve(self, *, take_incoming: bool) -> None:
        c = self.current()
        if c is None:
            return
        self.desk.sync.resolve_conflict(c.id, take_incoming=take_incoming)
        self.refresh()
        self.conflicts_changed.emit()
