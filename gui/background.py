"""Long work (exports, imports) on a worker thread, with progress and cancel (Anki's CollectionOp).

The work is a plain function from the core; it reports through a progress(done, total)
callback and polls cancelled(). Results and errors come back to the GUI thread by signal.
A progress dialog appears only when the work lasts longer than half a second.
"""
from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

SHOW_AFTER_MS = 500


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable):
        super().__init__()
        self.work = work
        self.cancel_requested = threading.Event()

    def run(self) -> None:
        try:
            result = self.work(lambda done, total=0: self.progressed.emit(int(done), int(total)),
                               self.cancel_requested.is_set)
        except Exception as exc:  # noqa: BLE001 - handed to the GUI, which explains it
            self.failed.emit(exc)
        else:
            self.finished.emit(result)


class BackgroundOp(QObject):
    """Run work(progress, cancelled) off the GUI thread; on_done(result) / on_error(exc) after."""

    done = Signal(object)
    error = Signal(object)

    def __init__(self, parent: QWidget, work: Callable, *, label: str, cancellable: bool = True):
        super().__init__(parent)
        self._thread = QThread()
        self._worker = _Worker(work)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._progress)
        self._worker.finished.connect(self._finished)
        self._worker.failed.connect(self._failed)
        self.dialog = QProgressDialog(label, self.tr("Cancel") if cancellable else "", 0, 0, parent)
        self.dialog.setObjectName("progressDialog")
        self.dialog.setWindowTitle("GateDesk")
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self.cancel)
        self.dialog.hide()
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self.dialog.show)
        self.running = False

    def start(self) -> BackgroundOp:
        self.running = True
        self._thread.start()
        self._show_timer.start(SHOW_AFTER_MS)
        return self

    def cancel(self) -> None:
        self._worker.cancel_requested.set()
        self.dialog.setLabelText(self.tr("Cancelling…"))

    def _progress(self, done: int, total: int) -> None:
        if total:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _stop(self) -> None:
        self.running = False
        self._show_timer.stop()
        self.dialog.hide()
        self._thread.quit()
        self._thread.wait()

    def _finished(self, result) -> None:
        self._stop()
        self.done.emit(result)

    def _failed(self, exc) -> None:
        self._stop()
        self.error.emit(exc)
