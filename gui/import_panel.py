"""The office's import: choose bundles (or a USB stick), check them, then import them.

Checking is a dry run of the whole selection; nothing is written until Import is pressed.
Both run on a worker thread with progress and cancel.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from gui import texts
from gui.background import BackgroundOp
from gui.list_table_model import ListTableModel
from gui.widgets import row_table
from models.app.desk import Desk
from models.formats.bundle import SUFFIX
from models.sync import FileSummary, bundle_files


class ImportTableModel(ListTableModel):
    COL_FILE, COL_GATE, COL_SEQ, COL_STATUS, COL_NEW, COL_UPDATED, COL_UNCHANGED, COL_CONFLICTS = range(8)
    SummaryRole = Qt.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("File"), self.tr("Compound and gate"), self.tr("No."), self.tr("Result"),
                        self.tr("New"), self.tr("Updated"), self.tr("Unchanged"), self.tr("Conflicts")]
        self.checked_only = True

    def status_text(self, s: FileSummary) -> str:
        if s.status == "rejected":
            return self.tr("Rejected")
        if s.status == "held":
            return self.tr("Waiting for enrollment")
        if s.status == "skipped":
            return self.tr("Skipped: not a bundle")
        if s.status == "cancelled":
            return self.tr("Cancelled")
        if s.status == "not_imported":
            return self.tr("Not imported: database unreachable")
        if s.status == "pending":
            return self.tr("Not checked")
        if self.checked_only:
            return self.tr("Already imported") if s.already_imported else self.tr("Can be imported")
        return self.tr("Imported")

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        s: FileSummary = self.rows[index.row()]
        col = index.column()
        if role == self.SummaryRole:
            return s
        if role == Qt.DisplayRole:
            counts = s.status in ("accepted",)
            return {
                self.COL_FILE: s.path.name,
                self.COL_GATE: f"{s.compound} {s.gate}".strip(),
                self.COL_SEQ: s.seq if s.seq is not None else "",
                self.COL_STATUS: self.status_text(s),
                self.COL_NEW: s.total("created") if counts else "",
                self.COL_UPDATED: s.total("updated") if counts else "",
                self.COL_UNCHANGED: s.total("unchanged") if counts else "",
                self.COL_CONFLICTS: len(s.conflicts) if counts else "",
            }.get(col)
        if role == Qt.ToolTipRole:
            return str(s.path)
        if role == Qt.ForegroundRole and col == self.COL_STATUS and s.status in ("rejected", "not_imported"):
            return QColor("#b71c1c")
        if role == Qt.ForegroundRole and col == self.COL_STATUS and s.status == "held":
            return QColor("#e65100")
        if role == Qt.ForegroundRole and col == self.COL_CONFLICTS and s.conflicts:
            return QColor("#e65100")
        if role == Qt.TextAlignmentRole and col >= self.COL_SEQ:
            return int(Qt.AlignCenter)
        return None


class ImportPanel(QWidget):
    imported = Signal()

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.op: BackgroundOp | None = None
        box = QVBoxLayout(self)
        intro = QLabel(self.tr("Add the bundles from the gates (a USB stick's folder, or files). GateDesk first "
                               "checks them without changing anything; then press Import. Importing the same "
                               "bundle again is harmless."))
        intro.setWordWrap(True)
        box.addWidget(intro)
        row = QHBoxLayout()
        self.add_files_button = QPushButton(self.tr("Add bundles…"))
        self.add_folder_button = QPushButton(self.tr("Add a folder or USB stick…"))
        self.clear_button = QPushButton(self.tr("Clear the list"))
        for b in (self.add_files_button, self.add_folder_button, self.clear_button):
            b.setMinimumHeight(40)
            row.addWidget(b)
        row.addStretch(1)
        box.addLayout(row)
        self.model = ImportTableModel(self)
        self.table = row_table(self.model, "importTable", single=True, stretch_last=False)
        self.table.horizontalHeader().setSectionResizeMode(ImportTableModel.COL_FILE, QHeaderView.Stretch)
        box.addWidget(self.table, 1)
        detail_row = QHBoxLayout()
        self.detail = QLabel("")
        self.detail.setObjectName("importDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextSelectableByMouse)
        detail_row.addWidget(self.detail, 1)
        self.trust_button = QPushButton(self.tr("Accept the gate's new key…"))
        self.trust_button.setMinimumHeight(40)
        self.trust_button.hide()
        self.trust_button.clicked.connect(self.trust_new_key)
        detail_row.addWidget(self.trust_button)
        self.enroll_button = QPushButton(self.tr("Enroll this gate…"))
        self.enroll_button.setMinimumHeight(40)
        self.enroll_button.hide()
        self.enroll_button.clicked.connect(self.enroll_station)
        detail_row.addWidget(self.enroll_button)
        box.addLayout(detail_row)
        self.trusted: set[Path] = set()
        actions = QHBoxLayout()
        self.summary = QLabel("")
        self.summary.setObjectName("importSummary")
        actions.addWidget(self.summary, 1)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("primary")
        self.import_button.setMinimumHeight(44)
        self.import_button.setEnabled(False)
        actions.addWidget(self.import_button)
        box.addLayout(actions)

        self.add_files_button.clicked.connect(self.choose_files)
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.clear_button.clicked.connect(self.clear)
        self.import_button.clicked.connect(self.import_all)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)

    # -- choosing -----------------------------------------------------------------------
    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Bundles to import"), "",
                                                self.tr("GateDesk bundles (*{0})").format(SUFFIX))
        if names:
            self.add_paths([Path(n) for n in names])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder or USB stick with bundles"))
        if folder:
            self.add_paths([Path(folder)])

    def add_paths(self, paths: list[Path]) -> None:
        """Add files, and the bundles found in folders; then check the whole list."""
        known = {s.path for s in self.model.rows}
        found = [p for p in bundle_files(paths) if p not in known]
        if not found:
            self.summary.setText(self.tr("No new bundles found there."))
            return
        self.model.set_rows(self.model.rows + [FileSummary(path=p, status="pending") for p in found])
        self.check()

    def clear(self) -> None:
        self.model.set_rows([])
        self.detail.setText("")
        self.summary.setText("")
        self.import_button.setEnabled(False)

    # -- running ------------------------------------------------------------------------
    def check(self) -> None:
        self._run(dry_run=True)

    def import_all(self) -> None:
        self._run(dry_run=False)

    def _run(self, *, dry_run: bool) -> None:
        paths = [s.path for s in self.model.rows]
        if not paths or (self.op and self.op.running):
            return
        from models.trust.operators import NotAllowed

        try:
            importer = self.desk.sync.importer(trusted_files=set(self.trusted))
        except NotAllowed as exc:  # the administrator who accepted a new key is no longer acting
            self.trusted.clear()
            self.summary.setText(texts.message(exc.message))
            return
        label = self.tr("Checking {0} bundles…") if dry_run else self.tr("Importing {0} bundles…")
        self._set_busy(True)
        self.op = BackgroundOp(self, lambda progress, cancelled: importer.run_all(
            paths, dry_run=dry_run, progress=progress, cancelled=cancelled), label=label.format(len(paths)))
        self.op.done.connect(lambda summaries: self._done(summaries, dry_run))
        self.op.error.connect(self._failed)
        self.op.start()

    def _set_busy(self, busy: bool) -> None:
        for b in (self.add_files_button, self.add_folder_button, self.clear_button, self.import_button):
            b.setEnabled(not busy)

    def _done(self, summaries: list[FileSummary], dry_run: bool) -> None:
        self._set_busy(False)
        self.model.checked_only = dry_run
        self.model.set_rows(summaries)
        accepted = [s for s in summaries if s.status == "accepted"]
        rejected = [s for s in summaries if s.status == "rejected"]
        held = [s for s in summaries if s.status == "held"]
        if any(s.status == "cancelled" for s in summaries):
            # On a server each bundle commits on its own: those imported before the cancel stay.
            text = self.tr("Cancelled. Nothing was changed.") if not accepted or dry_run else self.tr(
                "Cancelled. The {0} bundles imported before it stay imported; the others were not changed."
            ).format(len(accepted))
            self.import_button.setEnabled(True)
        elif dry_run:
            text = self.tr("Checked: {0} can be imported ({1} new records, {2} updated), {3} rejected. "
                           "Nothing has been changed yet.").format(
                len(accepted), sum(s.total("created") for s in accepted),
                sum(s.total("updated") for s in accepted), len(rejected))
            self.import_button.setEnabled(bool(accepted))
        else:
            text = self.tr("Imported {0} bundles: {1} new records, {2} updated, {3} conflicts to review. "
                           "{4} rejected.").format(
                len(accepted), sum(s.total("created") for s in accepted),
                sum(s.total("updated") for s in accepted), sum(len(s.conflicts) for s in accepted), len(rejected))
            self.import_button.setEnabled(False)
            self.imported.emit()
        if held and not any(s.status == "cancelled" for s in summaries):
            text += " " + self.tr("{0} from gates not yet enrolled: select one to see its key fingerprint.").format(
                len(held))
        self.summary.setText(text)
        first_problem = next((i for i, s in enumerate(summaries) if s.status in ("rejected", "held")), 0)
        if summaries:
            self.table.selectRow(first_problem)
            self._show_detail(self.model.index(first_problem, 0))

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.summary.setText(self.tr("The import stopped: {0}. The bundle being imported was not changed; import "
                                     "the files again (those already imported are recognised).").format(exc))

    def trust_new_key(self) -> None:
        """After a phone call with the gate: accept the new key this file is signed with, and check again."""
        from PySide6.QtWidgets import QMessageBox

        from models.trust.operators import NotAllowed

        s = self._current()
        if s is None or s.problem is None or s.problem.code != "key_changed":
            return
        try:
            self.desk.sync.importer(trusted_files={s.path})  # the core says who may accept a gate's new key
        except NotAllowed as exc:
            QMessageBox.information(self, self.tr("New key"), texts.message(exc.message))
            return
        answer = QMessageBox.question(self, self.tr("New key"), self.tr(
            "Accept key {0} for {1}? Do this only after the gate has read you the same fingerprint over the phone "
            "(the gate's Export window shows it).").format(s.problem.message.params.get("key", ""),
                                                                   s.problem.message.params.get("station", "")))
        if answer == QMessageBox.Yes:
            self.trusted.add(s.path)
            self.check()

    def enroll_station(self) -> None:
        """An administrator compares the fingerprint with the gate's set-up sheet, then enrolls it."""
        from PySide6.QtWidgets import QMessageBox

        from models.trust.operators import NotAllowed

        s = self._current()
        if s is None or s.status != "held" or not s.fingerprint:
            return
        answer = QMessageBox.question(self, self.tr("Enroll a gate"), self.tr(
            "Enroll {0} {1}?\n\nIts key fingerprint is\n{2}\n\nEnroll it only if this is the fingerprint printed on "
            "the gate's set-up sheet (or read to you by the gate over the phone). From then on its bundles are "
            "imported.").format(s.compound, s.gate, s.fingerprint))
        if answer != QMessageBox.Yes:
            return
        try:
            self.desk.sync.enroll_station(s.fingerprint)
        except NotAllowed as exc:
            QMessageBox.information(self, self.tr("Enroll a gate"), texts.message(exc.message))
            return
        self.check()

    def _current(self) -> FileSummary | None:
        index = self.table.currentIndex()
        return self.model.data(index, ImportTableModel.SummaryRole) if index.isValid() else None

    def _show_detail(self, index: QModelIndex, _previous=None) -> None:
        s = self.model.data(index, ImportTableModel.SummaryRole) if index.isValid() else None
        self.trust_button.setVisible(bool(s and s.problem and s.problem.code == "key_changed"))
        self.enroll_button.setVisible(bool(s and s.status == "held"))
        if s is None:
            self.detail.setText("")
        elif s.problem is not None:
            record = self.tr(" Record: {0}.").format(s.problem.record_id) if s.problem.record_id else ""
            self.detail.setText(f"{s.path.name}: {texts.message(s.problem.message)}{record} [{s.problem.code}]")
        elif s.audit_alarm:
            self.detail.setText(self.tr("{0}: imported, but this gate's audit log was cut short or rewritten since "
                                        "an earlier bundle. Ask the gate what happened (Gates reporting shows it in "
                                        "red).").format(s.path.name))
        elif any(r["new_gate_fingerprint"] for r in s.relayed):
            new = [f"{r['gate']} ({r['new_gate_fingerprint']})" for r in s.relayed if r["new_gate_fingerprint"]]
            self.detail.setText(self.tr("{0}: relays gates this office had not seen; they are enrolled by these "
                                        "keys. Compare each with the gate's set-up sheet: {1}").format(
                s.path.name, "; ".join(new)))
        elif s.conflicts:
            self.detail.setText(self.tr("{0}: {1} records arrived changed at the same revision; they are kept "
                                        "under Conflicts for you to decide.").format(s.path.name, len(s.conflicts)))
        else:
            self.detail.setText(str(s.path))
