"""Opening a testing round: its name, the sampling points, and which buildings are due."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from gui import texts
from models.app.desk import Desk
from models.kit.validation import InvalidInput
from models.formats.sheets import SheetProblem
from models.rounds import REASON_LABELS, Reason, RoundFileProblem, RoundProblem


class OpenRoundDialog(QDialog):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Open a testing round"))
        self.setMinimumWidth(520)
        box = QVBoxLayout(self)
        form = QFormLayout()
        done = len(desk.rounds.recent_rounds())
        self.title = QLineEdit(self.tr("Round {0} of testing for every resident").format(done + 1))
        self.title.setObjectName("roundTitleEdit")
        self.title.setMinimumHeight(40)
        self.points = QLineEdit(self.tr("Below building 1, Basketball court"))
        self.points.setObjectName("roundPoints")
        self.points.setMinimumHeight(40)
        self.points.setToolTip(self.tr("Separate the points with commas"))
        form.addRow(self.tr("Name of the round"), self.title)
        form.addRow(self.tr("Sampling points"), self.points)
        box.addLayout(form)
        self.file_button = QPushButton(self.tr("Fill from the community's notice (.xlsx, .csv)…"))
        self.file_button.setObjectName("roundFromFile")
        self.file_button.clicked.connect(lambda: self.load_file())
        box.addWidget(self.file_button, 0, Qt.AlignLeft)
        box.addWidget(QLabel(self.tr("Buildings due (untick those not in this round)")))
        self.buildings = QListWidget()
        self.buildings.setObjectName("roundBuildingsDue")
        for name in desk.rounds.round_buildings():
            item = QListWidgetItem(self.tr("Building {0}").format(name))
            item.setData(Qt.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
            self.buildings.addItem(item)
        self.buildings.setMinimumHeight(150)
        box.addWidget(self.buildings, 1)
        # Those the community's notice excuses: exempt from the start, listed (masked) before opening.
        self.excused = QLabel("")
        self.excused.setObjectName("roundExcused")
        self.excused.setWordWrap(True)
        self.excused.hide()
        box.addWidget(self.excused)
        self.exemptions = []
        self.error = QLabel("")
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        box.addWidget(self.error)
        if not self.buildings.count():
            self.error.setText(self.tr("The roster is empty: add residents (Admin ▸ Residents and passes…) first."))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Open the round"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.opened = None

    def load_file(self, path=None) -> bool:
        """The community's notice fills the form; the administrator still opens the round."""
        from pathlib import Path

        if path is None:
            from PySide6.QtWidgets import QFileDialog

            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("The community's notice of the round"), "",
                                                    self.tr("Spreadsheets (*.xlsx *.csv)"))
            if not chosen:
                return False
            path = Path(chosen)
        try:
            notice = self.desk.rounds.read_round_file(Path(path))
        except (SheetProblem, RoundFileProblem) as exc:
            self.error.setText(texts.message(exc.message))
            return False
        today = self.desk.today()
        if notice.day != today:
            self.error.setText(self.tr("This notice is for {0}; a round opens on its own day (today is {1}).")
                               .format(notice.day.isoformat(), today.isoformat()))
            return False
        self.title.setText(notice.title)
        self.points.setText("，".join(notice.points))
        items = [self.buildings.item(i) for i in range(self.buildings.count())]
        known = {i.data(Qt.UserRole) for i in items}
        for item in items:
            due = not notice.buildings or item.data(Qt.UserRole) in notice.buildings
            item.setCheckState(Qt.Checked if due else Qt.Unchecked)
        unknown = [b for b in notice.buildings if b not in known]
        problems = [self.tr("Not on this gate's roster, left out: {0}").format("、".join(unknown))] if unknown else []
        if notice.left_out:
            problems.append(self.tr("Left out of the notice's excused: {0}").format(
                "；".join(texts.message(m) for m in notice.left_out[:8]) + ("…" if len(notice.left_out) > 8 else "")))
        self.error.setText("\n".join(problems))
        self.exemptions = list(notice.exemptions)
        lines = [f"{shown} {texts.lookup('Rounds', REASON_LABELS[Reason(e.reason)])}"
                 for shown, e in zip(notice.shown, notice.exemptions)]
        self.excused.setText(self.tr("Excused by the notice: {0}").format(len(lines)) + "\n" +
                             "；".join(lines[:12]) + ("…" if len(lines) > 12 else ""))
        self.excused.setVisible(bool(lines))
        return True

    def chosen(self) -> list[str] | None:
        """The buildings ticked; None when all are (everyone on the roster, whoever is added later)."""
        items = [self.buildings.item(i) for i in range(self.buildings.count())]
        ticked = [i.data(Qt.UserRole) for i in items if i.checkState() == Qt.Checked]
        return None if len(ticked) == len(items) else ticked

    def accept(self) -> None:
        points = [p for p in re.split(r"[,，、;；\n]", self.points.text()) if p.strip()]
        try:
            self.opened = self.desk.rounds.open_round(title=self.title.text(), points=points, buildings=self.chosen(),
                                                      exemptions=self.exemptions)
        except InvalidInput as exc:
            self.error.setText("\n".join(texts.by_field(exc).values()))
            return
        except RoundProblem as exc:
            self.error.setText(texts.message(exc.message))
            return
        super().accept()
