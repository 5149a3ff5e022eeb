"""The day's housekeeping off the GUI thread: erasing personal data past its retention period,
then the daily backup.

Both take seconds on a big database (a 1.2 GB backup ~20 s, a first erasure on a year's
records ~40 s), which must never freeze the gate. They run on a plain thread (no Qt signal
crosses threads, see background.py); the erasure works in short transactions, so saves at the
gate wait at most one chunk. The GUI polls for the outcome.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal

from models.desk import Desk

EVERY_MS = 60_000
START_AFTER_MS = 5000
POLL_MS = 200


class Housekeeping(QObject):
    backup_failed = Signal(str)  # why, for the status bar
    finished = Signal()

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._outcome: tuple | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.run_now)
        self._poll = QTimer(self)
        self._poll.timeout.connect(self._check)
        self._first: QTimer | None = None

    def start(self, delay_ms: int | None = None) -> None:
        """Soon after start-up (not while the window is being built), then every minute; each
        part does nothing once it has run today."""
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        self._first.timeout.connect(self.run_now)
        self._first.start(START_AFTER_MS if delay_ms is None else delay_ms)
        self._timer.start(EVERY_MS)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def run_now(self) -> None:
        if self.running or self._stop.is_set():
            return
        self._outcome = None
        self._thread = threading.Thread(target=self._work, name="gatedesk-housekeeping", daemon=True)
        self._thread.start()
        self._poll.start(POLL_MS)

    def _work(self) -> None:
        problem = None
        try:
            self.desk.erase_expired(once_a_day=True, stopping=self._stop.is_set)
        except Exception:  # noqa: BLE001 - tried again in a minute; never stops the gate
            pass
        if not self._stop.is_set():
            try:
                self.desk.daily_backup()
            except OSError as exc:  # a full disk or a missing backup folder must not stop the gate
                problem = exc.strerror or str(exc)
        self._outcome = (problem,)

    def _check(self) -> None:
        if self._outcome is None:
            return
        self._poll.stop()
        if self._outcome[0]:
            self.backup_failed.emit(self._outcome[0])
        self.finished.emit()

    def stop(self) -> None:
        """Before the database closes: the erasure stops after its current chunk."""
        self._timer.stop()
        if self._first is not None:
            self._first.stop()
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
