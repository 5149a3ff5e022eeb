"""The gate's set-up sheet: its key fingerprint for the community office, to print or save."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from gui.printing import print_pages
from models.app.desk import Desk
from models.sync.setup_sheet import setup_sheet_page, write_setup_sheet


class SetupSheetDialog(QDialog):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.info = desk.sync.setup_info()
        self.setWindowTitle(self.tr("Set-up sheet"))
        box = QVBoxLayout(self)
        intro = QLabel(self.tr("The community office imports this gate's bundles once it has enrolled the gate by "
                               "this fingerprint. Print this sheet for the office, or read the fingerprint to them "
                               "over the phone."))
        intro.setWordWrap(True)
        box.addWidget(intro)
        box.addWidget(QLabel(f"{self.info.compound} · {self.info.gate}"))
        self.fingerprint = QLabel(self.info.fingerprint.upper())
        self.fingerprint.setObjectName("fingerprint")
        box.addWidget(self.fingerprint)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        box.addWidget(self.message)
        row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        close = QPushButton(self.tr("Close"))
        for b in (self.print_button, self.save_button, close):
            b.setMinimumHeight(40)
            row.addWidget(b)
        box.addLayout(row)
        self.print_button.clicked.connect(self.print_sheet)
        self.save_button.clicked.connect(self.save_sheet)
        close.clicked.connect(self.reject)

    def print_sheet(self) -> None:
        print_pages(self, [setup_sheet_page(self.info, language=self.desk.settings.language)],
                    title=self.tr("Set-up sheet"))

    def save_sheet(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the set-up sheet"),
                                              f"setup-{self.info.gate}.pdf", self.tr("PDF (*.pdf)"))
        if not name:
            return None
        path = Path(name)
        try:
            write_setup_sheet(self.info, path, language=self.desk.settings.language)
        except OSError as exc:
            self.message.setText(self.tr("Could not write {0}: {1}").format(path, exc.strerror or exc))
            return None
        self.message.setText(self.tr("Saved {0}.").format(path))
        return path
