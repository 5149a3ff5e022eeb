"""The residents' roster: import it, issue and print passes, revoke or reissue, home monitoring."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from gui import texts
from gui.background import BackgroundOp
from gui.list_table_model import ListTableModel
from gui.printing import print_pages
from gui.widgets import row_table
from models.app.desk import Desk
from models.formats.sheets import SheetProblem
from models.residents import (
    DEFAULT_MONITORING_DAYS,
    MONITORING_DAYS,
    ROSTER_SUFFIX,
    MonitoringKind,
    RosterFileProblem,
    RosterProblem,
    pass_sheet_pages,
    write_pass_sheet,
)


class RosterTableModel(ListTableModel):
    COL_ROOM, COL_NAME, COL_PHONE, COL_PASS, COL_HOME = range(5)
    RowRole = Qt.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("Room"), self.tr("Name"), self.tr("Phone"), self.tr("Pass valid until"),
                        self.tr("At home under")]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        resident, household, p, monitoring = self.rows[index.row()]
        col = index.column()
        if role == self.RowRole:
            return self.rows[index.row()]
        if role == Qt.DisplayRole:
            if col == self.COL_ROOM:
                return household.label
            if col == self.COL_NAME:
                return resident.name
            if col == self.COL_PHONE:
                return resident.phone or ""
            if col == self.COL_PASS:
                return p.expires_on if p else self.tr("no pass")
            if col == self.COL_HOME and monitoring:
                kind = self.tr("home isolation") if monitoring.kind == MonitoringKind.ISOLATION else \
                    self.tr("home health monitoring")
                return self.tr("{0} until {1}").format(kind, monitoring.until)
            return ""
        if role == Qt.ForegroundRole and ((col == self.COL_PASS and p is None) or (col == self.COL_HOME and monitoring)):
            return QColor("#b71c1c")
        return None


class ResidentsDialog(QDialog):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.roster_op: BackgroundOp | None = None
        self.setWindowTitle(self.tr("Residents and passes"))
        self.resize(1000, 700)
        box = QVBoxLayout(self)
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import from a sheet…"))
        self.issue_button = QPushButton(self.tr("Issue passes to everyone without one"))
        self.building = QComboBox()
        self.building.setObjectName("passBuilding")
        self.print_button = QPushButton(self.tr("Print passes…"))
        self.save_button = QPushButton(self.tr("Save passes as PDF…"))
        self.share_button = QPushButton(self.tr("For the other gates…"))
        self.share_button.setToolTip(self.tr("Save the roster and the pass key for the compound's other gates"))
        self.take_button = QPushButton(self.tr("From another gate…"))
        self.office_list_button = QPushButton(self.tr("The office's home monitoring list…"))
        for w in (self.import_button, self.issue_button, QLabel(self.tr("Building")), self.building,
                  self.print_button, self.save_button):
            if isinstance(w, QPushButton):
                w.setMinimumHeight(40)
            row.addWidget(w)
        row.addStretch(1)
        box.addLayout(row)
        self.model = RosterTableModel(self)
        # Tens of thousands of rows: columns sized once, not measured over the rows at each refresh.
        self.table = row_table(self.model, "rosterTable", single=True, fit=False)
        for column, width in ((RosterTableModel.COL_ROOM, 110), (RosterTableModel.COL_NAME, 120),
                              (RosterTableModel.COL_PHONE, 130), (RosterTableModel.COL_PASS, 150)):
            self.table.setColumnWidth(column, width)
        box.addWidget(self.table, 1)
        selected = QGridLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.moved_button = QPushButton(self.tr("Moved out"))
        self.household_button = QPushButton(self.tr("Print this household's passes…"))
        self.reissue_button = QPushButton(self.tr("Reissue the pass (lost card)…"))
        self.revoke_button = QPushButton(self.tr("Revoke the pass…"))
        self.isolate_button = QPushButton(self.tr("Home isolation or monitoring…"))
        self.end_button = QPushButton(self.tr("End home isolation or monitoring"))
        for b in (self.add_button, self.edit_button, self.moved_button, self.household_button, self.reissue_button,
                  self.revoke_button, self.isolate_button, self.end_button, self.share_button, self.take_button,
                  self.office_list_button):
            b.setMinimumHeight(40)
        for i, b in enumerate((self.add_button, self.edit_button, self.moved_button, self.household_button,
                               self.reissue_button, self.revoke_button, self.isolate_button, self.end_button,
                               self.share_button, self.take_button, self.office_list_button)):
            selected.addWidget(b, i // 4, i % 4)
        box.addLayout(selected)
        self.message = QLabel("")
        self.message.setObjectName("rosterMessage")
        self.message.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        bottom.addWidget(close, 0, Qt.AlignBottom)
        box.addLayout(bottom)

        self.import_button.clicked.connect(self.choose_sheet)
        self.issue_button.clicked.connect(self.issue_missing)
        self.print_button.clicked.connect(self.print_passes)
        self.save_button.clicked.connect(self.save_passes)
        self.share_button.clicked.connect(self.share_roster)
        self.office_list_button.clicked.connect(self.choose_monitoring_list)
        self.take_button.clicked.connect(self.take_roster)
        self.add_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(lambda: self.edit(self.current()))
        self.moved_button.clicked.connect(self.moved_out)
        self.household_button.clicked.connect(self.print_household)
        self.reissue_button.clicked.connect(self.reissue)
        self.revoke_button.clicked.connect(self.revoke)
        self.isolate_button.clicked.connect(self.monitor)
        self.end_button.clicked.connect(self.end_monitoring)
        self.refresh()

    def refresh(self) -> None:
        self.show_rows(self.desk.residents.residents_overview())

    def show_rows(self, rows) -> None:
        self.model.set_rows(rows)
        current = self.building.currentData()
        self.building.clear()
        self.building.addItem(self.tr("All"), None)
        for b in sorted({h.building for _, h, _, _ in rows}, key=lambda x: (len(x), x)):
            self.building.addItem(b, b)
        if current is not None and self.building.findData(current) >= 0:
            self.building.setCurrentIndex(self.building.findData(current))

    def current(self):
        index = self.table.currentIndex()
        return self.model.data(index, RosterTableModel.RowRole) if index.isValid() else None

    # -- the roster ---------------------------------------------------------------------------
    def choose_sheet(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("The property office's resident list"), "",
                                              self.tr("Spreadsheets (*.xlsx *.csv)"))
        if name:
            self.import_sheet(Path(name))

    def import_sheet(self, path: Path) -> None:
        """On a worker thread with progress: a roster of 20,000 rows takes seconds."""
        if self.roster_op is not None and self.roster_op.running:
            return
        self.message.setText(self.tr("Reading {0}…").format(path.name))
        # The roster is read back on the worker too: 20,000 rows read on the window's thread held it
        # still for half a second once the import was done.
        def work(progress, _cancelled):
            return self.desk.residents.import_roster(path, progress), self.desk.residents.residents_overview()

        self.roster_op = BackgroundOp(self, work, label=self.tr("Importing the resident list {0}…").format(path.name),
                                      cancellable=False)
        self.roster_op.done.connect(lambda done: self._roster_read(path, *done))
        self.roster_op.error.connect(lambda exc: self._roster_failed(path, exc))
        self.roster_op.start()

    def _roster_read(self, path: Path, result, rows) -> None:
        lines = [self.tr("{0} residents added from {1}.").format(result.added, path.name)]
        if result.skipped:
            reasons = {"header": self.tr("no room and name columns"), "room": self.tr("room not understood"),
                       "phone": self.tr("not a mobile number"), "name": self.tr("no name"),
                       "encoding": self.tr("unreadable characters")}
            lines.append(self.tr("Not read: {0}").format("; ".join(
                self.tr("row {0} ({1})").format(n, reasons.get(why, why)) for n, why in result.skipped[:30])))
        self.message.setText("\n".join(lines))
        self.show_rows(rows)

    def _roster_failed(self, path: Path, exc: Exception) -> None:
        if isinstance(exc, SheetProblem):
            self.message.setText(texts.message(exc.message))
        elif isinstance(exc, OSError):
            self.message.setText(self.tr("Could not read {0}: {1}").format(path.name, exc.strerror or exc))
        else:
            raise exc  # a fault of ours: the crash handler writes its report

    def choose_monitoring_list(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("The office's home monitoring list"), "",
                                              self.tr("Spreadsheets (*.xlsx *.csv)"))
        if name:
            self.import_monitoring(Path(name))

    def import_monitoring(self, path: Path) -> None:
        try:
            result = self.desk.residents.import_monitoring(path)
        except SheetProblem as exc:
            self.message.setText(texts.message(exc.message))
            return
        except OSError as exc:
            self.message.setText(self.tr("Could not read {0}: {1}").format(path.name, exc.strerror or exc))
            return
        reasons = {"header": self.tr("no room, name, kind and until columns"), "room": self.tr("room not understood"),
                   "kind": self.tr("kind not 居家隔离 or 居家健康监测"), "until": self.tr("no end day"),
                   "resident": self.tr("nobody of that name in that room"), "encoding": self.tr("unreadable characters")}
        lines = [self.tr("{0} residents put under home isolation or monitoring from {1}.").format(result.added,
                                                                                              path.name)]
        if result.skipped:
            lines.append(self.tr("Not read: {0}").format("; ".join(
                self.tr("row {0} ({1})").format(n, reasons.get(why, why)) for n, why in result.skipped[:30])))
        self.message.setText("\n".join(lines))
        self.refresh()

    def issue_missing(self) -> None:
        made = self.desk.residents.issue_passes([r.id for r, _, p, _ in self.model.rows if p is None])
        self.message.setText(self.tr("{0} passes issued.").format(made))
        self.refresh()

    # -- printing -------------------------------------------------------------------------------
    def _cards(self):
        cards = self.desk.residents.pass_cards(building=self.building.currentData())
        if not cards:
            self.message.setText(self.tr("No valid passes to print. Issue passes first."))
        return cards

    def print_passes(self) -> None:
        cards = self._cards()
        if cards and print_pages(self, pass_sheet_pages(cards, compound=self.desk.ctx.compound_name,
                                                        language=self.desk.settings.language),
                                 title=self.tr("Resident passes")):
            self.message.setText(self.tr("{0} passes sent to the printer.").format(len(cards)))

    def save_passes(self) -> Path | None:
        cards = self._cards()
        if not cards:
            return None
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the passes"), "passes.pdf", "PDF (*.pdf)")
        if not name:
            return None
        path = Path(name).with_suffix(".pdf")
        try:
            write_pass_sheet(cards, path, compound=self.desk.ctx.compound_name, language=self.desk.settings.language)
        except OSError as exc:
            self.message.setText(self.tr("Could not write {0}: {1}").format(path, exc.strerror or exc))
            return None
        self.message.setText(self.tr("Saved {0} ({1} passes).").format(path, len(cards)))
        return path

    # -- the compound's other gates ------------------------------------------------------------
    def _passphrase(self, title: str, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, prompt, QLineEdit.Password)
        return text if ok and text else None

    def share_roster(self) -> Path | None:
        title = self.tr("For the other gates")
        first = self._passphrase(title, self.tr("A passphrase (8 characters or more), to tell the other gate's "
                                                "administrator by phone — not to write on the stick:"))
        if first is None:
            return None
        if self._passphrase(title, self.tr("The passphrase again:")) != first:
            self.message.setText(self.tr("The two passphrases are not the same."))
            return None
        name, _ = QFileDialog.getSaveFileName(self, title, f"roster{ROSTER_SUFFIX}",
                                              self.tr("GateDesk roster (*{0})").format(ROSTER_SUFFIX))
        if not name:
            return None
        path = Path(name).with_suffix(ROSTER_SUFFIX)
        try:
            count = self.desk.residents.save_roster_file(path, first)
        except RosterFileProblem as exc:
            self.message.setText(texts.message(exc.message))
            return None
        except OSError as exc:
            self.message.setText(self.tr("Could not write {0}: {1}").format(path, exc.strerror or exc))
            return None
        self.message.setText(self.tr("Saved {0} ({1} records). Load it at the other gates (Residents ▸ From another "
                                     "gate…) with the same passphrase.").format(path, count))
        return path

    def take_roster(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("From another gate"), "",
                                              self.tr("GateDesk roster (*{0})").format(ROSTER_SUFFIX))
        if not name:
            return
        passphrase = self._passphrase(self.tr("From another gate"), self.tr("The passphrase:"))
        if passphrase is None:
            return
        try:
            taken = self.desk.residents.load_roster_file(Path(name), passphrase)
        except RosterFileProblem as exc:
            self.message.setText(texts.message(exc.message))
            return
        except OSError as exc:
            self.message.setText(self.tr("Could not read {0}: {1}").format(name, exc.strerror or exc))
            return
        self.message.setText(self.tr("{0} records taken. Passes printed at the other gate now work here.").format(taken))
        self.refresh()

    # -- one resident -----------------------------------------------------------------------------
    def edit(self, row) -> None:
        resident = self.desk.residents.resident_for_edit(row[0].id) if row is not None else None
        dialog = ResidentForm(resident, row[1].label if row is not None else "", self)
        while dialog.exec() == QDialog.Accepted:
            values = dict(room=dialog.room.text(), name=dialog.name.text(), phone=dialog.phone.text())
            try:
                if row is None:
                    self.desk.residents.add_resident(**values)
                else:
                    self.desk.residents.edit_resident(row[0].id, **values)
            except RosterProblem as exc:
                dialog.error.setText(texts.lookup("Residents", exc.text))
                getattr(dialog, exc.field).setFocus()
                continue
            self.refresh()
            return

    def moved_out(self) -> None:
        row = self.current()
        if row is None:
            self.message.setText(self.tr("Choose a resident first."))
            return
        if QMessageBox.question(self, self.tr("Moved out"), self.tr(
                "Take {0} ({1}) off the roster? Their pass stops working.").format(
                row[0].name, row[1].label)) == QMessageBox.Yes:
            self.desk.residents.move_out(row[0].id)
            self.refresh()

    def print_household(self) -> None:
        row = self.current()
        if row is None:
            self.message.setText(self.tr("Choose a resident first."))
            return
        cards = self.desk.residents.pass_cards(household_id=row[1].id)
        if not cards:
            self.message.setText(self.tr("No valid passes to print. Issue passes first."))
            return
        if print_pages(self, pass_sheet_pages(cards, compound=self.desk.ctx.compound_name,
                                              language=self.desk.settings.language), title=row[1].label):
            self.message.setText(self.tr("{0} passes sent to the printer.").format(len(cards)))

    def _reason(self, title: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, self.tr("Reason"))
        return text.strip() if ok and text.strip() else None

    def reissue(self) -> None:
        row = self.current()
        if row is None or row[2] is None:
            self.message.setText(self.tr("Choose a resident who has a pass."))
            return
        reason = self._reason(self.tr("Reissue the pass"))
        if reason:
            self.desk.residents.reissue_pass(row[2].id, reason)
            self.message.setText(self.tr("The old card no longer works; print the new one."))
            self.refresh()

    def revoke(self) -> None:
        row = self.current()
        if row is None or row[2] is None:
            self.message.setText(self.tr("Choose a resident who has a pass."))
            return
        reason = self._reason(self.tr("Revoke the pass"))
        if reason:
            self.desk.residents.revoke_pass(row[2].id, reason)
            self.refresh()

    def monitor(self) -> None:
        row = self.current()
        if row is None:
            self.message.setText(self.tr("Choose a resident first."))
            return
        kinds = [self.tr("home isolation"), self.tr("home health monitoring")]
        kind, ok = QInputDialog.getItem(self, self.tr("At home under"), self.tr("Which"), kinds, 0, False)
        if not ok:
            return
        low, high = MONITORING_DAYS
        days, ok = QInputDialog.getInt(self, self.tr("At home under"), self.tr("For how many days"),
                                       DEFAULT_MONITORING_DAYS, low, high)
        if not ok:
            return
        self.desk.residents.put_under_monitoring(row[0].id, MonitoringKind.ISOLATION if kind == kinds[0] else
                                                 MonitoringKind.MONITORING, days, "")
        self.refresh()

    def end_monitoring(self) -> None:
        row = self.current()
        if row is None or row[3] is None:
            self.message.setText(self.tr("Choose a resident under home isolation or monitoring."))
            return
        if QMessageBox.question(self, self.tr("At home under"), self.tr("End it now?")) == QMessageBox.Yes:
            self.desk.residents.end_monitoring(row[3].id)
            self.refresh()


class ResidentForm(QDialog):
    """A resident's room, name and phone; full data, for the administrator editing it."""

    def __init__(self, resident, room: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Resident"))
        form = QFormLayout(self)
        self.room = QLineEdit(room)
        self.room.setPlaceholderText("3-2-501")
        self.name = QLineEdit(resident.name if resident else "")
        self.phone = QLineEdit((resident.phone or "") if resident else "")
        for key, edit in (("room", self.room), ("name", self.name), ("phone", self.phone)):
            edit.setObjectName(key)
            edit.setMinimumHeight(40)
        form.addRow(self.tr("Room"), self.room)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Phone"), self.phone)
        self.error = QLabel("")
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
