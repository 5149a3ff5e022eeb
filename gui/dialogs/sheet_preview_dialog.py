"""A sheet from outside (a district's standard, the office's list of compounds, a community's census),
read first and shown before anything is loaded: what it holds, and each row it cannot use and why."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
)

from gui import texts
from models.formats.sheets import SheetProblem, WrongSheet
from models.store.i18n import Refused

SHOWN_LEFT_OUT = 200


def read_sheet(parent, title: str, read):
    """Asks for the file and reads it with `read(path)`: (path, what it holds), or None when no file
    was chosen or it cannot be read at all (said in a message box)."""
    folder = QSettings().value("sheets/folder") or str(Path.home())
    name, _ = QFileDialog.getOpenFileName(parent, title, folder, QCoreApplication.translate(
        "SheetPreviewDialog", "Spreadsheets (*.xlsx *.csv)"))
    if not name:
        return None
    path = Path(name)
    QSettings().setValue("sheets/folder", str(path.parent))
    try:
        return path, read(path)
    except (SheetProblem, WrongSheet, Refused) as exc:
        QMessageBox.warning(parent, title, texts.message(exc.message))
    except OSError as exc:
        QMessageBox.warning(parent, title, f"{path.name}: {exc.strerror or exc}")
    return None


class SheetPreviewDialog(QDialog):
    """What will be loaded (`summary`) and the rows left out; Load or Cancel."""

    def __init__(self, title: str, summary: str, left_out: list, parent=None, *, load_text: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(620)
        box = QVBoxLayout(self)
        said = QLabel(summary)
        said.setObjectName("sheetSummary")
        said.setWordWrap(True)
        box.addWidget(said)
        if left_out:
            box.addWidget(QLabel(self.tr("{0} rows cannot be used and are left out:").format(len(left_out))))
            self.rows = QListWidget()
            self.rows.setObjectName("leftOut")
            self.rows.addItems([texts.message(m) for m in left_out[:SHOWN_LEFT_OUT]])
            if len(left_out) > SHOWN_LEFT_OUT:
                self.rows.addItem(self.tr("… and {0} more").format(len(left_out) - SHOWN_LEFT_OUT))
            box.addWidget(self.rows, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(load_text or self.tr("Load"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        buttons.button(QDialogButtonBox.Ok).setFocus()
