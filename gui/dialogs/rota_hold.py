"""At a gate its residents' rota holds (no property company), the locked PC and the sign-in window
also take a duty card, scanned anywhere on the page, or a name and PIN (F3): whoever checks in at
the gate is the guard on duty. Elsewhere this shows nothing and catches nothing."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from gui import texts
from gui.scanner import ScanCatcher
from models.staffing import CARD_PREFIX, DutyRefused
from models.trust.operators import WrongPin


class RotaHold(QWidget):
    on_duty = Signal()

    def __init__(self, page: QWidget, say: Callable[[str], None]):
        super().__init__(page)
        self.desk = None
        self.page = page
        self.say = say
        self.scanner = ScanCatcher(page, CARD_PREFIX, self.card)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel(self.tr("The gate is held by the rota: scan your duty card to check in."))
        self.hint.setObjectName("rotaHint")
        self.hint.setWordWrap(True)
        row.addWidget(self.hint, 1)
        self.by_name = QPushButton(self.tr("Check in by name… [F3]"))
        self.by_name.setObjectName("holdByName")
        self.by_name.setMinimumHeight(44)
        self.by_name.clicked.connect(self.check_by_name)
        row.addWidget(self.by_name)
        self.shortcut = QShortcut(QKeySequence("F3"), page)
        self.shortcut.setContext(Qt.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.check_by_name)
        self.shortcut.setEnabled(False)
        self.hide()

    def attach(self, desk) -> None:
        """Shown (and catching cards) only where the rota holds the gate; asked again each time the
        page shows, as the setting can change while GateDesk runs."""
        self.desk = desk
        on = desk.staffing.holds_gate()
        self.setVisible(on)
        self.shortcut.setEnabled(on)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.scanner.activate()
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.scanner.deactivate()
        super().hideEvent(event)

    def card(self, text: str) -> None:
        self._hold(self.desk.staffing.hold_gate_card, text)

    def check_by_name(self) -> None:
        from gui.dialogs.duty_dialogs import PinCheckDialog

        if self.desk is None or not self.isVisible():
            return
        people = self.desk.staffing.gate_people()
        if not people:
            self.say(self.tr("Nobody on the gate rota has a PIN: scan your duty card, or a supervisor signs in."))
            return
        dialog = PinCheckDialog(people, self.page)
        if dialog.exec():
            self._hold(self.desk.staffing.hold_gate_pin, dialog.person_id(), dialog.pin.text())

    def _hold(self, fn, *args) -> None:
        try:
            fn(*args)
        except (DutyRefused, WrongPin) as refused:
            self.say(texts.message(refused.message))
            return
        self.on_duty.emit()
