import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from gui.app import install_language, make_app
from gui.background import BackgroundOp
from models.app.desk import Desk
from models.store.db import open_database
from models.trust.first_run import SetupForm
from models.trust.operators import Role

PINS = {"林管理": "1234", "陈主管": "2345", "张保安": "1111"}


@pytest.fixture(scope="session")
def qapp_cls():
    return QApplication


@pytest.fixture
def app(qapp):
    make_app()
    install_language(qapp, "zh_CN")
    yield qapp
    install_language(qapp, "zh_CN")
    left = BackgroundOp.stop_all(seconds=60)
    assert not left, f"{left} background work(s) still running when the test ended"


@pytest.fixture
def blank_desk(tmp_path):
    db = open_database(tmp_path / "data" / "gatedesk.sqlite3")
    desk = Desk(db)
    yield desk
    left = BackgroundOp.stop_all()  # as the app does before its database closes
    db.close()
    # Work a test left running would go on in the next test's time, against a closed database.
    assert not left, f"{left} background work(s) still running when the test ended"


@pytest.fixture
def desk(blank_desk):
    """A set-up station with a guard on duty."""
    d = blank_desk
    d.staff.complete_setup(SetupForm(compound_name="榕城花园", gate_name="东门", admin_name="林管理",
                               admin_pin=PINS["林管理"], admin_pin_again=PINS["林管理"]))
    with d.authorised(operator_id(d, "林管理"), PINS["林管理"], Role.ADMIN):
        d.staff.add_operator(name="陈主管", role=Role.SUPERVISOR, pin=PINS["陈主管"])
        d.staff.add_operator(name="张保安", role=Role.GUARD, pin=PINS["张保安"])
    guard = next(o for o in d.staff.operators() if o.name == "张保安")
    d.staff.sign_in(guard.id, PINS["张保安"])
    return d


def operator_id(desk, name):
    return next(o.id for o in desk.staff.operators() if o.name == name)


def type_text(qtbot, widget, text):
    """Type as a guard would: ASCII by keys, Chinese through the input method (keyClicks aborts on it)."""
    widget.setFocus()
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


SHIFTED = set('ABCDEFGHIJKLMNOPQRSTUVWXYZ~!@#$%^&*()_+{}|:"<>?')


def device_types(text: str) -> None:
    """What a USB device in keyboard mode (a QR scanner, an ID card reader) sends, key by key, into
    whatever has the focus at each key: a Shift press before a capital or a shifted sign (as a
    keyboard's own Shift), Tab and Enter as keys, and each key released."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    def send(kind, key, modifiers, ch=""):
        target = QApplication.focusWidget()
        if target is not None:  # a window the scan closed (a sign-in): the key's release goes nowhere
            QApplication.sendEvent(target, QKeyEvent(kind, key, modifiers, ch))

    for ch in text:
        special = {"\t": Qt.Key_Tab, "\r": Qt.Key_Return}.get(ch)
        if special is not None:
            send(QEvent.KeyPress, special, Qt.NoModifier, ch)
            send(QEvent.KeyRelease, special, Qt.NoModifier, ch)
            continue
        key = ord(ch.upper()) if ch.isascii() and ch.isalnum() else 0
        if ch in SHIFTED:
            send(QEvent.KeyPress, Qt.Key_Shift, Qt.ShiftModifier)
            send(QEvent.KeyPress, key, Qt.ShiftModifier, ch)
            send(QEvent.KeyRelease, key, Qt.ShiftModifier, ch)
            send(QEvent.KeyRelease, Qt.Key_Shift, Qt.NoModifier)
        else:
            send(QEvent.KeyPress, key, Qt.NoModifier, ch)
            send(QEvent.KeyRelease, key, Qt.NoModifier, ch)


def press(qtbot, widget, key):
    qtbot.keyPress(widget, key)
