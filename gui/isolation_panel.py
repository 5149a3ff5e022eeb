"""The temporary isolation point: open cases with time elapsed, re-checks, notices, hand-over, closing."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
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
from gui.list_table_model import ListTableModel
from gui.widgets import Notice
from models.app.desk import Desk
from models.kit.validation import InvalidInput
from models.station.isolation import OUTCOME_LABELS, PARTY_LABELS, CaseClosed, OpenCase, Outcome, Party

CASE_ROLE = Qt.UserRole + 1
OVERDUE = QBrush(QColor("#fdecea"))


class IsolationTableModel(ListTableModel):
    COL_PLACED, COL_OPEN_FOR, COL_NAME, COL_REASON, COL_TEMPERATURE, COL_RECHECKS, COL_NOTIFIED, COL_STATE = range(8)

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.headers = [self.tr("Placed"), self.tr("Open for"), self.tr("Name"), self.tr("Reason"), self.tr("°C"),
                        self.tr("Re-checks"), self.tr("Notified"), self.tr("State")]

    def _reason(self, oc: OpenCase) -> str:
        s = self.desk.settings
        params = {"temperature": oc.case.temperature, "limit": s.fever_threshold, "hours": s.nat_window_hours}
        coded = [texts.reason(c, params) for c in oc.case.reason_codes.split(",") if c]
        return "；".join(coded + ([oc.case.reason] if oc.case.reason else []))

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        oc = self.rows[index.row()]
        if role == CASE_ROLE:
            return oc
        if role == Qt.BackgroundRole:
            return OVERDUE if oc.overdue else None
        if role != Qt.DisplayRole:
            return None
        c = index.column()
        if c == self.COL_PLACED:
            return texts.local_time(oc.case.placed_at, self.desk.settings.zone, "%H:%M")
        if c == self.COL_OPEN_FOR:
            return f"{oc.minutes_open // 60}:{oc.minutes_open % 60:02d}"
        if c == self.COL_NAME:
            return oc.case.name
        if c == self.COL_REASON:
            return self._reason(oc)
        if c == self.COL_TEMPERATURE:
            first = "" if oc.case.temperature is None else f"{oc.case.temperature:.1f}"
            return f"{first} → {oc.last_temperature:.1f}" if oc.last_temperature is not None else first
        if c == self.COL_RECHECKS:
            return str(oc.rechecks)
        if c == self.COL_NOTIFIED:
            return "、".join(texts.lookup("Isolation", PARTY_LABELS[Party(p)]) for p in oc.notified)
        if c == self.COL_STATE:
            if oc.overdue:
                return self.tr("Overdue: nobody notified")
            return self.tr("Handed to {0}").format(oc.case.handed_to) if oc.case.handed_to else self.tr("Under observation")
        return None


class ClosedCasesModel(ListTableModel):
    COL_CLOSED, COL_NAME, COL_OUTCOME, COL_HANDED_TO, COL_REV = range(5)

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.headers = [self.tr("Closed"), self.tr("Name"), self.tr("Outcome"), self.tr("Handed to"),
                        self.tr("Revision")]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        case = self.rows[index.row()]
        if role == CASE_ROLE:
            return case
        if role != Qt.DisplayRole:
            return None
        outcome = texts.lookup("Isolation", OUTCOME_LABELS[Outcome(case.outcome)]) if case.outcome else ""
        return [texts.local_time(case.closed_at, self.desk.settings.zone, "%m-%d %H:%M"), case.name,
                outcome, case.handed_to or "", str(case.rev)][index.column()]


class IsolationPanel(QWidget):
    cases_changed = Signal()

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.model = IsolationTableModel(desk, self)
        self.table = QTableView()
        self.table.setObjectName("isolationTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(44)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(90)
        self.summary = QLabel("")
        self.summary.setObjectName("isolationSummary")
        new_case = QPushButton(self.tr("New case…"))
        new_case.setObjectName("newCaseButton")
        new_case.clicked.connect(self.open_case_by_hand)
        self.view = QComboBox()
        self.view.setObjectName("caseView")
        self.view.addItem(self.tr("Open cases"), "open")
        self.view.addItem(self.tr("Closed in the last 7 days"), "closed")
        self.view.currentIndexChanged.connect(lambda _i: self.refresh())
        self.correct_button = QPushButton(self.tr("Correct…"))
        self.correct_button.setObjectName("correctButton")
        self.correct_button.clicked.connect(self.correct)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.view)
        top.addWidget(self.correct_button)
        top.addWidget(new_case)
        self.closed_model = ClosedCasesModel(desk, self)

        self.temperature = QLineEdit()
        self.temperature.setObjectName("recheckTemperature")
        self.temperature.setPlaceholderText("36.5")
        self.temperature.returnPressed.connect(self.recheck)
        recheck = QPushButton(self.tr("Record re-check"))
        recheck.setObjectName("recheckButton")
        recheck.clicked.connect(self.recheck)
        self.party = QComboBox()
        self.party.setObjectName("party")
        for p in Party:
            self.party.addItem(texts.lookup("Isolation", PARTY_LABELS[p]), p.value)
        self.note = QLineEdit()
        self.note.setObjectName("notifyNote")
        self.note.setPlaceholderText(self.tr("who answered, what they said"))
        notify = QPushButton(self.tr("Notified"))
        notify.setObjectName("notifyButton")
        notify.clicked.connect(self.notify)
        self.to_whom = QLineEdit()
        self.to_whom.setObjectName("handedTo")
        self.to_whom.setPlaceholderText(self.tr("person and unit taking over"))
        hand = QPushButton(self.tr("Hand over"))
        hand.setObjectName("handOverButton")
        hand.clicked.connect(self.hand_over)
        self.outcome = QComboBox()
        self.outcome.setObjectName("outcome")
        for o in Outcome:
            self.outcome.addItem(texts.lookup("Isolation", OUTCOME_LABELS[o]), o.value)
        close = QPushButton(self.tr("Close case"))
        close.setObjectName("closeCaseButton")
        close.clicked.connect(self.close_case)
        actions = QGridLayout()
        actions.addWidget(QLabel(self.tr("Re-check °C")), 0, 0)
        actions.addWidget(self.temperature, 0, 1)
        actions.addWidget(recheck, 0, 3)
        actions.addWidget(QLabel(self.tr("Notify")), 1, 0)
        actions.addWidget(self.party, 1, 1)
        actions.addWidget(self.note, 1, 2)
        actions.addWidget(notify, 1, 3)
        actions.addWidget(QLabel(self.tr("Hand over to")), 2, 0)
        actions.addWidget(self.to_whom, 2, 1, 1, 2)
        actions.addWidget(hand, 2, 3)
        actions.addWidget(QLabel(self.tr("Outcome")), 3, 0)
        actions.addWidget(self.outcome, 3, 1, 1, 2)
        actions.addWidget(close, 3, 3)
        actions.setColumnStretch(2, 1)
        self.message = Notice()
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.table, 1)
        self.case_actions = QWidget()
        self.case_actions.setLayout(actions)
        box.addWidget(self.case_actions)
        box.addWidget(self.message)
        self._ticker = QTimer(self)
        # Hours waited move on; nothing is read while the station is locked or no one is on duty (the
        # core would refuse).
        self._ticker.timeout.connect(lambda: self.desk.locked or self.desk.operator is None or self.refresh())
        self._ticker.start(60_000)

    def refresh(self) -> None:
        closed_view = self.view.currentData() == "closed"
        self.case_actions.setVisible(not closed_view)
        self.correct_button.setVisible(closed_view)
        if closed_view:
            self.closed_model.set_rows(self.desk.isolation.closed_cases(7))
            if self.table.model() is not self.closed_model:
                self.table.setModel(self.closed_model)
            self.summary.setText(self.tr("{0} cases closed in the last 7 days").format(self.closed_model.rowCount()))
            return
        if self.table.model() is not self.model:
            self.table.setModel(self.model)
        selected = self.selected()
        rows = self.desk.isolation.isolation_cases()
        self.model.set_rows(rows)
        overdue = sum(oc.overdue for oc in rows)
        self.summary.setText(self.tr("{0} open cases, {1} overdue").format(len(rows), overdue))
        if selected is not None:
            for i, oc in enumerate(rows):
                if oc.case.id == selected.case.id:
                    self.table.selectRow(i)

    def selected(self):
        """The selected OpenCase (open view) or IsolationCase (closed view)."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.table.model().data(rows[0], CASE_ROLE) if rows else None

    def correct(self) -> None:
        case = self.selected()
        if case is None:
            self.message.problem(self.tr("Choose a case in the list first."))
            return
        from gui.dialogs.correction_dialog import CorrectionDialog
        from gui.dialogs.sign_in_dialog import authority

        with authority(self.desk, self, "isolation.correct_case",
                       self.tr("Corrections are made by a supervisor: a supervisor's PIN is needed.")) as allowed:
            if not allowed or not CorrectionDialog(self.desk, case, self).exec():
                return
        self.refresh()
        self.cases_changed.emit()

    def select_case(self, case_id: str) -> None:
        for i, oc in enumerate(self.model.rows):
            if oc.case.id == case_id:
                self.table.selectRow(i)

    def _act(self, fn, done) -> bool:
        """Run fn on the selected case; say what was done: done(name, time) is the line to show."""
        oc = self.selected()
        if oc is None:
            self.message.problem(self.tr("Choose a case in the list first."))
            return False
        try:
            fn(oc.case.id)
        except InvalidInput as exc:
            self.message.problem(texts.message(exc.errors[0].message))
            return False
        except CaseClosed:
            self.message.problem(texts.lookup("Isolation", CaseClosed.message_text))
            return False
        at = texts.local_time(self.desk.now(), self.desk.settings.zone, "%H:%M")
        self.message.done(done(oc.case.name, at))
        self.refresh()
        self.select_case(oc.case.id)
        self.cases_changed.emit()
        return True

    def recheck(self) -> None:
        reading = self.temperature.text().strip()
        if self._act(lambda cid: self.desk.isolation.recheck(cid, reading),
                     lambda name, at: self.tr("{0}: re-check {1} °C recorded at {2}").format(name, reading, at)):
            self.temperature.clear()

    def notify(self) -> None:
        party = self.party.currentText()
        if self._act(lambda cid: self.desk.isolation.notify(cid, Party(self.party.currentData()), self.note.text()),
                     lambda name, at: self.tr("{0}: {1} notified at {2}").format(name, party, at)):
            self.note.clear()

    def hand_over(self) -> None:
        to_whom = self.to_whom.text().strip()
        if self._act(lambda cid: self.desk.isolation.hand_over_case(cid, to_whom),
                     lambda name, at: self.tr("{0}: handed over to {1} at {2}").format(name, to_whom, at)):
            self.to_whom.clear()

    def close_case(self) -> None:
        outcome = self.outcome.currentText()
        self._act(lambda cid: self.desk.isolation.close_case(cid, Outcome(self.outcome.currentData())),
                  lambda name, at: self.tr("{0}: case closed ({1}) at {2}").format(name, outcome, at))

    def open_case_by_hand(self) -> None:
        from gui.dialogs.case_dialog import CaseDialog

        dialog = CaseDialog(self.desk, self)
        if dialog.exec() and dialog.case is not None:
            self.refresh()
            self.select_case(dialog.case.id)
            self.cases_changed.emit()
