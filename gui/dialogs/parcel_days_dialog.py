"""Items received and handed out per day at the drop-off station."""
from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableView, QVBoxLayout


class ParcelDaysDialog(QDialog):
    def __init__(self, days: list[tuple], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Drop-off station: counts per day"))
        self.setMinimumSize(460, 480)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Day"), self.tr("Received"), self.tr("Handed out")])
        for day, received, handed in days:
            self.model.appendRow([QStandardItem(day.isoformat()), QStandardItem(str(received)),
                                  QStandardItem(str(handed))])
        table = QTableView()
        table.setObjectName("perDayTable")
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        box = QVBoxLayout(self)
        box.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
