"""A supervision team's other tabs: the findings still open at the compounds it visits (overdue ones
in red), and the standards in use with their items, where a district's own sheet is loaded."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from gui.list_table_model import ListTableModel
from gui.visits_panel import party_text
from gui.widgets import Notice, row_table
from models.app.desk import Desk
from models.supervision import SEVERITY_LABELS, Severity, StandardKind

RED = QColor("#b71c1c")


def severity_text(severity: str) -> str:
    return QCoreApplication.translate("Supervision", SEVERITY_LABELS[Severity(severity)])


class FindingsModel(ListTableModel):
    def __init__(self, today, parent=None):
        super().__init__(parent)
        self.today = today
        self.headers = [self.tr("Compound"), self.tr("No."), self.tr("Problem"), self.tr("Responsible"),
                        self.tr("Due"), self.tr("Found")]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        f = self.rows[index.row()]
        if role == Qt.DisplayRole:
            place = f"{f.compound_name} {f.gate_name}".strip()
            return [place, f.code, f.text, party_text(f.party, f.party_name), f.due_on,
                    self.tr("{0} times").format(f.times_found) if f.times_found > 1 else ""][index.column()]
        if role == Qt.ForegroundRole and index.column() == 4 and f.due_on < self.today().isoformat():
            return RED
        if role == Qt.ToolTipRole and index.column() == 2:
            return f"{f.text}\n{severity_text(f.severity)}"
        return None


class FindingsPanel(QWidget):
    """Every open finding, the most urgent first; a follow-up visit starts from one (Ctrl+F)."""

    follow_up = Signal(str)  # the compound's id

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        box = QVBoxLayout(self)
        top = QHBoxLayout()
        self.counts = QLabel()
        self.counts.setObjectName("findingCounts")
        top.addWidget(self.counts, 1)
        self.follow_button = QPushButton(self.tr("Follow-up visit to this compound… [Ctrl+F]"))
        self.follow_button.setObjectName("followUpVisit")
        self.follow_button.setMinimumHeight(44)
        self.follow_button.clicked.connect(self._follow_up)
        top.addWidget(self.follow_button)
        box.addLayout(top)
        self.model = FindingsModel(desk.today, self)
        self.table = row_table(self.model, "openFindings", single=True)
        self.table.setWordWrap(True)
        box.addWidget(self.table, 1)
        self.notice = Notice()
        box.addWidget(self.notice)
        QShortcut(QKeySequence("Ctrl+F"), self, self._follow_up, context=Qt.WidgetWithChildrenShortcut)
        self.table.doubleClicked.connect(self._follow_up)

    def refresh(self) -> None:
        rows = self.desk.supervision.open_findings()
        self.model.set_rows(rows)
        today = self.desk.today().isoformat()
        overdue = sum(f.due_on < today for f in rows)
        self.counts.setText(self.tr("{0} open findings, {1} overdue").format(len(rows), overdue))
        self.follow_button.setEnabled(bool(rows))
        if rows:
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.setFocus()

    def _follow_up(self, *_args) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.notice.problem(self.tr("Choose a finding: its compound gets the follow-up visit."))
            return
        self.follow_up.emit(self.model.rows[index.row()].compound_id)


class StandardsModel(ListTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("Standard"), self.tr("Version"), self.tr("Kind"), self.tr("Items"),
                        self.tr("Pass mark"), self.tr("From")]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid() or role != Qt.DisplayRole:
            return None
        view = self.rows[index.row()]
        st = view.standard
        kind = self.tr("Mystery check at a gate") if st.kind == StandardKind.MYSTERY else self.tr("Compound visit")
        source = self.tr("shipped") if st.source == "shipped" else st.source
        return [st.name, st.version, kind, len(view.items), "—" if st.pass_mark is None else st.pass_mark,
                source][index.column()]


class StandardItemsModel(ListTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("No."), self.tr("Section"), self.tr("Item"), self.tr("Points"), self.tr("Veto"),
                        self.tr("Severity")]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid() or role != Qt.DisplayRole:
            return None
        i = self.rows[index.row()]
        return [i.code, i.section, i.text, i.points or "", self.tr("veto") if i.veto else "",
                severity_text(i.severity)][index.column()]


class StandardsPanel(QWidget):
    """The standards in use and their items; an administrator loads the district's own sheet."""

    load_requested = Signal()

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        box = QVBoxLayout(self)
        top = QHBoxLayout()
        intro = QLabel(self.tr("Visits are answered against these standards. A new version of a standard "
                               "replaces the one of the same name; visits already made keep theirs."))
        intro.setWordWrap(True)
        top.addWidget(intro, 1)
        self.load_button = QPushButton(self.tr("Load the district's standard…"))
        self.load_button.setObjectName("loadStandard")
        self.load_button.setMinimumHeight(44)
        self.load_button.clicked.connect(self.load_requested)
        top.addWidget(self.load_button)
        box.addLayout(top)
        split = QSplitter(Qt.Vertical)
        self.standards = StandardsModel(self)
        self.list = row_table(self.standards, "standardList", single=True)
        self.items = StandardItemsModel(self)
        self.item_table = row_table(self.items, "standardItems")
        self.item_table.setWordWrap(True)
        self.list.selectionModel().currentRowChanged.connect(self._chosen)
        split.addWidget(self.list)
        split.addWidget(self.item_table)
        split.setStretchFactor(1, 3)
        box.addWidget(split, 1)
        self.notice = Notice()
        box.addWidget(self.notice)

    def refresh(self) -> None:
        self.standards.set_rows(self.desk.supervision.standards())
        if self.standards.rows:
            self.list.setCurrentIndex(self.standards.index(0, 0))
        self.list.setFocus()

    def _chosen(self, current: QModelIndex, _previous=None) -> None:
        self.items.set_rows(self.standards.rows[current.row()].items if current.isValid() else [])
        self.item_table.resizeRowsToContents()
