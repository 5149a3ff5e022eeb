"""The audit log for administrators: who did what and when, newest first, and whether the chain
of entries is intact."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from gui import texts
from gui.background import BackgroundOp
from models.app.desk import Desk
from models.trust.audit import ACTIONS

PAGE = 200


class AuditDialog(QDialog):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(980, 620)
        self.names = desk.staff.operator_names()
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
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Time"), self.tr("Who"), self.tr("What"),
                                              self.tr("Details")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        for col, width in ((0, 70), (1, 190), (2, 120), (3, 240)):
            self.table.setColumnWidth(col, width)
        box.addWidget(self.table)
        self.more = QPushButton(self.tr("Older entries"))
        self.more.setObjectName("olderEntries")
        self.more.setMinimumHeight(44)
        self.more.clicked.connect(self.load_more)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.addButton(self.more, QDialogButtonBox.ActionRole)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.oldest: int | None = None
        self.load_more()

    def _checked(self, verdict) -> None:
        if verdict is None:  # closed before the check ended
            return
        if verdict.first_bad is None:
            text = self.tr("The log is intact: {0} entries, each chained to the one before.").format(verdict.entries)
        elif verdict.why == "cut":
            text = self.tr("The log was cut short: it ends before entry {0}, which it had already reached. Entries "
                           "were deleted from its end; tell the office.").format(verdict.first_bad)
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

    def detail(self, e) -> str:
        """Details in words where they are a word; counts and field names as they are."""
        if e.action in ("locked", "unlocked"):
            return {"idle": self.tr("untouched too long"), "shift": self.tr("shift change")}.get(e.detail, e.detail)
        if e.action == "register" and e.detail:
            return texts.outcome(e.detail)
        return e.detail

    def load_more(self) -> None:
        rows = self.desk.records.audit_page(before_seq=self.oldest, limit=PAGE)
        zone = self.desk.settings.zone
        for e in rows:
            r = self.table.rowCount()
            self.table.insertRow(r)
            what = texts.lookup("Audit", ACTIONS[e.action]) if e.action in ACTIONS else e.action
            who = self.names.get(e.operator_id, "") if e.operator_id else self.tr("GateDesk")
            for c, value in enumerate((str(e.seq), texts.local_time(e.at, zone, "%Y-%m-%d %H:%M:%S"), who, what,
                                       self.detail(e))):
                self.table.setItem(r, c, QTableWidgetItem(value))
        if rows:
            self.oldest = rows[-1].seq
        self.more.setEnabled(len(rows) == PAGE and self.oldest > 1)


def open_audit(desk: Desk, parent) -> None:
    from PySide6.QtCore import QCoreApplication

    from gui.dialogs.sign_in_dialog import authority
    from models.trust.operators import Role

    with authority(desk, parent, Role.ADMIN, QCoreApplication.translate(
            "Authority", "The audit log is for administrators: an administrator's PIN is needed.")) as allowed:
        if allowed:
            AuditDialog(desk, parent).exec()
