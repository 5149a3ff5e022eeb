"""A visit signed off: its result read once more, who must put the failed items right (as the
compound's census says, unless changed), whom the team met; then it can no longer be changed."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from gui.widgets import Notice
from models.app.desk import Desk
from models.supervision import PARTY_LABELS, FindingStatus, Party


class SignOffDialog(QDialog):
    def __init__(self, desk: Desk, inspection_id: str, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.outcome = ""
        view = desk.supervision.visit_view(inspection_id)
        self.visit = view.visit
        self.follow_up = view.visit.follows_id is not None
        self.setWindowTitle(self.tr("Sign off the visit"))
        self.setMinimumWidth(560)
        box = QVBoxLayout(self)
        result = QLabel(self._result(view))
        result.setObjectName("signOffResult")
        result.setWordWrap(True)
        box.addWidget(result)
        form = QFormLayout()
        self.party = QComboBox()
        self.party.setObjectName("party")
        self.party_name = QLineEdit()
        self.party_name.setObjectName("partyName")
        if not self.follow_up:
            for party in Party:
                self.party.addItem(QCoreApplication.translate("Supervision", PARTY_LABELS[party]), party.value)
            default, name = desk.supervision.responsible(view.visit.compound_id)
            self.party.setCurrentIndex(self.party.findData(Party(default).value))
            self.party_name.setText(name)
            self.party_name.setPlaceholderText(self.tr("e.g. the property company's name"))
            form.addRow(self.tr("Who must put it right"), self.party)
            form.addRow(self.tr("Its name"), self.party_name)
        self.met = QLineEdit()
        self.met.setObjectName("met")
        self.met.setPlaceholderText(self.tr("e.g. the property manager on duty"))
        self.note = QLineEdit()
        self.note.setObjectName("visitNote")
        form.addRow(self.tr("Whom the team met"), self.met)
        form.addRow(self.tr("Note"), self.note)
        for edit in (self.party, self.party_name, self.met, self.note):
            edit.setMinimumHeight(40)
        box.addLayout(form)
        self.notice = Notice()
        box.addWidget(self.notice)
        warning = QLabel(self.tr("Once signed off, the visit cannot be changed."))
        warning.setWordWrap(True)
        box.addWidget(warning)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Sign off"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        (self.met if self.follow_up else self.party).setFocus()

    def _result(self, view) -> str:
        if self.follow_up:
            rows = self.desk.supervision.carried(view.visit.id)
            right = sum(f.status == FindingStatus.CLOSED for f in rows)
            return self.tr("{0}: {1} of {2} findings put right; the others stay open.").format(
                view.visit.compound_name, right, len(rows))
        s = view.score
        if s.unanswered:
            return self.tr("{0}: {1} items are not answered yet.").format(view.visit.compound_name, s.unanswered)
        verdict = self.tr("passed") if s.passed else self.tr("failed")
        scored = self.tr("score {0}, pass mark {1}, ").format(s.points, view.standard.pass_mark) \
            if s.points is not None else ""
        vetoed = self.tr(" A veto item failed: {0}.").format(", ".join(s.vetoed)) if s.vetoed else ""
        return self.tr("{0}: {1}{2}. {3} failed items become findings.{4}").format(
            view.visit.compound_name, scored, verdict, len(s.failed), vetoed)

    def accept(self) -> None:
        party = {} if self.follow_up else dict(party=Party(self.party.currentData()), party_name=self.party_name.text())
        done, signed = self.notice.attempt(self.desk.supervision.sign_off_visit, self.visit.id, met=self.met.text(),
                                           note=self.note.text(), **party)
        if not done:
            return
        if signed.score is None:
            self.outcome = self.tr("Signed off: {0} findings put right.").format(len(signed.closed))
        else:
            self.outcome = self.tr("Signed off: {0} new findings, {1} re-opened, {2} found again.").format(
                len(signed.opened), len(signed.reopened), len(signed.repeated))
        super().accept()
