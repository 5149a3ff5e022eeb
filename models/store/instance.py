"""One GateDesk per data folder: an operating-system lock on a file beside the database.

The lock goes when the process does, however it ends (a crash, a power cut), so a stale lock
never keeps a gate out. A second window on the same folder is told plainly instead of writing
to the database at the same time; a restore waits until GateDesk is closed.
"""
from __future__ import annotations

import os
from pathlib import Path

# The file-lock module differs by platform (msvcrt on Windows, fcntl elsewhere): imported where used.

LOCK_NAME = "gatedesk.lock"


class AlreadyRunning(Exception):
    pass


class InstanceLock:
    def __init__(self, data_dir: Path):
        self.path = data_dir / LOCK_NAME
        self.fd: int | None = None

    def acquire(self) -> InstanceLock:
        """Raises AlreadyRunning when another GateDesk holds this folder."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            lock_fd(fd)
        except OSError:
            os.close(fd)
            raise AlreadyRunning() from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self.fd = fd
        return self

    def release(self) -> None:
        if self.fd is not None:
            try:
                unlock_fd(self.fd)
            finally:
                os.close(self.fd)
                self.fd = None

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


if os.name == "nt":
    import msvcrt

    def lock_fd(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def unlock_fd(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def lock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def unlock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
