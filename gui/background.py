"""Long work (exports, imports) on a worker thread, with progress and cancel (Anki's CollectionOp).

The work is a plain function from the core; it reports through a progress(done, total)
callback and polls cancelled(). The worker is a plain Python thread that only writes numbers
into shared state; the GUI thread reads them on a timer. No Qt signal crosses threads:
PySide6 6.8-6.12 corrupts reference counts when Python signals are emitted from another
thread at a high rate ("deallocating None"), which we reproduced in a 20-line script.
A progress dialog appears only when the work lasts longer than half a second.
"""
from __future__ import annotations

import contextvars
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

SHOW_AFTER_MS = 500
POLL_MS = 50


class BackgroundOp(QObject):
    """Run work(progress, cancelled) off the GUI thread; done(result) / error(exc) come after, on it."""

    _running: set[BackgroundOp] = set()  # every op whose work has not ended, wherever its window went

    done = Signal(object)
    error = Signal(object)
    progressed = Signal(int, int)  # (done, total), for work that shows its own progress

    def __init__(self, parent: QWidget | None, work: Callable, *, label: str = "", cancellable: bool = True,
                 quiet: bool = False):
        """quiet: no progress dialog (housekeeping, checks the user need not wait for)."""
        super().__init__(parent)
        self._work = work
        # The work runs as the task that started it: a PIN's authority held there (and only while it
        # is held) holds for the work too.
        self._context = contextvars.copy_context()
        self._cancel = threading.Event()
        self._progress = (0, 0)
        self._outcome: tuple[bool, object] | None = None
        self._thread = threading.Thread(target=self._run, name="gatedesk-work", daemon=True)
        self._poll = QTimer(self)
        self._poll.timeout.connect(self._check)
        self.running = False
        self.dialog = None
        if quiet:
            return
        self.dialog = QProgressDialog(label, self.tr("Cancel") if cancellable else "", 0, 0, parent)
        self.dialog.setObjectName("progressDialog")
        self.dialog.setWindowTitle("GateDesk")
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self.cancel)
        # QProgressDialog shows itself once its minimum duration has passed (a timer of its own, from
        # construction): stopped, so it shows only when _show_timer says so, and never after the work.
        self.dialog.reset()
        self.dialog.hide()
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self.dialog.show)

    def _run(self) -> None:
        def progress(done: int, total: int = 0) -> None:
            self._progress = (int(done), int(total))  # one tuple assignment: read whole by the GUI

        try:
            result = self._context.run(self._work, progress, self._cancel.is_set)
        except Exception as exc:  # noqa: BLE001 - handed to the GUI, which explains it
            self._outcome = (False, exc)
        else:
            self._outcome = (True, result)

    def start(self) -> BackgroundOp:
        self.running = True
        BackgroundOp._running.add(self)
        self._thread.start()
        if self.dialog is not None:
            self._show_timer.start(SHOW_AFTER_MS)
        self._poll.start(POLL_MS)
        return self

    def cancel(self) -> None:
        self._cancel.set()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Cancelling…"))

    def wait(self, seconds: float) -> None:
        """Block until the work ends (after cancel(), before the database closes)."""
        if self._thread.is_alive():
            self._thread.join(timeout=seconds)

    @classmethod
    def stop_all(cls, seconds: float = 30) -> int:
        """Before the database closes: every work still running is asked to stop and waited for,
        so none goes on writing to a closed database (a window closed during an export or an
        import). Returns how many were still running."""
        running = [op for op in cls._running if op._thread.is_alive()]
        for op in running:
            op._cancel.set()
        for op in running:
            op.wait(seconds)
        for op in cls._running:  # nothing of it shows up afterwards: no progress window over what follows
            op._poll.stop()
            if op.dialog is not None:
                op._show_timer.stop()
                op.dialog.reset()
                op.dialog.hide()
        cls._running.clear()
        return len(running)

    def _check(self) -> None:
        done, total = self._progress
        if self.dialog is None:
            if done:
                self.progressed.emit(done, total)
        elif total:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        if self._outcome is None:
            return
        self._thread.join()
        self.running = False
        BackgroundOp._running.discard(self)
        self._poll.stop()
        if self.dialog is not None:
            self._show_timer.stop()
            self.dialog.reset()
            self.dialog.hide()
        ok, value = self._outcome
        (self.done if ok else self.error).emit(value)
