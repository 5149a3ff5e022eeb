"""At the gate: write today's bundle for the office onto a USB stick (or any folder)."""
from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
)

from gui import texts
from gui.background import BackgroundOp
from gui.widgets import FolderRow
from models.app.actions import role_for
from models.app.desk import Desk
from models.sync import day_range_problem
from models.trust.operators import Role


class ExportDialog(QDialog):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.outcome = None
        self.op: BackgroundOp | None = None
        self.setWindowTitle(self.tr("Export for the office"))
        self.setMinimumWidth(620)
        box = QVBoxLayout(self)
        zone = ZoneInfo(desk.settings.timezone)
        last = desk.sync.last_export()
        since = self.tr("Everything since the last export (no. {0}, {1})").format(
            last.seq, texts.local_time(last.created_at, zone, "%Y-%m-%d %H:%M")) if last else \
            self.tr("Everything (this is the first export)")
        self.since_last = QRadioButton(since)
        self.since_last.setChecked(True)
        self.range = QRadioButton(self.tr("Only the days from … to …"))
        group = QButtonGroup(self)
        group.addButton(self.since_last)
        group.addButton(self.range)
        box.addWidget(self.since_last)
        row = QHBoxLayout()
        row.addWidget(self.range)
        self.day_from, self.day_to = QDateEdit(), QDateEdit()
        for edit in (self.day_from, self.day_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(desk.today()))
            edit.setEnabled(False)
            row.addWidget(edit)
        row.addStretch(1)
        box.addLayout(row)
        self.range.toggled.connect(lambda on: (self.day_from.setEnabled(on), self.day_to.setEnabled(on)))
        form = QFormLayout()
        self.folder_row = FolderRow("export/folder", "exportFolder")
        self.folder = self.folder_row.edit
        form.addRow(self.tr("Write to"), self.folder_row)
        box.addLayout(form)
        self.full_data = QCheckBox(self.tr("Unmasked names, phones and ID numbers in the spreadsheets "
                                           "(administrator only)"))
        self.full_data.setObjectName("fullData")
        box.addWidget(self.full_data)
        key = desk.sync.office_key()
        self.encryption = QLabel(
            self.tr("Encrypted for {0} (key {1}): only that office can open the bundle.").format(
                key.office, key.key_id) if key else
            self.tr("Not encrypted: anyone who finds the USB stick can read it. Load the office's key file "
                    "(Admin ▸ Office key) to encrypt bundles."))
        self.encryption.setWordWrap(True)
        self.encryption.setObjectName("encryptionNote" if key else "warningNote")
        box.addWidget(self.encryption)
        self.signing = QLabel(self.tr("Bundles from this gate are signed with key {0}.").format(desk.sync.station_key_id()))
        self.signing.setObjectName("signingNote")
        box.addWidget(self.signing)
        self.message = QLabel("")
        self.message.setObjectName("exportMessage")
        self.message.setWordWrap(True)
        box.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.AcceptRole)
        self.export_button.setObjectName("primary")
        self.export_button.setMinimumHeight(44)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        box.addWidget(self.buttons)

    def export(self) -> None:
        problem = self.folder_row.problem()
        if problem:
            self.message.setText(problem)
            return
        out = Path(self.folder_row.text())
        day_from = day_to = None
        if self.range.isChecked():
            day_from, day_to = self.day_from.date().toPython(), self.day_to.date().toPython()
            problem = day_range_problem(day_from, day_to)
            if problem is not None:
                self.message.setText(texts.message(problem))
                return
        full = self.full_data.isChecked()
        held = self._allowed(role_for("sync.export_bundle", full_data=full))
        if held is None:
            return
        self.folder_row.remember()
        desk = self.desk

        def export(progress, _cancelled):
            with held:
                return desk.sync.export_bundle(out, day_from=day_from, day_to=day_to, full_data=full,
                                               progress=progress)

        self.export_button.setEnabled(False)
        self.op = BackgroundOp(self, export, label=self.tr("Writing the bundle…"), cancellable=False)
        self.op.done.connect(self._done)
        self.op.error.connect(self._failed)
        self.op.start()

    def _allowed(self, role: Role):
        """A supervisor exports; unmasked spreadsheets need an administrator. A PIN given here
        holds for this one export (run on a worker thread): the block to run it in, or None."""
        if self.desk.may(role):
            return nullcontext()
        from gui.dialogs.sign_in_dialog import ask_supervisor

        intro = self.tr("Unmasked personal data needs an administrator's PIN.") if role is Role.ADMIN else \
            self.tr("Exports are made by a supervisor: a supervisor's PIN is needed.")
        grant = ask_supervisor(self.desk, self, self.tr("Administrator") if role is Role.ADMIN else
                               self.tr("Supervisor"), intro, role)
        return None if grant is None else self.desk.authority_of(grant)

    def _done(self, result) -> None:
        self.outcome = result
        self.export_button.setEnabled(True)
        self.message.setText(self.tr("Written: {0}\nBundle no. {1}, {2} records{3}. The day's logs are beside it "
                                     "as .xlsx and .csv. Wait for the copy to finish before pulling out the stick.")
                             .format(result.path, result.seq, result.records,
                                     self.tr(", encrypted") if result.encrypted else ""))

    def _failed(self, exc: Exception) -> None:
        self.export_button.setEnabled(True)
        detail = getattr(exc, "strerror", None) or str(exc)
        self.message.setText(self.tr("The bundle was not written: {0}. Nothing at the gate has changed; "
                                     "try again or another stick.").format(detail))
