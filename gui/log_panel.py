"""Every registration, searchable; personal data masked unless a supervisor reveals one row."""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import texts
from gui.visit_log_table_model import VISIT_ROLE, VisitLogTableModel
from models.app.actions import role_for
from models.app.desk import Desk
from models.gate.rules import Outcome, PersonKind
from models.gate.visit_log import VisitQuery


class LogPanel(QWidget):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.text = QLineEdit()
        self.text.setObjectName("searchText")
        self.text.setPlaceholderText(self.tr("Name, phone, ID number, or the last 4 digits of either"))
        self.text.setMinimumHeight(44)
        self.text.returnPressed.connect(self.search)
        self.use_dates = QCheckBox(self.tr("Dates"))
        self.use_dates.setObjectName("useDates")
        today = QDate(desk.today())  # the station's day, not the computer's
        self.day_from = QDateEdit(today)
        self.day_from.setObjectName("dayFrom")
        self.day_to = QDateEdit(today)
        self.day_to.setObjectName("dayTo")
        for d in (self.day_from, self.day_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.setEnabled(False)
        self.use_dates.toggled.connect(self.day_from.setEnabled)
        self.use_dates.toggled.connect(self.day_to.setEnabled)
        self.kind = QComboBox()
        self.kind.setObjectName("kindFilter")
        self.kind.addItem(self.tr("Everyone"), None)
        for k in PersonKind:
            self.kind.addItem(texts.kind(k.value), k.value)
        self.decision = QComboBox()
        self.decision.setObjectName("decisionFilter")
        self.decision.addItem(self.tr("Any decision"), None)
        for o in Outcome:
            self.decision.addItem(texts.outcome(o), o.value)
        search = QPushButton(self.tr("Search"))
        search.setObjectName("searchButton")
        search.setMinimumHeight(44)
        search.clicked.connect(self.search)
        self.reveal_button = QPushButton(self.tr("Show in full…"))
        self.reveal_button.setObjectName("revealButton")
        self.reveal_button.setMinimumHeight(44)
        self.reveal_button.clicked.connect(self.reveal_selected)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setObjectName("deleteButton")
        self.delete_button.setMinimumHeight(44)
        self.delete_button.setToolTip(self.tr("A supervisor deletes a registration made in error"))
        self.delete_button.clicked.connect(self.delete_selected)

        row1 = QHBoxLayout()
        row1.addWidget(self.text, 3)
        row1.addWidget(search)
        row2 = QHBoxLayout()
        row2.addWidget(self.use_dates)
        row2.addWidget(self.day_from)
        row2.addWidget(QLabel("–"))
        row2.addWidget(self.day_to)
        row2.addWidget(self.kind)
        row2.addWidget(self.decision)
        row2.addStretch(1)
        row2.addWidget(self.reveal_button)
        row2.addWidget(self.delete_button)

        self.model = VisitLogTableModel(desk, self)
        self.table = QTableView()
        self.table.setObjectName("logTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(VisitLogTableModel.COL_TIME, Qt.DescendingOrder)
        header.sortIndicatorChanged.connect(self._sort)
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(36)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        for col, width in ((0, 150), (1, 105), (2, 90), (3, 130), (4, 190), (5, 110), (6, 60), (7, 60), (8, 120)):
            self.table.setColumnWidth(col, width)
        self.count = QLabel("")
        self.count.setObjectName("logCount")

        box = QVBoxLayout(self)
        box.addLayout(row1)
        box.addLayout(row2)
        box.addWidget(self.table)
        box.addWidget(self.count)
        self._sort_key = (VisitLogTableModel.COL_TIME, Qt.DescendingOrder)

    def current_query(self) -> VisitQuery:
        base = self.model.query
        return VisitQuery(
            text=self.text.text(),
            day_from=self.day_from.date().toPython() if self.use_dates.isChecked() else None,
            day_to=self.day_to.date().toPython() if self.use_dates.isChecked() else None,
            kind=self.kind.currentData(), decision=self.decision.currentData(),
            sort=base.sort, descending=base.descending,
        )

    def search(self) -> None:
        self.model.search(self.current_query())
        self.count.setText(self.tr("{0} registrations").format(f"{self.model.rowCount():,}"))

    def refresh(self) -> None:
        self.search()

    def _sort(self, column: int, order) -> None:
        if not self.model.sortable(column):
            # Put the indicator back: that column does not sort.
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(*self._sort_key)
            header.blockSignals(False)
            return
        self._sort_key = (column, order)
        self.model.sort(column, order)
        self.count.setText(self.tr("{0} registrations").format(f"{self.model.rowCount():,}"))

    def reveal_selected(self) -> None:
        from gui.dialogs.reveal_dialog import RevealDialog
        from gui.dialogs.sign_in_dialog import ask_supervisor

        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.count.setText(self.tr("Choose a row first."))
            return
        visit = self.model.data(rows[0], VISIT_ROLE)
        grant = ask_supervisor(self.desk, self, self.tr("Show personal data"),
                               self.tr("A supervisor's PIN is needed; the view is recorded."), role_for("gate.reveal"))
        if grant is None:
            return
        with self.desk.authority_of(grant) as sup:
            full = self.desk.gate.reveal(visit_id=visit.id, supervisor_id=sup.id)
        RevealDialog(full, self.desk.settings.zone, self).exec()

    def delete_selected(self) -> None:
        from gui.dialogs.delete_dialog import DeleteDialog

        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.count.setText(self.tr("Choose a row first."))
            return
        if DeleteDialog(self.desk, self.model.data(rows[0], VISIT_ROLE), self).exec():
            self.search()
            self.count.setText(self.tr("Deleted. {0} registrations").format(f"{self.model.rowCount():,}"))
