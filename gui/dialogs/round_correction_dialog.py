"""Correcting a closed testing round: a person's line found by room or name, what changes, and why
(a supervisor's; the old value, the new one and the reason are kept and travel to the office)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from gui import texts
from gui.round_models import PERSON_ROLE, PeopleTableModel
from gui.widgets import Notice, row_table
from models.app.desk import Desk
from models.kit.validation import InvalidInput
from models.rounds import HOME, REASON_LABELS, Reason, RoundProblem


class RoundCorrectionDialog(QDialog):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Correct a closed testing round"))
        self.resize(900, 620)
        box = QVBoxLayout(self)
        self.round = QComboBox()
        self.round.setObjectName("closedRound")
        self.rounds = [r for r in desk.rounds.recent_rounds() if not r.is_open]
        for r in self.rounds:
            self.round.addItem(f"{r.day} · {r.title}", r.id)
        self.round.currentIndexChanged.connect(lambda _i: self._round_chosen())
        self.search = QLineEdit()
        self.search.setObjectName("correctionSearch")
        self.search.setPlaceholderText(self.tr("Room (6-1-602) or name"))
        self.search.textChanged.connect(lambda _t: self.find())
        top = QHBoxLayout()
        top.addWidget(self.round, 1)
        top.addWidget(self.search, 1)
        box.addLayout(top)
        self.model = PeopleTableModel(desk, self)
        self.people = row_table(self.model, "correctionPeople", single=True)
        box.addWidget(self.people, 1)
        form = QFormLayout()
        self.field = QComboBox()
        self.field.setObjectName("correctionField")
        self.field.addItem(self.tr("Sampled (where)"), "sampled")
        self.field.addItem(self.tr("Reason not sampled"), "reason")
        self.field.currentIndexChanged.connect(lambda _i: self._values())
        self.value = QComboBox()
        self.value.setObjectName("correctionValue")
        self.why = QLineEdit()
        self.why.setObjectName("correctionReason")
        self.why.setPlaceholderText(self.tr("Why (e.g. written on the paper sheet, scanned the wrong person)"))
        form.addRow(self.tr("What"), self.field)
        form.addRow(self.tr("Becomes"), self.value)
        form.addRow(self.tr("Reason for the correction"), self.why)
        box.addLayout(form)
        self.notice = Notice()
        box.addWidget(self.notice)
        self.apply_button = QPushButton(self.tr("Correct"))
        self.apply_button.setObjectName("applyCorrection")
        self.apply_button.setMinimumHeight(44)
        self.apply_button.clicked.connect(self.apply)
        self.apply_button.setDefault(True)  # Enter in the reason corrects; the dialog stays for the next one
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.addButton(self.apply_button, QDialogButtonBox.ActionRole)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        if not self.rounds:
            self.notice.problem(self.tr("No testing round has been closed yet."))
            self.apply_button.setEnabled(False)
        self._round_chosen()

    def chosen_round(self):
        rid = self.round.currentData()
        return next((r for r in self.rounds if r.id == rid), None)

    def _round_chosen(self) -> None:
        self._values()
        self.find()

    def _values(self) -> None:
        self.value.clear()
        r = self.chosen_round()
        if self.field.currentData() == "sampled":
            for point in (r.point_list if r else []):
                self.value.addItem(point, point)
            self.value.addItem(self.tr("At home"), HOME)
            self.value.addItem(self.tr("Not sampled"), "")
        else:
            for reason in Reason:
                self.value.addItem(texts.lookup("Rounds", REASON_LABELS[reason]), reason.value)
            self.value.addItem(self.tr("No reason"), "")

    def find(self) -> None:
        r = self.chosen_round()
        self.model.set_rows(self.desk.rounds.find_in_round(r.id, self.search.text()) if r else [])
        if self.model.rowCount():
            self.people.selectRow(0)

    def apply(self) -> None:
        from gui.dialogs.sign_in_dialog import authority

        index = self.people.currentIndex()
        person = self.model.data(index, PERSON_ROLE) if index.isValid() else None
        if person is None:
            self.notice.problem(self.tr("Find the person's line first (room or name)."))
            return
        with authority(self.desk, self, "rounds.correct_round", self.tr("A supervisor corrects a closed round.")) as ok:
            if not ok:
                return
            try:
                self.desk.rounds.correct_round(person.id, self.field.currentData(), self.value.currentData(),
                                               self.why.text())
            except InvalidInput as exc:
                self.notice.problem("；".join(texts.by_field(exc).values()))
                return
            except RoundProblem as exc:
                self.notice.problem(texts.message(exc.message))
                return
        self.notice.done(self.tr("Corrected: {0}-{1}-{2} {3}").format(person.building, person.unit, person.room,
                                                                      person.name))
        self.why.clear()
        self.find()
