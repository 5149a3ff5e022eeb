"""The office's picture of a day: figures per compound, a chart of recent weeks, the rows behind them."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.list_table_model import ListTableModel
from gui.widgets import row_table
from models.app.desk import Desk
from models.office.dashboard import FIGURE_NAMES, UNPLACED, Figures, UnitDay
from models.office.reports import FIGURE_LABELS
from models.sync import units

CHART_DAYS = 28


class DashboardTableModel(ListTableModel):
    """One row per unit one level down (or per compound, at a community or grid), then the total."""

    stacked_headings = True

    CompoundRole = Qt.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("Unit or compound"), self.tr("Gates")] + \
            [self.translate_figure(n) for n in FIGURE_NAMES]

    def translate_figure(self, name: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("Reports", FIGURE_LABELS[name])

    def set_rollup(self, rows: list[UnitDay]) -> None:
        total = UnitDay("", "total", None, [], sum(r.gates for r in rows), sum(r.gates_reporting for r in rows),
                        Figures())
        for r in rows:
            total.figures.add(r.figures)
        self.set_rows(rows + [total] if rows else [])

    def label(self, r: UnitDay) -> str:
        from PySide6.QtCore import QCoreApplication

        if r.level == "total":
            return self.tr("Total")
        if r.level == UNPLACED:
            return self.tr("Not placed in a unit")
        if r.level == "compound":
            return r.name
        return f"{r.name} ({QCoreApplication.translate('Units', units.LEVEL_LABELS[r.level])}) ▸"

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        r: UnitDay = self.rows[index.row()]
        col = index.column()
        if role == self.CompoundRole:
            return r
        if role == Qt.DisplayRole:
            if col == 0:
                return self.label(r)
            if col == 1:
                return r.gates
            return getattr(r.figures, FIGURE_NAMES[col - 2])
        if role == Qt.TextAlignmentRole and col >= 1:
            return int(Qt.AlignCenter)
        if role == Qt.ForegroundRole and col >= 2:
            name = FIGURE_NAMES[col - 2]
            if name in ("fevers", "isolated", "parcels_overdue") and getattr(r.figures, name):
                return QColor("#b71c1c")
        if role == Qt.FontRole and r.level == "total":
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None


ROUND_FIGURES = ("due", "sampled", "exempt", "missing", "at_home")


class RoundsTableModel(ListTableModel):
    """The day's testing rounds: each compound's buildings, its subtotal after them."""

    stacked_headings = True

    def __init__(self, parent=None):
        super().__init__(parent)
        from PySide6.QtCore import QCoreApplication

        from models.office.reports import ROUND_LABELS

        self.headers = [self.tr("Compound"), self.tr("Round"), self.tr("Building")] + \
            [QCoreApplication.translate("Reports", ROUND_LABELS[n]) for n in ROUND_FIGURES]

    def set_day(self, testing) -> None:
        self.set_rows([(r, p) for r in testing.rows for p in r.buildings])

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        r, p = self.rows[index.row()]
        col = index.column()
        if role == Qt.DisplayRole:
            if col == 0:
                return " ".join(filter(None, [r.community, r.compound]))
            if col == 1:
                return r.title + (self.tr(" (closed)") if r.closed else self.tr(" (under way)"))
            if col == 2:
                return self.tr("Building {0}").format(p.building) if p.building else self.tr("Subtotal")
            return getattr(p, ROUND_FIGURES[col - 3])
        if role == Qt.TextAlignmentRole and col >= 3:
            return int(Qt.AlignCenter)
        if role == Qt.ForegroundRole and col >= 3 and ROUND_FIGURES[col - 3] == "missing" and p.missing:
            return QColor("#b71c1c")
        if role == Qt.FontRole and not p.building:
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
        self.unit: str | None = None  # the unit looked at; None: the top (or this account's own unit)
        self.chosen = False  # the user went up or down: no more choosing for them
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
        # Where in the district this is: each step a button back up to it.
        self.path_row = QHBoxLayout()
        self.path_row.setSpacing(4)
        box.addLayout(self.path_row)
        self.model = DashboardTableModel(self)
        self.table = row_table(self.model, "dashboardTable", stretch_last=False)
        self.table.setToolTip(self.tr("Double-click a unit to go down to it, a compound to see the day's "
                                      "registrations (masked)."))
        box.addWidget(self.table, 2)
        # The day's testing rounds, shown when there are any: per compound and building.
        self.rounds_title = QLabel("")
        self.rounds_title.setObjectName("roundsTitle")
        self.rounds_model = RoundsTableModel(self)
        self.rounds = row_table(self.rounds_model, "roundsTable", stretch_last=False)
        self.no_round = QLabel("")
        self.no_round.setObjectName("warningNote")
        self.no_round.setWordWrap(True)
        box.addWidget(self.rounds_title)
        box.addWidget(self.rounds, 2)
        box.addWidget(self.no_round)
        # The day's home services, one line: who is on the compounds' registers, what was done, what is open.
        self.care_line = QLabel("")
        self.care_line.setObjectName("careLine")
        self.care_line.setWordWrap(True)
        box.addWidget(self.care_line)
        self.chart = VisitChart()
        box.addWidget(self.chart, 1)
        self.day.dateChanged.connect(self.refresh)
        self.table.doubleClicked.connect(self._open)

    def current_day(self) -> date:
        return self.day.date().toPython()

    def go_to(self, unit_id: str | None) -> None:
        self.unit, self.chosen = unit_id, True
        self.refresh()

    def refresh(self) -> None:
        day = self.current_day()
        view = self.desk.office.dashboard(day, self.unit, descend=not self.chosen)
        self.unit = view.unit_id
        self.model.set_rollup(view.rows)
        self._show_path(view)
        self.reporting.setText(self.tr("Gates with registrations this day: {0} of {1}").format(
            view.summary.gates_reporting, view.summary.gates_known))
        self.chart.set_series(self.desk.office.visit_series(day, CHART_DAYS, self.unit))
        testing = self.desk.office.round_summary(day, self.unit)
        self.rounds_model.set_day(testing)
        shown = bool(testing.rows)
        whole = testing.total
        self.rounds_title.setText(self.tr("Testing rounds this day: {0} sampled of {1} due, {2} exempt, {3} missing")
                                  .format(whole.sampled, whole.due, whole.exempt, whole.missing))
        self.no_round.setText(self.tr("No round reported: {0}").format("、".join(testing.not_reported))
                              if testing.not_reported else "")
        for widget in (self.rounds_title, self.rounds):
            widget.setVisible(shown)
        self.no_round.setVisible(bool(testing.not_reported))
        self._show_care(self.desk.office.care_summary(day, self.unit))

    def _show_care(self, care) -> None:
        from PySide6.QtCore import QCoreApplication

        from models.office.reports import CARE_LABELS

        whole = care.total
        done = "、".join(f"{QCoreApplication.translate('Reports', CARE_LABELS[k])} {n}"
                        for k, n in whole.done.items() if n)
        self.care_line.setText(self.tr("Home services this day: {0} on the registers, {1} done ({2}), {3} still open")
                               .format(whole.registered, whole.services, done or "—", whole.still_open))
        self.care_line.setVisible(bool(care.rows))

    def _show_path(self, view) -> None:
        while self.path_row.count():
            item = self.path_row.takeAt(0)
            if item.widget():
                item.widget().hide()  # gone from sight now; deleted once back in the event loop
                item.widget().deleteLater()
        steps = [(None, view.top or self.tr("All units"))] + view.path
        for i, (unit_id, name) in enumerate(steps):
            if i:
                self.path_row.addWidget(QLabel("▸"))
            b = QPushButton(name)
            b.setObjectName("unitStep")
            b.setFlat(True)
            b.setEnabled(i < len(steps) - 1)
            b.clicked.connect(lambda _=False, u=unit_id: self.go_to(u))
            self.path_row.addWidget(b)
        self.path_row.addStretch(1)

    def _open(self, index: QModelIndex) -> None:
        r = self.model.data(index, DashboardTableModel.CompoundRole)
        if r is None:
            return
        if r.unit_id is not None:
            self.go_to(r.unit_id)
        elif r.level == "compound" and r.compound_ids:
            self.compound_opened.emit(r.compound_ids, self.current_day())
