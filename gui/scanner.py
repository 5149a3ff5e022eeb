"""A USB QR scanner is a keyboard: it types the code's text and Enter into whatever has focus.

ScanCatcher watches the keys going to one page. Keys that could begin a pass ("GDP1.") are held
back for a moment; once the prefix is complete, everything up to Enter is taken as a scan and
handed over whole, so a scan never lands in a field (which would cut it at the field's length)
or presses a choice key (G would pick the green code). Held keys that turn out not to be a scan
are delivered as typed, after at most HOLD_MS.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

HOLD_MS = 80  # a scanner types a character every few ms; people take far longer between keys
MAX_SCAN = 2000
# A device in keyboard mode presses Shift before each capital (a pass's "GDP1.", a card's final X),
# as a keyboard's own Shift: a key press of its own, with no text. It belongs to the code.
MODIFIERS = (Qt.Key_Shift, Qt.Key_Control, Qt.Key_Alt, Qt.Key_AltGr, Qt.Key_Meta, Qt.Key_CapsLock)


def modifier_only(event) -> bool:
    return event.key() in MODIFIERS


def _raise(exc: Exception) -> None:
    raise exc


class PageKeyWatcher(QObject):
    """Watches the application's key presses meant for one page, while that page is shown.

    The page calls activate() from its showEvent and deactivate() from its hideEvent, so other
    pages' events cost nothing.
    """

    def __init__(self, page: QWidget):
        super().__init__(page)
        self.page = page
        self.active = False

    def activate(self) -> None:
        if not self.active:
            QApplication.instance().installEventFilter(self)
            self.active = True

    def deactivate(self) -> None:
        if self.active:
            QApplication.instance().removeEventFilter(self)
            self.active = False
            self.reset()

    def reset(self) -> None:
        """Forget keys in flight."""

    def handled(self, fn, *args) -> bool:
        """Call the page's handler from inside the filter. An error it raises is raised again once
        the filter has returned: the crash report's dialog runs an event loop, and one started
        inside a key filter fed this filter again, over and over, until Qt crashed."""
        try:
            return bool(fn(*args))
        except Exception as exc:  # noqa: BLE001 - re-raised just below, outside the filter
            QTimer.singleShot(0, lambda error=exc: _raise(error))
            return True  # the key is spent either way: it must not act a second time

    def ours(self, target, event) -> bool:
        return event.type() == QEvent.KeyPress and isinstance(target, QWidget) and (
            target is self.page or self.page.isAncestorOf(target))


class ScanCatcher(PageKeyWatcher):
    """prefix: the text a scan starts with, or several (a pass's and a duty card's)."""

    def __init__(self, page: QWidget, prefix: str | tuple[str, ...], on_scan: Callable[[str], None]):
        super().__init__(page)
        self.prefixes = (prefix,) if isinstance(prefix, str) else tuple(prefix)
        self.on_scan = on_scan
        self.held: list[tuple[QWidget, QKeyEvent]] = []
        self.capturing = False
        self.text = ""
        self.replaying = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._give_up)

    def reset(self) -> None:
        self._release()

    def eventFilter(self, target, event) -> bool:  # noqa: N802 - Qt's name
        if self.replaying or not self.ours(target, event) or modifier_only(event):
            return False
        text = event.text()
        if self.capturing:
            if event.key() in (Qt.Key_Return, Qt.Key_Enter):
                payload, self.capturing, self.text = self.text, False, ""
                self.timer.stop()
                self.handled(self.on_scan, payload)
            elif text and text.isprintable() and len(self.text) < MAX_SCAN:
                self.text += text
                self.timer.start(HOLD_MS * 10)  # a stalled scan is dropped, not left capturing
            return True
        candidate = self.text + text
        if text and any(p.startswith(candidate) for p in self.prefixes):
            self.held.append((target, QKeyEvent(event.type(), event.key(), event.modifiers(), text)))
            self.text = candidate
            if candidate in self.prefixes:
                self.held.clear()
                self.capturing = True
            self.timer.start(HOLD_MS)
            return True
        if self.held:
            self._release()
            # A held key may have moved the cursor (G picks green and moves on): this key goes where
            # the cursor is now, as it would have without the hold.
            focus = QApplication.focusWidget()
            if focus is not None and focus is not target and self.ours(focus, event):
                self._deliver([(focus, QKeyEvent(event.type(), event.key(), event.modifiers(), text))])
                return True
        return False

    def _give_up(self) -> None:
        if self.capturing:  # no Enter came: drop the half scan
            self.capturing, self.text = False, ""
            return
        self._release()

    def _release(self) -> None:
        """Deliver held keys as typed: they were a person's, not a scanner's."""
        held, self.held, self.text = self.held, [], ""
        self.timer.stop()
        self._deliver(held)

    def _deliver(self, events: list[tuple[QWidget, QKeyEvent]]) -> None:
        self.replaying = True
        try:
            for target, event in events:
                QApplication.sendEvent(target, event)
        finally:
            self.replaying = False


BURST_GAP = 0.035  # seconds between a scanner's keys; a person's are several times longer
BURST_MIN = 8  # tracking numbers are longer than pick-up codes and phone tails


class BurstCatcher(PageKeyWatcher):
    """A code with no prefix (a parcel's tracking number, an ID card), told from typing by its speed.

    When Enter ends a burst of at least `shortest` characters typed faster than people type,
    on_burst(text, target) is called; if it returns True the burst was handled (e.g. moved to
    the tracking field) and the Enter goes no further. With `separators` (an ID card reader types
    Tab between fields), those keys belong to the burst too, wherever they move the cursor; and
    on_start() is called at the first key after a pause, before that key lands, so the page can
    note what its fields held should the keys turn out to be a device's.
    """

    def __init__(self, page: QWidget, on_burst: Callable[[str, QWidget], bool], *, shortest: int = BURST_MIN,
                 separators: str = "", on_start: Callable[[], None] | None = None):
        super().__init__(page)
        import time

        self.on_burst = on_burst
        self.on_start = on_start
        self.shortest = shortest
        self.separators = separators
        self.clock = time.monotonic
        self.keys: list[tuple[float, str]] = []
        self.target = None

    def reset(self) -> None:
        self.keys.clear()

    def eventFilter(self, target, event) -> bool:  # noqa: N802 - Qt's name
        if not self.ours(target, event) or modifier_only(event):
            return False
        now = self.clock()
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            keys, self.keys = self.keys, []
            burst = "".join(ch for _, ch in keys)
            # A tracking number is letters and digits in one field; a card's fields span scripts and fields.
            whole = bool(self.separators) or (burst.isascii() and burst.isalnum() and target is self.target)
            return len(keys) >= self.shortest and whole and self.handled(self.on_burst, burst, target)
        text = "\t" if event.key() == Qt.Key_Tab and "\t" in self.separators else event.text()
        if not text or not (text.isprintable() or text in self.separators):
            self.keys.clear()
            return False
        paused = not self.keys or now - self.keys[-1][0] > BURST_GAP
        if paused or (target is not self.target and not self.separators):
            self.keys.clear()
            if self.on_start is not None:
                self.on_start()
        self.target = target
        self.keys.append((now, text))
        return False
