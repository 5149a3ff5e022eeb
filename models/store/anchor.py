"""The audit chain's head, kept outside the database and moved by every commit that wrote to the chain.

Whoever can edit the database can cut entries off the end of the audit chain and leave a chain
that is whole; a head kept elsewhere tells. Every unit of work that appends to the chain notes
it here (models.trust.audit.record); the commit then writes the head as committed, whatever path
made it: the window, a command, an office import, a server. This module knows a file and a head
(a number and a hash, nothing personal), not the chain: the caller hands it the function that
reads the head.

The file is a fixed-size JSON record written in place without fsync: it is written after the
database's own commit is durable, so it is never ahead of the chain, and losing its last
updates to a power cut only leaves it behind the chain (which is no alarm).
"""
from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, event

SUFFIX = ".audit-anchor"
SIZE = 160  # bytes: JSON padded with spaces, so a write in place never leaves an older tail


@dataclass(frozen=True)
class Head:
    """The chain's head as anchored. since: the chain's length when the anchor was begun again after
    it had gone missing (0: anchored from the chain's start, or from when it could legitimately
    begin: a new database, an upgrade, a server's PC)."""

    seq: int
    hash: str
    since: int = 0


UNREADABLE = Head(2**62, "unreadable")


def path_beside(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def load(path: Path | None) -> Head | None:
    """None when there is none; an unreadable one reads as a head no chain reaches."""
    if path is None:
        return None
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        return UNREADABLE
    try:
        data = json.loads(raw[:4096])
        seq, digest, since = data["seq"], data["hash"], data.get("since", 0)
        if type(seq) is not int or type(digest) is not str or type(since) is not int \
                or not 0 <= seq < 2**62 or not 0 <= since <= seq:
            raise ValueError
        return Head(seq, digest, since)
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return UNREADABLE


def save(path: Path, head: Head, *, create: bool = True) -> bool:
    """Write the head in place (owner-only, as every file GateDesk makes); False when create is off
    and there is no file."""
    record = {"seq": head.seq, "hash": head.hash}
    if head.since:
        record["since"] = head.since
    body = json.dumps(record).encode().ljust(SIZE)
    try:
        fd = os.open(path, os.O_WRONLY | (os.O_CREAT if create else 0), 0o600)
    except FileNotFoundError:
        if create:
            raise
        return False
    try:
        os.pwrite(fd, body, 0)
        if os.fstat(fd).st_size > len(body):
            os.ftruncate(fd, len(body))
    finally:
        os.close(fd)
    return True


@dataclass
class _Noted:
    read: Callable[[Connection], tuple[int, str]]  # the chain's head, read in the transaction
    first: int  # the first entry the transaction appended


class Keeper:
    """Moves one database's anchor after each commit that appended to its chain.

    path: where the anchor is (None: nowhere, an in-memory database). may_begin: a missing anchor
    may be begun afresh (the database was created or upgraded to anchoring by this process, or it
    is a server's, whose anchor each PC keeps from its first use); otherwise one found missing is
    begun again with `since`, which verification reports."""

    def __init__(self, engine: Engine, path: Path | None, *, may_begin: bool):
        self.path, self.may_begin = path, may_begin
        self._noted: dict[int, _Noted] = {}
        self._heads: dict[int, tuple[int, str, int]] = {}
        self._since: int | None = None  # of the file, once read
        self._seq = 0  # the head this process wrote last
        self._lock = threading.Lock()
        event.listen(engine, "commit", self._before_commit)
        event.listen(engine, "rollback", self._forget)
        dialect = engine.dialect
        commit = dialect.do_commit

        # No event follows a commit; the dialect's own commit is wrapped so the head is written
        # only once the database holds it.
        def do_commit(connection) -> None:
            try:
                commit(connection)  # the pool's proxy of the DBAPI connection, as conn.connection is
            except BaseException:
                self._heads.pop(id(connection), None)
                raise
            moved = self._heads.pop(id(connection), None)
            if moved is not None:
                self._write(*moved)

        dialect.do_commit = do_commit
        dialect.gatedesk_anchor = self  # connections of the engine and of its option engines share it

    def note(self, conn: Connection, read: Callable[[Connection], tuple[int, str]], first: int) -> None:
        """conn's transaction appended to the chain from entry first on."""
        if id(conn) not in self._noted:
            self._noted[id(conn)] = _Noted(read, first)

    def _before_commit(self, conn: Connection) -> None:
        noted = self._noted.pop(id(conn), None)
        if noted is not None and self.path is not None:
            seq, digest = noted.read(conn)  # as committed: a savepoint rolled back took its entries with it
            if seq >= noted.first:
                self._heads[id(conn.connection)] = (seq, digest, noted.first)

    def _forget(self, conn: Connection) -> None:
        # Never conn.connection here: after the server went away it would try to reconnect.
        self._noted.pop(id(conn), None)

    def _write(self, seq: int, digest: str, first: int) -> None:
        with self._lock:  # two threads committing at once: the later head wins
            if seq < self._seq:
                return
            if self._since is None:
                held = load(self.path)
                self._since = held.since if held is not None and held is not UNREADABLE else 0
            try:
                if not save(self.path, Head(seq, digest, self._since), create=False):
                    # Gone missing (or never made): begun afresh only where that is legitimate, and
                    # only once; otherwise begun again here, and said so (verification reports it).
                    if not self.may_begin or self._seq:
                        self._since = first - 1
                    save(self.path, Head(seq, digest, self._since))
                self._seq = seq
            except OSError:
                pass  # the data folder unwritable: the next commit tries again; verification says it is behind


def keep(engine: Engine, path: Path | None, *, may_begin: bool) -> Keeper:
    """Anchor the chain of the database behind engine at path from now on."""
    return Keeper(engine, path, may_begin=may_begin)


def note(conn: Connection, read: Callable[[Connection], tuple[int, str]], first: int) -> None:
    """The audit chain had entries appended in conn's transaction: its commit moves the anchor."""
    keeper = getattr(conn.dialect, "gatedesk_anchor", None)
    if keeper is not None:
        keeper.note(conn, read, first)
