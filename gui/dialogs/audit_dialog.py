"""The audit log for administrators: who did what and when, newest first, and whether the chain
of entries is intact."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from gui.audit_table_model import AuditTableModel
from gui.background import BackgroundOp
from gui.widgets import row_table
from models.app.desk import Desk


class AuditDialog(QDialog):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(980, 620)
        box = QVBoxLayout(self)
        self.verdict = QLabel(self.tr("Checking the chain of entries…"))
        self.verdict.setObjectName("hint")
        self.verdict.setWordWrap(True)
        box.addWidget(self.verdict)
        # A year's log is a million entries (one per registration): checked off the GUI thread.
        self.check = BackgroundOp(self, lambda progress, cancelled: desk.records.audit_verdict(progress, cancelled), quiet=True)
        self.check.progressed.connect(lambda done, _total: self.verdict.setText(
            self.tr("Checking the chain of entries… {0}").format(f"{done:,}")))
        self.check.done.connect(self._checked)
        self.check.start()
        self.model = AuditTableModel(desk, self)
        self.model.refresh()
        self.table = row_table(self.model, "auditTable", fit=False)
        for col, width in ((0, 70), (1, 190), (2, 120), (3, 240)):
            self.table.setColumnWidth(col, width)
        box.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)

    def _checked(self, verdict) -> None:
        if verdict is None:  # closed before the check ended
            return
        if verdict.first_bad is None:
            text = self.tr("The log is intact: {0} entries, each chained to the one before.").format(verdict.entries)
        elif verdict.why == "cut":
            text = self.tr("The log was cut short: it ends before entry {0}, which it had already reached. Entries "
                           "were deleted from its end; tell the office.").format(verdict.first_bad)
        elif verdict.why == "no_anchor":
            text = self.tr("The log's anchor beside the database is missing: entries deleted from the end of the log "
                           "could not be found. Its {0} entries are chained intact; tell the office.").format(
                verdict.entries)
        elif verdict.why == "restarted":
            text = self.tr("The log's anchor went missing and was begun again after entry {0}: entries deleted from "
                           "the end before then could not be found. Tell the office.").format(verdict.first_bad - 1)
        elif verdict.why == "replaced":
            text = self.tr("The log was rewritten: entry {0} is not the entry it was. Tell the office.").format(
                verdict.first_bad)
        else:
            text = self.tr("The log was altered: entry {0} is not as it was written. Entries before it are intact; "
                           "tell the office.").format(verdict.first_bad)
        self.verdict.setText(text)
        self.verdict.setObjectName("hint" if verdict.first_bad is None else "warningNote")
        self.verdict.style().polish(self.verdict)

    def done(self, result: int) -> None:
        self.check.cancel()  # it stops within a few thousand entries
        self.check.wait(10)
        super().done(result)


def open_audit(desk: Desk, parent) -> None:
    from PySide6.QtCore import QCoreApplication

    from gui.dialogs.sign_in_dialog import authority

    with authority(desk, parent, "records.audit_page", QCoreApplication.translate(
            "Authority", "The audit log is for administrators: an administrator's PIN is needed.")) as allowed:
        if allowed:
            AuditDialog(desk, parent).exec()
