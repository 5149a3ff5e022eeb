"""The end of the campaign: an administrator erases every piece of personal data on this station.

The button stays disabled until the station's name is typed exactly: no click, Enter or habit
can give this confirmation by accident."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QVBoxLayout

from models.app.desk import Desk


class CampaignDialog(QDialog):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.result_ = None
        self.setWindowTitle(self.tr("End of the campaign"))
        self.setMinimumSize(640, 400)
        self.resize(720, 400)  # a wrapped warning would otherwise stretch the dialog across the screen
        box = QVBoxLayout(self)
        warning = QLabel(self.tr(
            "This erases all personal data on this computer: names, phones, ID numbers and health details of "
            "every registration, isolation case and parcel, the residents' roster and passes, and the daily "
            "backups. Only counts remain for reports. It cannot be undone.\n\n"
            "Records holding personal data now: {0}. Export a last bundle for the office first if it has not "
            "had today's.").format(f"{desk.records.personal_left():,}"))
        warning.setWordWrap(True)
        warning.setObjectName("warningNote")
        box.addWidget(warning)
        self.phrase = desk.records.campaign_phrase()
        box.addWidget(QLabel(self.tr("To confirm, type the name of this station: {0}").format(self.phrase)))
        self.typed = QLineEdit()
        self.typed.setObjectName("confirmName")
        self.typed.setMinimumHeight(44)
        box.addWidget(self.typed)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.erase = self.buttons.addButton(self.tr("Erase all personal data"), QDialogButtonBox.DestructiveRole)
        self.erase.setObjectName("eraseAll")
        self.erase.setEnabled(False)
        self.erase.setAutoDefault(False)
        self.erase.clicked.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        box.addWidget(self.buttons)
        self.typed.textChanged.connect(lambda text: self.erase.setEnabled(desk.records.campaign_confirmed(text)))

    def run(self) -> None:
        """Seconds to minutes on a big station (the file is rebuilt at the end): on a worker
        thread, with a progress dialog, so the window stays alive."""
        from gui.background import BackgroundOp

        self.erase.setEnabled(False)
        self.typed.setEnabled(False)
        typed, desk = self.typed.text(), self.desk
        self.op = BackgroundOp(self, lambda _progress, _cancelled: desk.records.end_campaign(typed),
                               label=self.tr("Erasing personal data…"), cancellable=False)
        self.op.done.connect(self._done)
        self.op.error.connect(self._failed)
        self.op.start()

    def _done(self, result) -> None:
        self.result_ = result
        QMessageBox.information(self, self.windowTitle(), self.tr(
            "Done. Personal data was erased from {0} records, and {1} backups were deleted. Copies made by hand "
            "or exported to USB sticks must be destroyed separately.").format(
            f"{result.erased.total:,}", result.backups_removed))
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.typed.setEnabled(True)
        self.erase.setEnabled(True)
        QMessageBox.warning(self, self.windowTitle(), self.tr("Nothing was erased: {0}").format(
            getattr(exc, "strerror", None) or exc))


def open_campaign(desk: Desk, parent) -> bool:
    """True when the campaign was ended."""
    from PySide6.QtCore import QCoreApplication

    from gui.dialogs.sign_in_dialog import authority

    with authority(desk, parent, "records.end_campaign", QCoreApplication.translate(
            "Authority", "Only an administrator ends the campaign: an administrator's PIN is needed.")) as allowed:
        return bool(allowed and CampaignDialog(desk, parent).exec())
