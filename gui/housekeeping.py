"""The day's housekeeping (the core's `records.housekeeping`: retention, then the daily backup)
run off the GUI thread, soon after start-up and then every minute.

Both take seconds on a big database (a 1.2 GB backup ~20 s, a first erasure on a year's
records ~40 s), which must never freeze the gate. They run as a quiet BackgroundOp; the erasure
works in short transactions, so saves at the gate wait at most one chunk.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from gui.background import BackgroundOp
from models.app.desk import Desk

EVERY_MS = 60_000
START_AFTER_MS = 5000


class Housekeeping(QObject):
    backup_failed = Signal(str)  # why, for the status bar
    erasure_failed = Signal()  # personal data past its retention could not be erased this round
    finished = Signal()

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self._stopped = False
        self._op: BackgroundOp | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.run_now)
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        self._first.timeout.connect(self.run_now)

    def start(self, delay_ms: int | None = None) -> None:
        """Soon after start-up (not while the window is being built), then every minute; each
        part does nothing once it has run today."""
        self._first.start(START_AFTER_MS if delay_ms is None else delay_ms)
        self._timer.start(EVERY_MS)

    @property
    def running(self) -> bool:
        return self._op is not None and self._op.running

    def run_now(self) -> None:
        if self.running or self._stopped:
            return
        self._op = BackgroundOp(self, self._work, quiet=True)
        self._op.done.connect(self._done)
        self._op.error.connect(lambda _exc: self.finished.emit())  # tried again in a minute
        self._op.start()

    def _work(self, _progress, stopping):
        return self.desk.records.housekeeping(stopping=stopping)

    def _done(self, routine) -> None:
        if routine.erasure_failed:
            self.erasure_failed.emit()
        if routine.backup_problem:
            self.backup_failed.emit(routine.backup_problem)
        self.finished.emit()

    def stop(self) -> None:
        """Before the database closes: the erasure stops after its current chunk."""
        self._stopped = True
        self._timer.stop()
        self._first.stop()
        if self._op is not None:
            self._op.cancel()
            self._op.wait(30)


def keep_house(desk: Desk, window, show) -> Housekeeping:
    """A window's housekeeping, started, its failures said by `show(text, ms)` (the status line)."""
    kept = Housekeeping(desk, window)
    kept.backup_failed.connect(lambda why: show(QCoreApplication.translate(
        "Housekeeping", "The daily backup could not be written: {0}").format(why), 60_000))
    kept.erasure_failed.connect(lambda: show(QCoreApplication.translate(
        "Housekeeping", "Personal data past its retention period could not be erased; GateDesk tries again every "
                        "minute. A report is in the logs folder: tell the administrator."), 60_000))
    kept.start()
    return kept
