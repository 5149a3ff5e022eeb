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
    QVBoxLayout,
)

from gui import texts
from models.app.desk import Desk
from models.kit.validation import InvalidInput
from models.rounds import RoundProblem


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
        box.addWidget(QLabel(self.tr("Buildings due (untick those not in this round)")))
        self.buildings = QListWidget()
        self.buildings.setObjectName("roundBuildingsDue")
        for name in desk.rounds.round_buildings():
            item = QListWidgetItem(self.tr("Building {0}").format(name))
            item.setData(Qt.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
            self.buildings.addItem(item)
        box.addWidget(self.buildings, 1)
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

    def chosen(self) -> list[str] | None:
        """The buildings ticked; None when all are (everyone on the roster, whoever is added later)."""
        items = [self.buildings.item(i) for i in range(self.buildings.count())]
        ticked = [i.data(Qt.UserRole) for i in items if i.checkState() == Qt.Checked]
        return None if len(ticked) == len(items) else ticked

    def accept(self) -> None:
        points = [p for p in re.split(r"[,，、;；\n]", self.points.text()) if p.strip()]
        chosen = self.chosen()
        if chosen == []:
            self.error.setText(self.tr("Tick at least one building."))
            return
        try:
            self.opened = self.desk.rounds.open_round(title=self.title.text(), points=points, buildings=chosen)
        except InvalidInput as exc:
            self.error.setText("\n".join(texts.by_field(exc).values()))
            return
        except RoundProblem as exc:
            self.error.setText(texts.message(exc.message))
            return
        super().accept()
