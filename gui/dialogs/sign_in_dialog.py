"""Sign in at the start of a shift, or take over from the guard on duty (hand-over)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from models.trust.roles import ROLE_LABELS, ROLE_RANK, Role

if TYPE_CHECKING:
    from models.app.desk import Desk

# Only PySide6 and the light role names at import: the sign-in window is drawn at start-up before
# the database layer is loaded (gui.app), and filled when it arrives.


class OperatorPinBox(QWidget):
    """An operator chooser and a PIN field; reused wherever someone must prove who they are."""

    def __init__(self, operators=(), *, minimum: Role = Role.GUARD, parent=None):
        super().__init__(parent)
        self.minimum = minimum
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.who = QComboBox()
        self.who.setObjectName("operator")
        self.who.setMinimumHeight(44)
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.Password)
        self.pin.setMaxLength(12)
        self.pin.setMinimumHeight(44)
        form.addRow(self.tr("Operator"), self.who)
        form.addRow(self.tr("PIN"), self.pin)
        self.set_operators(operators)

    def set_operators(self, operators) -> None:
        """Anything with id, name and role: the core's operators, or the early ones read from the file."""
        from PySide6.QtCore import QCoreApplication

        self.who.clear()
        for op in operators or ():
            if ROLE_RANK[Role(op.role)] >= ROLE_RANK[self.minimum]:
                label = QCoreApplication.translate("Operators", ROLE_LABELS[Role(op.role)])
                self.who.addItem(f"{op.name}  ({label})", op.id)

    def operator_id(self) -> str:
        return self.who.currentData()


class SignInDialog(QDialog):
    """desk=None draws the window at once (prefill() gives it the names read from the file); attach(desk)
    brings the core. OK waits for the core, and what is typed meanwhile (the PIN) stays."""

    def __init__(self, desk: Desk | None, parent=None, *, hand_over: bool = False):
        super().__init__(parent)
        self.desk = None
        self.hand_over = hand_over
        self.setWindowTitle(self.tr("Hand over the gate") if hand_over else self.tr("Sign in"))
        self.setMinimumWidth(460)
        box = QVBoxLayout(self)
        intro = QLabel(self.tr("The next operator signs in; the records that follow carry their name.")
                       if hand_over else self.tr("Choose your name and type your PIN to start your shift."))
        intro.setWordWrap(True)
        box.addWidget(intro)
        self.who = OperatorPinBox()
        box.addWidget(self.who)
        self.error = QLabel("")
        self.error.setObjectName("dialogError")
        box.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box.addWidget(self.buttons)
        self.rota = None  # at a gate the rota holds, a duty card (or name and PIN) signs in too
        self.who.pin.setFocus()
        if desk is None:
            self.who.who.setPlaceholderText(self.tr("Loading the names…"))
            self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)
        else:
            self.attach(desk)

    def prefill(self, operators, last_on_duty: str | None) -> None:
        """The names read from the file before the database layer has loaded: the guard chooses and
        types the PIN at once; OK waits for attach()."""
        self.who.set_operators(operators)
        self._choose(last_on_duty)

    def _choose(self, operator_id: str | None) -> None:
        found = self.who.who.findData(operator_id) if operator_id else -1
        # With the "loading" placeholder set, filling the list chooses nobody: choose someone.
        self.who.who.setCurrentIndex(max(found, 0) if self.who.who.count() else -1)

    def attach(self, desk: Desk) -> None:
        chosen = self.who.operator_id()  # already chosen from the early names: kept
        self.desk = desk
        self.who.set_operators(desk.staff.operators())
        self._choose(chosen or (None if self.hand_over else desk.staff.last_on_duty()))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(True)
        if not self.hand_over and desk.staffing.holds_gate():
            from gui.dialogs.rota_hold import RotaHold

            self.rota = RotaHold(self, self.error.setText)
            self.rota.on_duty.connect(lambda: QDialog.accept(self))
            self.layout().insertWidget(self.layout().indexOf(self.error), self.rota)
            self.rota.attach(desk)

    def accept(self) -> None:
        from gui import texts
        from models.trust.operators import WrongPin

        if self.desk is None:
            return
        try:
            self.desk.staff.sign_in(self.who.operator_id(), self.who.pin.text())
        except WrongPin as exc:
            self.error.setText(texts.message(exc.message))
            self.who.pin.clear()
            self.who.pin.setFocus()
            return
        super().accept()


def ask_supervisor(desk: Desk, parent, title: str, intro: str, role: Role):
    """A supervisor (or higher) proves who they are: the core's grant of their PIN for one task (used
    with `desk.authority_of`), or None if cancelled."""
    from gui import texts
    from models.trust.operators import NotAllowed, WrongPin

    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    box = QVBoxLayout(dialog)
    label = QLabel(intro)
    label.setWordWrap(True)
    box.addWidget(label)
    who = OperatorPinBox(desk.staff.operators(), minimum=role)
    box.addWidget(who)
    error = QLabel("")
    error.setObjectName("dialogError")
    box.addWidget(error)
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    box.addWidget(buttons)
    result = {}

    def ok():
        try:
            result["grant"] = desk.grant(who.operator_id(), who.pin.text(), role)
        except (WrongPin, NotAllowed) as exc:
            error.setText(texts.message(exc.message))
            who.pin.clear()
            return
        dialog.accept()

    buttons.accepted.connect(ok)
    buttons.rejected.connect(dialog.reject)
    who.pin.setFocus(Qt.OtherFocusReason)
    dialog.exec()
    return result.get("grant")


@contextmanager
def authority(desk: Desk, parent, action: str, intro: str, **call) -> Iterator[bool]:
    """Yields whether someone who may run `action` (called with `call`) is present: the operator on
    duty, or whoever gives their PIN now. The role is the core's declaration, not restated here. The
    PIN's authority ends with the block, so it never outlives the task it was for."""
    from models.app.actions import role_for

    role = role_for(action, **call)
    title = QCoreApplication.translate("Authority", "Administrator") if role is Role.ADMIN else \
        QCoreApplication.translate("Authority", "Supervisor")
    if desk.may(role):
        yield True
        return
    grant = ask_supervisor(desk, parent, title, intro, role)
    if grant is None:
        yield False
        return
    with desk.authority_of(grant):
        yield True
