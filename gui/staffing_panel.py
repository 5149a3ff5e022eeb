"""The office's duty tab: for a week from a chosen day, each compound's rota (shifts planned, short of
people, critical posts short, held, no-shows, check-ins, hours on duty) and the hours of each unit
that sent people, across the compounds this account sees."""
from __future__ import annotations

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from gui.list_table_model import ListTableModel
from gui.widgets import row_table
from models.app.desk import Desk

SHORT = QColor("#b71c1c")


def _hours(minutes: int) -> str:
    return f"{minutes / 60:.1f}"


class DutyCoverModel(ListTableModel):
    stacked_headings = True

    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("Community"), self.tr("Compound"), self.tr("Shifts"), self.tr("Short"),
                        self.tr("Critical short"), self.tr("Held"), self.tr("No-shows"), self.tr("Check-ins"),
                        self.tr("Hours")]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        c = self.rows[index.row()]
        if role == Qt.DisplayRole:
            return [c.community, c.compound, c.shifts, c.short, c.critical_short, c.held, c.no_shows, c.checkins,
                    _hours(c.minutes)][index.column()]
        if role == Qt.ForegroundRole and index.column() in (3, 4, 6) and \
                (c.short, c.critical_short, c.no_shows)[(3, 4, 6).index(index.column())]:
            return SHORT
        if role == Qt.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


class DutyUnitsModel(ListTableModel):
    stacked_headings = True

    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("Sent by"), self.tr("People"), self.tr("Hours"), self.tr("Night hours"),
                        self.tr("Weighted hours"), self.tr("Credited (half hours)")]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        u = self.rows[index.row()]
        if role == Qt.DisplayRole:
            return [u.sent_by, u.people, _hours(u.minutes), _hours(u.night), _hours(u.weighted),
                    f"{u.credited:g}"][index.column()]
        if role == Qt.TextAlignmentRole and index.column() >= 1:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


class StaffingPanel(QWidget):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        box = QVBoxLayout(self)
        controls = QHBoxLayout()
        self.first_day = QDateEdit(QDate(desk.today()).addDays(-6))
        self.first_day.setObjectName("dutyFrom")
        self.first_day.setCalendarPopup(True)
        self.first_day.setDisplayFormat("yyyy-MM-dd")
        self.first_day.setMinimumHeight(36)
        self.days = QSpinBox()
        self.days.setObjectName("dutyDays")
        self.days.setRange(1, 31)
        self.days.setValue(7)
        self.days.setMinimumHeight(36)
        controls.addWidget(QLabel(self.tr("From")))
        controls.addWidget(self.first_day)
        controls.addWidget(QLabel(self.tr("Days")))
        controls.addWidget(self.days)
        controls.addStretch(1)
        box.addLayout(controls)
        self.cover_title = QLabel(self.tr("The compounds' rotas"))
        self.cover_title.setObjectName("sectionTitle")
        box.addWidget(self.cover_title)
        self.cover = DutyCoverModel(self)
        self.cover_table = row_table(self.cover, "dutyCoverage")
        box.addWidget(self.cover_table, 3)
        self.units_title = QLabel(self.tr("Hours per sending unit"))
        self.units_title.setObjectName("sectionTitle")
        box.addWidget(self.units_title)
        self.units = DutyUnitsModel(self)
        self.units_table = row_table(self.units, "dutyUnits")
        box.addWidget(self.units_table, 2)
        self.first_day.dateChanged.connect(self.refresh)
        self.days.valueChanged.connect(self.refresh)
        QShortcut(QKeySequence(Qt.Key_F5), self, self.refresh)

    def refresh(self) -> None:
        first = self.first_day.date().toPython()
        days = self.days.value()
        self.cover.set_rows(self.desk.office.staffing_coverage(first, days))
        self.units.set_rows(self.desk.office.staffing_units(first, days))
