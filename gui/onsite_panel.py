"""Who is inside now, with sign-out in one action."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import texts
from gui.onsite_table_model import VISIT_ROLE, OnSiteTableModel
from gui.widgets import Notice
from models.app.desk import Desk


class OnSitePanel(QWidget):
    signed_out = Signal(str)

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.model = OnSiteTableModel(desk.settings.zone, self)
        self.table = QTableView()
        self.table.setObjectName("onSiteTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.sign_out_selected())
        self.count = QLabel("")
        self.count.setObjectName("onSiteCount")
        self.sign_out_button = QPushButton(self.tr("Sign out  [Del]"))
        self.sign_out_button.setObjectName("signOutButton")
        self.sign_out_button.setMinimumHeight(56)
        self.sign_out_button.clicked.connect(self.sign_out_selected)
        self.notice = Notice()
        bar = QHBoxLayout()
        bar.addWidget(self.count, 1)
        bar.addWidget(self.sign_out_button)
        box = QVBoxLayout(self)
        box.addLayout(bar)
        box.addWidget(self.notice)
        box.addWidget(self.table)
        # The list takes the keyboard when the tab opens: Up and Down choose, Del or Enter signs out.
        self.setFocusProxy(self.table)
        self._ticker = QTimer(self)
        self._ticker.timeout.connect(lambda: self.model.tick(self.desk.now()))
        self._ticker.start(30_000)

    def refresh(self) -> None:
        kept = self.table.currentIndex().row()
        self.model.set_rows(self.desk.gate.on_site(), self.desk.now())
        self.count.setText(self.tr("{0} people inside").format(self.model.rowCount()))
        if self.model.rowCount():  # someone is always chosen: the row signed out's neighbour, or the first
            self.table.selectRow(min(max(kept, 0), self.model.rowCount() - 1))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.table.setFocus()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Delete, Qt.Key_Return, Qt.Key_Enter):
            self.sign_out_selected()
            return
        super().keyPressEvent(event)

    def sign_out_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.notice.problem(self.tr("Choose a person in the list first."))
            return
        visit = self.model.data(rows[0], VISIT_ROLE)
        out = self.desk.gate.sign_out(visit.id)
        zone = self.desk.settings.zone
        self.notice.done(self.tr("Signed out: {0}, in at {1}, out at {2}").format(
            out.name, texts.local_time(out.created_at, zone, "%H:%M"), texts.local_time(out.time_out, zone, "%H:%M")))
        self.refresh()
        self.signed_out.emit(visit.id)
