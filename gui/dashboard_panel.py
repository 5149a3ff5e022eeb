"""The office's picture of a day: figures per compound, a chart of recent weeks, the rows behind them."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.list_table_model import ListTableModel
from gui.widgets import row_table
from models.app.desk import Desk
from models.office.dashboard import FIGURE_NAMES, CompoundDay, DaySummary
from models.office.reports import FIGURE_LABELS

CHART_DAYS = 28


class DashboardTableModel(ListTableModel):
    """One row per compound, then the community's total."""

    stacked_headings = True

    CompoundRole = Qt.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("Community"), self.tr("Compound"), self.tr("Gates")] + \
            [self.translate_figure(n) for n in FIGURE_NAMES]

    def translate_figure(self, name: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("Reports", FIGURE_LABELS[name])

    def set_summary(self, summary: DaySummary) -> None:
        self.set_rows(summary.rows())

    def label(self, c: CompoundDay) -> str:
        if c.compound_ids:
            return c.compound
        return self.tr("Subtotal") if c.community else self.tr("Total")

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        c: CompoundDay = self.rows[index.row()]
        col = index.column()
        if role == self.CompoundRole:
            return c
        if role == Qt.DisplayRole:
            if col == 0:
                return c.community
            if col == 1:
                return self.label(c)
            if col == 2:
                return c.gates
            return getattr(c.figures, FIGURE_NAMES[col - 3])
        if role == Qt.TextAlignmentRole and col >= 2:
            return int(Qt.AlignCenter)
        if role == Qt.ForegroundRole and col >= 3:
            name = FIGURE_NAMES[col - 3]
            if name in ("fevers", "isolated", "parcels_overdue") and getattr(c.figures, name):
                return QColor("#b71c1c")
        if role == Qt.FontRole and not c.compound_ids:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None


class VisitChart(QWidget):
    """Bars of registrations per day, refusals and isolations stacked in colour: no QtCharts needed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.series: list[tuple[date, int, int, int]] = []
        self.setMinimumHeight(240)
        self.setObjectName("visitChart")

    def set_series(self, series) -> None:
        self.series = list(series)
        self.update()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        rect = self.rect().adjusted(40, 36, -12, -22)
        p.setPen(self.palette().text().color())
        p.drawText(self.rect().adjusted(8, 2, 0, 0), Qt.AlignLeft | Qt.AlignTop,
                   self.tr("Registrations per day, last {0} days (red: refused, orange: sent to isolation)")
                   .format(len(self.series)))
        if not self.series:
            return
        top = max(1, max(s[1] for s in self.series))
        p.drawText(QRectF(0, rect.top() - 8, 36, 16), Qt.AlignRight | Qt.AlignVCenter, str(top))
        p.drawText(QRectF(0, rect.bottom() - 8, 36, 16), Qt.AlignRight | Qt.AlignVCenter, "0")
        p.setPen(QPen(QColor("#9e9e9e")))
        p.drawLine(rect.bottomLeft(), rect.bottomRight())
        width = rect.width() / len(self.series)
        for i, (day, visits, refused, isolated) in enumerate(self.series):
            x = rect.left() + i * width + 1
            w = max(1.0, width - 2)

            def bar(value: int, base: int, colour: str) -> None:
                h = rect.height() * value / top
                y = rect.bottom() - rect.height() * base / top - h
                p.fillRect(QRectF(x, y, w, h), QColor(colour))

            bar(visits - refused - isolated, refused + isolated, "#1565c0")
            bar(refused, isolated, "#c62828")
            bar(isolated, 0, "#ef6c00")
            if i % 7 == len(self.series) % 7 or i == len(self.series) - 1:
                p.setPen(self.palette().text().color())
                p.drawText(QRectF(x - 20, rect.bottom() + 2, w + 40, 18), Qt.AlignHCenter | Qt.AlignTop,
                           day.strftime("%m-%d"))
        p.end()


class DashboardPanel(QWidget):
    compound_opened = Signal(object, object)  # compound ids, day

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        box = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Day")))
        self.day = QDateEdit()
        self.day.setObjectName("dashboardDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMinimumHeight(40)
        self.day.setDate(QDate(desk.today()))  # the station's day, by the desk's clock
        row.addWidget(self.day)
        for text, delta in ((self.tr("◀ Previous day"), -1), (self.tr("Next day ▶"), 1)):
            b = QPushButton(text)
            b.setMinimumHeight(40)
            b.clicked.connect(lambda _=False, d=delta: self.day.setDate(self.day.date().addDays(d)))
            row.addWidget(b)
        self.reporting = QLabel("")
        self.reporting.setObjectName("reportingLabel")
        row.addWidget(self.reporting, 1)
        box.addLayout(row)
        self.model = DashboardTableModel(self)
        self.table = row_table(self.model, "dashboardTable", stretch_last=False)
        self.table.setToolTip(self.tr("Double-click a compound to see the day's registrations (masked)."))
        box.addWidget(self.table, 2)
        self.chart = VisitChart()
        box.addWidget(self.chart, 1)
        self.day.dateChanged.connect(self.refresh)
        self.table.doubleClicked.connect(self._open)

    def current_day(self) -> date:
        return self.day.date().toPython()

    def refresh(self) -> None:
        day = self.current_day()
        summary = self.desk.office.day_summary(day)
        self.model.set_summary(summary)
        self.reporting.setText(self.tr("Gates with registrations this day: {0} of {1}").format(
            summary.gates_reporting, summary.gates_known))
        self.chart.set_series(self.desk.office.visit_series(day, CHART_DAYS))

    def _open(self, index: QModelIndex) -> None:
        c = self.model.data(index, DashboardTableModel.CompoundRole)
        if c is not None and c.compound_ids:
            self.compound_opened.emit(c.compound_ids, self.current_day())

