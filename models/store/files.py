"""Files written whole or not at all, private to the user who runs GateDesk.

A USB stick pulled out, a full disk or a crash mid-write must never leave a half file under
the real name (nor replace a good older one): writers fill a temporary file beside the target,
which is flushed to the device and renamed over the target only when complete.

Every such file is created readable and writable by its owner only (0600 on POSIX): they hold
personal data, keys and rosters. A process killed mid-write leaves its temporary file behind;
each one in progress is noted in the data folder's journal with an operating-system lock held on
the note, so the next GateDesk to start removes the leftovers of writers that are gone.
"""
from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from models.store.instance import lock_fd, unlock_fd

PRIVATE = 0o600
PARTIAL_TAG = ".partial"
# Files SQLite keeps beside a database it writes (a backup being made is one).
SIDECARS = ("-journal", "-wal", "-shm")

_journal: Path | None = None


def partial_name(path: Path) -> Path:
    # Keeps the suffix: Pillow and others choose the format by it.
    return path.with_name(f".{path.stem}.{secrets.token_hex(4)}{PARTIAL_TAG}{path.suffix}")


def create_private(path: Path) -> None:
    """An empty file only its owner may read (fails if it exists)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE)
    os.close(fd)


def make_private(path: Path) -> None:
    """Narrow an existing file to its owner (a database made by an older GateDesk)."""
    if os.name == "posix" and path.exists() and path.stat().st_mode & 0o077:
        path.chmod(PRIVATE)


def keep_journal(data_dir: Path | None) -> None:
    """Note writes in progress under data_dir (None: stop noting)."""
    global _journal
    _journal = None if data_dir is None else data_dir / "writing"


@contextmanager
def _noted(partial: Path) -> Iterator[None]:
    note = None if _journal is None else _journal / f"{secrets.token_hex(8)}.note"
    try:
        if note is None:
            raise FileNotFoundError
        _journal.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(note, os.O_RDWR | os.O_CREAT | os.O_EXCL, PRIVATE)
    except OSError:  # no journal (or a read-only data folder): the write goes on without its note
        yield
        return
    try:
        lock_fd(fd)
        os.write(fd, str(partial.resolve()).encode("utf-8", "surrogateescape"))
        yield
    finally:
        try:
            unlock_fd(fd)
        finally:
            os.close(fd)
            note.unlink(missing_ok=True)


def remove_leftovers(data_dir: Path) -> int:
    """Delete the temporary files of writers that died (their note is no longer locked); returns
    how many. A writer still at work, in this process or another, keeps its note locked."""
    journal = data_dir / "writing"
    removed = 0
    for note in sorted(journal.glob("*.note")) if journal.is_dir() else []:
        try:
            fd = os.open(note, os.O_RDWR)
        except OSError:
            continue
        done = False
        try:
            try:
                lock_fd(fd)
            except OSError:
                continue  # its writer is alive
            target = Path(os.read(fd, 4096).decode("utf-8", "surrogateescape"))
            done = True
            if target.name.startswith(".") and PARTIAL_TAG in target.name:  # only ever our own files
                for path in (target, *(target.with_name(target.name + s) for s in SIDECARS)):
                    try:
                        path.unlink()
                        removed += path == target
                    except FileNotFoundError:
                        pass
                    except OSError:
                        done = False  # a stick that is not there now: the note stays for next time
            unlock_fd(fd)
        finally:
            os.close(fd)
        if done:
            note.unlink(missing_ok=True)
    return removed


@contextmanager
def written_whole(path: Path) -> Iterator[Path]:
    """Yields the temporary path to write; on success it becomes `path`, on any error it is removed."""
    path = Path(path)
    partial = partial_name(path)
    try:
        # Noted before it exists: a process killed at any moment leaves nothing the next start misses.
        with _noted(partial):
            create_private(partial)  # writers open it and truncate: the owner-only mode stays
            yield partial
            with open(partial, "rb") as f:
                os.fsync(f.fileno())
            os.replace(partial, path)
    finally:
        for leftover in (partial, *(partial.with_name(partial.name + s) for s in SIDECARS)):
            if leftover.exists():
                try:
                    leftover.unlink()
                except OSError:  # the stick is gone: nothing under the real name was touched
                    pass


def write_bytes(path: Path, data: bytes) -> Path:
    with written_whole(path) as partial:
        partial.write_bytes(data)
    return Path(path)


def write_text(path: Path, text: str) -> Path:
    return write_bytes(path, text.encode("utf-8"))
