"""Photos of supervision visits, as kept (re-encoded small): a team's visit, looked at before signing
off or afterwards; at the office, a compound's visits (a supervisor's, audited by the core)."""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListView, QListWidget, QListWidgetItem, QVBoxLayout

from models.app.desk import Desk

THUMB = 240


class PhotoList(QDialog):
    """Thumbnails with what each shows; entries: (JPEG bytes, label, tooltip)."""

    def __init__(self, title: str, said: str, entries: list[tuple[bytes, str, str]], parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(820, 560)
        box = QVBoxLayout(self)
        line = QLabel(said)
        line.setWordWrap(True)
        box.addWidget(line)
        self.list = QListWidget()
        self.list.setObjectName("photoList")
        self.list.setViewMode(QListView.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setResizeMode(QListView.Adjust)
        self.list.setWordWrap(True)
        for data, label, tip in entries:
            picture = QPixmap()
            picture.loadFromData(data, "JPEG")
            entry = QListWidgetItem(QIcon(picture), label)
            entry.setToolTip(tip)
            self.list.addItem(entry)
        box.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.list.setFocus()
        self.list.setCurrentRow(0)


class PhotosDialog(PhotoList):
    """One visit's photos, at the team's station."""

    def __init__(self, desk: Desk, inspection_id: str, parent=None):
        view = desk.supervision.visit_view(inspection_id)
        items = {i.id: f"{i.code} {i.text}" for i in view.items}
        photos = desk.supervision.photos(inspection_id)
        said = (self.tr("{0} · {1} photos").format(view.visit.compound_name, len(photos)) if photos else
                self.tr("No photo yet: add one with Ctrl+P on the item it shows."))
        super().__init__(self.tr("Photos of the visit"), said,
                         [(p.data, items.get(p.item_id, self.tr("the visit")), f"{p.width}×{p.height}")
                          for p in photos], parent)


class CompoundPhotosDialog(PhotoList):
    """At the office: the photos of a compound's signed visits, the newest visit first."""

    def __init__(self, compound: str, visits: list, parent=None, *, older: int = 0):
        whole = self.tr("the visit")  # a photo of no item in particular
        entries = [(p.data, f"{v.visit.day} · {v.items.get(p.item_id, whole)}",
                    f"{v.visit.team} · {p.width}×{p.height}") for v in visits for p in v.photos]
        said = (self.tr("{0} · {1} visits · {2} photos").format(compound, len(visits), len(entries)) if entries else
                self.tr("{0}: no visit here kept a photo (or they have aged out).").format(compound))
        if older:
            said += "\n" + self.tr("The newest visits only: {0} older visits with photos are not shown.").format(older)
        super().__init__(self.tr("Photos of the visits"), said, entries, parent)
