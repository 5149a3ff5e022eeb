"""The office's supervision tab: compounds not visited lately, findings open and overdue by the party
that must put them right, problems found again, the league table; the notice (通报) and the list of
compounds for the teams are written from here."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, QSettings, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.list_table_model import ListTableModel
from gui.widgets import Notice, row_table
from gui import texts
from models.app.desk import Desk
from models.office.supervision import COVERAGE_DAYS, DEFAULT_COVERAGE_DAYS, period_problem
from models.supervision import PARTY_LABELS, Party


def _party(party: str, name: str) -> str:
    label = QCoreApplication.translate("Supervision", PARTY_LABELS[Party(party)])
    return f"{label} {name}".strip()


class CoverageModel(ListTableModel):
    def __init__(self, today, parent=None):
        super().__init__(parent)
        self.today = today
        self.headers = [self.tr("Community"), self.tr("Compound"), self.tr("Last visit"), self.tr("Days since"),
                        self.tr("Visits in the period")]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        c = self.rows[index.row()]
        since = c.days_since(self.today())
        if role == Qt.DisplayRole:
            return [c.place.community, c.place.compound,
                    c.last_visit.isoformat() if c.last_visit else self.tr("never"),
                    "—" if since is None else since, c.visits][index.column()]
        if role == Qt.ForegroundRole and c.visits == 0:
            return QColor("#b71c1c")
        return None


class PartiesModel(ListTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("Responsible"), self.tr("Open"), self.tr("Overdue")]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        p = self.rows[index.row()]
        if role == Qt.DisplayRole:
            return [_party(p.party, p.party_name), p.open, p.overdue][index.column()]
        if role == Qt.ForegroundRole and p.overdue and index.column() == 2:
            return QColor("#b71c1c")
        return None


class LeagueModel(ListTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("Rank"), self.tr("Name"), self.tr("Visits"), self.tr("Passed"), self.tr("Pass rate"),
                        self.tr("Mean score"), self.tr("Open"), self.tr("Overdue")]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid() or role != Qt.DisplayRole:
            return None
        r = self.rows[index.row()]
        return [index.row() + 1, r.name, r.visits, r.passed, f"{r.pass_rate}%" if r.pass_rate is not None else "—",
                r.mean_points if r.mean_points is not None else "—", r.findings_open, r.overdue][index.column()]


class RepeatsModel(ListTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("Compound"), self.tr("Problem"), self.tr("Times found"), self.tr("State")]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid() or role != Qt.DisplayRole:
            return None
        r = self.rows[index.row()]
        where = " ".join(x for x in (r.compound, r.gate) if x)
        state = self.tr("open") if r.status == "open" else self.tr("put right")
        return [where, r.text, r.times_found, state][index.column()]


class SupervisionPanel(QWidget):
    LEVELS = ("community", "subdistrict", "property")

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        box = QVBoxLayout(self)
        controls = QHBoxLayout()
        today = QDate(desk.today())
        self.day_from, self.day_to = QDateEdit(today.addDays(-6)), QDateEdit(today)
        for edit, name in ((self.day_from, "supervisionFrom"), (self.day_to, "supervisionTo")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumHeight(36)
        self.days = QSpinBox()
        self.days.setObjectName("supervisionDays")
        self.days.setRange(*COVERAGE_DAYS)
        self.days.setValue(DEFAULT_COVERAGE_DAYS)
        self.days.setSuffix(self.tr(" days"))
        self.level = QComboBox()
        self.level.setObjectName("supervisionLevel")
        for key, label in zip(self.LEVELS, (self.tr("by community"), self.tr("by sub-district"),
                                            self.tr("by property company"))):
            self.level.addItem(label, key)
        period = QLabel(self.tr("&Period"))
        period.setBuddy(self.day_from)
        stale = QLabel(self.tr("Not &visited for"))
        stale.setBuddy(self.days)
        league = QLabel(self.tr("&League"))
        league.setBuddy(self.level)
        self.notice_button = QPushButton(self.tr("Supervision &notice…"))
        self.notice_button.setObjectName("writeNotice")
        self.notice_button.clicked.connect(self.write_notice)
        self.list_button = QPushButton(self.tr("Compounds' list for the &teams…"))
        self.list_button.setObjectName("writeCompoundList")
        self.list_button.clicked.connect(self.write_list)
        for w in (period, self.day_from, QLabel("—"), self.day_to, stale, self.days, league, self.level):
            controls.addWidget(w)
        controls.addStretch(1)
        controls.addWidget(self.notice_button)
        controls.addWidget(self.list_button)
        box.addLayout(controls)
        self.status = Notice()
        box.addWidget(self.status)

        self.coverage = CoverageModel(lambda: self.desk.today(), self)
        self.parties = PartiesModel(self)
        self.league = LeagueModel(self)
        self.repeats = RepeatsModel(self)
        grid = QGridLayout()
        for i, (title, model, name) in enumerate((
                (self.tr("Compounds, the least visited first"), self.coverage, "coverageTable"),
                (self.tr("Findings by responsible party"), self.parties, "partiesTable"),
                (self.tr("League table"), self.league, "leagueTable"),
                (self.tr("Problems found again"), self.repeats, "repeatsTable"))):
            group = QGroupBox(title)
            inner = QVBoxLayout(group)
            table = row_table(model, name)
            if model is self.repeats:  # the problem's words wrap: in one line they pushed its count out of sight
                table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
                table.horizontalHeader().setStretchLastSection(False)
                table.setWordWrap(True)
                table.horizontalHeader().sectionResized.connect(lambda *_a, t=table: t.resizeRowsToContents())
                self.repeats_table = table
            inner.addWidget(table)
            if model is self.coverage:
                self.coverage_table = table
                self.photos_button = QPushButton(self.tr("Photos of its visits… [Ctrl+G]"))
                self.photos_button.setObjectName("compoundPhotos")
                self.photos_button.clicked.connect(self.view_photos)
                table.doubleClicked.connect(self.view_photos)
                inner.addWidget(self.photos_button, 0, Qt.AlignRight)
            grid.addWidget(group, i // 2, i % 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        box.addLayout(grid, 1)
        for signal in (self.day_from.dateChanged, self.day_to.dateChanged, self.days.valueChanged,
                       self.level.currentIndexChanged):
            signal.connect(self.refresh)
        QShortcut(QKeySequence(Qt.Key_F5), self, self.refresh)
        QShortcut(QKeySequence("Ctrl+G"), self, self.view_photos, context=Qt.WidgetWithChildrenShortcut)

    def view_photos(self, *_args) -> None:
        """The chosen compound's visits' photos: a supervisor's PIN (the core audits the look)."""
        from gui.dialogs.photos_dialog import CompoundPhotosDialog
        from gui.dialogs.sign_in_dialog import authority

        row = self.coverage_table.currentIndex().row()
        if row < 0:
            self.status.problem(self.tr("Choose a compound in the list first."))
            return
        place = self.coverage.rows[row].place
        with authority(self.desk, self, "office.compound_photos",
                       self.tr("A photo may show a face: a supervisor looks at them.")) as ok:
            if not ok:
                return
            attempted, found = self.status.attempt(self.desk.office.compound_photos, place.compound_id)
        if attempted:
            CompoundPhotosDialog(place.compound, found.visits, self, older=found.older).exec()
        self.coverage_table.setFocus()

    def period(self):
        return self.day_from.date().toPython(), self.day_to.date().toPython()

    def refresh(self) -> None:
        problem = period_problem(*self.period())
        if problem is not None:
            self.status.problem(texts.message(problem))
            return
        day_from, day_to = self.period()
        self.status.clear()
        self.coverage.set_rows(self.desk.office.supervision_coverage(days=self.days.value()))
        self.parties.set_rows(self.desk.office.findings_by_party())
        self.league.set_rows(self.desk.office.league_table(day_from, day_to, self.level.currentData()))
        self.repeats.set_rows(self.desk.office.repeated_findings())
        self.repeats_table.resizeRowsToContents()

    def _save_as(self, title: str, stem: str, filters: str, suffixes: tuple[str, ...]) -> Path | None:
        from PySide6.QtCore import QStandardPaths

        folder = QSettings().value("office/report_folder") or \
            QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or str(Path.home())
        name, _ = QFileDialog.getSaveFileName(self, title, str(Path(folder) / (stem + suffixes[0])), filters)
        if not name:
            return None
        path = Path(name)
        QSettings().setValue("office/report_folder", str(path.parent))
        return path if path.suffix.lower() in suffixes else path.with_suffix(suffixes[0])

    def _written(self, write, *args) -> None:
        path = args[-1]
        try:
            self.status.attempt(write, *args, done=self.tr("Saved {0}").format(path))
        except OSError as exc:  # a full or read-only disk, a folder gone: said, nothing half-written
            self.status.problem(self.tr("Could not write {0}: {1}").format(path, exc.strerror or exc))

    def write_notice(self) -> None:
        from gui.dialogs.sign_in_dialog import authority

        day_from, day_to = self.period()
        problem = period_problem(day_from, day_to)
        if problem is not None:
            self.status.problem(texts.message(problem))
            return
        path = self._save_as(self.tr("Save the supervision notice"),
                             self.tr("supervision-notice-{0}-{1}").format(day_from.isoformat(), day_to.isoformat()),
                             self.tr("PDF (*.pdf);;Excel workbook (*.xlsx)"), (".pdf", ".xlsx"))
        if path is None:
            return
        with authority(self.desk, self, "office.write_notice", self.tr("A supervisor writes the notice.")) as ok:
            if ok:
                self._written(self.desk.office.write_notice, day_from, day_to, path)

    def write_list(self) -> None:
        from gui.dialogs.sign_in_dialog import authority

        path = self._save_as(self.tr("Save the compounds' list for the teams"), self.tr("compounds-for-the-teams"),
                             self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"), (".xlsx", ".csv"))
        if path is None:
            return
        with authority(self.desk, self, "supervision.write_compound_list",
                       self.tr("A supervisor writes the list.")) as ok:
            if ok:
                self._written(self.desk.supervision.write_compound_list, path)
