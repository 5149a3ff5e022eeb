"""A visit's photos, as kept (re-encoded small): looked at before signing off, or afterwards."""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListView, QListWidget, QListWidgetItem, QVBoxLayout

from models.app.desk import Desk

THUMB = 240


class PhotosDialog(QDialog):
    def __init__(self, desk: Desk, inspection_id: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Photos of the visit"))
        self.resize(820, 560)
        box = QVBoxLayout(self)
        view = desk.supervision.visit_view(inspection_id)
        items = {i.id: f"{i.code} {i.text}" for i in view.items}
        photos = desk.supervision.photos(inspection_id)
        said = QLabel(self.tr("{0} · {1} photos").format(view.visit.compound_name, len(photos)) if photos else
                      self.tr("No photo yet: add one with Ctrl+P on the item it shows."))
        said.setWordWrap(True)
        box.addWidget(said)
        self.list = QListWidget()
        self.list.setObjectName("photoList")
        self.list.setViewMode(QListView.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setResizeMode(QListView.Adjust)
        self.list.setWordWrap(True)
        for photo in photos:
            picture = QPixmap()
            picture.loadFromData(photo.data, "JPEG")
            entry = QListWidgetItem(QIcon(picture), items.get(photo.item_id, self.tr("the visit")))
            entry.setToolTip(f"{photo.width}×{photo.height}")
            self.list.addItem(entry)
        box.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.list.setFocus()
        self.list.setCurrentRow(0)
