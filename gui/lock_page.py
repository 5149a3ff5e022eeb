"""The locked station: the data is out of sight until someone gives their PIN.

After an idle spell the guard on duty unlocks; anyone else, or anyone at a shift change,
signs in and takes over the gate. At a gate the residents' rota holds, a duty card scanned here
(or a name and PIN) does it too; and when the rota's last guard checks out, the core locks the
station itself and this page follows."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from gui import texts
from gui.dialogs.sign_in_dialog import OperatorPinBox
from models.app.desk import Desk
from models.trust.operators import WrongPin

CHECK_MS = 15_000


class LockPage(QWidget):
    unlocked = Signal()

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.reason = "idle"
        self.locked_operator: str | None = None  # who was on duty when it locked
        box = QVBoxLayout(self)
        box.addStretch(1)
        self.title = QLabel()
        self.title.setObjectName("lockTitle")
        self.title.setAlignment(Qt.AlignCenter)
        self.title.setWordWrap(True)
        box.addWidget(self.title)
        self.who = OperatorPinBox(desk.staff.operators())
        self.who.setMaximumWidth(480)
        box.addWidget(self.who, 0, Qt.AlignHCenter)
        self.who.pin.returnPressed.connect(self.unlock)
        self.button = QPushButton(self.tr("Unlock"))
        self.button.setObjectName("primary")
        self.button.setMinimumHeight(48)
        self.button.setMinimumWidth(240)
        self.button.clicked.connect(self.unlock)
        box.addWidget(self.button, 0, Qt.AlignHCenter)
        self.error = QLabel("")
        self.error.setObjectName("dialogError")
        self.error.setAlignment(Qt.AlignCenter)
        box.addWidget(self.error)
        from gui.dialogs.rota_hold import RotaHold

        self.rota = RotaHold(self, self.error.setText)
        self.rota.setMaximumWidth(640)
        self.rota.on_duty.connect(self.unlocked)
        box.addWidget(self.rota, 0, Qt.AlignHCenter)
        box.addStretch(2)

    def show_for(self, reason: str) -> None:
        self.reason = reason
        self.locked_operator = self.desk.operator.id if self.desk.operator else None
        # No emoji: the gate PC's fonts have no lock glyph and it showed as an empty box.
        self.title.setText(self.tr("Shift change: the next operator signs in.") if reason == "shift" else
                           self.tr("Locked after a quiet spell. Type your PIN to go on."))
        current = self.who.who.findData(self.desk.operator.id if self.desk.operator else None)
        if current >= 0:
            self.who.who.setCurrentIndex(current)
        self.who.pin.clear()
        self.error.clear()
        self.rota.attach(self.desk)
        self.who.pin.setFocus()

    def unlock(self) -> None:
        try:
            self.desk.staff.unlock(self.who.operator_id(), self.who.pin.text(), reason=self.reason)
        except WrongPin as exc:
            self.error.setText(texts.message(exc.message))
            self.who.pin.clear()
            self.who.pin.setFocus()
            return
        self.unlocked.emit()


class StationLock(QObject):
    """Puts a window's content behind the lock page when the station is left alone or a shift
    changes, and back when someone gives their PIN. Activity is any key, click or wheel in the
    application (an application-wide filter; removed when the window closes)."""

    locked_changed = Signal(bool)

    def __init__(self, desk: Desk, window, content: QWidget):
        super().__init__(window)
        self.desk = desk
        self.main_window = window
        self.content = content
        self.page = LockPage(desk)
        self.page.unlocked.connect(self._unlocked)
        self.pages = QStackedWidget()
        self.pages.addWidget(content)
        self.pages.addWidget(self.page)
        self._last_activity = self._last_check = desk.now()
        QApplication.instance().installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(CHECK_MS)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.KeyPress, QEvent.MouseButtonPress, QEvent.Wheel):
            self._last_activity = self.desk.now()
        return False

    @property
    def locked(self) -> bool:
        return self.pages.currentWidget() is self.page

    def check(self) -> None:
        self.follow()
        now = self.desk.now()
        if not self.locked and self.desk.operator is not None:
            reason = self.desk.staff.lock_due(last_activity=self._last_activity, last_check=self._last_check)
            if reason:
                self.lock(reason)
        self._last_check = now

    def lock(self, reason: str) -> None:
        self.desk.staff.lock(reason)
        self._show(reason)

    def follow(self) -> None:
        """The core locked the station itself (the rota's last guard at the gate checked out)."""
        if self.desk.locked and not self.locked:
            self._show(self.desk.locked)

    def _show(self, reason: str) -> None:
        for dialog in self.main_window.findChildren(QDialog):  # nothing personal stays open over the lock
            if dialog.isVisible():
                dialog.reject()
        self.pages.setCurrentWidget(self.page)
        self.page.show_for(reason)
        self.locked_changed.emit(True)

    def _unlocked(self) -> None:
        self._last_activity = self.desk.now()
        self.pages.setCurrentWidget(self.content)
        self.locked_changed.emit(False)

    def stop(self) -> None:
        QApplication.instance().removeEventFilter(self)
        self._timer.stop()
