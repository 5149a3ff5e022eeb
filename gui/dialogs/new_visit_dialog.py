"""A team starts a visit: the compound (typed to find it in the office's list), the standard, announced
or not; a mystery check names the gate; a follow-up reviews the compound's open findings."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from gui.widgets import Notice
from models.app.desk import Desk
from models.supervision import StandardKind


def _place(c) -> str:
    return " ".join(p for p in (c.name, c.community and f"（{c.community}）") if p)


class NewVisitDialog(QDialog):
    def __init__(self, desk: Desk, parent=None, *, compound_id: str | None = None, follow_up: bool = False):
        super().__init__(parent)
        self.desk = desk
        self.visit = None
        self.setWindowTitle(self.tr("New visit"))
        self.setMinimumWidth(560)
        box = QVBoxLayout(self)
        form = QFormLayout()
        self.compounds = desk.supervision.listed_compounds()
        self.compound = QComboBox()
        self.compound.setObjectName("visitCompound")
        self.compound.setEditable(True)  # typed: a team's list has hundreds of compounds
        self.compound.setInsertPolicy(QComboBox.NoInsert)
        self.compound.setMinimumHeight(40)
        for c in self.compounds:
            self.compound.addItem(_place(c), c.compound_id)
        self.compound.completer().setFilterMode(Qt.MatchContains)
        self.compound.completer().setCompletionMode(QCompleter.PopupCompletion)
        self.compound.setCurrentIndex(-1)
        self.compound.currentIndexChanged.connect(self._compound_chosen)
        form.addRow(self.tr("Compound *"), self.compound)
        self.standard = QComboBox()
        self.standard.setObjectName("visitStandard")
        self.standard.setMinimumHeight(40)
        self.standards = desk.supervision.standards()
        for view in self.standards:
            self.standard.addItem(self.tr("{0} (v{1}, {2} items)").format(view.standard.name, view.standard.version,
                                                                          len(view.items)), view.standard.id)
        self.standard.currentIndexChanged.connect(self._standard_chosen)
        form.addRow(self.tr("Standard *"), self.standard)
        self.unannounced = QCheckBox(self.tr("Unannounced (暗访)"))
        self.unannounced.setObjectName("unannounced")
        form.addRow("", self.unannounced)
        self.gate = QLineEdit()
        self.gate.setObjectName("visitGate")
        self.gate.setMinimumHeight(40)
        self.gate.setPlaceholderText(self.tr("e.g. 南门"))
        self.gate_label = QLabel(self.tr("Gate checked *"))
        form.addRow(self.gate_label, self.gate)
        self.team = QLineEdit()
        self.team.setObjectName("visitTeam")
        self.team.setMinimumHeight(40)
        self.team.setPlaceholderText(self.tr("the team's members on this visit"))
        form.addRow(self.tr("Team"), self.team)
        self.follow_up = QCheckBox()
        self.follow_up.setObjectName("followUp")
        self.follow_up.toggled.connect(self._follow_up_toggled)
        form.addRow("", self.follow_up)
        box.addLayout(form)
        self.notice = Notice()
        box.addWidget(self.notice)
        if not self.compounds:
            self.notice.problem(self.tr("The office's list of compounds is not loaded: load it first "
                                        "(Admin ▸ Office's list of compounds…)."))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Start the visit"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self._earlier = None
        self._compound_chosen()
        self._standard_chosen()
        self.compound.setFocus()
        if compound_id is not None and self.compound.findData(compound_id) >= 0:
            self.compound.setCurrentIndex(self.compound.findData(compound_id))
            self.follow_up.setChecked(follow_up and self._earlier is not None)
            self.team.setFocus()

    def _mystery(self) -> bool:
        i = self.standard.currentIndex()
        return i >= 0 and self.standards[i].standard.kind == StandardKind.MYSTERY

    def _standard_chosen(self, *_args) -> None:
        mystery = self._mystery() and not self.follow_up.isChecked()  # a follow-up reviews, whatever it follows
        self.gate.setVisible(mystery)
        self.gate_label.setVisible(mystery)
        self.unannounced.setEnabled(not mystery and not self.follow_up.isChecked())
        if mystery:
            self.unannounced.setChecked(True)  # a mystery check never is announced

    def _compound_chosen(self, *_args) -> None:
        cid = self.compound.currentData()
        self._earlier = self.desk.supervision.last_signed(cid) if cid else None
        open_ = len(self.desk.supervision.open_findings(cid)) if self._earlier is not None else 0
        self.follow_up.setVisible(self._earlier is not None)
        self.follow_up.setChecked(False)
        self.follow_up.setText(self.tr("Follow-up of the visit of {0}: review its {1} open findings").format(
            self._earlier.day, open_) if self._earlier is not None else "")

    def _follow_up_toggled(self, on: bool) -> None:
        if on and self._earlier is not None:
            i = self.standard.findData(self._earlier.standard_id)
            if i >= 0:
                self.standard.setCurrentIndex(i)
        self.standard.setEnabled(not on)
        self._standard_chosen()

    def accept(self) -> None:
        cid = self.compound.currentData()
        if cid is None or self.compound.currentText() != self.compound.itemText(self.compound.currentIndex()):
            self.notice.problem(self.tr("Choose the compound from the list (type part of its name)."))
            self.compound.setFocus()
            return
        standard_id = self._earlier.standard_id if self.follow_up.isChecked() else self.standard.currentData()
        if standard_id is None:
            self.notice.problem(self.tr("No standard is loaded: an administrator loads one (Standards tab)."))
            return
        done, visit = self.notice.attempt(
            self.desk.supervision.open_visit, compound_id=cid,
            compound_name=next(c.name for c in self.compounds if c.compound_id == cid),
            standard_id=standard_id, announced=not self.unannounced.isChecked(), team=self.team.text(),
            gate_name=self.gate.text() if self.gate.isVisibleTo(self) else "",
            follows_id=self._earlier.id if self.follow_up.isChecked() else None)
        if not done:
            return
        self.visit = visit
        super().accept()
