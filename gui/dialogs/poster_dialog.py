"""A gate's check-in poster: what its QR says, a preview, and PDF, PNG or the printer."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
)

from gui import texts
from gui.printing import print_pages, qimage
from models.app.desk import Desk
from models.gate.posters import PosterProblem, VenueKind, poster_page, read_code_from_image, write_poster
from models.store.i18n import Message

PREVIEW_DPI = 60


class PosterDialog(QDialog):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Check-in posters"))
        self.resize(1000, 700)
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        form = QFormLayout()
        self.gate = QComboBox()
        self.gate.setObjectName("posterGate")
        for compound, gate in desk.posters.poster_gates():
            self.gate.addItem(f"{compound.name} {gate.name}", gate.id)
        form.addRow(self.tr("Gate"), self.gate)
        self.kinds = {VenueKind.GATEDESK: QRadioButton(self.tr("GateDesk venue code")),
                      VenueKind.OFFICIAL: QRadioButton(self.tr("The official venue code's text")),
                      VenueKind.URL: QRadioButton(self.tr("A web address"))}
        group = QButtonGroup(self)
        kind_box = QVBoxLayout()
        for kind, button in self.kinds.items():
            button.setObjectName(f"kind_{kind.value}")
            group.addButton(button)
            kind_box.addWidget(button)
        form.addRow(self.tr("The QR says"), kind_box)
        self.content = QLineEdit()
        self.content.setObjectName("posterContent")
        self.content.setPlaceholderText(self.tr("paste the text"))
        self.read_button = QPushButton(self.tr("Read from a picture…"))
        self.read_button.clicked.connect(self.read_picture)
        content_row = QHBoxLayout()
        content_row.addWidget(self.content, 1)
        content_row.addWidget(self.read_button)
        form.addRow("", content_row)
        self.hotline = QLineEdit()
        self.hotline.setObjectName("posterHotline")
        self.hotline.setPlaceholderText(self.tr("e.g. 0591-12345"))
        form.addRow(self.tr("Hotline"), self.hotline)
        self.paper = QComboBox()
        self.paper.addItems(["A4", "A3"])
        form.addRow(self.tr("Paper"), self.paper)
        left.addLayout(form)
        self.message = QLabel("")
        self.message.setObjectName("posterMessage")
        self.message.setWordWrap(True)
        left.addWidget(self.message)
        left.addStretch(1)
        buttons = QHBoxLayout()
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        self.png_button = QPushButton(self.tr("Save PNG…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("primary")
        for b in (self.pdf_button, self.png_button, self.print_button):
            b.setMinimumHeight(44)
            buttons.addWidget(b)
        left.addLayout(buttons)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        left.addWidget(close)
        outer.addLayout(left, 1)
        self.preview = QLabel()
        self.preview.setObjectName("posterPreview")
        self.preview.setAlignment(Qt.AlignCenter)
        # The preview follows the dialog's size, never the other way: a full-size page would make
        # the dialog taller than a 720-line screen.
        self.preview.setMinimumSize(360, 420)
        self.preview.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Ignored)
        self._page = QPixmap()
        outer.addWidget(self.preview, 1)

        self.gate.currentIndexChanged.connect(self.load)
        for button in self.kinds.values():
            button.toggled.connect(self._kind_changed)
        self.content.editingFinished.connect(self.refresh)
        self.hotline.editingFinished.connect(self.refresh)
        self.paper.currentIndexChanged.connect(self.refresh)
        self.pdf_button.clicked.connect(lambda: self.save_file("pdf"))
        self.png_button.clicked.connect(lambda: self.save_file("png"))
        self.print_button.clicked.connect(self.print_poster)
        self.load()

    def gate_id(self) -> str | None:
        return self.gate.currentData()

    def kind(self) -> VenueKind:
        return next(k for k, b in self.kinds.items() if b.isChecked())

    def load(self) -> None:
        if self.gate_id() is None:
            self.message.setText(self.tr("No gates yet."))
            return
        code = self.desk.posters.venue_code(self.gate_id())
        self.kinds[VenueKind(code.kind)].setChecked(True)
        self.content.setText(code.content)
        self.hotline.setText(code.hotline)
        self._kind_changed()

    def _kind_changed(self, *_args) -> None:
        own = self.kind() == VenueKind.GATEDESK
        self.content.setEnabled(not own)
        self.read_button.setEnabled(self.kind() == VenueKind.OFFICIAL)
        self.refresh()

    def apply(self) -> bool:
        """Keep the settings for this gate; False (and the reason shown) when they cannot be used."""
        try:
            self.desk.posters.save_venue_code(gate_id=self.gate_id(), kind=self.kind().value, content=self.content.text(),
                                      hotline=self.hotline.text())
        except PosterProblem as exc:
            self.message.setText(texts.message(Message("Posters", exc.text, exc.params)))
            return False
        self.message.setText("")
        return True

    def refresh(self, *_args) -> None:
        if self.gate_id() is None or not self.apply():
            self.preview.clear()
            return
        from models.kit.drawing import to_image

        image = to_image(poster_page(self.spec()), PREVIEW_DPI)
        self._page = QPixmap.fromImage(qimage(image))
        self._show_page()

    def _show_page(self) -> None:
        if not self._page.isNull():
            self.preview.setPixmap(self._page.scaled(self.preview.size(), Qt.KeepAspectRatio, Qt.SmoothTransformation))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._show_page()

    def spec(self):
        return self.desk.posters.poster_spec(self.gate_id(), size=self.paper.currentText())

    def read_picture(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("A photo or scan of the official code"), "",
                                              self.tr("Pictures (*.png *.jpg *.jpeg *.bmp)"))
        if not name:
            return
        try:
            self.content.setText(read_code_from_image(Path(name)))
        except PosterProblem as exc:
            self.message.setText(texts.message(Message("Posters", exc.text, exc.params)))
            return
        self.refresh()

    def save_file(self, kind: str) -> Path | None:
        if not self.apply():
            return None
        spec = self.spec()
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the poster"),
                                              f"{spec.compound}-{spec.gate}-{spec.size}.{kind}",
                                              "PDF (*.pdf)" if kind == "pdf" else "PNG (*.png)")
        if not name:
            return None
        path = Path(name).with_suffix(f".{kind}")
        try:
            write_poster(spec, path)
        except OSError as exc:
            self.message.setText(self.tr("Could not write {0}: {1}").format(path, exc.strerror or exc))
            return None
        self.message.setText(self.tr("Saved {0}").format(path))
        return path

    def print_poster(self) -> None:
        if not self.apply():
            return
        spec = self.spec()
        if print_pages(self, [poster_page(spec)], size=spec.size, title=f"{spec.compound} {spec.gate}"):
            self.message.setText(self.tr("Sent to the printer."))
