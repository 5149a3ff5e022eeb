"""At an office: write its gates' records for the office above (a sub-district's or district's) onto a
USB stick, as an office bundle."""
from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from gui.background import BackgroundOp
from gui.widgets import FolderRow
from models.app.actions import role_for
from models.app.desk import Desk
from models.sync import NoUnit
from models.sync.census import TYPE as CENSUS_LINES


class ForwardDialog(QDialog):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.outcome = None
        self.op: BackgroundOp | None = None
        self.setWindowTitle(self.tr("Forward to the office above"))
        self.setMinimumWidth(640)
        box = QVBoxLayout(self)
        unit = desk.sync.office_unit()
        intro = QLabel(self.tr("Everything this office received from its gates since the last forward, in the gates' "
                               "own names, and its compounds' census changed since then, for the sub-district or "
                               "district office to import."))
        intro.setWordWrap(True)
        box.addWidget(intro)
        self.unit = QLabel(self.tr("This office speaks for: {0}").format(unit.shown()) if not unit.empty else
                           self.tr("This office names no district, sub-district or community to speak for, so the "
                                   "office above cannot tell which gates are its own. An administrator names them "
                                   "with: gatedesk office-init --district … --subdistrict … --community …"))
        self.unit.setObjectName("unitNote" if not unit.empty else "warningNote")
        self.unit.setWordWrap(True)
        box.addWidget(self.unit)
        form = QFormLayout()
        self.folder_row = FolderRow("forward/folder", "forwardFolder")
        form.addRow(self.tr("Write to"), self.folder_row)
        box.addLayout(form)
        key = desk.sync.office_key()
        self.encryption = QLabel(
            self.tr("Encrypted for {0} (key {1}): only that office can open it.").format(key.office, key.key_id)
            if key else
            self.tr("Not encrypted: anyone who finds the USB stick can read it. Load the key file of the office "
                    "above (Admin ▸ Key file of the office above…) to encrypt it."))
        self.encryption.setWordWrap(True)
        self.encryption.setObjectName("encryptionNote" if key else "warningNote")
        box.addWidget(self.encryption)
        self.signing = QLabel(self.tr("Signed with this office's key {0}: the office above enrolls this office by "
                                      "it.").format(desk.sync.station_key_id()))
        self.signing.setObjectName("signingNote")
        self.signing.setWordWrap(True)
        box.addWidget(self.signing)
        self.message = QLabel("")
        self.message.setObjectName("forwardMessage")
        self.message.setWordWrap(True)
        box.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.forward_button = self.buttons.addButton(self.tr("Forward"), QDialogButtonBox.AcceptRole)
        self.forward_button.setObjectName("primary")
        self.forward_button.setMinimumHeight(44)
        self.forward_button.setEnabled(not unit.empty)
        self.buttons.accepted.connect(self.forward)
        self.buttons.rejected.connect(self.reject)
        box.addWidget(self.buttons)

    def forward(self) -> None:
        problem = self.folder_row.problem()
        if problem:
            self.message.setText(problem)
            return
        out = Path(self.folder_row.text())
        held = nullcontext()
        if not self.desk.may(role_for("sync.forward_bundle")):
            from gui.dialogs.sign_in_dialog import ask_supervisor

            grant = ask_supervisor(self.desk, self, self.tr("Supervisor"), self.tr(
                "A supervisor forwards the gates' records: a supervisor's PIN is needed."),
                role_for("sync.forward_bundle"))
            if grant is None:
                return
            held = self.desk.authority_of(grant)  # for this one forwarding, on the worker thread
        self.folder_row.remember()
        desk = self.desk

        def forward(progress, _cancelled):
            with held:
                return desk.sync.forward_bundle(out, progress=progress)

        self.forward_button.setEnabled(False)
        self.op = BackgroundOp(self, forward, label=self.tr("Writing the office bundle…"), cancellable=False)
        self.op.done.connect(self._done)
        self.op.error.connect(self._failed)
        self.op.start()

    def _done(self, result) -> None:
        self.outcome = result
        census = result.counts.get(CENSUS_LINES, 0)
        self.forward_button.setEnabled(True)
        self.message.setText(self.tr("Written: {0}\nOffice bundle no. {1}, {2} records{3}. Wait for the copy to "
                                     "finish before pulling out the stick.").format(
            result.path, result.seq, result.records,
            self.tr(", encrypted for {0}").format(result.encrypted_for) if result.encrypted else "")
            + ("\n" + self.tr("Compounds whose census goes up with it: {0}.").format(census) if census else ""))
        self.adjustSize()  # the message's lines are all seen, the census's last

    def _failed(self, exc: Exception) -> None:
        self.forward_button.setEnabled(True)
        if isinstance(exc, NoUnit):
            self.message.setText(self.unit.text())
            return
        detail = getattr(exc, "strerror", None) or str(exc)
        self.message.setText(self.tr("The office bundle was not written: {0}. Nothing here has changed; try again "
                                     "or another stick.").format(detail))
