"""The office's census of its compounds (有物业 / 无物业 / 业委会自管): each compound's kind, property
company, the responsibility pledge (day, signer, a scanned copy) and the plan for its kind; from the
community's sheet, or line by line."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from gui.dialogs.sheet_preview_dialog import SheetPreviewDialog, read_sheet
from gui.list_table_model import ListTableModel
from gui.widgets import Notice, row_table
from models.app.desk import Desk
from models.supervision import KIND_LABELS, CompoundKind


def kind_text(kind) -> str:
    return QCoreApplication.translate("Supervision", KIND_LABELS[CompoundKind(kind)]) if kind else \
        QCoreApplication.translate("CensusDialog", "not counted")


class CensusModel(ListTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("Community"), self.tr("Compound"), self.tr("Kind"), self.tr("Property company"),
                        self.tr("Pledge signed"), self.tr("Signed by"), self.tr("Scan"), self.tr("Plan")]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == Qt.DisplayRole:
            return [r.community, r.compound, kind_text(r.kind), r.property_company, r.pledge_day or "",
                    r.pledge_by, self.tr("yes") if r.pledge_scanned else "", r.plan][index.column()]
        if role == Qt.ToolTipRole and index.column() == 7:
            return r.plan
        return None


class CensusLineDialog(QDialog):
    """One compound's line: its kind, company, pledge and plan."""

    def __init__(self, desk: Desk, row, parent=None):
        super().__init__(parent)
        self.desk, self.row = desk, row
        self.setWindowTitle(self.tr("Census: {0}").format(row.compound))
        self.setMinimumWidth(520)
        box = QVBoxLayout(self)
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("censusKind")
        for kind in CompoundKind:
            self.kind.addItem(kind_text(kind), kind.value)
        self.kind.setCurrentIndex(self.kind.findData(row.kind.value) if row.kind else 0)
        self.company = QLineEdit(row.property_company)
        self.company.setObjectName("censusCompany")
        self.signed = QCheckBox(self.tr("The pledge is signed"))
        self.signed.setChecked(row.pledge_day is not None)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(QDate.fromString(row.pledge_day, "yyyy-MM-dd") if row.pledge_day else QDate(desk.today()))
        self.signer = QLineEdit()
        self.signer.setObjectName("censusSigner")
        self.signer.setPlaceholderText(row.pledge_by or self.tr("who signed for the company"))
        self.plan = QLineEdit(row.plan)
        self.plan.setObjectName("censusPlan")
        for label, widget in ((self.tr("How it is run"), self.kind), (self.tr("Property company"), self.company),
                              ("", self.signed), (self.tr("Signed on"), self.day), (self.tr("Signed by"), self.signer),
                              (self.tr("Plan for its kind"), self.plan)):
            widget.setMinimumHeight(40)
            form.addRow(label, widget)
        box.addLayout(form)
        self.notice = Notice()
        box.addWidget(self.notice)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.kind.setFocus()

    def accept(self) -> None:
        signed = self.signed.isChecked()
        done, _ = self.notice.attempt(
            self.desk.supervision.set_census, self.row.compound_id, self.kind.currentData(),
            property_company=self.company.text(), pledge_day=self.day.date().toPython() if signed else None,
            pledge_by=(self.signer.text() or None) if signed else "", plan=self.plan.text())
        if done:
            super().accept()


class CensusDialog(QDialog):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Census of the compounds"))
        self.resize(1100, 560)
        box = QVBoxLayout(self)
        self.counts = QLabel()
        self.counts.setObjectName("censusCounts")
        self.counts.setWordWrap(True)
        box.addWidget(self.counts)
        self.model = CensusModel(self)
        self.table = row_table(self.model, "censusTable", single=True)
        self.table.doubleClicked.connect(self.edit)
        box.addWidget(self.table, 1)
        row = QHBoxLayout()
        for text, slot, name in ((self.tr("Edit… [Enter]"), self.edit, "censusEdit"),
                                 (self.tr("Scanned pledge…"), self.attach_scan, "censusScan"),
                                 (self.tr("Load the community's sheet…"), self.load_sheet, "censusSheet")):
            b = QPushButton(text)
            b.setObjectName(name)
            b.setMinimumHeight(40)
            b.clicked.connect(slot)
            row.addWidget(b)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.setMinimumHeight(40)
        close.clicked.connect(self.reject)
        row.addWidget(close)
        box.addLayout(row)
        self.notice = Notice()
        box.addWidget(self.notice)
        self.refresh()

    def refresh(self) -> None:
        at = self.table.currentIndex().row()
        self.model.set_rows(self.desk.supervision.census_rows())
        kinds = self.desk.supervision.compounds_by_kind()
        self.counts.setText(self.tr("{0} compounds: {1} with a property company, {2} without, {3} run by their "
                                    "owners' committee, {4} not counted yet.").format(
            sum(kinds.values()), kinds.get("property", 0), kinds.get("none", 0), kinds.get("owners", 0),
            kinds.get("uncounted", 0)))
        if self.model.rows:
            self.table.setCurrentIndex(self.model.index(max(0, min(at, len(self.model.rows) - 1)), 0))
        self.table.setFocus()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.table.hasFocus():
            self.edit()
            return
        super().keyPressEvent(event)

    def _current(self):
        index = self.table.currentIndex()
        if not index.isValid():
            self.notice.problem(self.tr("Choose a compound first."))
            return None
        return self.model.rows[index.row()]

    def _supervisor(self, action: str):
        from gui.dialogs.sign_in_dialog import authority

        return authority(self.desk, self, action, self.tr("A supervisor's PIN is needed to change the census."))

    def edit(self, *_args) -> None:
        row = self._current()
        if row is None:
            return
        with self._supervisor("supervision.set_census") as allowed:
            if allowed and CensusLineDialog(self.desk, row, self).exec() == QDialog.Accepted:
                self.notice.done(self.tr("Saved: {0}.").format(row.compound))
        self.refresh()

    def attach_scan(self) -> None:
        row = self._current()
        if row is None:
            return
        folder = QSettings().value("census/scan_folder") or str(Path.home())
        with self._supervisor("supervision.attach_pledge") as allowed:
            if not allowed:
                return
            name, _ = QFileDialog.getOpenFileName(self, self.tr("The signed pledge, scanned or photographed"), folder,
                                                  self.tr("Pictures (*.jpg *.jpeg *.png *.bmp *.webp)"))
            if not name:
                return
            QSettings().setValue("census/scan_folder", str(Path(name).parent))
            self.notice.attempt(self.desk.supervision.attach_pledge, row.compound_id, Path(name),
                                done=self.tr("The pledge of {0} is kept.").format(row.compound))
        self.refresh()

    def load_sheet(self) -> None:
        title = self.tr("The community's census sheet")
        with self._supervisor("supervision.load_census") as allowed:
            if not allowed:
                return
            read = read_sheet(self, title, self.desk.supervision.read_census_sheet)
            if read is None:
                return
            path, sheet = read
            summary = self.tr("{0}: {1} compounds counted. A compound not known yet is added in its "
                              "community.").format(path.name, len(sheet.lines))
            if SheetPreviewDialog(title, summary, sheet.left_out, self).exec():
                done, loaded = self.notice.attempt(self.desk.supervision.load_census, sheet)
                if done:
                    self.notice.done(self.tr("{0} lines saved, {1} unchanged, {2} compounds added.").format(
                        loaded.counted, loaded.unchanged, len(loaded.added)))
        self.refresh()

